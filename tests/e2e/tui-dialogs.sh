#!/bin/sh
# Each question shows its own key bar, in the words of its answers, not
# another's ("^S Ja ^R Terughalen ^Q Sluiten" everywhere): unsaved changes,
# unsaved text found, delete; the go-to prompt (Ctrl-F) asks for part of a
# field's name. At 80×24 and 120×40.
. "$top_srcdir/tests/e2e/lib.sh"

bar() { e2e_screen | tail -n 1; }
bar_has() { bar | grep -qF -- "$1" || fail "key bar without \"$1\": $(bar)"; }
bar_lacks() { if bar | grep -qF -- "$1"; then fail "key bar with \"$1\": $(bar)"; fi; }

mkdir -p "$E2E_TMP/work/algoritmes"
printf 'name: Parkeervergunning toewijzen\n' > "$E2E_TMP/work/algoritmes/parkeren.yaml"
git -C "$E2E_TMP/work" init -q -b main
git -C "$E2E_TMP/work" config user.name "Test Persoon"
git -C "$E2E_TMP/work" config user.email test@example.nl
git -C "$E2E_TMP/work" add algoritmes
git -C "$E2E_TMP/work" commit -qm "een beschrijving"
for size in "80 24" "120 40"; do
	set -- $size
	rm -rf "$E2E_TMP/work/.git/algedit/journal"
	e2e_start_exec "$1" "$2" edit "algoritmes/parkeren.yaml"
	e2e_wait "Tab Volgende"
	e2e_keys C-f
	e2e_wait "Deel van de veldnaam:"
	bar_has "Enter OK"
	bar_lacks "Ja"
	e2e_keys Escape
	e2e_wait_gone "Deel van de veldnaam:"
	e2e_type " nu"
	e2e_keys C-q
	e2e_wait "Niet-opgeslagen wijzigingen"
	bar_has "^S Opslaan en sluiten"
	bar_has "^Q Sluiten zonder opslaan"
	bar_has "Esc Terug"
	bar_lacks "Terughalen"
	e2e_keys Escape
	e2e_wait_gone "Niet-opgeslagen wijzigingen"
	e2e_until "the journal to hold the typed text" grep -q "toewijzen nu" "$E2E_TMP/work/.git/algedit/journal/parkeren"
	kill -KILL "$(e2e_pid)"

	e2e_start "$1" "$2" edit "algoritmes/parkeren.yaml"
	e2e_wait "Niet-opgeslagen tekst gevonden"
	bar_has "Enter Terughalen"
	bar_has "Esc Opgeslagen versie openen"
	bar_lacks "^S"
	e2e_keys Escape
	e2e_wait_gone "Niet-opgeslagen tekst gevonden"
	e2e_keys C-q
	e2e_wait_exit 0

	e2e_start "$1" "$2" -C "$E2E_TMP/work"
	e2e_wait "> Parkeervergunning"
	e2e_keys C-d
	e2e_wait "Beschrijving verwijderen"
	bar_has "Enter Verwijderen"
	bar_has "Esc Bewaren"
	bar_lacks "^S"
	bar_lacks "Terughalen"
	e2e_keys Escape
	e2e_wait_gone "Beschrijving verwijderen"
	e2e_keys C-q
	e2e_wait_exit 0
done
echo "ok   each question has its own key bar; Ctrl-F asks for part of a field's name (80x24, 120x40)"
