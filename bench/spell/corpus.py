#!/usr/bin/env python3
"""Prints the prose of the real published register texts in
../shared/reference/register-data as plain text, one field per paragraph
(HTML stripped), for the spell benchmark and spell/words/candidates.py.

usage: corpus.py REGISTER_DATA_DIR [--fields]
The minbzk-algoritmes_081222 launch set is left out: 221 of its strings carry
U+FFFD where quotes were lost, which is encoding damage, not spelling."""
import html
import json
import os
import re
import sys

RICH = ["description_short", "goal", "impact", "proportionality", "decision_making_process",
        "documentation", "lawful_basis", "iama_description", "dpia_description",
        "objection_procedure", "source_data", "methods_and_models", "monitoring",
        "human_intervention", "risks", "performance_standard"]


def strip_html(s):
    s = re.sub(r"<\s*(br|/?p|/?li|/?div|/?ul|/?ol)\b[^>]*>", "\n", s, flags=re.I)
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s)
    return re.sub(r"\n\s*\n+", "\n", s).strip()


def dutch(lang):
    return lang is None or str(lang).strip().lower() in ("nld", "nl", "nederlands", "")


def fields(d):
    """Yields the Dutch long-text fields, each as one string."""
    with open(os.path.join(d, "minbzk-pub_data-2023-06.json"), encoding="utf-8") as f:
        for r in json.load(f):
            if not dutch(r.get("lang")):
                continue
            for k in RICH:
                v = r.get(k)
                if isinstance(v, str) and v.strip():
                    yield strip_html(v)
    with open(os.path.join(d, "schellevis-algoritmes-2026-08-08.json"), encoding="utf-8") as f:
        for r in json.load(f)["algoritmes"]:
            for k in ("doel", "juridische_basis"):
                v = r.get(k)
                if isinstance(v, str) and v.strip():
                    yield strip_html(v)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: corpus.py REGISTER_DATA_DIR")
    out = sys.stdout
    for t in fields(sys.argv[1]):
        out.write(t)
        out.write("\n\n")


if __name__ == "__main__":
    main()
