#!/bin/sh
# make bench: runs every benchmark under bench/ and prints one table. Each
# benchmark is bench/NAME/run (executable, any language), called with the build
# and source folders; it prints lines of tab-separated figures:
#   metric<TAB>value<TAB>unit<TAB>baseline name<TAB>baseline value<TAB>target
# (baseline and target may be "-"). Progress goes to stderr.
set -u
build=$1; src=$2
out=$(mktemp); trap 'rm -f "$out"' EXIT
for b in "$src"/bench/*/run; do
	[ -x "$b" ] || continue
	name=$(basename "$(dirname "$b")")
	echo "bench: $name ..." >&2
	"$b" "$build" "$src" | sed "s/^/$name\t/" >> "$out" || echo "$name	FAILED	-	-	-	-	-" >> "$out"
done
printf '%-8s %-44s %14s %-6s | %-22s %12s | %s\n' bench metric value unit baseline "its value" target
awk -F'\t' '{ printf "%-8s %-44s %14s %-6s | %-22s %12s | %s\n", $1, $2, $3, $4, $5, $6, $7 }' "$out"
