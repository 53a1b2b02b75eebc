#!/bin/sh
# Text boxes use the room there is: at 120×40 a short description of five
# wrapped lines shows whole in a five-row box; a long text opens at its
# start, not its end; in a list of items the first item stays in view
# while a new one is added and the box has room. At 80×24 and 120×40.
. "$top_srcdir/tests/e2e/lib.sh"

short="Begin van de korte omschrijving. De gemeente beoordeelt aanvragen voor kwijtschelding van gemeentelijke belastingen met een rekenregel die inkomen en vaste lasten vergelijkt. Medewerkers controleren elke uitkomst voordat een besluit wordt genomen. Einde van de korte omschrijving."
goal="Begin van het doel."
for i in $(seq 1 30); do goal="$goal\n\n  Alinea $i van een lange tekst over het doel van het algoritme."; done
goal="$goal\n\n  Einde van het doel."
mkdir -p "$E2E_TMP/work"
printf 'name: Kwijtschelding\ndescription_short: "%s"\ngoal: |-\n  %b\nlawful_basis_grouping:\n  - title: Eerste wet\n  - title: Tweede wet\n' \
	"$short" "$goal" > "$E2E_TMP/work/b.yaml"

for size in "80 24" "120 40"; do
	set -- $size
	e2e_start "$1" "$2" edit b.yaml
	e2e_wait "Tab Volgende"
	e2e_keys Tab
	e2e_wait "Korte omschrijving ·"
	# It opens at its start (21.12); at 120×40 it shows whole.
	e2e_wait "Begin van de korte omschrijving."
	[ "$1" = 120 ] || e2e_keys C-End
	e2e_wait "Einde van"
	e2e_keys C-f
	e2e_type "doel en"
	e2e_keys Enter
	e2e_wait "Doel en impact ·"
	e2e_wait "Begin van het doel."
	e2e_keys C-End
	e2e_wait "Einde van het doel."
	e2e_wait_gone "Begin van het doel."
	e2e_keys C-f
	e2e_type "verwijzingen wet"
	e2e_keys Enter
	e2e_wait "2. Tweede wet"
	# A third item: the first stays in view, the box has room for all.
	e2e_keys Down Down
	e2e_keys Enter
	e2e_wait "Titel van wettelijke basis:"
	e2e_wait "1. Eerste wet"
	e2e_keys Escape
	e2e_wait_gone "Titel van wettelijke basis:"
	e2e_keys C-q
	e2e_wait_exit 0
done
echo "ok   text boxes use the room there is; long texts open at their start; item 1 stays in view (80x24, 120x40)"
