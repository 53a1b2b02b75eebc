#!/bin/sh
# algedit sync over ssh, against an sshd that this test starts on 127.0.0.1
# with its own host key, and stops: a key in a real ssh-agent pushes and a
# second clone syncs the change back; no usable key, a wrong key, an unknown
# or changed host key each give one clear message, lose nothing, and leave
# no credentials on disk. The server's key is accepted when it is in
# ~/.ssh/known_hosts (plain or hashed), as ssh itself does.
set -eu
A=${ALGEDIT:-$(pwd)/algedit}
SSHD=/usr/sbin/sshd   # sshd refuses to start by a relative path
for p in "$SSHD" ssh-keygen ssh-agent ssh-add git python3; do
	command -v "$p" >/dev/null 2>&1 || { echo "SKIP: $p is not installed (openssh-server, openssh-client)"; exit 77; }
done
# Privilege separation: sshd will not start without its empty directory.
if [ ! -d /run/sshd ] && ! mkdir -p -m 0755 /run/sshd 2>/dev/null; then
	echo "SKIP: /run/sshd is missing and cannot be made (sshd needs it; run as root)"
	exit 77
fi
T=$(mktemp -d /tmp/algedit-ssh-XXXXXX)
SPID= APID=
cleanup() {
	[ -n "$SPID" ] && kill "$SPID" 2>/dev/null
	[ -n "$APID" ] && kill "$APID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT INT TERM
ME=$(id -un)
export HOME="$T/home" GIT_CONFIG_NOSYSTEM=1 XDG_CONFIG_HOME="$T/home" LANGUAGE=en LC_ALL=C.UTF-8
unset SSH_AUTH_SOCK SSH_AGENT_PID
mkdir -p "$HOME/.ssh"
git config --global user.name "Anna" && git config --global user.email anna@example.nl
git config --global init.defaultBranch main
# libgit2 1.5.1 leaks PCRE2 match data in fetch (see store-sync.sh), and its
# ssh transport leaks on every connection it makes: the known_hosts list it
# loads through libssh2 (freed only when connecting fails) and the strings
# naming that file. Both are allocated inside git_remote_connect_ext; the
# full stack (no fast unwinding through the libraries' frames) is needed to
# see that.
printf 'leak:libpcre2-8.so\nleak:libssh2.so\nleak:git_remote_connect_ext\n' > "$T/lsan.supp"
export LSAN_OPTIONS="suppressions=$T/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export ASAN_OPTIONS="fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
fail() {
	echo "FAIL: $*" >&2
	[ -f "$T/sshd.log" ] && sed 's/^/sshd: /' "$T/sshd.log" | tail -20 >&2
	exit 1
}
cd "$T"

# ---- the server: own host key, own authorized keys, 127.0.0.1 only ----
ssh-keygen -q -t ed25519 -N '' -C host -f "$T/host_key"
ssh-keygen -q -t ed25519 -N '' -C anna -f "$T/id_anna"
ssh-keygen -q -t ed25519 -N '' -C stranger -f "$T/id_wrong"
cp "$T/id_anna.pub" "$T/authorized_keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$T/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $T/host_key
PidFile $T/sshd.pid
AuthorizedKeysFile $T/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
AllowUsers $ME
LogLevel VERBOSE
EOF
"$SSHD" -D -e -f "$T/sshd_config" 2>"$T/sshd.log" &
SPID=$!
up=
for i in $(seq 50); do
	python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$port" 2>/dev/null && { up=1; break; }
	kill -0 "$SPID" 2>/dev/null || break
	sleep 0.1
done
[ -n "$up" ] || fail "sshd did not start"

# ---- the agent ----
ssh-agent -D -a "$T/agent.sock" >/dev/null 2>&1 &
APID=$!
for i in $(seq 50); do [ -S "$T/agent.sock" ] && break; sleep 0.1; done
AGENT="$T/agent.sock"

# ---- repositories: a bare one reached over ssh ----
git init -q --bare "$T/hub.git"
URL="ssh://$ME@127.0.0.1:$port$T/hub.git"
"$A" -C a new "Parkeren" status="In gebruik" goal="Controle van parkeren." >/dev/null
git -C a remote add origin "$URL"
head0=$(git -C a rev-parse HEAD)
# No terminal (stdin is not one): nothing can be asked. Bounded in time.
sync_a() { SSH_AUTH_SOCK=${1:-} timeout 60 "$A" -C a sync </dev/null >out 2>err; }
# What a failed sync must leave alone: the commit, the file, and no credentials.
intact() {
	[ "$(git -C a rev-parse HEAD)" = "$head0" ] || fail "$1: HEAD moved"
	grep -q "Controle van parkeren" a/algoritmes/parkeren.yaml || fail "$1: text lost"
	[ -z "$(git -C a status --porcelain)" ] || fail "$1: work tree changed"
	git -C a fsck --no-progress >/dev/null 2>&1 || fail "$1: repository damaged"
}

# ---- an unknown server: refused, with what to do ----
SSH_AUTH_SOCK=$AGENT ssh-add -q "$T/id_anna" 2>/dev/null
if sync_a "$AGENT"; then fail "sync to an unknown host accepted"; fi
grep -q "ssh -p $port $ME@127.0.0.1" err || fail "unknown host message: $(cat err)"
intact "unknown host"
[ ! -s "$HOME/.ssh/known_hosts" ] || fail "algedit wrote known_hosts itself"
# A different key under the server's name (a changed key, or someone else
# answering): refused the same way.
printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1,2 "$T/id_wrong.pub")" > "$HOME/.ssh/known_hosts"
if sync_a "$AGENT"; then fail "sync with a changed host key accepted"; fi
grep -q "ssh -p $port $ME@127.0.0.1" err || fail "changed host key message: $(cat err)"
intact "changed host key"
# The real key, hashed as Debian's ssh writes it (HashKnownHosts yes).
printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1,2 "$T/host_key.pub")" > "$HOME/.ssh/known_hosts"
ssh-keygen -q -H -f "$HOME/.ssh/known_hosts" >/dev/null 2>&1
rm -f "$HOME/.ssh/known_hosts.old"
grep -q '^|1|' "$HOME/.ssh/known_hosts" || fail "known_hosts not hashed"

# ---- no agent, and no terminal to ask on ----
if sync_a ""; then fail "sync without credentials succeeded"; fi
grep -q "did not accept your credentials: no ssh-agent" err || fail "no-agent message: $(cat err)"
intact "no agent"
# An agent that has gone away (its socket left behind, or never there).
if sync_a "$T/gone.sock"; then fail "sync with a gone agent succeeded"; fi
grep -q "did not accept your credentials: no ssh-agent" err || fail "gone agent message: $(cat err)"
intact "gone agent"
# ---- an agent whose key the server does not know ----
SSH_AUTH_SOCK=$AGENT ssh-add -q -D 2>/dev/null
SSH_AUTH_SOCK=$AGENT ssh-add -q "$T/id_wrong" 2>/dev/null
if sync_a "$AGENT"; then fail "sync with a wrong key succeeded"; fi
grep -q "did not accept your credentials: none of the keys in your ssh-agent" err || fail "wrong-key message: $(cat err)"
intact "wrong key"
# An empty agent.
SSH_AUTH_SOCK=$AGENT ssh-add -q -D 2>/dev/null
if sync_a "$AGENT"; then fail "sync with an empty agent succeeded"; fi
grep -q "did not accept your credentials" err || fail "empty agent message: $(cat err)"
intact "empty agent"
[ -z "$(git -C "$T/hub.git" rev-parse -q --verify refs/heads/main)" ] || fail "something was pushed without credentials"

# ---- the right key in the agent: push, and a second clone syncs back ----
SSH_AUTH_SOCK=$AGENT ssh-add -q "$T/id_anna" 2>/dev/null
sync_a "$AGENT" || fail "sync over ssh: $(cat err)"
grep -q "your versions are sent" out || fail "push not reported: $(cat out)"
[ "$(git -C "$T/hub.git" rev-parse refs/heads/main)" = "$head0" ] || fail "hub does not have the commit"
git clone -q "$T/hub.git" b && git -C b config user.name Bob && git -C b config user.email bob@example.nl
# Without a user in the url: the login name, as ssh uses.
git -C b remote set-url origin "ssh://127.0.0.1:$port$T/hub.git"
"$A" -C b set parkeren goal="Controle van betaald parkeren." >/dev/null
SSH_AUTH_SOCK=$AGENT timeout 60 "$A" -C b sync </dev/null >out 2>err || fail "sync b over ssh: $(cat err)"
sync_a "$AGENT" || fail "sync back over ssh: $(cat err)"
grep -q "new versions from the team server are here" out || fail "fetch not reported: $(cat out)"
grep -q "betaald" a/algoritmes/parkeren.yaml || fail "change did not come back"
cmp a/algoritmes/parkeren.yaml b/algoritmes/parkeren.yaml || fail "a and b differ"

# ---- nothing about credentials on disk ----
pub=$(cut -d' ' -f2 "$T/id_anna.pub")
priv=$(sed -n 2p "$T/id_anna")
for d in a b "$HOME"; do
	if grep -rqF -e "$pub" -e "$priv" "$d"; then fail "key material written under $d"; fi
done
grep -qi 'credential\|password\|identity' a/.git/config && fail "credentials in a/.git/config"

kill "$SPID"; wait "$SPID" 2>/dev/null || true; SPID=
kill "$APID"; wait "$APID" 2>/dev/null || true; APID=
echo "store-ssh: ok"
