#!/bin/sh
# Plain mode: the same fields as questions on standard input, the same rules,
# the same save; the result passes algedit check.
. "$top_srcdir/tests/e2e/lib.sh"

cd "$E2E_TMP"
{
	printf '%s\n' "Plain bijstand" "Korte omschrijving met ĳ en ’." "Gemeente Plain" "1,5" "2" "2023-05" ""
	printf '%s\n' "info@example.nl" "" "3" ""
	printf '%s\n' "Eerste alinea." "" "- een punt" "."
	printf '%s\n' "" "" "" ""
	printf '%s\n' "n" "Participatiewet" "https://wetten.overheid.nl/BWBR0015703" ""
	printf '%s\n' "" "" "" "" "" "" "" "" "" "" "" ""
	printf '%s\n' "j"
} > answers.txt
"$ALGEDIT" --plain edit plain.yaml < answers.txt > out.txt 2> err.txt || fail "exit $?: $(cat err.txt)"
grep -q "^\[1/29\] Algemene informatie > Naam (verplicht, hoogstens 100 tekens)" out.txt || fail "$(head -20 out.txt)"
grep -q "Vaste toelichting voor de tests bij name." out.txt || fail "no guidance"
grep -q "plain.yaml is opgeslagen." out.txt || fail "$(tail -5 out.txt)"
"$ALGEDIT" check plain.yaml > check.txt 2>&1 || fail "$(cat check.txt)"
grep -q '^  - Organisatie en bedrijfsvoering$' plain.yaml || fail "$(cat plain.yaml)"
grep -q 'link: https://wetten.overheid.nl/BWBR0015703' plain.yaml || fail "$(cat plain.yaml)"
grep -q '^  - een punt$' plain.yaml || fail "$(cat plain.yaml)"

# Again: Enter keeps every value, nothing changes.
cp plain.yaml before.yaml
yes "" | head -40 > keep.txt
printf 'j\n' >> keep.txt
"$ALGEDIT" --plain edit plain.yaml < keep.txt > out2.txt 2>&1 || fail "$(tail out2.txt)"
cmp -s plain.yaml before.yaml || fail "keeping changed the file"
