#!/bin/sh
# Ctrl-T in the list: the register's supplier templates that come with
# algedit, by supplier and name, no path needed; typing filters by supplier
# or name; Enter opens the form on the chosen one (not saved until Ctrl-S);
# saved with an organisation and a contact, check passes on it.
. "$top_srcdir/tests/e2e/lib.sh"

REPO="$E2E_TMP/work"
mkdir -p "$REPO"
git init -q "$REPO"
git -C "$REPO" config user.name "Test Persoon"
git -C "$REPO" config user.email test@example.nl

e2e_start 80 24 -C "$REPO"
e2e_wait "Nog geen beschrijvingen"
e2e_keys C-t
e2e_wait "Kies een sjabloon van het register"
e2e_wait "27 sjablonen van het register (de kopie van 2025-09-03)"
e2e_wait "Dataprotector (bm-dataprotector)"
e2e_type "anonim"
e2e_wait_gone "Dataprotector"
e2e_expect_screen template-register
e2e_keys BSpace BSpace BSpace BSpace BSpace BSpace
e2e_type "zylab"
e2e_wait "Tekstanalyse (zylab-tekstanalyse)"
e2e_wait_gone "Brickyard"
e2e_keys Enter
e2e_wait "· Tekstanalyse (niet opgeslagen)"
e2e_wait "Begonnen vanuit het sjabloon"
[ ! -e "$REPO/algoritmes/tekstanalyse.yaml" ] || fail "the template was saved before Ctrl-S"
e2e_keys C-s
e2e_wait_gone "(niet opgeslagen)"
F="$REPO/algoritmes/tekstanalyse.yaml"
[ -f "$F" ] || fail "no file after Ctrl-S"
e2e_keys C-q
e2e_wait "> Tekstanalyse"
e2e_keys C-q
e2e_wait_exit 0
"$ALGEDIT" -C "$REPO" set tekstanalyse organization="Gemeente Noorderhaaks" contact_email=algoritmes@noorderhaaks.nl > "$E2E_TMP/out" 2>&1 || fail "set: $(cat "$E2E_TMP/out")"
"$ALGEDIT" -C "$REPO" check "$F" > "$E2E_TMP/out" 2>&1 || fail "check on the template made into a description: $(cat "$E2E_TMP/out")"
echo "ok   Ctrl-T: the register's templates, no path needed"
