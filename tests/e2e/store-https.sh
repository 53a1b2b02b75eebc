#!/bin/sh
# algedit sync over https, against git servers on 127.0.0.1 that this test
# starts and stops (tests/e2e/helpers/https_git.py), with certificates it
# makes itself: a test CA, a server certificate signed by it, and an
# unrelated self-signed one.
#  a. A server whose CA is not trusted is refused, with a message that says
#     how to name a CA file; nothing changes here or on the server.
#  b. A CA named by GIT_SSL_CAINFO, or by git config http.sslCAInfo, is
#     trusted; a certificate it did not sign still is not.
#  c. Without either, the system's CA bundle is what is trusted (as root, in
#     a private mount namespace that puts the test CA in its place, so also
#     on a machine that has no bundle, without ca-certificates).
#  d. Without any CA bundle (hidden in a private mount namespace, as root) a
#     save works, the server is refused, and GIT_SSL_CAINFO still works.
#
# The remote is named localhost, not 127.0.0.1: Debian's libgit2 verifies
# with mbedTLS 2.28, which matches the address only against the DNS names of
# a certificate's subjectAltName, never against its IP addresses.
set -u
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
command -v openssl >/dev/null || { echo "SKIP: openssl is not installed"; exit 77; }
[ -x "$(git --exec-path)/git-http-backend" ] || { echo "SKIP: git http-backend is not installed"; exit 77; }
getent ahostsv4 localhost 2>/dev/null | grep -q '^127\.0\.0\.1 ' ||
	{ echo "SKIP: the name localhost does not lead to 127.0.0.1 here (/etc/hosts lacks '127.0.0.1 localhost'; ./setup.sh test adds it)"; exit 77; }
A=${ALGEDIT:-$(pwd)/algedit}
HELPER=${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/helpers/https_git.py
T=$(mktemp -d /tmp/algedit-https.XXXXXX)
S1=
S2=
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
	[ -n "$S1" ] && kill "$S1" 2>/dev/null
	[ -n "$S2" ] && kill "$S2" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
export HOME="$T/home" GIT_CONFIG_NOSYSTEM=1 XDG_CONFIG_HOME="$T/home" LANGUAGE=en LANG=C.UTF-8
unset ALGEDIT_REPO GIT_DIR GIT_WORK_TREE GIT_SSL_CAINFO GIT_SSL_CAPATH GIT_SSL_NO_VERIFY LC_ALL
mkdir -p "$HOME"
git config --global init.defaultBranch main
# libgit2 1.5.1 leaks PCRE2 match data when a refspec pattern does not match
# (fixed upstream in libgit2 pull request 6382); under ASan that is not ours.
echo "leak:libpcre2-8.so" > "$T/lsan.supp"
export LSAN_OPTIONS="suppressions=$T/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
fails=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
cd "$T" || exit 1

# ---- certificates ----
ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
printf '%s\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature' \
	'extendedKeyUsage=serverAuth' 'subjectAltName=IP:127.0.0.1,DNS:localhost' > server.ext
# shellcheck disable=SC2086 # $ec is several options
if ! { openssl req -x509 $ec -keyout ca.key -out ca.pem -days 2 -subj "/CN=algedit test CA" \
		-addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" &&
	openssl req $ec -keyout server.key -out server.csr -subj "/CN=localhost" &&
	openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
		-extfile server.ext -out server.pem &&
	openssl req -x509 $ec -keyout other.key -out other.pem -days 2 -subj "/CN=localhost" \
		-addext "subjectAltName=IP:127.0.0.1,DNS:localhost"; } > openssl.log 2>&1; then
	echo "FAIL: openssl could not make the test certificates:"; sed 's/^/    /' openssl.log; exit 1
fi

# ---- the servers: one with the CA's certificate, one with the other ----
mkdir srv && git init -q --bare srv/hub.git
serve() { # NAME CERT KEY: starts a server on srv/, sets srv_pid and srv_port
	python3 "$HELPER" "$T/srv" "$2" "$3" 60 > "$1.port" 2> "$1.log" &
	srv_pid=$!
	for _ in $(seq 50); do [ -s "$1.port" ] && break; sleep 0.1; done
	srv_port=$(head -1 "$1.port")
	[ -n "$srv_port" ] || { echo "FAIL: the https test server did not start: $(cat "$1.log")"; exit 1; }
}
serve ca server.pem server.key
S1=$srv_pid
url="https://localhost:$srv_port/hub.git"
serve other other.pem other.key
S2=$srv_pid
other="https://localhost:$srv_port/hub.git"

hub() { git -C srv/hub.git rev-parse -q --verify refs/heads/main; }
synced() { # WHAT: the server's main is a's HEAD
	if [ "$(hub)" = "$(git -C a rev-parse HEAD)" ]; then ok "$1"; else fail "$1: the server has '$(hub)', a has $(git -C a rev-parse HEAD)"; fi
}
refused() { # WHAT HUB-BEFORE [WHY [ADVICE]]: the last sync (out, rc) was refused, nothing changed;
	# the message gives the reason (default: not trusted) and what to do (default: name a CA
	# with http.sslCAInfo)
	why=${3:-is not trusted}; advice=${4:-http.sslCAInfo}
	if [ "$rc" = 0 ]; then
		fail "$1: sync succeeded: $(cat out)"
	elif ! grep -q "$why" out || ! grep -q "$advice" out; then
		fail "$1: exit $rc, but the message does not say '$why' and '$advice': $(cat out)"
	elif [ "$(hub)" != "$2" ]; then
		fail "$1: refused, but the server's main moved from '$2' to '$(hub)'"
	else
		ok "$1: $(cut -c1-110 out | head -1)..."
	fi
}

git init -q a && git -C a config user.name Anna && git -C a config user.email anna@example.nl
"$A" -C a new "Parkeren" > /dev/null || { echo "FAIL: new"; exit 1; }
git -C a remote add origin "$url"
git -C a remote add other "$other"

# ---- a. untrusted: the CA is nobody's ----
head0=$(git -C a rev-parse HEAD)
"$A" -C a sync > out 2>&1; rc=$?
refused "untrusted CA refused" ""
if [ "$(git -C a rev-parse HEAD)" != "$head0" ] || [ -n "$(git -C a status --porcelain)" ] ||
	[ -n "$(git -C a for-each-ref refs/remotes)" ]; then
	fail "untrusted: the drafts repository changed"
fi
[ -z "$(git -C srv/hub.git for-each-ref)" ] || fail "untrusted: the server's repository changed"

# ---- b. a CA named by GIT_SSL_CAINFO, then by http.sslCAInfo ----
GIT_SSL_CAINFO="$T/ca.pem" "$A" -C a sync > out 2>&1; rc=$?
[ $rc = 0 ] || fail "GIT_SSL_CAINFO: sync failed, exit $rc: $(cat out)"
synced "GIT_SSL_CAINFO: the CA it names is trusted, the draft is on the server"
"$A" -C a set parkeren status="In gebruik" > /dev/null || fail "set status"
before=$(hub)
GIT_SSL_CAINFO="$T/ca.pem" "$A" -C a sync other > out 2>&1; rc=$?
refused "GIT_SSL_CAINFO: a certificate that CA did not sign is still refused" "$before" \
	"is not trusted" "Only the certificates in $T/ca.pem are trusted, named by the environment variable GIT_SSL_CAINFO"
# The right CA, but the address is an IP address the certificate does not
# name (as mbedTLS matches names): the message says to use the name.
git -C a remote add byip "https://127.0.0.1:${url##*:}"
GIT_SSL_CAINFO="$T/ca.pem" "$A" -C a sync byip > out 2>&1; rc=$?
refused "an IP address in the address is refused as another name" "$before" \
	"is made out to another name than the one in the address" "remote set-url byip https://NAME/"
git -C a config http.sslCAInfo "$T/ca.pem"
"$A" -C a sync > out 2>&1; rc=$?
[ $rc = 0 ] || fail "http.sslCAInfo: sync failed, exit $rc: $(cat out)"
synced "http.sslCAInfo: the CA it names is trusted, the change is on the server"
git -C a config --unset http.sslCAInfo

# ---- c. the system's CA bundle is what libgit2 trusts by default ----
bundle=/etc/ssl/certs/ca-certificates.crt
# libgit2 reads /etc/gitconfig whatever GIT_CONFIG_NOSYSTEM says: a CA named
# there would stand in for the bundle in c and d.
sysca=$(git config -f /etc/gitconfig --get-regexp '^http\.sslca(info|path)$' 2>/dev/null)
# Runs "$@" with the test CA as the system's bundle, seen only by this
# process and its children: an empty folder is mounted over the bundle's
# folder and the test CA put there, so the system need not have a bundle.
# shellcheck disable=SC2016 # expanded by the inner sh
as_system() {
	unshare -m sh -c 'mount -t tmpfs -o size=1m,mode=0755 algedit-test-ca "${2%/*}" && cp "$1" "$2" && shift 2 && exec "$@"' \
		sh "$T/ca.pem" "$bundle" "$@"
}
system=
if [ -n "$sysca" ]; then
	echo "skip: the system CA bundle (/etc/gitconfig names a CA: $sysca)"
elif [ "$(id -u)" != 0 ]; then
	echo "skip: the system CA bundle (needs root, for a private mount namespace)"
elif [ ! -d "${bundle%/*}" ]; then
	echo "skip: the system CA bundle (there is no folder ${bundle%/*} to put the test CA in)"
elif ! command -v unshare >/dev/null || ! as_system test -f "$bundle" 2>/dev/null; then
	echo "skip: the system CA bundle (unshare cannot make a private mount namespace here)"
else
	system=as_system
	"$A" -C a set parkeren goal="Controle van betaald parkeren." > /dev/null || fail "set goal"
	before=$(hub)
	as_system "$A" -C a sync other > out 2>&1; rc=$?
	refused "system bundle: a certificate its CAs did not sign is refused" "$before"
	as_system "$A" -C a sync > out 2>&1; rc=$?
	[ $rc = 0 ] || fail "system bundle: sync failed, exit $rc: $(cat out)"
	synced "system bundle: its CA is trusted without GIT_SSL_CAINFO or http.sslCAInfo"
fi

# ---- d. a machine without a CA bundle (no ca-certificates) ----
# An empty folder is mounted over the bundle's folder: libgit2 finds no
# bundle when it starts. A save works, the server is not trusted, and the CA
# the user names still is.
no_bundle() {
	unshare -m sh -c 'mount -t tmpfs -o size=1m,mode=0755 algedit-no-ca "${1%/*}" && shift && exec "$@"' \
		sh "$bundle" "$@"
}
if [ -n "$sysca" ]; then
	echo "skip: no CA bundle (/etc/gitconfig names a CA: $sysca)"
elif [ "$(id -u)" != 0 ] || [ ! -d "${bundle%/*}" ] || ! command -v unshare >/dev/null ||
	! no_bundle test ! -e "$bundle" 2>/dev/null; then
	if [ -e "$bundle" ]; then
		echo "skip: no CA bundle (needs root and unshare, to hide $bundle in a private mount namespace)"
	else
		ok "no CA bundle: this machine has none, so a to c ran without one"
	fi
else
	no_bundle "$A" -C a set parkeren goal="Zonder certificatenbundel." > out 2>&1 || fail "no CA bundle: save failed: $(cat out)"
	before=$(hub)
	no_bundle "$A" -C a sync > out 2>&1; rc=$?
	refused "no CA bundle: the server is not trusted" "$before"
	GIT_SSL_CAINFO="$T/ca.pem" no_bundle "$A" -C a sync > out 2>&1; rc=$?
	[ $rc = 0 ] || fail "no CA bundle: sync with GIT_SSL_CAINFO failed, exit $rc: $(cat out)"
	synced "no CA bundle: the CA named by GIT_SSL_CAINFO is trusted"
fi

kill "$S1" "$S2" 2>/dev/null
exit $((fails > 0))
