#!/bin/sh
# algedit tutor: a lesson done by typing in the full screen at 80×24, its
# check failing first (saying what is missing) and then passing; progress
# resumes after quitting and is private (0600); --reset starts over; the
# same lessons with --plain as line prompts; Dutch and English. The user's
# own repositories ($ALGEDIT_REPO, -C DIR, the default one) are never
# touched: their HEAD and every file are the same afterwards.
. "$top_srcdir/tests/e2e/lib.sh"

for f in lessons-nl.yaml lessons-en.yaml tutor-example-nl.yaml tutor-example-en.yaml; do
	cp "$top_srcdir/standard/1.0/$f" "$E2E_TMP/data/standard/1.0/"
done

# The user's own repositories: one named by $ALGEDIT_REPO, the default one.
own_repo() {
	mkdir -p "$1/algoritmes"
	git -C "$1" init -q
	printf 'name: Eigen beschrijving\n' > "$1/algoritmes/eigen.yaml"
	git -C "$1" add -A
	git -C "$1" -c user.name=Eigenaar -c user.email=eigenaar@example.org commit -q -m eerste
}
USER_REPO="$E2E_TMP/eigen"
DEFAULT_REPO="$E2E_TMP/home/.local/share/algedit/register"
own_repo "$USER_REPO"
own_repo "$DEFAULT_REPO"
fingerprint() {
	for r in "$USER_REPO" "$DEFAULT_REPO"; do
		git -C "$r" rev-parse HEAD
		(cd "$r" && find . -type f | LC_ALL=C sort | xargs sha256sum)
	done
}
before=$(fingerprint)
E2E_ENV="$E2E_ENV ALGEDIT_REPO=$USER_REPO"
export ALGEDIT_REPO="$USER_REPO" XDG_DATA_HOME="$E2E_TMP/home/.local/share" HOME="$E2E_TMP/home" \
	XDG_CONFIG_HOME="$E2E_TMP/home/.config" GIT_CONFIG_NOSYSTEM=1
PROGRESS="$E2E_TMP/state/algedit/tutor-progress"

# Lesson 1 in Dutch: a wrong answer first, then a right one. -C names a
# folder the tutor must not make.
e2e_start 80 24 -C "$E2E_TMP/niet-maken" tutor
e2e_wait "Les 1 van 5 (open)"
e2e_wait "F9 Controleer"
e2e_type "Het PV controleert de vergunningen."
e2e_keys F9
e2e_wait 'bevat nog "PV"'
e2e_wait "Nog niet klaar: nog 2 punten; de les zegt welke."
e2e_expect_screen tutor-wrong
e2e_keys C-a C-k
e2e_type "De gemeente kiest met dit algoritme welke vergunningen zij eerst controleert."
e2e_keys M-c
e2e_wait "Klaar: de regels vinden in deze les niets meer te doen."
e2e_expect_screen tutor-done
e2e_keys 'M->'
e2e_wait "Les 2 van 5 (open)"
e2e_keys C-q
e2e_wait_exit 0
[ ! -e "$E2E_TMP/niet-maken" ] || fail "-C DIR was made by the tutor"
grep -q '^lesson: 2$' "$PROGRESS" || fail "progress: $(cat "$PROGRESS")"
grep -q '^done: korte-omschrijving$' "$PROGRESS" || fail "progress: $(cat "$PROGRESS")"
[ "$(stat -c %a "$PROGRESS")" = 600 ] || fail "the progress file is mode $(stat -c %a "$PROGRESS")"

# Resumed: lesson 2 first; lesson 1 is done and keeps the text typed.
e2e_start 80 24 tutor
e2e_wait "Les 2 van 5 (open)"
e2e_keys F11
e2e_wait "Hint: Dit algoritme bepaalt alleen"
e2e_keys M-h
e2e_wait_gone "Hint: Dit algoritme bepaalt alleen"
e2e_keys 'M-<'
e2e_wait "Les 1 van 5 (klaar)"
e2e_wait "De gemeente kiest met dit algoritme"
e2e_keys C-q
e2e_wait_exit 0

# --reset: the lessons and the progress start over.
printf 'j\n' | "$ALGEDIT" tutor --reset --plain > "$E2E_TMP/reset.txt" 2>&1 || fail "reset: $(cat "$E2E_TMP/reset.txt")"
grep -q "De lessen beginnen opnieuw." "$E2E_TMP/reset.txt" || fail "$(cat "$E2E_TMP/reset.txt")"
grep -q "^Nu: (leeg)$" "$E2E_TMP/reset.txt" || fail "lesson 1 not empty after --reset: $(cat "$E2E_TMP/reset.txt")"
grep -q '^done:$' "$PROGRESS" || fail "progress after --reset: $(cat "$PROGRESS")"

# --plain in English: a wrong answer, the hint, a right one, then stop.
printf '%s\n' "The PV checks permits." "?" "With this algorithm the municipality chooses which permits it checks first." "q" |
	"$ALGEDIT" --lang en tutor --plain > "$E2E_TMP/plain.txt" 2>&1 || fail "plain: $(cat "$E2E_TMP/plain.txt")"
grep -q "^== Lesson 1 of 5: A short description a citizen understands ==$" "$E2E_TMP/plain.txt" || fail "$(head "$E2E_TMP/plain.txt")"
grep -q "Why this matters to a citizen reading the register:" "$E2E_TMP/plain.txt" || fail "$(cat "$E2E_TMP/plain.txt")"
grep -q '  - Short description: still holds "PV"; write it in full or correct it' "$E2E_TMP/plain.txt" || fail "$(cat "$E2E_TMP/plain.txt")"
grep -q "Hint: Two sentences are enough" "$E2E_TMP/plain.txt" || fail "no hint: $(cat "$E2E_TMP/plain.txt")"
grep -q "Done: the rules find nothing more to do in this lesson." "$E2E_TMP/plain.txt" || fail "$(cat "$E2E_TMP/plain.txt")"
grep -q "== Lesson 2 of 5" "$E2E_TMP/plain.txt" || fail "$(cat "$E2E_TMP/plain.txt")"
grep -q "Stopped. Your progress is kept" "$E2E_TMP/plain.txt" || fail "$(cat "$E2E_TMP/plain.txt")"
grep -q '^lesson: 2$' "$PROGRESS-en" || fail "progress: $(cat "$PROGRESS-en")"

# The review lesson in English on the full screen: reply to the comment.
e2e_start 80 24 --lang en tutor --lesson 5
e2e_wait "Lesson 5 of 5 (open)"
e2e_keys F9
e2e_wait "no reply yet"
e2e_keys M-a
e2e_type "Yes: the holder gets a letter first."
e2e_wait "Your reply: Yes: the holder gets a letter first."
e2e_keys Enter
e2e_wait "Done: that was the last lesson"
e2e_keys C-q
e2e_wait_exit 0
git -C "$E2E_TMP/state/algedit/tutor-en" log --format=%s | grep -q "^Reply on Human intervention: les-5-opmerking-beantwoorden$" ||
	fail "no reply commit: $(git -C "$E2E_TMP/state/algedit/tutor-en" log --format=%s)"

# Without a terminal and without --plain: told what to use.
if "$ALGEDIT" tutor < /dev/null > "$E2E_TMP/noterm.txt" 2>&1; then fail "tutor ran without a terminal"; fi
grep -q "algedit tutor --plain" "$E2E_TMP/noterm.txt" || fail "$(cat "$E2E_TMP/noterm.txt")"

[ "$before" = "$(fingerprint)" ] || fail "the user's repositories changed"
