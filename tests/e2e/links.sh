#!/bin/sh
# algedit check --links against a web server of the test's own on
# 127.0.0.1: 200, a redirect (301, followed and shown), 404, a server that
# refuses HEAD (405; GET answers), one that never answers (timeout), and a
# name that does not resolve (broken while others answer; "could not check"
# when nothing does). Plain check never asks the network; no token, cookie
# or password is ever sent; advice never changes the exit status.
set -eu
: "${ALGEDIT:?}"
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
T=$(mktemp -d /tmp/algedit-links.XXXXXX)
srv_pid=
cleanup() { [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
cd "$T"
fails=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

cat > srv.py <<'PY'
import http.server, sys, threading, time
log = open(sys.argv[1], "a", buffering=1)
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def answer(self, head):
        log.write("%s %s\n" % (self.command, self.path))
        for k, v in self.headers.items():
            log.write("  %s: %s\n" % (k, v))
        p = self.path
        if p == "/slow":
            time.sleep(8)
            return
        if p == "/nohead" and head:
            code = 405
        elif p in ("/ok", "/nohead"):
            code = 200
        elif p == "/moved":
            self.send_response(301); self.send_header("Location", "/ok"); self.send_header("Content-Length", "0"); self.end_headers(); return
        elif p == "/broken":
            code = 500
        else:
            code = 404
        body = b"<html><body>algedit test page</body></html>"
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Set-Cookie", "session=abc")
        self.end_headers()
        if not head:
            self.wfile.write(body)
    def do_HEAD(self): self.answer(True)
    def do_GET(self): self.answer(False)
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
s.daemon_threads = True
print(s.server_address[1], flush=True)
s.serve_forever()
PY
python3 srv.py "$T/requests.log" > srv.port 2> srv.err &
srv_pid=$!
for _ in $(seq 100); do [ -s srv.port ] && break; sleep 0.1; done
port=$(head -1 srv.port)
[ -n "$port" ] || { echo "FAIL: the test server did not start: $(cat srv.err)"; exit 1; }
B="http://127.0.0.1:$port"

cat > d.yaml <<EOF2
name: Links
goal: |-
  Zie $B/ok en $B/moved.

  Ook $B/gone, $B/nohead en $B/slow.

  En http://nosuchname.invalid/x en $B/broken.
website: http://127.0.0.1:$port/ok
EOF2
cat > offline.yaml <<'EOF2'
name: Offline
goal: Zie http://nosuchname.invalid/a en https://nosuchname.invalid/b.
EOF2

export ALGEDIT_LINK_TIMEOUT=2 ALGEDIT_REGISTER_TOKEN=secret-token-123 LANGUAGE=en LANG=C.UTF-8
: > requests.log
set +e
"$ALGEDIT" check d.yaml > plain.out 2>&1; plain_rc=$?
set -e
[ ! -s requests.log ] && ok "plain check asks the network nothing" || fail "plain check sent: $(cat requests.log)"

set +e
"$ALGEDIT" check --links d.yaml > links.out 2>&1; links_rc=$?
set -e
cat links.out
[ "$links_rc" = "$plain_rc" ] && ok "advice does not change the exit status ($plain_rc)" || fail "exit status $links_rc with --links, $plain_rc without"
has() { grep -F -- "$1" links.out >/dev/null; }
has "$B/gone does not work: the site answers 404" && ok "404 is a broken link" || fail "no broken-link for 404"
has "$B/broken does not work: the site answers 500" && ok "500 is a broken link" || fail "no broken-link for 500"
has "$B/moved leads on to $B/ok" && ok "the redirect is followed and shown" || fail "redirect not shown"
! has "$B/ok does not work" && ok "200 is fine" || fail "200 reported"
! grep -F "$B/nohead" links.out >/dev/null && ok "HEAD refused (405): GET answers 200, no advice" || fail "nohead reported"
grep -q "^GET /nohead" requests.log && ok "GET after the refused HEAD" || fail "no GET for /nohead"
! grep -q "^GET /ok" requests.log && ok "HEAD first: no GET where HEAD answers" || fail "GET sent for /ok"
has "could not check $B/slow (no answer within 2 seconds)" && ok "timeout: could not check, not broken" || fail "timeout not reported as could not check"
has "http://nosuchname.invalid/x does not work: no site has that name" && ok "a name that does not resolve is broken" || fail "unresolved name not broken"
has "the register accepts only addresses that start with https:// here; http://127.0.0.1:$port/ok was not checked" \
	&& ok "https only for the register's own link fields" || fail "http in website not refused"
grep -c "\[broken-link\]" links.out | grep -qx 3 && ok "three broken links (404, 500, no such name)" || fail "expected 3 broken-link lines"
if grep -qi "authorization\|cookie\|secret-token" requests.log; then fail "a token or cookie was sent: $(grep -i 'authorization\|cookie' requests.log)"; else ok "no token, cookie or password sent"; fi

"$ALGEDIT" check --format json --links d.yaml > links.json 2>/dev/null || true
python3 -c '
import json, sys
d = json.load(open("links.json"))
rules = [f["rule"] for f in d["files"][0]["findings"]]
assert rules.count("broken-link") == 3, rules
assert "link-unchecked" in rules and "link-redirected" in rules, rules
assert isinstance(d["files"][0]["completeness"], int)
' && ok "JSON: broken-link, link-unchecked, link-redirected and completeness" || fail "JSON output: $(cat links.json)"

"$ALGEDIT" check --links offline.yaml > offline.out 2>&1 || true
grep -F "could not check http://nosuchname.invalid/a" offline.out >/dev/null && ! grep -q "broken-link" offline.out \
	&& ok "nothing resolves (offline): could not check, not broken" || fail "offline: $(cat offline.out)"

[ "$fails" = 0 ] || exit 1
