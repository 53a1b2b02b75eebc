#!/bin/sh
# A month typed as people write it is kept as the standard writes it: in the
# editor "maart 2021" becomes 2021-03 (the letters are no longer dropped,
# which left "2021"), with algedit new and set too; a year alone is refused
# with an example that keeps the year.
. "$top_srcdir/tests/e2e/lib.sh"

f=algoritmes/maand.yaml
for size in "80 24" "120 40"; do
	rm -rf "$E2E_TMP/work/algoritmes" "$E2E_TMP/state/algedit"
	# shellcheck disable=SC2086
	e2e_start $size edit "$f"
	e2e_wait "Tab Volgende"
	e2e_type "Maandproef"
	e2e_keys C-f
	e2e_type "Begindatum"
	e2e_keys Enter
	e2e_wait "Begindatum · altijd getoond"
	e2e_type "maart 2021"
	e2e_wait "maart 2021"
	e2e_keys Tab BTab
	e2e_wait "2021-03"
	e2e_keys C-s
	e2e_wait "is opgeslagen"
	e2e_keys C-q
	e2e_wait_exit 0
	grep -q '^begin_date: "2021-03"$' "$E2E_TMP/work/$f" || fail "at $size: $(cat "$E2E_TMP/work/$f")"
done

# algedit new and set take the same forms; a year alone is refused.
git init -q "$E2E_TMP/r" && git -C "$E2E_TMP/r" config user.name T && git -C "$E2E_TMP/r" config user.email t@example.nl
"$ALGEDIT" -C "$E2E_TMP/r" new Proef begin_date="mrt 2021" > "$E2E_TMP/out.txt" 2>&1 || fail "new: $(cat "$E2E_TMP/out.txt")"
grep -q '^begin_date: "2021-03"$' "$E2E_TMP/r/algoritmes/proef.yaml" || fail "new: $(cat "$E2E_TMP/r/algoritmes/proef.yaml")"
"$ALGEDIT" -C "$E2E_TMP/r" set proef begin_date="March 2022" > "$E2E_TMP/out.txt" 2>&1 || fail "set: $(cat "$E2E_TMP/out.txt")"
grep -q '^begin_date: "2022-03"$' "$E2E_TMP/r/algoritmes/proef.yaml" || fail "set: $(cat "$E2E_TMP/r/algoritmes/proef.yaml")"
"$ALGEDIT" -C "$E2E_TMP/r" set proef begin_date=2021 > "$E2E_TMP/out.txt" 2>&1 && fail "a year alone was saved"
grep -q 'jaar zonder maand' "$E2E_TMP/out.txt" || fail "set 2021: $(cat "$E2E_TMP/out.txt")"

# check names the form it can read.
cd "$E2E_TMP/work"
"$ALGEDIT" check "$f" > check.txt 2>&1 || true
grep -q 'Begindatum' check.txt && fail "a month finding after the save: $(cat check.txt)"
sed -i 's/^begin_date: .*$/begin_date: "2021"/' "$f"
"$ALGEDIT" check "$f" > check.txt 2>&1 || true
grep -q '"2021" is een jaar zonder maand; schrijf jaar en maand als JJJJ-MM, bijvoorbeeld 2021-03' check.txt || fail "$(cat check.txt)"
sed -i 's/^begin_date: .*$/begin_date: mrt 2021/' "$f"
"$ALGEDIT" check "$f" > check.txt 2>&1 || true
grep -q 'schrijf de maand "mrt 2021" als JJJJ-MM: 2021-03' check.txt || fail "$(cat check.txt)"
echo "ok   tui-month"
