/* templates: `algedit templates [FILTER]` lists the register's supplier
 * templates by supplier and name, with the id that `algedit new --template`
 * and the editor's Ctrl-T take. The register's submission API offers no
 * templates (its template routes belong to its own web editor), so the list
 * is the copy that comes with algedit, and it says where that copy is from
 * and how old it is. */
#include "config.h"
#include "cli/cli.h"
#include "forms/catalog.h"
#include "forms/exchange.h"
#include "forms/slug.h"
#include "standard/ytree.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <time.h>

static void usage(FILE *f)
{
	cli_usage(f, "templates");
	fprintf(f, "\n%s\n", _("Lists the Algorithm Register's supplier templates by supplier and name, with\n"
	                       "the id to start a description from one: algedit new --template ID NAME, or\n"
	                       "Ctrl-T in the editor. FILTER keeps those whose supplier, name or id has it.\n"
	                       "The list is the copy of the register's templates that comes with algedit; it\n"
	                       "says where it is from and of which date."));
	fprintf(f, "\n  %-16s %s\n", _("--update DIR"),
	        _("take the template files of a newer release of the register (its folder backend/app/data/templates/1.0) as your own copy"));
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* mkdir -p for the user's own folders. */
static int make_dirs(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *q = p + 1; *q && !rc; q++)
		if (*q == '/') {
			*q = '\0';
			rc = mkdir(p, 0755) < 0 && errno != EEXIST ? -1 : 0;
			*q = '/';
		}
	if (!rc && mkdir(p, 0755) < 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/* --update DIR: the register's template files of a newer release (its
 * backend/app/data/templates/1.0 folder, one file per supplier named after
 * it) become the user's own copy, which algedit uses from then on. Every
 * file is read as templates first; one that is not leaves everything as it
 * was. */
static int update_from(const char *dir)
{
	DIR *dh = opendir(dir);
	if (!dh) {
		cli_error("templates", _("cannot read %s: %s"), dir, strerror(errno));
		return 2;
	}
	char **files = NULL;
	size_t nf = 0;
	struct dirent *e;
	while ((e = readdir(dh)))
		if (str_ends(e->d_name, ".json") && e->d_name[0] != '.') {
			files = xrealloc(files, (nf + 1) * sizeof *files);
			files[nf++] = xstrdup(e->d_name);
		}
	closedir(dh);
	qsort(files, nf, sizeof *files, by_name);
	char **data = xcalloc(nf + 1, sizeof *data);
	size_t *len = xcalloc(nf + 1, sizeof *len), ntpl = 0;
	int rc = 0;
	if (!nf) {
		cli_error("templates", _("%s holds no template files (*.json); name the register's folder of templates "
		                         "(backend/app/data/templates/1.0 in its source)"), dir);
		rc = 2;
	}
	for (size_t i = 0; i < nf && !rc; i++) {
		char *path = xasprintf("%s/%s", dir, files[i]);
		findings fs;
		findings_init(&fs);
		template_entry *te = NULL;
		size_t n = 0;
		if (read_file(path, 16 << 20, &data[i], &len[i]) < 0) {
			cli_error("templates", _("cannot read %s: %s"), path, strerror(errno));
			rc = 2;
		} else {
			n = template_list(data[i], len[i], &te, &fs);
			size_t with_id = 0;
			for (size_t k = 0; k < n; k++)
				with_id += te[k].id != NULL;
			if (!with_id) {
				cli_error("templates", _("%s is not a file of templates (%s); nothing was changed"), path,
				          fs.n ? fs.v[0].msg : _("no template with an id"));
				rc = 2;
			}
			ntpl += with_id;
		}
		template_entries_free(&te, n);
		findings_done(&fs);
		free(path);
	}
	char *user = tpl_catalog_user_dir();
	if (!rc && make_dirs(user) < 0) {
		cli_error("templates", _("cannot make %s: %s"), user, strerror(errno));
		rc = 2;
	}
	if (!rc) {
		/* The old copy goes first, so no supplier of it stays behind. */
		DIR *old = opendir(user);
		while (old && (e = readdir(old)))
			if (str_ends(e->d_name, ".json")) {
				char *p = xasprintf("%s/%s", user, e->d_name);
				remove(p);
				free(p);
			}
		if (old)
			closedir(old);
		char today[16];
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(today, sizeof today, "%Y-%m-%d", &tm);
		strbuf y = STRBUF_INIT;
		sb_adds(&y, "# The register's supplier templates, updated with algedit templates --update.\nsource: ");
		char *abs = realpath(dir, NULL);
		yaml_emit_quoted(&y, abs ? abs : dir, strlen(abs ? abs : dir));
		free(abs);
		sb_printf(&y, "\ndate: \"%s\"\nupdated: \"%s\"\ncommit: \"\"\nlicence: \"EUPL-1.2\"\nsuppliers:\n", today, today);
		for (size_t i = 0; i < nf && !rc; i++) {
			/* The register names each file after its supplier. */
			char *supplier = xstrndup(files[i], strlen(files[i]) - 5), *base = slug_from_name(supplier);
			char *name = xasprintf("%s.json", base), *p = xasprintf("%s/%s", user, name);
			if (write_file_atomic(p, data[i], len[i]) < 0) {
				cli_error("templates", _("cannot write %s: %s"), p, strerror(errno));
				rc = 2;
			}
			sb_adds(&y, "  - {file: ");
			yaml_emit_quoted(&y, name, strlen(name));
			sb_adds(&y, ", name: ");
			yaml_emit_quoted(&y, supplier, strlen(supplier));
			sb_adds(&y, "}\n");
			free(p);
			free(name);
			free(base);
			free(supplier);
		}
		char *list = xasprintf("%s/templates.yaml", user);
		if (!rc && write_file_atomic(list, y.s, y.len) < 0) {
			cli_error("templates", _("cannot write %s: %s"), list, strerror(errno));
			rc = 2;
		}
		if (!rc)
			printf(_("Your copy of the register's templates is updated from %s: %zu templates from %zu suppliers, in %s.\n"),
			       esc_line(dir), ntpl, nf, esc_line(user));
		free(list);
		sb_done(&y);
	}
	free(user);
	for (size_t i = 0; i < nf; i++) {
		free(files[i]);
		free(data[i]);
	}
	free(files);
	free(data);
	free(len);
	return rc;
}

int cmd_templates(int argc, char **argv)
{
	const char *filter = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(argv[i], "--update") && i + 1 < argc && !filter && argc == 3)
			return update_from(argv[i + 1]);
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
	if (c.user)
		printf(_("The register's supplier templates: %zu, from %zu suppliers.\n"
		         "Your own copy, updated on %s from %s\n"
		         "(algedit templates --update); the register's API offers no templates.\n"),
		       c.n, c.nsuppliers, esc_line(c.date), esc_line(c.source));
	else
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
