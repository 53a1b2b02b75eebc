#!/bin/sh
# The review screen and the review in the form, by keys, with two clones
# synced through a bare repository: the drafter writes and asks for review
# (command line); the reviewer opens `algedit review SLUG`, steps through the
# changed fields, comments on two fields and suggests a text for a third; the
# drafter sees the comments in the form (the mark in the field list, the
# text above the guidance), accepts the suggestion, replies to one comment and
# changes the other field; the reviewer sees only what changed since and
# approves; a later change shows the approval as void in the list. Dutch at
# 80x24, English at 120x40. Then once more through a git daemon on 127.0.0.1.
. "$top_srcdir/tests/e2e/lib.sh"

W="$E2E_TMP/work"
mkdir -p "$W"
# libgit2's pcre2 keeps its match data to the end (sync): not ours.
echo "leak:libpcre2-8.so" > "$E2E_TMP/lsan.supp"
export LSAN_OPTIONS="suppressions=$E2E_TMP/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
ae() { env $E2E_ENV "$ALGEDIT" "$@"; }
# Dates and commit ids differ per run: the goldens hold placeholders of the
# same width.
rv_norm() { e2e_norm | sed -E 's/[0-9]{2}:[0-9]{2}/hh:mm/g; s/[0-9]{4}-[0-9]{2}-[0-9]{2}/YYYY-MM-DD/g; s/\b[0-9a-f]{7}\b/#######/g'; }
rv_expect() { E2E_NORM=rv_norm; e2e_expect_screen "$1"; E2E_NORM=; }
as() { git -C "$W/$1" config user.name "$2" && git -C "$W/$1" config user.email "$3"; }

scenario() { # scenario HUB: the whole walk through the remote HUB
	hub=$1
	rm -rf "$W/a" "$W/b"
	mkdir -p "$W/a" && git -C "$W/a" init -q -b main
	as a "Anna de Vries" anna@example.nl
	ae -C "$W/a" new "Parkeerhandhaving" description_short="Scanauto's controleren kentekens." \
		goal="Wij controleren of er voor parkeren betaald is." \
		human_intervention="Een handhaver bekijkt elke foto." >/dev/null
	ae -C "$W/a" ask-review parkeerhandhaving -m "Graag kijken voor vrijdag" >/dev/null
	git -C "$W/a" remote add origin "$hub"
	ae -C "$W/a" sync >/dev/null || fail "first sync"
	git clone -q "$hub" "$W/b"
	as b "Bea Jansen" bea@example.nl
	ae -C "$W/b" sync >/dev/null || fail "sync b"

	# ---- the reviewer, by keys (Dutch, 80x24) ----
	e2e_start 80 24 -C "$W/b" review parkeerhandhaving
	e2e_wait "Veld 1 van"
	[ "$2" = golden ] && rv_expect tui-review-nl-first
	e2e_keys g; e2e_type "Korte"; e2e_keys Enter
	e2e_wait "Korte omschrijving"
	e2e_keys c; e2e_type "Kan dit korter?"; e2e_keys Enter
	e2e_wait "Opmerking door Bea Jansen"
	e2e_keys g; e2e_type "Menselijke"; e2e_keys Enter
	e2e_wait ": Menselijke tussenkomst"
	e2e_keys c; e2e_type "Wie controleert de handhaver?"; e2e_keys Enter
	e2e_wait "Wie controleert de handhaver?"
	e2e_keys g; e2e_type "Doel"; e2e_keys Enter
	e2e_wait ": Doel en impact"
	e2e_keys s
	e2e_wait "Voorgestelde tekst"
	e2e_keys End; e2e_type " Zo voorkomen wij boetes."; e2e_keys F2
	e2e_wait "Voorstel van Bea Jansen"
	e2e_keys m
	e2e_wait "[x] Veld"
	[ "$2" = golden ] && rv_expect tui-review-nl-suggested
	e2e_keys q
	e2e_wait_exit 0
	ae -C "$W/b" sync >/dev/null || fail "sync after the review"

	# ---- the drafter sees them in the form ----
	ae -C "$W/a" sync >/dev/null || fail "drafter sync"
	e2e_start 80 24 -C "$W/a"
	e2e_wait "Parkeerhandhaving"
	e2e_keys Enter
	e2e_wait "Korte omschrijving"
	e2e_keys C-f; e2e_type "Korte"; e2e_keys Enter
	e2e_wait "Kan dit korter?"
	[ "$2" = golden ] && rv_expect tui-review-nl-form
	e2e_keys M-c; e2e_type "Nee, dit is de kern."; e2e_keys Enter
	e2e_wait "> Anna de Vries: Nee, dit is de kern."
	e2e_keys C-f; e2e_type "Doel"; e2e_keys Enter
	e2e_wait "Voorstel van Bea Jansen"
	e2e_keys M-a
	e2e_wait "Zo voorkomen wij boetes."
	e2e_wait_gone "Voorstel van Bea Jansen, open"
	e2e_keys C-f; e2e_type "Menselijke"; e2e_keys Enter
	e2e_wait "Wie controleert de handhaver?"
	e2e_keys C-End; e2e_type " Een tweede handhaver controleert steekproeven."; e2e_keys C-s
	e2e_wait "is opgeslagen"
	e2e_keys C-q
	e2e_wait "Parkeerhandhaving"
	e2e_keys C-q
	e2e_wait_exit 0
	ae -C "$W/a" sync >/dev/null || fail "drafter sync back"

	# ---- the reviewer sees only what changed since, and approves (English, 120x40) ----
	ae -C "$W/b" sync >/dev/null || fail "reviewer sync again"
	E2E_ENV="$E2E_ENV LANGUAGE=en"
	e2e_start 120 40 -C "$W/b" review parkeerhandhaving
	e2e_wait "Field 1 of 2"
	e2e_screen | grep -q "Short description" && fail "an unchanged field is shown"
	[ "$2" = golden ] && rv_expect tui-review-en-since
	e2e_keys n
	e2e_wait "Field 2 of 2"
	e2e_keys a
	e2e_wait "Approve the latest version of parkeerhandhaving?"
	e2e_keys a
	e2e_wait "Approved: parkeerhandhaving"
	e2e_keys q
	e2e_wait_exit 0
	ae -C "$W/b" sync >/dev/null || fail "sync the approval"
	ae -C "$W/a" sync >/dev/null || fail "drafter sync the approval"
	ae -C "$W/a" review --print parkeerhandhaving | grep -q "parkeerhandhaving: approved" || fail "not approved: $(ae -C "$W/a" review --print parkeerhandhaving)"

	# ---- a later change voids it: the list says so ----
	ae -C "$W/a" set parkeerhandhaving goal="Wij controleren parkeren." >/dev/null
	e2e_start 120 40 -C "$W/a"
	e2e_wait "approval void"
	[ "$2" = golden ] && rv_expect tui-review-en-list
	e2e_keys C-q
	e2e_wait_exit 0
	E2E_ENV="${E2E_ENV% LANGUAGE=en}"
}

git init -q --bare -b main "$W/hub.git"
scenario "$W/hub.git" golden

# Plain mode: the same walk as text and line prompts; a control character
# in a record is shown escaped, never raw.
ae -C "$W/a" sync >/dev/null || fail "drafter sync for plain mode"
ae -C "$W/b" sync >/dev/null || fail "sync for plain mode"
ae -C "$W/b" comment parkeerhandhaving goal "$(printf 'Let op \033[31mrood')" >/dev/null
printf 'n\nc\nOpmerking uit de gewone modus\nq\n' | ae -C "$W/b" --plain review parkeerhandhaving > "$E2E_TMP/plain.out" 2>&1 ||
	fail "plain review: $(cat "$E2E_TMP/plain.out")"
grep -q "Veld 1 van 1: Doel en impact" "$E2E_TMP/plain.out" || fail "plain: no field: $(cat "$E2E_TMP/plain.out")"
grep -qF "[-of er voor" "$E2E_TMP/plain.out" || fail "plain: no marked words: $(cat "$E2E_TMP/plain.out")"
grep -q 'Let op ^\[\[31mrood' "$E2E_TMP/plain.out" || fail "plain: the escape is not shown escaped: $(cat "$E2E_TMP/plain.out")"
LC_ALL=C grep -q "$(printf '\033')" "$E2E_TMP/plain.out" && fail "plain: a raw escape reached the terminal"
ae -C "$W/b" review --print parkeerhandhaving | grep -q "Opmerking uit de gewone modus" || fail "plain: the comment was not written"

# Once more through a git daemon on 127.0.0.1.
if git daemon --help >/dev/null 2>&1 || [ -x "$(git --exec-path)/git-daemon" ]; then
	mkdir -p "$E2E_TMP/srv"
	git init -q --bare -b main "$E2E_TMP/srv/team.git"
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	git daemon --listen=127.0.0.1 --port="$port" --export-all --base-path="$E2E_TMP/srv" --enable=receive-pack \
		--reuseaddr --pid-file="$E2E_TMP/daemon.pid" 2>"$E2E_TMP/daemon.log" &
	DPID=$!
	for i in $(seq 50); do
		git ls-remote "git://127.0.0.1:$port/team.git" >/dev/null 2>&1 && break
		sleep 0.1
	done
	scenario "git://127.0.0.1:$port/team.git" plain
	kill "$DPID"; wait "$DPID" 2>/dev/null || true
else
	echo "SKIP (part): git daemon is not available"
fi
echo "tui-review: ok"
