/* edit: `algedit edit [--plain] [FILE.yaml]`, `algedit edit --template
 * FILE[#ID]` (the list, and at once the form on a new description made from
 * a register template, not saved until the person saves), and `algedit`
 * alone. Without
 * a file, the list of the drafts repository's descriptions (-C DIR, else
 * $ALGEDIT_REPO, else the embedded default, created on first use), and the
 * editor from it; every save is a commit there. With a file, the editor
 * opens it (a new description when it does not exist): through the store
 * when it lies in the algoritmes/ folder of a git work tree, as a plain file
 * otherwise. --plain asks the same questions on standard input and output,
 * without a full-screen terminal. */
#include "config.h"
#include "cli/cli.h"
#include "tui/tui.h"
#include "tui/persist.h"
#include "store/store.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The work tree whose algoritmes/ folder holds file, or NULL (caller frees). */
static char *drafts_root(const char *file)
{
	char *copy = xstrdup(file);
	char *dir = realpath(dirname(copy), NULL);
	free(copy);
	if (!dir)
		return NULL;
	char *slash = strrchr(dir, '/');
	char *root = NULL;
	if (slash && !strcmp(slash + 1, "algoritmes")) {
		*slash = '\0';
		char *git = xasprintf("%s/.git", *dir ? dir : "");
		struct stat st;
		if (stat(git, &st) == 0)
			root = xstrdup(*dir ? dir : "/");
		free(git);
	}
	free(dir);
	return root;
}

/* Opens the repository at dir (NULL: the default) over std and makes the
 * editor save through it; 0, or an exit code. */
static int open_store(const char *dir, const standard *std, store **s)
{
	char *err = NULL;
	if (store_open(std, dir, s, &err) != STORE_OK) {
		cli_error("edit", "%s", err);
		free(err);
		return 2;
	}
	/* Asked before the full screen starts, once: then kept in the
	 * repository. On the terminal the editor uses (standard output, which
	 * is also where plain mode talks); without one a save says how to set
	 * it. */
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && !cli_ask_author("edit", *s, stdout)) {
		store_free(s);
		return 1;
	}
	persist_use_store(*s);
	return 0;
}

int cmd_edit(int argc, char **argv)
{
	bool plain = cli_plain;
	const char *file = NULL, *template = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			return cmd_help(2, (char *[]){ (char *)"help", (char *)"edit", NULL });
		} else if (strcmp(argv[i], "--plain") == 0) {
			plain = true;
		} else if (strcmp(argv[i], "--template") == 0 && i + 1 < argc && !template) {
			template = argv[++i];
		} else if (argv[i][0] == '-' || file) {
			cli_usage(stderr, "edit");
			return 2;
		} else {
			file = argv[i];
		}
	}
	if (template && (file || plain)) {
		cli_error("edit", "%s", _("--template starts a new description in the full-screen editor; without a file, and not with --plain (algedit new --template FILE NAME makes one on the command line)"));
		return 2;
	}
	if (!plain && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		cli_error("edit", "%s", _("not a terminal; use algedit --plain to answer the questions line by line"));
		return 2;
	}
	if (!plain && !tui_terminal_usable()) {
		/* TERM=dumb, unknown or unset: a full screen would be unreadable. */
		const char *term = getenv("TERM");
		if (!term || strspn(term, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+-_") != strlen(term))
			term = "";
		if (template) {
			cli_error("edit", _("this terminal (TERM=%s) cannot show the full-screen editor; use algedit new --template FILE NAME, or algedit --plain"), term);
			return 2;
		}
		fprintf(stderr, _("algedit: this terminal (TERM=%s) cannot show the full screen; the fields are asked line by line, as with --plain.\n"), term);
		plain = true;
	}
	/* One copy of the standard for the store and the editor. */
	char *err = NULL;
	standard *std = standard_load_version("1.0", &err);
	if (!std) {
		cli_error("edit", _("the standard files are broken: %s"), err);
		free(err);
		return 2;
	}
	store *s = NULL;
	int rc;
	if (file) {
		char *root = drafts_root(file);
		rc = root ? open_store(root, std, &s) : 0;
		free(root);
		if (!rc)
			rc = plain ? tui_plain(std, file, stdin, stdout) : tui_edit_file(std, file);
	} else if (!(rc = open_store(cli_repo_dir && *cli_repo_dir ? cli_repo_dir : NULL, std, &s))) {
		/* Without the trailing '/', so the paths on screen read well. */
		char *repo = xstrdup(store_workdir(s));
		size_t n = strlen(repo);
		if (n > 1 && repo[n - 1] == '/')
			repo[n - 1] = '\0';
		rc = plain ? tui_plain_list(std, repo, stdin, stdout) : tui_list(std, repo, template);
		free(repo);
	}
	persist_use_store(NULL);
	store_free(&s);
	standard_free(&std);
	return rc;
}
