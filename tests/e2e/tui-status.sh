#!/bin/sh
# The status line: a message longer than the screen is wide wraps onto a
# second row, so its advice is never cut ("…nog 2 problemen; Ctr"); a
# message belongs to the field it was given in and goes when the user
# moves on. At 80×24 and 120×40.
. "$top_srcdir/tests/e2e/lib.sh"

for size in "80 24" "120 40"; do
	set -- $size
	f="kwijtschelding-gemeentelijke-belastingen-voor-inwoners-met-een-laag-inkomen-$1.yaml"
	e2e_start "$1" "$2" edit "$f"
	e2e_wait "Tab Volgende"
	e2e_type "Kwijtschelding"
	e2e_keys C-s
	e2e_wait "is opgeslagen."
	e2e_wait "Ctrl-E gaat naar het volgende."
	e2e_screen | tail -n 1 | grep -q "Volgende" || fail "the key bar is gone"
	e2e_keys Tab
	e2e_wait_gone "is opgeslagen."
	e2e_keys C-q
	e2e_wait_exit 0
done
echo "ok   long messages wrap, never cut; a message goes with its field (80x24, 120x40)"
