#!/bin/sh
# A new description never takes over a deleted one's file name: after
# "Parkeren" is deleted from the list (with unsaved text left in its journal),
# a new "Parkeren" gets a fresh slug, is not offered the old text, and
# algedit restore still brings the old one back beside it.
. "$top_srcdir/tests/e2e/lib.sh"

REPO="$E2E_TMP/repo"
git init -q "$REPO"
git -C "$REPO" config user.name Tester
git -C "$REPO" config user.email t@example.nl
algedit_cli() { env $E2E_ENV "$ALGEDIT" -C "$REPO" "$@"; }

# "Parkeren", saved, then more text typed and the editor killed: the
# journal holds text no commit has.
e2e_start_exec 80 24 -C "$REPO"
e2e_wait "Nog geen beschrijvingen"
e2e_keys C-n
e2e_wait "Nieuwe beschrijving"
e2e_type "Parkeren"
e2e_keys Enter
e2e_wait "· Parkeren (niet opgeslagen)"
e2e_keys C-s
e2e_wait "is opgeslagen"
[ -e "$REPO/algoritmes/parkeren.yaml" ] || fail "not saved as parkeren.yaml"
e2e_keys C-f
e2e_type "doel"
e2e_keys Enter
e2e_wait "Doel en impact"
e2e_type "Oude tekst die niet is opgeslagen."
e2e_wait "niet is opgeslagen."
sleep 1.5
kill -KILL "$(e2e_pid)"
[ -s "$REPO/.git/algedit/journal/parkeren" ] || fail "no journal for parkeren"

# Deleted from the list: the journal stays, for a restore.
e2e_start 80 24 -C "$REPO"
e2e_wait "> Parkeren"
e2e_keys C-d
e2e_wait "algedit restore parkeren"
e2e_keys Enter
e2e_wait "Nog geen beschrijvingen"
[ ! -e "$REPO/algoritmes/parkeren.yaml" ] || fail "parkeren.yaml is still there"

# A new "Parkeren": a fresh file name, nothing offered.
e2e_keys C-n
e2e_wait "Nieuwe beschrijving"
e2e_type "Parkeren"
e2e_keys Enter
e2e_wait "· Parkeren (niet opgeslagen)"
sleep 0.5
e2e_screen | grep -q "Niet-opgeslagen tekst gevonden" && fail "the new description was offered the deleted one's text"
e2e_screen | grep -q "Oude tekst" && fail "the new description shows the deleted one's text"
e2e_keys C-s
e2e_wait "is opgeslagen"
[ -e "$REPO/algoritmes/parkeren-2.yaml" ] || fail "the new Parkeren is not saved as parkeren-2.yaml: $(ls "$REPO/algoritmes")"
e2e_keys C-q
e2e_wait "> Parkeren"
e2e_keys C-q
e2e_wait_exit 0
[ -f "$REPO/algoritmes/parkeren-2.yaml" ] || fail "parkeren-2.yaml was not saved"

# The old one comes back beside it, and its unsaved text is still offered.
algedit_cli restore parkeren > "$E2E_TMP/restore.out" 2>&1 || fail "restore: $(cat "$E2E_TMP/restore.out")"
[ -f "$REPO/algoritmes/parkeren.yaml" ] || fail "restore did not bring parkeren.yaml back"
e2e_start 80 24 edit "$REPO/algoritmes/parkeren.yaml"
e2e_wait "Niet-opgeslagen tekst gevonden"
e2e_keys Escape
e2e_wait_gone "Niet-opgeslagen tekst gevonden"
e2e_keys C-q
e2e_wait_exit 0

# The command line names new descriptions the same way.
out=$(algedit_cli new "Parkeren" 2>&1) || fail "algedit new: $out"
echo "$out" | tail -1 | grep -qx "parkeren-3" || fail "algedit new took \"$(echo "$out" | tail -1)\", wanted parkeren-3"
echo "ok   new descriptions get fresh file names"
