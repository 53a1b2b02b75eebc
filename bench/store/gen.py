#!/usr/bin/env python3
"""Writes a git fast-import stream: a drafts repository of N descriptions and
C commits (the first adds them all, each later one changes one field of one
description, as a save does). Usage: gen.py N C > stream"""
import random
import sys

n, commits = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(42)
out = sys.stdout.buffer
statuses = ["In ontwikkeling", "In gebruik", "Buiten gebruik"]
cats = ["Verkeer", "Werk", "Recht", "Wonen", "Economie"]


def desc(i, version):
    status = statuses[(i + version) % 3]
    return (f"name: Algoritme {i}\n"
            f"description_short: Korte omschrijving van algoritme {i}, versie {version}.\n"
            f"organization: Gemeente {i % 50}\n"
            f"category:\n  - {cats[i % 5]}\n"
            f"status: {status}\n"
            f"contact_email: algoritmes@gemeente{i % 50}.nl\n"
            f"goal: |\n  Dit algoritme helpt bij taak {i}. Versie {version} van de tekst.\n\n"
            f"  - het ondersteunt medewerkers\n  - het besluit niet zelf\n").encode()


def data(b):
    out.write(b"data %d\n" % len(b))
    out.write(b)
    out.write(b"\n")


versions = [0] * n
t = 1700000000
mark = 0
for c in range(commits):
    t += 60
    mark += 1
    out.write(b"commit refs/heads/main\nmark :%d\n" % mark)
    out.write(b"author Bench <bench@example.nl> %d +0100\n" % t)
    out.write(b"committer Bench <bench@example.nl> %d +0100\n" % t)
    if c == 0:
        data(b"Eerste versie van alle beschrijvingen\n")
        for i in range(n):
            out.write(b"M 100644 inline algoritmes/algoritme-%d.yaml\n" % i)
            data(desc(i, 0))
    else:
        i = rnd.randrange(n)
        versions[i] += 1
        data(b"Algoritme %d: changed Short description\n" % i)
        out.write(b"from :%d\n" % (mark - 1))
        out.write(b"M 100644 inline algoritmes/algoritme-%d.yaml\n" % i)
        data(desc(i, versions[i]))
    out.write(b"\n")
