#!/bin/sh
# Deleting a draft that was never saved loses nothing typed (issue 21.1):
# the question says that restore cannot bring it back and where its text
# goes, Enter keeps it, only Ctrl-D deletes, and then the text is in that
# file. Dutch at 80x24, English at 120x40.
. "$top_srcdir/tests/e2e/lib.sh"

REPO="$E2E_TMP/home/.local/share/algedit/register"
mkdir -p "$E2E_TMP/home/.config/git"
printf '[user]\n\tname = Test Persoon\n\temail = test@example.nl\n' > "$E2E_TMP/home/.config/git/config"
J="$REPO/.git/algedit/journal/parkeervergunning"
COPY="$E2E_TMP/state/algedit/deleted/parkeervergunning.yaml"

# A new description, typed in and never saved: the editor is killed.
draft() {
	e2e_start_exec 80 24
	e2e_wait "$1"
	e2e_keys C-n
	e2e_wait "$2"
	e2e_type "Parkeervergunning"
	e2e_keys Enter
	e2e_keys C-f
	e2e_type "$3"
	e2e_keys Enter
	e2e_type "Vergunningen sneller toekennen."
	n=100
	while [ $n -gt 0 ] && ! grep -qs "sneller toekennen" "$J"; do sleep 0.05; n=$((n - 1)); done
	grep -qs "sneller toekennen" "$J" || fail "no journal"
	kill -KILL "$(e2e_pid)"
	touch -d "2024-03-01 12:00" "$J"
}

draft "Nog geen beschrijvingen" "Nieuwe beschrijving" doel
e2e_start 80 24
e2e_wait "Parkeervergunning          niet opgeslagen"
e2e_keys C-d
e2e_wait "nooit opgeslagen"
e2e_expect_screen delete-unsaved-nl
# Enter is the safe answer: the draft stays, its text too.
e2e_keys Enter
e2e_wait_gone "nooit opgeslagen"
e2e_wait "Parkeervergunning          niet opgeslagen"
[ -s "$J" ] || fail "Enter dropped the journal"
[ ! -e "$COPY" ] || fail "a copy before anything was deleted"
# Ctrl-D deletes, and the text is in the file the question named.
e2e_keys C-d
e2e_wait "nooit opgeslagen"
e2e_keys C-d
e2e_wait "de tekst is bewaard in"
e2e_wait_gone "niet opgeslagen"
[ ! -e "$J" ] || fail "the journal outlived the deletion"
grep -q "Vergunningen sneller toekennen." "$COPY" || fail "no copy of the text in $COPY"
[ "$(stat -c %a "$COPY")" = 600 ] || fail "the copy is $(stat -c %a "$COPY"), not 600"
e2e_keys C-q
e2e_wait_exit

# English at 120x40: a second draft of the same name gets a copy of its own.
E2E_ENV="$E2E_ENV ALGEDIT_LANG=en"
draft "No descriptions yet" "New description" goal
e2e_start 120 40
e2e_wait "Parkeervergunning"
e2e_keys C-d
e2e_wait "was never saved"
e2e_expect_screen delete-unsaved-en
e2e_keys C-d
e2e_wait "its text is kept in"
grep -q "Vergunningen sneller toekennen." "$E2E_TMP/state/algedit/deleted/parkeervergunning-2.yaml" || fail "no second copy"
e2e_keys C-q
e2e_wait_exit
