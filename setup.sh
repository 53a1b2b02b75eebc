#!/bin/sh
# setup.sh: from a fresh Debian machine to a running algedit, or a green test suite.
#   ./setup.sh run    install what is missing, build, start algedit
#   ./setup.sh test   install what is missing, build (gcc, clang, ASan+UBSan), run every test,
#                     and make distcheck once (gcc)
#   ./setup.sh deps   only install what is missing (needs root on a fresh machine)
set -eu
cd "$(dirname "$0")"
top=$(pwd)

# ca-certificates: the CAs that sync over https trusts (minimal images have none).
PACKAGES="build-essential clang autoconf automake gettext pkg-config make
libncurses-dev libyaml-dev libgit2-dev libcurl4-openssl-dev libhunspell-dev hunspell hunspell-nl
check tmux locales git python3 python3-yaml ca-certificates"
# Only the tests need these: sync over ssh against an sshd the test starts on
# 127.0.0.1, over https with certificates the test makes (openssl), and a
# trace of which files a save opens (strace). Not installed for "run": Debian
# starts its own ssh service when openssh-server is installed, which a machine
# that only edits should not get. tidy validates the HTML documents algedit makes.
# ncurses-term: the terminfo entries of putty, rxvt and vt220 the terminal tests use.
TEST_PACKAGES="openssh-server openssh-client openssl strace tidy ncurses-term"

say() { printf '== %s\n' "$*" >&2; }

deps() { # packages...
	missing=""
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
	done
	if [ -n "$missing" ]; then
		say "installing:$missing"
		SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
		$SUDO apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
	fi
	# A Dutch UTF-8 locale, so the Dutch messages are used and tested.
	if ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
		say "creating the nl_NL.UTF-8 locale"
		SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
		$SUDO localedef -i nl_NL -f UTF-8 nl_NL.UTF-8
	fi
}

# The https tests reach their server by the name localhost (certificates name
# hosts, not addresses); a bare debootstrap has no /etc/hosts at all.
localhost_name() {
	getent ahostsv4 localhost 2>/dev/null | grep -q '^127\.0\.0\.1 ' && return
	say "adding localhost to /etc/hosts (the name does not lead to 127.0.0.1 here)"
	SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
	{ [ -s /etc/hosts ] && [ -n "$(tail -c1 /etc/hosts)" ] && echo; printf '127.0.0.1\tlocalhost\n'; } |
		$SUDO tee -a /etc/hosts >/dev/null
}

configure_in() { # builddir, extra configure args...
	dir=$1; shift
	if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt Makefile.in ]; then
		say "autoreconf"
		autoreconf -fi >/dev/null 2>&1 || autoreconf -fi
	fi
	mkdir -p "$dir"
	if [ ! -f "$dir/Makefile" ] || [ configure -nt "$dir/config.status" ]; then
		say "configure $dir $*"
		(cd "$dir" && "$top/configure" -q "$@")
	fi
}

jobs=$(nproc 2>/dev/null || echo 2)

case "${1:-run}" in
deps)
	deps $PACKAGES $TEST_PACKAGES
	localhost_name ;;
run)
	deps $PACKAGES
	configure_in build
	make -C build -s -j"$jobs"
	shift 2>/dev/null || true
	# Without HOME (env -i, a bare chroot) the drafts repository would be
	# made in the current folder, this source tree: use the account's home.
	[ -n "${HOME:-}" ] || { HOME=$(getent passwd "$(id -u)" | cut -d: -f6); export HOME; }
	exec build/algedit "$@" ;;
test)
	deps $PACKAGES $TEST_PACKAGES
	localhost_name
	status=0
	: > build-summary.txt
	for variant in gcc clang asan; do
		case $variant in
		gcc) configure_in build --enable-werror CC=gcc ;;
		clang) configure_in build-clang --enable-werror CC=clang ;;
		asan) configure_in build-asan --enable-werror --enable-asan CC=gcc ;;
		esac
		dir=build; [ $variant = gcc ] || dir=build-$variant
		say "build $variant"
		make -C "$dir" -s -j"$jobs" || { status=1; echo "$variant: build failed" >> build-summary.txt; continue; }
		say "test $variant"
		make -C "$dir" -s -j"$jobs" check || status=1
		if [ -f "$dir/test-suite.log" ]; then
			pass=$(sed -n 's/^# PASS: *//p' "$dir/test-suite.log" | head -1)
			fail=$(sed -n 's/^# FAIL: *//p' "$dir/test-suite.log" | head -1)
			err=$(sed -n 's/^# ERROR: *//p' "$dir/test-suite.log" | head -1)
			skip=$(sed -n 's/^# SKIP: *//p' "$dir/test-suite.log" | head -1)
			echo "$variant ${pass:-0} $(( ${fail:-0} + ${err:-0} )) ${skip:-0}" >> build-summary.txt
		fi
	done
	# The release tarball: made, unpacked, built and tested on its own, and
	# cleaned without leaving a file (make distcheck), once, with gcc.
	if [ -f build/Makefile ]; then
		say "distcheck"
		if make -C build -s -j"$jobs" distcheck DISTCHECK_CONFIGURE_FLAGS="--enable-werror CC=gcc" > build/distcheck.log 2>&1; then
			echo "distcheck passed" >> build-summary.txt
		else
			status=1
			tail -40 build/distcheck.log >&2
			echo "distcheck failed (build/distcheck.log)" >> build-summary.txt
		fi
	fi
	awk '$2 ~ /^[0-9]+$/ { p += $2; f += $3; s += $4; printf "%s: %d passed, %d failed, %d skipped\n", $1, $2, $3, $4 }
	     / build failed/ { f += 1; print }
	     /^distcheck passed/ { p += 1; print "distcheck: passed" }
	     /^distcheck failed/ { f += 1; print "distcheck: FAILED, see build/distcheck.log" }
	     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' build-summary.txt
	rm -f build-summary.txt
	exit $status ;;
*)
	echo "usage: ./setup.sh [run|test|deps]" >&2; exit 2 ;;
esac
