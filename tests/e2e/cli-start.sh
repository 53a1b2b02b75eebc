#!/bin/sh
# Starting the editor as the man page writes it: algedit --plain FILE.yaml
# (options before or after the file), and a terminal curses cannot drive
# (TERM=dumb) falls back to the plain questions with a one-line note instead
# of drawing a screen nobody can use.
. "$top_srcdir/tests/e2e/lib.sh"

cd "$E2E_TMP"
yes "" | head -40 > keep.txt
printf 'n\n' >> keep.txt
for args in "--plain een.yaml" "een.yaml --plain" "--plain edit een.yaml"; do
	# shellcheck disable=SC2086
	"$ALGEDIT" $args < keep.txt > out.txt 2> err.txt || fail "algedit $args: exit $?: $(cat err.txt)"
	grep -q '^\[1/29\] Algemene informatie > Naam' out.txt || fail "algedit $args: $(head -5 out.txt) $(cat err.txt)"
done
"$ALGEDIT" bogus > out.txt 2>&1 && fail "an unknown command was accepted"
grep -q 'onbekende opdracht "bogus"' out.txt || fail "$(cat out.txt)"

# TERM=dumb at 80x24: the plain questions on the terminal, and the note.
E2E_ENV="$E2E_ENV TERM=dumb"
e2e_start 80 24 een.yaml
e2e_wait "[1/29] Algemene informatie > Naam"
grep -q 'TERM=dumb' "$E2E_TMP/stderr" || fail "no note about TERM=dumb"
[ "$(wc -l < "$E2E_TMP/stderr")" = 1 ] || fail "the note is not one line"
e2e_type "Proef"
e2e_keys Enter
e2e_wait "[2/29]"
# A larger terminal, with TERM unknown to terminfo.
E2E_ENV="$E2E_ENV TERM=geen-terminal"
e2e_start 120 40 twee.yaml
e2e_wait "[1/29] Algemene informatie > Naam"
grep -q 'TERM=geen-terminal' "$E2E_TMP/stderr" || fail "no note about an unknown TERM"
echo "ok   cli-start"
