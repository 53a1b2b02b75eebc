/* restore: `algedit restore SLUG` brings back a deleted description: its
 * last saved version becomes a new commit, so the deletion stays in the
 * history and the restore can itself be undone. */
#include "config.h"
#include "cli/cli.h"
#include "store/store.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	cli_usage(f, "restore");
	fprintf(f, "\n%s\n", _("Brings back a deleted description: its last saved version is saved again\n"
	                       "as a new version. algedit log SLUG shows the deletion."));
}

int cmd_restore(int argc, char **argv)
{
	const char *arg = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (argv[i][0] == '-') {
			cli_error("restore", _("unknown option \"%s\""), argv[i]);
			usage(stderr);
			return 2;
		} else if (!arg) {
			arg = argv[i];
		} else {
			cli_error("restore", "%s", _("give one description"));
			return 2;
		}
	}
	if (!arg) {
		cli_error("restore", "%s", _("give the description, e.g. algedit restore parkeerhandhaving"));
		usage(stderr);
		return 2;
	}
	standard *std;
	store *s;
	int rc = cli_store_open("restore", &std, &s);
	if (rc)
		return rc;
	char *slug = cli_find_desc("restore", s, arg, true);
	if (!slug) {
		store_free(&s);
		standard_free(&std);
		return 2;
	}
	store_saved info;
	store_status st = cli_ask_author("restore", s, stderr) ? store_restore(s, slug, &info) : STORE_NO_AUTHOR;
	if (st == STORE_OK && info.message) {
		info.message[strcspn(info.message, "\n")] = '\0'; /* the subject line */
		printf("[%.7s] %s\n", info.commit, esc_line(info.message));
		store_saved_done(&info);
	} else if (st == STORE_OK) {
		/* Only the file was missing; history already had it. */
		printf(_("%s is back in %s\n"), slug, esc_line(store_workdir(s)));
	} else {
		if (st != STORE_NO_AUTHOR)
			cli_error("restore", "%s", store_error(s));
		rc = 1;
	}
	store_free(&s);
	standard_free(&std);
	free(slug);
	return rc;
}
