#!/bin/sh
# algedit new --template FILE#ID: a supplier template becomes a saved
# description (HTML turned into paragraphs, "NLD" into "nld", old keys left
# out), committed in the drafts repository; the editor's gaps stay for later.
set -u
ref="${SHARED_DIR:-$top_srcdir/../shared}/reference/templates"
if [ ! -d "$ref" ]; then echo "SKIP: ../shared/reference is absent"; exit 77; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8 GIT_CONFIG_GLOBAL=/dev/null HOME="$tmp"
git init -q "$tmp/repo" && git -C "$tmp/repo" config user.name Tester && git -C "$tmp/repo" config user.email t@example.nl
fails=0
"$ALGEDIT" -C "$tmp/repo" new --template "$ref/centric.json#centric-legesberekening" organization="Gemeente Noorderhaaks" > "$tmp/out" 2>&1 || { echo "FAIL new: $(cat "$tmp/out")"; exit 1; }
f=$(ls "$tmp/repo/algoritmes/"*.yaml)
grep -q '^lang: nld$' "$f" || { echo "FAIL lang"; fails=$((fails + 1)); }
grep -q '^organization: Gemeente Noorderhaaks$' "$f" || { echo "FAIL organization"; fails=$((fails + 1)); }
grep -q '<p>\|<div>\|uuid:' "$f" && { echo "FAIL html or old keys left in $f"; fails=$((fails + 1)); }
git -C "$tmp/repo" log --oneline | grep -q 'new description' || { echo "FAIL no commit"; fails=$((fails + 1)); }
"$ALGEDIT" check "$f" > "$tmp/check" 2>&1
errs=$(grep -c ': error: ' "$tmp/check")
if [ "$errs" != 1 ] || ! grep -q 'Contact details' "$tmp/check"; then echo "FAIL check: $(cat "$tmp/check")"; fails=$((fails + 1)); fi
"$ALGEDIT" -C "$tmp/repo" new --template "$ref/centric.json#nope" > "$tmp/out" 2>&1
[ $? = 2 ] && grep -q 'no template with id "nope"' "$tmp/out" || { echo "FAIL unknown id: $(cat "$tmp/out")"; fails=$((fails + 1)); }
[ $fails = 0 ] && echo "ok   new --template"
exit $((fails > 0))
