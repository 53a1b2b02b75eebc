# register: the register's submission API through libcurl (algedit publish).
# Headers only: register/http.c opens libcurl with dlopen (see configure.ac).
AM_CFLAGS += $(CURL_CFLAGS)
libalgedit_a_SOURCES += register/register.h register/config.c register/http.c register/answer.c

UNIT_TESTS += tests/unit/test_register

# A local HTTPS server speaking the register's API (made by the test itself).
TESTS += tests/e2e/publish.sh
EXTRA_DIST += tests/e2e/publish.sh

# Fuzz target: the register's answers and the register.* config reader.
check_PROGRAMS += tests/fuzz/fuzz_register
tests_fuzz_fuzz_register_SOURCES = tests/fuzz/fuzz_register.c $(FUZZ_DRIVER)
tests_fuzz_fuzz_register_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_register_LDFLAGS = $(FUZZ_LINKFLAGS)
tests_fuzz_fuzz_register_LDADD = $(ALL_LIBS)
TESTS += tests/fuzz/register.fuzz
EXTRA_DIST += tests/fuzz/register.fuzz

# Reading back what the register holds (algedit import --register, publish --status).
libalgedit_a_SOURCES += register/read.c

# The link check (algedit check --links, Alt-L in the editor).
libalgedit_a_SOURCES += register/links.h register/links.c
