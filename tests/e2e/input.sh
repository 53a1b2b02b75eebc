#!/bin/sh
# Bad input gets a clear error, and only valid data is saved: every KEY=VALUE
# of new is checked; a NUL character or bytes that are not UTF-8 are refused
# by set, new, import and check with the field, file and line; check's JSON is
# always UTF-8 JSON; the reader's limits (depth, keys) are named with their
# line; and the messages for an algoritmes that is a file, a repository of
# another user and a commit time that is no date say what is really wrong.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANGUAGE=en LANG=C.UTF-8 GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 HOME="$tmp"
fails=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; sed 's/^/    /' "$tmp/out"; fails=$((fails + 1)); }
# run NAME WANT_RC PATTERN CMD...: runs CMD (stdout and stderr to $tmp/out)
run() {
	name=$1 want=$2 pat=$3; shift 3
	"$@" > "$tmp/out" 2>&1; rc=$?
	if [ "$rc" -ne "$want" ] || { [ "$pat" != - ] && ! grep -qE -- "$pat" "$tmp/out"; }; then
		echo "    (exit $rc, wanted $want and /$pat/)" >> "$tmp/out"
		bad "$name"
	else
		ok "$name"
	fi
}
repo() { # repo DIR: an empty drafts repository with an author
	rm -rf "$1"; git init -q "$1"
	git -C "$1" config user.name Tester; git -C "$1" config user.email t@example.nl
}
commits() { git -C "$1" rev-list --count HEAD 2>/dev/null || echo 0; }

# 1. new: all assignments are checked, the 70th as much as the first.
repo "$tmp/r1"
set -- new "Zeventig velden"
i=1; while [ $i -le 69 ]; do set -- "$@" "organization=Gemeente $i"; i=$((i + 1)); done
set -- "$@" status=Bogus
run new-70th 1 'status|Status.*"Bogus" is not allowed' "$ALGEDIT" -C "$tmp/r1" "$@"
if [ -d "$tmp/r1/algoritmes" ] || [ "$(commits "$tmp/r1")" != 0 ]; then bad "new-70th: something was saved"; fi

# 2. Values are text. A description to change:
repo "$tmp/r2"
"$ALGEDIT" -C "$tmp/r2" new "Parkeren" > "$tmp/out" 2>&1 || bad "new Parkeren"
f2="$tmp/r2/algoritmes/parkeren.yaml"
before=$(cksum < "$f2"); n2=$(commits "$tmp/r2")
run set-arg-latin1 2 'value for name is not valid UTF-8 text \(byte 3\)' "$ALGEDIT" -C "$tmp/r2" set parkeren "name=$(printf 'caf\351')"
printf 'Een doel.\nNog een regel\000en wat erna kwam\n' > "$tmp/nul.txt"
run set-file-nul 2 'nul.txt, line 2: the value for goal holds a NUL character' "$ALGEDIT" -C "$tmp/r2" set parkeren "goal=@$tmp/nul.txt"
printf 'Een doel.\n\nCaf\351 de regel\n' > "$tmp/latin1.txt"
run set-file-latin1 2 'latin1.txt, line 3: the value for goal is not valid UTF-8 text' "$ALGEDIT" -C "$tmp/r2" set parkeren "goal=@$tmp/latin1.txt"
printf 'In gebruik\000evil' > "$tmp/status.txt"
run set-stdin-nul 2 'standard input, line 1: the value for status holds a NUL character' sh -c '"$1" -C "$2" set parkeren status=@- < "$3"' - "$ALGEDIT" "$tmp/r2" "$tmp/status.txt"
run new-name-latin1 2 'name is not valid UTF-8' "$ALGEDIT" -C "$tmp/r2" new "$(printf 'Caf\351')"
run new-arg-nul 2 'value for goal holds a NUL character' "$ALGEDIT" -C "$tmp/r2" new Nieuw "goal=@$tmp/nul.txt"
if [ "$(cksum < "$f2")" != "$before" ] || [ "$(commits "$tmp/r2")" != "$n2" ] || [ "$(ls "$tmp/r2/algoritmes")" != parkeren.yaml ]; then
	bad "set/new: a refused value changed the repository"
fi
# check and import: JSON \u0000 and YAML "\0" are refused, naming the field and line.
printf '{"name": "Test",\n "status": "In gebruik\\u0000evil", "lang": "nld"}\n' > "$tmp/nul.json"
run check-json-nul 2 'nul.json:2:[0-9]+: error: Status: the value holds a NUL character' "$ALGEDIT" check "$tmp/nul.json"
printf 'name: Test\ngoal: "Doel\\0verborgen"\n' > "$tmp/nul.yaml"
run check-yaml-nul 2 'nul.yaml:2:[0-9]+: error: Purpose and impact: the value holds a NUL character' "$ALGEDIT" check "$tmp/nul.yaml"
printf '[{"id": "a", "name": "Sjabloon",\n  "status": "In gebruik\\u0000evil"}]\n' > "$tmp/tpl.json"
run import-nul 2 'tpl.json:2:[0-9]+: error: Status: the value holds a NUL character' "$ALGEDIT" import "$tmp/tpl.json"
run new-template-nul 2 'Status: the value holds a NUL character' "$ALGEDIT" -C "$tmp/r2" new --template "$tmp/tpl.json" Sjabloon
[ "$(commits "$tmp/r2")" = "$n2" ] || bad "new --template: a refused template was saved"

# The reader's limits, with the line where each is passed.
python3 -c 'print("name: x\nextra: " + "[" * 40 + "]" * 40)' > "$tmp/deep.yaml"
run limit-depth 2 'deep.yaml:2:[0-9]+: error: lists and mappings are nested more than 32 levels' "$ALGEDIT" check "$tmp/deep.yaml"
python3 -c 'import sys; sys.stdout.write("name: x\n" + "".join("k%05d: v\n" % i for i in range(10001)))' > "$tmp/keys.yaml"
run limit-keys 2 'keys.yaml:10001:1: error: a mapping has more than 10000 keys' "$ALGEDIT" check "$tmp/keys.yaml"

# 3. check --format json: valid UTF-8 JSON, whatever the file names and messages.
strict_json() { python3 -c 'import json,sys; json.loads(sys.stdin.buffer.read().decode("utf-8", "strict"))'; }
mkdir "$tmp/names"
python3 -c 'import sys; sys.stdout.write("name: x\nstatus: \"" + "\u20ac" * 1000 + "\"\n")' > "$tmp/names/long.yaml"
cp "$tmp/names/long.yaml" "$tmp/names/$(printf 'caf\351.yaml')"
cp "$tmp/names/long.yaml" "$tmp/names/$(printf 'esc\033[31m\007\nname\302\233.yaml')"
"$ALGEDIT" check --format json "$tmp/names" > "$tmp/out" 2>&1
if [ $? != 1 ] || ! strict_json < "$tmp/out" 2>> "$tmp/out"; then
	bad "check-json-utf8: not valid UTF-8 JSON"
elif grep -q "$(printf '\033')" "$tmp/out" || grep -q "$(printf '\007')" "$tmp/out" || grep -q "$(printf '\302\233')" "$tmp/out"; then
	bad "check-json-utf8: raw control characters in the output"
elif ! python3 -c '
import json, sys
d = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))
paths = {f["path"]: f for f in d["files"]}
caf = [f for p, f in paths.items() if p.endswith("caf\ufffd.yaml")]
assert caf and caf[0]["path_bytes"].endswith("636166e92e79616d6c"), paths.keys()
assert any("esc\x1b[31m\x07\nname\x9b.yaml" in p for p in paths), paths.keys()
long = [x["message"] for x in paths[[p for p in paths if p.endswith("long.yaml")][0]]["findings"] if x["rule"] == "value-list"][0]
assert long.count("\u20ac") == 1000, len(long)
' "$tmp/out" 2>> "$tmp/out"; then
	bad "check-json-utf8: names or messages not as expected"
else
	ok "check-json-utf8"
fi

# 5. Messages that say what is wrong.
repo "$tmp/r5"
echo "not a folder" > "$tmp/r5/algoritmes"
run algoritmes-file 1 'algoritmes is a file, not a folder' "$ALGEDIT" -C "$tmp/r5" new "Test"
grep -q 'disk space' "$tmp/out" && bad "algoritmes-file: still speaks of disk space"
if [ "$(id -u)" = 0 ]; then
	repo "$tmp/r6"
	chown -R 12345 "$tmp/r6"
	run foreign-owner 2 'belongs to another user \(12345\).*safe.directory' "$ALGEDIT" -C "$tmp/r6" log x
	grep -q 'neither a git repository' "$tmp/out" && bad "foreign-owner: still 'neither a git repository'"
else
	echo "skip foreign-owner: needs root to give a repository to another user"
fi
repo "$tmp/r7"
"$ALGEDIT" -C "$tmp/r7" new "Tijd" > /dev/null 2>&1
echo 'status: In gebruik' >> "$tmp/r7/algoritmes/tijd.yaml"
git -C "$tmp/r7" commit -qam x
c=$(git -C "$tmp/r7" cat-file commit HEAD | sed -E 's/^(author|committer) (.*>) [0-9]+ [-+][0-9]+$/\1 \2 9223372036854775807 +9959/' |
	git -C "$tmp/r7" hash-object -t commit -w --stdin --literally)
git -C "$tmp/r7" update-ref HEAD "$c"
run huge-time 0 '^[0-9a-f]{7}  unknown date +Tester  Status$' "$ALGEDIT" -C "$tmp/r7" log tijd
grep -Eq -- '--|[0-9]{5,}-' "$tmp/out" && bad "huge-time: a garbage date"

exit $((fails > 0))
