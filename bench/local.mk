# Benchmarks: each bench/NAME/run prints its figures; make bench collects them.
EXTRA_DIST += bench/check/run bench/check/gen.py bench/check/pyyaml_load.py
EXTRA_DIST += bench/input/run bench/input/gen.py
