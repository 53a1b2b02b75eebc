#!/bin/sh
# The editor shows the register's completeness score in the form's title
# bar, in the register's colour (none with NO_COLOR), the plain-Dutch
# advice under the field beside the spelling marks, and checks the links on
# Alt-L against a local web server (200 and 404) while typing goes on.
. "$top_srcdir/tests/e2e/lib.sh"
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }

cat > "$E2E_TMP/srv.py" <<'PY'
import http.server
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_HEAD(self):
        self.send_response(200 if self.path == "/ok" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()
    do_GET = do_HEAD
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
python3 "$E2E_TMP/srv.py" > "$E2E_TMP/srv.port" 2>"$E2E_TMP/srv.err" &
srv=$!
trap 'kill $srv 2>/dev/null; e2e_cleanup' EXIT
n=100; while [ $n -gt 0 ] && [ ! -s "$E2E_TMP/srv.port" ]; do sleep 0.05; n=$((n - 1)); done
port=$(head -1 "$E2E_TMP/srv.port")
[ -n "$port" ] || fail "the test server did not start: $(cat "$E2E_TMP/srv.err")"

mkdir -p "$E2E_TMP/work"
# The shipped list of plain words, beside the fixed guidance.
cp "$top_srcdir/standard/1.0/plain-words-nl.txt" "$E2E_TMP/data/standard/1.0/"
cat > "$E2E_TMP/work/d.yaml" <<EOF2
name: Parkeren
goal: |-
  Middels dit algoritme worden aanvragen, die reeds door de afdeling Vergunningen in behandeling zijn genomen, teneinde de doorlooptijd te verkorten en de kwaliteit van de besluitvorming ten aanzien van parkeervergunningen te verhogen, automatisch beoordeeld op volledigheid en juistheid van de aangeleverde gegevens.

  Zie http://127.0.0.1:$port/ok en http://127.0.0.1:$port/gone.
EOF2
score=$(cd "$E2E_TMP/work" && LANGUAGE=nl ALGEDIT_DATADIR="$top_srcdir" "$ALGEDIT" check d.yaml 2>/dev/null | sed -n 's/^d.yaml: Vulling \([0-9]*\)%.*/\1/p')
[ -n "$score" ] || fail "check gave no score"

e2e_start 100 30 edit d.yaml
e2e_wait "Vulling $score% · verplicht"
# Colour: the score below 60 has the register's orange (red where the
# terminal has 8 colours) behind it.
T capture-pane -e -p -t e2e | head -1 > "$E2E_TMP/title.esc"
grep -q "$(printf '\033')\[[0-9;]*4[1-3]m[^$(printf '\033')]*Vulling $score%" "$E2E_TMP/title.esc" \
	|| fail "no colour behind the score: $(cat -v "$E2E_TMP/title.esc")"
e2e_keys C-f
e2e_type "doel"
e2e_keys Enter
e2e_wait "Doel en impact · altijd getoond"
# As many as there is room for under the field: the sentence and the
# plain words (the reading level is the third).
e2e_wait "42 woorden"
e2e_wait 'gewone woorden lezen makkelijker: "middels"'
e2e_keys M-l
e2e_wait "1 van de 2 webadressen werkt niet, in: Doel en impact"
e2e_wait "antwoordt 404"
e2e_keys C-q
e2e_wait_exit 0

# NO_COLOR: the same words, no colour.
E2E_ENV="$E2E_ENV NO_COLOR=1"
e2e_start 100 30 edit d.yaml
e2e_wait "Vulling $score% · verplicht"
T capture-pane -e -p -t e2e | head -1 > "$E2E_TMP/title.esc"
if grep -q "$(printf '\033')\[[0-9;]*4[1-3]m" "$E2E_TMP/title.esc"; then fail "colour with NO_COLOR: $(cat -v "$E2E_TMP/title.esc")"; fi
e2e_keys C-q
e2e_wait_exit 0
# A long name, not saved yet, at 80 columns: the name gives way (cut at its
# end), the score and the counts stay in the title, "(niet opgeslagen)" whole.
mkdir -p "$E2E_TMP/work/algoritmes"
printf 'name: Parkeervergunning-toetsing Ĳmuiden en omgeving\n' > "$E2E_TMP/work/algoritmes/lang.yaml"
e2e_start 80 24 edit "$E2E_TMP/work/algoritmes/lang.yaml"
e2e_wait "Parkeervergunning-toetsing"
e2e_type "x"
e2e_wait "(niet opgeslagen)"
title=$(e2e_screen | head -1)
case "$title" in
*"Parkeer"*"… (niet opgeslagen)"*"Vulling "*"% · verplicht "*" fouten"*) ;;
*) fail "a long unsaved name pushed the score out of the title: $title" ;;
esac
e2e_keys C-q
e2e_wait "Niet-opgeslagen wijzigingen"
e2e_keys C-q
e2e_wait_exit 0
echo "ok   score $score% in the title bar, coloured, plain-Dutch advice, Alt-L link check, a long name cut for it"
