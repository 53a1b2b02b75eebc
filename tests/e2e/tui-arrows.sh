#!/bin/sh
# ← and → move the cursor in a text field and in a prompt (Ctrl-F), at
# 80×24 and 120×40; a cursor key sent as \e[D where the terminal's
# description says \eOD moves too, and never types "[D".
. "$top_srcdir/tests/e2e/lib.sh"

for size in "80 24" "120 40"; do
	set -- $size
	e2e_start "$1" "$2" edit "a$1.yaml"
	e2e_wait "Tab Volgende"
	e2e_type "abc"
	e2e_keys Left Left
	e2e_type "X"
	e2e_wait "│aXbc"
	e2e_keys Right
	e2e_type "Y"
	e2e_wait "│aXbYc"
	# The other cursor mode's sequence, in one write.
	T send-keys -t e2e -l "$(printf '\033[D')"
	e2e_type "Z"
	e2e_wait "│aXbZYc"
	if e2e_screen | grep -q "\[D"; then fail "\\e[D was typed as text"; fi
	# The go-to prompt.
	e2e_keys C-f
	e2e_wait "Ga naar veld"
	e2e_type "sttus"
	e2e_keys Left Left Left
	e2e_type "a"
	e2e_wait "status"
	e2e_keys Escape
	e2e_wait_gone "Ga naar veld"
	e2e_keys C-q
	e2e_wait "Niet-opgeslagen wijzigingen"
	e2e_keys C-q
	e2e_wait_exit 0
done
echo "ok   arrows move the cursor in fields and prompts, at 80x24 and 120x40"
