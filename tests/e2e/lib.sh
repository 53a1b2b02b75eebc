# lib.sh: drives the real algedit binary in tmux for the end-to-end tests.
# Each test sources it, starts the editor at a fixed size on a private tmux
# server, types with send-keys and compares capture-pane with the screens in
# tests/e2e/screens/ (ALGEDIT_E2E_UPDATE=1 rewrites them). The editor runs with
# fixed guidance (tests/e2e/guidance-*.yaml), Dutch messages, its own state
# folder, and the binary of the build under test (the ASan one included).
set -eu

: "${ALGEDIT:?ALGEDIT must name the binary under test}"
: "${top_srcdir:?}"
E2E_NAME=$(basename "$0" .sh)
E2E_SCREENS="$top_srcdir/tests/e2e/screens"

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed"
	exit 77
fi

# Always under /tmp, so a path on screen has the same length in every run.
E2E_TMP=$(mktemp -d /tmp/algedit-e2e.XXXXXX)
E2E_RUN=0
E2E_SOCK="algedit-e2e-$$-0"
E2E_FAILED=0

e2e_cleanup() {
	tmux -L "$E2E_SOCK" kill-server 2>/dev/null || true
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/algedit-e2e-$$-"* 2>/dev/null || true
	if [ "$E2E_FAILED" = 0 ]; then rm -rf "$E2E_TMP"; else echo "kept $E2E_TMP"; fi
}
trap e2e_cleanup EXIT

# A data folder with the real fields and the fixed guidance.
mkdir -p "$E2E_TMP/data/standard/1.0" "$E2E_TMP/state" "$E2E_TMP/home"
cp "$top_srcdir/standard/1.0/fields.yaml" "$E2E_TMP/data/standard/1.0/"
cp "$top_srcdir/tests/e2e/guidance-nl.yaml" "$top_srcdir/tests/e2e/guidance-en.yaml" "$E2E_TMP/data/standard/1.0/"
# The register's templates that come with algedit (Ctrl-T lists them).
cp -R "$top_srcdir/standard/1.0/templates" "$E2E_TMP/data/standard/1.0/"
# The drafts repository and git's config are private too: never the real
# home folder's, never the person's own name in a test commit.
E2E_ENV="-u ALGEDIT_REPO -u GIT_DIR -u GIT_WORK_TREE LANG=C.UTF-8 LC_ALL= LANGUAGE=nl TERM=screen NO_COLOR= HOME=$E2E_TMP/home \
ALGEDIT_DATADIR=$E2E_TMP/data XDG_STATE_HOME=$E2E_TMP/state XDG_DATA_HOME=$E2E_TMP/home/.local/share \
XDG_CONFIG_HOME=$E2E_TMP/home/.config GIT_CONFIG_NOSYSTEM=1 ASAN_OPTIONS=detect_leaks=1:exitcode=99"
export LANG=C.UTF-8 LANGUAGE=nl ALGEDIT_DATADIR="$E2E_TMP/data" XDG_STATE_HOME="$E2E_TMP/state"

T() { tmux -L "$E2E_SOCK" -f /dev/null "$@"; }

fail() {
	E2E_FAILED=1
	echo "FAIL: $*" >&2
	echo "--- screen:" >&2
	T capture-pane -p -t e2e >&2 || true
	if [ -s "$E2E_TMP/stderr" ]; then echo "--- stderr:" >&2; cat "$E2E_TMP/stderr" >&2; fi
	exit 1
}

# Each start gets a server of its own: no race with the last one's exit.
e2e_new_server() {
	T kill-server 2>/dev/null || true
	E2E_RUN=$((E2E_RUN + 1))
	E2E_SOCK="algedit-e2e-$$-$E2E_RUN"
}

# e2e_start W H ARGS...: starts algedit ARGS at W×H in folder $E2E_TMP/work.
# Its exit code goes to $E2E_TMP/rc, its stderr to $E2E_TMP/stderr.
e2e_start() {
	w=$1; h=$2; shift 2
	mkdir -p "$E2E_TMP/work"
	rm -f "$E2E_TMP/rc"
	args=""
	for a in "$@"; do args="$args '$a'"; done
	e2e_new_server
	T new-session -d -s e2e -x "$w" -y "$h" \
		"cd '$E2E_TMP/work' && env $E2E_ENV '$ALGEDIT' $args 2>'$E2E_TMP/stderr'; echo \$? > '$E2E_TMP/rc'; sleep 600"
	T set-option -g status off >/dev/null
	T resize-window -t e2e -x "$w" -y "$h" >/dev/null 2>&1 || true
}

# e2e_start_exec W H ARGS...: the same, but algedit is the pane's process
# (its pid is the pane's), for tests that kill it.
e2e_start_exec() {
	w=$1; h=$2; shift 2
	mkdir -p "$E2E_TMP/work"
	args=""
	for a in "$@"; do args="$args '$a'"; done
	e2e_new_server
	T new-session -d -s e2e -x "$w" -y "$h" "cd '$E2E_TMP/work' && exec env $E2E_ENV '$ALGEDIT' $args 2>>'$E2E_TMP/stderr'"
	T set-option -g status off >/dev/null
	T set-option -g remain-on-exit on >/dev/null
}

e2e_pid() { T display-message -p -t e2e '#{pane_pid}'; }
# e2e_wait_dead: until the process of e2e_start_exec has ended (the pane stays).
e2e_pane_dead() { [ "$(T display-message -p -t e2e '#{pane_dead}')" = 1 ]; }
e2e_wait_dead() { e2e_until "the editor to end" e2e_pane_dead; }
e2e_screen() { T capture-pane -p -t e2e; }
# The screen as compared: trailing blanks dropped, the temporary folder named alike.
e2e_norm() { sed 's/[[:space:]]*$//; s|/tmp/algedit-e2e\.[A-Za-z0-9]\{6\}|/tmp/algedit-e2e.XXXXXX|g'; }
e2e_keys() { T send-keys -t e2e "$@"; }
e2e_type() { T send-keys -t e2e -l -- "$1"; }

# e2e_wait TEXT [SECONDS]: until the screen shows TEXT.
e2e_wait() {
	n=$(( ${2:-10} * 20 ))
	while [ $n -gt 0 ]; do
		if e2e_screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.05
		n=$((n - 1))
	done
	fail "waited for \"$1\""
}

# e2e_wait_gone TEXT: until the screen no longer shows TEXT.
e2e_wait_gone() {
	n=200
	while [ $n -gt 0 ]; do
		if ! e2e_screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.05
		n=$((n - 1))
	done
	fail "waited for \"$1\" to go"
}

# e2e_until WHAT COMMAND...: until COMMAND succeeds (10 s), else fail naming WHAT.
# For files the editor writes on its own time (journal, commits): a condition, never a fixed sleep.
e2e_until() {
	what=$1; shift
	n=200
	while [ $n -gt 0 ]; do
		if "$@" 2>/dev/null; then return 0; fi
		sleep 0.05
		n=$((n - 1))
	done
	fail "waited for $what"
}

# e2e_expect_screen NAME: the screen equals screens/NAME.txt (trailing
# blanks ignored), waiting up to 10 s for it to settle. E2E_NORM names
# another normaliser (one that also hides dates, say); default e2e_norm.
e2e_expect_screen() {
	want="$E2E_SCREENS/$1.txt"
	got="$E2E_TMP/$1.txt"
	if [ "${ALGEDIT_E2E_UPDATE:-}" = 1 ]; then
		sleep 0.5
		e2e_screen | "${E2E_NORM:-e2e_norm}" > "$want"
		return 0
	fi
	n=200
	while [ $n -gt 0 ]; do
		e2e_screen | "${E2E_NORM:-e2e_norm}" > "$got"
		if cmp -s "$got" "$want"; then return 0; fi
		sleep 0.05
		n=$((n - 1))
	done
	diff -u "$want" "$got" >&2 || true
	fail "screen $1 differs"
}

# e2e_wait_exit [CODE]: the editor has ended (with CODE, default 0), cleanly
# under the sanitizers.
e2e_wait_exit() {
	n=200
	while [ $n -gt 0 ] && [ ! -s "$E2E_TMP/rc" ]; do sleep 0.05; n=$((n - 1)); done
	[ -s "$E2E_TMP/rc" ] || fail "the editor did not end"
	rc=$(cat "$E2E_TMP/rc")
	[ "$rc" = "${1:-0}" ] || fail "exit code $rc, wanted ${1:-0}"
	if grep -q 'Sanitizer' "$E2E_TMP/stderr" 2>/dev/null; then fail "sanitizer report"; fi
}

e2e_now_ms() { date +%s%3N; }
