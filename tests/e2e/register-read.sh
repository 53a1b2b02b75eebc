#!/bin/sh
# The way back from the register, against a local HTTPS server that answers
# as the register's submission API does (tests/e2e/helpers/register_api.py,
# with a test CA made here by openssl):
#  - algedit publish --status: per description the same text as the drafts,
#    or the fields that differ, and its state there (in bewerking,
#    vrijgegeven, gepubliceerd); what is on one side only.
#  - algedit import --register --org ORG [NAME...]: each description as a
#    version by "Algoritmeregister", matched by lars; a new one added, one
#    changed only there brought in, changes on both sides merged field by
#    field as sync merges, the same field changed on both sides a choice
#    (algedit resolve).
#  - 401, 403, 404, 429 (waited for), 500 explained; no token, no request;
#    a drafts repository's register.url elsewhere than the register: refused.
#  - The token is never in any output.
set -u
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
command -v openssl >/dev/null || { echo "SKIP: openssl is not installed"; exit 77; }
A=${ALGEDIT:-$(pwd)/algedit}
HELPER=${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/helpers/register_api.py
T=$(mktemp -d /tmp/algedit-regread.XXXXXX)
SRV=
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
	[ -n "$SRV" ] && kill "$SRV" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
export HOME="$T/home" GIT_CONFIG_NOSYSTEM=1 XDG_CONFIG_HOME="$T/home/.config" LANGUAGE=en LANG=C.UTF-8 NO_COLOR=1
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
export TOKEN

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
mkdir srv
echo '{}' > srv/store.json
python3 "$HELPER" "$T/srv" server.pem server.key 300 > srv.port 2> srv.err &
SRV=$!
for _ in $(seq 100); do [ -s srv.port ] && break; sleep 0.1; done
port=$(head -1 srv.port)
[ -n "$port" ] || { echo "FAIL: the test register did not start: $(cat srv.err)"; exit 1; }
URL="https://localhost:$port/aanleverapi"
export CURL_CA_BUNDLE="$T/ca.pem"

run() { # OUT ARGS...: runs algedit, output in OUT, exit status in rc
	o=$1; shift
	"$A" "$@" > "$o" 2>&1 < /dev/null; rc=$?
	cat "$o" >> all.out
}
requests() { [ -f srv/log ] && wc -l < srv/log || echo 0; }
expect() { # WHAT RC TEXT...
	what=$1 want=$2; shift 2
	[ "$rc" = "$want" ] || { fail "$what: exit $rc, not $want: $(cat out)"; return; }
	for t in "$@"; do
		grep -qF -- "$t" out || { fail "$what: no \"$t\" in: $(cat out)"; return; }
	done
	ok "$what"
}
# register OUT LARS STATE FILE.json: what the register holds of LARS (a body algedit export printed)
hold() {
	python3 - "$T/srv/store.json" "$1" "$2" "$3" <<'PY'
import json, sys
p, lars, state, body = sys.argv[1:]
s = json.load(open(p, encoding="utf-8"))
s.setdefault("gm0363", {})[lars] = {"state": state, "version": json.load(open(body, encoding="utf-8"))}
json.dump(s, open(p, "w", encoding="utf-8"), ensure_ascii=False)
PY
}
# edit FILE KEY VALUE: a colleague changes a field in the register's web editor
edit() {
	python3 - "$T/srv/store.json" "$1" "$2" "$3" <<'PY'
import json, sys
p, lars, key, value = sys.argv[1:]
s = json.load(open(p, encoding="utf-8"))
s["gm0363"][lars]["version"][key] = value
json.dump(s, open(p, "w", encoding="utf-8"), ensure_ascii=False)
PY
}
state() {
	python3 - "$T/srv/store.json" "$1" "$2" <<'PY'
import json, sys
p, lars, st = sys.argv[1:]
s = json.load(open(p, encoding="utf-8"))
s["gm0363"][lars]["state"] = st
json.dump(s, open(p, "w", encoding="utf-8"), ensure_ascii=False)
PY
}

git init -q a
printf '{"name": "Parkeervergunningen", "description_short": "Wie krijgt een vergunning.", "organization": "Gemeente Noorderhaaks",
 "status": "In gebruik", "contact_email": "parkeren@noorderhaaks.nl", "publication_category": "Overige algoritmes",
 "goal": "<p>Vergunningen sneller.</p>", "lang": "nld", "standard_version": "1.0", "lars": "11953829"}\n' > park.json
run out -C a import park.json
[ "$rc" = 0 ] || { echo "FAIL: import: $(cat out)"; exit 1; }
"$A" -C a export parkeervergunningen > park-sent.json || fail "export: $(cat park-sent.json)"
hold 11953829 STATE_1 park-sent.json
printf '{"name": "Zivver", "description_short": "Beveiligd mailen.", "organization": "Gemeente Noorderhaaks",
 "status": "In gebruik", "contact_email": "ict@noorderhaaks.nl", "publication_category": "Overige algoritmes",
 "goal": "<p>Veilig e-mailen met inwoners.</p>", "lang": "nld", "standard_version": "1.0"}\n' > zivver.json
hold 12345670 PUBLISHED zivver.json
export ALGEDIT_REGISTER_TOKEN="$TOKEN"

# ---- publish --status ----
run out -C a publish --status --org gm0363 --url "$URL"
expect "status: the same text, in bewerking; one only in the register" 1 \
	"parkeervergunningen (11953829): the register holds the same text as the drafts; there it is being edited (in bewerking)" \
	"Zivver (12345670): in the register, not in the drafts; there it is published (gepubliceerd)"
run out -C a publish --status --org gm0363 --url "$URL" parkeervergunningen
expect "status NAME: the same, exit 0" 0 "the same text as the drafts"
grep -q "GET /aanleverapi/v1_0/organizations/gm0363/algorithms auth=ok" srv/log \
	&& grep -q "GET /aanleverapi/v1_0/organizations/gm0363/algorithms/11953829 auth=ok" srv/log || fail "status: the requests: $(cat srv/log)"
edit 11953829 goal "<p>Vergunningen binnen een dag.</p>"
state 11953829 STATE_2
run out -C a publish --status --org gm0363 --url "$URL" Parkeervergunningen
expect "status: a colleague changed the goal there; vrijgegeven" 1 \
	"parkeervergunningen (11953829): the register's text differs from the drafts in 1 field; there it is released, waiting for approval (vrijgegeven)" \
	"Purpose and impact:" "{+binnen een dag+}"
grep -q "sneller" out || fail "status: the drafts' words shown"
LANGUAGE=nl run out -C a publish --status --org gm0363 --url "$URL" parkeervergunningen
expect "status in Dutch" 1 "vrijgegeven" "Doel en impact"

# ---- import --register ----
# The drafts' description was never sent nor read back: no version in common,
# so the goal that differs is a choice; Zivver waits for the next run.
n0=$(git -C a rev-list --count HEAD)
run out -C a import --register --org gm0363 --url "$URL"
expect "import --register: the goal differs, a choice" 1 "1 field was changed both here and on the register" \
	"parkeervergunningen: Purpose and impact" "algedit resolve" "import --register again"
run out -C a resolve parkeervergunningen goal theirs
expect "resolve theirs: the merge saved" 0 "merge is saved"
grep -q "binnen een dag" a/algoritmes/parkeervergunningen.yaml || fail "resolve: the register's goal is in the drafts"
run out -C a import --register --org gm0363 --url "$URL"
expect "import --register again: Zivver added, parkeervergunningen unchanged" 0 "added as zivver (a version by Algoritmeregister)" \
	"unchanged: parkeervergunningen has the register's version already" "1 added, 0 updated, 0 merged, 1 unchanged, 0 skipped"
[ "$(git -C a log -1 --format=%an -- algoritmes/zivver.yaml)" = Algoritmeregister ] || fail "zivver: not a version by Algoritmeregister: $(git -C a log -1 --format=%an -- algoritmes/zivver.yaml)"
grep -q '^lars: "12345670"$' a/algoritmes/zivver.yaml || grep -q "^lars: '12345670'$" a/algoritmes/zivver.yaml || fail "zivver: its lars code: $(cat a/algoritmes/zivver.yaml)"

# changed in the register only: brought in as the register's version
edit 12345670 goal "<p>Veilig e-mailen met inwoners en bedrijven.</p>"
run out -C a import --register --org gm0363 --url "$URL" Zivver
expect "changed there only: updated" 0 "updated zivver with the register's version" "{+ en bedrijven+}"
[ "$(git -C a log -1 --format=%an -- algoritmes/zivver.yaml)" = Algoritmeregister ] || fail "update: not by Algoritmeregister"

# changed on both sides, other fields: merged field by field
run out -C a set zivver "description_short=Beveiligd mailen met de gemeente."
[ "$rc" = 0 ] || fail "set: $(cat out)"
edit 12345670 goal "<p>Veilig e-mailen.</p>"
run out -C a import --register --org gm0363 --url "$URL" 12345670
expect "both sides, other fields: merged" 0 "merged the register's changes into zivver, field by field"
grep -q "Beveiligd mailen met de gemeente" a/algoritmes/zivver.yaml && grep -q "^goal: Veilig e-mailen.$" a/algoritmes/zivver.yaml \
	|| fail "merge: both changes in the file: $(cat a/algoritmes/zivver.yaml)"
git -C a log --format=%an -- algoritmes/zivver.yaml | grep -q Algoritmeregister || fail "merge: the register's version in the history"

# the same field on both sides: a choice
run out -C a set zivver "goal=Veilig mailen, zo kort mogelijk."
edit 12345670 goal "<p>Veilig e-mailen met iedereen.</p>"
run out -C a import --register --org gm0363 --url "$URL" Zivver
expect "the same field on both sides: a choice" 1 "zivver: Purpose and impact"
run out -C a resolve zivver goal mine
expect "resolve mine" 0 "merge is saved"
grep -q "zo kort mogelijk" a/algoritmes/zivver.yaml || fail "resolve mine: the drafts' goal kept"

# ---- published by algedit, edited in the register and in the drafts ----
# The version publish sent is the common one: the colleague's change in the
# register and the drafts' own change are merged without a question.
git init -q b
run out -C b new "Afvalroutes" description_short="Routes voor de vuilniswagen." organization="Gemeente Noorderhaaks" \
	status="In gebruik" contact_email="afval@noorderhaaks.nl" publication_category="Overige algoritmes" goal="Kortere routes."
[ "$rc" = 0 ] || fail "new afvalroutes: $(cat out)"
run out -C b publish afvalroutes --org gm0363 --url "$URL" --force
expect "published with algedit" 0 "Added afvalroutes to the register with the code"
lars=$(sed -n "s/^lars: .\{0,1\}\([0-9]\{8\}\).\{0,1\}$/\1/p" b/algoritmes/afvalroutes.yaml)
[ -n "$lars" ] || fail "publish: no lars code in the file: $(cat b/algoritmes/afvalroutes.yaml)"
run out -C b publish --status --org gm0363 --url "$URL" afvalroutes
expect "after publish: the same text, in bewerking" 0 "the register holds the same text as the drafts; there it is being edited (in bewerking)"
edit "$lars" goal "<p>Kortere routes, minder uitstoot.</p>"
run out -C b set afvalroutes "description_short=Routes voor de vuilniswagens van de gemeente."
run out -C b import --register --org gm0363 --url "$URL" Afvalroutes
expect "after publish: both sides merged, no question" 0 "merged the register's changes into afvalroutes, field by field" "{+, minder uitstoot+}"
grep -q "minder uitstoot" b/algoritmes/afvalroutes.yaml && grep -q "vuilniswagens van de gemeente" b/algoritmes/afvalroutes.yaml \
	|| fail "after publish: both changes in the file: $(cat b/algoritmes/afvalroutes.yaml)"
run out -C b import --register --org gm0363 --url "$URL" Afvalroutes
expect "read again: unchanged" 0 "unchanged: afvalroutes has the register's version already"

# ---- what goes wrong, explained ----
before=$(requests)
for a in 401 403 404 500; do
	echo "$a ok" > srv/answers
	run out -C a publish --status --org gm0363 --url "$URL"
	case $a in
	401) expect "401 explained" 1 "did not accept the token (401)" "ALGEDIT_REGISTER_TOKEN" ;;
	403) expect "403 explained" 1 "may not read the descriptions of organisation gm0363 (403)" ;;
	404) expect "404 explained" 1 "does not know organisation gm0363 (404)" ;;
	500) expect "500 explained" 1 "has a fault (HTTP 500)" ;;
	esac
done
echo "429 ok" > srv/answers
run out -C a publish --status --org gm0363 --url "$URL" parkeervergunningen
expect "429: waited for, then read" 0 "the register is busy (too many requests); waiting 1 seconds" "the same text as the drafts"
echo "429 429 429 ok" > srv/answers
run out -C a import --register --org gm0363 --url "$URL"
expect "429 three times: explained" 1 "still busy after 3 tries"
rm -f srv/answers
run out -C a import --register --org gm0363 --url "$URL" "Geen algoritme"
expect "a name the register does not list" 1 "lists no description \"Geen algoritme\" of organisation gm0363"
n1=$(requests)
ALGEDIT_REGISTER_TOKEN= run out -C a publish --status --org gm0363 --url "$URL"
expect "no token: said, nothing sent" 1 "no token"
[ "$(requests)" = "$n1" ] || fail "no token, yet a request was sent"
mkdir -p a/.algedit && printf '[register]\n\turl = %s\n' "$URL" > a/.algedit/config
run out -C a import --register --org gm0363
expect "a repository's register.url elsewhere: refused" 1 "not one of the register's own"
[ "$(requests)" = "$n1" ] || fail "register.url from the repository: the token was sent"
rm a/.algedit/config
run out -C a import --register --url "$URL"
expect "no --org: usage" 2 "--org ORG"
[ "$(requests)" -gt "$before" ] || fail "no requests at all?"

# ---- the token is never shown ----
if grep -rqF "$TOKEN" all.out a 2>/dev/null || git -C a log -p --all | grep -qF "$TOKEN"; then
	fail "the token appears in output, in a file or in the history"
else
	ok "the token is in no output, file or history"
fi
[ $fails = 0 ] && echo "ok   register read back"
exit $((fails > 0))
