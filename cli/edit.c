/* edit: `algedit edit [--plain] [FILE.yaml]`, and `algedit` alone. With a
 * file, the editor opens it (a new description when it does not exist);
 * without, the list of the repository's descriptions. --plain asks the same
 * questions on standard input and output, without a full-screen terminal. */
#include "config.h"
#include "cli/cli.h"
#include "tui/tui.h"
#include "i18n/i18n.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int cmd_edit(int argc, char **argv)
{
	bool plain = cli_plain;
	const char *file = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--plain") == 0) {
			plain = true;
		} else if (argv[i][0] == '-' || file) {
			cli_usage(stderr, "edit");
			return 2;
		} else {
			file = argv[i];
		}
	}
	if (!plain && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		cli_error("edit", "%s", _("not a terminal; use algedit --plain to answer the questions line by line"));
		return 2;
	}
	const char *repo = cli_repo_dir && *cli_repo_dir ? cli_repo_dir : ".";
	if (file)
		return plain ? tui_plain(file, stdin, stdout) : tui_edit_file(file);
	return plain ? tui_plain_list(repo, stdin, stdout) : tui_list(repo);
}
