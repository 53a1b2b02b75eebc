#!/bin/sh
# The editor never follows a symbolic link out of the repository: a
# description that is a link to a file of the user's is listed with what it
# is and cannot be opened; algoritmes/ itself a link to a folder of the
# user's is not listed, and a new description is not saved through it.
. "$top_srcdir/tests/e2e/lib.sh"

mkdir -p "$E2E_TMP/work/algoritmes" "$E2E_TMP/home/.kube" "$E2E_TMP/home/private"
printf 'name: Cluster\ntoken: s3cr3t-T0KEN\n' > "$E2E_TMP/home/.kube/config"
printf 'name: Geheime notitie\ntoken: s3cr3t-T0KEN\n' > "$E2E_TMP/home/private/notes.yaml"
printf 'name: Parkeervergunning toewijzen\nstatus: In gebruik\n' > "$E2E_TMP/work/algoritmes/parkeren.yaml"
ln -s ../../home/.kube/config "$E2E_TMP/work/algoritmes/leak.yaml"
git -C "$E2E_TMP/work" init -q -b main
git -C "$E2E_TMP/work" config user.name "Test Persoon"
git -C "$E2E_TMP/work" config user.email test@example.nl
git -C "$E2E_TMP/work" add algoritmes
git -C "$E2E_TMP/work" commit -qm "twee"
e2e_start 100 24 -C "$E2E_TMP/work"
e2e_wait "Parkeervergunning"
e2e_wait "snelkoppeling"
e2e_screen | grep -qE "^. leak\.yaml +snelkoppeling" || fail "the link is not listed by its file name as a link"
e2e_screen | grep -q "s3cr3t\|Cluster" && fail "the linked file was read into the list"
# Opening it is refused with the same words.
e2e_type "leak"
e2e_wait_gone "Parkeervergunning"
e2e_keys Enter
e2e_wait "leak.yaml niet openen"
e2e_screen | grep -q "s3cr3t\|Cluster" && fail "the linked file was opened"
e2e_keys C-q
e2e_wait_exit

# algoritmes/ itself a link to a folder of the user's.
rm -rf "$E2E_TMP/work2"
mkdir -p "$E2E_TMP/work2"
ln -s ../home/private "$E2E_TMP/work2/algoritmes"
git -C "$E2E_TMP/work2" init -q -b main
git -C "$E2E_TMP/work2" config user.name "Test Persoon"
git -C "$E2E_TMP/work2" config user.email test@example.nl
git -C "$E2E_TMP/work2" add algoritmes
git -C "$E2E_TMP/work2" commit -qm "map"
e2e_start 100 24 -C "$E2E_TMP/work2"
e2e_wait "algoritmes is een snelkoppeling"
e2e_screen | grep -q "Geheime notitie" && fail "the linked folder was listed"
e2e_keys C-n
e2e_wait "Nieuwe beschrijving"
e2e_type "Lek"
e2e_keys Enter
e2e_wait "· Lek (niet opgeslagen)"
e2e_keys C-s
e2e_wait "algoritmes is een snelkoppeling"
[ "$(ls "$E2E_TMP/home/private")" = notes.yaml ] || fail "a file was saved outside the repository: $(ls "$E2E_TMP/home/private")"
echo ok
