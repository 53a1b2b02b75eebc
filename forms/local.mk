# forms: the description model, rules, rich text and its HTML; pure C.
libalgedit_a_SOURCES += forms/finding.h forms/finding.c forms/desc.h forms/desc.c forms/rules.h forms/rules.c forms/exchange.h forms/exchange.c forms/jsonsplit.h forms/jsonsplit.c
libalgedit_a_SOURCES += forms/progress.h forms/progress.c forms/suggest.h forms/suggest.c
libalgedit_a_SOURCES += forms/html.h forms/html.c
libalgedit_a_SOURCES += forms/month.h forms/month.c
libalgedit_a_SOURCES += forms/document.h forms/document.c
libalgedit_a_SOURCES += forms/slug.h forms/slug.c forms/diff.h forms/diff.c forms/review.h forms/review.c
libalgedit_a_SOURCES += forms/textbuf.h forms/textbuf.c
UNIT_TESTS += tests/unit/test_document
libalgedit_a_SOURCES += forms/migrate.h forms/migrate.c
UNIT_TESTS += tests/unit/test_migrate

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

TESTS += tests/e2e/document.sh
EXTRA_DIST += tests/e2e/document.sh

check_PROGRAMS += tests/fuzz/fuzz_document
tests_fuzz_fuzz_document_SOURCES = tests/fuzz/fuzz_document.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_document_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_document_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_document_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/document.fuzz
EXTRA_DIST += tests/fuzz/document.fuzz
check_PROGRAMS += tests/fuzz/fuzz_import
tests_fuzz_fuzz_import_SOURCES = tests/fuzz/fuzz_import.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_import_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_import_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_import_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/import.fuzz
EXTRA_DIST += tests/fuzz/import.fuzz
libalgedit_a_SOURCES += forms/lessons.h forms/lessons.c
UNIT_TESTS += tests/unit/test_lessons
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

# The register's supplier templates that come with algedit, as one catalogue.
libalgedit_a_SOURCES += forms/catalog.h forms/catalog.c

# Quality before publication: the register's completeness score and the
# plain-Dutch advice (forms/quality), its unit test, fuzz target and bench.
libalgedit_a_SOURCES += forms/quality.h forms/quality.c
UNIT_TESTS += tests/unit/test_quality
check_PROGRAMS += tests/fuzz/fuzz_quality
tests_fuzz_fuzz_quality_SOURCES = tests/fuzz/fuzz_quality.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_quality_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_quality_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_quality_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/quality.fuzz
EXTRA_DIST += tests/fuzz/quality.fuzz
check_PROGRAMS += bench/quality/quality_bench
bench_quality_quality_bench_SOURCES = bench/quality/quality_bench.c
bench_quality_quality_bench_LDADD = $(ALL_LIBS)
BENCHES += bench/quality/quality_bench$(EXEEXT)
EXTRA_DIST += bench/quality/run bench/quality/b1-texts.txt
