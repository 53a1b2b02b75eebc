#!/bin/sh
# A drafts repository that cannot be written to (a read-only folder): the
# editor says so at once, in the user's language, with the reason; typed
# text is kept in the journal under XDG_STATE_HOME instead and the status
# line says where; the next start offers it back. Where even that folder
# cannot be written, the user is told to copy the text, not to save it. As root, permissions do
# not stop writes, so the editor runs as the user nobody (setpriv).
. "$top_srcdir/tests/e2e/lib.sh"

REPO="$E2E_TMP/work/repo"
mkdir -p "$REPO/algoritmes"
git init -q "$REPO"
git -C "$REPO" config user.name "Test Persoon"
git -C "$REPO" config user.email test@example.nl
printf 'name: Alleen lezen\nstatus: In gebruik\n' > "$REPO/algoritmes/alleen-lezen.yaml"
git -C "$REPO" add -A && git -C "$REPO" commit -qm eerste
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null 2>&1 || { echo "SKIP: root without setpriv"; exit 77; }
	chmod 755 "$E2E_TMP"
	chmod -R a+rX "$E2E_TMP"
	chown -R 65534 "$E2E_TMP/work" "$E2E_TMP/state" "$E2E_TMP/home"
	# The build's message catalogue may sit in a folder nobody cannot read
	# (a clone under /root): the run as nobody gets its own copy.
	cp -R "$top_builddir/locale" "$E2E_TMP/locale"
	chmod -R a+rX "$E2E_TMP/locale"
	printf '#!/bin/sh\nALGEDIT_LOCALEDIR="%s" exec setpriv --reuid=65534 --regid=65534 --clear-groups "%s" "$@"\n' \
		"$E2E_TMP/locale" "$ALGEDIT" > "$E2E_TMP/as-nobody"
	chmod 755 "$E2E_TMP/as-nobody"
	ALGEDIT="$E2E_TMP/as-nobody"
fi
chmod -R a-w "$REPO"
restore() { chmod -R u+w "$REPO" 2>/dev/null || true; e2e_cleanup; }
trap restore EXIT

e2e_start_exec 80 24 -C "$REPO"
e2e_wait "Alleen lezen"
e2e_keys Enter
e2e_wait "Tab Volgende"
# Said at open: saving is not possible, and why.
e2e_wait "kan niet worden opgeslagen (geen schrijfrechten)"
e2e_keys C-f
e2e_type "doel"
e2e_keys Enter
e2e_wait "Doel en impact"
e2e_type "Tekst in een map zonder schrijfrechten."
e2e_wait "schrijfrechten."
# The journal goes elsewhere, and the status line says where.
e2e_wait "$E2E_TMP/state/algedit/journal" 5
e2e_screen | grep -q "sla snel op" && fail "asks for a save that cannot be made"
e2e_until "the journal under XDG_STATE_HOME to hold the text" \
	grep -q schrijfrechten "$E2E_TMP/state/algedit/journal/"alleen-lezen.yaml-*.journal
j=$(ls "$E2E_TMP/state/algedit/journal/"alleen-lezen.yaml-*.journal 2>/dev/null | head -1)
[ -s "$j" ] || fail "no journal under XDG_STATE_HOME: $(ls -R "$E2E_TMP/state")"
grep -q "schrijfrechten" "$j" || fail "the journal lacks the text"
# A save says why not, in Dutch.
e2e_keys C-s
e2e_wait "kan niet opslaan"
e2e_screen | grep -E -q "Permission denied|Read-only|failed to" && fail "English in the save error"
kill -KILL "$(e2e_pid)"
# Nowhere to keep it either (the state folder read-only too): said, and
# no "save soon".
chmod -R a-w "$E2E_TMP/state"
e2e_start_exec 80 24 -C "$REPO"
e2e_wait "Alleen lezen"
e2e_keys Enter
e2e_wait "Niet-opgeslagen tekst gevonden"
e2e_keys Escape
e2e_keys C-f
e2e_type "korte"
e2e_keys Enter
e2e_type "Nog meer."
e2e_wait "kopieer uw tekst naar elders" 5
e2e_screen | grep -q "sla snel op" && fail "asks for a save that cannot be made"
kill -KILL "$(e2e_pid)"
chmod -R u+w "$E2E_TMP/state"
# Writable again: the next start offers the text back and saves it.
chmod -R u+w "$REPO"
e2e_start_exec 80 24 -C "$REPO"
e2e_wait "Alleen lezen"
e2e_keys Enter
e2e_wait "Niet-opgeslagen tekst gevonden"
e2e_keys Enter
e2e_wait "De niet-opgeslagen tekst is terug"
e2e_keys C-s
e2e_wait "alleen-lezen.yaml is opgeslagen"
grep -q "schrijfrechten" "$REPO/algoritmes/alleen-lezen.yaml" || fail "not saved"
[ ! -e "$j" ] || fail "the journal elsewhere outlived the save"
e2e_keys C-q
e2e_keys C-q
true
