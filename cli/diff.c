/* diff: `algedit diff [REV [REV]] SLUG`: what changed in a description, field
 * by field, labelled as in the form, with the changed words marked. No REV:
 * the last saved version against the file; one: that version against the
 * file; two: the first against the second. */
#include "config.h"
#include "cli/cli.h"
#include "store/store.h"
#include "forms/diff.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *f)
{
	cli_usage(f, "diff");
	fprintf(f, "\n%s\n", _("Shows the fields that changed. Without REV: the last saved version against the\n"
	                       "file; with one: that version against the file; with two: the first against the\n"
	                       "second. REV is any git revision: a commit from algedit log, HEAD~2, a branch."));
	fprintf(f, "\n  %-13s %s\n", _("--color=WHEN"), _("mark changes with colour: auto (on a terminal), always, never;\n"
	                                       "                without colour: [-removed-] and {+added+}"));
}

/* A revision's version; absent there counts as empty (all added/removed). */
static int load(store *s, const char *rev, const char *slug, description **d)
{
	store_status st = rev ? store_load_rev(s, rev, slug, d) : store_load(s, slug, d, NULL);
	if (st == STORE_OK)
		return 0;
	if (st == STORE_NOT_FOUND) {
		*d = NULL;
		return 0;
	}
	cli_error("diff", "%s", store_error(s));
	return 2;
}

int cmd_diff(int argc, char **argv)
{
	int color = -1;
	const char *pos[3];
	int npos = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--color") || !strcmp(argv[i], "--color=always")) {
			color = 1;
		} else if (!strcmp(argv[i], "--color=never") || !strcmp(argv[i], "--no-color")) {
			color = 0;
		} else if (!strcmp(argv[i], "--color=auto")) {
			color = -1;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cli_error("diff", _("unknown option \"%s\""), argv[i]);
			usage(stderr);
			return 2;
		} else if (npos < 3) {
			pos[npos++] = argv[i];
		} else {
			cli_error("diff", "%s", _("give at most two versions and one description"));
			return 2;
		}
	}
	if (!npos) {
		cli_error("diff", "%s", _("give the description, e.g. algedit diff parkeerhandhaving"));
		usage(stderr);
		return 2;
	}
	char *slug = slug_from_arg(pos[npos - 1]);
	if (!slug) {
		cli_error("diff", _("\"%s\" is not a description name (letters, digits and -)"), pos[npos - 1]);
		return 2;
	}
	if (color < 0) {
		const char *nc = getenv("NO_COLOR");
		color = isatty(1) && !(nc && *nc);
	}
	standard *std;
	store *s;
	int rc = cli_store_open("diff", &std, &s);
	if (rc) {
		free(slug);
		return rc;
	}
	const char *ra = npos >= 2 ? pos[0] : "HEAD", *rb = npos == 3 ? pos[1] : NULL;
	description *a = NULL, *b = NULL;
	rc = load(s, ra, slug, &a);
	if (!rc)
		rc = load(s, rb, slug, &b);
	if (!rc && !a && !b) {
		cli_error("diff", _("there is no description %s; algedit new NAME makes one"), slug);
		rc = 2;
	}
	if (!rc) {
		desc_diff *dd = desc_diff_new(a, b);
		strbuf out = STRBUF_INIT;
		desc_diff_render(&out, dd, i18n_lang(), color);
		fputs(out.s, stdout);
		sb_done(&out);
		desc_diff_free(&dd);
	}
	desc_free(&a);
	desc_free(&b);
	store_free(&s);
	standard_free(&std);
	free(slug);
	return rc;
}
