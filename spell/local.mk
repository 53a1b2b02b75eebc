# spell: hunspell behind a small API (tokenizer, dictionaries, word lists,
# suggestions), the domain word list, their tests and the spell benchmark
# (the `algedit spell` command is in cli/).
libalgedit_a_SOURCES += spell/spell.h spell/token.c spell/speller.c spell/wset.h spell/wset.c

spellwordsdir = $(pkgdatadir)/spell/words
dist_spellwords_DATA = spell/words/nl-register.txt
EXTRA_DIST += spell/words/README.md spell/words/candidates.py

UNIT_TESTS += tests/unit/test_spell_token

UNIT_TESTS += tests/unit/test_spell

check_PROGRAMS += tests/fuzz/fuzz_spell_token
tests_fuzz_fuzz_spell_token_SOURCES = tests/fuzz/fuzz_spell_token.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_spell_token_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_spell_token_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_spell_token_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/spell_token.fuzz
EXTRA_DIST += tests/fuzz/spell_token.fuzz

TESTS += tests/e2e/spell.sh
EXTRA_DIST += tests/e2e/spell.sh

# The benchmark's driver: built for make check (so it compiles in every
# variant) and for make bench.
check_PROGRAMS += bench/spell/spell_bench
bench_spell_spell_bench_SOURCES = bench/spell/spell_bench.c
bench_spell_spell_bench_LDADD = $(ALL_LIBS)
BENCHES += bench/spell/spell_bench$(EXEEXT)
EXTRA_DIST += bench/spell/run bench/spell/corpus.py bench/spell/plant.py
