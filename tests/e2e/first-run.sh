#!/bin/sh
# The first run (issue 21.10): the question about name and e-mail address
# is wrapped at spaces, never mid-word, and an address that is none
# ("anouk") is refused with an example and asked again; the version is
# signed with the real one. Dutch at 80x24, English at 120x40.
. "$top_srcdir/tests/e2e/lib.sh"

for run in "80 24 nl" "120 40 en"; do
	set -- $run
	rm -rf "$E2E_TMP/r" "$E2E_TMP/home/.config" "$E2E_TMP/home/.gitconfig"
	env="$E2E_ENV"
	[ "$3" = en ] && E2E_ENV="$E2E_ENV ALGEDIT_LANG=en"
	e2e_start "$1" "$2" -C "$E2E_TMP/r"
	if [ "$3" = nl ]; then q1="Uw naam:"; q2="Uw e-mailadres:"; bad="Dat is geen e-mailadres"; ready="Nog geen beschrijvingen"
	else q1="Your name:"; q2="Your e-mail address:"; bad="That is not an e-mail address"; ready="No descriptions yet"; fi
	e2e_wait "$q1"
	# Wrapped by the program at a space, not by the terminal: no row is
	# filled to the last column (where the terminal cuts a word in two).
	e2e_screen | e2e_norm > "$E2E_TMP/intro.txt"
	rows=$(grep -c . "$E2E_TMP/intro.txt")
	[ "$rows" -ge 2 ] || fail "the intro is not on two rows or more"
	[ "$(sed 's/./x/g' "$E2E_TMP/intro.txt" | awk '{ if (length($0) > max) max = length($0) } END { print max }')" -lt "$1" ] || fail "a row is full to the edge: the terminal wrapped it"
	e2e_type "Anouk Jansen"
	e2e_keys Enter
	e2e_wait "$q2"
	e2e_type "anouk"
	e2e_keys Enter
	e2e_wait "$bad"
	e2e_expect_screen "first-run-$3"
	e2e_type "anouk.jansen@zuiderveen.nl"
	e2e_keys Enter
	e2e_wait "$ready"
	e2e_keys C-q
	e2e_wait_exit 0
	grep -q "anouk.jansen@zuiderveen.nl" "$E2E_TMP/home/.config/algedit/config" || fail "the address kept: $(cat "$E2E_TMP/home/.config/algedit/config")"
	grep -q "email *= *\"*anouk\"*$" "$E2E_TMP/home/.config/algedit/config" && fail "the bad address was kept"
	E2E_ENV="$env"
done
