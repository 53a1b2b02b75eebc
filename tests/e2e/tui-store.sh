#!/bin/sh
# The editor on the drafts repository (algedit with no command): the default
# repository is made on first use and the author asked once before the full
# screen; every save is a commit naming the changed fields; a deletion is a
# commit that algedit restore undoes; text typed more than a second before a
# SIGKILL is kept in .git/algedit/ and offered back on the next open.
. "$top_srcdir/tests/e2e/lib.sh"

# Under the test's own home folder (lib.sh sets HOME and XDG_DATA_HOME).
REPO="$E2E_TMP/home/.local/share/algedit/register"
F="$REPO/algoritmes/parkeervergunning.yaml"
commits() { git -C "$REPO" rev-list --count HEAD; }
last_subject() { git -C "$REPO" log -1 --format=%s; }
# wait_commit N SUBJECT: until there are N commits and the last is SUBJECT.
wait_commit() {
	n=200
	while [ $n -gt 0 ]; do
		if [ "$(commits 2>/dev/null)" = "$1" ] && [ "$(last_subject)" = "$2" ]; then return 0; fi
		sleep 0.05
		n=$((n - 1))
	done
	fail "wanted commit $1 \"$2\"; have $(commits 2>/dev/null): $(git -C "$REPO" log --format=%s 2>&1 | head -3)"
}
algedit_cli() { env $E2E_ENV "$ALGEDIT" "$@"; }

# First start: the repository is created with its first commit, and the
# author is asked for on the terminal before the full screen.
e2e_start 80 24
e2e_wait "Uw naam:"
[ "$(commits)" = 1 ] || fail "the new repository has no first commit"
e2e_type "Test Persoon"
e2e_keys Enter
e2e_wait "Uw e-mailadres:"
e2e_type "test@example.nl"
e2e_keys Enter
e2e_wait "Nog geen beschrijvingen"
grep -q 'name = "Test Persoon"' "$E2E_TMP/home/.config/algedit/config" || fail "the author was not kept in the algedit config"

# A new description, saved: a commit.
e2e_keys C-n
e2e_wait "Nieuwe beschrijving"
e2e_type "Parkeervergunning"
e2e_keys Enter
e2e_wait "· Parkeervergunning (niet opgeslagen)"
e2e_keys C-s
wait_commit 2 "Parkeervergunning: nieuwe beschrijving"
# A field changed and saved: a commit that names it.
e2e_keys C-f
e2e_type "doel"
e2e_keys Enter
e2e_wait "Doel en impact"
e2e_type "Vergunningen sneller toekennen."
e2e_keys C-s
wait_commit 3 "Parkeervergunning: Doel en impact gewijzigd"
[ "$(git -C "$REPO" log -1 --format=%an)" = "Test Persoon" ] || fail "the commit has another author"
# Saving again without a change makes no commit.
e2e_keys C-s
sleep 0.5
[ "$(commits)" = 3 ] || fail "a save without a change made a commit"
e2e_keys C-q
e2e_wait "> Parkeervergunning"
e2e_keys C-q
e2e_wait_exit 0

# Edit again: the author is not asked again; another commit.
e2e_start 80 24
e2e_wait "> Parkeervergunning"
e2e_keys Enter
e2e_wait "Naam"
e2e_keys C-f
e2e_type "organisatie"
e2e_keys Enter
e2e_wait "Organisatienaam"
e2e_type "Gemeente Voorbeeld"
e2e_keys C-s
wait_commit 4 "Parkeervergunning: Organisatienaam gewijzigd"
grep -q "Gemeente Voorbeeld" "$F" || fail "the saved file lacks the new text"
[ -z "$(git -C "$REPO" status --porcelain)" ] || fail "git status is not clean: $(git -C "$REPO" status --porcelain)"
cp "$F" "$E2E_TMP/saved.yaml"

# Delete from the list: the question names the way back; a commit.
e2e_keys C-q
e2e_wait "> Parkeervergunning"
e2e_keys C-d
e2e_wait "algedit restore parkeervergunning"
e2e_keys Enter
wait_commit 5 "Verwijderd: Parkeervergunning"
e2e_wait_gone "> Parkeervergunning"
[ ! -e "$F" ] || fail "the file is still there"
[ -z "$(git -C "$REPO" ls-files algoritmes)" ] || fail "the file is still in the index"
e2e_keys C-q
e2e_wait_exit 0
# ... and algedit restore brings it back, as a commit.
algedit_cli restore parkeervergunning > "$E2E_TMP/restore.out" 2>&1 || fail "restore: $(cat "$E2E_TMP/restore.out")"
grep -q "Teruggezet: Parkeervergunning" "$E2E_TMP/restore.out" || fail "restore said: $(cat "$E2E_TMP/restore.out")"
wait_commit 6 "Teruggezet: Parkeervergunning"
cmp -s "$F" "$E2E_TMP/saved.yaml" || fail "the restored file differs from the last saved one"
algedit_cli log parkeervergunning | grep -q "(verwijderd)" || fail "the log does not show the deletion: $(algedit_cli log parkeervergunning 2>&1)"

# SIGKILL after typing: the journal in .git/algedit/ keeps the text.
e2e_start_exec 80 24
e2e_wait "> Parkeervergunning"
e2e_keys Enter
e2e_wait "Naam"
e2e_keys C-f
e2e_type "doel"
e2e_keys Enter
e2e_wait "Doel en impact"
e2e_keys C-End
e2e_type " Ook verlengen zonder loket."
e2e_wait "zonder loket."
e2e_until "the journal in .git/algedit/journal to hold the typed text" \
	grep -q "zonder loket" "$REPO/.git/algedit/journal/parkeervergunning"
kill -KILL "$(e2e_pid)"
[ -z "$(git -C "$REPO" status --porcelain)" ] || fail "the journal shows in git status"
[ "$(commits)" = 6 ] || fail "the kill left a commit"
# The next open offers it back, with the day it was typed.
e2e_start 80 24
e2e_wait "> Parkeervergunning"
e2e_keys Enter
e2e_wait "Niet-opgeslagen tekst gevonden"
e2e_wait "$(date +%Y-%m-%d)"
e2e_keys Enter
e2e_wait "De niet-opgeslagen tekst is terug"
e2e_keys C-s
wait_commit 7 "Parkeervergunning: Doel en impact gewijzigd"
grep -q "Ook verlengen zonder loket." "$F" || fail "the recovered text was not saved: $(cat "$F")"
# The journal goes just after the commit, on the editor's own time.
e2e_until "the journal to go after the save" test ! -e "$REPO/.git/algedit/journal/parkeervergunning"
e2e_keys C-q
e2e_wait "> Parkeervergunning"
e2e_keys C-q
e2e_wait_exit 0
