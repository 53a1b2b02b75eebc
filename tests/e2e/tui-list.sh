#!/bin/sh
# The list (algedit -C DIR with no command): descriptions with status,
# completeness and errors; typing filters; a new description from a name,
# with an item added to a list field (its file name made by the store, as
# algedit new makes it); delete asks first.
. "$top_srcdir/tests/e2e/lib.sh"

mkdir -p "$E2E_TMP/work/algoritmes"
printf 'name: Parkeervergunning toewijzen\nstatus: In gebruik\n' > "$E2E_TMP/work/algoritmes/parkeren.yaml"
printf 'name: Fraudesignalen bijstand\nstatus: In ontwikkeling\nlang: nld\n' > "$E2E_TMP/work/algoritmes/fraude.yaml"
touch -d 2024-05-01 "$E2E_TMP/work/algoritmes/"*.yaml
# The list is that of a drafts repository: the folder is one.
git -C "$E2E_TMP/work" init -q -b main
git -C "$E2E_TMP/work" config user.name "Test Persoon"
git -C "$E2E_TMP/work" config user.email test@example.nl
git -C "$E2E_TMP/work" add algoritmes
git -C "$E2E_TMP/work" commit -qm "twee beschrijvingen"
e2e_start 80 24 -C "$E2E_TMP/work"
e2e_wait "Parkeervergunning"
e2e_expect_screen list
e2e_type "park"
e2e_wait_gone "Fraudesignalen"
e2e_keys Escape
e2e_wait "Fraudesignalen"
# New, named; a legal basis reference added through the items editor.
e2e_keys C-n
e2e_wait "Nieuwe beschrijving"
e2e_type "Zorg’s ĳkpunt"
e2e_keys Enter
e2e_wait "· Zorg’s ĳkpunt (niet opgeslagen)"
e2e_keys C-f
e2e_type "verwijzingen wett"
e2e_keys Enter
e2e_wait "+ item toevoegen"
e2e_keys Enter
e2e_type "Participatiewet"
e2e_keys Tab
e2e_type "https://wetten.overheid.nl/BWBR0015703"
e2e_keys Enter
e2e_wait "1. Participatiewet — https://wetten"
e2e_keys C-s
e2e_wait "is opgeslagen"
e2e_keys C-q
e2e_wait "Zorg’s ĳkpunt"
grep -q "title: Participatiewet" "$E2E_TMP/work/algoritmes/zorgs-ijkpunt.yaml" || fail "$(cat "$E2E_TMP/work/algoritmes/zorgs-ijkpunt.yaml")"
# Delete asks; Esc keeps, Enter deletes.
e2e_keys Home
e2e_wait "> Fraudesignalen"
e2e_keys C-d
e2e_wait "verwijderen?"
e2e_keys Escape
e2e_wait_gone "verwijderen?"
[ -f "$E2E_TMP/work/algoritmes/fraude.yaml" ] || fail "Esc deleted"
e2e_keys C-d
e2e_wait "verwijderen?"
e2e_keys Enter
e2e_wait_gone "Fraudesignalen"
[ ! -f "$E2E_TMP/work/algoritmes/fraude.yaml" ] || fail "not deleted"
git -C "$E2E_TMP/work" log -1 --format=%s | grep -q "Verwijderd: Fraudesignalen bijstand" || fail "no deletion commit"
e2e_keys C-q
e2e_wait_exit 0
