#!/usr/bin/env python3
"""bench/input: the crafted inputs. gen.py DIR writes DIR/keys.yaml (1 MiB,
100,000 keys in one mapping), DIR/spread.yaml (90,000 keys in ten mappings of
9,000: within the reader's limits, so every duplicate check is made), and
DIR/goal-a.txt, DIR/goal-b.txt, DIR/goal-c.txt (one text of about 1 MiB, the
last word different in each)."""
import os
import sys

d = sys.argv[1]
os.makedirs(d, exist_ok=True)
with open(os.path.join(d, "keys.yaml"), "w") as f:
    f.write("name: x\n" + "".join("k%05d: v\n" % i for i in range(100000)))
with open(os.path.join(d, "spread.yaml"), "w") as f:
    f.write("name: x\n")
    for m in range(10):
        f.write("m%d:\n" % m + "".join("  k%04d: v\n" % k for k in range(9000)))
words = " ".join("woord%d" % (i % 1000) for i in range(110000))
for name, last in (("a", "einde"), ("b", "anders"), ("c", "derde")):
    with open(os.path.join(d, "goal-%s.txt" % name), "w") as f:
        f.write(words + " " + last + "\n")
