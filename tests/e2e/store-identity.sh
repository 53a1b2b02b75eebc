#!/bin/sh
# Name and e-mail address are asked once, not once per repository: the first
# new repository asks on the terminal and keeps them in the user's algedit
# config (mode 0600); a second new repository opens without asking, and its
# saves (the editor's and the command line's) carry that name. git's own
# user.name and user.email come first where they are set.
. "$top_srcdir/tests/e2e/lib.sh"

CFG="$E2E_TMP/home/.config/algedit/config"
for size in "80 24" "120 40"; do
	rm -rf "$E2E_TMP/r1" "$E2E_TMP/r2" "$E2E_TMP/home/.config" "$E2E_TMP/home/.gitconfig"
	# shellcheck disable=SC2086
	e2e_start $size -C "$E2E_TMP/r1"
	e2e_wait "Uw naam:"
	e2e_type "Test Persoon"
	e2e_keys Enter
	e2e_wait "Uw e-mailadres:"
	e2e_type "test@example.nl"
	e2e_keys Enter
	e2e_wait "Nog geen beschrijvingen"
	e2e_keys C-q
	e2e_wait_exit 0
	[ "$(stat -c %a "$CFG")" = 600 ] || fail "the config is not private: $(stat -c %a "$CFG")"
	[ -z "$(git -C "$E2E_TMP/r1" config --local user.name)" ] || fail "the name went into the repository"

	# shellcheck disable=SC2086
	e2e_start $size -C "$E2E_TMP/r2"
	e2e_wait "Nog geen beschrijvingen"
	e2e_screen | grep -q "Uw naam" && fail "asked again for the second repository"
	e2e_keys C-q
	e2e_wait_exit 0
	env $E2E_ENV "$ALGEDIT" -C "$E2E_TMP/r2" new "Tweede map" < /dev/null > "$E2E_TMP/out" 2>&1 || fail "new: $(cat "$E2E_TMP/out")"
	[ "$(git -C "$E2E_TMP/r2" log -1 --format='%an <%ae>')" = "Test Persoon <test@example.nl>" ] || fail "author: $(git -C "$E2E_TMP/r2" log -1 --format='%an <%ae>')"
done

# An arrow key typed in the answer (the terminal sends ESC [ D) is not kept
# in the address that signs every version: the question comes again.
rm -rf "$E2E_TMP/r3" "$E2E_TMP/home/.config"
e2e_start 80 24 -C "$E2E_TMP/r3"
e2e_wait "Uw naam:"
e2e_type "Test Persoon"
e2e_keys Enter
e2e_wait "Uw e-mailadres:"
e2e_type "test@example.nl"
e2e_keys Left Enter
e2e_wait "De pijltjestoetsen en andere speciale toetsen werken niet"
e2e_type "test@example.nl"
e2e_keys Enter
e2e_wait "Nog geen beschrijvingen"
e2e_keys C-q
e2e_wait_exit 0
grep -q 'email = "test@example.nl"$' "$CFG" || fail "the address kept: $(grep email "$CFG" | od -c | head -3)"

# git's own config wins where it is set.
git config -f "$E2E_TMP/home/.gitconfig" user.name "Git Gebruiker"
git config -f "$E2E_TMP/home/.gitconfig" user.email git@example.nl
env $E2E_ENV "$ALGEDIT" -C "$E2E_TMP/r2" new "Derde" < /dev/null > "$E2E_TMP/out" 2>&1 || fail "new: $(cat "$E2E_TMP/out")"
[ "$(git -C "$E2E_TMP/r2" log -1 --format=%an)" = "Git Gebruiker" ] || fail "git's config did not come first"
echo "ok   store-identity"
