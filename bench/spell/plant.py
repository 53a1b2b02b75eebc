#!/usr/bin/env python3
"""Plants one typo per sentence into real register sentences, for the recall
figure of bench/spell. One edit per word: swap two neighbouring letters, drop
a letter, double a letter or replace one, on words of at least four letters
(small letters, or a capital only at the start) that hunspell accepts.

usage: plant.py CORPUS.txt OUT_PREFIX [COUNT]
writes OUT_PREFIX.txt (one sentence a line), OUT_PREFIX.pos (byte start and
length of the typo in that line) and OUT_PREFIX.words (the typos, for raw
hunspell). Seeded: the same corpus gives the same typos."""
import random
import re
import subprocess
import sys

LETTERS = "abcdefghijklmnopqrstuvwxyz"
WORD = re.compile(r"(?<![\w’'-])([A-Za-zà-ÿ][a-zà-ÿ]{3,})(?![\w’'-])")


def edit(w, rng):
    i = rng.randrange(1, len(w)) if len(w) > 1 else 0
    kind = rng.choice(("swap", "drop", "double", "replace"))
    if kind == "swap" and i < len(w) and w[i - 1] != w[i]:
        return w[:i - 1] + w[i] + w[i - 1] + w[i + 1:]
    if kind == "drop":
        return w[:i] + w[i + 1:]
    if kind == "double":
        return w[:i] + w[i] + w[i:]
    c = rng.choice([x for x in LETTERS if x != w[i].lower()])
    return w[:i] + c + w[i + 1:]


def main():
    corpus, prefix = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    rng = random.Random(20261128)
    text = open(corpus, encoding="utf-8").read()
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text)]
    sentences = [s for s in sentences if 40 <= len(s) <= 300]
    rng.shuffle(sentences)
    picks = []
    for s in sentences:
        ms = list(WORD.finditer(s))
        if ms:
            picks.append((s, rng.choice(ms)))
        if len(picks) >= count * 2:
            break
    # only words hunspell accepts: a typo in a word it already rejects proves nothing
    words = "\n".join(m.group(1) for _, m in picks) + "\n"
    bad = set(subprocess.run(["hunspell", "-d", "nl_NL", "-l"], input=words.encode(),
                             capture_output=True).stdout.decode().split())
    with open(prefix + ".txt", "w", encoding="utf-8") as ft, \
         open(prefix + ".pos", "w") as fp, open(prefix + ".words", "w", encoding="utf-8") as fw:
        n = 0
        for s, m in picks:
            w = m.group(1)
            if w in bad:
                continue
            t = edit(w, rng)
            if t == w:
                continue
            line = s[:m.start(1)] + t + s[m.end(1):]
            start = len(s[:m.start(1)].encode("utf-8"))
            ft.write(line.replace("\n", " ") + "\n")
            fp.write("%d %d\n" % (start, len(t.encode("utf-8"))))
            fw.write(t + "\n")
            n += 1
            if n == count:
                break


if __name__ == "__main__":
    main()
