#!/bin/sh
# Resizing at any moment keeps the text and the cursor: type at 100×30,
# shrink to 80×24, 60×20 (guidance moves behind Ctrl-T), too small, back;
# then typing goes on where the cursor was.
. "$top_srcdir/tests/e2e/lib.sh"

f=r.yaml
e2e_start 100 30 edit "$f"
e2e_wait "Tab Volgende"
e2e_keys C-f
e2e_type "afwegingen"
e2e_keys Enter
e2e_wait "Afwegingen"
e2e_type "Wij wegen de belangen van inwoners zorgvuldig af tegen het doel van de regeling en kijken elk jaar opnieuw."
e2e_keys C-Left C-Left C-Left
T resize-window -t e2e -x 80 -y 24
e2e_expect_screen resize-80x24
T resize-window -t e2e -x 60 -y 20
e2e_expect_screen resize-60x20
T resize-window -t e2e -x 30 -y 8
e2e_wait "te klein"
T resize-window -t e2e -x 100 -y 30
e2e_wait "Toelichting"
e2e_type "XY "
e2e_wait "kijken XY elk jaar"
e2e_keys C-s
e2e_wait "is opgeslagen"
e2e_keys C-q
e2e_wait_exit 0
grep -q "kijken XY elk jaar opnieuw." "$E2E_TMP/work/$f" || fail "$(cat "$E2E_TMP/work/$f")"
