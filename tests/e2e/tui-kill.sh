#!/bin/sh
# Nothing typed is lost: the editor is killed with SIGKILL at random moments
# during scripted typing, several rounds; every piece of text typed more than
# one second before a kill is offered back on the next open, and recovering
# it brings it back. Then SIGTERM: the journal is flushed at once.
# KILL_MODE=store (tui-kill-store.sh) runs the same rounds on a description
# in a drafts repository, whose journal is kept in .git/algedit/journal.
#
# A piece counts as typed when send-keys has returned, which is after the
# editor could have seen it; the editor journals within half a second of a
# change, so the second the design promises has half a second to spare for
# a busy machine (sanitizers, parallel tests).
. "$top_srcdir/tests/e2e/lib.sh"

rounds=${ALGEDIT_E2E_KILL_ROUNDS:-6}
mode=${KILL_MODE:-files}
if [ "$mode" = store ]; then
	mkdir -p "$E2E_TMP/work"
	git init -q "$E2E_TMP/work"
	git -C "$E2E_TMP/work" config user.name "Test Persoon"
	git -C "$E2E_TMP/work" config user.email test@example.nl
	mkdir -p "$E2E_TMP/work/algoritmes"
	f=algoritmes/k.yaml
	journal="$E2E_TMP/work/.git/algedit/journal/k"
else
	f=k.yaml
	journal=""
fi
: > "$E2E_TMP/must"
r=1
while [ $r -le $rounds ]; do
	e2e_start_exec 80 24 edit "$f"
	if [ $r -gt 1 ]; then
		e2e_wait "Niet-opgeslagen tekst gevonden"
		e2e_keys Enter
		e2e_wait "De niet-opgeslagen tekst is terug"
	fi
	e2e_wait "Tab Volgende"
	e2e_keys C-f
	e2e_type "doel"
	e2e_keys Enter
	e2e_wait "Doel en impact"
	e2e_keys C-End
	# Type pieces at random intervals for 1.2 to 3.5 s, kill at a random moment.
	end=$(( $(e2e_now_ms) + 1200 + $(od -An -N2 -tu2 /dev/urandom) % 2300 ))
	: > "$E2E_TMP/sent"
	c=1
	while [ "$(e2e_now_ms)" -lt $end ]; do
		e2e_type "r${r}c${c} "
		echo "$(e2e_now_ms) r${r}c${c}" >> "$E2E_TMP/sent"
		c=$((c + 1))
		sleep "0.$(( 5 + $(od -An -N1 -tu1 /dev/urandom) % 25 ))"
	done
	pid=$(e2e_pid)
	killed=$(e2e_now_ms)
	kill -KILL "$pid"
	awk -v k="$killed" 'k - $1 > 1000 { print $2 }' "$E2E_TMP/sent" >> "$E2E_TMP/must"
	if [ -n "$journal" ]; then
		[ -s "$journal" ] || fail "round $r: no journal in .git/algedit/journal"
		[ -z "$(git -C "$E2E_TMP/work" status --porcelain)" ] || fail "round $r: the journal shows in git status"
	fi
	r=$((r + 1))
done
[ -s "$E2E_TMP/must" ] || fail "no text was typed long enough before a kill"

# The last open: the text is offered, taken back, saved; then SIGTERM.
e2e_start_exec 80 24 edit "$f"
e2e_wait "Niet-opgeslagen tekst gevonden"
e2e_keys Enter
e2e_wait "De niet-opgeslagen tekst is terug"
e2e_keys C-f
e2e_type "doel"
e2e_keys Enter
e2e_keys C-End
e2e_type "laatste "
e2e_wait "laatste"
kill -TERM "$(e2e_pid)"
e2e_wait_dead
e2e_start_exec 80 24 edit "$f"
e2e_wait "Niet-opgeslagen tekst gevonden"
e2e_keys Enter
e2e_wait "De niet-opgeslagen tekst is terug"
e2e_keys C-s
e2e_wait "is opgeslagen"
e2e_keys C-q
e2e_wait_dead
while read -r piece; do
	grep -q "$piece " "$E2E_TMP/work/$f" || fail "\"$piece\", typed more than 1 s before a kill, was lost: $(cat "$E2E_TMP/work/$f")"
done < "$E2E_TMP/must"
grep -q "laatste" "$E2E_TMP/work/$f" || fail "SIGTERM did not flush the journal"
if [ "$mode" = store ]; then
	[ "$(git -C "$E2E_TMP/work" ls-files algoritmes)" = "$f" ] && [ "$(git -C "$E2E_TMP/work" rev-list --count HEAD)" = 1 ] ||
		fail "the save is not one commit: $(git -C "$E2E_TMP/work" log --stat 2>&1 | head)"
	[ ! -e "$journal" ] || fail "the journal outlived the save"
	[ -z "$(git -C "$E2E_TMP/work" status --porcelain)" ] || fail "git status is not clean: $(git -C "$E2E_TMP/work" status --porcelain)"
fi
echo "$(wc -l < "$E2E_TMP/must") pieces typed over 1 s before $rounds kills ($mode), all offered back"
