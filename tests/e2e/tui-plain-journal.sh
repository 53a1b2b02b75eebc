#!/bin/sh
# Plain mode keeps its promise: "Niet opgeslagen; de antwoorden blijven in
# het logboek en worden de volgende keer aangeboden". A new description
# answered and not saved is listed the next time as not saved, and opening
# it (by number or by the same name) offers the answers back; no "-2" file.
# Also: the name given for a new description is filled into Naam, a label is
# never printed twice in the summary, and nothing changed asks no "Opslaan?".
. "$top_srcdir/tests/e2e/lib.sh"

cd "$E2E_TMP"
mkdir -p work
git init -q work
git -C work config user.name "Test Persoon"
git -C work config user.email test@example.nl
plain() { env $E2E_ENV "$ALGEDIT" -C "$E2E_TMP/work" --plain; }

# A new description by name, a start date answered, not saved.
{
	printf '%s\n' "Parkeren in de wijk" "" "Korte omschrijving." "" "" "" "2023-13"
	yes "" | head -20
} > new.txt
# Ends at the end of the input, before the last fields: "Opslaan?" gets no
# answer (Enter there would save).
plain < new.txt > out1.txt 2>&1 || fail "exit $?: $(tail out1.txt)"
grep -q "^Nu: Parkeren in de wijk" out1.txt || fail "the name given is not in Naam: $(sed -n '1,40p' out1.txt)"
grep -q "Begindatum: Begindatum:" out1.txt && fail "a label twice: $(grep 'Begindatum:' out1.txt)"
grep -q "fout: Begindatum: \"2023-13\"" out1.txt || fail "no finding for the start date: $(grep Begindatum out1.txt)"
grep -q "Niet opgeslagen; de antwoorden blijven in het logboek" out1.txt || fail "$(tail -3 out1.txt)"
[ ! -e work/algoritmes/parkeren-in-de-wijk.yaml ] || fail "saved although not asked"

# Next time: listed as not saved; opened by number, the answers are offered.
# One line per field (29): Enter keeps.
printf '%s\n' 1 j > again.txt
yes "" | head -29 >> again.txt
printf 'j\n' >> again.txt
plain < again.txt > out2.txt 2>&1 || fail "exit $?: $(tail out2.txt)"
grep -q "1) parkeren-in-de-wijk.yaml (niet opgeslagen)" out2.txt || fail "not listed: $(head -5 out2.txt)"
grep -q "niet-opgeslagen tekst van een eerdere keer gevonden" out2.txt || fail "not offered: $(sed -n '1,8p' out2.txt)"
grep -q "parkeren-in-de-wijk.yaml is opgeslagen" out2.txt || fail "$(tail -3 out2.txt)"
grep -q "Korte omschrijving." work/algoritmes/parkeren-in-de-wijk.yaml || fail "$(cat work/algoritmes/parkeren-in-de-wijk.yaml)"
[ "$(ls work/algoritmes)" = parkeren-in-de-wijk.yaml ] || fail "files: $(ls work/algoritmes)"

# The same by name: answered, not saved; the same name again gets them back.
{
	printf '%s\n' "Afval scheiden" "" "Afval sneller ophalen."
	yes "" | head -27
	printf 'n\n'
} > new2.txt
plain < new2.txt > out3.txt 2>&1 || fail "exit $?: $(tail out3.txt)"
grep -q "Opslaan? \[J/n\] Niet opgeslagen" out3.txt || fail "n at Opslaan? did not keep it unsaved: $(tail -3 out3.txt)"
{
	printf '%s\n' "Afval scheiden" j
	yes "" | head -29
	printf 'j\n'
} > same.txt
plain < same.txt > out4.txt 2>&1 || fail "exit $?: $(tail out4.txt)"
grep -q "niet-opgeslagen tekst van een eerdere keer gevonden" out4.txt || fail "not offered by name: $(sed -n '1,8p' out4.txt)"
grep -q "Afval sneller ophalen." work/algoritmes/afval-scheiden.yaml || fail "$(ls work/algoritmes)"
[ ! -e work/algoritmes/afval-scheiden-2.yaml ] || fail "a -2 file was made"

# Nothing changed: no question, nothing saved, said so.
yes "" | head -40 > keep.txt
env $E2E_ENV "$ALGEDIT" --plain edit work/algoritmes/afval-scheiden.yaml < keep.txt > out5.txt 2>&1 || fail "$(tail out5.txt)"
grep -q "Opslaan?" out5.txt && fail "asks to save without a change: $(tail -3 out5.txt)"
grep -q "Er is niets gewijzigd" out5.txt || fail "$(tail -3 out5.txt)"
true
