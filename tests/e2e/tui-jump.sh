#!/bin/sh
# Go to field (Ctrl-F) puts the field whose label is what was typed first,
# then labels that begin with it (issue 21.4): "Gegevens" goes to Gegevens,
# not to Contactgegevens above it, and the text typed next lands there.
# Dutch at 80x24, English ("Data") at 120x40.
. "$top_srcdir/tests/e2e/lib.sh"

jump() {
	e2e_keys C-f
	e2e_wait "$1"
	e2e_type "$2"
}

e2e_start 80 24 edit nl.yaml
e2e_wait "Tab Volgende"
jump "Deel van de veldnaam:" "Gegevens"
e2e_expect_screen jump-gegevens-nl
e2e_keys Enter
e2e_wait "┌─ Gegevens · altijd getoond"
e2e_type "Adres en kenteken."
e2e_keys C-s
e2e_wait "is opgeslagen"
e2e_keys C-q
e2e_wait_exit
grep -q "^source_data: Adres en kenteken.$" "$E2E_TMP/work/nl.yaml" || fail "the text is not in Gegevens: $(cat "$E2E_TMP/work/nl.yaml")"
grep -q "^contact_email" "$E2E_TMP/work/nl.yaml" && fail "the text went to the contact field: $(cat "$E2E_TMP/work/nl.yaml")"

E2E_ENV="$E2E_ENV ALGEDIT_LANG=en"
e2e_start 120 40 edit en.yaml
e2e_wait "Tab Next"
jump "Part of the field's name:" "Data"
e2e_expect_screen jump-data-en
e2e_keys Enter
e2e_wait "┌─ Data · always shown"
e2e_type "Address and number plate."
e2e_keys C-s
e2e_wait "Saved"
e2e_keys C-q
e2e_wait_exit
grep -q "^source_data: Address and number plate.$" "$E2E_TMP/work/en.yaml" || fail "the text is not in Data: $(cat "$E2E_TMP/work/en.yaml")"
