algedit_SOURCES += cli/cli.h cli/main.c cli/check.c cli/standard.c cli/exchange.c
algedit_SOURCES += cli/document.c
algedit_SOURCES += cli/demo.c

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
# Demos: the shipped key scripts (algedit demo), installed with the program,
# and the test that plays every one of them.
demosdir = $(pkgdatadir)/demos
dist_demos_DATA = doc/demos/01-algemene-informatie.keys doc/demos/02-verantwoord-gebruik.keys \
	doc/demos/03-werking.keys doc/demos/04-metadata.keys
TESTS += tests/e2e/demo.sh
EXTRA_DIST += tests/e2e/demo.sh

# The subcommands that work on the drafts repository, review, publish to the
# register, spell-check, and open the editor.
algedit_SOURCES += cli/new.c cli/set.c cli/log.c cli/diff.c cli/sync.c cli/resolve.c cli/restore.c
algedit_SOURCES += cli/review.c cli/publish.c cli/spell.c cli/edit.c
# What the subcommands share (no subcommand file uses another).
algedit_SOURCES += cli/common.c cli/assign.c

algedit_SOURCES += cli/templates.c

algedit_SOURCES += cli/join.c
TESTS += tests/e2e/team-cli.sh
EXTRA_DIST += tests/e2e/team-cli.sh

# The English versions of the demos (played with --lang en).
dist_demos_DATA += doc/demos/01-general-information-en.keys doc/demos/02-responsible-use-en.keys \
	doc/demos/03-operation-en.keys doc/demos/04-metadata-en.keys

