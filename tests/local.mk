# Tests. Unit tests (Check) are tests/unit/test_*.c, one program each; a module
# adds its own in its local.mk with the same three lines as below. Fuzz targets
# are tests/fuzz/fuzz_*.c: with --enable-fuzzing they are libFuzzer binaries,
# otherwise the same entry point is driven by tests/fuzz/driver.c over the seed
# corpus tests/fuzz/corpus/NAME/, and make check runs each (tests/fuzz/NAME.fuzz).
UNIT_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
UNIT_LIBS = $(ALL_LIBS) $(CHECK_LIBS)
# A unit test is one line in its module's local.mk, UNIT_TESTS += tests/unit/test_x
# (source tests/unit/test_x.c); the programs not named here link like this.
LDADD = $(UNIT_LIBS)
check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS)
EXTRA_DIST += tests/lsan.supp tests/unit/unit.h tests/unit/repo_fixture.h tests/fuzz/run.sh tests/fuzz/driver.c tests/fuzz/corpus tests/fixtures

TESTS += tests/e2e/publish-token.sh
EXTRA_DIST += tests/e2e/publish-token.sh
TESTS += tests/e2e/review-trust.sh
EXTRA_DIST += tests/e2e/review-trust.sh

if FUZZING
FUZZ_CFLAGS = $(AM_CFLAGS) -fsanitize=fuzzer-no-link
FUZZ_LINKFLAGS = -fsanitize=fuzzer
FUZZ_DRIVER =
else
FUZZ_CFLAGS = $(AM_CFLAGS)
FUZZ_LINKFLAGS =
FUZZ_DRIVER = tests/fuzz/driver.c
endif
TEST_EXTENSIONS += .fuzz
FUZZ_LOG_COMPILER = $(SHELL) $(srcdir)/tests/fuzz/run.sh

TESTS += tests/e2e/tui-terminals.sh
EXTRA_DIST += tests/e2e/tui-terminals.sh
check_PROGRAMS += tests/fuzz/fuzz_input
tests_fuzz_fuzz_input_SOURCES = tests/fuzz/fuzz_input.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_input_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_input_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_input_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/input.fuzz
EXTRA_DIST += tests/fuzz/input.fuzz

UNIT_TESTS += tests/unit/test_standard

check_PROGRAMS += tests/fuzz/fuzz_standard
tests_fuzz_fuzz_standard_SOURCES = tests/fuzz/fuzz_standard.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_standard_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_standard_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_standard_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/standard.fuzz
EXTRA_DIST += tests/fuzz/standard.fuzz

UNIT_TESTS += tests/unit/test_oracle

UNIT_TESTS += tests/unit/test_desc

TESTS += tests/e2e/links.sh tests/e2e/quality.sh
EXTRA_DIST += tests/e2e/links.sh tests/e2e/quality.sh

check_PROGRAMS += tests/fuzz/fuzz_desc
tests_fuzz_fuzz_desc_SOURCES = tests/fuzz/fuzz_desc.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_desc_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_desc_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_desc_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/desc.fuzz
EXTRA_DIST += tests/fuzz/desc.fuzz

TESTS += tests/e2e/check.sh
EXTRA_DIST += tests/e2e/check.sh
TESTS += tests/e2e/check-json.sh
EXTRA_DIST += tests/e2e/check-json.sh

UNIT_TESTS += tests/unit/test_store_scale tests/unit/test_jsonsplit
TESTS += tests/e2e/import-large.sh
EXTRA_DIST += tests/e2e/import-large.sh

check_PROGRAMS += tests/fuzz/fuzz_jsonsplit
tests_fuzz_fuzz_jsonsplit_SOURCES = tests/fuzz/fuzz_jsonsplit.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_jsonsplit_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_jsonsplit_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_jsonsplit_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/jsonsplit.fuzz
EXTRA_DIST += tests/fuzz/jsonsplit.fuzz

TESTS += tests/house-rules.sh
EXTRA_DIST += tests/house-rules.sh

UNIT_TESTS += tests/unit/test_exchange

TESTS += tests/e2e/import-identity.sh tests/e2e/import-migrate-todo.sh tests/e2e/register-read.sh tests/e2e/templates.sh
EXTRA_DIST += tests/e2e/import-identity.sh tests/e2e/import-migrate-todo.sh tests/e2e/register-read.sh tests/e2e/templates.sh \
	tests/e2e/helpers/register_api.py

TESTS += tests/e2e/new-template.sh
EXTRA_DIST += tests/e2e/new-template.sh

check_PROGRAMS += tests/fuzz/fuzz_exchange
tests_fuzz_fuzz_exchange_SOURCES = tests/fuzz/fuzz_exchange.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_exchange_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_exchange_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_exchange_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/exchange.fuzz
EXTRA_DIST += tests/fuzz/exchange.fuzz

TESTS += tests/e2e/input.sh
EXTRA_DIST += tests/e2e/input.sh

check_PROGRAMS += tests/fuzz/fuzz_reader
tests_fuzz_fuzz_reader_SOURCES = tests/fuzz/fuzz_reader.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_reader_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_reader_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_reader_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/reader.fuzz
EXTRA_DIST += tests/fuzz/reader.fuzz

TESTS += tests/e2e/tui-delete-unsaved.sh
EXTRA_DIST += tests/e2e/tui-delete-unsaved.sh
TESTS += tests/e2e/plain-ask.sh
EXTRA_DIST += tests/e2e/plain-ask.sh
TESTS += tests/e2e/tui-jump.sh
EXTRA_DIST += tests/e2e/tui-jump.sh
TESTS += tests/e2e/demo-record.sh
EXTRA_DIST += tests/e2e/demo-record.sh
TESTS += tests/e2e/tui-undo-steps.sh
EXTRA_DIST += tests/e2e/tui-undo-steps.sh
TESTS += tests/e2e/tui-long-open.sh
EXTRA_DIST += tests/e2e/tui-long-open.sh
TESTS += tests/e2e/tui-approve.sh
EXTRA_DIST += tests/e2e/tui-approve.sh
TESTS += tests/e2e/tui-help-here.sh
EXTRA_DIST += tests/e2e/tui-help-here.sh
TESTS += tests/e2e/first-run.sh
EXTRA_DIST += tests/e2e/first-run.sh
TESTS += tests/e2e/standard-handout.sh
EXTRA_DIST += tests/e2e/standard-handout.sh
TESTS += tests/e2e/tui-trim-export.sh
EXTRA_DIST += tests/e2e/tui-trim-export.sh
TESTS += tests/e2e/tui-cut-texts.sh
EXTRA_DIST += tests/e2e/tui-cut-texts.sh
TESTS += tests/e2e/tutor-lang.sh
EXTRA_DIST += tests/e2e/tutor-lang.sh
TESTS += tests/e2e/tui-review-sentence.sh
EXTRA_DIST += tests/e2e/tui-review-sentence.sh

TESTS += tests/e2e/input-speed.sh
EXTRA_DIST += tests/e2e/input-speed.sh
check_PROGRAMS += tests/fuzz/fuzz_review
tests_fuzz_fuzz_review_SOURCES = tests/fuzz/fuzz_review.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_review_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_review_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_review_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/review.fuzz
EXTRA_DIST += tests/fuzz/review.fuzz

TESTS += tests/e2e/i18n.sh
EXTRA_DIST += tests/e2e/i18n.sh

TESTS += tests/e2e/streams.sh
EXTRA_DIST += tests/e2e/streams.sh

TESTS += tests/e2e/man.sh
EXTRA_DIST += tests/e2e/man.sh
