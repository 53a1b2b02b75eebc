#!/bin/sh
# The man page covers the program: every command algedit help lists has a
# section (.SS "COMMAND ...") in doc/algedit.1, and every action of the
# editor's action table (label and help text, N_("Label"), N_("Help"), in
# whichever tui/*.c file holds it) has an entry "Label: ..." in the man page's
# key list (.SS "All keys"), and the list names no action the table lacks.
# The Dutch page (doc/nl/algedit.1 in the build folder, made by po4a from
# doc/algedit.1 and doc/po/nl.po) is built, translates every text of the
# English page (so a change to the English page without a translation fails
# here), renders, reads as Dutch, and has the English page's sections,
# commands, options and environment variables.
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

# ---- The Dutch page ----
nl="$top_builddir/doc/nl/algedit.1"
po="$top_srcdir/doc/po/nl.po"
if command -v po4a-translate > /dev/null 2>&1; then
	# Every text translated (the build ships the page from 80%; this test
	# wants all): po4a-translate writes nothing below the threshold.
	po4a-translate -f man -M UTF-8 -L UTF-8 -k 100 -m "$man" -p "$po" \
		-a "$top_srcdir/doc/po/nl.add" -l "$tmp/full.1" > "$tmp/po4a.out" 2>&1
	if [ -s "$tmp/full.1" ]; then
		echo "ok   doc/po/nl.po translates every text of doc/algedit.1"
	else
		echo "FAIL: doc/po/nl.po does not translate all of doc/algedit.1: make update-man-po, then translate the new and fuzzy entries:"
		grep -v deprecated "$tmp/po4a.out" | sed 's/^/    /'
		fails=$((fails + 1))
	fi
else
	echo "SKIP: po4a-translate is not installed: not checked that doc/po/nl.po translates all of doc/algedit.1"
fi
if [ ! -s "$nl" ]; then
	echo "FAIL: the Dutch man page $nl was not built (po4a missing, or doc/po/nl.po below 80% translated)"
	exit 1
fi

# Source checks: the same sections and list entries, every command with a
# section, every option and environment variable of the English page.
for m in '^\.SH' '^\.SS' '^\.TP' '^\.IP'; do
	ne=$(grep -c "$m" "$man"); nn=$(grep -c "$m" "$nl")
	if [ "$ne" != "$nn" ]; then
		echo "FAIL: the English page has $ne lines $m, the Dutch one $nn"
		fails=$((fails + 1))
	fi
done
while read -r c; do
	cm=$(printf '%s' "$c" | sed 's/-/\\\\-/g')
	if ! grep -qE "^\.SS \"?([a-z\\-]+, )*$cm(,| |\"|$)" "$nl"; then
		echo "FAIL: command $c has no section in the Dutch man page (.SS \"$c ...\")"
		fails=$((fails + 1))
	fi
done < "$tmp/commands"
words() { # options (--xxx, -x) and environment variables of a page's source
	sed 's/\\f[BIRP]//g' "$1" | grep -oE '\\-\\-[a-z]([a-z0-9]|\\-)*|\<[A-Z][A-Z0-9]*_[A-Z0-9_]+' | sed 's/\\//g' | LC_ALL=C sort -u
}
words "$man" > "$tmp/en.words"
words "$nl" > "$tmp/nl.words"
LC_ALL=C comm -23 "$tmp/en.words" "$tmp/nl.words" > "$tmp/lost"
if [ -s "$tmp/lost" ]; then
	echo "FAIL: options or variables of the English page missing from the Dutch page:"
	sed 's/^/    /' "$tmp/lost"
	fails=$((fails + 1))
fi
[ "$(wc -l < "$tmp/en.words")" -ge 40 ] || { echo "FAIL: only $(wc -l < "$tmp/en.words") options found in doc/algedit.1; update this test"; fails=$((fails + 1)); }

# Rendered, as man -L nl shows it: Dutch headings and words, no English
# headings, every option.
render() {
	if command -v man > /dev/null 2>&1; then
		LC_ALL=C.UTF-8 MANWIDTH=200 MAN_KEEP_FORMATTING= man -l "$1" 2>"$tmp/render.err" | col -bx
	elif command -v groff > /dev/null 2>&1; then
		groff -man -Tutf8 -rLL=200n "$1" 2>"$tmp/render.err" | sed 's/.\x08//g'
	elif command -v mandoc > /dev/null 2>&1; then
		mandoc -Tutf8 -Owidth=200 "$1" 2>"$tmp/render.err" | col -bx
	else
		return 77
	fi
}
render "$nl" > "$tmp/nl.txt"; rc=$?
if [ $rc = 77 ]; then
	echo "SKIP: no man, groff or mandoc: the Dutch man page is not rendered"
else
	if [ ! -s "$tmp/nl.txt" ] || [ -s "$tmp/render.err" ]; then
		echo "FAIL: the Dutch man page does not render cleanly:"
		sed 's/^/    /' "$tmp/render.err"
		fails=$((fails + 1))
	fi
	for h in NAAM OVERZICHT BESCHRIJVING OPTIES OPDRACHTEN 'DE EDITOR' OMGEVING BESTANDEN AFSLUITCODE VOORBEELDEN; do
		grep -q "^$h\$" "$tmp/nl.txt" || { echo "FAIL: the rendered Dutch page has no section $h"; fails=$((fails + 1)); }
	done
	for h in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS ENVIRONMENT FILES 'EXIT STATUS' EXAMPLES; do
		grep -q "^$h\$" "$tmp/nl.txt" && { echo "FAIL: the rendered Dutch page has the English section $h"; fails=$((fails + 1)); }
	done
	for w in beschrijving veld versie opslaan toelichting 'map met beschrijvingen'; do
		grep -qi "$w" "$tmp/nl.txt" || { echo "FAIL: the rendered Dutch page never says \"$w\""; fails=$((fails + 1)); }
	done
	missing=0
	while read -r w; do
		grep -qF -e "$w" "$tmp/nl.txt" || { echo "FAIL: the rendered Dutch page lacks $w"; missing=$((missing + 1)); }
	done < "$tmp/en.words"
	fails=$((fails + missing))
	[ $missing = 0 ] && echo "ok   the Dutch page renders with Dutch sections and all $(wc -l < "$tmp/en.words") options and variables of the English page"
fi
exit $((fails > 0))
