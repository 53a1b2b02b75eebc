#!/bin/sh
# The register token reaches only the register. A drafts repository comes
# from others through sync; its .algedit/config may name the register's
# address, but only one of the register's own hosts, as libcurl reads it.
# A local HTTPS listener on 127.0.0.1 (a test CA made here) stands for the
# attacker: it must never see a request, let alone the Authorization header,
# for any of the tricks (userinfo, %40, \, ;@, #@, ?@, a trailing dot, an
# IPv6 literal). A register that answers with a redirect: the redirect is
# not followed, so the second listener sees nothing.
set -u
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
command -v openssl >/dev/null || { echo "SKIP: openssl is not installed"; exit 77; }
A=${ALGEDIT:-$(pwd)/algedit}
T=$(mktemp -d /tmp/algedit-token.XXXXXX)
SRV= SRV2=
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
	[ -n "$SRV" ] && kill "$SRV" 2>/dev/null
	[ -n "$SRV2" ] && kill "$SRV2" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
export HOME="$T/home" GIT_CONFIG_NOSYSTEM=1 XDG_CONFIG_HOME="$T/home/.config" LANGUAGE=en LANG=C.UTF-8
unset ALGEDIT_REPO ALGEDIT_REGISTER_TOKEN CURL_CA_BUNDLE LC_ALL
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global user.name Anna
git config --global user.email anna@example.nl
fails=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
cd "$T" || exit 1
TOKEN="eyJ0ZXN0.$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n').sig"

ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
printf '%s\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature' \
	'extendedKeyUsage=serverAuth' 'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost' > server.ext
# shellcheck disable=SC2086 # $ec is several options
if ! { openssl req -x509 $ec -keyout ca.key -out ca.pem -days 2 -subj "/CN=algedit test CA" \
		-addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" &&
	openssl req $ec -keyout server.key -out server.csr -subj "/CN=localhost" &&
	openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
		-extfile server.ext -out server.pem; } > openssl.log 2>&1; then
	echo "FAIL: openssl could not make the test certificates:"; sed 's/^/    /' openssl.log; exit 1
fi
export CURL_CA_BUNDLE="$T/ca.pem"

# A listener: logs "METHOD PATH auth=yes|no" for each request; answers a
# redirect to $REDIRECT when that is set, else a new description's code.
cat > listen.py <<'PY'
import http.server, json, os, socket, ssl, sys, threading
log, cert, key, fam = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def log_message(self, *a):
        pass
    def any(self):
        self.rfile.read(int(self.headers.get('Content-Length') or 0))
        with open(log, 'a') as f:
            f.write('%s %s auth=%s\n' % (self.command, self.path, 'yes' if self.headers.get('Authorization') else 'no'))
        to = os.environ.get('REDIRECT')
        if to:
            self.send_response(302)
            self.send_header('Location', to + self.path)
            self.send_header('Content-Length', '0')
            self.end_headers()
            return
        data = json.dumps({'lars_code': '87654321'}).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    do_POST = do_PUT = do_GET = any
class S(http.server.ThreadingHTTPServer):
    address_family = socket.AF_INET6 if fam == '6' else socket.AF_INET
srv = S(('::1' if fam == '6' else '127.0.0.1', 0), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
print(srv.server_address[1], flush=True)
threading.Timer(120, srv.shutdown).start()
srv.serve_forever()
PY
start() { # LOG PORTFILE FAMILY: starts a listener, its pid in $pid
	python3 listen.py "$T/$1" server.pem server.key "$3" > "$2" 2> "$2.err" &
	pid=$!
	for _ in $(seq 100); do [ -s "$2" ] && break; sleep 0.05; done
}
start evil.log evil.port 4
SRV=$pid
port=$(head -1 evil.port)
[ -n "$port" ] || { echo "FAIL: the listener did not start: $(cat evil.port.err)"; exit 1; }
# The same listener on ::1 where the machine has IPv6.
port6=
if python3 -c 'import socket; socket.socket(socket.AF_INET6).bind(("::1", 0))' 2>/dev/null; then
	start evil6.log evil6.port 6
	SRV2=$pid
	port6=$(head -1 evil6.port)
fi

run() { o=$1; shift; "$A" "$@" > "$o" 2>&1 < /dev/null; rc=$?; cat "$o" >> all.out; }
seen() { cat evil.log evil6.log 2>/dev/null | wc -l; }

git init -q a
run out -C a new "Parkeren vergunningen" description_short="Kort" organization="Gemeente Test" \
	status="In gebruik" contact_email="a@test.nl" publication_category="Impactvolle algoritmes"
[ "$rc" = 0 ] || { echo "FAIL: new: $(cat out)"; exit 1; }
slug=parkeren-vergunningen
export ALGEDIT_REGISTER_TOKEN="$TOKEN"
mkdir -p a/.algedit

# ---- the repository's register.url: each trick is refused, nothing is sent ----
for u in \
	"https://algoritmes.overheid.nl:443@127.0.0.1:$port/aanleverapi" \
	"https://algoritmes.overheid.nl@127.0.0.1:$port/aanleverapi" \
	"https://algoritmes.overheid.nl%40127.0.0.1:$port/aanleverapi" \
	"https://algoritmes.overheid.nl\\@127.0.0.1:$port/aanleverapi" \
	"https://x.overheid.nl;y@127.0.0.1:$port/aanleverapi" \
	"https://127.0.0.1:$port/#@algoritmes.overheid.nl" \
	"https://127.0.0.1:$port/?@algoritmes.overheid.nl" \
	"https://127.0.0.1:$port/.overheid.nl" \
	"https://localhost.:$port/aanleverapi" \
	"https://0x7f000001:$port/x.overheid.nl" \
	${port6:+"https://[::1]:$port6/aanleverapi"} \
	${port6:+"https://algoritmes.overheid.nl@[::1]:$port6/aanleverapi"}; do
	git config -f a/.algedit/config register.url "$u"
	n=$(seen)
	run out -C a publish "$slug" --org gm0363 --force
	if [ "$(seen)" != "$n" ]; then
		fail "repository url $u: the listener got: $(tail -1 evil.log evil6.log 2>/dev/null)"
	elif [ "$rc" != 1 ] || ! grep -q "your token is not sent there" out; then
		fail "repository url $u: exit $rc: $(cat out)"
	else
		ok "repository url $u: refused, nothing sent"
	fi
done
grep -q "^lars:" "a/algoritmes/$slug.yaml" && fail "a code from the listener was saved: $(grep lars "a/algoritmes/$slug.yaml")"

# Given by the person (--url, or their own config): a name or password
# before an @ is refused all the same, the host is theirs to choose.
for u in "https://algoritmes.overheid.nl:443@127.0.0.1:$port/aanleverapi" "https://u:p@localhost:$port/aanleverapi"; do
	n=$(seen)
	run out -C a publish "$slug" --org gm0363 --force --url "$u"
	[ "$(seen)" = "$n" ] && [ "$rc" = 1 ] && grep -q "before an @" out && ok "--url $u: refused" ||
		fail "--url $u: exit $rc, listener $(seen) (was $n): $(cat out)"
done
LANGUAGE=nl run out -C a publish "$slug" --org gm0363 --force --url "https://a@localhost:$port/aanleverapi"
grep -q "voor een @" out && ok "in Dutch: $(head -1 out | cut -c1-90)" || fail "Dutch message: $(cat out)"
rm a/.algedit/config

# ---- a redirect is not followed: the token stays with the register ----
start target.log target.port 4
TGT=$pid
tport=$(head -1 target.port)
kill "$SRV"; wait "$SRV" 2>/dev/null
REDIRECT="https://localhost:$tport" start reg.log reg.port 4
SRV=$pid
rport=$(head -1 reg.port)
run out -C a publish "$slug" --org gm0363 --force --url "https://localhost:$rport/aanleverapi"
if [ -s target.log ]; then
	fail "redirect followed: the target got $(cat target.log)"
elif [ "$rc" != 1 ] || ! grep -q "HTTP 302" out; then
	fail "redirect: exit $rc: $(cat out)"
else
	ok "redirect: not followed ($(cut -c1-80 out | head -1))"
fi
[ "$(wc -l < reg.log)" = 1 ] || fail "redirect: the register got $(wc -l < reg.log) requests"
kill "$TGT" 2>/dev/null

grep -qF "$TOKEN" all.out && fail "the token is in algedit's output"
[ "$fails" = 0 ] || exit 1
