#!/bin/sh
# The tutor keeps each language apart (issue 21.15): an English lesson does
# not open on the Dutch example and answer; algedit tutor --reset asks
# first (n removes nothing) and works on a terminal without the full screen
# (TERM=dumb).
. "$top_srcdir/tests/e2e/lib.sh"

for f in lessons-nl.yaml lessons-en.yaml tutor-example-nl.yaml tutor-example-en.yaml; do
	cp "$top_srcdir/standard/1.0/$f" "$E2E_TMP/data/standard/1.0/"
done
cd "$E2E_TMP"
ST="$E2E_TMP/state/algedit"
tut() { env $E2E_ENV "$@"; }
printf '%s\n' "De gemeente kiest met dit algoritme welke parkeervergunningen zij eerst controleert." q |
	tut "$ALGEDIT" tutor --plain > nl.txt 2>&1 || fail "nl: $(cat nl.txt)"
grep -q "Klaar" nl.txt || fail "lesson 1 (nl) not done: $(cat nl.txt)"
grep -q "^done: korte-omschrijving$" "$ST/tutor-progress" || fail "nl progress: $(cat "$ST/tutor-progress")"

# English: its own sandbox and progress, lesson 1 still open and empty.
printf 'q\n' | tut "$ALGEDIT" --lang en tutor --plain > en.txt 2>&1 || fail "en: $(cat en.txt)"
grep -q "== Lesson 1 of 5" en.txt || fail "English does not start at lesson 1: $(head -5 en.txt)"
grep -q "parkeervergunningen zij eerst" en.txt && fail "the English lesson shows the Dutch answer"
grep -q "^Now: (empty)$" en.txt || fail "English lesson 1 is not empty: $(grep '^Now:' en.txt)"
[ -d "$ST/tutor-en" ] || fail "no English sandbox"
grep -q "^done: korte-omschrijving$" "$ST/tutor-progress" || fail "English changed the Dutch progress"

# --reset on a terminal that cannot show the full screen: asks; n keeps.
printf 'n\n' | tut TERM=dumb "$ALGEDIT" tutor --reset > r1.txt 2>&1 || fail "reset n: exit $?: $(cat r1.txt)"
grep -q "De lessen opnieuw beginnen? .*\[j/N\]" r1.txt || fail "reset did not ask: $(cat r1.txt)"
grep -q "Er is niets verwijderd." r1.txt || fail "$(cat r1.txt)"
grep -q "^done: korte-omschrijving$" "$ST/tutor-progress" || fail "n removed the progress"
printf 'j\n' | tut TERM=dumb "$ALGEDIT" tutor --reset > r2.txt 2>&1 || fail "reset j: exit $?: $(cat r2.txt)"
grep -q "De lessen beginnen opnieuw." r2.txt || fail "$(cat r2.txt)"
grep -q "algedit tutor begint bij de eerste les" r2.txt || fail "$(cat r2.txt)"
[ ! -e "$ST/tutor-progress" ] || fail "the progress is still there: $(cat "$ST/tutor-progress")"
[ -d "$ST/tutor-en" ] || fail "the Dutch reset removed the English lessons"
echo "ok   tutor: a sandbox per language, --reset asks and needs no full screen"
