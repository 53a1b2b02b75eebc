# forms: the description model, rules, rich text and its HTML; pure C.
libalgedit_a_SOURCES += forms/finding.h forms/finding.c forms/desc.h forms/desc.c forms/rules.h forms/rules.c forms/exchange.h forms/exchange.c
libalgedit_a_SOURCES += forms/progress.h forms/progress.c forms/suggest.h forms/suggest.c
libalgedit_a_SOURCES += forms/html.h forms/html.c
libalgedit_a_SOURCES += forms/month.h forms/month.c

UNIT_TESTS += tests/unit/test_html tests/unit/test_progress

check_PROGRAMS += tests/fuzz/fuzz_html
tests_fuzz_fuzz_html_SOURCES = tests/fuzz/fuzz_html.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_html_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_html_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_html_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/html.fuzz
EXTRA_DIST += tests/fuzz/html.fuzz

UNIT_TESTS += tests/unit/test_month

TESTS += tests/e2e/tui-month.sh
EXTRA_DIST += tests/e2e/tui-month.sh

check_PROGRAMS += tests/fuzz/fuzz_month
tests_fuzz_fuzz_month_SOURCES = tests/fuzz/fuzz_month.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_month_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_month_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_month_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/month.fuzz
EXTRA_DIST += tests/fuzz/month.fuzz

# Key scripts of demos (tui/demo.c plays and records them).
libalgedit_a_SOURCES += forms/keyscript.h forms/keyscript.c
UNIT_TESTS += tests/unit/test_keyscript

check_PROGRAMS += tests/fuzz/fuzz_keyscript
tests_fuzz_fuzz_keyscript_SOURCES = tests/fuzz/fuzz_keyscript.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_keyscript_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_keyscript_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_keyscript_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/keyscript.fuzz
EXTRA_DIST += tests/fuzz/keyscript.fuzz
