#!/bin/sh
# Runs one fuzz target (named by its .fuzz file) over its seed corpus. With a
# libFuzzer build it also fuzzes for FUZZ_SECONDS (default 10) seconds.
set -u
name=$(basename "$1" .fuzz)
bin="$top_builddir/tests/fuzz/fuzz_$name"
corpus="$top_srcdir/tests/fuzz/corpus/$name"
[ -d "$corpus" ] || { echo "no corpus at $corpus"; exit 99; }
if "$bin" -help=1 >/dev/null 2>&1; then
	work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
	exec "$bin" -max_total_time="${FUZZ_SECONDS:-10}" -timeout=5 -rss_limit_mb=2048 "$work" "$corpus"
fi
exec "$bin" "$corpus"/*
