#!/bin/sh
# algedit templates lists the register's supplier templates that come with
# algedit, by supplier and name, with where the copy is from and its date;
# a filter keeps some. algedit new --template ID starts from one without a
# path; every one of them, with an organisation and a contact, passes check.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8 GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 HOME="$tmp" XDG_CONFIG_HOME="$tmp/.config"
git init -q "$tmp/repo" && git -C "$tmp/repo" config user.name Tester && git -C "$tmp/repo" config user.email t@example.nl
fails=0
bad() { echo "FAIL $1"; sed 's/^/    /' "$tmp/out" | head -30; fails=$((fails + 1)); }
A() { "$ALGEDIT" -C "$tmp/repo" "$@" > "$tmp/out" 2>&1; }

A templates || bad "templates: exit $?"
grep -q "^The register's supplier templates: 27, from 17 suppliers.$" "$tmp/out" \
	&& grep -q "MinBZK/Algoritmeregister of 2025-09-03" "$tmp/out" && grep -q "commit 4885a05" "$tmp/out" || bad "templates: count, source and date"
grep -q '^Nelen - Schuurmans$' "$tmp/out" && grep -q '^  zylab-tekstanalyse  *Tekstanalyse$' "$tmp/out" || bad "templates: by supplier and name"
cp "$tmp/out" "$tmp/list"
A templates anonim
[ "$(grep -c '^  ' "$tmp/out")" = 4 ] && grep -q '^Xxllnc$' "$tmp/out" && ! grep -q '^Zylab$' "$tmp/out" || bad "templates FILTER: four anonymisers"
A templates geen-zoiets; [ $? = 1 ] && grep -q 'no template has "geen-zoiets"' "$tmp/out" || bad "templates FILTER: none"
LANGUAGE=nl A templates zivver && grep -q "sjablonen" "$tmp/out" || bad "templates in Dutch"

# every template, without a path, made into a description: check passes
n=0
for id in $(sed -n 's/^  \([^ ]*\)  .*/\1/p' "$tmp/list"); do
	A new --template "$id" organization="Gemeente Noorderhaaks" contact_email=algoritmes@noorderhaaks.nl || bad "new --template $id"
	n=$((n + 1))
done
[ "$n" = 27 ] || bad "27 ids in the list, not $n"
[ "$(ls "$tmp/repo/algoritmes" | wc -l)" = 27 ] || bad "27 descriptions made"
A check "$tmp/repo/algoritmes" && grep -q "27 files checked: 0 errors" "$tmp/out" || bad "check passes on every template made into a description"
A new --template geen-sjabloon; [ $? = 2 ] && grep -q 'no template file and no template id "geen-sjabloon"; algedit templates lists' "$tmp/out" || bad "new --template: an unknown id"
# a newer release of the register's templates becomes the user's own copy;
# a file that is not templates changes nothing
mkdir -p "$tmp/release"
cp "$top_srcdir/standard/1.0/templates/zivver.json" "$tmp/release/Zivver.json"
cp "$top_srcdir/standard/1.0/templates/nelen---schuurmans.json" "$tmp/release/Nelen - Schuurmans.json"
export XDG_DATA_HOME="$tmp/share"
echo '{"x": 1}' > "$tmp/release/Kapot.json"
A templates --update "$tmp/release"; [ $? = 2 ] && grep -q "Kapot.json is not a file of templates" "$tmp/out" \
	&& [ ! -e "$tmp/share/algedit/templates" ] || bad "templates --update: a broken file changes nothing"
rm "$tmp/release/Kapot.json"
A templates --update "$tmp/release" && grep -q "updated from $tmp/release: 2 templates from 2 suppliers" "$tmp/out" || bad "templates --update"
A templates && grep -q "^The register's supplier templates: 2, from 2 suppliers.$" "$tmp/out" && grep -q "^Your own copy, updated on " "$tmp/out" \
	&& grep -q '^Nelen - Schuurmans$' "$tmp/out" || bad "templates: the user's own copy, said so"
A new --template zivver-smart-classification "Veilig mailen" organization="Gemeente Noorderhaaks" || bad "new --template from the user's copy"
rm -r "$tmp/share/algedit/templates"
A templates && grep -q "27, from 17 suppliers" "$tmp/out" || bad "templates: the shipped copy again"
[ $fails = 0 ] && echo "ok   templates"
exit $((fails > 0))
