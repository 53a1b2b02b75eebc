libalgedit_a_SOURCES += base/base.h base/base.c
libalgedit_a_SOURCES += base/paths.h base/paths.c
libalgedit_a_SOURCES += base/escape.h base/escape.c

UNIT_TESTS += tests/unit/test_escape

# Every command's output of hostile data, and remote URLs with passwords.
TESTS += tests/e2e/escape.sh
EXTRA_DIST += tests/e2e/escape.sh
