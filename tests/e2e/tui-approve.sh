#!/bin/sh
# Approving in the review screen (issue 21.6, 21.9): the four-eyes refusal wraps
# and is read to its end (the instruction) at 80 columns; approve asks
# first and names the open comments and on which fields; any other key
# does not approve, a again does. Dutch at 80x24, English at 120x40.
. "$top_srcdir/tests/e2e/lib.sh"

W="$E2E_TMP/work"
mkdir -p "$W"
ae() { env $E2E_ENV "$ALGEDIT" "$@"; }
rv_norm() { e2e_norm | sed -E 's/[0-9]{2}:[0-9]{2}/hh:mm/g; s/[0-9]{4}-[0-9]{2}-[0-9]{2}/YYYY-MM-DD/g; s/\b[0-9a-f]{7}\b/#######/g'; }
E2E_NORM=rv_norm
as() { git -C "$W" config user.name "$1" && git -C "$W" config user.email "$2"; }
git -C "$W" init -q -b main
as "Anna de Vries" anna@example.nl
ae -C "$W" new "Parkeerhandhaving" description_short="Scanauto's controleren kentekens." \
	goal="Wij controleren of er voor parkeren betaald is." >/dev/null
ae -C "$W" ask-review parkeerhandhaving >/dev/null

# The drafter herself: not told that she reviewed her own work (21.9);
# refused, the whole sentence on screen.
e2e_start 80 24 -C "$W" review parkeerhandhaving
e2e_wait "Review: Parkeerhandhaving"
e2e_wait "Wijzigingen sinds het begin"
e2e_screen | grep -q "die u hebt beoordeeld" && fail "the drafter is told she reviewed her own work"
e2e_keys a
e2e_wait "vier ogen"
e2e_expect_screen approve-own-nl
e2e_screen | tr -d '\n' | grep -q 'in .algedit/config' || fail "the refusal's end is cut"
e2e_keys q
e2e_wait_exit 0
ae -C "$W" review --print parkeerhandhaving | grep -q "goedgekeurd" && fail "approved by the drafter"

# A reviewer with an open comment on Doel en impact.
as "Bea Jansen" bea@example.nl
ae -C "$W" comment parkeerhandhaving goal "Waarom is dit nodig?" >/dev/null
e2e_start 80 24 -C "$W" review parkeerhandhaving
e2e_wait "Review: Parkeerhandhaving"
e2e_keys a
e2e_wait "open (Doel en impact)"
e2e_expect_screen approve-ask-nl
# Any other key: not approved.
e2e_keys n
e2e_wait "Niet goedgekeurd."
ae -C "$W" review --print parkeerhandhaving | grep -q "goedgekeurd\b" && fail "approved by one key"
e2e_keys q
e2e_wait_exit 0

E2E_ENV="$E2E_ENV ALGEDIT_LANG=en"
e2e_start 120 40 -C "$W" review parkeerhandhaving
e2e_wait "Review: Parkeerhandhaving"
e2e_keys a
e2e_wait "(Purpose and impact)"
e2e_expect_screen approve-ask-en
e2e_keys a
e2e_wait "Approved: parkeerhandhaving"
e2e_keys q
e2e_wait_exit 0
ae -C "$W" review --print parkeerhandhaving | grep -q "parkeerhandhaving: approved" || fail "not approved: $(ae -C "$W" review --print parkeerhandhaving)"
