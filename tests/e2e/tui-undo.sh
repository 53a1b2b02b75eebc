#!/bin/sh
# Undo survives leaving a field: text typed in Naam, then in the next
# field, then back in Naam: Ctrl-Z still undoes what was typed there and
# Ctrl-Y redoes it, while the description is open.
. "$top_srcdir/tests/e2e/lib.sh"

e2e_start 80 24 edit u.yaml
e2e_wait "Tab Volgende"
e2e_type "Eerste naam"
e2e_keys Tab
e2e_wait "Korte omschrijving ·"
e2e_type "Korte tekst"
e2e_keys BTab
e2e_wait "Eerste naam"
e2e_keys C-z
e2e_wait_gone "Eerste naam"
e2e_keys C-y
e2e_wait "Eerste naam"
e2e_keys Tab
e2e_keys C-z
e2e_wait_gone "Korte tekst"
e2e_keys C-q
e2e_wait "Niet-opgeslagen wijzigingen"
e2e_keys C-q
e2e_wait_exit 0
echo "ok   undo after leaving a field and coming back"
