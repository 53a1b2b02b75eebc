#!/bin/sh
# The guidance can always be read whole: Alt-T (or F6) opens it full screen
# at any size; at 80×19, where there is no room for the pane, Ctrl-T opens
# it full screen too instead of flipping a flag nobody sees; at 80×24 and
# 120×40 Ctrl-T hides and shows the pane. A guidance text longer than the
# pane says so in its heading and scrolls with Alt-PgDn / Alt-PgUp.
. "$top_srcdir/tests/e2e/lib.sh"

# A long guidance text for "Naam", so the pane has more than it shows.
tips=""
for i in $(seq 1 40); do tips="$tips\"Tip nummer $i.\", "; done
awk -v tips="$tips" '
/^  name:$/ { print; print "    what: \"Begin van de toelichting.\""; print "    tips: [" tips "\"Laatste tip.\"]";
              print "    example: \"Einde van de toelichting.\""; skip = 1; next }
skip && /^  [a-z_]+:$/ { skip = 0 }
!skip { print }' "$top_srcdir/tests/e2e/guidance-nl.yaml" > "$E2E_TMP/data/standard/1.0/guidance-nl.yaml"

for size in "80 24" "120 40"; do
	set -- $size
	e2e_start "$1" "$2" edit "g$1.yaml"
	e2e_wait "Tab Volgende"
	e2e_wait "Toelichting (meer: Alt-PgDn)"
	e2e_wait_gone "Einde van de toelichting."
	for i in $(seq 1 20); do e2e_keys M-NPage; done
	e2e_wait "Einde van de toelichting."
	e2e_wait "(terug: Alt-PgUp)"
	e2e_wait_gone "Begin van de toelichting."
	for i in $(seq 1 20); do e2e_keys M-PPage; done
	e2e_wait "Begin van de toelichting."
	e2e_keys C-t
	e2e_wait_gone "Begin van de toelichting."
	e2e_keys C-t
	e2e_wait "Begin van de toelichting."
	e2e_keys M-t
	e2e_wait "Esc sluit"
	e2e_keys NPage NPage NPage NPage NPage
	e2e_wait "Einde van de toelichting."
	e2e_keys Escape
	e2e_wait_gone "Esc sluit"
	e2e_keys C-q
	e2e_wait_exit 0
done

e2e_start 80 19 edit g19.yaml
e2e_wait "Tab Volgende"
e2e_wait_gone "Toelichting"
e2e_keys C-t
e2e_wait "Esc sluit"
e2e_wait "Begin van de toelichting."
e2e_keys Escape
e2e_wait_gone "Esc sluit"
e2e_keys F6
e2e_wait "Esc sluit"
e2e_keys Escape
e2e_wait_gone "Esc sluit"
e2e_keys C-q
e2e_wait_exit 0
echo "ok   guidance: scrolls, full screen at any size, Ctrl-T by the layout (80x19, 80x24, 120x40)"
