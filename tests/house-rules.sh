#!/bin/sh
# The house rules of the design: only tui/ includes curses, only store/ libgit2,
# only spell/ hunspell, only register/ libcurl, only standard/ and forms/ libyaml; forms/ stays pure.
set -u
cd "$top_srcdir" || exit 99
fails=0
rule() { # allowed-folders-regex, include-regex, what
	hits=$(grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*<($2)" --include='*.c' --include='*.h' \
		base cli tui forms standard store register spell i18n bench 2>/dev/null | grep -vE "^($1)/")
	if [ -n "$hits" ]; then
		echo "FAIL: $3 may only be included under $1:"; echo "$hits" | sed 's/^/    /'
		fails=$((fails + 1))
	else
		echo "ok   $3"
	fi
}
rule tui 'n?curses(w)?\.h|ncursesw/|form\.h|menu\.h|panel\.h' curses
rule store 'git2\.h|git2/' libgit2
rule spell 'hunspell' hunspell
rule register 'curl/' libcurl
rule 'standard|forms' 'yaml\.h' libyaml
# forms/ is pure: no terminal, no repository, no dictionary, no threads.
hits=$(grep -nE '#[[:space:]]*include[[:space:]]*["<](tui|store|register|spell|cli)/' forms/*.c forms/*.h standard/*.c standard/*.h 2>/dev/null)
if [ -n "$hits" ]; then echo "FAIL: forms/ and standard/ must not use tui, store, register, spell or cli:"; echo "$hits"; fails=$((fails + 1)); else echo "ok   arrows"; fi
# Each folder's local.mk lists only its own sources (the programs' and the
# library's; tests and benchmarks are registered where their module is).
hits=$(for mk in base cli tui forms standard store register spell i18n; do
	awk -v dir="$mk" -v mk="$mk/local.mk" '
		{ line = line $0 } /\\$/ { sub(/\\$/, "", line); next }
		{ if (line ~ /^(libalgedit_a|algedit)_SOURCES[[:space:]]*\+?=/) {
			n = split(line, w, /[[:space:]]+/)
			for (i = 1; i <= n; i++)
				if (w[i] ~ /\// && index(w[i], dir "/") != 1) print mk ": " w[i]
		  }
		  line = "" }' "$mk/local.mk"
done)
if [ -n "$hits" ]; then echo "FAIL: a local.mk lists another folder's sources:"; echo "$hits" | sed 's/^/    /'; fails=$((fails + 1)); else echo "ok   each local.mk lists its own sources"; fi
# No subcommand file uses another's helpers: what the commands share is in
# cli/common.c and cli/assign.c (cli/document.c is the rest of export).
hits=$(for f in cli/*.c; do
	case $f in cli/main.c|cli/common.c|cli/assign.c|cli/document.c) continue ;; esac
	for fn in $(sed -n 's/^[a-z][a-z_ *]* \**\(cli_[a-z_]*\)(.*/\1/p' "$f"); do
		grep -l "$fn(" cli/*.c | grep -vx "$f" | sed "s|\$| calls $fn of $f|"
	done
done)
if [ -n "$hits" ]; then echo "FAIL: a cli subcommand file uses another's helper:"; echo "$hits" | sed 's/^/    /'; fails=$((fails + 1)); else echo "ok   cli subcommands share only cli/common.c and cli/assign.c"; fi
exit $((fails > 0))
