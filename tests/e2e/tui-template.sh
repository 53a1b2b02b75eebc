#!/bin/sh
# Start from a template, in the editor: Ctrl-T in the list shows the
# register's templates (tui-template-register.sh), and takes the path of a
# template file typed there; a file with several templates shows a picker
# (typing filters); the form opens on the imported description (HTML turned
# into paragraphs and items, "NLD" into "nld"), not saved until Ctrl-S, which
# commits it. A path that cannot be read leaves the question open to correct
# it. algedit --template FILE#ID opens the form on one at once.
. "$top_srcdir/tests/e2e/lib.sh"

REPO="$E2E_TMP/work"
mkdir -p "$REPO"
git init -q "$REPO"
git -C "$REPO" config user.name "Test Persoon"
git -C "$REPO" config user.email test@example.nl
# In the working folder, so the path on screen is the same in every run.
cp "$top_srcdir/tests/fixtures/templates/leverancier.json" "$REPO/"
commits() { git -C "$REPO" rev-list --count HEAD 2>/dev/null || echo 0; }

e2e_start 80 24 -C "$REPO"
e2e_wait "Nog geen beschrijvingen"
e2e_wait "^T Sjabloon"
e2e_keys C-t
e2e_wait "Kies een sjabloon van het register"
e2e_type "bestaat-niet.json"
e2e_keys Enter
e2e_wait "kan bestaat-niet.json niet lezen"
e2e_wait "Filter: bestaat-niet.json"
e2e_keys C-w C-w C-w
e2e_type "leverancier.json"
e2e_keys Enter
e2e_wait "Kies een sjabloon"
e2e_expect_screen template-pick
e2e_type "scan"
e2e_wait_gone "Routeplanner"
e2e_keys BSpace BSpace BSpace BSpace
e2e_wait "Routeplanner afvalinzameling"
e2e_keys Down
e2e_keys Up
e2e_keys Enter
e2e_wait "· Routeplanner afvalinzameling (niet opgeslagen)"
e2e_wait "Begonnen vanuit het sjabloon"
[ ! -e "$REPO/algoritmes/routeplanner-afvalinzameling.yaml" ] || fail "the template was saved before Ctrl-S"
[ "$(commits)" = 0 ] || fail "a commit before Ctrl-S"
e2e_keys C-s
e2e_wait_gone "(niet opgeslagen)"
F="$REPO/algoritmes/routeplanner-afvalinzameling.yaml"
[ -f "$F" ] || fail "no file after Ctrl-S"
[ "$(commits)" = 1 ] || fail "Ctrl-S made no commit"
grep -q '^lang: nld$' "$F" || fail "lang: $(cat "$F")"
grep -q '^  - Minder uitstoot$' "$F" || fail "the list items of goal: $(cat "$F")"
grep -q '<p>\|<li>\|uuid\|^id:' "$F" && fail "HTML or template keys left in: $(cat "$F")"
grep -q 'title: Wet milieubeheer' "$F" || fail "lawful_basis_grouping: $(cat "$F")"
e2e_keys C-q
e2e_wait "> Routeplanner afva"
e2e_keys C-q
e2e_wait_exit 0

# From the command line, one template by its id: the form at once, and
# quitting without saving leaves nothing behind.
e2e_start 80 24 -C "$REPO" --template "leverancier.json#voorbeeld-parkeerscan"
e2e_wait "· Scanauto parkeercontrole (niet opgeslagen)"
e2e_keys C-q
e2e_wait "Niet-opgeslagen wijzigingen"
e2e_keys C-q
e2e_wait "> Routeplanner afva"
e2e_keys C-q
e2e_wait_exit 0
[ ! -e "$REPO/algoritmes/scanauto-parkeercontrole.yaml" ] || fail "quitting without saving left a file"
[ "$(commits)" = 1 ] || fail "quitting without saving made a commit"
# An unknown id is said before the screen starts.
e2e_start 80 24 -C "$REPO" edit --template "leverancier.json#nope"
e2e_wait_exit 2
grep -q 'nope' "$E2E_TMP/stderr" || fail "no message for an unknown id: $(cat "$E2E_TMP/stderr")"
echo "ok   start from a template in the editor"
