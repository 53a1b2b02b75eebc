# store: the drafts repository through libgit2, its tests and bench (its
# commands are in cli/, the model it saves in forms/).
libalgedit_a_SOURCES += store/store.h store/store_int.h store/store.c store/journal.c store/history.c \
	store/remove.c store/tls.c store/statefile.c store/batch.c

UNIT_TESTS += tests/unit/test_store

UNIT_TESTS += tests/unit/test_store_remove

UNIT_TESTS += tests/unit/test_store_contain
UNIT_TESTS += tests/unit/test_journal

# Skipped (77) where no private mount namespace can be made (not root).
UNIT_TESTS += tests/unit/test_store_full

UNIT_TESTS += tests/unit/test_diff

libalgedit_a_SOURCES += store/sync.c
libalgedit_a_SOURCES += store/identity.c
libalgedit_a_SOURCES += store/sign.c

TESTS += tests/e2e/store-sync.sh tests/e2e/store-ssh.sh tests/e2e/store-http-auth.sh tests/e2e/store-https.sh
EXTRA_DIST += tests/e2e/store-sync.sh tests/e2e/store-ssh.sh tests/e2e/store-http-auth.sh tests/e2e/helpers/http401.py \
	tests/e2e/store-https.sh tests/e2e/helpers/https_git.py

EXTRA_DIST += bench/store/run bench/store/gen.py

# A teammate's repository must not reach outside it: symbolic links.
TESTS += tests/e2e/store-contain.sh tests/e2e/tui-symlink.sh
EXTRA_DIST += tests/e2e/store-contain.sh tests/e2e/tui-symlink.sh

# Fuzz targets: the parsers of the files in .git/algedit/ that hold names
# from a repository (sync state, changed-paths cache).
check_PROGRAMS += tests/fuzz/fuzz_syncstate tests/fuzz/fuzz_logcache
tests_fuzz_fuzz_syncstate_SOURCES = tests/fuzz/fuzz_syncstate.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_syncstate_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_syncstate_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_syncstate_LDADD = $(ALL_LIBS)
tests_fuzz_fuzz_logcache_SOURCES = tests/fuzz/fuzz_logcache.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_logcache_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_logcache_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_logcache_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/syncstate.fuzz tests/fuzz/logcache.fuzz
EXTRA_DIST += tests/fuzz/syncstate.fuzz tests/fuzz/logcache.fuzz
TESTS += tests/e2e/store-identity.sh
EXTRA_DIST += tests/e2e/store-identity.sh
# Review: records and state (store/review; the model is forms/review, the
# commands cli/review).
libalgedit_a_SOURCES += store/review.c
UNIT_TESTS += tests/unit/test_review tests/unit/test_store_review
TESTS += tests/e2e/review.sh
EXTRA_DIST += tests/e2e/review.sh

# What the register holds, saved and merged as a teammate's work (algedit import --register).
libalgedit_a_SOURCES += store/fromreg.c
