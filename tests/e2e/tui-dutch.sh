#!/bin/sh
# Dutch text with ë, ĳ, ’, € and an emoji in a rich field: typed, moved
# through by character and word, corrected, and saved byte for byte.
. "$top_srcdir/tests/e2e/lib.sh"

f=d.yaml
e2e_start 80 24 edit "$f"
e2e_wait "Tab Volgende"
e2e_keys C-f
e2e_type "doel"
e2e_keys Enter
e2e_wait "Doel en impact · altijd getoond"
e2e_type "De gemeente beoordeelt ĳverig of zo’n aanvraag € 5 kost 😀."
e2e_keys Enter Enter
e2e_type "- tweede alinea met ë"
# Back over "ë", one word back and forward again: insert before "ë".
e2e_keys Left C-Left C-Right
e2e_type "één "
e2e_keys C-z C-y
e2e_wait "tweede alinea met één ë"
e2e_expect_screen dutch-goal
e2e_keys C-s
e2e_wait "is opgeslagen"
e2e_keys C-q
e2e_wait_exit 0
grep -qF "  De gemeente beoordeelt ĳverig of zo’n aanvraag € 5 kost 😀." "$E2E_TMP/work/$f" || fail "text: $(cat "$E2E_TMP/work/$f")"
grep -qF "  - tweede alinea met één ë" "$E2E_TMP/work/$f" || fail "text: $(cat "$E2E_TMP/work/$f")"
