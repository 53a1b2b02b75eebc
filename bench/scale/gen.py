#!/usr/bin/env python3
"""bench/scale's repositories, as git fast-import streams, from replicated
real descriptions (a folder of algedit files, made by algedit import from
the register's published data).

  gen.py descs SEED N             N descriptions in one commit
  gen.py records N COMMIT [R]     reviews/: for each of N descriptions an
                                  ask-review, a comment and an approval of
                                  COMMIT (R > 0: R replies in one more
                                  description, "antwoorden"), on top of HEAD
  gen.py import SEED.json N [I]   an import file (JSON list) of N records,
                                  numbered from I
"""
import json
import os
import sys

out = sys.stdout.buffer


def data(b):
    out.write(b"data %d\n" % len(b))
    out.write(b)
    out.write(b"\n")


def seed_files(folder):
    names = sorted(f for f in os.listdir(folder) if f.endswith(".yaml"))
    return [(n[:-5], open(os.path.join(folder, n), "rb").read()) for n in names]


def renamed(text, i):
    """The description with " <i>" added to its name (quoted or not)."""
    lines = text.split(b"\n")
    for k, l in enumerate(lines):
        if l.startswith(b"name: "):
            v = l[6:]
            if v[:1] in (b'"', b"'") and v[-1:] == v[:1]:
                lines[k] = b"name: " + v[:-1] + b" %d" % i + v[-1:]
            else:
                lines[k] = l + b" %d" % i
            break
    return b"\n".join(lines)


def commit_head(msg, t):
    out.write(b"commit refs/heads/main\n")
    out.write(b"author Anna de Vries <anna@example.nl> %d +0100\n" % t)
    out.write(b"committer Anna de Vries <anna@example.nl> %d +0100\n" % t)
    data(msg)


cmd = sys.argv[1]
if cmd == "descs":
    seed, n = seed_files(sys.argv[2]), int(sys.argv[3])
    commit_head(b"%d descriptions\n" % n, 1700000000)
    for i in range(n):
        slug, text = seed[i % len(seed)]
        out.write(b"M 100644 inline algoritmes/%s-%d.yaml\n" % (slug.encode(), i))
        data(renamed(text, i))
    out.write(b"\n")
elif cmd == "records":
    n, commit = int(sys.argv[2]), sys.argv[3]
    replies = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    names = [l.strip() for l in sys.stdin if l.strip()]
    commit_head(b"review records\n", 1700000100)
    out.write(b"from refs/heads/main^0\n")

    def rec(slug, k, i, kind, who, extra, field=b"", version=True):
        v = b'version: "%s"\n' % commit.encode() if version else b""
        body = (b"kind: %s\ndescription: %s\n%s%sauthor: %s\ntime: \"2027-01-15T00:00:0%d.000000Z\"\n%s"
                % (kind, slug, field, v, who, k % 10, extra))
        out.write(b"M 100644 inline reviews/%s/20270115T00000%dZ-%07x%d-%s.yaml\n" % (slug, k % 10, i, k % 10, kind))
        data(body)

    for i, slug in enumerate(names[:n]):
        s = slug.encode()
        rec(s, 0, i, b"ask-review", b"Anna de Vries\nemail: anna@example.nl", b"text: Graag kijken\n", version=False)
        rec(s, 1, i, b"comment", b"Bea Jansen\nemail: bea@example.nl", b"text: Noem de bewaartermijn.\nquote: oud\n",
            field=b"field: goal\n")
        rec(s, 2, i, b"approve", b"Bea Jansen\nemail: bea@example.nl", b"")
    if replies:
        # One description with many answers: a comment, then replies to it.
        s = names[0].encode()
        for j in range(replies):
            rid = b"%08x" % (0x20000000 + j)
            kind = b"comment" if j % 4 == 0 else b"reply"
            ref = b"" if kind == b"comment" else b'ref: "%08x"\n' % (0x20000000 + j - j % 4)
            field = b"field: goal\n" if kind == b"comment" else b""
            body = (b"kind: %s\ndescription: %s\n%sversion: \"%s\"\n%sauthor: Bea Jansen\nemail: bea@example.nl\n"
                    b"time: \"2027-01-16T%02d:%02d:%02d.000000Z\"\ntext: Antwoord %d.\n"
                    % (kind, s, field, commit.encode(), ref, j // 3600 % 24, j // 60 % 60, j % 60, j))
            out.write(b"M 100644 inline reviews/%s/20270116T%02d%02d%02dZ-%s-%s.yaml\n"
                      % (s, j // 3600 % 24, j // 60 % 60, j % 60, rid, kind))
            data(body)
    out.write(b"\n")
elif cmd == "import":
    src, n = json.load(open(sys.argv[2], encoding="utf-8")), int(sys.argv[3])
    first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    recs = []
    for i in range(first, first + n):
        r = dict(src[i % len(src)])
        r["name"] = "%s %d" % (r.get("name", "Algoritme"), i)
        for k in ("lars", "id"):
            r.pop(k, None)
        recs.append(r)
    sys.stdout.write(json.dumps(recs, ensure_ascii=False))
