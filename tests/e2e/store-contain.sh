#!/bin/sh
# A teammate's repository must not reach outside it. A remote pushes
# algoritmes/leak.yaml as a symbolic link to a file of the victim's, or makes
# algoritmes/ itself a link to a folder of the victim's; the victim syncs,
# changes every description (set --all) and syncs again. The secret must not
# reach the remote's history, nothing may be written outside the work tree,
# and the victim is told about the link. Also: check DIR on a folder with
# symbolic link loops ends, and says what it did not follow.
set -eu
A=${ALGEDIT:-$(pwd)/algedit}
T=$(mktemp -d /tmp/algedit-contain-XXXXXX)
trap 'rm -rf "$T"' EXIT INT TERM
export HOME="$T/home" GIT_CONFIG_NOSYSTEM=1 XDG_CONFIG_HOME="$T/home" LANGUAGE=en LC_ALL=C.UTF-8
mkdir -p "$HOME"
git config --global user.name "Anna" && git config --global user.email anna@example.nl
git config --global init.defaultBranch main
echo "leak:libpcre2-8.so" > "$T/lsan.supp"
export LSAN_OPTIONS="suppressions=$T/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$T"

# The victim's secrets: a YAML mapping (any kube config is one) and a folder
# holding a .yaml file.
mkdir -p home/.kube home/private
printf 'apiVersion: v1\nkind: Config\nname: cluster\ntoken: s3cr3t-T0KEN-kube\n' > home/.kube/config
printf 'name: Geheim\ntoken: s3cr3t-T0KEN-folder\n' > home/private/notes.yaml
cp home/private/notes.yaml "$T/notes.orig"

# ---- a symbolic link as a description ----
git init -q --bare hub.git
"$A" -C a new "Parkeren" status="In ontwikkeling" >/dev/null
git -C a remote add origin "$T/hub.git"
"$A" -C a sync >/dev/null || fail "first sync"
git clone -q hub.git m
ln -s ../../home/.kube/config m/algoritmes/leak.yaml
git -C m add algoritmes/leak.yaml && git -C m commit -qm "een beschrijving" && git -C m push -q origin main
"$A" -C a sync >out 2>err || fail "sync bringing the link: $(cat err)"
[ -L a/algoritmes/leak.yaml ] || fail "the test did not set up the link"
grep -q "algoritmes/leak.yaml is a symbolic link" out err || fail "sync does not name the link: $(cat out err)"
"$A" -C a set --all status="In gebruik" >out 2>err || fail "set --all refused: $(cat err)"
grep -q "algoritmes/leak.yaml is a symbolic link (symlink) to somewhere else; algedit does not open it" err ||
	fail "set --all does not name the link: $(cat err)"
grep -q "status: In gebruik" a/algoritmes/parkeren.yaml || fail "set --all skipped the real description"
[ -L a/algoritmes/leak.yaml ] || fail "the link was replaced"
"$A" -C a set leak status="In gebruik" >out 2>err && fail "set on the link itself accepted"
grep -q "symbolic link" err || fail "set leak: $(cat err)"
"$A" -C a sync >/dev/null 2>&1 || fail "second sync"
if git -C hub.git log --all -p | grep -q s3cr3t; then fail "the secret reached the remote"; fi
git -C hub.git log --all -p | grep -q "status: In gebruik" || fail "the real change was not sent"
"$A" -C a diff leak >out 2>err && fail "diff read the link"
grep -q s3cr3t out err && fail "diff printed the secret"
"$A" check a >out 2>err && fail "check passed a repository with a link"
grep -q "leak.yaml.*symbolic link" out || fail "check does not name the link: $(cat out err)"
grep -q s3cr3t out err && fail "check printed the secret"

# ---- algoritmes/ itself a symbolic link ----
git init -q --bare hub2.git
git clone -q hub2.git m2 2>/dev/null
ln -s ../home/private m2/algoritmes
git -C m2 add algoritmes && git -C m2 commit -qm "beschrijvingen" && git -C m2 push -q origin main 2>/dev/null
git clone -q hub2.git b
[ -L b/algoritmes ] || fail "the test did not set up the folder link"
"$A" -C b set --all status="In gebruik" >out 2>err && fail "set --all through a linked folder accepted"
grep -q "algoritmes is a symbolic link" err || fail "set --all, folder link: $(cat err)"
"$A" -C b new "Nieuw" status="In gebruik" >out 2>err && fail "new wrote through a linked folder"
grep -q "algoritmes is a symbolic link" err || fail "new, folder link: $(cat err)"
"$A" -C b sync >out 2>err || fail "sync with a linked folder: $(cat err)"
grep -q "algoritmes is a symbolic link" out err || fail "sync does not name the folder link: $(cat out err)"
if git -C hub2.git log --all -p | grep -q s3cr3t; then fail "the secret reached the remote (folder)"; fi
cmp -s home/private/notes.yaml "$T/notes.orig" || fail "a file outside the work tree was changed"
[ "$(ls home/private)" = notes.yaml ] || fail "files were written outside the work tree: $(ls -a home/private)"

# ---- check DIR with symbolic link loops ends ----
mkdir loop
printf 'name: Lus\n' > loop/lus.yaml
ln -s . loop/a
ln -s . loop/b
ln -s ../home/.kube/config loop/x.yaml
rc=0
timeout 20 "$A" check loop >out 2>err || rc=$?
[ $rc -ne 124 ] || fail "check on a folder with link loops does not end"
grep -q "loop/lus.yaml" out || fail "check skipped the real file: $(cat out)"
grep -q "loop/a.*symbolic link" err || fail "check does not say it left the folder link alone: $(cat err)"
grep -q "loop/x.yaml.*symbolic link" out || fail "check does not name the file link: $(cat out)"
! grep -q "^loop/[ab]/" out || fail "check followed the loop: $(head out)"
echo ok
