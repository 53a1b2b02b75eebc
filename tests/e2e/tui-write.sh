#!/bin/sh
# From nothing to a valid, saved description at 80×24, then reopen it: every
# required field filled through the walk (Tab, Enter in a picker, the month
# entry, jump to a field by name), saved with Ctrl-S, accepted by algedit check.
. "$top_srcdir/tests/e2e/lib.sh"

f=algoritmes/bijstand.yaml
e2e_start 80 24 edit "$f"
e2e_wait "Tab Volgende"
e2e_expect_screen write-empty
e2e_type "Aanvraagbeoordeling bijstand"
e2e_keys Tab
e2e_type "Een korte omschrijving."
e2e_keys Tab Tab Tab
e2e_wait "In ontwikkeling"
e2e_keys Down Enter
e2e_wait "Begindatum · altijd getoond"
e2e_type 202401
e2e_wait "2024-01"
e2e_keys Tab Tab
e2e_type "algoritmes@example.nl"
e2e_keys Tab Tab
e2e_wait "Hoog-risico"
e2e_keys Down Down Enter
# Organisation was skipped: the problem key finds it.
e2e_keys C-e
e2e_wait "Organisatienaam · verplicht"
e2e_type "Gemeente Voorbeeld"
e2e_keys C-s
e2e_wait "is opgeslagen. Geen fouten."
e2e_expect_screen write-saved
e2e_keys C-q
e2e_wait_exit 0

"$ALGEDIT" check "$E2E_TMP/work/$f" > "$E2E_TMP/check.txt" || fail "check found errors: $(cat "$E2E_TMP/check.txt")"
grep -q '^begin_date: "2024-01"$' "$E2E_TMP/work/$f" || fail "month not saved: $(cat "$E2E_TMP/work/$f")"
grep -q '^status: In gebruik$' "$E2E_TMP/work/$f" || fail "status not saved"

# Reopen: the values are there, nothing to recover, quitting asks nothing.
e2e_start 80 24 edit "$f"
e2e_wait "Aanvraagbeoordeling bijstand"
e2e_wait "verplicht 7/7"
e2e_keys C-f
e2e_type "status"
e2e_keys Enter
e2e_wait "(•) In gebruik"
e2e_keys C-q
e2e_wait_exit 0

# A one-line field grows as its text wraps (up to four rows): a long name is
# seen whole while it is typed, beginning and end on one screen.
e2e_start 80 24 edit algoritmes/lang.yaml
e2e_wait "Tab Volgende"
e2e_type "Kwijtschelding van gemeentelijke belastingen voor inwoners met een laag inkomen, met een risicomodel"
e2e_wait "│risicomodel"
e2e_screen | grep -q "Kwijtschelding van gemeentelijke" || fail "the start of the long name is out of view"
[ "$(e2e_screen | grep -c '^ .*│ │')" -ge 3 ] || fail "the name's box did not grow to three rows"
e2e_keys C-q
e2e_wait "^Q Sluiten zonder opslaan"
e2e_keys C-q
e2e_wait_exit 0
