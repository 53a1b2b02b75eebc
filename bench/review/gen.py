#!/usr/bin/env python3
"""Writes a git fast-import stream for bench/review: 50 descriptions; the
first, "beoordeeld", gets V more versions after its first, each changing one
field, as saves do. Usage: gen.py V > stream"""
import sys

versions = int(sys.argv[1])
out = sys.stdout.buffer
fields = ["description_short", "goal", "human_intervention", "risks", "proportionality"]


def desc(i, texts):
    s = (f"name: Algoritme {i}\n"
         f"organization: Gemeente {i % 50}\n"
         f"status: In gebruik\n")
    for k in fields:
        s += f"{k}: |\n  {texts.get(k, f'Tekst van {k} voor algoritme {i}.')}\n\n  - een punt\n  - nog een punt\n"
    return s.encode()


def data(b):
    out.write(b"data %d\n" % len(b))
    out.write(b)
    out.write(b"\n")


t = 1700000000
texts = {}
for c in range(versions + 1):
    t += 60
    out.write(b"commit refs/heads/main\n")
    out.write(b"author Anna de Vries <anna@example.nl> %d +0100\n" % t)
    out.write(b"committer Anna de Vries <anna@example.nl> %d +0100\n" % t)
    data(b"Version %d" % c)
    if c == 0:
        for i in range(1, 50):
            out.write(b"M 100644 inline algoritmes/algoritme-%d.yaml\n" % i)
            data(desc(i, {}))
    else:
        k = fields[c % len(fields)]
        texts[k] = (f"In versie {c} veranderde de tekst van {k}: de gemeente controleert "
                    f"en bewaart gegevens {c % 48 + 1} uur, daarna worden ze gewist.")
    out.write(b"M 100644 inline algoritmes/beoordeeld.yaml\n")
    data(desc(0, texts))
    out.write(b"\n")
