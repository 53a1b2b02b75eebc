/* export and import: `algedit export FILE.yaml` prints the exact JSON body the
 * register's submission API takes; `algedit import TEMPLATE.json[#ID]` turns a
 * supplier template (or an API body) into an algedit description file. */
#include "config.h"
#include "cli/cli.h"
#include "forms/exchange.h"
#include "forms/rules.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static standard *load_std(const char *cmd)
{
	char *err = NULL;
	standard *s = standard_load_facts("1.0", &err);
	if (!s) {
		cli_error(cmd, _("the standard files are broken: %s"), err);
		free(err);
	}
	return s;
}

static void print_findings(const char *path, const findings *fs, severity worst)
{
	for (size_t i = 0; i < fs->n; i++) {
		const finding *x = &fs->v[i];
		if (x->sev > worst)
			continue;
		if (x->line)
			fprintf(stderr, "%s:%d:%d: %s: %s\n", esc_line(path), x->line, x->col, severity_label(x->sev), esc_line(x->msg));
		else
			fprintf(stderr, "%s: %s: %s\n", esc_line(path), severity_label(x->sev), esc_line(x->msg));
	}
}

int cmd_export(int argc, char **argv)
{
	const char *path = NULL;
	bool force = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--force"))
			force = true;
		else if (!strcmp(argv[i], "--format") && i + 1 < argc && strcmp(argv[i + 1], "api"))
			return cli_export_document(argc, argv); /* cli/document.c */
		else if (!strcmp(argv[i], "--format") && i + 1 < argc && !strcmp(argv[i + 1], "api"))
			i++;
		else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			cli_usage(stdout, "export");
			printf("\n%s\n", _("Prints the JSON body for the register's submission API. Refuses when the\n"
			                   "register would reject it (the errors are listed), unless --force is given."));
			printf("%s\n", _("With --format markdown|html [SLUG|FILE.yaml...]: a readable document instead."));
			return 0;
		} else if (argv[i][0] == '-' || path) {
			cli_error("export", _("unknown option \"%s\""), argv[i]);
			cli_usage(stderr, "export");
			return 2;
		} else
			path = argv[i];
	}
	if (!path) {
		cli_error("export", "%s", _("name the description file to export"));
		cli_usage(stderr, "export");
		return 2;
	}
	standard *std = load_std("export");
	if (!std)
		return 2;
	findings fs;
	findings_init(&fs);
	int rc = 0;
	description *d = desc_read_file(std, path, DESC_YAML, &fs);
	if (!d) {
		print_findings(path, &fs, SEV_ERROR);
		rc = 2;
		goto out;
	}
	rules_check(d, &fs);
	size_t blocking = 0;
	for (size_t i = 0; i < fs.n; i++)
		blocking += fs.v[i].sev == SEV_ERROR && fs.v[i].org == ORIGIN_REGISTER;
	if (blocking && !force) {
		findings reg;
		findings_init(&reg);
		for (size_t i = 0; i < fs.n; i++)
			if (fs.v[i].sev == SEV_ERROR && fs.v[i].org == ORIGIN_REGISTER)
				findings_add(&reg, SEV_ERROR, ORIGIN_REGISTER, fs.v[i].rule, fs.v[i].field, fs.v[i].key,
				             fs.v[i].line, fs.v[i].col, "%s", fs.v[i].msg);
		print_findings(path, &reg, SEV_ERROR);
		findings_done(&reg);
		cli_error("export", "%s", _("the register would reject this description; fix the errors above "
		                            "(or use --force to export anyway)"));
		rc = 1;
		goto out;
	}
	char *json = desc_export_api_json(d);
	fputs(json, stdout);
	free(json);
out:
	desc_free(&d);
	findings_done(&fs);
	standard_free(&std);
	return rc;
}

int cmd_import(int argc, char **argv)
{
	const char *src = NULL, *out = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			cli_usage(stdout, "import");
			printf("\n%s\n", _("Turns a register template file (FILE.json, or FILE.json#ID for one template\n"
			                   "of several) or an API body into a description file, written to standard\n"
			                   "output or to the file given with -o (never over an existing file)."));
			return 0;
		} else if (argv[i][0] == '-' || src) {
			cli_error("import", _("unknown option \"%s\""), argv[i]);
			cli_usage(stderr, "import");
			return 2;
		} else
			src = argv[i];
	}
	if (!src) {
		cli_error("import", "%s", _("name the template file to import"));
		cli_usage(stderr, "import");
		return 2;
	}
	char *path = xstrdup(src), *id = strrchr(path, '#');
	if (id)
		*id++ = '\0';
	standard *std = load_std("import");
	if (!std) {
		free(path);
		return 2;
	}
	int rc = 2;
	char *data = NULL, *yaml = NULL;
	size_t len, ylen;
	findings fs;
	findings_init(&fs);
	description *d = NULL;
	if (read_file(path, DESC_MAX_FILE * 16, &data, &len) < 0) {
		cli_error("import", _("cannot read %s: %s"), path, strerror(errno));
		goto done;
	}
	d = template_import(std, data, len, id, &fs);
	print_findings(path, &fs, SEV_NOTE);
	if (!d)
		goto done;
	yaml = desc_write_yaml(d, &ylen);
	if (!out) {
		fwrite(yaml, 1, ylen, stdout);
		rc = 0;
	} else {
		FILE *f = fopen(out, "wx");
		if (!f || fwrite(yaml, 1, ylen, f) != ylen || fclose(f) != 0) {
			cli_error("import", _("cannot write %s: %s"), out, strerror(errno));
			if (f)
				remove(out);
		} else {
			rc = 0;
		}
	}
done:
	free(yaml);
	free(data);
	free(path);
	desc_free(&d);
	findings_done(&fs);
	standard_free(&std);
	return rc;
}
