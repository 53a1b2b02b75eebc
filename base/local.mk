libalgedit_a_SOURCES += base/base.h base/base.c
libalgedit_a_SOURCES += base/paths.h base/paths.c
libalgedit_a_SOURCES += base/escape.h base/escape.c

UNIT_TESTS += tests/unit/test_escape
# The XDG look-up and mkdir -p that every layer uses.
UNIT_TESTS += tests/unit/test_paths

# Every command's output of hostile data, and remote URLs with passwords.
TESTS += tests/e2e/escape.sh
EXTRA_DIST += tests/e2e/escape.sh

check_PROGRAMS += tests/fuzz/fuzz_escape
tests_fuzz_fuzz_escape_SOURCES = tests/fuzz/fuzz_escape.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_escape_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_escape_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_escape_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/escape.fuzz
EXTRA_DIST += tests/fuzz/escape.fuzz
libalgedit_a_SOURCES += base/contain.h base/contain.c
