/* main: global options and the subcommand table. With no subcommand algedit
 * opens the editor on the drafts repository. */
#include "config.h"
#include "cli/cli.h"
#include "tui/tui.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>

const char *cli_repo_dir;
bool cli_plain;
bool cli_present, cli_high_contrast;

const cli_command cli_commands[] = {
	{ "check", cmd_check, N_("check descriptions against the publication standard"),
	  N_("algedit check [--format text|json] [--spell] [--links] PATH...") },
	{ "spell", cmd_spell, N_("list misspelt words in text read from standard input"),
	  N_("algedit spell [-l] [--dict NAME] < TEXT") },
	{ "standard", cmd_standard, N_("show the standard, or convert the register's field config"),
	  N_("algedit standard [--format text|markdown|html | --from-register-config FILE [--layout FILE] [-o DIR]]") },
	{ "edit", cmd_edit, N_("open the editor (what algedit alone does)"),
	  N_("algedit [--plain] [edit] [FILE.yaml] | algedit edit --template FILE[#ID]") },
	{ "new", cmd_new, N_("make a new description and save its first version"),
	  N_("algedit new [--template ID|FILE[#ID]] NAME [KEY=VALUE...]") },
	{ "set", cmd_set, N_("change fields of one or more descriptions and save them"),
	  N_("algedit set SLUG...|--all KEY=VALUE|KEY+=VALUE|KEY-=VALUE...") },
	{ "log", cmd_log, N_("list the versions of a description: date, author, fields changed"),
	  N_("algedit log [-n N] SLUG") },
	{ "history", cmd_log, N_("the history of a description (the same as log); in the editor: Alt-L"),
	  N_("algedit history [-n N] NAME") },
	{ "diff", cmd_diff, N_("show what changed in a description, field by field"),
	  N_("algedit diff [--color=auto|always|never] [--since-approval] [REV|~N [REV|~N]] SLUG") },
	{ "sync", cmd_sync, N_("send and take the team's changes, merging field by field (the first time: algedit sync URL)"),
	  N_("algedit sync [URL]") },
	{ "join", cmd_join, N_("join a team: take its descriptions from the team server and open the list"),
	  N_("algedit join URL [-C DIR] [--no-open]") },
	{ "restore", cmd_restore, N_("bring back a deleted description as a new version"),
	  N_("algedit restore SLUG") },
	{ "resolve", cmd_resolve, N_("choose per field after sync found the same field changed on both sides"),
	  N_("algedit resolve [NAME FIELD mine|theirs | NAME FIELD=TEXT | --abort]") },
	{ "export", cmd_export, N_("print the JSON body for the register's submission API"),
	  N_("algedit export [--force] [--format api|markdown|html] FILE.yaml|NAME...") },
	{ "import", cmd_import, N_("bring in descriptions from the register's files (templates, API bodies, exports, older standards) or from the register itself"),
	  N_("algedit import [--update] [-o FILE.yaml] FILE.json[#ID]... | --register --org ORG [NAME...]") },
	{ "review", cmd_review, N_("show the review of descriptions: state, changes since approval, comments"),
	  N_("algedit review [--plain] [--since REV] SLUG | --print [--format text|json] [--since REV] [SLUG...] | --list [--mine]") },
	{ "ask-review", cmd_review_record, N_("ask for a review of a description"),
	  N_("algedit ask-review SLUG [-m TEXT] [--reviewer NAME]...") },
	{ "comment", cmd_review_record, N_("comment on a field, reply to a comment or resolve it"),
	  N_("algedit comment SLUG FIELD TEXT | SLUG --reply ID TEXT | SLUG --resolve ID") },
	{ "suggest", cmd_review_record, N_("suggest new text for a field"),
	  N_("algedit suggest SLUG FIELD=VALUE | SLUG FIELD#N=VALUE") },
	{ "accept", cmd_review_record, N_("accept a suggestion: apply it and save a version"),
	  N_("algedit accept SLUG ID [-m TEXT]") },
	{ "reject", cmd_review_record, N_("reject a suggestion, with the reason"),
	  N_("algedit reject SLUG ID -m REASON") },
	{ "approve", cmd_review_record, N_("approve the latest version of a description"),
	  N_("algedit approve SLUG [-m TEXT]") },
	{ "request-changes", cmd_review_record, N_("send a description back to its drafter, saying what to change"),
	  N_("algedit request-changes SLUG -m TEXT") },
	{ "mark-reviewed", cmd_review_record, N_("mark a field as reviewed by you"),
	  N_("algedit mark-reviewed SLUG FIELD") },
	{ "publish", cmd_publish, N_("send a description to the register's submission API, or compare the drafts with what it holds (--status)"),
	  N_("algedit publish [--dry-run] [--force] [--url URL] [--cacert FILE] SLUG --org ORG | --status --org ORG [NAME...]") },
	{ "templates", cmd_templates, N_("list the register's supplier templates to start a description from"),
	  N_("algedit templates [FILTER] | --update DIR") },
	{ "tutor", cmd_tutor, N_("learn the standard by doing: short lessons in a sandbox, checked by the rules"),
	  N_("algedit tutor [--reset] [--lesson N] [--plain]") },
	{ "demo", cmd_demo, N_("list the demos, or play one in a sandbox (never your own descriptions)"),
	  N_("algedit demo [--play FILE|NAME [--speed N] [--present]]") },
	{ "help", cmd_help, N_("show this help"), N_("algedit help [COMMAND]") },
	{ NULL, NULL, NULL, NULL },
};

void cli_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "algedit%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	/* Messages carry names, values and addresses from files and remotes:
	 * escaped for the terminal, and no URL with its password. Newlines and
	 * tabs stay: some messages list one item a line (sync's conflicts). */
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *m = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	*m = '\0';
	va_start(ap, fmt);
	if (n > 0)
		vsnprintf(m, (size_t)n + 1, fmt, ap);
	va_end(ap);
	char *safe = url_redact(m);
	fputs(esc_text(safe), stderr);
	free(safe);
	free(m);
	fputc('\n', stderr);
}

void cli_usage(FILE *f, const char *cmd)
{
	for (const cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, cmd) == 0)
			fprintf(f, "%s %s\n", _("Usage:"), _(c->usage));
}

static void print_help(FILE *f)
{
	fprintf(f, "%s\n\n", _("algedit: write and check descriptions for the Dutch Algorithm Register."));
	fprintf(f, "%s\n%s\n\n", _("Usage:"), _("  algedit [-C DIR]               open the editor\n"
	                                           "  algedit [--plain] FILE.yaml    open the editor on one file\n"
	                                           "  algedit [-C DIR] COMMAND [ARGS]"));
	fprintf(f, "%s\n", _("Commands:"));
	for (const cli_command *c = cli_commands; c->name; c++)
		fprintf(f, "  %-15s %s\n", c->name, _(c->summary));
	fprintf(f, "\n%s\n", _("Options:"));
	fprintf(f, "  %-11s %s\n", _("-C DIR"), _("use the drafts repository in DIR (default: $ALGEDIT_REPO, else ~/.local/share/algedit/register)"));
	fprintf(f, "  %-11s %s\n", "--plain", _("ask the fields as questions on standard input and output (no full screen)"));
	fprintf(f, "  %s\n              %s\n", _("--template FILE[#ID]"), _("open the editor on a new description made from a register template file"));
	fprintf(f, "  --lang nl|en\n              %s\n", _("messages, screens and guidance in Dutch (nl) or English (en), whatever the computer's language (also: $ALGEDIT_LANG)"));
	fprintf(f, "  %s\n              %s\n", _("--record FILE"), _("record the keys of this editor session, with their timing, as a demo in FILE (F12 adds a caption)"));
	fprintf(f, "              %s\n", _("(in a sandbox that starts empty, as demos play; -C DIR or --own records on your own descriptions)"));
	fprintf(f, "  --present   %s\n", _("the presentation view: large guidance, no key bar, high contrast (for a projector)"));
	fprintf(f, "  --theme default|high-contrast\n              %s\n", _("the colours of the editor; NO_COLOR set: none at all"));
	fprintf(f, "  -h, --help  %s\n", _("show this help"));
	fprintf(f, "  --version   %s\n", _("show the version"));
	fprintf(f, "\n%s\n", _("More: man algedit, or algedit help COMMAND."));
}

int cmd_help(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "-h") && strcmp(argv[1], "--help")) {
		for (const cli_command *c = cli_commands; c->name; c++)
			if (strcmp(c->name, argv[1]) == 0) {
				printf("%s\n", _(c->summary));
				cli_usage(stdout, c->name);
				return 0;
			}
		cli_error(NULL, _("unknown command \"%s\"; algedit help lists them"), argv[1]);
		return 2;
	}
	print_help(stdout);
	return 0;
}

/* A description file rather than a mistyped command: a .yaml name, or a
 * file that exists. */
static bool looks_like_file(const char *arg)
{
	size_t n = strlen(arg);
	struct stat st;
	return (n > 5 && !strcmp(arg + n - 5, ".yaml")) || (n > 4 && !strcmp(arg + n - 4, ".yml")) ||
	       (stat(arg, &st) == 0 && S_ISREG(st.st_mode));
}

/* --lang nl|en, before or after the command (taken out of argv before the
 * commands see it), else ALGEDIT_LANG, else the locale. After spell, whose
 * own --lang names a description language (nld), only before it. */
static int choose_lang(int *argc, char **argv)
{
	const char *lang = NULL, *from = "--lang";
	int out = 1;
	bool rest = false, command = false;
	for (int i = 1; i < *argc; i++) {
		if (!rest && strcmp(argv[i], "--") == 0)
			rest = true;
		if (!rest && !command && argv[i][0] != '-') {
			command = true;
			rest = strcmp(argv[i], "spell") == 0;
		} else if (!rest && !command &&
		           (strcmp(argv[i], "-C") == 0 || strcmp(argv[i], "--template") == 0 ||
		            strcmp(argv[i], "--record") == 0 || strcmp(argv[i], "--theme") == 0) &&
		           i + 1 < *argc) {
			argv[out++] = argv[i++];
		}
		if (!rest && strcmp(argv[i], "--lang") == 0) {
			if (i + 1 == *argc) {
				cli_error(NULL, "%s", _("--lang needs a language: nl (Dutch) or en (English)"));
				return 2;
			}
			lang = argv[++i];
		} else if (!rest && strncmp(argv[i], "--lang=", 7) == 0) {
			lang = argv[i] + 7;
		} else {
			argv[out++] = argv[i];
		}
	}
	argv[out] = NULL;
	*argc = out;
	if (!lang) {
		const char *env = getenv("ALGEDIT_LANG");
		if (!env || !*env)
			return 0;
		lang = env;
		from = "ALGEDIT_LANG";
	}
	int r = i18n_choose(lang);
	if (r == 0) {
		cli_error(NULL, _("unknown language \"%s\" in %s; choose nl (Dutch) or en (English)"), lang, from);
		return 2;
	}
	if (r < 0)
		cli_error(NULL, "%s", _("no UTF-8 locale is installed, so messages stay in English"));
	return 0;
}

int main(int argc, char **argv)
{
	stdio_whole_lines();
	i18n_init();
	if (choose_lang(&argc, argv))
		return 2;
	cli_repo_dir = getenv("ALGEDIT_REPO");
	char *template = NULL;
	const char *record = NULL;
	bool own = false, dir_given = false;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-C") == 0 && i + 1 < argc) {
			cli_repo_dir = argv[++i];
			dir_given = true;
		} else if (strcmp(argv[i], "--own") == 0) {
			own = true;
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			print_help(stdout);
			return 0;
		} else if (strcmp(argv[i], "--plain") == 0) {
			cli_plain = true;
		} else if (strcmp(argv[i], "--template") == 0 && i + 1 < argc) {
			template = argv[++i];
		} else if (strcmp(argv[i], "--record") == 0 && i + 1 < argc) {
			record = argv[++i];
		} else if (strcmp(argv[i], "--present") == 0) {
			cli_present = true;
		} else if (strcmp(argv[i], "--theme") == 0 && i + 1 < argc) {
			i++;
			if (strcmp(argv[i], "high-contrast") && strcmp(argv[i], "default")) {
				cli_error(NULL, _("unknown theme \"%s\"; choose default or high-contrast"), argv[i]);
				return 2;
			}
			cli_high_contrast = !strcmp(argv[i], "high-contrast");
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("algedit %s\n", PACKAGE_VERSION);
			return 0;
		} else {
			cli_error(NULL, _("unknown option \"%s\"; algedit --help lists them"), argv[i]);
			return 2;
		}
	}
	if (record || cli_present || cli_high_contrast) {
		/* Recording is of the full-screen editor: algedit alone, edit or a file. */
		bool editor = i == argc || !strcmp(argv[i], "edit") || looks_like_file(argv[i]);
		if (record && (!editor || cli_plain)) {
			cli_error(NULL, "%s", _("--record records the full-screen editor: use it without a command (or with edit or a file), and not with --plain"));
			return 2;
		}
		if (record && i < argc && !own && !dir_given) {
			cli_error(NULL, "%s", _("--record records in a sandbox, never on your own descriptions; to record on a file or a command of your own, add --own"));
			return 2;
		}
		tui_demo_opts o = { .record = record, .present = cli_present, .high_contrast = cli_high_contrast || cli_present };
		tui_demo_set(&o);
	}
	if (own && !record) {
		cli_error(NULL, "%s", _("--own goes with --record: it records on your own descriptions instead of a sandbox"));
		return 2;
	}
	if (record) {
		int rc;
		bool sandbox = !own && !dir_given;
		if (sandbox) {
			rc = cli_record_sandbox(template);
		} else if (i == argc) {
			char *edit_argv[] = { (char *)"edit", (char *)"--template", template, NULL };
			rc = cmd_edit(template ? 3 : 1, edit_argv);
		} else if (!strcmp(argv[i], "edit")) {
			rc = cmd_edit(argc - i, argv + i);
		} else {
			argv[i - 1] = (char *)"edit";
			rc = cmd_edit(argc - i + 1, argv + i - 1);
		}
		if (tui_demo_save_record() < 0) {
			cli_error(NULL, _("cannot write the recording to %s: %s"), record, strerror(errno));
			return rc ? rc : 1;
		}
		if (sandbox && rc == 0)
			printf(_("Recorded in %s, in a sandbox: your own descriptions were not opened. algedit demo --play %s plays it.\n"),
			       esc_line(record), esc_line(record));
		return rc;
	}
	if (i == argc) {
		char *edit_argv[] = { (char *)"edit", (char *)"--template", template, NULL };
		return cmd_edit(template ? 3 : 1, edit_argv);
	}
	if (template) {
		cli_error(NULL, "%s", _("--template opens the editor; use it without a command, or algedit new --template FILE NAME"));
		return 2;
	}
	/* import --register reads from the register, over publish's connection
	 * (cli/publish.c); import of files is cli/exchange.c. */
	for (int k = i + 1; !strcmp(argv[i], "import") && k < argc; k++)
		if (!strcmp(argv[k], "--register"))
			return cmd_import_register(argc - i, argv + i);
	for (const cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, argv[i]) == 0)
			return c->run(argc - i, argv + i);
	/* algedit [--plain] FILE.yaml [--plain], as the man page writes it: the
	 * editor on that file, options before or after it. */
	if (looks_like_file(argv[i])) {
		argv[i - 1] = (char *)"edit";
		return cmd_edit(argc - i + 1, argv + i - 1);
	}
	cli_error(NULL, _("unknown command \"%s\"; algedit help lists them"), argv[i]);
	return 2;
}
