#!/bin/sh
# A bracketed paste of 5,000 characters (Dutch, with ĳ, ’, € and emoji) at
# 100×30: it arrives as one change, the counter counts it, the field over its
# limit is marked, and the text is saved whole.
. "$top_srcdir/tests/e2e/lib.sh"

# 5,000 code points: 200 times a sentence of 25 characters.
i=0; : > "$E2E_TMP/paste.txt"
while [ $i -lt 200 ]; do printf 'Ĳzeren zo’n € test 😀 ok. ' >> "$E2E_TMP/paste.txt"; i=$((i + 1)); done
[ "$(wc -m < "$E2E_TMP/paste.txt")" -eq 5000 ] || fail "fixture is $(wc -m < "$E2E_TMP/paste.txt") characters"

f=p.yaml
e2e_start 100 30 edit "$f"
e2e_wait "Tab Volgende"
e2e_keys C-f
e2e_type "technische"
e2e_keys Enter
e2e_wait "Technische werking"
T load-buffer -b big "$E2E_TMP/paste.txt"
T paste-buffer -p -b big -t e2e
e2e_wait " 5000/5000 " 20
# The same into a field of 2,500: marked over the limit, the counter says by how much.
e2e_keys C-f
e2e_type "doel"
e2e_keys Enter
e2e_wait "Doel en impact"
T paste-buffer -p -b big -t e2e
e2e_wait "! 5000/2500, 2500 te veel" 20
e2e_wait ">! Doel en impact"
e2e_keys C-s
e2e_wait "is opgeslagen"
e2e_keys C-q
e2e_wait_exit 0
n=$(grep -c 'Ĳzeren zo’n € test 😀 ok. Ĳzeren' "$E2E_TMP/work/$f")
[ "$n" -eq 2 ] || fail "saved text: $n lines"
"$ALGEDIT" check "$E2E_TMP/work/$f" > "$E2E_TMP/check.txt" 2>&1 && fail "check accepted a goal of 5000 characters"
grep -q 'max-length' "$E2E_TMP/check.txt" || fail "$(cat "$E2E_TMP/check.txt")"
