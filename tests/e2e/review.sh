#!/bin/sh
# Review from the command line, with two clones synced through a bare
# repository: the drafter asks for review; the reviewer comments on two
# fields and suggests a text for a third; the drafter accepts the suggestion,
# answers one comment and changes the other field; the reviewer sees only
# what changed since and approves; a later change voids the approval. Two
# reviewers commenting at once merge without conflict; self-approval is
# refused; bad records are shown, never block; Dutch and English output;
# no control character from a record reaches the terminal.
set -eu
A=${ALGEDIT:-$(pwd)/algedit}
T=$(mktemp -d /tmp/algedit-review-XXXXXX)
trap 'rm -rf "$T"' EXIT INT TERM
export HOME="$T/home" GIT_CONFIG_NOSYSTEM=1 XDG_CONFIG_HOME="$T/home" LANGUAGE=en LC_ALL=C.UTF-8 TZ=UTC
mkdir -p "$HOME"
git config --global init.defaultBranch main
echo "leak:libpcre2-8.so" > "$T/lsan.supp"
export LSAN_OPTIONS="suppressions=$T/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
fail() { echo "FAIL: $*" >&2; exit 1; }
as() { # as NAME EMAIL: the author of what follows
	git config --global user.name "$1" && git config --global user.email "$2"
}
cd "$T"

# ---- the drafter writes and asks for review ----
as "Anna de Vries" anna@example.nl
git init -q --bare hub.git
"$A" -C a new "Parkeerhandhaving" description_short="Scanauto's controleren kentekens." \
	goal="Wij controleren of er voor parkeren betaald is." \
	human_intervention="Een handhaver bekijkt elke foto." >/dev/null
git -C a remote add origin "$T/hub.git"
out=$("$A" -C a ask-review parkeerhandhaving -m "Graag kijken voor vrijdag" --reviewer "Bea Jansen") || fail "ask-review: $out"
"$A" -C a sync >/dev/null || fail "first sync"
git clone -q hub.git b
git clone -q hub.git c

# ---- the reviewer syncs, comments on two fields, suggests a third ----
as "Bea Jansen" bea@example.nl
"$A" -C b sync >/dev/null || fail "sync b"
out=$("$A" -C b review --print parkeerhandhaving)
echo "$out" | grep -q "parkeerhandhaving: in review" || fail "state after ask-review: $out"
echo "$out" | grep -q "Graag kijken voor vrijdag" || fail "request message: $out"
echo "$out" | grep -q "Reviewers: Bea Jansen" || fail "reviewers: $out"
out=$("$A" -C b review --list --mine)
echo "$out" | grep -q "^parkeerhandhaving  in review, waiting for your review$" || fail "review --mine: $out"
as "Carl Smit" carl@example.nl
out=$("$A" -C b review --mine)
echo "$out" | grep -q "Nothing waits for your review." || fail "review --mine for someone not named: $out"
as "Bea Jansen" bea@example.nl
c1=$("$A" -C b comment parkeerhandhaving goal "Hoe lang bewaart u de foto's?" | sed -n 's/.*(ID \([0-9a-f]*\)).*/\1/p')
c2=$("$A" -C b comment parkeerhandhaving human_intervention "Wie controleert de handhaver?" | sed -n 's/.*(ID \([0-9a-f]*\)).*/\1/p')
s1=$("$A" -C b suggest parkeerhandhaving "description_short=Scanauto's controleren de kentekens van geparkeerde auto's." | sed -n 's/.*(ID \([0-9a-f]*\)).*/\1/p')
[ -n "$c1" ] && [ -n "$c2" ] && [ -n "$s1" ] || fail "no IDs printed"
"$A" -C b comment parkeerhandhaving colour "x" 2>err && fail "comment on an unknown field accepted"
grep -q '"colour" is not a field' err || fail "unknown field message: $(cat err)"
ls b/reviews/parkeerhandhaving/*-comment.yaml >/dev/null || fail "no record files"
[ -z "$(git -C b status --porcelain)" ] || fail "records not committed"
s2=$("$A" -C b suggest parkeerhandhaving "goal=Wij controleren parkeren." | sed -n 's/.*(ID \([0-9a-f]*\)).*/\1/p')
"$A" -C b request-changes parkeerhandhaving 2>err && fail "request-changes without -m accepted"
"$A" -C b request-changes parkeerhandhaving -m "Zie mijn opmerkingen" >/dev/null || fail "request-changes"
out=$("$A" -C b review --print parkeerhandhaving)
echo "$out" | grep -q "parkeerhandhaving: concept (changes requested)" || fail "state after request-changes: $out"
echo "$out" | grep -q "Zie mijn opmerkingen" || fail "request-changes message: $out"
"$A" -C b sync >/dev/null || fail "sync b after comments"

# ---- the drafter syncs, accepts, replies, changes the other field ----
as "Anna de Vries" anna@example.nl
"$A" -C a sync >/dev/null || fail "sync a"
out=$("$A" -C a review --print parkeerhandhaving)
echo "$out" | grep -q "Comments, open (2)" || fail "comments for the drafter: $out"
echo "$out" | grep -q "Suggestions, open (2)" || fail "suggestions for the drafter: $out"
echo "$out" | grep -qF "Scanauto's controleren {+de +}kentekens{+ van geparkeerde auto's+}." || fail "suggestion as a word diff: $out"
cp a/algoritmes/parkeerhandhaving.yaml saved.yaml
sed -i 's/^name: .*/name: Ongezien/' a/algoritmes/parkeerhandhaving.yaml
"$A" -C a accept parkeerhandhaving "$s1" 2>err && fail "accept swept unsaved text into the reviewer's version"
grep -q "not saved as a version" err || fail "unsaved changes message: $(cat err)"
cp saved.yaml a/algoritmes/parkeerhandhaving.yaml
"$A" -C a suggest parkeerhandhaving "lawful_basis_grouping#0=x" 2>err && fail "item 0 accepted"
out=$("$A" -C a accept parkeerhandhaving "$s1") || fail "accept: $out"
echo "$out" | grep -q "Suggestion by Bea Jansen accepted: Short description" || fail "accept message: $out"
grep -q "van geparkeerde auto's" a/algoritmes/parkeerhandhaving.yaml || fail "suggestion not applied"
git -C a log -1 --format=%s | grep -q "Bea Jansen" || fail "the version does not name the reviewer"
"$A" -C a accept parkeerhandhaving "$s1" 2>err && fail "accepted twice"
grep -q "accepted already" err || fail "second accept: $(cat err)"
"$A" -C a reject parkeerhandhaving "$s2" 2>err && fail "reject without a reason accepted"
"$A" -C a reject parkeerhandhaving "$s2" -m "Betaling hoort erbij" >/dev/null || fail "reject"
"$A" -C a comment parkeerhandhaving --reply "$c1" "48 uur, daarna gewist." >/dev/null || fail "reply"
"$A" -C a ask-review parkeerhandhaving -m "Aangepast" >/dev/null || fail "ask-review again"
"$A" -C a set parkeerhandhaving human_intervention="Een handhaver bekijkt elke foto; een teamleider controleert steekproefsgewijs." >/dev/null
"$A" -C a sync >/dev/null || fail "sync a after answers"

# ---- the reviewer sees only what changed since, and approves ----
as "Bea Jansen" bea@example.nl
"$A" -C b sync >/dev/null || fail "sync b 2"
out=$("$A" -C b review --print parkeerhandhaving)
echo "$out" | grep -q "since version .*, the last one you reviewed" || fail "base of the review: $out"
echo "$out" | grep -q "^Short description:" || fail "accepted text not among the changes: $out"
echo "$out" | grep -q "^Human intervention:" || fail "changed field not shown: $out"
echo "$out" | grep -q "{+; een teamleider controleert steekproefsgewijs+}" || fail "changed words not marked: $out"
echo "$out" | grep -q "^Purpose and impact:" && fail "unchanged field shown: $out"
echo "$out" | grep -q "Anna de Vries  Human intervention" || fail "who and when per change: $out"
echo "$out" | grep -q "outdated: the field changed since" || fail "outdated comment: $out"
echo "$out" | grep -q "Een handhaver bekijkt elke foto.$" || fail "outdated comment keeps its text: $out"
echo "$out" | grep -q "48 uur, daarna gewist." || fail "reply: $out"
"$A" -C b comment parkeerhandhaving --resolve "$c1" >/dev/null || fail "resolve"
"$A" -C b comment parkeerhandhaving --resolve "$c2" >/dev/null || fail "resolve 2"
"$A" -C b mark-reviewed parkeerhandhaving human_intervention >/dev/null || fail "mark"
out=$("$A" -C b approve parkeerhandhaving -m "Akkoord") || fail "approve: $out"
out=$("$A" -C b review --print parkeerhandhaving)
echo "$out" | grep -q "parkeerhandhaving: approved" || fail "approved: $out"
echo "$out" | grep -q "Comments, open" && fail "resolved comments listed as open: $out"
out=$("$A" -C b review --list)
echo "$out" | grep -q "^parkeerhandhaving  approved, approved by Bea Jansen (not signed)$" || fail "review --list after approval: $out"
out=$("$A" -C b review --print --format json parkeerhandhaving)
echo "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; assert d["state"]=="approved", d; assert d["open_comments"]==0, d' ||
	fail "json: $out"
"$A" -C b sync >/dev/null || fail "sync b 3"

# ---- self-approval refused; a change voids the approval ----
as "Anna de Vries" anna@example.nl
"$A" -C a sync >/dev/null
"$A" -C a set parkeerhandhaving goal="Wij controleren betaald parkeren." >/dev/null
out=$("$A" -C a review --print parkeerhandhaving)
echo "$out" | grep -q "parkeerhandhaving: concept (changed after approval)" || fail "approval not void: $out"
echo "$out" | grep -q "since the approval of version" || fail "review not from the approved version: $out"
echo "$out" | grep -q "^Purpose and impact:" || fail "change after approval: $out"
echo "$out" | grep -q "^Human intervention:" && fail "approved field shown as changed: $out"
"$A" -C a approve parkeerhandhaving 2>err && fail "self-approval accepted"
grep -q "four eyes" err || fail "refusal does not say why: $(cat err)"
grep -q "review.self-approve in your own config" err || fail "refusal does not say how to allow it: $(cat err)"
out=$("$A" -C a diff --since-approval parkeerhandhaving)
echo "$out" | grep -q "{+betaald+}" || fail "diff --since-approval: $out"
out=$("$A" -C a diff parkeerhandhaving)
echo "$out" | grep -q "same as the last saved version" || fail "diff without REV on an unchanged file: $out"
out=$("$A" -C a diff ~1 parkeerhandhaving)
echo "$out" | grep -q "^Purpose and impact:" || fail "diff ~1: $out"
out=$("$A" -C a log parkeerhandhaving)
echo "$out" | grep -q "\[approved [0-9a-f]*\]: Akkoord" || fail "log without the approval: $out"
echo "$out" | grep -q "\[comment $c1\] Purpose and impact: Hoe lang" || fail "log without the comment: $out"
# A team of one may allow it, in the user's own config (never the repository's).
printf 'self-approve: yes\n' > a/.algedit/config
"$A" -C a approve parkeerhandhaving 2>/dev/null >&2 && fail "the repository's self-approve: yes was honoured"
rm a/.algedit/config
mkdir -p "$XDG_CONFIG_HOME/algedit"
git config -f "$XDG_CONFIG_HOME/algedit/config" review.self-approve true
"$A" -C a approve parkeerhandhaving >/dev/null || fail "review.self-approve not honoured"
git config -f "$XDG_CONFIG_HOME/algedit/config" --unset review.self-approve
"$A" -C a sync >/dev/null

# ---- two reviewers commenting at once merge without conflict ----
as "Bea Jansen" bea@example.nl
"$A" -C b sync >/dev/null
"$A" -C b comment parkeerhandhaving name "Naam van Bea" >/dev/null
as "Carl Smit" carl@example.nl
"$A" -C c sync >/dev/null
"$A" -C c comment parkeerhandhaving name "Naam van Carl" >/dev/null
"$A" -C c sync >/dev/null || fail "sync c"
as "Bea Jansen" bea@example.nl
"$A" -C b sync >/dev/null || fail "sync b with both comments"
out=$("$A" -C b review --print parkeerhandhaving)
echo "$out" | grep -q "Naam van Bea" && echo "$out" | grep -q "Naam van Carl" || fail "both comments: $out"
[ -z "$(git -C b status --porcelain)" ] || fail "sync left changes"

# ---- bad and foreign records are shown, never block ----
printf 'kind: high-five\ndescription: parkeerhandhaving\ntime: 2026-01-01T00:00:00Z\n' \
	> b/reviews/parkeerhandhaving/20260101T000000Z-0badc0de-high-five.yaml
printf 'kind: comment\ndescription: parkeerhandhaving\nfield: goal\nversion: 0123456789abcdef0123456789abcdef01234567\ntime: 2026-01-01T00:00:00Z\ntext: x\n' \
	> b/reviews/parkeerhandhaving/20260101T000000Z-0badc0df-comment.yaml
printf 'kind: comment\ndescription: parkeerhandhaving\nfield: goal\ntime: 2026-01-01T00:00:00Z\nversion: %s\ntext: "Gevaar\\e]0;hacked\\a\\e[2J"\n' \
	"$(git -C b log -1 --format=%H -- algoritmes)" > b/reviews/parkeerhandhaving/20260101T000000Z-0badc0e0-comment.yaml
out=$("$A" -C b review --print parkeerhandhaving) || fail "bad records stop the review"
echo "$out" | grep -q "unknown kind of record \"high-five\"" || fail "unknown kind not shown: $out"
echo "$out" | grep -q "version 0123456789ab is not in the history" || fail "foreign version not shown: $out"
echo "$out" | grep -qF "Gevaar^[]0;hacked^G^[[2J" || fail "control characters not made safe: $out"
printf '%s' "$out" | grep -q "$(printf '\033')" && fail "an escape character reached the terminal"
"$A" -C b set parkeerhandhaving description_short="Kort." >/dev/null || fail "a bad record blocked a save"

# ---- Dutch ----
out=$(LANGUAGE=nl "$A" -C b review --print parkeerhandhaving)
echo "$out" | grep -q "parkeerhandhaving: concept (gewijzigd na goedkeuring)" || fail "Dutch state: $out"
echo "$out" | grep -q "Opmerkingen, open" || fail "Dutch headings: $out"
out=$(LANGUAGE=nl "$A" -C b review --list)
echo "$out" | grep -q "^parkeerhandhaving  concept (gewijzigd na goedkeuring), 3 open opmerkingen" || fail "Dutch list: $out"
out=$(LANGUAGE=nl "$A" -C b approve parkeerhandhaving 2>&1) && fail "self-approval in Dutch accepted"
echo "$out" | grep -q "vier ogen" || fail "Dutch refusal: $out"
out=$(LANGUAGE=nl "$A" -C b diff parkeerhandhaving)
echo "$out" | grep -q "hetzelfde als de laatst bewaarde versie" || fail "Dutch diff message: $out"
echo "ok"
