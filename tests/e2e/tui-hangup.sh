#!/bin/sh
# A hang-up (SIGHUP) or SIGTERM right after a save keeps what was typed
# since: the next open offers it, also when the file and the journal carry
# the same time (a save and a signal in one tick of a coarse file-system
# clock, simulated with touch -r). Whether to offer depends on the text, not
# on the clock. Both as a plain file and in a drafts repository.
. "$top_srcdir/tests/e2e/lib.sh"

mkdir -p "$E2E_TMP/work"
git init -q "$E2E_TMP/work/repo"
git -C "$E2E_TMP/work/repo" config user.name "Test Persoon"
git -C "$E2E_TMP/work/repo" config user.email test@example.nl
mkdir -p "$E2E_TMP/work/repo/algoritmes"

for sig in HUP TERM; do
	for f in k.yaml repo/algoritmes/k.yaml; do
		rm -f "$E2E_TMP/work/$f"
		e2e_start_exec 80 24 edit "$f"
		e2e_wait "Tab Volgende"
		e2e_type "Eerste versie"
		e2e_keys C-s
		e2e_wait "k.yaml is opgeslagen"
		e2e_type " en meer"
		e2e_wait "Eerste versie en meer"
		kill -$sig "$(e2e_pid)"
		sleep 0.5
		if [ "$f" = k.yaml ]; then
			j=$(ls "$E2E_TMP/state/algedit/journal/"k.yaml-*.journal 2>/dev/null | head -1)
		else
			j="$E2E_TMP/work/repo/.git/algedit/journal/k"
		fi
		[ -s "$j" ] || fail "SIG$sig, $f: no journal"
		touch -r "$E2E_TMP/work/$f" "$j"
		e2e_start_exec 80 24 edit "$f"
		e2e_wait "Niet-opgeslagen tekst gevonden"
		e2e_keys Enter
		e2e_wait "Eerste versie en meer"
		e2e_keys C-s
		e2e_wait "k.yaml is opgeslagen"
		e2e_keys C-q
		sleep 0.3
		grep -q "Eerste versie en meer" "$E2E_TMP/work/$f" || fail "SIG$sig, $f: not saved"
	done
done
