#!/bin/sh
# F1 opens the help at the keys of the screen it was asked from (issue
# 21.7): in the review screen at the review screen's keys, not at the top
# of the general help. Dutch at 80x24, English at 120x40.
. "$top_srcdir/tests/e2e/lib.sh"

W="$E2E_TMP/work"
mkdir -p "$W"
git -C "$W" init -q -b main
git -C "$W" config user.name "Anna de Vries"
git -C "$W" config user.email anna@example.nl
env $E2E_ENV "$ALGEDIT" -C "$W" new "Parkeerhandhaving" goal="Wij controleren parkeren." >/dev/null

e2e_start 80 24 -C "$W" review parkeerhandhaving
e2e_wait "Review: Parkeerhandhaving"
e2e_keys F1
e2e_wait "In het reviewscherm"
e2e_expect_screen help-review-nl
e2e_screen | grep -q "De tekens voor elk veld" && fail "the help opened at its top"
e2e_keys Escape
e2e_wait "Review: Parkeerhandhaving"
e2e_keys q
e2e_wait_exit 0

E2E_ENV="$E2E_ENV ALGEDIT_LANG=en"
e2e_start 120 40 -C "$W" review parkeerhandhaving
e2e_wait "Review: Parkeerhandhaving"
e2e_keys F1
e2e_wait "In the review screen"
e2e_expect_screen help-review-en
e2e_keys Escape
e2e_wait_gone "algedit · help"
e2e_keys q
e2e_wait_exit 0
