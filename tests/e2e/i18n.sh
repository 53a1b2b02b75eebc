#!/bin/sh
# Two languages everywhere. (a) The Dutch catalogue has every message of the
# sources, translated, none fuzzy: the sources are extracted as make update-po
# does, into a temporary folder, and merged into a copy of i18n/nl.po. (b) The
# main flows run with --lang nl show no English message line, and with
# --lang en no Dutch one: help, every COMMAND --help, check of a broken
# description (text and JSON), export, standard, new/set/log/diff on a
# temporary repository, plain mode, and the editor's list, form and help at
# 80x24. The language is chosen by --lang against a locale that says the other
# language (lib.sh sets LANGUAGE=nl), and without a Dutch locale (C.UTF-8).
. "$top_srcdir/tests/e2e/lib.sh"
set +e
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); E2E_FAILED=1; }

# (a) The catalogue against the sources.
if command -v xgettext >/dev/null 2>&1 && command -v msgmerge >/dev/null 2>&1; then
	pot="$E2E_TMP/algedit.pot"
	(cd "$top_srcdir" && xgettext --from-code=UTF-8 -k_ -kN_ -kP_:1,2 -kfail:3 --package-name=algedit \
		-o "$pot" $(cat i18n/POTFILES)) || bad "xgettext failed"
	cp "$top_srcdir/i18n/nl.po" "$E2E_TMP/nl.po"
	msgmerge -q -U --backup=none "$E2E_TMP/nl.po" "$pot" || bad "msgmerge failed"
	stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$E2E_TMP/nl.po" 2>&1)
	case $stats in
	*untranslated* | *fuzzy*)
		bad "i18n/nl.po is not complete: $stats; these messages lack a Dutch translation:"
		{ msgattrib --no-wrap --no-obsolete --only-fuzzy "$E2E_TMP/nl.po"
		  msgattrib --no-wrap --no-obsolete --untranslated "$E2E_TMP/nl.po"; } 2>/dev/null |
			grep '^msgid "[^"]' | sed 's/^/    /' ;;
	*) echo "ok   nl.po: $stats" ;;
	esac
	if grep -q '^#,.*fuzzy' "$top_srcdir/i18n/nl.po" "$top_srcdir/i18n/en.po"; then
		bad "fuzzy entries in i18n/*.po (a guessed translation is shown as if checked)"
	fi
else
	echo "SKIP (a): xgettext or msgmerge is not installed; the catalogue is not compared with the sources"
fi

# (b) The flows, once per language, into out-LANG (one message per line).
run() { env $E2E_ENV "$ALGEDIT" "$@"; }
repo="$E2E_TMP/repo"
fx="$top_srcdir/tests/fixtures/check"
flows() {
	L=$1 out="$E2E_TMP/out-$1"
	rm -rf "$repo"
	mkdir -p "$repo"
	printf 'name: &a Naam\n' > "$E2E_TMP/anchor.yaml"
	printf '{"x": 1}\n' > "$E2E_TMP/cfg.json"
	rm -rf "$E2E_TMP/badstd"
	cp -r "$E2E_TMP/data/standard/1.0" "$E2E_TMP/badstd"
	sed -i '0,/kind: text/s//kind: tekst/' "$E2E_TMP/badstd/fields.yaml"
	git -C "$repo" init -q -b main
	git -C "$repo" config user.name "Test Persoon"
	git -C "$repo" config user.email test@example.nl
	{
		run --lang "$L" help
		for c in $(run --lang "$L" help | sed -n '/^Opdrachten:/,/^$/p; /^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'); do
			run --lang "$L" help "$c"
			# spell has a --lang of its own (the description's language).
			if [ "$c" = spell ]; then run --lang "$L" spell --help; else run "$c" --help --lang "$L" < /dev/null; fi
		done
		run --lang "$L" nosuchcommand
		run --lang "$L" check "$fx/tree" "$fx/syntax.yaml" "$fx/duplicate.yaml" "$fx/list-for-text.yaml" \
			"$fx/empty.yaml" "$fx/latin1.yaml" "$fx/payload-bad.json" "$E2E_TMP/anchor.yaml"
		# JSON: the keys are for programs; the labels and messages are read.
		run --lang "$L" check --format json "$fx/tree" | sed -n 's/.*"label": "\([^"]*\)", "message": "\(.*\)"}.*/\1\n\2/p'
		run --lang "$L" export "$fx/valid.yaml" > /dev/null
		run --lang "$L" export "$fx/tree/sub/b.yaml"
		run --lang "$L" standard
		run --lang "$L" standard --from-register-config "$E2E_TMP/cfg.json"
		# A standard folder with a mistake (a trainer's or IT's own copy).
		env $E2E_ENV ALGEDIT_STANDARD_DIR="$E2E_TMP/badstd" "$ALGEDIT" --lang "$L" check "$fx/valid.yaml"
		run -C "$repo" new --lang "$L" "Parkeervergunning Texel" status="In gebruik"
		run -C "$repo" --lang "$L" set parkeervergunning-texel description_short="Parkeervergunning Texel."
		run -C "$repo" --lang "$L" log parkeervergunning-texel
		run -C "$repo" --lang "$L" diff --color=never HEAD~1 HEAD parkeervergunning-texel
		run -C "$repo" --lang "$L" log nosuchdescription
		# Plain mode: every field's question and guidance, the findings, the end.
		printf '\n\n\n' | run --plain --lang "$L" "$E2E_TMP/plain.yaml"
		# Review: asked, the review as text and as the plain walk; the document.
		run -C "$repo" --lang "$L" ask-review parkeervergunning-texel -m "graag"
		run -C "$repo" --lang "$L" review --print parkeervergunning-texel
		run -C "$repo" --lang "$L" review --list
		printf 'q\n' | run -C "$repo" --lang "$L" --plain review parkeervergunning-texel
		run -C "$repo" --lang "$L" export --format markdown parkeervergunning-texel
		# The tutor's first lesson, line by line, stopped at once.
		printf 'q\n' | run --lang "$L" tutor --plain
	} > "$out" 2>&1
	# The editor: list, form, help screen.
	e2e_start 80 24 -C "$repo" --lang "$L"
	e2e_wait "Parkeervergun"
	e2e_screen >> "$out"
	e2e_keys Enter
	e2e_wait "1/11"
	e2e_screen >> "$out"
	e2e_keys F1
	e2e_wait "^G, F1"
	e2e_screen >> "$out"
	e2e_keys Escape
	e2e_wait "1/11"
	e2e_keys C-q
	e2e_wait "Parkeervergun"
	# The review screen of the same description.
	e2e_keys C-r
	e2e_wait "Review"
	e2e_screen >> "$out"
	e2e_keys q
	e2e_wait "Parkeervergun"
	e2e_keys C-q
	e2e_wait_exit 0
	cat "$E2E_TMP/stderr" >> "$out"
	grep -qF "Parkeervergunning Texel" "$out" || bad "$L: the flows did not run: $(head -5 "$out")"
}

# What is data, not message: quoted values, paths, file names, command and
# option names, rule names ([required], as in a compiler's warning flags).
# The clone's own folders go first, by their literal text: a clone in a
# folder with blanks (or Dutch words) in its name must not read as a message.
unpath() {
	awk -v b="$top_builddir" -v s="$top_srcdir" '{
		while ((i = index($0, b)) > 0) $0 = substr($0, 1, i - 1) "BUILD" substr($0, i + length(b))
		while ((i = index($0, s)) > 0) $0 = substr($0, 1, i - 1) "SRC" substr($0, i + length(s))
		print }' "$1"
}
strip() {
	unpath "$1" | sed -e 's/"[^"]*"//g; s/‘[^’]*’//g; s/“[^”]*”//g; s|/tmp/[^ ]*||g; s|[^ ]*/[^ ]*||g' \
	    -e 's/[^ ]*[|=$][^ ]*//g; s/\(^\| \|\[\)--*[a-z][a-z-]*/\1/g; s/[^ ]*\.\(yaml\|json\)//g; s/\[[a-z-]*\]//g' \
	    -e 's/algedit \(help \)\{0,1\}[a-z]*//g; s/Parkeervergunning Texel//g'
}
# Words of one language that are not words of the other.
EN='the|must|cannot|should|with|which|this|that|from|your|you|and|to|for|not|are|has|have|field|fields|error|errors|warning|warnings|description|descriptions|file|files|save|saved|changed|checked|required|missing|shown|quit|delete|next|undo|show|unknown|usage|commands|options|there|here|what|when|where|only|choose|open|allowed|empty'
NL='de|het|een|niet|van|voor|met|wordt|kies|geen|veld|velden|fout|fouten|waarschuwing|waarschuwingen|beschrijving|beschrijvingen|opslaan|sluiten|openen|tonen|volgende|vorige|verplicht|ingevuld|gewijzigd|bestand|bestanden|gecontroleerd|hier|deze|dit|naar|ontbreekt|leeg|maak|zonder|hulp|taal|toegestaan|onbekende|gebruik'

flows nl
if strip "$E2E_TMP/out-nl" | grep -niwE "$EN" > "$E2E_TMP/bad-nl"; then
	bad "English in the --lang nl run:"
	sed 's/^/    /' "$E2E_TMP/bad-nl"
else
	echo "ok   --lang nl: no English line in $(wc -l < "$E2E_TMP/out-nl") lines"
fi
flows en
# "In gebruik" is a value of the register's status list, in Dutch in both languages.
if strip "$E2E_TMP/out-en" | sed 's/In gebruik//g' | grep -niwE "$NL" > "$E2E_TMP/bad-en"; then
	bad "Dutch in the --lang en run:"
	sed 's/^/    /' "$E2E_TMP/bad-en"
else
	echo "ok   --lang en: no Dutch line in $(wc -l < "$E2E_TMP/out-en") lines"
fi

# The choice itself: after the command too, from ALGEDIT_LANG, --lang first,
# a clear message for a bad value, and no Dutch locale needed.
[ "$(run check --lang en --help | head -1)" = "Usage: algedit check [--format text|json] [--spell] [--links] PATH..." ] || bad "check --lang en --help: $(run check --lang en --help 2>&1 | head -1)"
[ "$(env $E2E_ENV ALGEDIT_LANG=en "$ALGEDIT" help | head -1)" = "algedit: write and check descriptions for the Dutch Algorithm Register." ] || bad "ALGEDIT_LANG=en is not used"
[ "$(env $E2E_ENV ALGEDIT_LANG=en "$ALGEDIT" --lang nl help | head -1)" = "algedit: beschrijvingen schrijven en controleren voor het Algoritmeregister." ] || bad "--lang does not win over ALGEDIT_LANG"
[ "$(env $E2E_ENV LANG=C LC_ALL=C LANGUAGE= "$ALGEDIT" --lang nl help | head -1)" = "algedit: beschrijvingen schrijven en controleren voor het Algoritmeregister." ] || bad "--lang nl under LC_ALL=C"
msg=$(run --lang de help 2>&1); rc=$?
[ $rc = 2 ] && [ "$msg" = 'algedit: onbekende taal "de" in --lang; kies nl (Nederlands) of en (Engels)' ] || bad "--lang de: exit $rc: $msg"
msg=$(env $E2E_ENV LANGUAGE=en ALGEDIT_LANG=fr "$ALGEDIT" help 2>&1); rc=$?
[ $rc = 2 ] && [ "$msg" = 'algedit: unknown language "fr" in ALGEDIT_LANG; choose nl (Dutch) or en (English)' ] || bad "ALGEDIT_LANG=fr: exit $rc: $msg"
msg=$(run check --lang 2>&1); rc=$?
[ $rc = 2 ] && [ "$msg" = 'algedit: --lang heeft een taal nodig: nl (Nederlands) of en (Engels)' ] || bad "--lang without a value: exit $rc: $msg"
out=$(echo "Dit is een tekts" | run --lang en spell --lang nld 2>&1); rc=$?
[ $rc = 1 ] && [ "$out" = "1:12: tekts" ] || [ $rc = 2 ] || bad "spell --lang nld (its own option) is taken: exit $rc: $out"
[ $fails = 0 ] && echo "ok   --lang: before or after the command, ALGEDIT_LANG, bad values"
exit $fails
