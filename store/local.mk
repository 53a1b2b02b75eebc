# store: the drafts repository through libgit2, its commands, tests and bench.
libalgedit_a_SOURCES += store/store.h store/store_int.h store/store.c store/journal.c store/history.c \
	store/remove.c store/tls.c
libalgedit_a_SOURCES += forms/slug.h forms/slug.c forms/diff.h forms/diff.c

UNIT_TESTS += tests/unit/test_store

UNIT_TESTS += tests/unit/test_store_remove

# Skipped (77) where no private mount namespace can be made (not root).
UNIT_TESTS += tests/unit/test_store_full

UNIT_TESTS += tests/unit/test_diff

algedit_SOURCES += cli/new.c cli/set.c cli/log.c cli/diff.c cli/sync.c cli/resolve.c cli/restore.c
libalgedit_a_SOURCES += store/sync.c

TESTS += tests/e2e/store-sync.sh tests/e2e/store-ssh.sh tests/e2e/store-http-auth.sh tests/e2e/store-https.sh
EXTRA_DIST += tests/e2e/store-sync.sh tests/e2e/store-ssh.sh tests/e2e/store-http-auth.sh tests/e2e/helpers/http401.py \
	tests/e2e/store-https.sh tests/e2e/helpers/https_git.py

EXTRA_DIST += bench/store/run bench/store/gen.py

# Review: records, state, and their commands (forms/review, store/review, cli/review).
libalgedit_a_SOURCES += forms/review.h forms/review.c store/review.c
algedit_SOURCES += cli/review.c
UNIT_TESTS += tests/unit/test_review tests/unit/test_store_review
TESTS += tests/e2e/review.sh
EXTRA_DIST += tests/e2e/review.sh
