#!/bin/sh
# algedit import: a description is identified by its lars code, then by its
# organisation and name, then by organisation and source ID; never by its name
# alone. Descriptions of different organisations never share a file, the file
# of a second "Anonimiseren" says whose it is, and --update never replaces
# another organisation's description. Each record says what was done with it.
# Then the register's 2026 listing (../shared): every record is imported,
# none lost to another organisation's description with the same name.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8 GIT_CONFIG_GLOBAL=/dev/null HOME="$tmp" NO_COLOR=1
unset ALGEDIT_REPO
git init -q "$tmp/repo" && git -C "$tmp/repo" config user.name Tester && git -C "$tmp/repo" config user.email t@example.nl
fails=0
bad() { echo "FAIL $1"; sed 's/^/    /' "$tmp/out" | head -30; fails=$((fails + 1)); }
commits() { git -C "$tmp/repo" rev-list --count HEAD 2>/dev/null || echo 0; }
A() { "$ALGEDIT" -C "$tmp/repo" "$@" > "$tmp/out" 2>&1; }
body() { # ORG GOAL [LARS [SOURCE_ID [NAME]]]
	printf '{"name": "%s", "organization": "%s", "goal": "<p>%s</p>", "status": "In gebruik"%s%s}\n' \
		"${5:-Anonimiseren}" "$1" "$2" "${3:+, \"lars\": \"$3\"}" "${4:+, \"source_id\": \"$4\"}"
}
D="$tmp/repo/algoritmes"

body "Gemeente Delft" "Delft maakt namen onleesbaar." 11953829 > "$tmp/a.json"
body "Gemeente Utrecht" "Utrecht haalt persoonsgegevens weg." "" U-7 > "$tmp/b.json"
A import "$tmp/a.json" "$tmp/b.json" || bad "two organisations: exit $?"
grep -q "added as anonimiseren$" "$tmp/out" && grep -q "added as anonimiseren-gemeente-utrecht$" "$tmp/out" \
	&& grep -q "^2 added, 0 updated, 0 unchanged, 0 skipped$" "$tmp/out" || bad "two organisations: two files, said per record"
grep -q '^organization: Gemeente Delft$' "$D/anonimiseren.yaml" && grep -q '^organization: Gemeente Utrecht$' "$D/anonimiseren-gemeente-utrecht.yaml" \
	|| bad "two organisations: each in its own file"
delft=$(cksum < "$D/anonimiseren.yaml"); n0=$(commits)

# Utrecht's new text replaces Utrecht's description only
body "Gemeente Utrecht" "Utrecht haalt namen en adressen weg." "" U-7 > "$tmp/b.json"
A import --update "$tmp/b.json" || bad "--update Utrecht: exit $?"
grep -q "updated anonimiseren-gemeente-utrecht (the same organisation and name); the changes:" "$tmp/out" \
	&& grep -q 'namen en adressen' "$tmp/out" || bad "--update Utrecht: the field diff"
[ "$(cksum < "$D/anonimiseren.yaml")" = "$delft" ] || bad "--update Utrecht: Delft's description changed"
grep -q 'namen en adressen' "$D/anonimiseren-gemeente-utrecht.yaml" && [ "$(commits)" = $((n0 + 1)) ] || bad "--update Utrecht: saved"

# another organisation with Delft's lars code: never replaces Delft's
body "Gemeente Zeist" "Zeist." 11953829 > "$tmp/c.json"
A import --update "$tmp/c.json"; rc=$?
[ $rc = 1 ] && grep -q "skipped: anonimiseren in the repository has this lars code (11953829) but belongs to Gemeente Delft, not to Gemeente Zeist" "$tmp/out" \
	|| bad "lars of another organisation: skipped (exit $rc)"
[ "$(cksum < "$D/anonimiseren.yaml")" = "$delft" ] || bad "lars of another organisation: Delft's description changed"

# the same organisation and name with another lars code: another description, its own file
body "Gemeente Delft" "Tweede." 11953830 > "$tmp/d.json"
A import --update "$tmp/d.json" && grep -q "added as anonimiseren-gemeente-delft$" "$tmp/out" || bad "another lars: a new file"
[ "$(cksum < "$D/anonimiseren.yaml")" = "$delft" ] || bad "another lars: Delft's first description changed"

# renamed by its organisation: found by lars, and by source ID
body "Gemeente Delft" "Delft maakt namen onleesbaar." 11953829 "" "Documenten anonimiseren" > "$tmp/e.json"
A import --update "$tmp/e.json" && grep -q "updated anonimiseren (the same lars code)" "$tmp/out" \
	&& grep -q '^name: Documenten anonimiseren$' "$D/anonimiseren.yaml" || bad "renamed: found by lars"
body "Gemeente Utrecht" "Utrecht haalt namen en adressen weg." "" U-7 "Anonimiseren van documenten" > "$tmp/f.json"
A import --update "$tmp/f.json" && grep -q "updated anonimiseren-gemeente-utrecht (the same organisation and source ID)" "$tmp/out" || bad "renamed: found by source ID"
A import "$tmp/f.json"; [ $? = 1 ] && grep -q "skipped: anonimiseren-gemeente-utrecht is already in the repository (the same organisation and name); it is left as it is" "$tmp/out" \
	|| bad "without --update: skipped and why"

# two suppliers' templates of the same name, no organisation yet: two descriptions
printf '[{"id": "a-anon", "name": "Anonimiseren", "organization": null, "provider": "Leverancier A", "goal": "<p>A.</p>"}]\n' > "$tmp/ta.json"
printf '[{"id": "b-anon", "name": "Anonimiseren", "organization": null, "provider": "Leverancier B", "goal": "<p>B.</p>"}]\n' > "$tmp/tb.json"
git init -q "$tmp/tpl" && git -C "$tmp/tpl" config user.name Tester && git -C "$tmp/tpl" config user.email t@example.nl
"$ALGEDIT" -C "$tmp/tpl" import "$tmp/ta.json" "$tmp/tb.json" > "$tmp/out" 2>&1 && grep -q "added as anonimiseren$" "$tmp/out" \
	&& grep -q "added as anonimiseren-leverancier-b$" "$tmp/out" || bad "two suppliers' templates: two files"
"$ALGEDIT" -C "$tmp/tpl" import --update "$tmp/tb.json" > "$tmp/out" 2>&1 && grep -q "unchanged: anonimiseren-leverancier-b" "$tmp/out" \
	&& grep -q '^provider: Leverancier A$' "$tmp/tpl/algoritmes/anonimiseren.yaml" || bad "two suppliers' templates: --update keeps each to its own"

# the register's 2026 listing: every second record (510), many sharing a name
ref="${SHARED_DIR:-$top_srcdir/../shared}/reference/register-data/schellevis-algoritmes-2026-08-08.json"
if [ ! -f "$ref" ]; then
	echo "SKIP: ../shared/reference/register-data is absent; the listing part was not run"
else
	git init -q "$tmp/big" && git -C "$tmp/big" config user.name Tester && git -C "$tmp/big" config user.email t@example.nl
	python3 - "$ref" "$tmp/half.json" > "$tmp/shared-names" <<'PY'
import collections, json, sys
r = json.load(open(sys.argv[1]))
r["algoritmes"] = r["algoritmes"][0::2]
json.dump(r, open(sys.argv[2], "w"), ensure_ascii=False)
c = collections.Counter(a["title"] for a in r["algoritmes"])
print(sum(v - 1 for v in c.values() if v > 1))
PY
	shared=$(cat "$tmp/shared-names")
	"$ALGEDIT" -C "$tmp/big" import "$tmp/half.json" > "$tmp/out" 2>&1 || bad "listing: exit $?"
	grep -q "the register's listing of descriptions" "$tmp/out" && grep -q "^510 added, 0 updated, 0 unchanged, 0 skipped$" "$tmp/out" \
		&& [ "$(grep -c '^  added as ' "$tmp/out")" = 510 ] && [ "$shared" -gt 100 ] || bad "listing: all 510 records added ($shared share a name)"
	[ "$(ls "$tmp/big/algoritmes" | wc -l)" = 510 ] || bad "listing: 510 files"
	python3 - "$tmp/half.json" "$tmp/big/algoritmes" > "$tmp/out" <<'PY' || bad "listing: each record in a file of its own, with its organisation and lars"
import glob, json, re, sys
want = {a["id"]: a for a in json.load(open(sys.argv[1]))["algoritmes"]}
seen = set()
for f in glob.glob(sys.argv[2] + "/*.yaml"):
    t = open(f).read()
    lars = re.search(r'^lars: "?(\d+)"?$', t, re.M).group(1)
    org = re.search(r"^organization: (.*)$", t, re.M).group(1).strip("'\"")
    if lars in seen or want[lars]["organisatie"] != org:
        print("wrong:", f, lars, org); sys.exit(1)
    seen.add(lars)
sys.exit(0 if seen == set(want) else 1)
PY
	ls "$tmp/big/algoritmes" | grep -q '^anonimiseren-gemeente-' || bad "listing: a second Anonimiseren says whose it is"
	n1=$(git -C "$tmp/big" rev-list --count HEAD)
	"$ALGEDIT" -C "$tmp/big" import --update "$tmp/half.json" > "$tmp/out" 2>&1 && grep -q "^0 added, 0 updated, 510 unchanged, 0 skipped$" "$tmp/out" \
		&& [ "$(git -C "$tmp/big" rev-list --count HEAD)" = "$n1" ] || bad "listing again: all unchanged, no commit"
fi
[ $fails = 0 ] && echo "ok   import identity"
exit $((fails > 0))
