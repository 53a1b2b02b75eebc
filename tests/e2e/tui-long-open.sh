#!/bin/sh
# A long field opens at its start (issue 21.12): a short description that
# wraps in its box opens with the cursor on its first word, not at its end
# mid-sentence; a short name still opens at its end, to add to it. Dutch at
# 80x24, English at 120x40.
. "$top_srcdir/tests/e2e/lib.sh"

if [ ! -f /usr/share/hunspell/nl_NL.dic ]; then
	echo "SKIP: the Dutch hunspell dictionary (hunspell-nl) is not installed"
	exit 77
fi
mkdir -p "$E2E_TMP/work"
long="De gemeente Zuiderveen kiest met dit algoritme welke parkeervergunningen een medewerker eerst controleert. Het algoritme kijkt naar de plaats, de duur en het aantal eerdere meldingen. Een medewerker beslist daarna zelf, na een gesprek met de houder, of de vergunning blijft."
printf 'name: Volgorde controles\ndescription_short: %s\n' "$long" > "$E2E_TMP/work/l.yaml"

cursor() { T display-message -p -t e2e '#{cursor_x},#{cursor_y}'; }
# The cell under the cursor holds the first letter of the text (sed counts
# characters in the UTF-8 locale lib.sh sets, so the box's lines count one).
at_start() {
	n=100
	while [ $n -gt 0 ]; do
		pos=$(cursor); x=${pos%,*}; y=${pos#*,}
		row=$(e2e_screen | sed -n "$((y + 1))p")
		printf '%s\n' "$row" | sed -E "s/^.{$x}//" | grep -q "^De gemeente" && return 0
		sleep 0.05; n=$((n - 1))
	done
	fail "the cursor is not on the text's first word (at $pos: $row)"
}

for run in "80 24 Tab.Volgende F7.(of.Alt-S)" "120 40 Tab.Next F7.(or.Alt-S)"; do
	set -- $run
	[ "$1" = 120 ] && E2E_ENV="$E2E_ENV ALGEDIT_LANG=en"
	e2e_start "$1" "$2" edit l.yaml
	e2e_wait "$(echo "$3" | tr . ' ')"
	# Naam is short: the cursor after its last letter.
	pos=$(cursor); x=${pos%,*}; y=${pos#*,}
	e2e_screen | sed -n "$((y + 1))p" | sed -E "s/^(.{$x}).*/\1/" | grep -q "Volgorde controles$" || fail "Naam does not open at its end"
	e2e_keys Tab
	e2e_wait "De gemeente Zuiderveen"
	at_start
	# The screen once the speller has underlined "Zuiderveen" and said so.
	e2e_wait "$(echo "$4" | tr . ' ')" 30
	if [ "$1" = 80 ]; then e2e_expect_screen long-open-nl; else e2e_expect_screen long-open-en; fi
	# Typing goes before the first word.
	e2e_type "Kort: "
	e2e_wait "Kort: De gemeente"
	e2e_keys C-q
	e2e_keys C-q
	e2e_wait_exit 0
done
