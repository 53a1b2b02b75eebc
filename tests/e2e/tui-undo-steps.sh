#!/bin/sh
# Undo in steps a user expects (issue 21.13): a paste of 2,000 characters
# that the terminal does not mark as a paste is one Ctrl-Z, not one per
# word; a spelling fix is one step back to the misspelt word; a number
# typed while the suggestions are still being looked for is not lost.
# Dutch at 80x24, English at 120x40.
. "$top_srcdir/tests/e2e/lib.sh"

if [ ! -f /usr/share/hunspell/nl_NL.dic ]; then
	echo "SKIP: the Dutch hunspell dictionary (hunspell-nl) is not installed"
	exit 77
fi
# 2,000 characters: 50 times a sentence of 40, in words.
i=0; : > "$E2E_TMP/paste.txt"
while [ $i -lt 50 ]; do printf 'Het college besluit over twee aanvragen ' >> "$E2E_TMP/paste.txt"; i=$((i + 1)); done
[ "$(wc -m < "$E2E_TMP/paste.txt")" -eq 2000 ] || fail "fixture is $(wc -m < "$E2E_TMP/paste.txt") characters"

run() { # W H GOAL-FIELD WORDS-FOR-FOUND
	e2e_start "$1" "$2" edit u.yaml
	e2e_wait "$3"
	e2e_keys C-f
	e2e_type "$4"
	e2e_keys Enter
	e2e_wait "$5"
	# Without -p: the keys arrive as typed, unmarked.
	T load-buffer -b big "$E2E_TMP/paste.txt"
	T paste-buffer -b big -t e2e
	e2e_wait " 2000/2500 " 20
	e2e_keys C-z
	e2e_wait " 0/2500 "
	e2e_keys C-y
	e2e_wait " 2000/2500 "
	e2e_keys C-z
	e2e_wait " 0/2500 "
	# A spelling fix, chosen by number before the list was there.
	e2e_type "De kontrole "
	e2e_wait "$6" 30
	e2e_keys F7 1
	e2e_wait "$7"
	e2e_wait "De controle"
	e2e_keys C-z
	e2e_wait "De kontrole"
	e2e_screen | grep -q "De  \|De │" && fail "undo went through a state without the word"
	e2e_keys C-q
	e2e_wait "$8"
	e2e_keys C-q
	e2e_wait_exit 0
}
run 80 24 "Tab Volgende" doel "Doel en impact" "F7 (of Alt-S) toont suggesties" "\"kontrole\" vervangen door \"controle\"" "Niet-opgeslagen wijzigingen"
E2E_ENV="$E2E_ENV ALGEDIT_LANG=en"
run 120 40 "Tab Next" purpose "Purpose and impact" "F7 (or Alt-S) shows suggestions" "Replaced \"kontrole\" by \"controle\"" "Unsaved changes"
