#!/bin/sh
# The team in the editor, with a team server made by a plain git init --bare
# (no default branch configured: its HEAD names master): the drafter
# connects by typing the address (F5, the first time), asks for a review
# with a message (Alt-V) and syncs; the reviewer joins (algedit join) and
# sends it back with a message; the drafter syncs in the editor, sees
# "changes asked" in the list and the reviewer's message on opening and at
# the top of the form; a same-field conflict shows as "conflict" in the list
# and is settled in the editor (keep mine in Dutch, an own text in English);
# the history (Alt-L) shows the versions by date and author and brings the
# first one back; the reviewer approves and the drafter sees it after a sync.
# Dutch at 80x24; then English at 120x40 through a git daemon on 127.0.0.1;
# join on a terminal opens the list; last, a server that wants a password,
# asked by the editor on the terminal.
. "$top_srcdir/tests/e2e/lib.sh"

W="$E2E_TMP/work"
mkdir -p "$W"
echo "leak:libpcre2-8.so" > "$E2E_TMP/lsan.supp"
export LSAN_OPTIONS="suppressions=$E2E_TMP/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
ae() { env $E2E_ENV "$ALGEDIT" "$@"; }
as() { git -C "$1" config user.name "$2" && git -C "$1" config user.email "$3"; }
DPID= HPID=
stop_daemon() { [ -z "$DPID" ] || kill "$DPID" 2>/dev/null || true; DPID=; }
# Until the last line of the screen no longer shows TEXT (a prompt answered).
e2e_wait_gone_last() {
	k=200
	while [ $k -gt 0 ] && e2e_screen | grep -v '^$' | tail -1 | grep -qF -- "$1"; do sleep 0.05; k=$((k - 1)); done
}
trap 'stop_daemon; [ -z "$HPID" ] || kill "$HPID" 2>/dev/null || true; e2e_cleanup' EXIT

journey() { # journey HUB W H LANG
	hub=$1 w=$2 h=$3 lang=$4
	rm -rf "$W/a" "$W/b"
	mkdir -p "$W/a" && git -C "$W/a" init -q -b main
	as "$W/a" "Anna de Vries" anna@gemeente.nl
	ae --lang "$lang" -C "$W/a" new "Slimme parkeerhandhaving" status="In gebruik" provider="Acme" >/dev/null

	# ---- the drafter connects and asks for a review, by keys ----
	e2e_start "$w" "$h" --lang "$lang" -C "$W/a"
	e2e_wait "Slimme parkee"
	e2e_keys F5
	if [ "$lang" = nl ]; then e2e_wait "Verbinden met de teamserver"; else e2e_wait "Connect to the team server"; fi
	e2e_type "$hub"; e2e_keys Enter
	if [ "$lang" = nl ]; then e2e_wait "de teamserver was leeg"; else e2e_wait "server was empty"; fi
	[ "$(git -C "$W/a" config remote.origin.url)" = "$hub" ] || fail "the address is not remembered"
	e2e_keys M-v
	if [ "$lang" = nl ]; then e2e_wait "Review vragen"; else e2e_wait "Ask for a review"; fi
	e2e_type "Graag kijken voor vrijdag"; e2e_keys Enter
	if [ "$lang" = nl ]; then e2e_wait "Review gevraagd voor slimme-parkeerhandhaving"; else e2e_wait "Review asked for slimme-parkeerhandhaving"; fi
	e2e_keys F5
	if [ "$lang" = nl ]; then e2e_wait "uw versies zijn verstuurd"; else e2e_wait "your versions are sent"; fi
	if [ "$lang" = nl ]; then e2e_wait "ter review"; else e2e_wait "in review"; fi
	e2e_keys C-q
	e2e_wait_exit

	# ---- the reviewer joins and sends it back ----
	ae --lang "$lang" join "$hub" -C "$W/b" </dev/null >"$E2E_TMP/out" 2>&1 || fail "join: $(cat "$E2E_TMP/out")"
	[ -f "$W/b/algoritmes/slimme-parkeerhandhaving.yaml" ] || fail "join brought nothing: $(cat "$E2E_TMP/out")"
	as "$W/b" "Bob Jansen" bob@gemeente.nl
	ae -C "$W/b" log "Slimme parkeerhandhaving" | grep -q "Graag kijken voor vrijdag" || fail "the request did not arrive"
	ae -C "$W/b" request-changes "Slimme parkeerhandhaving" -m "Noem de leverancier voluit" >/dev/null || fail "request-changes"
	ae -C "$W/b" sync >/dev/null 2>&1 || fail "sync b"

	# ---- the drafter sees it in the editor ----
	e2e_start "$w" "$h" --lang "$lang" -C "$W/a"
	e2e_wait "Slimme parkee"
	e2e_keys F5
	if [ "$lang" = nl ]; then e2e_wait "zijn binnen"; e2e_wait "wijz. gevraagd"; else e2e_wait "are here"; e2e_wait "changes asked"; fi
	e2e_keys Enter
	if [ "$lang" = nl ]; then e2e_wait "Wijzigingen gevraagd door Bob Jansen: Noem de leverancier voluit"
	else e2e_wait "Changes asked by Bob Jansen: Noem de leverancier voluit"; fi
	# It stays at the top of the pane, under the reviewer's heading, in
	# every field.
	e2e_keys Tab
	if [ "$lang" = nl ]; then e2e_wait "Opmerkingen van de reviewer"; else e2e_wait "Reviewer's comments"; fi
	e2e_wait "leverancier voluit"
	e2e_keys C-q
	e2e_wait "Slimme parkee"

	# ---- the same field on both sides: marked in the list until settled ----
	ae -C "$W/b" set slimme provider="Beta Data" >/dev/null && ae -C "$W/b" sync >/dev/null 2>&1 || fail "b changes the provider"
	ae -C "$W/a" set slimme provider="Acme BV" >/dev/null || fail "a changes the provider"
	e2e_keys F5
	if [ "$lang" = nl ]; then e2e_wait "zowel hier als op de teamserver"; else e2e_wait "both here and on the team server"; fi
	e2e_wait "conflict"
	# Settled in the editor: Enter shows both texts; nl keeps mine, en
	# writes a text of its own.
	e2e_keys Enter
	e2e_wait "Conflict: Slimme parkee"
	e2e_wait "Beta Data"
	e2e_wait "Acme BV"
	if [ "$lang" = nl ]; then
		e2e_keys m
		e2e_wait "Elk veld is gekozen"
	else
		e2e_keys e
		e2e_wait "Your own text"
		e2e_keys End
		e2e_type " en partners"; e2e_keys Enter
		e2e_wait "Every field is settled"
	fi
	e2e_keys F5
	if [ "$lang" = nl ]; then e2e_wait "uw versies zijn verstuurd"; else e2e_wait "your versions are sent"; fi
	e2e_wait_gone "conflict"
	e2e_keys C-q
	e2e_wait_exit
	if [ "$lang" = nl ]; then want="provider: Acme BV"; else want="provider: Acme BV en partners"; fi
	grep -q "$want" "$W/a/algoritmes/slimme-parkeerhandhaving.yaml" || fail "the choice was not kept: $(grep provider "$W/a/algoritmes/slimme-parkeerhandhaving.yaml")"
	ae -C "$W/b" sync >/dev/null 2>&1 || fail "b takes the settled version"
	grep -q "$want" "$W/b/algoritmes/slimme-parkeerhandhaving.yaml" || fail "the settled version did not reach b"

	# ---- the history: versions by date and author, what each changed,
	# the first one brought back as a new version ----
	e2e_start "$w" "$h" --lang "$lang" -C "$W/a"
	e2e_wait "Slimme parkee"
	e2e_keys M-l
	if [ "$lang" = nl ]; then e2e_wait "Geschiedenis: Slimme parkee"; e2e_wait "Wat de versie van"
	else e2e_wait "History: Slimme parkee"; e2e_wait "What the version of"; fi
	e2e_wait "Anna de Vries"
	e2e_screen | grep -Eq '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}  (Anna de Vries|Bob Jansen)' || fail "versions not named by date and author"
	! e2e_screen | grep -Eq '\b[0-9a-f]{7}\b' || fail "commit codes in the history view"
	e2e_keys Down Down Down Down Down Down Down Down Down Down
	e2e_wait "{+Acme+}"
	e2e_keys b
	if [ "$lang" = nl ]; then e2e_wait "is terug, als nieuwe versie"; else e2e_wait "is back, as a new version"; fi
	e2e_keys Escape
	e2e_wait_gone "Terugzetten"
	e2e_wait_gone "Bring back"
	e2e_keys C-q
	e2e_wait_exit
	grep -q "^provider: Acme$" "$W/a/algoritmes/slimme-parkeerhandhaving.yaml" || fail "the first version is not back: $(grep provider "$W/a/algoritmes/slimme-parkeerhandhaving.yaml")"
	[ -z "$(git -C "$W/a" status --porcelain)" ] || fail "bringing back left unsaved files"

	# ---- approval: the reviewer approves, the drafter sees it ----
	ae -C "$W/a" sync >/dev/null 2>&1 || fail "a sends the version brought back"
	ae -C "$W/b" sync >/dev/null 2>&1 || fail "b takes it"
	ae -C "$W/b" history "Slimme parkeerhandhaving" | grep -q "Anna de Vries" || fail "algedit history"
	ae -C "$W/b" approve "Slimme parkeerhandhaving" -m "Akkoord" >/dev/null || fail "approve"
	ae -C "$W/b" sync >/dev/null 2>&1 || fail "b sends the approval"
	e2e_start "$w" "$h" --lang "$lang" -C "$W/a"
	e2e_wait "Slimme parkee"
	e2e_keys F5
	if [ "$lang" = nl ]; then e2e_wait "goedgekeurd"; else e2e_wait "approved"; fi
	e2e_keys C-q
	e2e_wait_exit
}

git init -q --bare "$W/hub.git"
[ "$(cat "$W/hub.git/HEAD")" = "ref: refs/heads/master" ] || fail "premise: the server's HEAD is not master"
journey "$W/hub.git" 80 24 nl

# ---- join on a terminal: asked who you are once, then the list opens ----
e2e_start 80 24 join "$W/hub.git" -C "$W/newcomer"
e2e_wait "Uw naam:"
e2e_type "Carla de Boer"; e2e_keys Enter
e2e_wait "Uw e-mailadres:"
e2e_type "carla@gemeente.nl"; e2e_keys Enter
e2e_wait "Slimme parkee"
e2e_wait "beschrijvingen in $W/newcomer"
e2e_keys C-q
e2e_wait_exit
[ -f "$W/newcomer/algoritmes/slimme-parkeerhandhaving.yaml" ] || fail "join on a terminal brought nothing"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$W/srv" && git init -q --bare "$W/srv/team.git"
git daemon --listen=127.0.0.1 --port="$port" --export-all --base-path="$W/srv" --enable=receive-pack \
	--reuseaddr --pid-file="$E2E_TMP/daemon.pid" 2>"$E2E_TMP/daemon.log" &
DPID=$!
n=100
until git ls-remote "git://127.0.0.1:$port/team.git" >/dev/null 2>&1; do
	n=$((n - 1)); [ $n -gt 0 ] || fail "git daemon did not start"
	sleep 0.1
done
journey "git://127.0.0.1:$port/team.git" 120 40 en
stop_daemon

# ---- a server that wants a user name and password: the editor asks them
# on the terminal, sends them, says they were refused, keeps nothing ----
python3 "$top_srcdir/tests/e2e/helpers/http401.py" "$E2E_TMP/auth.log" 60 > "$E2E_TMP/hport" &
HPID=$!
n=100
until [ -s "$E2E_TMP/hport" ]; do n=$((n - 1)); [ $n -gt 0 ] || fail "the http server did not start"; sleep 0.1; done
hport=$(head -1 "$E2E_TMP/hport")
mkdir -p "$W/c" && git -C "$W/c" init -q -b main
as "$W/c" "Anna de Vries" anna@gemeente.nl
ae -C "$W/c" new "Wmo" >/dev/null
git -C "$W/c" remote add origin "http://127.0.0.1:$hport/team/hub.git"
e2e_start 80 24 -C "$W/c"
e2e_wait "Wmo"
e2e_keys F5
e2e_wait "Aanmelden bij http://127.0.0.1:$hport/team/hub.git"
asked=0
for i in $(seq 200); do
	last=$(e2e_screen | grep -v '^$' | tail -1)
	case "$last" in
	*"Gebruikersnaam:"*) e2e_type anna; e2e_keys Enter; e2e_wait_gone_last "Gebruikersnaam:" ;;
	*"Wachtwoord:"*) e2e_type geheim-123; e2e_keys Enter; asked=$((asked + 1)); e2e_wait_gone_last "Wachtwoord:" ;;
	*) e2e_screen | grep -q "de gebruikersnaam of het wachtwoord is geweigerd" && break; sleep 0.05 ;;
	esac
done
[ $asked -ge 1 ] || fail "the password was never asked"
e2e_wait "de gebruikersnaam of het wachtwoord is geweigerd"
e2e_wait "Wmo"
grep -q "Basic $(printf 'anna:geheim-123' | base64)" "$E2E_TMP/auth.log" || fail "the credentials never reached the server"
e2e_keys C-q
e2e_wait_exit
! grep -rq 'geheim-123' "$W/c" "$E2E_TMP/home" || fail "the password was written to disk"
kill "$HPID" 2>/dev/null || true
HPID=
echo "tui-team: ok"
