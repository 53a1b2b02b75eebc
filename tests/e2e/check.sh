#!/bin/sh
# algedit check from the command line: findings like a compiler, JSON for CI,
# exit codes 0/1/2, one clear message per kind of bad input, no file changed.
set -u
fx="$top_srcdir/tests/fixtures/check"
fails=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8

# expect NAME EXPECTED_RC PATTERN -- ARGS...: runs check, compares exit code and output
expect() {
	name=$1 want=$2 pat=$3; shift 4
	"$ALGEDIT" check "$@" > "$tmp/out" 2>&1; rc=$?
	if [ "$rc" -ne "$want" ] || { [ "$pat" != - ] && ! grep -qE -- "$pat" "$tmp/out"; }; then
		echo "FAIL $name: exit $rc (want $want), output:"; sed 's/^/    /' "$tmp/out"
		echo "    (wanted /$pat/)"
		fails=$((fails + 1))
	else
		echo "ok   $name"
	fi
}

before=$(cat "$fx"/*.yaml "$fx"/*.json | cksum)
expect valid 0 - -- "$fx/valid.yaml"
expect syntax 2 'syntax.yaml:[0-9]+:[0-9]+: error: this is not valid YAML here' -- "$fx/syntax.yaml"
expect duplicate 2 'duplicate.yaml:2:1: error: .*"name" appears twice' -- "$fx/duplicate.yaml"
expect latin1 2 'latin1.yaml:1:.*not valid UTF-8 text \(byte 9\)' -- "$fx/latin1.yaml"
expect empty 2 'empty.yaml: error: the file is empty' -- "$fx/empty.yaml"
expect list-for-text 1 'list-for-text.yaml:2:3: error: Name: is a list, but must be text \[type\]' -- "$fx/list-for-text.yaml"
expect missing 2 'cannot read .*nope.yaml' -- "$fx/nope.yaml"
expect no-descriptions 2 'no descriptions \(\*.yaml files\) found' -- "$fx/nodesc"
expect folder 1 'sub/b.yaml:2:9: error: Status: "Verkeerd" is not allowed' -- "$fx/tree"
expect api-ok 0 - -- "$fx/payload-ok.json"
expect api-bad 1 'payload-bad.json:1:[0-9]+: error: Language: "NLD" is not allowed' -- "$fx/payload-bad.json"
expect usage 2 'Usage: algedit check' --
expect bad-option 2 'unknown option "--nope"' -- --nope "$fx/valid.yaml"
expect json 1 '"rule": "value-list"' -- --format json "$fx/tree"

# --spell: misspelt words as warnings with line and column; BRP, AVG and
# correct Dutch are not flagged; a team dictionary above the file is used.
printf 'name: Beoordelen aanvragen kwijtscheling\ndescription_short: De BRP en AVG-gegevens van inwoners’ zo’n aanvraag.\ngoal: |-\n  Een alinea.\n\n  - Een fuot.\n' > "$tmp/sp.yaml"
expect spell 1 'sp.yaml:1:28: warning: Name: "kwijtscheling" is not in the dictionary' -- --spell "$tmp/sp.yaml"
expect spell-block 1 'sp.yaml:6:9: warning: Purpose and impact: "fuot"' -- --spell "$tmp/sp.yaml"
if grep -qE '"(BRP|AVG|zo’n|inwoners)"' "$tmp/out"; then echo "FAIL spell: correct words flagged"; fails=$((fails + 1)); fi
mkdir -p "$tmp/repo/.algedit" "$tmp/repo/algoritmes" && cp "$tmp/sp.yaml" "$tmp/repo/algoritmes/"
printf 'kwijtscheling\n' > "$tmp/repo/.algedit/dictionary.txt"
"$ALGEDIT" check --spell "$tmp/repo/algoritmes" > "$tmp/out" 2>&1
if grep -q kwijtscheling "$tmp/out" || ! grep -q fuot "$tmp/out"; then echo "FAIL spell-team: team dictionary not used"; sed 's/^/    /' "$tmp/out"; fails=$((fails + 1)); else echo "ok   spell-team"; fi

# A file over 1 MiB
head -c 1100000 /dev/zero | tr '\0' 'a' > "$tmp/big.yaml"
expect big 2 'larger than 1 MiB' -- "$tmp/big.yaml"

# Control characters from a file never reach the terminal raw.
"$ALGEDIT" check "$fx/control.yaml" > "$tmp/ctl" 2>&1
if grep -q "$(printf '\033')" "$tmp/ctl" || grep -q "$(printf '\007')" "$tmp/ctl"; then
	echo "FAIL control: raw control characters in the output"; fails=$((fails + 1))
else
	echo "ok   control"
fi

# JSON output parses and has the totals.
"$ALGEDIT" check --format json "$fx/tree" "$fx/valid.yaml" > "$tmp/j.json" 2>/dev/null
if command -v python3 >/dev/null; then
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["errors"]>=1 and len(d["files"])==3, d' "$tmp/j.json" \
		&& echo "ok   json-parses" || { echo "FAIL json-parses"; fails=$((fails + 1)); }
fi

# Dutch where the locale is Dutch.
if locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
	LANGUAGE= LC_ALL=nl_NL.UTF-8 "$ALGEDIT" check "$fx/empty.yaml" > "$tmp/nl" 2>&1
	if grep -q 'het bestand is leeg' "$tmp/nl"; then echo "ok   dutch"; else
		echo "FAIL dutch:"; cat "$tmp/nl"; fails=$((fails + 1)); fi
else
	echo "SKIP dutch: no nl_NL.UTF-8 locale (./setup.sh deps creates it)"
fi

after=$(cat "$fx"/*.yaml "$fx"/*.json | cksum)
[ "$before" = "$after" ] && echo "ok   unchanged" || { echo "FAIL files changed"; fails=$((fails + 1)); }
exit $((fails > 0))
