algedit_SOURCES += cli/cli.h cli/main.c cli/check.c cli/standard.c cli/exchange.c
algedit_SOURCES += cli/demo.c

TESTS += tests/e2e/cli-start.sh
EXTRA_DIST += tests/e2e/cli-start.sh

TESTS += tests/e2e/new-template-pick.sh
EXTRA_DIST += tests/e2e/new-template-pick.sh

TESTS += tests/e2e/cli-jargon.sh
EXTRA_DIST += tests/e2e/cli-jargon.sh

TESTS += tests/e2e/check-yaml-messages.sh
EXTRA_DIST += tests/e2e/check-yaml-messages.sh
