#!/bin/sh
# make check-deb: the Debian package, built as a user would build it from the
# release tarball (dpkg-buildpackage -us -uc -b), accepted by lintian without
# errors, holding the program, its man page, data and catalogues, and
# running from the unpacked package: --version, and a tutor lesson in plain
# mode with the answers piped in. Slow (a whole build), so not part of make
# check; skipped, visibly, where the Debian tools are not installed.
# Usage: debian.sh TARBALL
set -u
tarball=$1
command -v dpkg-buildpackage >/dev/null || { echo "SKIP: dpkg-buildpackage is not installed (apt install dpkg-dev debhelper)"; exit 77; }
command -v dh >/dev/null || { echo "SKIP: debhelper is not installed (apt install debhelper)"; exit 77; }
T=$(mktemp -d /tmp/algedit-deb.XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

tar -xzf "$tarball" -C "$T" || { echo "FAIL: cannot unpack $tarball"; exit 1; }
src=$(echo "$T"/algedit-*)
[ -f "$src/debian/control" ] || { echo "FAIL: the tarball has no debian/ folder"; exit 1; }
if ! (cd "$src" && dpkg-checkbuilddeps) > "$T/deps.log" 2>&1; then
	echo "SKIP: build dependencies missing: $(cat "$T/deps.log")"; exit 77
fi
if (cd "$src" && dpkg-buildpackage -us -uc -b) > "$T/build.log" 2>&1; then
	ok "dpkg-buildpackage -us -uc -b"
else
	echo "FAIL: dpkg-buildpackage -us -uc -b:"; tail -30 "$T/build.log" | sed 's/^/    /'; exit 1
fi
deb=$(ls "$T"/algedit_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "FAIL: no algedit_*.deb was made: $(ls "$T")"; exit 1; }
ok "made $(basename "$deb")"

if command -v lintian >/dev/null; then
	if lintian --fail-on error "$deb" > "$T/lintian.log" 2>&1; then
		ok "lintian: no errors ($(grep -c '^W:' "$T/lintian.log") warnings)"
	else
		fail "lintian finds errors: $(grep '^E:' "$T/lintian.log")"
	fi
	sed 's/^/    /' "$T/lintian.log"
else
	echo "skip: lintian is not installed (apt install lintian)"
fi

dpkg-deb -c "$deb" > "$T/contents"
for f in ./usr/bin/algedit ./usr/share/man/man1/algedit.1.gz ./usr/share/algedit/standard/1.0/fields.yaml \
	./usr/share/algedit/standard/1.0/lessons-nl.yaml ./usr/share/locale/nl/LC_MESSAGES/algedit.mo \
	./usr/share/algedit/demos/01-algemene-informatie.keys ./usr/share/doc/algedit/copyright; do
	grep -q " $f\$" "$T/contents" || fail "the package does not hold $f"
done
ok "the package holds the program, its man page, the standard, the lessons, the demos and the catalogues"
depends=$(dpkg-deb -f "$deb" Depends)
for d in libhunspell libcurl4 libgit2 libyaml libncursesw; do
	echo "$depends" | grep -q "$d" || fail "Depends does not name $d (opened or linked by algedit): $depends"
done
echo "$(dpkg-deb -f "$deb" Recommends)" | grep -q hunspell-nl || fail "Recommends does not name hunspell-nl"
ok "Depends: $depends"

# The unpacked package: the program finds its data where the package put it
# (ALGEDIT_DATADIR and ALGEDIT_LOCALEDIR stand for /usr/share here).
root="$T/root"
dpkg-deb -x "$deb" "$root"
export HOME="$T/home" XDG_DATA_HOME="$T/home/share" XDG_STATE_HOME="$T/home/state" XDG_CONFIG_HOME="$T/home/config" \
	ALGEDIT_DATADIR="$root/usr/share/algedit" ALGEDIT_LOCALEDIR="$root/usr/share/locale" LC_ALL=C.UTF-8
mkdir -p "$HOME"
v=$("$root/usr/bin/algedit" --version 2>&1)
case $v in *"$(basename "$src" | sed 's/^algedit-//')"*) ok "algedit --version: $v" ;; *) fail "algedit --version: $v" ;; esac
printf '%s\n' "De gemeente kiest met dit algoritme welke vergunningen zij eerst controleert." q |
	"$root/usr/bin/algedit" --lang nl tutor --plain > "$T/tutor.txt" 2>&1 || fail "tutor --plain: $(cat "$T/tutor.txt")"
if grep -q "^== Les 1 van 5" "$T/tutor.txt" && grep -q "Klaar: de regels vinden in deze les niets meer te doen." "$T/tutor.txt"; then
	ok "the tutor's first lesson, in Dutch from the package's catalogue, done in plain mode"
else
	fail "the tutor in plain mode: $(cat "$T/tutor.txt")"
fi
exit $((fails > 0))
