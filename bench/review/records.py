#!/usr/bin/env python3
"""Writes N review records for bench/review into REPO/reviews/beoordeeld/:
an approval of the first version, then comments, replies, suggestions and
reviewed marks on random versions. Usage: records.py REPO N < commits
(the description's commits, oldest first)."""
import os
import random
import sys

repo, n = sys.argv[1], int(sys.argv[2])
commits = [l.strip() for l in sys.stdin if l.strip()]
rnd = random.Random(7)
d = os.path.join(repo, "reviews", "beoordeeld")
os.makedirs(d, exist_ok=True)
fields = ["description_short", "goal", "human_intervention", "risks", "proportionality"]
comments, suggestions = [], []
t = 1800000000


def write(kind, i, field=None, version=None, ref=None, text=None, quote=None):
    """In the order and form algedit writes records."""
    rid = "%08x" % (0x10000000 + i)
    hh, mm, ss = i // 3600 % 24, i // 60 % 60, i % 60
    body = f"kind: {kind}\ndescription: beoordeeld\n"
    body += f"field: {field}\n" if field else ""
    body += f"version: \"{version}\"\n" if version else ""
    body += f"ref: \"{ref}\"\n" if ref else ""
    body += f"author: Bea Jansen\nemail: bea@example.nl\n"
    body += f"time: \"2027-01-15T{hh:02d}:{mm:02d}:{ss:02d}.000000Z\"\n"
    body += f"text: {text}\n" if text else ""
    body += f"quote: {quote}\n" if quote else ""
    with open(os.path.join(d, f"20270115T{hh:02d}{mm:02d}{ss:02d}Z-{rid}-{kind}.yaml"), "w") as f:
        f.write(body)
    return rid


write("approve", 0, version=commits[0], text="Akkoord")
for i in range(1, n):
    v = rnd.choice(commits)
    k = rnd.choice(fields)
    r = rnd.random()
    if r < 0.55 or not comments:
        comments.append(write("comment", i, field=k, version=v, text=f"Opmerking {i} over dit veld.", quote="oude tekst"))
    elif r < 0.75:
        write("reply", i, version=v, ref=rnd.choice(comments), text=f"Antwoord {i}.")
    elif r < 0.85:
        write("resolve", i, version=v, ref=rnd.choice(comments))
    elif r < 0.95:
        suggestions.append(write("suggestion", i, field=k, version=v, text=f"Voorstel {i} voor een betere tekst."))
    else:
        write("reviewed-mark", i, field=k, version=v)
