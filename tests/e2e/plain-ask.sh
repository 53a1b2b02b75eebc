#!/bin/sh
# Plain mode for screen readers (issue 21.3): "?" shows the field's help and
# asks again (never "?" as the value), a typed answer the rules refuse is
# asked again, the speller's doubts come as text with suggestions, and the
# closing "Opslaan? [J/n]" saves on Enter once answers were given. Dutch
# and English.
. "$top_srcdir/tests/e2e/lib.sh"

cd "$E2E_TMP"
run() { env $E2E_ENV "$ALGEDIT" "$@"; }
{
	printf '%s\n' "?" "Parkeren" "De gemeente doet kontrole op parkeervergunningen." "Gemeente Zuiderveen" "1" "2" "2023-13" "2023-05"
	yes "" | head -30
} > answers.txt
run --plain edit nl.yaml < answers.txt > out.txt 2>&1 || fail "exit $?: $(tail out.txt)"
grep -q "^Typ ? voor hulp bij het veld dat gevraagd wordt.$" out.txt || fail "no word about ?: $(head -5 out.txt)"
grep -q "^Enter houdt wat er staat; - maakt het leeg; ? toont deze hulp opnieuw.$" out.txt || fail "? gave no help: $(sed -n 1,20p out.txt)"
grep -q '^name: Parkeren$' nl.yaml || fail "the name: $(grep name nl.yaml)"
grep -q '"?"\|: ?$' nl.yaml && fail "? became a value: $(cat nl.yaml)"
grep -q '  Spelling: "kontrole": misschien .*controle' out.txt || fail "no spelling with suggestions: $(grep -i -A2 kontrole out.txt)"
grep -q 'fout: Begindatum: "2023-13"' out.txt || fail "no finding for the date: $(grep Begindatum out.txt)"
grep -q "^Typ het opnieuw, of druk op Enter om het zo te laten en verder te gaan.$" out.txt || fail "the date not asked again"
grep -q '^begin_date: "2023-05"$' nl.yaml || fail "the second date not taken: $(grep begin_date nl.yaml)"
grep -q "Opslaan? \[J/n\]" out.txt || fail "$(tail -3 out.txt)"
grep -q "nl.yaml is opgeslagen." out.txt || fail "Enter did not save: $(tail -3 out.txt)"

# English: the same, and "n" does not save.
{
	printf '%s\n' "Parking" "?" "The municipality checks permits." "" "" "" "1999-99" ""
	yes "" | head -23
	printf 'x\nn\n'
} > answers-en.txt
run --lang en --plain edit en.yaml < answers-en.txt > out-en.txt 2>&1 || fail "exit $?: $(tail out-en.txt)"
grep -q "^Type ? for help with the field being asked.$" out-en.txt || fail "$(head -5 out-en.txt)"
grep -q "^Enter keeps what is there; - clears it; ? shows this help again.$" out-en.txt || fail "? gave no help: $(sed -n 1,30p out-en.txt)"
grep -q "^Type it again, or press Enter to keep it as it is and go on.$" out-en.txt || fail "the date not asked again: $(grep -A3 1999 out-en.txt)"
grep -q "Save? \[Y/n\]" out-en.txt || fail "$(tail -3 out-en.txt)"
grep -q "Type y to save or n not to save (Enter saves).$" out-en.txt || fail "x taken as an answer: $(tail -3 out-en.txt)"
grep -q "Not saved; the answers are kept in the journal" out-en.txt || fail "$(tail -3 out-en.txt)"
[ ! -e en.yaml ] || fail "n saved"
