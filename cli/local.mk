algedit_SOURCES += cli/cli.h cli/main.c cli/check.c cli/standard.c cli/exchange.c
algedit_SOURCES += cli/document.c

TESTS += tests/e2e/cli-start.sh
EXTRA_DIST += tests/e2e/cli-start.sh

TESTS += tests/e2e/new-template-pick.sh
EXTRA_DIST += tests/e2e/new-template-pick.sh

TESTS += tests/e2e/cli-jargon.sh
EXTRA_DIST += tests/e2e/cli-jargon.sh

TESTS += tests/e2e/check-yaml-messages.sh
EXTRA_DIST += tests/e2e/check-yaml-messages.sh

TESTS += tests/e2e/import-kinds.sh tests/e2e/import-update.sh
EXTRA_DIST += tests/e2e/import-kinds.sh tests/e2e/import-update.sh
algedit_SOURCES += cli/tutor.c
