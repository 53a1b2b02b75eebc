/* templates: `algedit templates [FILTER]` lists the register's supplier
 * templates by supplier and name, with the id that `algedit new --template`
 * and the editor's Ctrl-T take. The register's submission API offers no
 * templates (its template routes belong to its own web editor), so the list
 * is the copy that comes with algedit, and it says where that copy is from
 * and how old it is. */
#include "config.h"
#include "cli/cli.h"
#include "forms/catalog.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	cli_usage(f, "templates");
	fprintf(f, "\n%s\n", _("Lists the Algorithm Register's supplier templates by supplier and name, with\n"
	                       "the id to start a description from one: algedit new --template ID NAME, or\n"
	                       "Ctrl-T in the editor. FILTER keeps those whose supplier, name or id has it.\n"
	                       "The list is the copy of the register's templates that comes with algedit; it\n"
	                       "says where it is from and of which date."));
}

int cmd_templates(int argc, char **argv)
{
	const char *filter = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		}
		if (argv[i][0] == '-' || filter) {
			cli_error("templates", _("unknown option \"%s\""), argv[i]);
			usage(stderr);
			return 2;
		}
		filter = argv[i];
	}
	tpl_catalog c;
	char *err = NULL;
	if (tpl_catalog_load(NULL, &c, &err) < 0) {
		cli_error("templates", "%s", err);
		free(err);
		return 2;
	}
	printf(_("The register's supplier templates: %zu, from %zu suppliers.\n"
	         "The copy that comes with algedit: %s of %s\n"
	         "(commit %.7s, licence %s); the register's API offers no templates.\n"),
	       c.n, c.nsuppliers, esc_line(c.source), esc_line(c.date), esc_line(c.commit), esc_line(c.licence));
	size_t w = 0, shown = 0;
	for (size_t i = 0; i < c.n; i++)
		if (tpl_item_matches(&c.v[i], filter) && strlen(c.v[i].id) > w)
			w = strlen(c.v[i].id);
	const char *last = NULL;
	for (size_t i = 0; i < c.n; i++) {
		const tpl_item *t = &c.v[i];
		if (!tpl_item_matches(t, filter))
			continue;
		if (!last || strcmp(last, t->supplier) != 0)
			printf("\n%s\n", esc_line(t->supplier));
		last = t->supplier;
		printf("  %-*s  %s\n", (int)w, esc_line(t->id), esc_line(t->name));
		shown++;
	}
	int rc = 0;
	if (!shown) {
		cli_error("templates", _("no template has \"%s\" in its supplier, name or id; try fewer letters, or leave it out"),
		          filter);
		rc = 1;
	} else {
		const tpl_item *ex = NULL;
		for (size_t i = 0; i < c.n && !ex; i++)
			if (tpl_item_matches(&c.v[i], filter))
				ex = &c.v[i];
		if (ex)
			printf("\n%s algedit new --template %s \"%s\"\n", _("Start a description from one, for example:"),
			       esc_line(ex->id), esc_line(*ex->name ? ex->name : ex->id));
	}
	tpl_catalog_done(&c);
	return rc;
}
