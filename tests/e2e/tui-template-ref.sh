#!/bin/sh
# Start from one of the register's own supplier templates in the editor:
# every template file of ../shared/reference/templates opens (a picker when
# it holds several), and one is saved as a commit.
. "$top_srcdir/tests/e2e/lib.sh"
ref="${SHARED_DIR:-$top_srcdir/../shared}/reference/templates"
if [ ! -d "$ref" ]; then echo "SKIP: ../shared/reference is absent"; exit 77; fi

REPO="$E2E_TMP/work"
mkdir -p "$REPO"
git init -q "$REPO"
git -C "$REPO" config user.name "Test Persoon"
git -C "$REPO" config user.email test@example.nl

files=0
for t in "$ref"/*.json; do
	e2e_start 100 30 -C "$REPO" --template "$t"
	count=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$t" 2>/dev/null || echo 1)
	if [ "$count" -gt 1 ]; then
		e2e_wait "Kies een sjabloon"
		e2e_keys Enter
	fi
	e2e_wait "Begonnen vanuit het sjabloon"
	if [ "$(basename "$t")" = centric.json ]; then
		e2e_keys C-s
		k=200
		while [ $k -gt 0 ] && [ -z "$(git -C "$REPO" ls-files algoritmes)" ]; do sleep 0.05; k=$((k - 1)); done
		e2e_keys C-q
	else
		e2e_keys C-q
		e2e_wait "Niet-opgeslagen wijzigingen"
		e2e_keys C-q
	fi
	e2e_wait "Filter (typ)"
	e2e_keys C-q
	e2e_wait_exit 0
	files=$((files + 1))
done
[ "$(git -C "$REPO" ls-files algoritmes | wc -l)" = 1 ] || fail "wanted one saved description: $(git -C "$REPO" ls-files)"
echo "ok   $files register template files open in the editor"
