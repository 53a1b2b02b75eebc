#!/bin/sh
# algedit import into a real temporary repository: a description already
# there is never overwritten without --update; --update shows the field diff
# first and saves one commit; an unchanged one makes no commit.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8 GIT_CONFIG_GLOBAL=/dev/null HOME="$tmp" NO_COLOR=1
unset ALGEDIT_REPO
git init -q "$tmp/repo" && git -C "$tmp/repo" config user.name Tester && git -C "$tmp/repo" config user.email t@example.nl
fails=0
bad() { echo "FAIL $1"; sed 's/^/    /' "$tmp/out" | head -30; fails=$((fails + 1)); }
commits() { git -C "$tmp/repo" rev-list --count HEAD 2>/dev/null || echo 0; }
A() { "$ALGEDIT" -C "$tmp/repo" "$@" > "$tmp/out" 2>&1; }
body() {
	printf '{"name": "Meldingen openbare ruimte", "description_short": "Meldingen worden ingedeeld.",
 "organization": "Gemeente Noorderhaaks", "status": "%s", "contact_email": "algoritmes@noorderhaaks.nl",
 "publication_category": "Overige algoritmes", "goal": "<p>Sneller helpen.</p>", "lang": "nld",
 "standard_version": "1.0"}\n' "$1" > "$tmp/body.json"
}
body "In gebruik"
A import "$tmp/body.json" || bad "first import: exit $?"
grep -q "body.json: one JSON object" "$tmp/out" || bad "first import: kind"
f="$tmp/repo/algoritmes/meldingen-openbare-ruimte.yaml"
grep -q '^goal: Sneller helpen.$' "$f" || bad "first import: file"
n0=$(commits)

body "Buiten gebruik"
A import "$tmp/body.json"; rc=$?
[ $rc = 1 ] && grep -q "skipped: meldingen-openbare-ruimte is already in the repository (the same organisation and name); it is left as it is (--update" "$tmp/out" || bad "again: refused (exit $rc)"
[ "$(commits)" = "$n0" ] && grep -q '^status: In gebruik$' "$f" || bad "again: nothing changed"

A import --update "$tmp/body.json" || bad "--update: exit $?"
grep -q "updated meldingen-openbare-ruimte (the same organisation and name); the changes:" "$tmp/out" && grep -q 'Status: \[-In gebruik-\] {+Buiten gebruik+}' "$tmp/out" || bad "--update: the field diff"
[ "$(commits)" = $((n0 + 1)) ] && grep -q '^status: Buiten gebruik$' "$f" || bad "--update: saved"
git -C "$tmp/repo" log -1 --format=%s | grep -q 'Meldingen openbare ruimte: changed Status' || bad "--update: commit message"

A import --update "$tmp/body.json" || bad "unchanged: exit $?"
grep -q "unchanged: meldingen-openbare-ruimte" "$tmp/out" && [ "$(commits)" = $((n0 + 1)) ] || bad "unchanged: no commit"

# the register's code (lars) finds a description the register renamed
printf '{"name": "Slimme lantaarnpalen", "organization": "Gemeente Noorderhaaks", "lars": "12345678"}\n' > "$tmp/lars.json"
A import "$tmp/lars.json" || bad "lars: first import"
printf '{"name": "Slimme straatverlichting", "organization": "Gemeente Noorderhaaks", "lars": "12345678"}\n' > "$tmp/lars.json"
n1=$(commits)
A import "$tmp/lars.json"; [ $? = 1 ] && grep -q "slimme-lantaarnpalen is already in the repository" "$tmp/out" || bad "lars: same code, new name refused"
A import --update "$tmp/lars.json" && grep -q 'Name: .*Slimme.*straatverlichting' "$tmp/out" || bad "lars: --update shows the new name"
[ "$(commits)" = $((n1 + 1)) ] && [ ! -e "$tmp/repo/algoritmes/slimme-straatverlichting.yaml" ] \
	&& grep -q '^name: Slimme straatverlichting$' "$tmp/repo/algoritmes/slimme-lantaarnpalen.yaml" || bad "lars: saved in the same file"

# export takes the slug as well as the file
A export meldingen-openbare-ruimte && grep -q '"status": "Buiten gebruik"' "$tmp/out" || bad "export SLUG"
A export "$f" || bad "export FILE"
A export geen-beschrijving; [ $? = 2 ] && grep -q "no description geen-beschrijving" "$tmp/out" || bad "export unknown slug"
[ $fails = 0 ] && echo "ok   import --update, export SLUG"
exit $((fails > 0))
