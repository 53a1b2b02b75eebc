/* cli: the subcommands. Each lives in its own file and has the signature
 * int cmd_x(int argc, char **argv), argv[0] being the subcommand's name. Exit
 * codes: 0 fine, 1 findings (errors) or a refused operation, 2 usage error or
 * unreadable input. */
#ifndef ALGEDIT_CLI_H
#define ALGEDIT_CLI_H

#include <stdbool.h>
#include <stdio.h>

typedef struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;   /* N_() text for the command list */
	const char *usage;     /* N_() text: "algedit check [--format text|json] PATH..." */
} cli_command;

extern const cli_command cli_commands[];

/* The global options, already parsed by main: -C DIR / ALGEDIT_REPO. */
extern const char *cli_repo_dir;
/* --plain: questions on standard input/output instead of the full screen. */
extern bool cli_plain;

/* Prints "algedit CMD: message" to stderr, translated by the caller. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints the usage of one command to f. */
void cli_usage(FILE *f, const char *cmd);

int cmd_check(int argc, char **argv);
int cmd_standard(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_spell(int argc, char **argv);
int cmd_edit(int argc, char **argv);

#endif
