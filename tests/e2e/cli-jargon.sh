#!/bin/sh
# The Dutch help and usage texts speak the users' language: no git jargon
# (repository, commit, branch, remote, slug), no English placeholders (FILE,
# DIR, NAME, KEY, VALUE, WHEN) and one key notation (Ctrl-G, never ^G), in
# algedit help, algedit help CMD and algedit CMD --help for every command.
set -u
export LANGUAGE=nl LANG=C.UTF-8 LC_ALL=
out=$(mktemp); trap 'rm -f "$out"' EXIT
{
	"$ALGEDIT" help
	"$ALGEDIT" --help
	for c in $("$ALGEDIT" help | sed -n '/^Opdrachten:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'); do
		echo "=== algedit help $c"
		"$ALGEDIT" help "$c" || echo "FAIL: algedit help $c: exit $?"
		echo "=== algedit $c --help"
		"$ALGEDIT" "$c" --help < /dev/null || echo "FAIL: algedit $c --help: exit $?"
	done
} > "$out" 2>&1
fails=0
grep -q '^=== algedit help check$' "$out" || { echo "FAIL: no commands found"; fails=1; }
if grep -n '^FAIL' "$out"; then fails=1; fi
# Whole words, any case; git's own commands (git commit) are not in help.
# Config keys (review.signing-key) are names to type, not words: left out.
if sed 's/\(register\|review\)\.[a-z-]*//g' "$out" | grep -niwE 'repository|repositories|repo|commit|commits|branch|remote|remotes|slug|FILE|DIR|NAME|KEY|VALUE|WHEN|PATH'; then
	echo "FAIL: jargon or English placeholders in the Dutch help (above)"
	fails=1
fi
if grep -nE '\^[A-Z]([^A-Za-z]|$)' "$out"; then
	echo "FAIL: ^X key notation in the Dutch help; write Ctrl-X"
	fails=1
fi
# Messages name keys one way, as Ctrl-G, in the Dutch catalogue too.
# (The help screen's one line that explains the key bar's ^G says it.)
if grep -nE '^msgstr.*\^[A-Z]([^A-Za-z]|$)' "$top_srcdir/i18n/nl.po" | grep -v '\^G betekent Ctrl-G'; then
	echo "FAIL: ^X key notation in a Dutch message; write Ctrl-X"
	fails=1
fi
[ $fails = 0 ] && echo "ok   Dutch help without jargon"
exit $fails
