#!/bin/sh
# Undo back to the saved text is no change: "(niet opgeslagen)" goes from
# the title and Ctrl-Q closes without asking. The recovery question names
# the field that holds the unsaved text, and recovering opens that field.
# At 80×24 and 120×40.
. "$top_srcdir/tests/e2e/lib.sh"

for size in "80 24" "120 40"; do
	set -- $size
	f="u$1.yaml"
	mkdir -p "$E2E_TMP/work"
	printf 'name: Proef\n' > "$E2E_TMP/work/$f"
	e2e_start "$1" "$2" edit "$f"
	e2e_wait "Tab Volgende"
	e2e_wait_gone "(niet opgeslagen)"
	e2e_type "x"
	e2e_wait "(niet opgeslagen)"
	e2e_keys C-z
	e2e_wait_gone "(niet opgeslagen)"
	sleep 0.7 # the journal has been written meanwhile
	e2e_keys C-q
	e2e_wait_exit 0
	[ "$(cat "$E2E_TMP/work/$f")" = "name: Proef" ] || fail "the file changed: $(cat "$E2E_TMP/work/$f")"

	# Text typed in "Doel en impact", then the editor killed.
	e2e_start_exec "$1" "$2" edit "$f"
	e2e_wait "Tab Volgende"
	e2e_keys C-f
	e2e_type "doel"
	e2e_keys Enter
	e2e_wait "Doel en impact ·"
	e2e_type "Niet bewaard."
	e2e_wait "Niet bewaard."
	sleep 1.5
	kill -KILL "$(e2e_pid)"
	e2e_start "$1" "$2" edit "$f"
	e2e_wait "Niet-opgeslagen tekst gevonden"
	e2e_wait "Het gaat om: Doel en impact."
	e2e_keys Enter
	e2e_wait "De niet-opgeslagen tekst is terug"
	e2e_wait "Doel en impact ·"
	e2e_wait "Niet bewaard."
	e2e_keys C-q
	e2e_wait "Niet-opgeslagen wijzigingen"
	e2e_keys C-q
	e2e_wait_exit 0
done
echo "ok   undo back to the saved text is no change; recovery names its field (80x24, 120x40)"
