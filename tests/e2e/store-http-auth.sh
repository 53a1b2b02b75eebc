#!/bin/sh
# algedit sync against an http(s) git server that wants a user name and
# password and refuses them: without a terminal it says so at once; on a
# terminal it asks, sends them, and reports the refusal. Nothing is changed,
# and the password is never written to disk.
set -u
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
command -v tmux >/dev/null || { echo "SKIP: tmux is not installed"; exit 77; }
tmp=$(mktemp -d /tmp/algedit-http.XXXXXX)
sock="algedit-http-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null; [ -n "${srv:-}" ] && kill "$srv" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1 LANGUAGE=en LANG=C.UTF-8
unset ALGEDIT_REPO GIT_DIR GIT_WORK_TREE
mkdir -p "$HOME"
fails=0
python3 "$top_srcdir/tests/e2e/helpers/http401.py" "$tmp/auth.log" 60 > "$tmp/port" &
srv=$!
for i in 1 2 3 4 5 6 7 8 9 10; do [ -s "$tmp/port" ] && break; sleep 0.3; done
port=$(head -1 "$tmp/port")
[ -n "$port" ] || { echo "FAIL: the test server did not start"; exit 1; }
git init -q "$tmp/repo" && git -C "$tmp/repo" config user.name Tester && git -C "$tmp/repo" config user.email t@example.nl
"$ALGEDIT" -C "$tmp/repo" new "Parkeren" > /dev/null || { echo "FAIL: new"; exit 1; }
git -C "$tmp/repo" remote add origin "http://127.0.0.1:$port/team/hub.git"
head_before=$(git -C "$tmp/repo" rev-parse HEAD)

# No terminal to ask on.
setsid "$ALGEDIT" -C "$tmp/repo" sync < /dev/null > "$tmp/out" 2>&1
rc=$?
if [ $rc -ne 1 ] || ! grep -q 'did not accept your credentials: the server asks for a user name and password, and there is no terminal' "$tmp/out"; then
	echo "FAIL no-terminal: exit $rc: $(cat "$tmp/out")"; fails=$((fails + 1))
else
	echo "ok   no terminal: $(cat "$tmp/out" | cut -c1-100)..."
fi

# On a terminal: asked, sent, refused.
tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 30 \
	"env HOME='$HOME' GIT_CONFIG_NOSYSTEM=1 LANGUAGE=en LANG=C.UTF-8 '$ALGEDIT' -C '$tmp/repo' sync; echo \"rc=\$?\"; sleep 60"
answered=0
for i in $(seq 1 100); do
	screen=$(tmux -L "$sock" capture-pane -p)
	case "$screen" in *"rc="*) break ;; esac
	last=$(printf '%s\n' "$screen" | grep -v '^$' | tail -1)
	case "$last" in
	*"User name:"*) tmux -L "$sock" send-keys "anna" Enter; sleep 0.3 ;;
	*"Password:"*) tmux -L "$sock" send-keys "geheim-123" Enter; answered=$((answered + 1)); sleep 0.3 ;;
	*) sleep 0.2 ;;
	esac
done
screen=$(tmux -L "$sock" capture-pane -p -S -100 -J)
if [ $answered -lt 1 ] || ! printf '%s' "$screen" | grep -q 'the user name or password was refused' || ! printf '%s' "$screen" | grep -q 'rc=1'; then
	echo "FAIL terminal: asked $answered times:"; printf '%s\n' "$screen" | sed 's/^/    /'; fails=$((fails + 1))
else
	echo "ok   terminal: asked $answered times, refused"
fi
# The server received exactly what was typed (Basic anna:geheim-123).
grep -q "Basic $(printf 'anna:geheim-123' | base64)" "$tmp/auth.log" 2>/dev/null || { echo "FAIL: the credentials never reached the server"; fails=$((fails + 1)); }
# Nothing changed, nothing of the password on disk.
[ "$(git -C "$tmp/repo" rev-parse HEAD)" = "$head_before" ] || { echo "FAIL: HEAD moved"; fails=$((fails + 1)); }
if grep -rq 'geheim-123' "$tmp/repo" "$HOME" 2>/dev/null; then echo "FAIL: the password was written to disk"; fails=$((fails + 1)); fi
[ $fails = 0 ] && echo "ok   nothing changed, no password on disk"
exit $((fails > 0))
