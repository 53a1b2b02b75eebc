algedit_SOURCES += cli/cli.h cli/main.c cli/check.c cli/standard.c cli/exchange.c
