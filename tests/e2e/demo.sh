#!/bin/sh
# demo: the shipped demos (doc/demos/*.keys) are played at high speed in the
# real editor at 100×30 and each ends on its golden screen, so a change to
# the editor cannot silently break a demo; a session recorded with --record
# (a caption added with F12) replays at 10× to the screen it ended on; a
# demo never touches the person's own repositories (ALGEDIT_REPO and the
# default one are byte for byte the same afterwards) and leaves no sandbox
# behind; with NO_COLOR the screen has no colour but its marks and
# attributes, and the presentation view (high contrast) hides the key bar.
. "$top_srcdir/tests/e2e/lib.sh"

mkdir -p "$E2E_TMP/data/demos" "$E2E_TMP/tmp" "$E2E_TMP/nodict" "$E2E_TMP/home/.config/algedit"
cp "$top_srcdir"/doc/demos/*.keys "$E2E_TMP/data/demos/"
printf '[user]\n\tname = "Test"\n\temail = "test@example.invalid"\n' > "$E2E_TMP/home/.config/algedit/config"
# No dictionary: the spelling hint would come or not with the machine's speed.
E2E_ENV="$E2E_ENV TMPDIR=$E2E_TMP/tmp DICPATH=$E2E_TMP/nodict"

# The person's own descriptions: one in the default repository, one in
# the repository ALGEDIT_REPO names.
own="$E2E_TMP/own"
def="$E2E_TMP/home/.local/share/algedit/register"
env $E2E_ENV "$ALGEDIT" new "Mijn eigen beschrijving" >/dev/null 2>&1 || fail "algedit new (default repository)"
env $E2E_ENV "$ALGEDIT" -C "$own" new "Beschrijving in ALGEDIT_REPO" >/dev/null 2>&1 || fail "algedit new -C"
sums() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum); }
own_before=$(sums "$own")
def_before=$(sums "$def")
E2E_ENV="$E2E_ENV ALGEDIT_REPO=$own"

# algedit demo lists one demo per section of the standard.
list=$(env $E2E_ENV "$ALGEDIT" demo 2>&1) || fail "algedit demo: $list"
for n in 01-algemene-informatie 02-verantwoord-gebruik 03-werking 04-metadata \
	01-general-information-en 02-responsible-use-en 03-operation-en 04-metadata-en; do
	echo "$list" | grep -q "^  $n " || fail "algedit demo does not list $n: $list"
done
echo "ok   algedit demo lists the four sections' demos, in Dutch and in English"

# Every shipped demo, at 100×, ends on its golden screen.
played=0
for f in "$top_srcdir"/doc/demos/*.keys; do
	name=$(basename "$f" .keys)
	# The English versions on an English screen.
	env="$E2E_ENV"
	case $name in *-en) E2E_ENV="$E2E_ENV ALGEDIT_LANG=en" ;; esac
	e2e_start 100 30 demo --play "$name" --speed 100
	E2E_ENV="$env"
	case $name in *-en) e2e_wait "End of the demo" 60 ;; *) e2e_wait "Einde van de demo" 60 ;; esac
	e2e_expect_screen "demo-$name"
	e2e_keys q
	e2e_wait_exit 0
	played=$((played + 1))
done
echo "ok   $played shipped demos end on their screens"

# A broken script is refused with its file and line.
printf 'size 100 30\nkey Entr\n' > "$E2E_TMP/bad.keys"
out=$(env $E2E_ENV "$ALGEDIT" demo --play "$E2E_TMP/bad.keys" 2>&1 </dev/null) && fail "a broken script was played"
echo "$out" | grep -q "bad.keys, regel 2: onbekende toetsnaam" || fail "message for a broken script: $out"
echo "ok   a broken script is refused with its file and line"

# Recording: a session in a repository of its own, with a caption (F12).
e2e_start 100 30 --record "$E2E_TMP/rec.keys" -C "$E2E_TMP/recrepo"
e2e_wait "Ctrl-N"
e2e_keys C-n
e2e_wait "Naam"
e2e_type "Opname van een sessie"
e2e_keys Enter
e2e_wait "Opname van een sessie"
e2e_keys Tab
e2e_type "Een korte omschrijving, met ë en €."
sleep 0.3
e2e_keys F12
e2e_wait "Bijschrift (Enter"
e2e_type "Hier staat waarom burgers dit lezen"
e2e_keys Enter
e2e_wait "» Hier staat waarom"
e2e_keys C-s
e2e_wait "is opgeslagen"
e2e_screen | e2e_norm | sed '$d' > "$E2E_TMP/recorded-end.txt"
e2e_keys C-q
e2e_wait_gone "Korte omschrijving"
e2e_keys C-q
e2e_wait_exit 0
grep -qx "caption Hier staat waarom burgers dit lezen" "$E2E_TMP/rec.keys" || fail "no caption in the recording: $(cat "$E2E_TMP/rec.keys")"
grep -qx "text Een korte omschrijving, met ë en €." "$E2E_TMP/rec.keys" || fail "no text in the recording"
tail -n 1 "$E2E_TMP/rec.keys" | grep -qx "key C-s" || fail "the recording does not end with the save: $(tail -n 3 "$E2E_TMP/rec.keys")"
# Replayed at 10×, in the sandbox, it ends on the screen the session
# ended on (the last row is the demo's own bar instead of the key bar).
e2e_start 100 30 demo --play "$E2E_TMP/rec.keys" --speed 10
e2e_wait "Einde van de demo" 60
e2e_wait "is opgeslagen"
e2e_screen | e2e_norm | sed '$d' > "$E2E_TMP/replayed-end.txt"
diff -u "$E2E_TMP/recorded-end.txt" "$E2E_TMP/replayed-end.txt" >&2 || fail "the replay ends on another screen than the session"
e2e_expect_screen demo-recorded
e2e_keys q
e2e_wait_exit 0
echo "ok   a recorded session replays at 10x to the screen it ended on"

# A recording is written as it grows: killed, it keeps what came before.
e2e_start_exec 100 30 --record "$E2E_TMP/killed.keys" -C "$E2E_TMP/killedrepo"
e2e_wait "Ctrl-N"
e2e_keys C-n
e2e_wait "Naam"
e2e_type "Voor het einde"
sleep 5.3
e2e_type "!"
sleep 0.5
kill -9 "$(e2e_pid)"
grep -q "^text Voor het einde" "$E2E_TMP/killed.keys" 2>/dev/null || fail "nothing of the recording was kept after a kill"
echo "ok   a killed recording keeps what was typed before"

# NO_COLOR: no colour at all, the meaning still in marks and attributes.
E2E_ENV_SAVED=$E2E_ENV
E2E_ENV="$E2E_ENV NO_COLOR=1"
e2e_start 100 30 demo --play 02-verantwoord-gebruik --speed 100
e2e_wait "Einde van de demo" 60
sleep 0.3
T capture-pane -p -e -t e2e > "$E2E_TMP/nocolor.txt"
if grep -qE "$(printf '\033')\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|38|48)(;[0-9;]*)?m" "$E2E_TMP/nocolor.txt"; then
	fail "NO_COLOR: colour on the screen: $(grep -nE "$(printf '\033')\[([0-9;]*;)?(3[0-7]|4[0-7])" "$E2E_TMP/nocolor.txt" | head -3 | cat -v)"
fi
grep -q "✓ Doel en impact" "$E2E_TMP/nocolor.txt" || fail "NO_COLOR: the filled mark is missing"
grep -q "5 fouten" "$E2E_TMP/nocolor.txt" || fail "NO_COLOR: the errors are not counted in words"
grep -q "$(printf '\033')\[\([0-9]*;\)*7m» In het veld" "$E2E_TMP/nocolor.txt" || fail "NO_COLOR: the caption bar is not in reverse video: $(grep -n '»' "$E2E_TMP/nocolor.txt" | cat -v)"
e2e_keys q
e2e_wait_exit 0
E2E_ENV=$E2E_ENV_SAVED
echo "ok   NO_COLOR: no colour, marks and reverse video"

# The presentation view in the high-contrast theme (TERM with colours).
E2E_ENV="$E2E_ENV TERM=screen-256color"
e2e_start 100 30 demo --play 01-algemene-informatie --speed 100 --present
e2e_wait "Einde van de demo" 60
sleep 0.3
T capture-pane -p -e -t e2e > "$E2E_TMP/present.txt"
e2e_screen | grep -q "Tab Volgende" && fail "the presentation view shows the key bar"
e2e_screen | grep -q "▾ Algemene informatie" && fail "the presentation view shows the field list"
grep -q "$(printf '\033')\[30m$(printf '\033')\[43m» Links ziet u" "$E2E_TMP/present.txt" ||
	fail "high contrast: the caption is not black on yellow: $(grep -n '»' "$E2E_TMP/present.txt" | cat -v)"
grep -q "$(printf '\033')\[1m$(printf '\033')\[30m$(printf '\033')\[47m algedit" "$E2E_TMP/present.txt" ||
	fail "high contrast: the title bar is not black on white: $(head -1 "$E2E_TMP/present.txt" | cat -v)"
e2e_expect_screen demo-present
e2e_keys q
e2e_wait_exit 0
E2E_ENV=$E2E_ENV_SAVED
echo "ok   the presentation view: no key bar, high contrast, captions"

# Plain mode: the demo as text, captions, keys and typed text.
out=$(env $E2E_ENV "$ALGEDIT" --plain demo --play 01-algemene-informatie 2>&1 </dev/null) || fail "plain demo: $out"
echo "$out" | grep -qx "  Toets: Ctrl-N" || fail "plain demo: no Ctrl-N: $out"
echo "$out" | grep -qx "  Typ: Toekennen parkeervergunningen bewoners" || fail "plain demo: no typed name"
echo "$out" | grep -qx "  Toets: ↓" || fail "plain demo: arrow not shown as on the keys"
echo "$out" | grep -qx "De korte omschrijving is voor burgers: in twee of drie zinnen wat het algoritme doet en voor wie." ||
	fail "plain demo: a caption is missing"
echo "ok   --plain prints the demo as text"

# The person's repositories are as they were; no sandbox is left.
[ "$(sums "$own")" = "$own_before" ] || fail "the demo changed the repository in ALGEDIT_REPO"
[ "$(sums "$def")" = "$def_before" ] || fail "the demo changed the default repository"
left=$(ls "$E2E_TMP/tmp")
[ -z "$left" ] || fail "sandboxes left behind: $left"
echo "ok   ALGEDIT_REPO and the default repository unchanged, no sandbox left"
