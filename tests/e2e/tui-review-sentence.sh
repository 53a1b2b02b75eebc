#!/bin/sh
# The review screen shows a sentence rewritten for the most part as the old
# and the new sentence, and keeps the word marks for a small edit (issue
# 21.8). Dutch at 80x24, English at 120x40.
. "$top_srcdir/tests/e2e/lib.sh"

W="$E2E_TMP/work"
mkdir -p "$W"
ae() { env $E2E_ENV "$ALGEDIT" "$@"; }
rv_norm() { e2e_norm | sed -E 's/[0-9]{2}:[0-9]{2}/hh:mm/g; s/[0-9]{4}-[0-9]{2}-[0-9]{2}/YYYY-MM-DD/g; s/\b[0-9a-f]{7}\b/#######/g; s/YYYY-MM-DD [0-9:h]{1,4}$/YYYY-MM-DD hh/'; }
E2E_NORM=rv_norm
git -C "$W" init -q -b main
git -C "$W" config user.name "Anna de Vries"
git -C "$W" config user.email anna@example.nl
ae -C "$W" new "Parkeerhandhaving" goal="Wij controleren het parkeren elke dag. De handhaver kijkt naar de foto." >/dev/null
git -C "$W" config user.name "Bea Jansen"
git -C "$W" config user.email bea@example.nl
ae -C "$W" approve parkeerhandhaving >/dev/null || fail "approve"
git -C "$W" config user.name "Anna de Vries"
git -C "$W" config user.email anna@example.nl
ae -C "$W" set parkeerhandhaving goal="Scanauto’s rijden dagelijks door de wijk. De handhaver kijkt naar elke foto." >/dev/null
git -C "$W" config user.name "Bea Jansen"
git -C "$W" config user.email bea@example.nl

e2e_start 80 24 -C "$W" review parkeerhandhaving
e2e_wait "Doel en impact"
e2e_wait "[-Wij controleren het parkeren elke dag.-]"
e2e_expect_screen review-sentence-nl
e2e_screen | grep -q "\[-Wij-\]\|{+Scanauto’s+}" && fail "the rewritten sentence is shown word by word"
e2e_screen | grep -qF "kijkt naar [-de-]{+elke+} foto." || fail "the small edit lost its marks"
e2e_keys q
e2e_wait_exit 0

E2E_ENV="$E2E_ENV ALGEDIT_LANG=en"
e2e_start 120 40 -C "$W" review parkeerhandhaving
e2e_wait "Purpose and impact"
e2e_wait "{+Scanauto’s rijden dagelijks door de wijk.+}"
e2e_expect_screen review-sentence-en
e2e_keys q
e2e_wait_exit 0
