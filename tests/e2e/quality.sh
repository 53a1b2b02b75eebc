#!/bin/sh
# algedit check: the register's completeness score per file (text and
# JSON, equal to a count by hand), advice on plain Dutch with the rule ids
# long-sentence, plain-word and reading-level (notes: the exit status stays
# what it was), the team's own plain words, "only looks filled" for an
# empty <p></p> the register counts, and the Dutch wording.
set -eu
: "${ALGEDIT:?}" "${top_srcdir:?}"
T=$(mktemp -d /tmp/algedit-quality.XXXXXX)
trap 'rm -rf "$T"' EXIT
cd "$T"
fails=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
export LANGUAGE=en LANG=C.UTF-8 ALGEDIT_DATADIR="$top_srcdir"

# The tutor's example: valid, plain, and its score counted by hand (the
# register's weights and its test: not null, not "" and not an empty list),
# by the script below.
cp "$top_srcdir/standard/1.0/tutor-example-nl.yaml" plain.yaml
set +e
"$ALGEDIT" check plain.yaml > plain.out 2>&1; rc=$?
set -e
[ "$rc" = 0 ] && ok "the tutor's example passes" || fail "tutor example: rc $rc: $(cat plain.out)"
! grep -q "long-sentence\|plain-word\|reading-level" plain.out && ok "no advice on its plain text" || fail "advice on plain text: $(cat plain.out)"
want=$(python3 - "$top_srcdir/standard/1.0/tutor-example-nl.yaml" <<'PY'
import math, sys, yaml
w = {"name": 8, "description_short": 8, "organization": 8, "category": 8, "status": 8, "begin_date": 8, "end_date": 0,
     "contact_email": 8, "website": 2, "publication_category": 8, "url": 2, "goal": 8, "proportionality": 8,
     "human_intervention": 8, "risks": 8, "lawful_basis": 2, "lawful_basis_grouping": 2, "process_index_url": 2,
     "impacttoetsen": 8, "impacttoetsen_grouping": 2, "source_data": 8, "source_data_grouping": 2,
     "methods_and_models": 2, "provider": 8, "publiccode": 0, "lang": 2, "standard_version": 0, "source_id": 0, "tags": 2}
d = yaml.safe_load(open(sys.argv[1])) or {}
got = sum(v for k, v in w.items() if d.get(k) not in (None, "", []))
print(math.ceil(got / sum(w.values()) * 100))
PY
) || want=
if [ -n "$want" ]; then
	grep -qx "plain.yaml: Completeness $want% (the register's score)" plain.out \
		&& ok "text: the completeness line, $want% as counted by hand" || fail "completeness: want $want%: $(cat plain.out)"
else
	echo "SKIP: python3 yaml is absent; the count by hand is in tests/unit/test_quality"
fi

cat > stiff.yaml <<'EOF2'
name: Stijf
goal: |-
  Middels dit algoritme worden aanvragen, die reeds door de afdeling Vergunningen in behandeling zijn genomen, teneinde de doorlooptijd te verkorten en de kwaliteit van de besluitvorming ten aanzien van parkeervergunningen te verhogen, automatisch beoordeeld op volledigheid en juistheid van de aangeleverde gegevens.

  Belanghebbenden dienen te beschikken over een geldige parkeerplek alsmede een registratie op naam van de aanvrager, hetgeen geverifieerd wordt middels een automatische raadpleging van de desbetreffende registraties.
EOF2
set +e
"$ALGEDIT" check stiff.yaml > stiff.out 2>&1; rc=$?
set -e
cat stiff.out
grep -q "the sentence that starts with \"Middels dit algoritme worden aanvragen, die...\" has 42 words.*\[long-sentence\]" stiff.out \
	&& ok "long-sentence: how long and where it starts" || fail "no long-sentence"
grep -q "\"middels\" (plainer: \"met\").*\[plain-word\]" stiff.out && ok "plain-word" || fail "no plain-word"
grep -q "Flesch-Douma.*\[reading-level\]" stiff.out && ok "reading-level" || fail "no reading-level"
[ "$(grep -c 'Purpose and impact:.*\[\(long-sentence\|plain-word\|reading-level\)\]' stiff.out)" -le 3 ] && ok "at most 3 per field" || fail "more than 3"
sed -i '/^goal:/,$d' stiff.yaml
set +e
"$ALGEDIT" check stiff.yaml > bare.out 2>&1; rc2=$?
set -e
[ "$rc" = "$rc2" ] && ok "advice leaves the exit status alone ($rc)" || fail "exit status $rc with advice, $rc2 without"

# The team's own pairs, beside its dictionary.
mkdir -p repo/.algedit repo/algoritmes
printf '# ons team\nparkeerplek = plek\n' > repo/.algedit/plain-words.txt
printf 'name: Team\ngoal: Wij geven een parkeerplek aan bewoners.\n' > repo/algoritmes/team.yaml
"$ALGEDIT" check repo > team.out 2>&1 || true
grep -q "\"parkeerplek\" (plainer: \"plek\")" team.out && ok "the team's plain words" || fail "team list: $(cat team.out)"

# JSON: completeness per file, advice with the rule ids.
"$ALGEDIT" check --format json stiff.yaml plain.yaml > out.json 2>/dev/null || true
python3 -c '
import json
d = json.load(open("out.json"))
for f in d["files"]:
    assert isinstance(f["completeness"], int), f
print(d["files"][1]["completeness"])
' > json.score && ok "JSON: \"completeness\" for each file" || fail "JSON: $(cat out.json)"
[ -z "$want" ] || [ "$(cat json.score)" = "$want" ] && ok "JSON score equals the text's" || fail "JSON score $(cat json.score), want $want"

# Real published descriptions: the supplier templates and the 1.0 records
# of the site-data export, each as a submission body, scored by algedit and
# by the register's formula written out here on the same JSON values.
ref="${SHARED_DIR:-$top_srcdir/../shared}/reference"
if [ -d "$ref/templates" ]; then
	mkdir -p real
	python3 - "$ref" real <<'PY' > real.want
import glob, json, math, os, sys
ref, out = sys.argv[1], sys.argv[2]
w = json.load(open(os.path.join(ref, "standard", "score-weights.json")))["weights"]["1.0"]
recs = []
for f in sorted(glob.glob(os.path.join(ref, "templates", "*.json"))):
    recs += json.load(open(f))
site = json.load(open(os.path.join(ref, "register-data", "minbzk-site-data-export-sample-2024-10.json")))
recs += [r for r in site["algoritme_versions"] if r.get("standard_version") == "1.0"]
for i, r in enumerate(recs):
    body = {k: v for k, v in r.items() if k in w}
    json.dump(body, open(os.path.join(out, "%03d.json" % i), "w"), ensure_ascii=False)
    got = sum(v for k, v in w.items() if body.get(k) is not None and body.get(k) != "" and body.get(k) != [])
    print("%03d.json %d" % (i, math.ceil(got * 100 / sum(w.values()))))
PY
	"$ALGEDIT" check --format json real/*.json > real.json 2>/dev/null || true
	python3 -c '
import json, os
d = json.load(open("real.json"))
for f in d["files"]:
    print("%s %d" % (os.path.basename(f["path"]), f["completeness"]))
' > real.got
	diff real.want real.got > real.diff && ok "the register's score on $(wc -l < real.want) real published descriptions" \
		|| fail "completeness differs from the register's formula: $(cat real.diff)"
else
	echo "SKIP: $ref is absent; the real descriptions are not compared"
fi

# The register counts an empty <p></p>: its number, and advice on it.
printf '{"name": "X", "goal": "<p></p>", "lawful_basis_grouping": [{"title": "", "link": ""}]}\n' > empty.json
"$ALGEDIT" check empty.json > empty.out 2>&1 || true
grep -q "empty.json: Completeness 13% (the register's score)" empty.out && ok "the register's naive count: 13%" || fail "naive count: $(cat empty.out)"
grep -q "Purpose and impact only looks filled.*\[looks-filled\]" empty.out && grep -q "Legal basis.*only looks filled" empty.out \
	&& ok "looks-filled names the fields" || fail "looks-filled: $(cat empty.out)"

# The documents carry it too.
"$ALGEDIT" export --format markdown plain.yaml > doc.md 2>&1 || true
[ -z "$want" ] || grep -qx "\*\*Completeness:\*\* $want% (the register's score)" doc.md \
	&& ok "export --format markdown: the completeness score" || fail "document: $(head -8 doc.md)"
"$ALGEDIT" export --format html plain.yaml > doc.html 2>&1 || true
grep -q "<strong>Completeness:</strong> [0-9]*% (the register&#39;s score)" doc.html && ok "export --format html: the score" || fail "html document"

# A value the register's HTML reader fails on ("<") is not blank, and
# scoring it does not crash.
printf '{"name": "<", "goal": "<"}\n' > lt.json
set +e
"$ALGEDIT" check lt.json > lt.out 2>&1; rc=$?
set -e
[ "$rc" -le 2 ] && grep -q "lt.json: Completeness 12%" lt.out && ok "a value the register cannot read: scored, no crash" || fail "lt.json: rc $rc: $(cat lt.out)"

# In Dutch.
LANGUAGE=nl "$ALGEDIT" check stiff.yaml plain.yaml > nl.out 2>&1 || true
grep -q "plain.yaml: Vulling [0-9]*%" nl.out && ok "Dutch: Vulling" || fail "Dutch: $(cat nl.out)"

[ "$fails" = 0 ] || exit 1
