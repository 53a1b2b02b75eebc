#!/bin/sh
# algedit check on a broken file says what is wrong in the reader's language
# (libyaml's common problems in words of our own, with what to do), keeping
# libyaml's line and column; libyaml's English never shows.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8 LC_ALL=
fails=0
# expect FILE-CONTENT LANGUAGE WANT (a grep -E pattern for the finding)
expect() {
	printf '%b' "$1" > "$tmp/d.yaml"
	LANGUAGE=$2 "$ALGEDIT" check "$tmp/d.yaml" > "$tmp/out" 2>&1
	if ! grep -qE "$3" "$tmp/out"; then
		echo "FAIL: $2: wanted /$3/, got: $(cat "$tmp/out")"; fails=$((fails + 1))
	fi
	if grep -qiE 'did not find|not allowed in this context|cannot start any token|end of stream|escape character|while (parsing|scanning)' "$tmp/out"; then
		echo "FAIL: $2: libyaml's English: $(cat "$tmp/out")"; fails=$((fails + 1))
	fi
}
expect 'name: Test\ncategory: [Verkeer, Werk\nstatus: In gebruik\n' nl 'd\.yaml:3:7: fout: .*een lijst tussen \[ en \] is niet gesloten: er ontbreekt een komma of \]'
expect 'name: Test\ncategory: [Verkeer, Werk\nstatus: In gebruik\n' en 'd\.yaml:3:7: error: .*a list between \[ and \] is not closed: a comma or \] is missing'
expect 'name: Test: met dubbele punt\n' nl 'd\.yaml:1:11: fout: .*dubbele punt met een spatie in een waarde: zet de hele waarde tussen aanhalingstekens'
expect 'name: "Test\n' nl 'd\.yaml:2:1: fout: .*het sluitende aanhalingsteken ontbreekt'
expect 'name: "a\\qb"\n' nl 'd\.yaml:1:9: fout: .*backslash'
expect '- a\nname: x\n' nl 'd\.yaml:2:1: fout: .*de inspringing past niet bij de lijst erboven'
expect 'name: x\ngoal:\n  - a\n b: c\n' nl 'd\.yaml:4:[0-9]+: fout: '
expect 'name: @x\n' en 'd\.yaml:1:7: error: .*a value cannot start with this character'
[ $fails = 0 ] && echo "ok   check explains broken YAML in words of our own"
exit $((fails > 0))
