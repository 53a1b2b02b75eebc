#!/bin/sh
# Blanks typed after the end of a one-line field do not reach the register
# (issue 21.16): saved without them, so the export is "… proces." and not
# "… proces. "; a long text keeps its own layout.
. "$top_srcdir/tests/e2e/lib.sh"

e2e_start 80 24 edit t.yaml
e2e_wait "Tab Volgende"
e2e_type "Parkeren"
e2e_keys Tab
e2e_wait "Korte omschrijving ·"
e2e_type "Wij controleren het proces.  "
e2e_keys C-s
e2e_wait "is opgeslagen"
e2e_keys C-q
e2e_wait_exit 0
grep -q "^description_short: Wij controleren het proces.$" "$E2E_TMP/work/t.yaml" || fail "saved with the blanks: $(grep description_short "$E2E_TMP/work/t.yaml" | cat -A)"
env $E2E_ENV "$ALGEDIT" export --force "$E2E_TMP/work/t.yaml" > "$E2E_TMP/out.json" 2>&1 || true
grep -q '"description_short": "Wij controleren het proces."' "$E2E_TMP/out.json" || fail "export: $(grep description_short "$E2E_TMP/out.json")"
