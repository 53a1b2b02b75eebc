#!/bin/sh
# Crafted files cost near-linear time: check of a 1 MiB YAML with 100,000 keys
# (one mapping; and 90,000 in ten mappings, within the reader's limits), and
# diff, log and set of a description whose 1 MiB field changed at its end,
# each well under 10 s even under a sanitizer (they took 6 to 85 s when the
# duplicate-key scan and the word diff were quadratic). The inputs are the
# ones of bench/input, which prints the figures.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8 GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 HOME="$tmp"
python3 "$top_srcdir/bench/input/gen.py" "$tmp/in" || exit 99
limit=10
fails=0
# timed NAME CMD...: runs CMD, fails when it takes limit seconds or more
timed() {
	name=$1; shift
	t=$(python3 -c 'import subprocess,sys,time; t=time.perf_counter(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120); print("%.2f" % (time.perf_counter()-t))' "$@" 2>/dev/null || echo 120)
	if awk -v t="$t" -v l="$limit" 'BEGIN { exit !(t < l) }'; then
		echo "ok   $name ($t s)"
	else
		echo "FAIL $name: $t s, the limit is $limit s"; fails=$((fails + 1))
	fi
}
timed check-100k-keys "$ALGEDIT" check "$tmp/in/keys.yaml"
timed check-90k-keys-in-10 "$ALGEDIT" check "$tmp/in/spread.yaml"
git init -q "$tmp/r"
git -C "$tmp/r" config user.name Tester; git -C "$tmp/r" config user.email t@example.nl
"$ALGEDIT" -C "$tmp/r" new Groot > /dev/null 2>&1 || { echo "FAIL new"; exit 1; }
f="$tmp/r/algoritmes/groot.yaml"
cp "$f" "$tmp/head"
for v in a b c; do
	{ cat "$tmp/head"; printf 'goal: |-\n  '; cat "$tmp/in/goal-$v.txt"; } > "$f"
	[ $v = c ] || git -C "$tmp/r" commit -qam "$v"
done
timed diff-1mib "$ALGEDIT" -C "$tmp/r" diff groot
timed log-1mib "$ALGEDIT" -C "$tmp/r" log groot
timed set-1mib "$ALGEDIT" -C "$tmp/r" set groot "status=In gebruik"
git -C "$tmp/r" log -1 --format=%s | grep -q 'Status, Purpose and impact' || { echo "FAIL set: not saved"; fails=$((fails + 1)); }
exit $((fails > 0))
