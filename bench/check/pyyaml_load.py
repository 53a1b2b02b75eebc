#!/usr/bin/env python3
"""Baseline: PyYAML's safe_load of every *.yaml file in a folder."""
import os, sys, yaml
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    if name.endswith(".yaml"):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            yaml.safe_load(f)
