/* set: `algedit set SLUG... KEY=VALUE...` changes fields of one or more
 * descriptions from the command line and saves them in one commit, for
 * scripts and bulk changes. The syntax of an assignment:
 *   KEY=VALUE     set a field (a list field becomes that one item)
 *   KEY=          remove the field
 *   KEY+=VALUE    add an item to a list: a choice (category+=Verkeer) or, for
 *                 the *_grouping fields, TITLE|LINK
 *   KEY-=VALUE    remove the items equal to VALUE (for *_grouping: the title,
 *                 the link, or TITLE|LINK)
 *   KEY=@FILE     the value is the content of FILE (@- : standard input)
 * (cli/assign.c, shared with new and resolve). A change is saved only when
 * the changed fields pass the standard's rules; otherwise nothing is saved. */
#include "config.h"
#include "cli/cli.h"
#include "store/store.h"
#include "forms/rules.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	cli_usage(f, "set");
	fprintf(f, "\n%s\n", _("Changes fields of one or more descriptions and saves them in one commit.\n"
	                       "SLUG is the file name under algoritmes/ without .yaml; --all means every one."));
	fprintf(f, "\n  %-17s %s\n", _("KEY=VALUE"), _("set a field (a list field becomes that one item)"));
	fprintf(f, "  %-17s %s\n", _("KEY="), _("remove the field"));
	fprintf(f, "  %-17s %s\n", _("KEY+=VALUE"), _("add an item: category+=Verkeer, lawful_basis_grouping+=\"Title|https://...\""));
	fprintf(f, "  %-17s %s\n", _("KEY-=VALUE"), _("remove an item (for links: by title, by link, or TITLE|LINK)"));
	fprintf(f, "  %-17s %s\n", _("KEY=@FILE"), _("take the value from FILE (@- : standard input)"));
	fprintf(f, "\n%s\n", _("Nothing is saved when a changed field breaks a rule of the standard.\n"
	                       "Exit status: 0 saved (or nothing changed), 1 refused, 2 usage error."));
}

int cmd_set(int argc, char **argv)
{
	bool all = false;
	char **slugs = NULL;
	size_t nslugs = 0;
	const char **assign = xcalloc((size_t)argc + 1, sizeof *assign);
	size_t nassign = 0;
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			free(assign);
			return 0;
		}
		if (!strcmp(argv[i], "--all"))
			all = true;
		else if (strchr(argv[i], '='))
			assign[nassign++] = argv[i];
		else {
			char *sl = slug_from_arg(argv[i]);
			if (!sl) {
				cli_error("set", _("\"%s\" is not a description name (letters, digits and -); algedit log lists them"), argv[i]);
				rc = 2;
				break;
			}
			slugs = xrealloc(slugs, (nslugs + 1) * sizeof *slugs);
			slugs[nslugs++] = sl;
		}
	}
	if (!rc && ((!nslugs && !all) || !nassign)) {
		cli_error("set", "%s", _("give one or more descriptions and at least one KEY=VALUE"));
		usage(stderr);
		rc = 2;
	}
	standard *std = NULL;
	store *s = NULL;
	description **ds = NULL;
	if (!rc)
		rc = cli_store_open("set", &std, &s);
	if (!rc && all) {
		char **more, **refused;
		size_t nmore, nrefused;
		if (store_list(s, &more, &nmore) != STORE_OK) {
			cli_error("set", "%s", store_error(s));
			rc = 1;
		}
		/* Symbolic links are never followed: said, and left alone. */
		store_list_refused(s, &refused, &nrefused);
		for (size_t i = 0; !rc && i < nrefused; i++)
			fprintf(stderr, _("algedit set: note: %s\n"), refused[i]);
		store_slugs_free(&refused, nrefused);
		slugs = xrealloc(slugs, (nslugs + nmore + 1) * sizeof *slugs);
		for (size_t i = 0; i < nmore; i++)
			slugs[nslugs++] = xstrdup(more[i]);
		store_slugs_free(&more, nmore);
		if (!rc && !nslugs) {
			cli_error("set", "%s", _("there are no descriptions yet; algedit new NAME makes one"));
			rc = 1;
		}
	}
	ds = xcalloc(nslugs + 1, sizeof *ds);
	for (size_t i = 0; !rc && i < nslugs; i++) {
		findings fs;
		findings_init(&fs);
		if (store_load(s, slugs[i], &ds[i], &fs) != STORE_OK) {
			cli_error("set", "%s", store_error(s));
			rc = 1;
		}
		findings_done(&fs);
		for (size_t k = 0; !rc && k < nassign; k++)
			rc = cli_assign("set", ds[i], assign[k]);
		if (!rc)
			rc = cli_validate("set", slugs[i], ds[i], assign, nassign) ? 1 : 0;
	}
	if (!rc) {
		if (nslugs > 1)
			fprintf(stderr, P_("algedit set: %zu description checked\n", "algedit set: %zu descriptions checked\n", nslugs), nslugs);
		rc = cli_store_save("set", s, (const char *const *)slugs, (const description *const *)ds, nslugs);
	} else if (rc == 1) {
		fprintf(stderr, "%s\n", _("nothing saved; correct the values and run the command again"));
	}
	for (size_t i = 0; i < nslugs; i++) {
		free(slugs[i]);
		if (ds)
			desc_free(&ds[i]);
	}
	free(ds);
	free(slugs);
	free(assign);
	store_free(&s);
	standard_free(&std);
	return rc;
}
