#!/bin/sh
# algedit import of a list file larger than 16 MiB (the limit of a
# description file, and of other import files): read record by record with
# memory for one, every record a version; the 16 MiB limit of description
# files (check) and of other import files stays.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8 GIT_CONFIG_GLOBAL=/dev/null HOME="$tmp" NO_COLOR=1
unset ALGEDIT_REPO
git init -q "$tmp/repo" && git -C "$tmp/repo" config user.name Tester && git -C "$tmp/repo" config user.email t@example.nl
fails=0
bad() { echo "FAIL $1"; sed 's/^/    /' "$tmp/out" | head -30; fails=$((fails + 1)); }
# Three records, the second after 17 MiB of blanks and line breaks (JSON
# allows them between elements): the file is over the limit, its records
# are not.
python3 - "$tmp/big.json" <<'PY'
import json, sys
rec = lambda i: json.dumps({"name": "Groot bestand %d" % i, "description_short": "Record %d van een grote lijst." % i,
                            "organization": "Gemeente Noorderhaaks", "status": "In gebruik", "lang": "nld",
                            "standard_version": "1.0"})
with open(sys.argv[1], "w") as f:
    f.write("[\n" + rec(1) + ",\n")
    f.write((" " * 1023 + "\n") * (17 * 1024))
    f.write(rec(2) + ",\n" + rec(3) + "\n]\n")
PY
[ "$(wc -c < "$tmp/big.json")" -gt $((16 * 1024 * 1024)) ] || bad "the test file is not over 16 MiB"
python3 -c 'import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=open(sys.argv[-1] + ".out", "w"), stderr=subprocess.STDOUT).returncode
print(r, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' \
	"$ALGEDIT" -C "$tmp/repo" import "$tmp/big.json" > "$tmp/rc"
cp "$tmp/big.json.out" "$tmp/out"
read -r rc mb < "$tmp/rc"
[ "$rc" = 0 ] || bad "import: exit $rc"
grep -q "big.json: a large list, imported record by record" "$tmp/out" && grep -q "big.json: 3 records" "$tmp/out" || bad "import: what it says"
for i in 1 2 3; do
	[ -f "$tmp/repo/algoritmes/groot-bestand-$i.yaml" ] || bad "import: record $i"
done
[ "$(git -C "$tmp/repo" rev-list --count HEAD)" = 3 ] || bad "import: one version per record"
[ -z "$(git -C "$tmp/repo" status --porcelain)" ] || bad "import: git status clean"
# Memory for a record, not for the 17 MiB file (held whole, it would be
# more than that again as a parsed tree).
# Under AddressSanitizer resident memory holds its shadow and the freed
# blocks it keeps aside: the bound is measured in the other builds.
if ldd "$ALGEDIT" 2>/dev/null | grep -q libasan; then
	echo "SKIP part: the memory bound under AddressSanitizer (measured in the gcc and clang builds)"
else
	[ "$mb" -lt 17 ] || bad "import: $mb MB resident for a 17 MiB file"
fi

# A list damaged in the middle: the records before it are kept, and the
# message names the line.
head -c 1000 "$tmp/big.json" > "$tmp/damaged.json"
printf ', {"name": "Kapot"' >> "$tmp/damaged.json"
head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >> "$tmp/damaged.json"
"$ALGEDIT" -C "$tmp/repo" import --update "$tmp/damaged.json" > "$tmp/out" 2>&1; rc=$?
[ $rc = 2 ] && grep -q "damaged.json: the list is damaged near line" "$tmp/out" || bad "damaged: refused (exit $rc)"

# Anything else over 16 MiB is refused as before, and so is a description
# file of more than 1 MiB in check.
{ printf '{"name": "x", "goal": "'; head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' 'a'; printf '"}'; } > "$tmp/object.json"
"$ALGEDIT" -C "$tmp/repo" import "$tmp/object.json" > "$tmp/out" 2>&1; rc=$?
[ $rc = 2 ] && grep -q "cannot read .*object.json" "$tmp/out" || bad "an object over 16 MiB: refused (exit $rc)"
{ printf 'name: Groot\ngoal: '; head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'a'; echo; } > "$tmp/groot.yaml"
"$ALGEDIT" check "$tmp/groot.yaml" > "$tmp/out" 2>&1 && bad "check of a 2 MiB description: accepted"
[ $fails = 0 ] || exit 1
echo "import-large: all passed"
