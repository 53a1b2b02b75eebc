#!/bin/sh
# A new description that was never saved is not lost: Ctrl-N, a name,
# typing, SIGKILL; the next start lists it as not saved, opening it offers
# the text back, and saving it makes the file. The default repository and
# the journal are readable by their owner only.
. "$top_srcdir/tests/e2e/lib.sh"

REPO="$E2E_TMP/home/.local/share/algedit/register"
mkdir -p "$E2E_TMP/home/.config/git"
printf '[user]\n\tname = Test Persoon\n\temail = test@example.nl\n' > "$E2E_TMP/home/.config/git/config"

e2e_start_exec 80 24
e2e_wait "Nog geen beschrijvingen"
e2e_keys C-n
e2e_wait "Nieuwe beschrijving"
e2e_type "Parkeervergunning"
e2e_keys Enter
e2e_wait "· Parkeervergunning (niet opgeslagen)"
e2e_keys C-f
e2e_type "doel"
e2e_keys Enter
e2e_wait "Doel en impact"
e2e_type "Vergunningen sneller toekennen."
e2e_wait "toekennen."
sleep 1.2
kill -KILL "$(e2e_pid)"
J="$REPO/.git/algedit/journal/parkeervergunning"
[ -s "$J" ] || fail "no journal"
[ "$(stat -c %a "$REPO")" = 700 ] || fail "the default repository is $(stat -c %a "$REPO"), not 700"
[ "$(stat -c %a "$J")" = 600 ] || fail "the journal is $(stat -c %a "$J"), not 600"
[ "$(stat -c %a "$REPO/.git/algedit/journal")" = 700 ] || fail "the journal folder is not 700"
[ "$(stat -c %a "$REPO/.git/algedit")" = 700 ] || fail ".git/algedit is not 700"

# The list shows it, marked as not saved (a fixed time for the screen).
touch -d "2024-03-01 12:00" "$J"
e2e_start_exec 80 24
e2e_wait "Parkeervergunning          niet opgeslagen"
e2e_expect_screen unsaved-list
# Opening it offers the text back; Esc opens the (empty) saved version and
# closing that keeps the text listed.
e2e_keys Enter
e2e_wait "Niet-opgeslagen tekst gevonden"
e2e_keys Escape
e2e_wait "blijft in het logboek"
e2e_keys C-q
e2e_wait "Parkeervergunning          niet opgeslagen"
e2e_keys Enter
e2e_wait "Niet-opgeslagen tekst gevonden"
e2e_keys Enter
e2e_wait "De niet-opgeslagen tekst is terug"
e2e_keys C-f
e2e_type "doel"
e2e_keys Enter
e2e_wait "Vergunningen sneller toekennen."
e2e_keys C-s
e2e_wait "parkeervergunning.yaml is opgeslagen"
grep -q "Vergunningen sneller toekennen." "$REPO/algoritmes/parkeervergunning.yaml" || fail "not saved: $(cat "$REPO/algoritmes/parkeervergunning.yaml")"
[ ! -e "$J" ] || fail "the journal outlived the save"
e2e_keys C-q
e2e_wait_gone "Doel en impact"
e2e_wait "Parkeervergunning"
e2e_screen | grep -q "niet opgeslagen" && fail "still marked as not saved after the save"
e2e_keys C-q
sleep 0.3
true
