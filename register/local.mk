# register: the register's submission API through libcurl (algedit publish).
# Headers only: register/http.c opens libcurl with dlopen (see configure.ac).
AM_CFLAGS += $(CURL_CFLAGS)
libalgedit_a_SOURCES += register/register.h register/config.c register/http.c register/answer.c
# The command lives with the others in cli/; listed here so that adding it
# touches no other module's list.
algedit_SOURCES += cli/publish.c

UNIT_TESTS += tests/unit/test_register

# A local HTTPS server speaking the register's API (made by the test itself).
TESTS += tests/e2e/publish.sh
EXTRA_DIST += tests/e2e/publish.sh
