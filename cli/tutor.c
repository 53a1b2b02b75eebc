/* tutor: `algedit tutor [--reset] [--lesson N] [--plain]`: lessons on the
 * standard, done in a sandbox repository ($XDG_STATE_HOME/algedit/tutor,
 * else ~/.local/state/algedit/tutor) with a worked example, and checked by
 * the rules. The user's own repository (-C, $ALGEDIT_REPO, the default one)
 * is never opened. Progress is kept in $XDG_STATE_HOME/algedit/tutor-progress
 * (mode 0600); --reset asks, then removes the sandbox and the progress and
 * starts over. Each language has its own sandbox and progress (English:
 * tutor-en, tutor-progress-en), so an English lesson never opens on the
 * Dutch example and answers. */
#include "config.h"
#include "cli/cli.h"
#include "tui/tui.h"
#include "tui/tutor.h"
#include "base/base.h"
#include "base/paths.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *state_dir(void)
{
	return xdg_path(XDG_STATE, NULL);
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)ftw;
	/* Links are removed as links (FTW_PHYS): nothing outside is touched. */
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

int cmd_tutor(int argc, char **argv)
{
	bool reset = false, plain = cli_plain;
	size_t lesson = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			return cmd_help(2, (char *[]){ (char *)"help", (char *)"tutor", NULL });
		} else if (!strcmp(argv[i], "--reset")) {
			reset = true;
		} else if (!strcmp(argv[i], "--plain")) {
			plain = true;
		} else if (!strcmp(argv[i], "--lesson") && i + 1 < argc) {
			char *end = NULL;
			long n = strtol(argv[++i], &end, 10);
			if (*end || n < 1 || n > 1000) {
				cli_error("tutor", _("\"%s\" is not a lesson number (1, 2, ...)"), argv[i]);
				return 2;
			}
			lesson = (size_t)n;
		} else {
			cli_usage(stderr, "tutor");
			return 2;
		}
	}
	bool screen = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && tui_terminal_usable();
	if (!plain && !reset && !screen) {
		cli_error("tutor", "%s", _("not a terminal that can show the full screen; algedit tutor --plain asks the lessons line by line"));
		return 2;
	}
	char *state = state_dir();
	const char *sfx = i18n_lang() == LANG_EN ? "-en" : "";
	char *sandbox = xasprintf("%s/tutor%s", state, sfx), *progress = xasprintf("%s/tutor-progress%s", state, sfx);
	int rc = 0;
	if (reset) {
		/* Asked first, on a line: the learner's answers go. Works on any
		 * terminal (and from a script that answers). */
		printf("%s", _("Start the lessons over? What you wrote in them and your progress are removed. [y/N] "));
		fflush(stdout);
		char line[64] = "";
		bool yes = fgets(line, sizeof line, stdin) && (line[0] == 'y' || line[0] == 'Y' || line[0] == 'j' || line[0] == 'J');
		if (!yes) {
			printf("\n%s\n", _("Nothing was removed."));
			free(state);
			free(sandbox);
			free(progress);
			return 0;
		}
	}
	if (reset) {
		struct stat st;
		if (lstat(sandbox, &st) == 0 && nftw(sandbox, remove_one, 16, FTW_DEPTH | FTW_PHYS) < 0) {
			cli_error("tutor", _("could not remove the lessons in %s: %s"), sandbox, strerror(errno));
			rc = 1;
		}
		if (unlink(progress) < 0 && errno != ENOENT) {
			cli_error("tutor", _("could not remove %s: %s"), progress, strerror(errno));
			rc = 1;
		}
	}
	if (!rc && mkdir_p(sandbox, 0700) < 0 /* private: the lessons may hold what the learner typed */) {
		cli_error("tutor", _("could not make the folder %s: %s"), sandbox, strerror(errno));
		rc = 2;
	}
	if (!rc) {
		char *err = NULL;
		standard *std = standard_load_version("1.0", &err);
		if (!std) {
			cli_error("tutor", _("the standard files are broken: %s"), err);
			free(err);
			rc = 2;
		} else {
			if (reset)
				printf("%s\n", _("The lessons start over."));
			if (reset && !plain && !screen) {
				/* Reset is done; the lessons need a full screen or --plain. */
				printf("%s\n", _("algedit tutor starts the first lesson (algedit tutor --plain line by line)."));
			} else {
				tutor_opts o = { sandbox, progress, lesson, plain, stdin, stdout };
				rc = tui_tutor(std, &o);
			}
			standard_free(&std);
		}
	}
	free(state);
	free(sandbox);
	free(progress);
	return rc;
}
