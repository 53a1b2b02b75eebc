/* diff: `algedit diff [REV [REV]] SLUG`: what changed in a description, field
 * by field, labelled as in the form, with the changed words marked. No REV:
 * the last saved version against the file; one: that version against the
 * file; two: the first against the second. ~N is the version N back in the
 * description's own history (algedit log); --since-approval the version last
 * approved. */
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
	                       "second. REV is any git revision: a commit from algedit log, HEAD~2, a branch;\n"
	                       "~1, ~2: one or two versions of this description back."));
	fprintf(f, "\n  %-17s %s\n", "--since-approval", _("from the version last approved (algedit approve)"));
	fprintf(f, "\n  %-17s %s\n", _("--color=WHEN"), _("mark changes with colour: auto (on a terminal), always, never;\n"
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

/* ~N: the version N back in the description's history; the commit id in
 * *out (caller frees), or an exit code. */
static int relative(store *s, const char *slug, const char *arg, char **out)
{
	char *end;
	unsigned long k = strtoul(arg + 1, &end, 10);
	if (*end || end == arg + 1) {
		cli_error("diff", _("\"%s\" is not ~N (a number of versions back)"), arg);
		return 2;
	}
	store_version *v = NULL;
	size_t n = 0;
	if (store_log(s, NULL, slug, k + 1, i18n_lang(), &v, &n) != STORE_OK) {
		cli_error("diff", "%s", store_error(s));
		return 2;
	}
	if (n <= k) {
		cli_error("diff", P_("%s has only %zu version; ~%lu goes further back", "%s has only %zu versions; ~%lu goes further back", n),
		          slug, n, k);
		store_versions_free(&v, n);
		return 2;
	}
	*out = xstrdup(v[k].commit);
	store_versions_free(&v, n);
	return 0;
}

int cmd_diff(int argc, char **argv)
{
	int color = -1;
	bool since_approval = false;
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
		} else if (!strcmp(argv[i], "--since-approval")) {
			since_approval = true;
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
	if (color < 0) {
		const char *nc = getenv("NO_COLOR");
		color = isatty(1) && !(nc && *nc);
	}
	standard *std;
	store *s;
	int rc = cli_store_open("diff", &std, &s);
	if (rc)
		return rc;
	char *slug = cli_find_desc("diff", s, pos[npos - 1], true);
	if (!slug) {
		store_free(&s);
		standard_free(&std);
		return 2;
	}
	const char *ra = npos >= 2 ? pos[0] : "HEAD", *rb = npos == 3 ? pos[1] : NULL;
	char *rel_a = NULL, *rel_b = NULL;
	if (since_approval && npos > 2) {
		cli_error("diff", "%s", _("--since-approval takes the place of the first REV; give at most one more"));
		rc = 2;
	} else if (since_approval) {
		rb = npos == 2 ? pos[0] : NULL;
		store_review r;
		if (store_review_load(s, slug, i18n_lang(), &r) != STORE_OK) {
			cli_error("diff", "%s", store_error(s));
			rc = 2;
		} else if (!r.sum.approval) {
			cli_error("diff", _("%s has not been approved yet; algedit log %s lists its versions"), slug, slug);
			rc = 1;
		} else {
			ra = rel_a = xstrdup(r.sum.approval->version);
		}
		store_review_done(&r);
	}
	if (!rc && ra[0] == '~')
		rc = relative(s, slug, ra, &rel_a), ra = rel_a ? rel_a : ra;
	if (!rc && rb && rb[0] == '~')
		rc = relative(s, slug, rb, &rel_b), rb = rel_b ? rel_b : rb;
	description *a = NULL, *b = NULL;
	if (!rc)
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
		if (!dd->n && npos == 1 && !since_approval) {
			/* Silence would read as "something went wrong". */
			store_version *v = NULL;
			size_t nv = 0;
			if (store_log(s, NULL, slug, 1, i18n_lang(), &v, &nv) == STORE_OK && nv) {
				strbuf who = STRBUF_INIT;
				sb_adds(&who, "");
				cli_safe(&who, v[0].author, strlen(v[0].author));
				sb_printf(&out, _("The file is the same as the last saved version (%.7s, %s). To see what that version changed: algedit diff ~1 %s\n"),
				          v[0].commit, who.s, slug);
				sb_done(&who);
			}
			store_versions_free(&v, nv);
		} else if (!dd->n) {
			sb_printf(&out, "%s\n", _("No field changed between these versions."));
		}
		fputs(out.s, stdout);
		sb_done(&out);
		desc_diff_free(&dd);
	}
	desc_free(&a);
	desc_free(&b);
	free(rel_a);
	free(rel_b);
	store_free(&s);
	standard_free(&std);
	free(slug);
	return rc;
}
