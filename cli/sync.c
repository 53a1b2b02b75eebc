/* sync: `algedit sync [URL|REMOTE]`: connects to the team server when given
 * its address, then fetches, merges field by field and pushes (flows/team.c).
 * A user name and password (https) are asked on the terminal and never
 * stored. */
#include "config.h"
#include "cli/cli.h"
#include "store/store.h"
#include "flows/flows.h"
#include "tui/tui.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *f)
{
	cli_usage(f, "sync");
	fprintf(f, "\n%s\n", _("Sends your new versions to the team server and takes theirs. The first time,\n"
	                       "give the address of the team's repository (from IT): algedit sync URL connects\n"
	                       "this repository to it and remembers it; after that algedit sync is enough.\n"
	                       "Different fields changed on both sides merge by themselves; the same field\n"
	                       "changed on both sides is a conflict: algedit resolve shows both texts and\n"
	                       "settles it, after which you sync again.\n"
	                       "Exit status: 0 synced, 1 conflict or refused, 2 usage error."));
}

int cmd_sync(int argc, char **argv)
{
	const char *where = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (argv[i][0] == '-' || where) {
			cli_error("sync", _("unknown argument \"%s\""), argv[i]);
			usage(stderr);
			return 2;
		} else {
			where = argv[i];
		}
	}
	standard *std;
	store *s;
	int rc = cli_store_open("sync", &std, &s);
	if (rc)
		return rc;
	flow_sync_result r;
	flow_sync(s, where, isatty(0) ? tui_ask_cred : NULL, NULL, &r);
	rc = cli_sync_show("sync", &r);
	flow_sync_result_done(&r);
	store_free(&s);
	standard_free(&std);
	return rc;
}
