# Benchmarks: each bench/NAME/run prints its figures; make bench collects them.
EXTRA_DIST += bench/check/run bench/check/gen.py bench/check/pyyaml_load.py
EXTRA_DIST += bench/input/run bench/input/gen.py

# bench/review: the review of a description with 500 versions and 1,000 records.
check_PROGRAMS += bench/review/review_bench
bench_review_review_bench_SOURCES = bench/review/review_bench.c
bench_review_review_bench_LDADD = $(ALL_LIBS)
BENCHES += bench/review/review_bench$(EXEEXT)
EXTRA_DIST += bench/review/run bench/review/gen.py bench/review/records.py bench/review/list.py
EXTRA_DIST += bench/exchange/run

# bench/exchange's driver: built for make check (so it compiles in every
# variant) and for make bench.
check_PROGRAMS += bench/exchange/exchange_bench
bench_exchange_exchange_bench_SOURCES = bench/exchange/exchange_bench.c
bench_exchange_exchange_bench_LDADD = $(ALL_LIBS)
BENCHES += bench/exchange/exchange_bench$(EXEEXT)
EXTRA_DIST += bench/scale/run bench/scale/gen.py bench/scale/timeit.py
