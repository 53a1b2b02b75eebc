/* sync: `algedit sync [REMOTE]`: fetch, merge field by field, push. A user
 * name and password (https) are asked on the terminal and never stored. */
#include "config.h"
#include "cli/cli.h"
#include "store/store.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static char *tty_line(FILE *tty, const char *prompt, bool hide)
{
	struct termios old, raw;
	int fd = fileno(tty);
	fprintf(tty, "%s", prompt);
	fflush(tty);
	bool restore = hide && tcgetattr(fd, &old) == 0;
	if (restore) {
		raw = old;
		raw.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fd, TCSAFLUSH, &raw);
	}
	char buf[512];
	char *r = fgets(buf, sizeof buf, tty);
	if (restore) {
		tcsetattr(fd, TCSAFLUSH, &old);
		fputc('\n', tty);
	}
	if (!r)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	char *out = xstrdup(buf);
	memset(buf, 0, sizeof buf);
	return out;
}

static int ask(void *ctx, const char *url, const char *user_from_url, char **user, char **password)
{
	FILE *tty = fopen("/dev/tty", "r+");
	if (!tty)
		return -1;
	char *shown = url_redact(url);
	fprintf(tty, _("Sign in to %s\n"), esc_line(shown));
	free(shown);
	*user = user_from_url ? xstrdup(user_from_url) : tty_line(tty, _("User name: "), false);
	*password = *user ? tty_line(tty, _("Password: "), true) : NULL;
	fclose(tty);
	return *user && *password ? 0 : -1;
}

static void usage(FILE *f)
{
	cli_usage(f, "sync");
	fprintf(f, "\n%s\n", _("Fetches from REMOTE (default: origin, or the only remote), merges field by\n"
	                       "field, and sends the result. Different fields changed on both sides merge by\n"
	                       "themselves; the same field changed on both sides is a conflict that you settle\n"
	                       "with algedit resolve, after which you run algedit sync again.\n"
	                       "Exit status: 0 synced, 1 conflict or refused, 2 usage error."));
}

int cmd_sync(int argc, char **argv)
{
	const char *remote = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (argv[i][0] == '-' || remote) {
			cli_error("sync", _("unknown argument \"%s\""), argv[i]);
			usage(stderr);
			return 2;
		} else {
			remote = argv[i];
		}
	}
	standard *std;
	store *s;
	int rc = cli_store_open("sync", &std, &s);
	if (rc)
		return rc;
	store_sync_opts o = { .remote = remote, .ask = isatty(0) ? ask : NULL };
	store_sync_report rep;
	store_status st = store_sync(s, &o, &rep);
	if (st != STORE_OK) {
		cli_error("sync", "%s", store_error(s));
		rc = 1;
	} else {
		if (rep.merged_files)
			printf(P_("%zu description merged field by field\n", "%zu descriptions merged field by field\n", rep.merged_files), rep.merged_files);
		if (rep.retries_used)
			printf(P_("the remote moved while syncing; merged again %d time\n", "the remote moved while syncing; merged again %d times\n", rep.retries_used), rep.retries_used);
		if (rep.pushed)
			printf("%s\n", _("synced: your versions are sent"));
		else if (rep.fast_forward)
			printf("%s\n", _("synced: the new versions from the remote are here"));
		else
			printf("%s\n", _("synced: already up to date"));
	}
	/* What came in as a symbolic link stays unopened: said after every sync. */
	char **refused;
	size_t nrefused;
	store_list_refused(s, &refused, &nrefused);
	for (size_t i = 0; i < nrefused; i++)
		fprintf(stderr, _("algedit sync: note: %s\n"), refused[i]);
	store_slugs_free(&refused, nrefused);
	store_free(&s);
	standard_free(&std);
	return rc;
}
