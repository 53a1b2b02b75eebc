/* log: `algedit log [-n N] SLUG`: the versions of one description, newest
 * first: commit, date, author and the fields each version changed, with the
 * review events (requests, comments, approvals, ...) between them. */
#include "config.h"
#include "cli/cli.h"
#include "store/store.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void usage(FILE *f)
{
	cli_usage(f, "log");
	fprintf(f, "\n%s\n", _("Lists the versions of a description, newest first: commit, date and time\n"
	                       "(the author's), author, and the fields that version changed."));
	fprintf(f, "%s\n", _("Review events (requests, comments, suggestions, approvals) are listed between\n"
	                     "the versions, indented, as [kind ID]."));
	fprintf(f, "\n  -n N   %s\n", _("show at most N versions"));
}

/* Names and summaries come from commits anyone could have made: no raw
 * control characters reach the terminal. */
static void put_safe(const char *s)
{
	fputs(esc_line(s), stdout);
}

int cmd_log(int argc, char **argv)
{
	size_t max = 0;
	const char *arg = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "-n") && i + 1 < argc) {
			max = (size_t)strtoul(argv[++i], NULL, 10);
		} else if (argv[i][0] == '-') {
			cli_error("log", _("unknown option \"%s\""), argv[i]);
			usage(stderr);
			return 2;
		} else if (!arg) {
			arg = argv[i];
		} else {
			cli_error("log", "%s", _("give one description"));
			return 2;
		}
	}
	if (!arg) {
		cli_error("log", "%s", _("give the description, e.g. algedit log parkeerhandhaving"));
		usage(stderr);
		return 2;
	}
	standard *std;
	store *s;
	int rc = cli_store_open("log", &std, &s);
	if (rc)
		return rc;
	char *slug = cli_find_desc("log", s, arg, true);
	if (!slug) {
		store_free(&s);
		standard_free(&std);
		return 2;
	}
	store_version *v = NULL;
	size_t n = 0;
	if (store_log(s, NULL, slug, max, i18n_lang(), &v, &n) != STORE_OK) {
		cli_error("log", "%s", store_error(s));
		rc = 1;
	}
	/* Review events, newest first, above the version they are about; those
	 * about no version listed here come first. */
	store_review rv;
	bool have_rv = rc == 0 && store_review_load(s, slug, i18n_lang(), &rv) == STORE_OK;
	size_t *at = xcalloc((have_rv ? rv.n : 0) + 1, sizeof *at); /* version index; n: none listed */
	for (size_t k = 0; have_rv && k < rv.n; k++) {
		const review_rec *r = &rv.recs[k];
		at[k] = n;
		for (size_t j = 0; r->version && strlen(r->version) >= 7 && j < n; j++)
			if (!strncmp(v[j].commit, r->version, strlen(r->version))) {
				at[k] = j;
				break;
			}
	}
	for (size_t i = 0; i <= n; i++) {
		for (size_t k = have_rv ? rv.n : 0; k-- > 0;) {
			const review_rec *r = &rv.recs[k];
			if (!(at[k] == i || (i == 0 && at[k] == n && !max)))
				continue;
			strbuf b = STRBUF_INIT;
			cli_review_event(&b, r, std);
			fputs(b.s, stdout);
			sb_done(&b);
		}
		if (i == n)
			break;
		/* A commit's time is whatever its maker wrote: one that is no
		 * date of years 1..9999 is shown as such, never as garbage. */
		int64_t secs = v[i].time, off = (int64_t)v[i].tz_minutes * 60;
		struct tm tm;
		char date[64];
		time_t t = (time_t)(secs + off);
		if (secs > -62135596800LL && secs < 253402300799LL && off > -86400 * 2 && off < 86400 * 2 &&
		    gmtime_r(&t, &tm) && tm.tm_year >= 1 - 1900 && tm.tm_year <= 9999 - 1900)
			strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm);
		else
			snprintf(date, sizeof date, "%-16s", _("unknown date"));
		printf("%.7s  %s  ", v[i].commit, date);
		put_safe(v[i].author);
		printf("  ");
		if (v[i].removed)
			printf("%s", _("(removed)"));
		else if (*v[i].fields)
			put_safe(v[i].fields);
		else
			put_safe(v[i].summary);
		putchar('\n');
	}
	free(at);
	if (have_rv)
		store_review_done(&rv);
	store_versions_free(&v, n);
	store_free(&s);
	standard_free(&std);
	free(slug);
	return rc;
}
