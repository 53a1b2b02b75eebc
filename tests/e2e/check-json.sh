#!/bin/sh
# algedit check of register payloads that are valid JSON in ways the register
# accepts or refuses: DEL and other raw characters JSON allows in a string
# (Python's json.dump writes them), and a list of payloads, which the register
# answers with 422 (an error, exit 1, not unreadable input).
set -u
fails=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8

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

body='"name": "N", "description_short": "D", "organization": "Gemeente X", "status": "In gebruik", "contact_email": "a@b.nl", "publication_category": "Overige algoritmes", "lang": "nld"'
printf '{%s, "goal": "a\177b"}\n' "$body" > "$tmp/del.json"
printf '{%s, "goal": "a\302\205b \342\200\250 c \357\273\277d"}\n' "$body" > "$tmp/c1.json"
printf '[{%s}, {%s}]\n' "$body" "$body" > "$tmp/list.json"
printf '"%s"\n' "tekst" > "$tmp/string.json"
expect del-in-string 0 - -- "$tmp/del.json"
expect c1-ls-bom-in-string 0 - -- "$tmp/c1.json"
expect list-of-payloads 1 'list.json:1:1: error: the register refuses this file: .*a JSON object .*\[not-an-object\]' -- "$tmp/list.json"
expect string-payload 1 'string.json:1:1: error: the register refuses this file' -- "$tmp/string.json"
expect list-json 1 '"origin": "register", "rule": "not-an-object"' -- --format json "$tmp/list.json"
[ "$fails" -eq 0 ]
