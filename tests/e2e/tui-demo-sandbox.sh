#!/bin/sh
# A demo's key script may come from anyone: while it plays, the template
# prompt opens only files in the demo's own folder (the sandbox). A script
# that types the path of a private file (mode 0600, a valid template with a
# secret name) or /etc/passwd gets a message and nothing of the file on
# screen; a relative path that climbs out of the sandbox is refused too.
. "$top_srcdir/tests/e2e/lib.sh"

mkdir -p "$E2E_TMP/tmp" "$E2E_TMP/nodict" "$E2E_TMP/private" "$E2E_TMP/home/.config/algedit"
printf '[user]\n\tname = "Test"\n\temail = "test@example.invalid"\n' > "$E2E_TMP/home/.config/algedit/config"
E2E_ENV="$E2E_ENV TMPDIR=$E2E_TMP/tmp DICPATH=$E2E_TMP/nodict"
secret="$E2E_TMP/private/geheim.json"
sed 's/Routeplanner afvalinzameling/GEHEIM-7311 routeplanner/' "$top_srcdir/tests/fixtures/templates/leverancier.json" |
	python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)[0]))' > "$secret"
chmod 600 "$secret"

play() { # NAME PATH: a script that types PATH into the template prompt
	printf 'size 100 30\nwait 200\nkey C-t\nwait 200\ntext %s\nkey Enter\nwait 300\n' "$2" > "$E2E_TMP/$1.keys"
	e2e_start 100 30 demo --play "$E2E_TMP/$1.keys" --speed 4
	e2e_wait "Einde van de demo" 60
}
for p in "$secret" /etc/passwd "../../private/geheim.json" "../../../../../../etc/passwd"; do
	play try "$p"
	screen=$(e2e_screen)
	if echo "$screen" | grep -q "GEHEIM-7311\|root:"; then
		fail "the demo showed what is in $p: $screen"
	fi
	echo "$screen" | grep -q "alleen bestanden in de eigen map van de demo" ||
		fail "no message for $p: $screen"
	e2e_keys q
	e2e_wait_exit 0
	echo "ok   demo typing $p: refused, nothing of it shown"
done
# Outside a demo the same picker opens that file when its path is typed: the rule is the demo's.
e2e_start 100 30 -C "$E2E_TMP/repo"
e2e_wait "Sjabloon"
e2e_keys C-t
e2e_wait "Kies een sjabloon van het register"
e2e_type "$secret"
e2e_keys Enter
e2e_wait "GEHEIM-7311"
echo "ok   outside a demo the template prompt opens the file"
