#!/usr/bin/env python3
"""Baseline: PyYAML's safe_load of every *.yaml file in a folder; with --c
its C loader (CSafeLoader, on libyaml), parsing alone."""
import os, sys, yaml
c = sys.argv[1] == "--c"
d = sys.argv[2] if c else sys.argv[1]
for name in sorted(os.listdir(d)):
    if name.endswith(".yaml"):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            if c:
                yaml.load(f, Loader=yaml.CSafeLoader)
            else:
                yaml.safe_load(f)
