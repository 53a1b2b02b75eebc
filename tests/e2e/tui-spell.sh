#!/bin/sh
# Spelling in the editor: a hint names F7 when words are underlined; F7 goes
# to the misspelt word and shows numbered suggestions computed off the UI
# thread; 1 replaces it; "a" adds a word to my own dictionary so it is no
# longer marked; the saved file has the fix.
. "$top_srcdir/tests/e2e/lib.sh"

if [ ! -f /usr/share/hunspell/nl_NL.dic ]; then
	echo "SKIP: the Dutch hunspell dictionary (hunspell-nl) is not installed"
	exit 77
fi
f=s.yaml
mkdir -p "$E2E_TMP/work"
printf 'name: Beoordelen aanvragen kwijtscheling Noorderhaaks\n' > "$E2E_TMP/work/$f"
e2e_start 100 30 edit "$f"
e2e_wait "Tab Volgende"
# Once the dictionary is there, the status line says how to get suggestions.
e2e_wait "F7 (of Alt-S) toont suggesties" 30
e2e_keys F7
e2e_wait "staat niet in het woordenboek"
e2e_wait "1  kwijtschelding"
e2e_keys 1
e2e_wait "vervangen door"
e2e_wait "aanvragen kwijtschelding Noorderhaaks"
# The next marked word: add it to my dictionary with "a".
e2e_keys F7
e2e_wait "\"Noorderhaaks\" staat niet in het woordenboek"
e2e_keys a
e2e_wait "toegevoegd aan uw eigen woordenboek"
e2e_keys F7
e2e_wait "geen spelfouten gevonden"
e2e_keys C-s
e2e_wait "is opgeslagen"
e2e_keys C-q
e2e_wait_exit 0
grep -qF "name: Beoordelen aanvragen kwijtschelding Noorderhaaks" "$E2E_TMP/work/$f" || fail "file: $(cat "$E2E_TMP/work/$f")"
grep -qx "Noorderhaaks" "$E2E_TMP/home/.config/algedit/dictionary.txt" || fail "personal dictionary: $(cat "$E2E_TMP/home/.config/algedit/dictionary.txt" 2>&1)"
