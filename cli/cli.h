/* cli: the subcommands. Each lives in its own file and has the signature
 * int cmd_x(int argc, char **argv), argv[0] being the subcommand's name. Exit
 * codes: 0 fine, 1 findings (errors) or a refused operation, 2 usage error or
 * unreadable input. */
#ifndef ALGEDIT_CLI_H
#define ALGEDIT_CLI_H

#include "base/escape.h" /* esc_line, esc_text: every value a command prints */

#include <stdbool.h>
#include <stdint.h>
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

/* --present (the presentation view) and --theme high-contrast, for the
 * editor and demos; --record FILE is handled by main around the editor. */
extern bool cli_present, cli_high_contrast;
int cmd_demo(int argc, char **argv);
/* algedit --record FILE without -C or --own: the editor in a sandbox like
 * the one demos play in (an empty drafts repository, removed afterwards),
 * so a recording never saves versions of the trainer's descriptions and
 * plays back as it was made. template: --template, or NULL. */
int cli_record_sandbox(const char *template);
/* The editor's list on the drafts in sandbox box (see cli_sandbox_make). */
struct standard;
int cli_sandbox_list(const char *cmd, struct standard *std, const char *box, const char *place, const char *template);
/* A new sandbox for a demo: HOME, the XDG folders and a drafts folder in a
 * temporary folder, set in the environment (NULL and said when it cannot
 * be made); cli_sandbox_remove removes it. Caller frees the path. */
char *cli_sandbox_make(void);
void cli_sandbox_remove(const char *dir);

int cmd_check(int argc, char **argv);
int cmd_standard(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_spell(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_publish(int argc, char **argv);
int cmd_tutor(int argc, char **argv);
int cmd_templates(int argc, char **argv);

/* The commands on the drafts repository (cli/new.c, set.c, log.c, diff.c,
 * sync.c, resolve.c); what they share is in cli/common.c and cli/assign.c. */
struct standard;
struct store;
struct description;
int cmd_new(int argc, char **argv);
int cmd_set(int argc, char **argv);
int cmd_log(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_sync(int argc, char **argv);
int cmd_resolve(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_join(int argc, char **argv);
/* The slug of the description arg names: its name as the list shows it,
 * its file name, or the start of either (cli/common.c); NULL after saying
 * why and naming the closest. allow_gone: a file name of a description no
 * longer in the folder (log, restore) is taken as it is. */
char *cli_find_desc(const char *cmd, struct store *s, const char *arg, bool allow_gone);
/* Prints what a sync or join did (lines on stdout, the error and notes on
 * stderr); 0 when it succeeded, else 1. */
struct flow_sync_result;
int cli_sync_show(const char *cmd, const struct flow_sync_result *r);
/* Loads the standard and opens the repository (-C DIR); 0 or an exit code. */
int cli_store_open(const char *cmd, struct standard **std, struct store **s);
/* True when saves have an author: from git config, else asked once on a
 * terminal (questions on out) and kept in the repository's config; without
 * a terminal says how to set it. */
bool cli_ask_author(const char *cmd, struct store *s, FILE *out);
/* Saves in one commit, asking for the author once on a terminal; 0 or 1. */
int cli_store_save(const char *cmd, struct store *s, const char *const *slugs,
                   const struct description *const *ds, size_t n);
/* Applies one KEY=VALUE, KEY+=VALUE or KEY-=VALUE (cli/assign.c); 0 or 2. */
int cli_assign(const char *cmd, struct description *d, const char *arg);
/* Reports errors in the changed fields (arguments as given); 1 when any. */
int cli_validate(const char *cmd, const char *slug, const struct description *d,
                 const char *const *changed, size_t n);
int cmd_edit(int argc, char **argv);
/* The file name for a new imported description: its name's own, or, when
 * that is another description's, one that says whose it is
 * (anonimiseren-gemeente-utrecht). Caller frees. (cli/common.c) */
char *cli_import_slug(struct store *s, const char *name, const char *org);
/* Who is who in the repository (forms/exchange.h's identity index), read
 * once. (cli/common.c) */
struct ident_index;
void cli_ident_read(struct ident_index *x, struct store *s);
/* algedit import --register (cli/publish.c: the token rules of publish). */
int cmd_import_register(int argc, char **argv);
/* export --format markdown|html: a readable document (cli/document.c). */
int cli_export_document(int argc, char **argv);

/* Review (cli/review.c): review --print, and comment, suggest, accept,
 * reject, approve, request-changes, ask-review, mark-reviewed. */
struct strbuf;
struct review_rec;
int cmd_review(int argc, char **argv);
int cmd_review_record(int argc, char **argv);
/* Text from files or remotes made safe for the terminal (control characters
 * and bytes that are not UTF-8 shown visibly; newline and tab stay), of n
 * bytes or NUL-terminated (NULL: nothing); cli/common.c. */
void cli_safe(struct strbuf *out, const char *s, size_t n);
void cli_safe_str(struct strbuf *out, const char *s);
/* A time as commands print it: "2024-05-01 14:03" (local time). */
void cli_date(int64_t t, char out[32]);
/* The label of a field in the language of the messages, else the key. */
const char *cli_field_label(const struct standard *std, const char *key);
/* One review event as a line of algedit log. */
void cli_review_event(struct strbuf *out, const struct review_rec *r, const struct standard *std);

#endif
