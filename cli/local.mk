algedit_SOURCES += cli/cli.h cli/main.c cli/stubs.c
