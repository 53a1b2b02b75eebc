#!/bin/sh
# Readable documents: algedit export --format markdown|html (a file, slugs in
# the repository, or all of them) and algedit standard --format
# text|markdown|html, in Dutch and English. Values from a file never reach the
# document raw: <script>, Markdown's * and #, control characters and bidi
# controls are escaped or shown visibly; the HTML passes tidy.
set -u
fails=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8 LC_ALL= HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config"
export GIT_CONFIG_NOSYSTEM=1
unset ALGEDIT_REPO GIT_DIR GIT_WORK_TREE
mkdir -p "$tmp/home"

ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; [ -f "$tmp/out" ] && sed 's/^/    /' "$tmp/out" | head -40; fails=$((fails + 1)); }
has() { grep -qF -- "$2" "$tmp/out" || { bad "$1: no \"$2\""; return 1; }; }
hasnt() { if grep -qF -- "$2" "$tmp/out"; then bad "$1: \"$2\" is there"; return 1; fi; }
# No C0 control but newline, no DEL, no C1, no U+202E, valid UTF-8.
clean() {
	if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$tmp/out" || grep -qaP '\xc2[\x80-\x9f]|\xe2\x80\xae' "$tmp/out" ||
	   ! iconv -f UTF-8 -t UTF-8 "$tmp/out" > /dev/null 2>&1; then
		bad "$1: a raw control character or invalid UTF-8 in the document"
		return 1
	fi
}
tidy_ok() {
	if [ -z "$TIDY" ]; then echo "SKIP $1: tidy is not installed (./setup.sh deps installs it)"; return 0; fi
	if tidy -errors -q "$tmp/out" > "$tmp/tidy" 2>&1 && [ ! -s "$tmp/tidy" ]; then ok "$1: tidy finds no error or warning"; else
		bad "$1: tidy finds errors"; sed 's/^/    /' "$tmp/tidy"; fi
}
TIDY=$(command -v tidy || true)

# A description with hostile values.
printf '%s\n' \
	'name: "Toeslag *check* #1 <script>alert(1)</script> & co"' \
	'description_short: "Kort\e[31m rood\u202e omgekeerd \x07 bel"' \
	'organization: "Gemeente <b>Noorderhaaks</b>"' \
	'status: In gebruik' \
	'goal: |-' \
	'  # geen kop' \
	'' \
	'  Eerste alinea met *sterren* en _lijntjes_' \
	'  en een tweede regel.' \
	'' \
	'  - punt een' \
	'  - punt <i>twee</i>' \
	'' \
	'  \1. WOO 2. WDO' \
	'impacttoetsen_grouping:' \
	'  - title: DPIA' \
	'    link: https://example.org/dpia?a=1&b=2' \
	'  - title: Eng' \
	'    link: "javascript:alert(1)"' > "$tmp/h.yaml"

for lang in en nl; do
	LANGUAGE=$lang "$ALGEDIT" export --format html "$tmp/h.yaml" > "$tmp/out" 2> "$tmp/err"; rc=$?
	if [ $rc -ne 0 ]; then bad "html-$lang: exit $rc: $(cat "$tmp/err")"; continue; fi
	clean "html-$lang" && hasnt "html-$lang" "<script" && hasnt "html-$lang" "<b>" && hasnt "html-$lang" "<i>" &&
		hasnt "html-$lang" 'href="javascript' &&
		has "html-$lang" "<title>Toeslag *check* #1 &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>" &&
		has "html-$lang" "<html lang=\"$lang\">" && has "html-$lang" "Kort^[[31m rood&lt;U+202E&gt; omgekeerd ^G bel" &&
		has "html-$lang" "<li>punt &lt;i&gt;twee&lt;/i&gt;</li>" && has "html-$lang" "<p>1. WOO 2. WDO</p>" &&
		has "html-$lang" '<a href="https://example.org/dpia?a=1&amp;b=2">' && ok "html-$lang: values escaped"
	tidy_ok "html-$lang"
done
grep -qF '<h2>Algemene informatie</h2>' "$tmp/out" && grep -qF 'Niet ingevuld.' "$tmp/out" && ok "html-nl: Dutch labels" ||
	bad "html-nl: Dutch labels"

LANGUAGE=en "$ALGEDIT" export --format markdown "$tmp/h.yaml" > "$tmp/out" 2>&1 || bad "markdown: exit $?"
clean markdown && has markdown '# Toeslag \*check\* \#1 \<script\>alert(1)\</script\> \& co' &&
	has markdown '\# geen kop' && has markdown 'Eerste alinea met \*sterren\* en \_lijntjes\_\' &&
	has markdown '- punt \<i\>twee\</i\>' && has markdown 'Kort^\[\[31m rood\<U+202E\> omgekeerd ^G bel' &&
	has markdown '## General information' && has markdown '### Short description' && ok "markdown: values escaped"
if grep -vF '\<' "$tmp/out" | grep -q '<'; then bad "markdown: a < not escaped"; fi
if grep -nE '^#' "$tmp/out" | grep -vE '^[0-9]+:#{1,3} ' > /dev/null; then bad "markdown: a value became a heading"; fi

# A repository: every description, or the ones named.
repo="$tmp/repo"
mkdir -p "$repo/algoritmes"
git -C "$repo" init -q
cp "$tmp/h.yaml" "$repo/algoritmes/toeslag.yaml"
printf 'name: Parkeervergunning\nstatus: In ontwikkeling\n' > "$repo/algoritmes/parkeren.yaml"
for i in 1 2 3 4 5; do printf 'name: Melding %s\n' $i > "$repo/algoritmes/melding-$i.yaml"; done
git -C "$repo" add -A && git -C "$repo" -c user.name=T -c user.email=t@example.org commit -qm start
LANGUAGE=nl "$ALGEDIT" -C "$repo" export --format html > "$tmp/out" 2>&1 || bad "repo-all: exit $?"
has repo-all '<h1>Algoritmebeschrijvingen</h1>' && has repo-all '<h2>Parkeervergunning</h2>' &&
	has repo-all '<h2>Toeslag *check* #1 &lt;script&gt;' && has repo-all '7 beschrijvingen' && has repo-all '<h2>Melding 5</h2>' && ok "repo-all: both descriptions"
tidy_ok repo-all
LANGUAGE=en "$ALGEDIT" -C "$repo" export --format markdown parkeren > "$tmp/out" 2>&1 || bad "repo-slug: exit $?"
has repo-slug '# Parkeervergunning' && hasnt repo-slug 'Toeslag' && ok "repo-slug: only the one named"
# The review state, as the list shows it: asked for review by T, approved by R.
git -C "$repo" config user.name T; git -C "$repo" config user.email t@example.org
"$ALGEDIT" -C "$repo" ask-review parkeren -m "graag" > /dev/null 2>&1 || bad "ask-review: exit $?"
LANGUAGE=nl "$ALGEDIT" -C "$repo" export --format markdown parkeren > "$tmp/out" 2>&1 || bad "repo-state: exit $?"
has repo-state 'ter review' && ok "repo-state: in review shown"
git -C "$repo" config user.name R; git -C "$repo" config user.email r@example.org
"$ALGEDIT" -C "$repo" approve parkeren > /dev/null 2>&1 || bad "approve: exit $?"
LANGUAGE=en "$ALGEDIT" -C "$repo" export --format markdown parkeren > "$tmp/out" 2>&1 || bad "repo-approved: exit $?"
has repo-approved 'approved' && ok "repo-approved: approved shown"
LANGUAGE=en "$ALGEDIT" -C "$repo" export --format markdown nope > "$tmp/out" 2>&1; rc=$?
[ $rc -eq 2 ] && ok "repo-unknown: exit 2 ($(head -1 "$tmp/out"))" || bad "repo-unknown: exit $rc"
# A file that is not there is an error; no repository is made for it.
LANGUAGE=en "$ALGEDIT" export --format html "$tmp/nope.yaml" > "$tmp/out" 2>&1; rc=$?
[ $rc -eq 2 ] && [ ! -e "$XDG_DATA_HOME/algedit" ] && ok "missing-file: exit 2 ($(head -1 "$tmp/out"))" ||
	bad "missing-file: exit $rc"
LANGUAGE=en "$ALGEDIT" export --format pdf "$tmp/h.yaml" > "$tmp/out" 2>&1; rc=$?
[ $rc -eq 2 ] && grep -q 'unknown format "pdf"' "$tmp/out" && ok "bad-format" || bad "bad-format: exit $rc"
LANGUAGE=en "$ALGEDIT" export --force --format markdown "$tmp/h.yaml" > "$tmp/out" 2>&1 && has force '# Toeslag' &&
	ok "--force is accepted (a document is never refused)"
# The API body is unchanged by all this.
LANGUAGE=en "$ALGEDIT" export --format api --force "$tmp/h.yaml" > "$tmp/out" 2>&1 && has api '"name": ' && ok "api still JSON"

# Every supplier template of the register, imported, makes a document tidy
# finds nothing in.
ref="${SHARED_DIR:-$top_srcdir/../shared}/reference/templates"
if [ ! -d "$ref" ]; then echo "SKIP templates: ../shared/reference is absent"
elif [ -z "$TIDY" ]; then echo "SKIP templates: tidy is not installed"
else
	n=0 nbad=0
	for t in "$ref"/*.json; do
		for id in $(sed -n 's/^ *"id": *"\{0,1\}\([A-Za-z0-9_-]*\)"\{0,1\},\{0,1\}$/\1/p' "$t"); do
			LANGUAGE=nl "$ALGEDIT" import "$t#$id" -o "$tmp/t.yaml" > /dev/null 2>&1 || continue
			n=$((n + 1))
			LANGUAGE=nl "$ALGEDIT" export --format html "$tmp/t.yaml" > "$tmp/out" 2>&1 &&
				tidy -errors -q "$tmp/out" > "$tmp/tidy" 2>&1 && [ ! -s "$tmp/tidy" ] ||
				{ nbad=$((nbad + 1)); echo "FAIL template $t#$id"; head -3 "$tmp/tidy"; }
			rm -f "$tmp/t.yaml"
		done
	done
	if [ $n -gt 0 ] && [ $nbad -eq 0 ]; then ok "templates: $n documents, tidy finds nothing"; else
		bad "templates: $nbad of $n documents not clean"; fi
fi

# The standard as a handout.
for lang in en nl; do
	for fmt in text markdown html; do
		LANGUAGE=$lang "$ALGEDIT" standard --format $fmt > "$tmp/out" 2>&1 || bad "standard-$fmt-$lang: exit $?"
		clean "standard-$fmt-$lang" || continue
		if [ $lang = nl ]; then
			has "standard-$fmt-$lang" 'Korte omschrijving' && has "standard-$fmt-$lang" 'Verplicht' &&
				has "standard-$fmt-$lang" 'Buiten gebruik' && has "standard-$fmt-$lang" 'Voorbeeld' &&
				has "standard-$fmt-$lang" 'Inwoners met een laag inkomen' && ok "standard-$fmt-$lang"
		else
			has "standard-$fmt-$lang" 'Short description' && has "standard-$fmt-$lang" 'Required' &&
				has "standard-$fmt-$lang" 'Buiten gebruik' && has "standard-$fmt-$lang" 'Example' && ok "standard-$fmt-$lang"
		fi
		[ $fmt = html ] && tidy_ok "standard-html-$lang"
	done
done
LANGUAGE=en "$ALGEDIT" standard --format pdf > "$tmp/out" 2>&1; rc=$?
[ $rc -eq 2 ] && grep -q 'unknown format "pdf"' "$tmp/out" && ok "standard-bad-format" || bad "standard-bad-format: exit $rc"
LANGUAGE=en "$ALGEDIT" standard > "$tmp/out" 2>&1 && has standard-list '(description_short)' && ok "standard: the short list stays"

[ $fails -eq 0 ]
