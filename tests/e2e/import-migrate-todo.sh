#!/bin/sh
# The migration report of a 0.x description is a complete to-do: it says
# where the content of a field without a place in 1.0 could go, and names
# every value check refuses, placeholders included (website "-", url "volgt",
# contact "contact", a link without https://). After doing what it says,
# algedit check passes.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8 GIT_CONFIG_GLOBAL=/dev/null HOME="$tmp" NO_COLOR=1
unset ALGEDIT_REPO
git init -q "$tmp/repo" && git -C "$tmp/repo" config user.name Tester && git -C "$tmp/repo" config user.email t@example.nl
fails=0
bad() { echo "FAIL $1"; sed 's/^/    /' "$tmp/out" | head -40; fails=$((fails + 1)); }
A() { "$ALGEDIT" -C "$tmp/repo" "$@" > "$tmp/out" 2>&1; }
cat > "$tmp/old.json" <<'JSON'
{"schema": "0.4", "name": "Parkeervergunningen toekennen", "organization": "Gemeente Noorderhaaks",
 "department": "Team Parkeren", "description_short": "Het algoritme bepaalt wie een vergunning krijgt.",
 "type": "Op regels gebaseerd", "category": "Verkeer", "status": "In gebruik",
 "website": "-", "url": "volgt", "contact_email": "contact", "publiccode": "http://git.noorderhaaks.nl/parkeren",
 "decision_making_process": "Een medewerker kijkt elke afwijzing na.", "lang": "Nederlands"}
JSON
A import "$tmp/old.json" || bad "import: exit $?"
grep -q "left out decision_making_process: standard 1.0 has no field of its own for it; its content could go into Human intervention (human_intervention)" "$tmp/out" \
	&& grep -q "left out type: .*could go into Technical operation (methods_and_models)" "$tmp/out" || bad "report: where the content could go"
for v in '"-"' '"volgt"' '"contact"' '"http://git.noorderhaaks.nl/parkeren"'; do
	grep -q "still to do: .*(it says $v now, which algedit check refuses)" "$tmp/out" || bad "report: names the placeholder $v"
done
cp "$tmp/out" "$tmp/report"
# do what the report asks: one value per field it names
f="$tmp/repo/algoritmes/parkeervergunningen-toekennen.yaml"
A check "$f"; [ $? = 1 ] || bad "check before: refuses"
set --
grep -q "still to do: Contact details" "$tmp/report" && set -- "$@" contact_email=parkeren@noorderhaaks.nl
grep -q "still to do: Link to public page" "$tmp/report" && set -- "$@" website=https://www.noorderhaaks.nl/parkeren
grep -q "still to do: Link to source registration" "$tmp/report" && set -- "$@" url=https://www.noorderhaaks.nl/bron
grep -q "still to do: Link to source code" "$tmp/report" && set -- "$@" publiccode=https://git.noorderhaaks.nl/parkeren
grep -q "still to do: Publication category" "$tmp/report" && set -- "$@" "publication_category=Overige algoritmes"
[ $# = 5 ] || { cp "$tmp/report" "$tmp/out"; bad "report: names all five fields ($# named)"; }
A set parkeervergunningen-toekennen "$@" || bad "set: exit $?"
A check "$f" && grep -q "1 file checked: 0 errors" "$tmp/out" || bad "check after doing what the report asks: passes"
[ $fails = 0 ] && echo "ok   import: the migration report's to-do is complete"
exit $((fails > 0))
