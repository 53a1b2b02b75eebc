#!/usr/bin/env python3
"""bench/review, the list: writes a git fast-import stream of N descriptions
(one commit), or, with --records REPO COMMIT, three review records for each
(ask-review, a comment, an approval of COMMIT), in the form algedit writes.
Usage: list.py N > stream; list.py N --records REPO COMMIT"""
import os
import sys

n = int(sys.argv[1])
if len(sys.argv) > 2:
    repo, commit = sys.argv[3], sys.argv[4]
    for i in range(n):
        d = os.path.join(repo, "reviews", f"algoritme-{i}")
        os.makedirs(d, exist_ok=True)
        for k, (kind, who, extra) in enumerate([
                ("ask-review", "Anna de Vries\nemail: anna@example.nl", "text: Graag kijken\n"),
                ("comment", "Bea Jansen\nemail: bea@example.nl", "text: Noem de bewaartermijn.\nquote: oud\n"),
                ("approve", "Bea Jansen\nemail: bea@example.nl", "")]):
            field = "field: goal\n" if kind == "comment" else ""
            version = "" if kind == "ask-review" else f'version: "{commit}"\n'
            with open(os.path.join(d, f"20270115T00000{k}Z-{i:07x}{k}-{kind}.yaml"), "w") as f:
                f.write(f"kind: {kind}\ndescription: algoritme-{i}\n{field}{version}author: {who}\n"
                        f"time: \"2027-01-15T00:00:0{k}.000000Z\"\n{extra}")
    sys.exit(0)
out = sys.stdout.buffer
out.write(b"commit refs/heads/main\nauthor Anna de Vries <anna@example.nl> 1700000000 +0100\n"
          b"committer Anna de Vries <anna@example.nl> 1700000000 +0100\ndata 5\nfirst\n")
for i in range(n):
    body = (f"name: Algoritme {i}\norganization: Gemeente {i % 50}\nstatus: In gebruik\n"
            f"goal: |\n  Dit algoritme helpt bij taak {i}.\n").encode()
    out.write(b"M 100644 inline algoritmes/algoritme-%d.yaml\ndata %d\n" % (i, len(body)))
    out.write(body + b"\n")
out.write(b"\n")
