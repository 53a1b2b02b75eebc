#!/bin/sh
# The man page covers the program: every command algedit help lists has a
# section (.SS "COMMAND ...") in doc/algedit.1, and every action of the
# editor's action table (label and help text, N_("Label"), N_("Help"), in
# whichever tui/*.c file holds it) has an entry "Label: ..." in the man page's
# key list (.SS "All keys"), and the list names no action the table lacks.
set -u
man="$top_srcdir/doc/algedit.1"
fails=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Commands, from the program's own help (in English, whatever the locale).
"$ALGEDIT" --lang en help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }' > "$tmp/commands"
[ -s "$tmp/commands" ] || { echo "FAIL: algedit help lists no commands"; exit 1; }
while read -r c; do
	# A section may name several commands that share one text: "a, b, c".
	cm=$(printf '%s' "$c" | sed 's/-/\\\\-/g')
	if ! grep -qE "^\.SS \"?([a-z\\-]+, )*$cm(,| |\"|$)" "$man"; then
		echo "FAIL: command $c has no section in doc/algedit.1 (.SS \"$c ...\")"
		fails=$((fails + 1))
	fi
done < "$tmp/commands"
[ $fails = 0 ] && echo "ok   $(wc -l < "$tmp/commands") commands, each with a section"

# Actions: pairs of translatable label and help text in the tui sources.
grep -hoE 'N_\("([^"\\]|\\.)*"\), *(\.[a-z_]+ *= *)?N_\("([^"\\]|\\.)*"\)' "$top_srcdir"/tui/*.c |
	sed -E 's/^N_\("(([^"\\]|\\.)*)"\).*/\1/' | LC_ALL=C sort > "$tmp/actions"
n=$(wc -l < "$tmp/actions")
if [ "$n" -lt 20 ]; then
	echo "FAIL: only $n actions found in tui/*.c; the action table's form changed, update this test"
	exit 1
fi
# The key list: after each .TP the keys, then "Label: what it does".
sed -n '/^\.SS "All keys"/,/^\.S[SH]/p' "$man" |
	awk '/^\.TP/ { t = 2; next } t == 2 { t = 1; next } t == 1 { t = 0; sub(/:.*/, ""); print }' | LC_ALL=C sort > "$tmp/man"
if [ ! -s "$tmp/man" ]; then
	echo "FAIL: doc/algedit.1 has no key list (.SS \"All keys\" with .TP entries)"
	exit 1
fi
LC_ALL=C comm -23 "$tmp/actions" "$tmp/man" > "$tmp/missing"
LC_ALL=C comm -13 "$tmp/actions" "$tmp/man" > "$tmp/extra"
if [ -s "$tmp/missing" ]; then
	echo "FAIL: actions of the editor missing from the man page's key list (.SS \"All keys\"):"
	sed 's/^/    /' "$tmp/missing"
	fails=$((fails + 1))
fi
if [ -s "$tmp/extra" ]; then
	echo "FAIL: the man page's key list names actions the editor no longer has:"
	sed 's/^/    /' "$tmp/extra"
	fails=$((fails + 1))
fi
[ -s "$tmp/missing" ] || [ -s "$tmp/extra" ] || echo "ok   $n actions, each in the man page's key list"
exit $((fails > 0))
