#!/bin/sh
# Four eyes that the drafter cannot forge, and signed approvals.
# Each forgery is committed by the drafter (Anna) under her own name and
# must not unlock publish (publish --dry-run says "not approved", publish
# refuses without sending): a hand-written publish record; an approval
# without an e-mail address; her own approval with a blank before her
# address; self-approve in the repository's .algedit/config (it arrives by
# sync; only the user's own config may allow it). An approval by someone
# who made one of the approved changes does not count; an approval naming a
# commit that is not a version of the description does not count in the
# list either. Signed approvals: real keys made by ssh-keygen here; the
# review and the list say "signature verified" or "not signed"; a
# signature by another key than the reviewer's does not verify; with
# review.require-signatures publish needs a verified one.
set -u
command -v ssh-keygen >/dev/null || { echo "SKIP: ssh-keygen is not installed (openssh-client)"; exit 77; }
A=${ALGEDIT:-$(pwd)/algedit}
T=$(mktemp -d /tmp/algedit-trust-XXXXXX)
trap 'rm -rf "$T"' EXIT INT TERM
export HOME="$T/home" GIT_CONFIG_NOSYSTEM=1 XDG_CONFIG_HOME="$T/home/.config" LANGUAGE=en LC_ALL=C.UTF-8 TZ=UTC
unset ALGEDIT_REPO CURL_CA_BUNDLE
mkdir -p "$HOME/.config/algedit"
CFG="$HOME/.config/algedit/config"
git config --global init.defaultBranch main
fails=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
as() { git config --global user.name "$1" && git config --global user.email "$2"; }
cd "$T" || exit 1
export ALGEDIT_REGISTER_TOKEN="eyJ0ZXN0.x.sig"
URL="https://localhost:9/aanleverapi"   # never reached in this test

as "Anna de Vries" anna@example.nl
git init -q a
"$A" -C a new "Parkeren" description_short="Kort" organization="Gemeente Test" status="In gebruik" \
	contact_email="a@test.nl" publication_category="Impactvolle algoritmes" > out 2>&1 || { echo "FAIL: new: $(cat out)"; exit 1; }
slug=parkeren
v1=$(git -C a rev-parse HEAD)
echo 0 > "$T/n"
record() { # KIND BODY...: Anna writes a record by hand and commits it; prints its path in a
	n=$(($(cat "$T/n") + 1)); echo "$n" > "$T/n"
	f="a/reviews/$slug/20261208T0100$(printf %02d $n)Z-$(printf %08x $((0xabc000 + n)))-$1.yaml"
	mkdir -p "a/reviews/$slug"
	shift
	printf '%s\n' "$@" > "$f"
	git -C a add reviews && git -C a commit -qm "Review record" && echo "${f#a/}"
}
locked() { # WHAT: publish is not unlocked
	"$A" -C a publish "$slug" --org gm0363 --url "$URL" --dry-run > out 2>&1
	if ! grep -q "note: not approved yet\|note: it was changed after it was approved\|not signed with a key" out; then
		fail "$1: publish --dry-run has no refusal: $(cat out)"
		return
	fi
	"$A" -C a publish "$slug" --org gm0363 --url "$URL" > out 2>&1; rc=$?
	if [ "$rc" != 1 ] || grep -q "cannot reach the register" out; then
		fail "$1: publish went ahead (exit $rc): $(cat out)"
	else
		ok "$1: publish refused ($(head -1 out | cut -c1-80))"
	fi
}
unlocked() {
	"$A" -C a publish "$slug" --org gm0363 --url "$URL" --dry-run > out 2>&1
	grep -q "note:" out && fail "$1: publish still locked: $(cat out)" || ok "$1: publish unlocked"
}
now="2026-12-08T01:00:00Z"

# ---- 1. a hand-written publish record ----
f=$(record publish "kind: publish" "description: $slug" "version: \"$v1\"" "author: Anna de Vries" \
	"email: anna@example.nl" "time: $now" "text: |-" "  12345678")
locked "a hand-written publish record"
git -C a rm -q "$f" && git -C a commit -qm x

# ---- 2. an approval without an e-mail address ----
f=$(record approve "kind: approve" "description: $slug" "version: \"$v1\"" "author: Bea Jansen" "time: $now")
locked "an approval without e-mail"
"$A" -C a review --print "$slug" > out 2>&1
grep -q "names no e-mail address" out && ok "review: the record without e-mail is not used" || fail "review: $(cat out)"
git -C a rm -q "$f" && git -C a commit -qm x

# ---- 3. her own approval, with a blank before her address, in other case ----
f=$(record approve "kind: approve" "description: $slug" "version: \"$v1\"" "author: Anna" \
	"email: \" Anna@Example.NL \"" "time: $now")
locked "her own approval with a leading blank"
git -C a rm -q "$f" && git -C a commit -qm x
f=$(record approve "kind: approve" "description: $slug" "version: \"$v1\"" "author: Anna" \
	"email: \"<anna@example.nl>\"" "time: $now")
locked "her own approval in <>"
git -C a rm -q "$f" && git -C a commit -qm x

# ---- 4. self-approve in the repository's config ----
mkdir -p a/.algedit
printf 'self-approve: yes\n[review]\n\tself-approve = true\n' > a/.algedit/config
git -C a add .algedit && git -C a commit -qm "Team settings"
"$A" -C a approve "$slug" > out 2>&1 && fail "approve: the repository's self-approve was used: $(cat out)" ||
	{ grep -q "is not used" out && ok "approve: the repository's self-approve is not used" || fail "approve message: $(cat out)"; }
f=$(record approve "kind: approve" "description: $slug" "version: \"$v1\"" "author: Anna de Vries" \
	"email: anna@example.nl" "time: $now")
locked "self-approve in .algedit/config"
git -C a rm -q "$f" && git -C a commit -qm x
# The user's own config may allow it (a team of one).
git config -f "$CFG" review.self-approve true
"$A" -C a approve "$slug" > out 2>&1 && ok "review.self-approve in the user's config: allowed" || fail "self-approve in user config: $(cat out)"
unlocked "self-approve in the user's own config"
git config -f "$CFG" --unset review.self-approve
"$A" -C a set "$slug" description_short="Korter" > out 2>&1 || fail "set: $(cat out)"

# ---- every author of the approved changes, not only the latest ----
as "Bea Jansen" bea@example.nl
"$A" -C a set "$slug" description_short="Korter nog" > out 2>&1
as "Anna de Vries" anna@example.nl
"$A" -C a set "$slug" description_short="Het kortst" > out 2>&1
as "Bea Jansen" bea@example.nl
"$A" -C a approve "$slug" > out 2>&1 && fail "Bea approved changes she made: $(cat out)" ||
	{ grep -q "four eyes" out && ok "approve: Bea made one of the changes: refused" || fail "approve refusal: $(cat out)"; }
vnow=$(git -C a log -1 --format=%H -- algoritmes)
as "Anna de Vries" anna@example.nl
f=$(record approve "kind: approve" "description: $slug" "version: \"$vnow\"" "author: Bea Jansen" \
	"email: bea@example.nl" "time: 2026-12-08T02:00:00Z")
locked "an approval by an author of one of the changes"
git -C a rm -q "$f" && git -C a commit -qm x

# ---- the list: a record's version must be a version of the description ----
as "Carl Smit" carl@example.nl
git -C a checkout -q -b side
git -C a commit -q --allow-empty -m "not a version"
side=$(git -C a rev-parse HEAD)
git -C a checkout -q main
as "Anna de Vries" anna@example.nl
f=$(record approve "kind: approve" "description: $slug" "version: \"$side\"" "author: Carl Smit" \
	"email: carl@example.nl" "time: 2026-12-08T02:00:00Z")
"$A" -C a review --list > out 2>&1
grep -q "^$slug  approved" out && fail "list: approved by a commit that is not a version: $(cat out)" || ok "list: $(cat out)"
"$A" -C a review --print "$slug" > out 2>&1
grep -q "not in the history" out || fail "review: the side commit: $(cat out)"
locked "an approval of a commit that is not a version"
git -C a rm -q "$f" && git -C a commit -qm x

# ---- a real approval by someone else: unlocked, "not signed" ----
as "Carl Smit" carl@example.nl
"$A" -C a approve "$slug" > out 2>&1 || fail "Carl approves: $(cat out)"
as "Anna de Vries" anna@example.nl
unlocked "Carl's approval"
"$A" -C a review --print "$slug" > out 2>&1
grep -q "Approved by Carl Smit (not signed)" out && ok "review: approved by Carl (not signed)" || fail "review: $(cat out)"
"$A" -C a review --list > out 2>&1
grep -q "approved by Carl Smit (not signed)" out && ok "list: $(cat out)" || fail "list: $(cat out)"
LANGUAGE=nl "$A" -C a review --list > out 2>&1
grep -q "goedgekeurd door Carl Smit (niet ondertekend)" out && ok "list in Dutch: $(cat out)" || fail "Dutch list: $(cat out)"

# ---- signed approvals with real keys ----
ssh-keygen -q -t ed25519 -N '' -C bea -f "$T/bea" || exit 1
ssh-keygen -q -t ed25519 -N '' -C anna -f "$T/anna" || exit 1
printf 'bea@example.nl namespaces="algedit-review@algoritmeregister" %s\n' "$(cut -d' ' -f1,2 "$T/bea.pub")" > "$T/allowed"
printf 'anna@example.nl namespaces="algedit-review@algoritmeregister" %s\n' "$(cut -d' ' -f1,2 "$T/anna.pub")" >> "$T/allowed"
git config -f "$CFG" review.allowed-signers "$T/allowed"
"$A" -C a set "$slug" description_short="Kort en goed" > out 2>&1
as "Bea Jansen" bea@example.nl
git config -f "$CFG" review.signing-key "$T/bea"
"$A" -C a approve "$slug" > out 2>&1 || fail "Bea signs: $(cat out)"
grep -q "BEGIN SSH SIGNATURE" a/reviews/$slug/*-approve.yaml && ok "the approval holds an SSH signature" || fail "no signature in the record"
"$A" -C a review --print "$slug" > out 2>&1
grep -q "Approved by Bea Jansen, signature verified" out && ok "review: signature verified" || fail "review: $(cat out)"
"$A" -C a review --list > out 2>&1
grep -q "approved by Bea Jansen, signature verified" out && ok "list: $(cat out)" || fail "list: $(cat out)"
"$A" -C a review --print --format json "$slug" > out 2>&1
grep -q '"signature":"verified"' out && ok "json: signature verified" || fail "json: $(head -c 300 out)"
git config -f "$CFG" review.require-signatures true
as "Anna de Vries" anna@example.nl
unlocked "require-signatures with a verified approval"
# Without the allowed signers: signed, but not checked.
git config -f "$CFG" --unset review.allowed-signers
"$A" -C a review --print "$slug" > out 2>&1
grep -q "Approved by Bea Jansen (signed; not checked" out && ok "review: signed, not checked" || fail "review unchecked: $(cat out)"
locked "require-signatures with an unchecked signature"
git config -f "$CFG" review.allowed-signers "$T/allowed"

# ---- Anna signs an approval in Bea's name with her own key ----
"$A" -C a set "$slug" description_short="Kort, goed en klaar" > out 2>&1
git -C a config user.name "Bea Jansen"
git -C a config user.email bea@example.nl
git config -f "$CFG" review.signing-key "$T/anna"
git config -f "$CFG" --unset review.require-signatures
"$A" -C a approve "$slug" > out 2>&1 || fail "the forged signing: $(cat out)"
git -C a config --unset user.name
git -C a config --unset user.email
"$A" -C a review --print "$slug" > out 2>&1
grep -q "signature does not verify" out && ok "review: a signature by another key does not verify" || fail "review forged sig: $(cat out)"
locked "an approval signed with another person's key"
# An unsigned approval in Bea's name, with signatures required.
git -C a config user.name "Bea Jansen"
git -C a config user.email bea@example.nl
git config -f "$CFG" --unset review.signing-key
"$A" -C a approve "$slug" > out 2>&1 || fail "unsigned approval: $(cat out)"
git -C a config --unset user.name
git -C a config --unset user.email
unlocked "an unsigned approval without require-signatures"
git config -f "$CFG" review.require-signatures true
locked "an unsigned approval with require-signatures"
LANGUAGE=nl "$A" -C a publish "$slug" --org gm0363 --url "$URL" > out 2>&1
grep -q "niet ondertekend" out && ok "in Dutch: $(cut -c1-100 out)" || fail "Dutch: $(cat out)"

# ---- review --format json: C1 and bidi controls from records and names as \u escapes ----
C1=$(printf '\302\233')      # U+009B, CSI as one character
RLO=$(printf '\342\200\256') # U+202E, right-to-left override
git init -q j
"$A" -C j new "Json" description_short="Kort" > out 2>&1 || fail "new j: $(cat out)"
# A version by an author whose name holds U+202E (git takes any name).
sed -i 's/^description_short: .*/description_short: Korter/' j/algoritmes/json.yaml
git -C j -c user.name="Eve${RLO}gpj.exe" -c user.email=eve@example.nl commit -qam "Korter"
mkdir -p j/reviews/json
printf 'kind: comment\ndescription: json\nfield: description_short\nversion: "%s"\nauthor: "Mal\\u009b31mlory"\nemail: m@example.nl\ntime: 2026-12-08T01:00:00Z\ntext: "x\\u202ey\\u009b2J"\n' \
	"$(git -C j rev-parse HEAD)" > j/reviews/json/20261208T010000Z-0badc0de-comment.yaml
git -C j add reviews && git -C j commit -qm "A comment"
"$A" -C j review --print --format json json > out 2>&1
if grep -q "$C1\|$RLO" out; then
	fail "review --format json prints C1 or bidi controls raw: $(od -c out | head -5)"
elif grep -qF '\u009b31mlory' out && grep -qF 'x\u202ey\u009b2J' out && grep -qF 'Eve\u202egpj.exe' out; then
	ok "review --format json: C1 and bidi controls as \\u escapes"
else
	fail "review --format json: $(cat out)"
fi
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' out 2>/dev/null && ok "review --format json: valid JSON" ||
	{ command -v python3 >/dev/null && fail "review --format json is not valid JSON: $(cat out)"; }
[ "$fails" = 0 ] || exit 1
