libalgedit_a_SOURCES += base/base.h base/base.c
libalgedit_a_SOURCES += base/paths.h base/paths.c
libalgedit_a_SOURCES += base/escape.h base/escape.c

UNIT_TESTS += tests/unit/test_escape
