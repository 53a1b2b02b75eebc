/* new: `algedit new NAME [KEY=VALUE...]` makes a description from a name and
 * saves it as the first version. */
#include "config.h"
#include "cli/cli.h"
#include "store/store.h"
#include "forms/rules.h"
#include "forms/exchange.h"
#include "forms/catalog.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *f)
{
	cli_usage(f, "new");
	fprintf(f, "\n%s\n", _("Makes a new description called NAME in the drafts repository and saves it as\n"
	                       "its first version. Its file name (the slug, printed) comes from the name.\n"
	                       "Further fields can be given as with algedit set."));
	fprintf(f, "\n  %s  %s\n", _("--template FILE[#ID]"),
	        _("start from a register template (a supplier's JSON file; #ID picks one of several); NAME is then optional"));
}

/* Prints s with control characters as '?': ids and names come from the file. */
static void put_safe(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			fputc('?', f);
			p++;
		} else {
			fputc(*p < 0x20 || *p == 0x7F ? '?' : *p, f);
		}
	}
}

/* True, after listing them with an example, when the file holds more than
 * one template and none was named. */
static bool several_templates(const char *path, const char *data, size_t len)
{
	template_entry *v = NULL;
	findings fs;
	findings_init(&fs);
	size_t n = template_list(data, len, &v, &fs);
	findings_done(&fs);
	if (n > 1) {
		cli_error("new", _("%s holds %zu templates; say which one with FILE#ID:"), path, n);
		const char *example = NULL;
		size_t w = 0;
		for (size_t i = 0; i < n; i++)
			if (strlen(v[i].id ? v[i].id : _("(no id)")) > w)
				w = strlen(v[i].id ? v[i].id : _("(no id)"));
		for (size_t i = 0; i < n; i++) {
			const char *tid = v[i].id ? v[i].id : _("(no id)");
			fputs("  ", stderr);
			put_safe(stderr, tid);
			fprintf(stderr, "%*s", (int)(w - strlen(tid) + 2), "");
			put_safe(stderr, v[i].name ? v[i].name : "");
			fputc('\n', stderr);
			if (!example && v[i].id)
				example = v[i].id;
		}
		if (example) {
			fprintf(stderr, "%s algedit new --template \"", _("for example:"));
			put_safe(stderr, path);
			fputc('#', stderr);
			put_safe(stderr, example);
			fputs("\"\n", stderr);
		}
	}
	template_entries_free(&v, n);
	return n > 1;
}

/* Reads --template FILE[#ID] into a description; NULL after a message. */
static description *from_template(const standard *std, const char *arg)
{
	/* The id of a template that comes with algedit (algedit templates lists them). */
	char *shipped = tpl_catalog_resolve(arg);
	char *path = xstrdup(shipped ? shipped : arg), *id = strrchr(path, '#'), *data = NULL;
	free(shipped);
	size_t len;
	description *d = NULL;
	if (id)
		*id++ = '\0';
	if (read_file(path, DESC_MAX_FILE * 16, &data, &len) < 0) {
		if (errno == ENOENT && !strchr(arg, '/') && !strchr(arg, '#'))
			cli_error("new", _("no template file and no template id \"%s\"; algedit templates lists the ids of the "
			                   "register's templates"), arg);
		else
			cli_error("new", _("cannot read %s: %s"), path, strerror(errno));
	} else if (!id && several_templates(path, data, len)) {
		/* Never the first one silently: the person says which. */
	} else {
		findings fs;
		findings_init(&fs);
		d = template_import(std, data, len, id, &fs);
		if (d) /* made into a description: tidied as a person would */
			template_tidy(d, &fs);
		for (size_t i = 0; i < fs.n; i++)
			fprintf(stderr, "%s: %s: %s\n", esc_line(path), severity_label(fs.v[i].sev), esc_line(fs.v[i].msg));
		findings_done(&fs);
	}
	free(data);
	free(path);
	return d;
}

int cmd_new(int argc, char **argv)
{
	const char *template = NULL;
	if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		usage(stdout);
		return 0;
	}
	if (argc > 2 && !strcmp(argv[1], "--template")) {
		template = argv[2];
		argc -= 2;
		argv += 2;
	}
	bool named = argc >= 2 && *argv[1] && !strchr(argv[1], '=');
	if (!named && !template) {
		cli_error("new", "%s", _("give the name of the new description, e.g. algedit new \"Parkeerhandhaving\""));
		usage(stderr);
		return 2;
	}
	standard *std;
	store *s;
	int rc = cli_store_open("new", &std, &s);
	if (rc)
		return rc;
	description *d = template ? from_template(std, template) : desc_new(std);
	if (!d) {
		store_free(&s);
		standard_free(&std);
		return 2;
	}
	desc_fill_defaults(d);
	if (named)
		desc_set_text(d, standard_field(std, "name"), argv[1]);
	const char *name = desc_text(d, standard_field(std, "name"));
	if (!name || !*name) {
		cli_error("new", "%s", _("the template has no name; give one: algedit new --template FILE NAME"));
		desc_free(&d);
		store_free(&s);
		standard_free(&std);
		return 2;
	}
	if (named && utf8_invalid_offset(name, strlen(name)) >= 0) {
		cli_error("new", _("the name is not valid UTF-8 text (byte %ld); give it as UTF-8"),
		          utf8_invalid_offset(name, strlen(name)));
		desc_free(&d);
		store_free(&s);
		standard_free(&std);
		return 2;
	}
	char *slug = store_new_slug(s, name);
	/* Every assignment is checked, however many there are. */
	const char **changed = xcalloc((size_t)argc + 1, sizeof *changed);
	changed[0] = "name=";
	size_t nchanged = 1;
	for (int i = named ? 2 : 1; i < argc && !rc; i++) {
		rc = cli_assign("new", d, argv[i]);
		if (!rc)
			changed[nchanged++] = argv[i];
	}
	/* A template's own gaps (organisation, contact) are for the editor to
	 * fill; only what was given here must be right. */
	if (!rc)
		rc = cli_validate("new", slug, d, changed, nchanged);
	if (!rc) {
		const char *sl = slug;
		const description *dd = d;
		rc = cli_store_save("new", s, &sl, &dd, 1);
		if (!rc)
			printf("%s\n", slug);
	}
	free(changed);
	free(slug);
	desc_free(&d);
	store_free(&s);
	standard_free(&std);
	return rc;
}
