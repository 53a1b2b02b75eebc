#!/bin/sh
# Nothing cut into nonsense (issue 21.11, 21.16): at 80x24 a box's hint is
# whole or left out (not "Tab: volgend v─0/2500"), a theme checklist keeps
# its "2 gekozen" in sight while it scrolls, and the demo's bar shows its
# keys whole (not "+/-: sn"); at 120x40 the guidance is no longer squeezed
# into 31 columns. Dutch at 80x24, English at 120x40.
. "$top_srcdir/tests/e2e/lib.sh"

e2e_start 80 24 edit c.yaml
e2e_wait "Tab Volgende"
e2e_keys C-f
e2e_type "doel"
e2e_keys Enter
e2e_wait "Doel en impact ·"
e2e_screen | grep -q "Tab: volgend v─\|volgend ─ " && fail "a hint is cut under the counter"
e2e_wait "└─ Enter: nieuwe regel ──"
# Thema: two ticked, then scrolled past them.
e2e_keys C-f
e2e_type "thema"
e2e_keys Enter
e2e_wait "Thema ·"
e2e_keys Space Down Space
e2e_wait " 2 gekozen "
e2e_keys Down Down Down Down Down Down Down Down Down Down Down Down
e2e_expect_screen cut-checklist-nl
e2e_screen | grep -q "\[x\]" && fail "the test should scroll the ticks out of view"
e2e_wait " 2 gekozen "
e2e_keys C-q
e2e_wait "Niet-opgeslagen wijzigingen"
e2e_keys C-q
e2e_wait_exit 0

# The demo's bar at 80 columns.
printf 'size 80 24\nwait 100000\n' > "$E2E_TMP/wait.keys"
e2e_start 80 24 demo --play "$E2E_TMP/wait.keys"
e2e_wait "Spatie"
bar=$(e2e_screen | tail -1)
echo "$bar" | grep -q ": sn\|: s$\|/-: *$" && fail "the demo bar is cut: $bar"
echo "$bar" | grep -q "q: stoppen\|q: stop" || fail "the demo bar lost its stop key: $bar"
e2e_keys q
e2e_wait_exit 0

E2E_ENV="$E2E_ENV ALGEDIT_LANG=en"
e2e_start 120 40 edit c.yaml
e2e_wait "Tab Next"
e2e_keys C-f
e2e_type "theme"
e2e_keys Enter
e2e_wait "Theme ·"
e2e_keys Space Down Space
e2e_wait " 2 chosen "
e2e_expect_screen cut-checklist-en
# The guidance column: wider than the 31 columns it had.
e2e_screen | sed -n '3,30p' | sed -n 's/.*│ \(.*\)$/\1/p' | sed 's/./x/g' | awk '{ if (length($0) > m) m = length($0) } END { exit !(m > 31) }' ||
	fail "the guidance is still 31 columns or less"
e2e_keys C-q
e2e_wait "Unsaved changes"
e2e_keys C-q
e2e_wait_exit 0
