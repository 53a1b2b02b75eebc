#!/bin/sh
# End to end: `algedit spell` on standard input, like `hunspell -l`, with the
# team dictionary of a drafts repository, and a clear exit 2 without a dictionary.
set -u
fail() { echo "FAIL: $*"; exit 1; }
[ -r /usr/share/hunspell/nl_NL.dic ] || { echo "SKIP: no nl_NL hunspell dictionary"; exit 77; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
unset ALGEDIT_REPO LANGUAGE
export LC_ALL=C.UTF-8

text='Het algoritmeregister toont de BRP, AVG en DPIA. Na de aanvraag/aangifte volgt
een besluit (art. 3:4 Awb). Een wĳziging in zo’n geval: het algortime en de
medwerkr. Zie https://algoritmes.overheid.nl.'

out=$(printf '%s\n' "$text" | "$ALGEDIT" spell -l); rc=$?
[ $rc -eq 1 ] || fail "exit $rc, expected 1 (misspellings found)"
# hunspell is opened when the speller loads (above), and only then: a command
# that checks no words does not load it or the C++ runtime it brings.
if LD_DEBUG=libs "$ALGEDIT" --version 2>&1 >/dev/null | grep -q 'libhunspell'; then
	fail "algedit --version loads hunspell"
fi
LD_DEBUG=libs sh -c 'printf "Een zin.\n" | "$0" spell -l' "$ALGEDIT" 2>&1 >/dev/null | grep -q 'calling init:.*libhunspell' ||
	fail "algedit spell did not load hunspell"
[ "$out" = "algortime
medwerkr" ] || fail "spell -l printed: $out"

out=$(printf '%s\n' "$text" | "$ALGEDIT" spell)
[ "$out" = "2:61: algortime
3:1: medwerkr" ] || fail "spell printed: $out"

out=$(printf 'Een goede zin.\n' | "$ALGEDIT" spell -l); rc=$?
[ $rc -eq 0 ] && [ -z "$out" ] || fail "clean text: exit $rc, output $out"

# The team dictionary of the repository given with -C.
mkdir -p "$work/repo/.algedit"
printf '# team words\nalgortime\n' > "$work/repo/.algedit/dictionary.txt"
out=$(printf '%s\n' "$text" | "$ALGEDIT" -C "$work/repo" spell -l)
[ "$out" = "medwerkr" ] || fail "with team dictionary: $out"

# The personal one.
mkdir -p "$XDG_CONFIG_HOME/algedit"
echo medwerkr > "$XDG_CONFIG_HOME/algedit/dictionary.txt"
out=$(printf '%s\n' "$text" | "$ALGEDIT" -C "$work/repo" spell -l); rc=$?
[ $rc -eq 0 ] && [ -z "$out" ] || fail "with personal dictionary: exit $rc, $out"

# Another dictionary by name.
if [ -r /usr/share/hunspell/en_US.dic ]; then
	out=$(printf 'The algorithm helps the staf.\n' | "$ALGEDIT" spell -l --dict en_US)
	[ "$out" = "staf" ] || fail "--dict en_US: $out"
fi

# A missing dictionary: a clear message and exit 2.
err=$(printf 'tekst\n' | "$ALGEDIT" spell --dict xx_XX 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] || fail "missing dictionary: exit $rc"
case $err in *xx_XX*) ;; *) fail "missing dictionary message: $err" ;; esac

err=$("$ALGEDIT" spell --bogus 2>&1 </dev/null); rc=$?
[ $rc -eq 2 ] || fail "unknown option: exit $rc ($err)"
"$ALGEDIT" spell --help | grep -q -- '--dict' || fail "--help does not mention --dict"

# Dutch messages where a Dutch locale exists.
if locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
	err=$(printf 'tekst\n' | LC_ALL=nl_NL.UTF-8 "$ALGEDIT" spell --dict xx_XX 2>&1 >/dev/null)
	case $err in *"staat uit"*) ;; *) fail "Dutch message expected: $err" ;; esac
fi
echo "ok"
