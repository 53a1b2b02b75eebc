#!/bin/sh
# Impacttoetsen: the title of an impact assessment offers the register's
# known names (IAMA, DPIA, ...) as completions: typing part of one narrows
# the list, ↓ highlights, Enter takes the full name. At 80×24 and 120×40.
. "$top_srcdir/tests/e2e/lib.sh"

for size in "80 24" "120 40"; do
	set -- $size
	e2e_start "$1" "$2" edit "s$1.yaml"
	e2e_wait "Tab Volgende"
	e2e_keys C-f
	e2e_type "impacttoetsen_g"
	e2e_keys Enter
	e2e_wait "Impacttoetsen ·"
	e2e_keys Enter
	e2e_wait "Suggesties (↓ ↑ kiest, Enter neemt over):"
	e2e_wait "(DPIA)"
	e2e_type "iama"
	e2e_wait_gone "(DPIA)"
	e2e_wait "tmes (IAMA)"
	e2e_keys Down Enter
	e2e_wait_gone "Suggesties"
	e2e_keys Enter
	e2e_wait "1. Impact Assessment Mensenrechten"
	e2e_keys C-s
	e2e_wait "is opgeslagen"
	e2e_keys C-q
	e2e_wait_exit 0
	grep -q "title: Impact Assessment Mensenrechten en Algoritmes (IAMA)" "$E2E_TMP/work/s$1.yaml" ||
		fail "not saved: $(cat "$E2E_TMP/work/s$1.yaml")"
done
echo "ok   impact assessment titles offer the register's names (80x24, 120x40)"
