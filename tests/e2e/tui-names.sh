#!/bin/sh
# Long names are cut with "…", in the middle, so that names that share a
# long beginning still differ on screen: in the list and in the form's
# field list. At 80×24 and 120×40.
. "$top_srcdir/tests/e2e/lib.sh"

long="Kentekencamerahandhaving milieuzone binnenstad gemeente Voorbeeldstad, wijk Centrum-Noord"
mkdir -p "$E2E_TMP/work/algoritmes"
printf 'name: %s M\n' "$long" > "$E2E_TMP/work/algoritmes/kenteken-m.yaml"
printf 'name: %s Z\n' "$long" > "$E2E_TMP/work/algoritmes/kenteken-z.yaml"
git -C "$E2E_TMP/work" init -q -b main
git -C "$E2E_TMP/work" config user.name "Test Persoon"
git -C "$E2E_TMP/work" config user.email test@example.nl
git -C "$E2E_TMP/work" add algoritmes
git -C "$E2E_TMP/work" commit -qm "twee beschrijvingen"
for size in "80 24" "120 40"; do
	set -- $size
	e2e_start "$1" "$2" -C "$E2E_TMP/work"
	e2e_wait "Kentekencamera"
	e2e_wait "Noord M"
	e2e_wait "Noord Z"
	[ "$(e2e_screen | grep -c "Kentekencamera.*…")" = 2 ] || fail "names not cut with …"
	e2e_keys Enter
	e2e_wait "Tab Volgende"
	if [ "$1" = 80 ]; then
		# "Link naar bronregistratie" is wider than the field list.
		e2e_wait "Link naar bronre…stratie"
	fi
	e2e_keys C-q
	e2e_wait "> Kentekencamera"
	e2e_keys C-q
	e2e_wait_exit 0
done
echo "ok   long names cut with … in the middle, in the list and the field list (80x24, 120x40)"
