#!/bin/sh
# A command's output and its messages sent to one file (`cmd > log 2>&1`, as CI
# jobs do) or one pipe come out as whole lines in the order they were written:
# a summary on stderr never lands inside a finding that stdout still held.
# The findings are made long enough (tens of kilobytes) to pass any buffer.
set -u
fx="$top_srcdir/tests/fixtures/check"
fails=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8

mkdir -p "$tmp/many"
i=0
while [ $i -lt 60 ]; do
	cp "$fx/tree/sub/b.yaml" "$tmp/many/beschrijving-met-een-lange-naam-$i.yaml"
	cp "$fx/list-for-text.yaml" "$tmp/many/lijst-$i.yaml"
	i=$((i + 1))
done

# whole NAME FILE REGEX: every line of FILE is a finding, blank, or the summary,
# and the summary is the last line.
whole() {
	name=$1 file=$2 finding=$3
	summary='^[0-9]+ files? checked: [0-9]+ errors?, [0-9]+ warnings?$'
	bad=$(grep -vE "$finding|$summary|^$" "$file" | head -3)
	last=$(grep -v '^$' "$file" | tail -1)
	if [ -n "$bad" ] || ! printf '%s\n' "$last" | grep -qE "$summary"; then
		echo "FAIL $name: a line is cut or out of order:"
		printf '%s\n' "$bad" | sed 's/^/    /'
		echo "    last line: $last"
		fails=$((fails + 1))
	else
		echo "ok   $name ($(wc -c < "$file") bytes)"
	fi
}

"$ALGEDIT" check "$tmp/many" > "$tmp/log" 2>&1
whole "check > file 2>&1" "$tmp/log" '^/.*\.yaml:[0-9]+(:[0-9]+)?: (error|warning|advice|note): .*|^/.*\.yaml: Completeness [0-9]+% .*'
"$ALGEDIT" check "$tmp/many" 2>&1 | cat > "$tmp/piped"
whole "check 2>&1 | cat" "$tmp/piped" '^/.*\.yaml:[0-9]+(:[0-9]+)?: (error|warning|advice|note): .*|^/.*\.yaml: Completeness [0-9]+% .*'
"$ALGEDIT" check --spell "$tmp/many" > "$tmp/spell" 2>&1
whole "check --spell > file 2>&1" "$tmp/spell" '^/.*\.yaml:[0-9]+(:[0-9]+)?: (error|warning|advice|note): .*|^/.*\.yaml: Completeness [0-9]+% .*|^algedit check: .*'
# JSON goes to stdout whole and parses, whatever else went to stderr.
"$ALGEDIT" check --format json "$tmp/many" > "$tmp/json" 2>&1
if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/json" 2>/dev/null; then
	echo "ok   check --format json > file 2>&1"
else
	echo "FAIL check --format json > file 2>&1: the JSON is cut by the summary"; tail -c 300 "$tmp/json" | sed 's/^/    /'
	fails=$((fails + 1))
fi

[ $fails -eq 0 ] || exit 1
