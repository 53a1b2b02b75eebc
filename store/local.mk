# store: the drafts repository through libgit2, its commands, tests and bench.
libalgedit_a_SOURCES += store/store.h store/store_int.h store/store.c store/journal.c store/history.c \
	store/remove.c
libalgedit_a_SOURCES += forms/slug.h forms/slug.c forms/diff.h forms/diff.c

check_PROGRAMS += tests/unit/test_store
tests_unit_test_store_SOURCES = tests/unit/test_store.c tests/unit/unit.h
tests_unit_test_store_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_LDADD = $(UNIT_LIBS)
TESTS += tests/unit/test_store

check_PROGRAMS += tests/unit/test_store_remove
tests_unit_test_store_remove_SOURCES = tests/unit/test_store_remove.c tests/unit/unit.h
tests_unit_test_store_remove_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_remove_LDADD = $(UNIT_LIBS)
TESTS += tests/unit/test_store_remove

check_PROGRAMS += tests/unit/test_diff
tests_unit_test_diff_SOURCES = tests/unit/test_diff.c tests/unit/unit.h
tests_unit_test_diff_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_diff_LDADD = $(UNIT_LIBS)
TESTS += tests/unit/test_diff

algedit_SOURCES += cli/new.c cli/set.c cli/log.c cli/diff.c cli/sync.c cli/resolve.c cli/restore.c
libalgedit_a_SOURCES += store/sync.c

TESTS += tests/e2e/store-sync.sh
EXTRA_DIST += tests/e2e/store-sync.sh

EXTRA_DIST += bench/store/run bench/store/gen.py
