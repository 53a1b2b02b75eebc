/* join: `algedit join URL [-C DIR] [--no-open]`: one step for a new member
 * of a team: the team's descriptions from the team server into the drafts
 * repository (the default one, or DIR), connected so that algedit sync
 * alone keeps it up to date, and then the list in the editor. */
#include "config.h"
#include "cli/cli.h"
#include "flows/flows.h"
#include "tui/tui.h"
#include "standard/standard.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *f)
{
	cli_usage(f, "join");
	fprintf(f, "\n%s\n", _("Takes the team's descriptions from the team server (URL: the address IT gave\n"
	                       "you) into your drafts repository, or into DIR, connects it to that server,\n"
	                       "and opens the list. From then on algedit sync sends and takes the changes.\n"
	                       "--no-open only reports (so does join without a terminal)."));
}

int cmd_join(int argc, char **argv)
{
	const char *url = NULL, *dir = cli_repo_dir;
	bool open = true;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--no-open")) {
			open = false;
		} else if (!strcmp(argv[i], "-C") && i + 1 < argc) {
			dir = argv[++i];
		} else if (argv[i][0] == '-' || url) {
			cli_error("join", _("unknown argument \"%s\""), argv[i]);
			usage(stderr);
			return 2;
		} else {
			url = argv[i];
		}
	}
	if (!url) {
		cli_error("join", "%s", _("give the address of the team's repository, e.g. algedit join https://git.gemeente.nl/team/algoritmes.git"));
		usage(stderr);
		return 2;
	}
	char *err = NULL;
	standard *std = standard_load_facts("1.0", &err);
	if (!std) {
		cli_error("join", "%s", err ? err : "");
		free(err);
		return 2;
	}
	flow_sync_result r;
	char *workdir = NULL;
	flow_join(std, dir, url, isatty(0) ? tui_ask_cred : NULL, NULL, &r, &workdir);
	int rc = cli_sync_show("join", &r);
	if (workdir && (r.status == STORE_OK || r.status == STORE_CONFLICT)) {
		printf(_("the team's descriptions are in %s\n"), esc_line(workdir));
		fflush(stdout);
	}
	flow_sync_result_done(&r);
	standard_free(&std);
	if (!rc && open && workdir && isatty(0) && isatty(1)) {
		cli_repo_dir = workdir;
		rc = cmd_edit(1, (char *[]){ (char *)"edit", NULL });
	}
	free(workdir);
	return rc;
}
