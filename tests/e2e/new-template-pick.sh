#!/bin/sh
# algedit new --template FILE on a file with several templates never takes
# the first silently: it lists the ids with their names, gives an example of
# FILE#ID and refuses (exit 2), saving nothing; FILE#ID then works.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=nl LANG=C.UTF-8 GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 HOME="$tmp" XDG_CONFIG_HOME="$tmp/.config"
git init -q "$tmp/repo" && git -C "$tmp/repo" config user.name Tester && git -C "$tmp/repo" config user.email t@example.nl
tpl="$top_srcdir/tests/fixtures/templates/leverancier.json"
fails=0
"$ALGEDIT" -C "$tmp/repo" new --template "$tpl" > "$tmp/out" 2>&1
rc=$?
[ $rc = 2 ] || { echo "FAIL exit $rc, wanted 2: $(cat "$tmp/out")"; fails=$((fails + 1)); }
grep -q 'bevat 2 sjablonen' "$tmp/out" || { echo "FAIL no count: $(cat "$tmp/out")"; fails=$((fails + 1)); }
grep -q '^  voorbeeld-afvalroutes  Routeplanner afvalinzameling$' "$tmp/out" || { echo "FAIL id 1: $(cat "$tmp/out")"; fails=$((fails + 1)); }
grep -q '^  voorbeeld-parkeerscan  Scanauto parkeercontrole$' "$tmp/out" || { echo "FAIL id 2: $(cat "$tmp/out")"; fails=$((fails + 1)); }
grep -qF "bijvoorbeeld: algedit new --template \"$tpl#voorbeeld-afvalroutes\"" "$tmp/out" || { echo "FAIL example: $(cat "$tmp/out")"; fails=$((fails + 1)); }
ls "$tmp/repo/algoritmes/"*.yaml > /dev/null 2>&1 && { echo "FAIL a description was saved"; fails=$((fails + 1)); }
"$ALGEDIT" -C "$tmp/repo" new --template "$tpl#voorbeeld-parkeerscan" > "$tmp/out" 2>&1 || { echo "FAIL FILE#ID: $(cat "$tmp/out")"; fails=$((fails + 1)); }
grep -q 'scanauto-parkeercontrole' "$tmp/out" || { echo "FAIL FILE#ID slug: $(cat "$tmp/out")"; fails=$((fails + 1)); }
[ $fails = 0 ] && echo "ok   new --template on several templates"
exit $((fails > 0))
