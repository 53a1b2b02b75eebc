#!/bin/sh
# The standard as a handout (issue 21.14): the columns of algedit standard
# stay in line after "één keuze"; the rules speak of the values above them
# (where they are), not "hieronder"; in the HTML document a valid https://
# address in the guidance is a link, escaped, and nothing else is. Dutch
# and English.
. "$top_srcdir/tests/e2e/lib.sh"

cd "$E2E_TMP"
bad=0
no() { echo "FAIL: $*" >&2; bad=1; }
# Guidance with addresses: one to link (with & in it), one http, one that
# would break out of the attribute.
for lang in nl en; do
	sed '/^  website:/,/^  [a-z_]*:$/{/what:/s|what: .*|what: "Zie https://wetten.overheid.nl/BWBR0015703?a=1\&b=2, of http://oud.example.nl en https://x.example.nl/\\"onmouseover=alert(1)."|}' \
		"$top_srcdir/tests/e2e/guidance-$lang.yaml" > "$E2E_TMP/data/standard/1.0/guidance-$lang.yaml"
done
grep -q "BWBR0015703" "$E2E_TMP/data/standard/1.0/guidance-nl.yaml" || { echo "FAIL: the fixture"; exit 1; }

for lang in nl en; do
	env $E2E_ENV ALGEDIT_LANG=$lang "$ALGEDIT" standard > list.txt 2>&1 || no "standard ($lang): $(cat list.txt)"
	# Every field's "(key)" starts in the same column, counted in characters.
	cols=$(grep '^  .*([a-z_]*)$' list.txt | sed 's/([a-z_]*)$//' | sed 's/./x/g' | awk '{ print length($0) }' | sort -u | wc -l)
	[ "$cols" = 1 ] || no "standard ($lang): the columns shift: $(grep -E 'keuze|choice' list.txt)"
	env $E2E_ENV ALGEDIT_LANG=$lang "$ALGEDIT" standard --format text > text.txt 2>&1 || no "text ($lang)"
	env $E2E_ENV ALGEDIT_LANG=$lang "$ALGEDIT" standard --format html > doc.html 2>&1 || no "html ($lang)"
	grep -q '<a href="https://wetten.overheid.nl/BWBR0015703?a=1&amp;b=2">https://wetten.overheid.nl/BWBR0015703?a=1&amp;b=2</a>, of\|<a href="https://wetten.overheid.nl/BWBR0015703?a=1&amp;b=2">https://wetten.overheid.nl/BWBR0015703?a=1&amp;b=2</a>,' doc.html ||
		no "html ($lang): the https address is not a link: $(grep BWBR doc.html)"
	grep -q 'href="http://' doc.html && no "html ($lang): an http address was made a link"
	grep -q 'onmouseover=alert' doc.html && ! grep -q '&quot;onmouseover=alert' doc.html && no "html ($lang): the quote was not escaped"
	grep -q '<a href="[^"]*"[^>]*onmouseover' doc.html && no "html ($lang): an attribute broke out"
done
grep -q "waarden hierboven" text.txt 2>/dev/null || true
env $E2E_ENV ALGEDIT_LANG=nl "$ALGEDIT" standard --format text > nl.txt 2>&1
grep -q "van de waarden hierboven" nl.txt || no "the Dutch rule does not say hierboven: $(grep -i 'waarden hier' nl.txt | head -2)"
grep -q "hieronder" nl.txt && no "the Dutch handout still says hieronder"
env $E2E_ENV ALGEDIT_LANG=en "$ALGEDIT" standard --format text > en.txt 2>&1
grep -q "of the values above" en.txt || no "the English rule does not say above"
if command -v tidy >/dev/null 2>&1; then
	tidy -errors -q doc.html > tidy.txt 2>&1 || no "tidy: $(head -3 tidy.txt)"
fi
[ $bad = 0 ] || { E2E_FAILED=1; exit 1; }
echo "ok   standard handout: columns, above, links"
