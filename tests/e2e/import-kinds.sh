#!/bin/sh
# algedit import FILE...: every kind of file the register and its standard
# have (a list of API bodies, a supplier template file, the site-data export,
# the JSON Schema naming, a 0.x export) is named, and each description found
# becomes a commit in a real temporary drafts repository. A 0.x description
# gets a migration report; once the fields it names are set, export takes it
# without --force. -o writes one description to a file.
set -u
ref="${SHARED_DIR:-$top_srcdir/../shared}/reference"
if [ ! -d "$ref/register-data" ]; then echo "SKIP: ../shared/reference is absent"; exit 77; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8 GIT_CONFIG_GLOBAL=/dev/null HOME="$tmp" NO_COLOR=1
unset ALGEDIT_REPO
git init -q "$tmp/repo" && git -C "$tmp/repo" config user.name Tester && git -C "$tmp/repo" config user.email t@example.nl
fails=0
bad() { echo "FAIL $1"; [ -f "$tmp/out" ] && sed 's/^/    /' "$tmp/out" | head -40; fails=$((fails + 1)); }
commits() { git -C "$tmp/repo" rev-list --count HEAD 2>/dev/null || echo 0; }
A() { "$ALGEDIT" -C "$tmp/repo" "$@" > "$tmp/out" 2>&1; }

# the site-data export: the Dutch versions only, each a commit
n0=$(commits)
A import "$ref/register-data/minbzk-site-data-export-sample-2024-10.json" || bad "site export: exit $?"
grep -q "site-data export (algoritme_versions), 2 description(s); 2 version(s) in another language left out" "$tmp/out" || bad "site export: kind"
[ "$(commits)" = $((n0 + 2)) ] || bad "site export: 2 commits"
[ -f "$tmp/repo/algoritmes/wmo-voorspelmodel.yaml" ] || bad "site export: the Dutch version"
grep -q '^status: In gebruik$' "$tmp/repo/algoritmes/wmo-voorspelmodel.yaml" || bad "site export: Actief -> In gebruik"

# a supplier template file: four templates, four commits
n0=$(commits)
A import "$ref/templates/brickyard.json" || bad "templates: exit $?"
grep -q "a supplier template file, 4 description(s)" "$tmp/out" || bad "templates: kind"
[ "$(commits)" = $((n0 + 4)) ] || bad "templates: 4 commits"

# a list of API bodies (standard 1.0)
python3 - "$ref/templates/centric.json" "$tmp/list.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))[:2]
for b in t:
    for k in ("id", "type", "uuid", "iama_description", "source_data_link"):
        b.pop(k, None)
    b["organization"] = "Gemeente Noorderhaaks"
    b["contact_email"] = "algoritmes@noorderhaaks.nl"
json.dump(t, open(sys.argv[2], "w"))
PY
n0=$(commits)
A import "$tmp/list.json" || bad "list: exit $?"
grep -q "list.json: a list of API bodies, 2 description(s)" "$tmp/out" || bad "list: kind"
grep -q "(an API body (standard 1.0))" "$tmp/out" || bad "list: each body's kind"
[ "$(commits)" = $((n0 + 2)) ] || bad "list: 2 commits"

# the JSON Schema naming
cat > "$tmp/schema.json" <<'JS'
{"name": "Parkeerhandhaving scanauto", "description_short": "Een scanauto leest kentekens.",
 "organization": "Gemeente Noorderhaaks", "theme": ["Verkeer"], "status": "In gebruik",
 "start_date": "2022-04", "contact": "algoritmes@noorderhaaks.nl",
 "publication_category": "Impactvolle algoritmes (Categorie B)", "purpose_and_impact": "Handhaven.",
 "legal_basis_title": "Wegenverkeerswet", "legal_basis_link": "https://wetten.overheid.nl/BWBR0006622",
 "language": "nld", "schema": "1.0.0"}
JS
A import "$tmp/schema.json" || bad "schema: exit $?"
grep -q "JSON Schema naming" "$tmp/out" && grep -q "renamed start_date to begin_date" "$tmp/out" || bad "schema: report"
f="$tmp/repo/algoritmes/parkeerhandhaving-scanauto.yaml"
grep -q '^begin_date: "2022-04"$' "$f" && grep -q '^publication_category: Impactvolle algoritmes$' "$f" \
	&& grep -q 'title: Wegenverkeerswet' "$f" || { cp "$f" "$tmp/out"; bad "schema: file"; }
A export parkeerhandhaving-scanauto || bad "schema: export by slug without --force"

# an older standard: one record of the 2023 export, migrated with a report
A import "$ref/register-data/minbzk-pub_data-2023-06.json#50" || bad "0.x: exit $?"
grep -q "a description of an older standard (0.x)" "$tmp/out" || bad "0.x: kind"
grep -q "migrated to standard 1.0:" "$tmp/out" && grep -q 'Language: "Nederlands" became "nld"' "$tmp/out" \
	&& grep -q "still to do: Publication category: the register requires this field" "$tmp/out" || bad "0.x: report"
f="$tmp/repo/algoritmes/spotrotterdam.yaml"
grep -q '^# Kept aside when this description was migrated from standard 0.1.0 to 1.0' "$f" \
	&& grep -q '^# department: ' "$f" || { cp "$f" "$tmp/out"; bad "0.x: the kept-aside comment block"; }
git -C "$tmp/repo" show HEAD:algoritmes/spotrotterdam.yaml | grep -q '^# department: ' || bad "0.x: comment block in the commit"
A export spotrotterdam; [ $? = 1 ] || bad "0.x: export before filling in"
A set spotrotterdam "publication_category=Overige algoritmes" || bad "0.x: set"
A export spotrotterdam || bad "0.x: export after filling in what the report names"
grep -q '"standard_version": "1.0"' "$tmp/out" || bad "0.x: exported body"

# -o: one description to a file, never over an existing one, never several
"$ALGEDIT" import -o "$tmp/one.yaml" "$ref/templates/brickyard.json#2" > "$tmp/out" 2>&1 || bad "-o: exit $?"
grep -q '^name: ' "$tmp/one.yaml" || bad "-o: the file"
"$ALGEDIT" import -o "$tmp/one.yaml" "$ref/templates/tygron.json" > "$tmp/out" 2>&1; [ $? = 2 ] || bad "-o: over an existing file"
"$ALGEDIT" import -o "$tmp/two.yaml" "$ref/templates/brickyard.json" > "$tmp/out" 2>&1
[ $? = 2 ] && grep -q "holds 4 descriptions and -o writes one" "$tmp/out" && [ ! -e "$tmp/two.yaml" ] || bad "-o: several"
"$ALGEDIT" import -o - "$ref/templates/tygron.json" > "$tmp/y" 2> "$tmp/out" && grep -q '^name: ' "$tmp/y" \
	&& ! grep -q 'supplier template' "$tmp/y" || bad "-o -: only the description on standard output"

# nothing to import: no object, or objects without a field of the standard
echo '[1, 2]' > "$tmp/nothing.json"
A import "$tmp/nothing.json"; [ $? = 2 ] && grep -q "the file holds no description" "$tmp/out" || bad "nothing: exit 2"
n0=$(commits)
echo '{"algoritmes": [{"title": "x"}], "count": 1}' > "$tmp/other.json"
A import "$tmp/other.json"; [ $? = 2 ] && grep -q "other.json:1:1: error: this object has none of the fields of the standard" "$tmp/out" \
	&& [ "$(commits)" = "$n0" ] || bad "another JSON object: exit 2, nothing saved"
[ $fails = 0 ] && echo "ok   import kinds"
exit $((fails > 0))
