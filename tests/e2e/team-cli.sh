#!/bin/sh
# The team journey on the command line, in Dutch, with a team server made
# the way IT departments make one: a plain git init --bare with no default
# branch configured (its HEAD names master, which algedit never sends).
# Connect by address (algedit sync URL), join (algedit join URL), a git
# clone's empty copy filled by sync, a conflict settled with the words sync
# shows (Leverancier, hun), descriptions named as the list shows them, and
# the same through a git daemon on 127.0.0.1. No password in an address is
# ever printed or stored.
set -eu
A=${ALGEDIT:-$(pwd)/algedit}
T=$(mktemp -d /tmp/algedit-team-XXXXXX)
DPID=
cleanup() {
	[ -n "$DPID" ] && kill "$DPID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT INT TERM
# No init.defaultBranch anywhere: git's own default applies to the server.
export HOME="$T/home" GIT_CONFIG_NOSYSTEM=1 XDG_CONFIG_HOME="$T/home" XDG_DATA_HOME="$T/data" LANGUAGE=nl LC_ALL=C.UTF-8
unset ALGEDIT_REPO GIT_DIR GIT_WORK_TREE 2>/dev/null || true
mkdir -p "$HOME"
echo "leak:libpcre2-8.so" > "$T/lsan.supp"
export LSAN_OPTIONS="suppressions=$T/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
fail() { echo "FAIL: $*" >&2; exit 1; }
as() { git config --global user.name "$1"; git config --global user.email "$2"; }
cd "$T"

git init -q --bare hub.git
[ "$(cat hub.git/HEAD)" = "ref: refs/heads/master" ] || fail "the server's HEAD is not git's default: $(cat hub.git/HEAD)"

# ---- the drafter connects by address ----
as "Anna de Vries" anna@gemeente.nl
"$A" -C anna new "Slimme parkeerhandhaving" status="In gebruik" provider="Acme" >/dev/null
"$A" -C anna sync >out 2>err && fail "sync without a server succeeded"
grep -q "nog niet verbonden met een teamserver" err || fail "no-server message: $(cat err)"
grep -q "algedit sync ADRES" err || fail "no-server message does not say how: $(cat err)"
"$A" -C anna sync "$T/hub.git" >out 2>err || fail "sync URL: $(cat out err)"
grep -q "verbonden met de teamserver $T/hub.git" out || fail "connect not reported: $(cat out)"
grep -q "de teamserver was leeg" out || fail "empty server not reported: $(cat out)"
# The server's HEAD names master: said, with the command for IT.
grep -q "git clone geeft een lege map" err || fail "HEAD on master not explained: $(cat err)"
grep -q "git symbolic-ref HEAD refs/heads/main" err || fail "no fix for IT: $(cat err)"
[ "$(git -C anna config remote.origin.url)" = "$T/hub.git" ] || fail "the address is not remembered"
"$A" -C anna sync >out 2>err || fail "sync after connecting: $(cat err)"
grep -q "alles was al bij" out || fail "second sync: $(cat out)"
! grep -q "origin" out err || fail "jargon in sync output: $(cat out err)"
# Another address is refused, nothing changed.
"$A" -C anna sync "$T/elders.git" 2>err && fail "a second server accepted"
grep -q "al verbonden met een teamserver" err || fail "second server message: $(cat err)"
[ "$(git -C anna config remote.origin.url)" = "$T/hub.git" ] || fail "the address changed"

# ---- the reviewer joins ----
as "Bob Jansen" bob@gemeente.nl
"$A" -C bob join "$T/hub.git" </dev/null >out 2>err || fail "join: $(cat out err)"
[ -f bob/algoritmes/slimme-parkeerhandhaving.yaml ] || fail "join brought no descriptions: $(cat out err)"
grep -q "de beschrijvingen van het team staan in $T/bob/" out || fail "join does not say where: $(cat out)"
# Into the default repository when no folder is given.
"$A" join "$T/hub.git" --no-open >out 2>err || fail "join into the default: $(cat out err)"
[ -f "$XDG_DATA_HOME/algedit/register/algoritmes/slimme-parkeerhandhaving.yaml" ] || fail "the default repository has no descriptions"

# ---- a teammate who used git clone: empty, then filled by sync ----
git clone -q hub.git clone 2>/dev/null
[ ! -e clone/algoritmes ] || fail "git clone of a master-HEAD server has files (test premise)"
"$A" -C clone sync >out 2>err || fail "sync in the clone: $(cat out err)"
[ -f clone/algoritmes/slimme-parkeerhandhaving.yaml ] || fail "the clone is still empty: $(cat out err)"

# ---- a conflict, settled with the words sync shows ----
as "Anna de Vries" anna@gemeente.nl
"$A" -C anna set "Slimme parkeerhandhaving" provider="Acme BV" >/dev/null || fail "set by name"
"$A" -C anna sync >/dev/null 2>&1 || fail "anna sync"
as "Bob Jansen" bob@gemeente.nl
"$A" -C bob set slimme provider="Beta Data" >/dev/null || fail "set by a prefix"
"$A" -C bob sync >out 2>err && fail "the conflict was not reported"
grep -q "slimme-parkeerhandhaving: Leverancier" err || fail "conflict message: $(cat err)"
grep -q "mijn|hun" err || fail "conflict message not in the user's words: $(cat err)"
"$A" -C bob resolve >list || true
grep -q "Slimme parkeerhandhaving: Leverancier (provider)" list || fail "resolve list: $(cat list)"
grep -q "mijn: *Beta Data" list || fail "resolve list, mine: $(cat list)"
grep -q "hun: *Acme BV" list || fail "resolve list, theirs: $(cat list)"
"$A" -C bob resolve "Slimme parkeerhandhaving" Leverancier misschien 2>err && fail "a word that is no side accepted"
grep -q "zeg mijn" err || fail "bad side message: $(cat err)"
"$A" -C bob resolve "Slimme parkeerhandhaving" Leverancier hun >out || fail "resolve with the shown words: $(cat out)"
"$A" -C bob sync >/dev/null 2>&1 || fail "sync after resolve"
grep -q "provider: Acme BV" bob/algoritmes/slimme-parkeerhandhaving.yaml || fail "theirs not taken"
"$A" -C anna sync >/dev/null 2>&1
cmp anna/algoritmes/slimme-parkeerhandhaving.yaml bob/algoritmes/slimme-parkeerhandhaving.yaml || fail "anna and bob differ"

# ---- names as the list shows them ----
"$A" -C bob log "Slimme parkeerhandhaving" >out || fail "log by name"
grep -q "Anna de Vries" out || fail "log by name: $(cat out)"
"$A" -C bob log "SLIMME PARKEERHANDHAVING" >/dev/null || fail "log by name in capitals"
"$A" -C bob log "Slime parkeerhandhaving" 2>err && fail "a misspelt name accepted"
grep -q 'bedoelt u "Slimme parkeerhandhaving" (slimme-parkeerhandhaving)' err || fail "no suggestion: $(cat err)"
"$A" -C bob ask-review "Slimme parkeerhandhaving" -m "Graag kijken" >/dev/null || fail "ask-review by name"
"$A" -C bob log slimme-parkeerhandhaving >out
grep -q "\[review gevraagd " out || fail "review event not in Dutch: $(cat out)"
! grep -q "ask-review" out || fail "jargon in the Dutch history: $(cat out)"
"$A" -C bob comment "Slimme parkeerhandhaving" provider "Voluit graag" >out || fail "comment by name"
grep -q "(ID [0-9a-f]*)" out || fail "the comment's ID is not said: $(cat out)"
! grep -Eq '\[[0-9a-f]{7}\]' out || fail "a commit code as the name of what was done: $(cat out)"

# ---- a password in the address is neither printed nor stored ----
"$A" -C lone new "Alleen" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$A" -C lone sync "http://anna:GeheimWachtwoord@127.0.0.1:$port/team.git" >out 2>err && fail "sync to a closed port"
! grep -q GeheimWachtwoord out err || fail "the password was printed: $(cat out err)"
! grep -rq GeheimWachtwoord lone/.git/config || fail "the password was stored"

# ---- over the git protocol, a server made the same way ----
mkdir srv && git init -q --bare srv/team.git
git daemon --listen=127.0.0.1 --port="$port" --export-all --base-path="$T/srv" --enable=receive-pack \
	--reuseaddr --pid-file="$T/daemon.pid" 2>daemon.log &
DPID=$!
for i in $(seq 100); do
	git ls-remote "git://127.0.0.1:$port/team.git" >/dev/null 2>&1 && break
	sleep 0.1
done
export LANGUAGE=en
as "Anna de Vries" anna@gemeente.nl
"$A" -C anna2 new "Wmo toewijzing" status="In gebruik" >/dev/null
"$A" -C anna2 sync "git://127.0.0.1:$port/team.git" >out 2>err || fail "sync over git://: $(cat out err)"
grep -q "the team server was empty" out || fail "git://: empty server: $(cat out)"
grep -q "git symbolic-ref HEAD refs/heads/main" err || fail "git://: HEAD on master not explained: $(cat err)"
as "Bob Jansen" bob@gemeente.nl
"$A" -C bob2 join "git://127.0.0.1:$port/team.git" </dev/null >out 2>err || fail "join over git://: $(cat out err)"
[ -f bob2/algoritmes/wmo-toewijzing.yaml ] || fail "join over git:// brought nothing"
"$A" -C bob2 set wmo goal="Toewijzen." >/dev/null
"$A" -C bob2 sync >/dev/null 2>&1 || fail "bob2 sync"
"$A" -C anna2 sync >/dev/null 2>&1 || fail "anna2 sync"
grep -q "Toewijzen." anna2/algoritmes/wmo-toewijzing.yaml || fail "git://: bob's change did not arrive"
# IT sets HEAD right: the note is gone, git clone works.
git -C srv/team.git symbolic-ref HEAD refs/heads/main
"$A" -C anna2 set wmo status="Buiten gebruik" >/dev/null
"$A" -C anna2 sync >out 2>err || fail "sync after the fix"
! grep -q "symbolic-ref" err || fail "note after the fix: $(cat err)"
git clone -q "git://127.0.0.1:$port/team.git" clone2
[ -f clone2/algoritmes/wmo-toewijzing.yaml ] || fail "git clone after the fix is empty"
kill "$DPID"; wait "$DPID" 2>/dev/null || true; DPID=
echo "team-cli: ok"
