#!/bin/sh
# Any terminal, any locale. The core journey (a new description, Dutch text
# with ë ĳ ’ €, moving in it, a checklist and a choice, the spelling menu,
# save, quit) under TERM xterm-256color, xterm, putty, linux, vt100 and
# xterm-mono, each with another locale (C.UTF-8, nl_NL.UTF-8, C, POSIX, a
# UTF-8 locale that is not installed, none at all): the saved file has the
# bytes typed. Then a Latin-1 terminal (nl_NL, ISO-8859-1): é and ë reach the
# file as UTF-8 and the screen in Latin-1. Then a computer without any UTF-8
# locale: the editor refuses, saying what to set. Then the function keys as
# PuTTY (default and Linux modes), rxvt and the Linux console send them, raw:
# each does its action and none types letters; an unknown sequence is
# dropped with a note; a mouse report and a pasted tab type nothing odd; a
# byte that is not UTF-8 is kept as Windows-1252, with a note.
. "$top_srcdir/tests/e2e/lib.sh"

have_term() { infocmp "$1" >/dev/null 2>&1; }
skipped=""
skip() { echo "SKIP part: $*"; skipped="$skipped; $*"; }
# The locale variables of one run, after lib.sh's (env takes the last).
BASE_ENV=$E2E_ENV
with_env() { E2E_ENV="$BASE_ENV $*"; }

spell=1
[ -f /usr/share/hunspell/nl_NL.dic ] || { spell=0; skip "spelling menu: the Dutch hunspell dictionary (hunspell-nl) is not installed"; }
if locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then nl_utf8=nl_NL.UTF-8; else nl_utf8=C.UTF-8; skip "nl_NL.UTF-8 is not installed: C.UTF-8 in its place"; fi
# A UTF-8 locale surely not installed here.
missing=en_US.UTF-8
locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$' && missing=xx_XX.UTF-8

new_repo() {
	REPO="$E2E_TMP/repo-$1"
	git init -q "$REPO"
	git -C "$REPO" config user.name Tester
	git -C "$REPO" config user.email t@example.nl
}

# journey TERM NAME LOCALE-VARS...: the core journey; checks the saved file.
journey() {
	term=$1; tag=$2; shift 2
	if ! have_term "$term"; then skip "TERM=$term: no terminfo entry (ncurses-term)"; return 0; fi
	if [ "$1" = unset ]; then
		# LANG and LC_ALL not there at all (env -u goes first).
		E2E_ENV="-u LANG -u LC_ALL -u LC_CTYPE $(printf '%s' "$BASE_ENV" | sed 's/ LANG=C\.UTF-8 LC_ALL= / /') TERM=$term"
	else
		with_env "TERM=$term $*"
	fi
	new_repo "$tag"
	e2e_start 80 24 -C "$REPO"
	e2e_wait "Nog geen beschrijvingen"
	case "$*" in
	*C.UTF-8*|*nl_NL.UTF-8*) e2e_screen | grep -q "geen UTF-8" && fail "$tag: a UTF-8 locale got the note" ;;
	*) e2e_wait "LANG noemt geen geïnstalleerde UTF-8-locale" ;;
	esac
	e2e_keys C-n
	e2e_wait "Nieuwe beschrijving"
	e2e_type "Proef ĳs"
	e2e_keys Enter
	e2e_wait "Proef ĳs (niet opgeslagen)"
	e2e_keys Tab
	e2e_wait "Korte omschrijving · verplicht"
	e2e_type "Zoë en nog meer tekst over kwijtscheling, ĳverig, zo’n € 5"
	# Moving: to the start (Home twice: the line is wrapped), a word in, to the end.
	e2e_keys Home Home
	e2e_type "Ja, "
	e2e_keys C-Right C-Right End End
	e2e_type "."
	e2e_wait "Ja, Zoë en nog meer tekst"
	# Ctrl-Z undoes and Ctrl-Y redoes, where terminfo names ^Z the suspend
	# key (putty, linux) too: the text is as typed after both.
	e2e_keys C-z
	e2e_wait_gone "zo’n € 5."
	e2e_keys C-y
	e2e_wait "zo’n € 5."
	e2e_screen | grep -q "Die toets doet hier niets" && fail "$tag: Ctrl-Z or Ctrl-Y does nothing under TERM=$term"
	if [ $spell = 1 ]; then
		e2e_wait "toont suggesties" 30
		e2e_screen | grep -qF "F7 (of Alt-S) toont suggesties" || fail "$tag: the hint does not name F7, which $term has"
		e2e_keys F7
		e2e_wait "1  kwijtschelding"
		e2e_keys 1
		e2e_wait "vervangen door"
	fi
	e2e_keys Tab
	e2e_type "Gemeente Ëmmen"
	# The checklist: the second theme ticked; the choice: the second status.
	e2e_keys Tab
	e2e_wait "Thema"
	e2e_keys Down Space
	e2e_keys Tab
	e2e_wait "In ontwikkeling"
	e2e_keys Down Enter
	e2e_keys C-s
	e2e_wait "is opgeslagen"
	e2e_keys C-q
	e2e_wait "Proef ĳs"
	e2e_keys C-q
	e2e_wait_exit 0
	f="$REPO/algoritmes/proef-ijs.yaml"
	[ -f "$f" ] || f=$(ls "$REPO"/algoritmes/*.yaml 2>/dev/null | head -1)
	[ -n "$f" ] && [ -f "$f" ] || fail "$tag: nothing saved"
	word=kwijtscheling; [ $spell = 1 ] && word=kwijtschelding
	for want in "name: Proef ĳs" "description_short: Ja, Zoë en nog meer tekst over $word, ĳverig, zo’n € 5." \
	            "organization: Gemeente Ëmmen" "  - Cultuur en recreatie" "status: In gebruik"; do
		grep -qxF -- "$want" "$f" || fail "$tag (TERM=$term $*): no line \"$want\" in the saved file: $(cat "$f")"
	done
	echo "ok   journey TERM=$term $*"
}

journey xterm-256color utf8 LANG=C.UTF-8 LC_ALL=
journey xterm nl LANG=$nl_utf8 LC_ALL=
journey putty c LANG= LC_ALL=C
journey linux posix LANG=POSIX LC_ALL=
journey vt100 missing LANG=$missing LC_ALL=
journey xterm-mono unset unset

# A Dutch locale that is not installed, and no LANGUAGE: still Dutch.
if ! locale -a 2>/dev/null | grep -qi '^nl_BE\.utf-\?8$'; then
	with_env "TERM=xterm LANGUAGE= LANG=nl_BE.UTF-8 LC_ALL="
	new_repo nlbe
	e2e_start 80 24 -C "$REPO"
	e2e_wait "Nog geen beschrijvingen"
	e2e_wait "LANG noemt geen geïnstalleerde UTF-8-locale"
	e2e_keys C-q
	e2e_wait_exit 0
	echo "ok   LANG=nl_BE.UTF-8, not installed: Dutch on C.UTF-8"
fi

# The Linux console: ASCII marks, and the help's legend names them.
if have_term linux; then
	with_env "TERM=linux LANG=C.UTF-8 LC_ALL="
	new_repo marks
	e2e_start 80 24 -C "$REPO"
	e2e_wait "Nog geen beschrijvingen"
	e2e_keys C-n
	e2e_wait "Nieuwe beschrijving"
	e2e_type "Proef"
	e2e_keys Enter
	e2e_wait ">+ Naam"
	e2e_screen | grep -q "✓" && fail "TERM=linux shows ✓"
	e2e_keys C-g
	e2e_wait "+  ingevuld"
	e2e_wait "#  openstaande opmerkingen of voorstellen"
	e2e_keys Escape
	e2e_wait_gone "+  ingevuld"
	e2e_keys C-s
	e2e_wait "is opgeslagen"
	e2e_keys C-q
	e2e_wait "> Proef"
	e2e_keys C-q
	e2e_wait_exit 0
	echo "ok   ASCII marks on the Linux console"
fi

# A Latin-1 terminal: what it sends (é ë as one byte each) is saved as UTF-8;
# what the screen writes is Latin-1 (tmux's pane is UTF-8, so the bytes are
# read from its output, not from the screen).
mkdir -p "$E2E_TMP/loc"
if localedef -i nl_NL -f ISO-8859-1 "$E2E_TMP/loc/nl_NL" >/dev/null 2>&1 &&
   [ "$(LOCPATH=$E2E_TMP/loc LC_ALL=nl_NL locale charmap 2>/dev/null)" = ISO-8859-1 ]; then
	with_env "TERM=xterm LOCPATH=$E2E_TMP/loc LANG= LC_ALL=nl_NL"
	new_repo latin1
	e2e_start 80 24 -C "$REPO"
	e2e_wait "Nog geen beschrijvingen"
	e2e_keys C-n
	e2e_wait "Nieuwe beschrijving"
	T send-keys -t e2e -H 50 72 6f 65 66 20 e9 e9 6e
	e2e_keys Enter
	e2e_wait "(niet opgeslagen)"
	e2e_keys Tab
	T send-keys -t e2e -H 5a 6f eb 20 65 6e 20 63 61 66 e9
	e2e_wait "11/400"
	# Away and back: the field's text is written whole, from here on read.
	e2e_keys Tab
	e2e_wait "Organisatienaam  verplicht"
	T pipe-pane -t e2e -o "cat > '$E2E_TMP/latin1.out'"
	e2e_keys BTab
	latin=$(printf 'Zo\353 en caf\351')
	e2e_until "the screen to write \"Zoë en café\" in ISO-8859-1" grep -qaF "$latin" "$E2E_TMP/latin1.out"
	e2e_keys C-s
	e2e_wait "is opgeslagen"
	e2e_keys C-q
	e2e_wait "> Proef"
	e2e_keys C-q
	e2e_wait_exit 0
	f=$(ls "$REPO"/algoritmes/*.yaml | head -1)
	grep -qxF "name: Proef één" "$f" || fail "Latin-1: name not saved as UTF-8: $(od -c "$f" | head -3)"
	grep -qxF "description_short: Zoë en café" "$f" || fail "Latin-1: text not saved as UTF-8: $(cat "$f")"
	echo "ok   a Latin-1 terminal (nl_NL, ISO-8859-1)"
else
	skip "Latin-1: localedef cannot make nl_NL ISO-8859-1 here"
fi

# No UTF-8 locale at all (the system's locales hidden in a mount namespace):
# the editor refuses before the screen, saying what to set.
empty="$E2E_TMP/nolocales"
mkdir -p "$empty"
if [ "$(id -u)" = 0 ] && unshare -m sh -c "mount --bind '$empty' /usr/lib/locale" 2>/dev/null; then
	new_repo none
	rm -f "$E2E_TMP/rc"
	e2e_new_server
	T new-session -d -s e2e -x 80 -y 24 "unshare -m sh -c \"mount --bind '$empty' /usr/lib/locale && cd '$E2E_TMP' && exec env $BASE_ENV TERM=xterm LANG= LC_ALL=C '$ALGEDIT' -C '$REPO'\" 2>'$E2E_TMP/stderr'; echo \$? > '$E2E_TMP/rc'; sleep 600"
	e2e_until "the refusal" test -s "$E2E_TMP/rc"
	[ "$(cat "$E2E_TMP/rc" 2>/dev/null)" = 2 ] || fail "no UTF-8 locale: exit $(cat "$E2E_TMP/rc" 2>/dev/null), wanted 2"
	grep -qF "LANG=C.UTF-8" "$E2E_TMP/stderr" || fail "no UTF-8 locale: the message does not say what to set: $(cat "$E2E_TMP/stderr")"
	echo "ok   no UTF-8 locale: refused with $(cat "$E2E_TMP/stderr")"
else
	skip "no UTF-8 locale: needs root and unshare -m to hide the system's locales"
fi

# fkeys TERM NAME F1 ... F12: the function keys as raw sequences (hex, for
# send-keys -H), in the list and the form.
hexof() { printf '%s' "$1" | od -An -tx1 | tr -s ' \n' '  '; }
raw() { T send-keys -t e2e -H $(hexof "$1"); }
fkeys() {
	term=$1; tag=$2; shift 2
	if ! have_term "$term"; then skip "keys of $tag: no terminfo entry for $term"; return 0; fi
	F1=$1 F2=$2 F3=$3 F4=$4 F5=$5 F6=$6 F7=$7 F8=$8 F9=$9; shift 9; F10=$1 F11=$2 F12=$3
	with_env "TERM=$term LANG=C.UTF-8 LC_ALL="
	new_repo "keys-$tag"
	e2e_start 80 24 -C "$REPO"
	e2e_wait "Nog geen beschrijvingen"
	raw "$F7"; e2e_wait "Nieuwe beschrijving"
	e2e_type "Proef"
	e2e_keys Enter
	e2e_wait "Proef (niet opgeslagen)"
	# Mouse reports (SGR and X10) a program before left on: nothing typed.
	raw "$E[<0;40;4M"
	raw "$E[M !!"
	raw "$F1"; e2e_wait "De tekens voor elk veld"; e2e_keys Escape; e2e_wait_gone "De tekens voor elk veld"
	raw "$F3"; e2e_wait "Deel van de veldnaam"; e2e_keys Escape; e2e_wait_gone "Deel van de veldnaam"
	raw "$F6"; e2e_wait "Esc sluit"; e2e_keys Escape; e2e_wait_gone "Esc sluit"
	raw "$F5"; e2e_wait_gone "Toelichting"; raw "$F5"; e2e_wait "Toelichting"
	raw "$F12"; e2e_wait "Bijschriften horen bij een opgenomen demo"
	raw "$F9"; e2e_wait "nog geen bewaarde versie"
	# Tutor only: here nothing, and nothing typed.
	raw "$F11"
	raw "$F2"; e2e_wait "is opgeslagen"
	raw "$F4"; e2e_wait "veld 2/11"
	raw "$F10"; e2e_wait "> Proef"
	raw "$F8"; e2e_wait "algedit restore"; e2e_keys Escape; e2e_wait_gone "algedit restore"
	raw "$F10"
	e2e_wait_exit 0
	grep -qx "name: Proef" "$REPO/algoritmes/proef.yaml" || fail "keys of $tag: letters were typed: $(grep name: "$REPO/algoritmes/proef.yaml")"
	echo "ok   function keys of $tag (TERM=$term)"
}
E=$(printf '\033')
vt="$E[15~ $E[17~ $E[18~ $E[19~ $E[20~ $E[21~ $E[23~ $E[24~"
# shellcheck disable=SC2086
fkeys xterm putty-default "$E[11~" "$E[12~" "$E[13~" "$E[14~" $vt
# shellcheck disable=SC2086
fkeys xterm putty-linux "$E[[A" "$E[[B" "$E[[C" "$E[[D" "$E[[E" $(echo $vt | cut -d' ' -f2-)
# shellcheck disable=SC2086
fkeys rxvt-unicode rxvt "$E[11~" "$E[12~" "$E[13~" "$E[14~" $vt
# shellcheck disable=SC2086
fkeys linux linux-console "$E[[A" "$E[[B" "$E[[C" "$E[[D" "$E[[E" $(echo $vt | cut -d' ' -f2-)
# xterm's own under a terminfo entry that lacks them (vt100: F5 and up).
# shellcheck disable=SC2086
fkeys vt100 xterm-on-vt100 "${E}OP" "${E}OQ" "${E}OR" "${E}OS" $vt

# Odd input in a text field: an unknown sequence (a note, nothing typed),
# a mouse report, Shift-Tab as ESC [Z under vt100, a pasted tab.
with_env "TERM=vt100 LANG=C.UTF-8 LC_ALL="
new_repo odd
e2e_start 80 24 -C "$REPO"
e2e_wait "Nog geen beschrijvingen"
e2e_keys C-n
e2e_wait "Nieuwe beschrijving"
e2e_type "Proef"
e2e_keys Enter
e2e_wait "Proef (niet opgeslagen)"
raw "$E[99~"
e2e_wait "Deze terminal stuurde een toets die algedit niet kent (ESC [ 9 9 ~)"
raw "$E[<0;40;4M"
raw "$E[M !!"
e2e_keys Tab
e2e_wait "veld 2/11"
raw "$E[Z"
e2e_wait "veld 1/11"
e2e_keys Tab
raw "$E[200~een$(printf '\t')tab$E[201~"
e2e_wait "een tab"
# A Latin-1 "ë" under a UTF-8 locale: kept (as Windows-1252), said, and
# what follows it still arrives.
e2e_keys Tab
T send-keys -t e2e -H 5a 6f eb 20 65 6e
e2e_wait "Geen UTF-8 van de terminal (byte EB)"
e2e_wait "Zoë en"
e2e_keys C-s
e2e_wait "is opgeslagen"
e2e_keys C-q
e2e_wait "> Proef"
e2e_keys C-q
e2e_wait_exit 0
grep -qx "name: Proef" "$REPO/algoritmes/proef.yaml" || fail "odd input: the name changed: $(cat "$REPO/algoritmes/proef.yaml")"
grep -qx "description_short: een tab" "$REPO/algoritmes/proef.yaml" || fail "odd input: the pasted tab: $(cat "$REPO/algoritmes/proef.yaml")"
grep -qx "organization: Zoë en" "$REPO/algoritmes/proef.yaml" || fail "odd input: a Latin-1 byte: $(cat "$REPO/algoritmes/proef.yaml")"
echo "ok   unknown sequence, mouse report, ESC [Z, pasted tab, a Latin-1 byte under UTF-8"
# The key bar offers the keys this terminal has: vt100's terminfo has no
# F11, so the tutor's hint is offered as Alt-h there, as F11 under xterm.
for f in lessons-nl.yaml lessons-en.yaml tutor-example-nl.yaml tutor-example-en.yaml; do
	cp "$top_srcdir/standard/1.0/$f" "$E2E_TMP/data/standard/1.0/"
done
for t in vt100 xterm; do
	with_env "TERM=$t LANG=C.UTF-8 LC_ALL="
	e2e_start 80 24 tutor
	e2e_wait "Les 1 van"
	bar=$(e2e_screen | tail -1)
	case $t in
	vt100) case "$bar" in *"Alt-h Hint"*) ;; *) fail "vt100: the bar does not offer Alt-h: $bar" ;; esac
	       case "$bar" in *F11*) fail "vt100: the bar offers F11: $bar" ;; esac ;;
	xterm) case "$bar" in *"F11 Hint"*) ;; *) fail "xterm: the bar does not offer F11: $bar" ;; esac ;;
	esac
	e2e_keys C-q
	e2e_wait_exit 0
done
echo "ok   the key bar offers F11 under xterm, Alt-h under vt100"

# Small screens: at 40x12 the list keeps the names; at 30x8 the message
# says, whole, the size it asks for.
with_env "TERM=xterm LANG=C.UTF-8 LC_ALL="
e2e_start 40 12 -C "$REPO"
e2e_wait "> Proef"
e2e_screen | grep -q "^  Naam" || fail "40x12: no name column"
e2e_resize() { T resize-window -t e2e -x "$1" -y "$2" >/dev/null 2>&1; }
e2e_resize 30 8
e2e_wait "40×10."
e2e_resize 40 12
e2e_wait "> Proef"
e2e_keys C-q
e2e_wait_exit 0
echo "ok   40x12 and 30x8"

# --plain's first line is information, not "algedit: PATH" like an error.
out=$(printf '\n' | env $BASE_ENV TERM=xterm "$ALGEDIT" --plain "$E2E_TMP/plain.yaml" 2>&1 | head -1)
case "$out" in
"Een nieuwe beschrijving; die wordt opgeslagen in $E2E_TMP/plain.yaml.") ;;
*) fail "--plain announces: $out" ;;
esac
echo "ok   --plain: $out"
[ -z "$skipped" ] || echo "SKIPPED parts:$skipped"
