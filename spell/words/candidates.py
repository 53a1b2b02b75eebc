#!/usr/bin/env python3
"""Lists candidate words for nl-register.txt: the words that `algedit spell -l`
still flags in the real published register texts, most frequent first, with
one context each. A person reads the list and adds only words that are right
(see README.md); most candidates are typos and must stay flagged.

usage: spell/words/candidates.py BUILD/algedit [REGISTER_DATA_DIR] [MIN_COUNT]
  REGISTER_DATA_DIR defaults to ../shared/reference/register-data."""
import collections
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "bench", "spell"))
import corpus  # noqa: E402


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    algedit = sys.argv[1]
    data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "..", "shared",
                                                             "reference", "register-data")
    least = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    text = "\n\n".join(corpus.fields(data))
    out = subprocess.run([algedit, "spell", "-l"], input=text.encode(), capture_output=True,
                         env=dict(os.environ, XDG_CONFIG_HOME="/nonexistent"))
    if out.returncode not in (0, 1):
        sys.exit(out.stderr.decode())
    counts = collections.Counter(out.stdout.decode().split("\n"))
    counts.pop("", None)
    for w, n in counts.most_common():
        if n < least:
            break
        m = re.search(r".{0,30}\b" + re.escape(w) + r"\b.{0,30}", text)
        print("%5d  %-32s %s" % (n, w, m.group(0).replace("\n", " ") if m else ""))


if __name__ == "__main__":
    main()
