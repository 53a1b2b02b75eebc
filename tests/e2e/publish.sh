#!/bin/sh
# algedit publish against a local HTTPS server that this test starts: it
# speaks the register's submission API (/aanleverapi/v1_0/organizations/
# {org}/algorithms, POST -> {"lars_code"}, PUT .../{lars} -> null or
# {"message": "NO_CHANGES"}, 422 with a FastAPI detail, 429 with Retry-After,
# 401, 403, 404, 500), with a test CA made here by openssl.
#  - Not approved: refused, nothing sent; --force sends.
#  - --dry-run shows method, URL, headers (token hidden) and the body that
#    algedit export prints; nothing is sent.
#  - POST: the code is saved in the file as lars (a commit); the body sent is
#    export's; a teammate's clone then publishes with PUT.
#  - Each answer says what it means; 422 becomes findings like check's.
#  - The token (env or register.token-command) is never in any output, in
#    any file under the test's folders, or in the repositories' history.
#  - libcurl is not linked: only publish opens it.
set -u
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
command -v openssl >/dev/null || { echo "SKIP: openssl is not installed"; exit 77; }
A=${ALGEDIT:-$(pwd)/algedit}
T=$(mktemp -d /tmp/algedit-publish.XXXXXX)
SRV=
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
	[ -n "$SRV" ] && kill "$SRV" 2>/dev/null
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
# A token no one could guess, never written to a file by this test.
TOKEN="eyJ0ZXN0.$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n').sig"
export TOKEN

# ---- certificates ----
ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
printf '%s\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature' \
	'extendedKeyUsage=serverAuth' 'subjectAltName=IP:127.0.0.1,DNS:localhost' > server.ext
# shellcheck disable=SC2086 # $ec is several options
if ! { openssl req -x509 $ec -keyout ca.key -out ca.pem -days 2 -subj "/CN=algedit test CA" \
		-addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" &&
	openssl req $ec -keyout server.key -out server.csr -subj "/CN=localhost" &&
	openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
		-extfile server.ext -out server.pem; } > openssl.log 2>&1; then
	echo "FAIL: openssl could not make the test certificates:"; sed 's/^/    /' openssl.log; exit 1
fi

# ---- the register: answers what srv/answers says, one word per request ----
# (the last word stays for the requests after it); logs each request as
# "METHOD PATH auth=ok|bad|none" and keeps the bodies.
mkdir srv
DETAIL='{"detail": [{"loc": ["body", "name"], "msg": "Value error, name exceeds the maximum length of 100 characters.", "type": "value_error"}]}'
VEC=${SHARED_DIR:-${top_srcdir:-.}/../shared}/reference/oracle/vectors.jsonl
if [ -f "$VEC" ]; then
	# The register's own answer for a name one character too long.
	DETAIL=$(python3 -c 'import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    v = json.loads(l)
    if v["id"] == "length/name/max+1":
        print(json.dumps({"detail": [dict(e, loc=["body"] + e["loc"]) for e in v["errors"]]}))' "$VEC")
else
	echo "note: ../shared/reference is absent; the 422 detail is the copy in this test"
fi
export DETAIL
cat > srv/register.py <<'PY'
import http.server, json, os, ssl, sys, threading, time
root, cert, key = sys.argv[1], sys.argv[2], sys.argv[3]
PREFIX = '/aanleverapi/v1_0/organizations/'

class Register(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def log_message(self, *a):
        pass
    def answer(self, status, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        for h in headers:
            self.send_header(*h)
        self.end_headers()
        self.wfile.write(data)
    def next_answer(self):
        p = os.path.join(root, 'answers')
        words = open(p).read().split()
        if len(words) > 1:
            open(p, 'w').write(' '.join(words[1:]))
        return words[0]
    def listed(self):
        p = os.path.join(root, 'list')
        return json.load(open(p)) if os.path.exists(p) else []
    def handle_get(self):
        # Look-ups (the organisation's list, a description's state): logged
        # apart, so that the counts of sent descriptions stay as they were.
        auth = self.headers.get('Authorization')
        with open(os.path.join(root, 'gets'), 'a') as f:
            f.write('GET %s auth=%s\n' % (self.path, 'ok' if auth == 'Bearer ' + os.environ['TOKEN'] else 'bad'))
        if auth != 'Bearer ' + os.environ['TOKEN']:
            return self.answer(401, {'detail': 'Not authenticated'})
        parts = self.path[len(PREFIX):].split('/')
        if len(parts) == 2 and parts[1] == 'algorithms':
            return self.answer(200, self.listed())
        if len(parts) == 3 and parts[1] == 'algorithms':
            p = os.path.join(root, 'state')
            st = open(p).read().strip() if os.path.exists(p) else 'STATE_1'
            return self.answer(200, {'lars': parts[2], 'state': st})
        return self.answer(404, {'detail': 'Not Found'})
    def store(self, body, lars):
        d = json.loads(body)
        l = self.listed() + [{'name': d.get('name'), 'source_id': d.get('source_id'), 'lars': lars}]
        json.dump(l, open(os.path.join(root, 'list'), 'w'))
    def handle_any(self):
        if self.command == 'GET':
            return self.handle_get()
        body = self.rfile.read(int(self.headers.get('Content-Length') or 0))
        auth = self.headers.get('Authorization')
        state = 'none' if auth is None else 'ok' if auth == 'Bearer ' + os.environ['TOKEN'] else 'bad'
        n = len(os.listdir(os.path.join(root, 'bodies')))
        open(os.path.join(root, 'bodies', '%03d.json' % n), 'wb').write(body)
        with open(os.path.join(root, 'log'), 'a') as f:
            f.write('%s %s auth=%s ctype=%s\n' % (self.command, self.path, state, self.headers.get('Content-Type')))
        if state != 'ok':
            return self.answer(401, {'detail': 'Not authenticated'})
        if not self.path.startswith(PREFIX):
            return self.answer(404, {'detail': 'Not Found'})
        a = self.next_answer()
        if a == 'ok':
            if self.command == 'POST':
                self.store(body, '12345678')
                return self.answer(200, {'lars_code': '12345678'})
            return self.answer(200, None)
        if a in ('store-hang', 'hang'):
            # Stored (or not), but the answer comes after the client gave up.
            if self.command == 'POST' and a == 'store-hang':
                self.store(body, '23456789')
            time.sleep(4)
            return self.answer(200, {'lars_code': '23456789'})
        if a == 'nochanges':
            return self.answer(200, {'message': 'NO_CHANGES'})
        if a == '422':
            return self.answer(422, json.loads(os.environ['DETAIL']))
        if a == '429':
            return self.answer(429, {'error': 'Rate limit exceeded: 25 per 1 minute'}, [('Retry-After', '1')])
        codes = {'401': 'Not authenticated', '403': 'Forbidden', '404': 'Not Found', '500': 'Internal Server Error'}
        return self.answer(int(a), {'detail': codes.get(a, 'x')})
    do_POST = do_PUT = do_GET = handle_any

os.makedirs(os.path.join(root, 'bodies'), exist_ok=True)
srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Register)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
print(srv.server_address[1], flush=True)
threading.Timer(120, srv.shutdown).start()
srv.serve_forever()
PY
echo ok > srv/answers
python3 srv/register.py "$T/srv" server.pem server.key > srv.port 2> srv.err &
SRV=$!
for _ in $(seq 50); do [ -s srv.port ] && break; sleep 0.1; done
port=$(head -1 srv.port)
[ -n "$port" ] || { echo "FAIL: the test register did not start: $(cat srv.err)"; exit 1; }
URL="https://localhost:$port/aanleverapi"
export CURL_CA_BUNDLE="$T/ca.pem"

# Every output of algedit goes to all.out too, to look for the token at the end.
run() { # OUT ARGS...: runs algedit, output in OUT, exit status in rc
	o=$1; shift
	"$A" "$@" > "$o" 2>&1 < /dev/null; rc=$?
	cat "$o" >> all.out
}
requests() { [ -f srv/log ] && wc -l < srv/log || echo 0; }
expect() { # WHAT RC TEXT...: the last run exited RC and its output has each TEXT
	what=$1 want=$2; shift 2
	[ "$rc" = "$want" ] || { fail "$what: exit $rc, not $want: $(cat out)"; return; }
	for t in "$@"; do
		grep -qF -- "$t" out || { fail "$what: no \"$t\" in: $(cat out)"; return; }
	done
	ok "$what: $(head -1 out | cut -c1-100)"
}

git init -q a
run out -C a new "Parkeren vergunningen" description_short="Kort" organization="Gemeente Test" \
	status="In gebruik" contact_email="a@test.nl" publication_category="Impactvolle algoritmes"
[ "$rc" = 0 ] || { echo "FAIL: new: $(cat out)"; exit 1; }
slug=parkeren-vergunningen
[ -f "a/algoritmes/$slug.yaml" ] || { echo "FAIL: no a/algoritmes/$slug.yaml: $(cat out)"; exit 1; }
"$A" -C a export "a/algoritmes/$slug.yaml" > export.json || fail "export: $(cat export.json)"
export ALGEDIT_REGISTER_TOKEN="$TOKEN"

# ---- not approved: nothing is sent ----
run out -C a publish "$slug" --org gm0363 --url "$URL"
expect "not approved: refused" 1 "not approved yet" "algedit approve"
[ "$(requests)" = 0 ] || fail "not approved, but a request was sent"

# ---- usage ----
run out -C a publish "$slug"
expect "no --org: usage" 2 "--org ORG"
run out -C a publish "$slug" --org "gm/../x" --force --url "$URL"
expect "an organisation code with a slash: refused" 2 "is not an organisation code"
run out -C a publish "$slug" --org gm0363 --force --url "http://localhost:$port/aanleverapi"
expect "http:// refused" 1 "https://"

# ---- --dry-run ----
run out -C a publish "$slug" --org gm0363 --url "$URL" --dry-run
expect "dry-run: the request shown" 0 "POST $URL/v1_0/organizations/gm0363/algorithms" \
	"Authorization: Bearer <hidden>" "Content-Type: application/json" "not approved yet"
sed '1,/^$/d' out | grep -v "^algedit publish: note" > dry.body
cmp -s dry.body export.json && ok "dry-run: the body is export's" || fail "dry-run body differs from export: $(diff dry.body export.json)"
[ "$(requests)" = 0 ] || fail "dry-run sent a request"
LANGUAGE=nl run out -C a publish "$slug" --org gm0363 --url "$URL" --dry-run
expect "dry-run in Dutch: token hidden as <verborgen>" 0 "Authorization: Bearer <verborgen>" "nog niet goedgekeurd" "algedit approve"

# ---- POST: a new description gets its code, saved in its file ----
# Four eyes: Anna wrote it, Bea approves this version; then it is sent
# without --force, and the review records the publication.
git -C a config user.name Bea
git -C a config user.email bea@example.nl
run out -C a approve "$slug" -m "Akkoord"
expect "approved by a reviewer" 0 "Approved"
git -C a config --unset user.name
git -C a config --unset user.email
head0=$(git -C a rev-parse HEAD)
run out -C a publish "$slug" --org gm0363 --url "$URL"
expect "POST: approved, added with its code" 0 "12345678" "not published until"
grep -q "^GET /aanleverapi/v1_0/organizations/gm0363/algorithms auth=ok$" srv/gets ||
	fail "POST: no look-up in the organisation's list first: $(cat srv/gets 2>/dev/null)"
grep -q "^GET /aanleverapi/v1_0/organizations/gm0363/algorithms/12345678 auth=ok$" srv/gets ||
	fail "POST: the register's state was not asked: $(cat srv/gets 2>/dev/null)"
run out -C a review --print "$slug"
expect "sent: the review says so, not \"published\"" 0 "sent to the register" "Sent to the register by Anna"
grep -q ": published" out && fail "the review says published before the register does: $(cat out)"
grep -q "^POST /aanleverapi/v1_0/organizations/gm0363/algorithms auth=ok ctype=application/json$" srv/log ||
	fail "POST: the register saw: $(cat srv/log)"
cmp -s srv/bodies/000.json export.json && ok "POST: the body sent is export's" || fail "POST body differs from export"
grep -q "^lars: \"12345678\"$" "a/algoritmes/$slug.yaml" && ok "POST: lars kept in the file" ||
	fail "POST: no lars line: $(cat "a/algoritmes/$slug.yaml")"
[ "$(git -C a rev-parse HEAD)" != "$head0" ] && [ -z "$(git -C a status --porcelain)" ] &&
	ok "POST: the code is saved as a version: $(git -C a log -1 --format=%s)" || fail "POST: no commit with the code"
run out -C a check "a/algoritmes/$slug.yaml"
expect "check: a file with lars is clean" 0

# ---- PUT: the next publish, also from a teammate's clone ----
run out -C a publish "$slug" --org gm0363 --url "$URL" --dry-run --force
expect "dry-run: now a PUT" 0 "PUT $URL/v1_0/organizations/gm0363/algorithms/12345678"
git clone -q a b
run out -C a set "$slug" description_short="Korter"
run out -C a publish "$slug" --org gm0363 --url "$URL"
expect "changed after publication: refused without a new approval" 1 "changed after it was approved"
run out -C a review --print "$slug"
expect "changed after publication: the review says so" 0 "changed after publication"
run out -C b publish "$slug" --org gm0363 --url "$URL" --force
expect "teammate: PUT, answer null" 0 "as a new version"
tail -1 srv/log | grep -q "^PUT /aanleverapi/v1_0/organizations/gm0363/algorithms/12345678 auth=ok" ||
	fail "teammate: the register saw: $(tail -1 srv/log)"
echo nochanges > srv/answers
run out -C b publish "$slug" --org gm0363 --url "$URL" --force
expect "PUT: NO_CHANGES said" 0 "nothing changed (NO_CHANGES)"

# ---- a POST whose answer never came: looked up before anything is added again ----
new_desc() { # NAME SLUG
	run out -C a new "$1" description_short="Kort" organization="Gemeente Test" status="In gebruik" \
		contact_email="a@test.nl" publication_category="Impactvolle algoritmes"
	[ "$rc" = 0 ] || fail "new $1: $(cat out)"
}
# Stored by an earlier publish whose answer was lost: found by name, updated.
new_desc "Tweede" 
python3 -c 'import json,sys; l=json.load(open(sys.argv[1])); l.append({"name": "Tweede", "source_id": None, "lars": "34567890"}); json.dump(l, open(sys.argv[1], "w"))' srv/list
echo ok > srv/answers
n=$(requests)
run out -C a publish tweede --org gm0363 --url "$URL" --force
expect "the list has it: updated, not added" 0 "already has tweede, with the code 34567890" "updated (PUT)"
[ "$(tail -n +$((n + 1)) srv/log | cut -d' ' -f1,2)" = "PUT /aanleverapi/v1_0/organizations/gm0363/algorithms/34567890" ] ||
	fail "found in the list: the register saw $(tail -n +$((n + 1)) srv/log)"
grep -q "^lars: \"34567890\"$" a/algoritmes/tweede.yaml || fail "found: the code is not saved: $(grep lars a/algoritmes/tweede.yaml)"
# The POST is stored but its answer comes too late: looked up, then PUT.
new_desc "Derde"
echo "store-hang ok" > srv/answers
n=$(requests)
ALGEDIT_REGISTER_TIMEOUT=1 run out -C a publish derde --org gm0363 --url "$URL" --force
expect "POST timed out, stored: found, code saved, PUT" 0 "may have stored the description" "did store derde, with the code 23456789"
[ "$(tail -n +$((n + 1)) srv/log | cut -d' ' -f1 | tr '\n' ' ')" = "POST PUT " ] ||
	fail "POST timed out: the register saw $(tail -n +$((n + 1)) srv/log)"
grep -q "^lars: \"23456789\"$" a/algoritmes/derde.yaml || fail "timed out: the code is not saved"
grep -qi "try again later" out && fail "a retry was advised after a POST that may be stored: $(cat out)"
# Not stored, and no answer: said that publishing again is safe.
new_desc "Vierde"
echo "hang" > srv/answers
ALGEDIT_REGISTER_TIMEOUT=1 run out -C a publish vierde --org gm0363 --url "$URL" --force
expect "POST timed out, not stored: said" 1 "did not store it" "Publishing again is safe"
echo ok > srv/answers
n=$(requests)
run out -C a publish vierde --org gm0363 --url "$URL" --force
expect "published again after it was not stored: added once" 0 "Added vierde"
[ $(( $(requests) - n )) = 1 ] || fail "vierde: $(( $(requests) - n )) requests"
# Published in the register: only then the review says so.
echo PUBLISHED > srv/state
run out -C a publish derde --org gm0363 --url "$URL" --force
expect "the register's state PUBLISHED: said" 0 "shows derde as published"
run out -C a review --print derde
expect "review: published in the register" 0 "published in the register"
LANGUAGE=nl run out -C a review --print tweede
expect "review in Dutch: sent, not published" 0 "naar het register gestuurd"
rm srv/state

# ---- unsaved changes are not published ----
sed -i 's/^description_short: .*/description_short: Niet bewaard/' "b/algoritmes/$slug.yaml"
n=$(requests)
run out -C b publish "$slug" --org gm0363 --url "$URL" --force
expect "unsaved changes: refused" 1 "not saved as a version"
[ "$(requests)" = "$n" ] || fail "unsaved changes, but a request was sent"
git -C b checkout -q -- algoritmes

# ---- 422: findings like check's ----
echo 422 > srv/answers
run out -C a publish "$slug" --org gm0363 --url "$URL" --force
expect "422: the field's label and the register's message, like check" 1 \
	"algoritmes/$slug.yaml:1:1: error: Name: the register refused it: Value error, name exceeds the maximum length of 100 characters. [register-422]"

# ---- 429: waits as Retry-After says, then tries again ----
echo "429 ok" > srv/answers
n=$(requests)
start=$(date +%s)
run out -C a publish "$slug" --org gm0363 --url "$URL" --force
expect "429 then ok: waited, tried again" 0 "waiting 1 seconds" "try 2 of 3" "as a new version"
[ $(( $(requests) - n )) = 2 ] || fail "429: $(( $(requests) - n )) requests, not 2"
[ $(( $(date +%s) - start )) -ge 1 ] || fail "429: did not wait"
echo 429 > srv/answers
n=$(requests)
run out -C a publish "$slug" --org gm0363 --url "$URL" --force
expect "429 three times: gives up" 1 "still busy after 3 tries"
[ $(( $(requests) - n )) = 3 ] || fail "429: $(( $(requests) - n )) requests, not 3"

# ---- 401, 403, 404, 500 in words ----
for a in "401:missing, expired or wrong" "403:may not do this for organisation gm0363" \
	"404:does not know organisation gm0363 or description 12345678" "500:the register has a fault"; do
	echo "${a%%:*}" > srv/answers
	run out -C a publish "$slug" --org gm0363 --url "$URL" --force
	expect "${a%%:*}" 1 "${a#*:}" "nothing was published"
done
echo ok > srv/answers
ALGEDIT_REGISTER_TOKEN="wrong.token" run out -C a publish "$slug" --org gm0363 --url "$URL" --force
expect "a wrong token: 401 from the server" 1 "missing, expired or wrong"

# ---- the token from register.token-command in the user's config ----
unset ALGEDIT_REGISTER_TOKEN
run out -C a publish "$slug" --org gm0363 --url "$URL" --force
expect "no token: says how to set one" 1 "ALGEDIT_REGISTER_TOKEN" "register.token-command"
mkdir -p a/.algedit
git config -f a/.algedit/config register.token-command 'echo "$TOKEN"'
run out -C a publish "$slug" --org gm0363 --url "$URL" --force
expect "a token command in the repository is not run" 1 "does not run commands from a repository"
rm a/.algedit/config
mkdir -p "$XDG_CONFIG_HOME/algedit"
git config -f "$XDG_CONFIG_HOME/algedit/config" register.token-command 'echo "$TOKEN"'
git config -f "$XDG_CONFIG_HOME/algedit/config" register.url "$URL"
run out -C a publish "$slug" --org gm0363 --force
expect "token command and url from the user's config" 0 "as a new version"
tail -1 srv/log | grep -q "auth=ok" || fail "token command: the register saw $(tail -1 srv/log)"
git config -f "$XDG_CONFIG_HOME/algedit/config" register.token-command 'false'
run out -C a publish "$slug" --org gm0363 --force
expect "a failing token command" 1 "token command (register.token-command) failed"
git config -f "$XDG_CONFIG_HOME/algedit/config" --unset register.url
git config -f "$XDG_CONFIG_HOME/algedit/config" register.token-command 'echo "$TOKEN"'

# ---- the repository may name only the register's own hosts ----
git config -f a/.algedit/config register.url "$URL"
run out -C a publish "$slug" --org gm0363 --force
expect "a repository's url elsewhere: refused" 1 "not one of the register's own"
rm a/.algedit/config

# ---- a certificate no one trusts ----
n=$(requests)
CURL_CA_BUNDLE= run out -C a publish "$slug" --org gm0363 --url "$URL" --force --cacert /etc/ssl/certs/ca-certificates.crt
expect "an untrusted certificate: refused" 1 "certificate is not trusted"
[ "$(requests)" = "$n" ] || fail "untrusted: the server got a request"

# ---- libcurl is opened by publish only: other commands do not load it ----
if command -v ldd >/dev/null; then
	ldd "$A" | grep -q libcurl && fail "algedit is linked with libcurl: every command would load it" ||
		ok "algedit is not linked with libcurl (publish opens it)"
fi

# ---- the token: never shown, never written ----
grep -qF "$TOKEN" all.out && fail "the token is in algedit's output"
grep -rlF "$TOKEN" "$T" 2>/dev/null | grep -v "^$T/all.out$" > leaked
[ -s leaked ] && fail "the token is in files: $(cat leaked)"
for r in a b; do
	git -C "$r" log -p --all | grep -qF "$TOKEN" && fail "the token is in the history of $r"
done
[ -s leaked ] || ok "the token is in no output, no file, no history ($(wc -l < all.out) lines of output)"

[ "$fails" = 0 ] || exit 1
