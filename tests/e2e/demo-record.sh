#!/bin/sh
# Recording a demo (issue 21.5): algedit --record FILE runs in a sandbox that
# starts empty, as demos play (the person's own repositories stay byte for
# byte the same, nothing of theirs is listed); every screen says it records
# ("● opname", "● recording"); a file or a command of one's own needs --own;
# the idle time before the first key or caption is trimmed when recording
# and when playing an older script; the list names the sandbox, not its
# temporary path. Dutch at 80x24, English at 120x40.
. "$top_srcdir/tests/e2e/lib.sh"

mkdir -p "$E2E_TMP/tmp" "$E2E_TMP/nodict" "$E2E_TMP/home/.config/algedit"
printf '[user]\n\tname = "Test"\n\temail = "test@example.invalid"\n' > "$E2E_TMP/home/.config/algedit/config"
E2E_ENV="$E2E_ENV TMPDIR=$E2E_TMP/tmp DICPATH=$E2E_TMP/nodict"
def="$E2E_TMP/home/.local/share/algedit/register"
env $E2E_ENV "$ALGEDIT" new "Mijn eigen beschrijving" >/dev/null 2>&1 || fail "algedit new"
sums() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum); }
before=$(sums "$def")
# The sandbox's name is new each time.
norm_box() { e2e_norm | sed 's|algedit-demo\.[A-Za-z0-9]\{6\}|algedit-demo.XXXXXX|g'; }
E2E_NORM=norm_box

e2e_start 80 24 --record "$E2E_TMP/rec.keys"
e2e_wait "Nog geen beschrijvingen"
e2e_wait "● opname"
e2e_expect_screen record-list-nl
# A long idle start: the recording keeps half a second of it.
sleep 1.5
e2e_keys C-n
e2e_wait "Nieuwe beschrijving"
e2e_type "Opname in de zandbak"
e2e_keys Enter
e2e_wait "Opname in de zandbak"
e2e_wait "● opname"
e2e_keys C-s
e2e_wait "is opgeslagen"
e2e_expect_screen record-form-nl
e2e_keys C-q
e2e_wait_gone "Korte omschrijving"
e2e_keys C-q
e2e_wait "in een zandbak"
e2e_wait_exit 0
[ "$(sums "$def")" = "$before" ] || fail "the recording changed the person's own repository"
[ -z "$(ls "$E2E_TMP/tmp")" ] || fail "a sandbox was left behind: $(ls "$E2E_TMP/tmp")"
first=$(sed -n 's/^wait //p' "$E2E_TMP/rec.keys" | head -1)
[ "$first" -le 500 ] || fail "the recording starts with a pause of $first ms: $(head -5 "$E2E_TMP/rec.keys")"
grep -qx "text Opname in de zandbak" "$E2E_TMP/rec.keys" || fail "$(cat "$E2E_TMP/rec.keys")"

# On one's own file only when asked.
out=$(env $E2E_ENV "$ALGEDIT" --record "$E2E_TMP/x.keys" edit "$E2E_TMP/eigen.yaml" 2>&1 </dev/null) && fail "recorded on a file without --own"
echo "$out" | grep -q "voeg --own toe" || fail "message: $out"
out=$(env $E2E_ENV "$ALGEDIT" --own edit "$E2E_TMP/eigen.yaml" 2>&1 </dev/null) && fail "--own without --record"
echo "$out" | grep -q -- "--own hoort bij --record" || fail "message: $out"

# An older script with a long blank start: played, its first key comes at once.
printf 'size 80 24\nwait 30000\nkey C-n\n' > "$E2E_TMP/old.keys"
e2e_start 80 24 demo --play "$E2E_TMP/old.keys"
e2e_wait "Nieuwe beschrijving" 5
# The list behind names the sandbox, not its temporary folder (21.16).
e2e_wait "beschrijvingen in de zandbak van de demo"
e2e_screen | grep -q "algedit-demo\." && fail "the demo shows the sandbox's temporary path"

# English at 120x40.
E2E_ENV="$E2E_ENV ALGEDIT_LANG=en"
e2e_start 120 40 --record "$E2E_TMP/rec-en.keys"
e2e_wait "No descriptions yet"
e2e_wait "● recording"
e2e_keys C-n
e2e_wait "New description"
e2e_type "Recorded in the sandbox"
e2e_keys Enter
e2e_wait "● recording"
e2e_keys C-s
e2e_wait "Saved"
e2e_expect_screen record-form-en
e2e_keys C-q
e2e_wait_gone "Short description"
e2e_keys C-q
e2e_wait "in a sandbox"
e2e_wait_exit 0
[ "$(sums "$def")" = "$before" ] || fail "the English recording changed the person's own repository"
