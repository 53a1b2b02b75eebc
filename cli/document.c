/* document: `algedit export --format markdown|html [SLUG|FILE.yaml...]`: a
 * readable document of descriptions for people who do not use algedit (a
 * council, an ethics committee), built by forms/document.c. Without names:
 * every description in the repository. Called from cmd_export. */
#include "config.h"
#include "cli/cli.h"
#include "forms/review.h"
#include "forms/document.h"
#include "forms/slug.h"
#include "store/store.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	cli_usage(f, "export");
	fprintf(f, "\n%s\n", _("With --format markdown or --format html: a readable document of the descriptions\n"
	                       "named (a slug in the repository, or a FILE.yaml), or of every description in the\n"
	                       "repository, by section with the form's labels, for people who do not use algedit."));
}

/* A path (with a folder or a .yaml name) is read as a file, as export reads
 * one for the API; anything else is a description in the repository. */
static bool is_file(const char *arg)
{
	return strchr(arg, '/') || str_ends(arg, ".yaml") || str_ends(arg, ".yml");
}

static void print_errors(const char *name, const findings *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].sev == SEV_ERROR)
			fprintf(stderr, "%s: %s: %s\n", esc_line(name), severity_label(fs->v[i].sev), esc_line(fs->v[i].msg));
}

int cli_export_document(int argc, char **argv)
{
	doc_format fmt = DOC_MARKDOWN;
	const char **args = xcalloc((size_t)argc + 1, sizeof *args);
	size_t nargs = 0;
	bool need_store = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc) {
			if (!doc_format_parse(argv[++i], &fmt) || fmt == DOC_TEXT) {
				cli_error("export", _("unknown format \"%s\"; use api, markdown or html"), argv[i]);
				free(args);
				return 2;
			}
		} else if (!strcmp(argv[i], "--force")) {
			/* as for the API body; a document is never refused */
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			free(args);
			return 0;
		} else if (argv[i][0] == '-') {
			cli_error("export", _("unknown option \"%s\""), argv[i]);
			usage(stderr);
			free(args);
			return 2;
		} else {
			args[nargs++] = argv[i];
			need_store |= !is_file(argv[i]);
		}
	}
	need_store |= nargs == 0;
	standard *std = NULL;
	store *s = NULL;
	char *err = NULL;
	int rc = 0;
	char **slugs = NULL;
	size_t nslugs = 0;
	if (need_store) {
		rc = cli_store_open("export", &std, &s);
		if (rc) {
			free(args);
			return rc;
		}
	} else if (!(std = standard_load_facts("1.0", &err))) {
		cli_error("export", _("the standard files are broken: %s"), err);
		free(err);
		free(args);
		return 2;
	}
	if (!nargs) {
		if (store_list(s, &slugs, &nslugs) != STORE_OK) {
			cli_error("export", "%s", store_error(s));
			rc = 2;
		} else if (!nslugs) {
			cli_error("export", "%s", _("there are no descriptions yet; algedit new NAME makes one"));
			rc = 1;
		}
		args = xrealloc(args, (nslugs + 1) * sizeof *args);
		for (size_t i = 0; i < nslugs; i++)
			args[nargs++] = slugs[i];
	}
	doc_entry *v = xcalloc(nargs + 1, sizeof *v);
	description **ds = xcalloc(nargs + 1, sizeof *ds);
	char **states = xcalloc(nargs + 1, sizeof *states);
	/* The review state of each description of the repository, as the list
	 * and review --list show it. */
	store_review_brief *briefs = NULL;
	size_t nbriefs = 0;
	if (s && !rc && store_review_briefs(s, &briefs, &nbriefs) != STORE_OK) {
		briefs = NULL;
		nbriefs = 0;
	}
	for (size_t i = 0; !rc && i < nargs; i++) {
		findings fs;
		findings_init(&fs);
		if (is_file(args[i])) {
			ds[i] = desc_read_file(std, args[i], DESC_YAML, &fs);
			if (!ds[i]) {
				print_errors(args[i], &fs);
				rc = 2;
			}
		} else {
			char *slug = slug_from_arg(args[i]);
			if (!slug) {
				cli_error("export", _("\"%s\" is not a description name (letters, digits and -)"), args[i]);
				rc = 2;
			} else if (store_load(s, slug, &ds[i], &fs) != STORE_OK) {
				cli_error("export", "%s", store_error(s));
				print_errors(args[i], &fs);
				rc = 2;
			}
			free(slug);
		}
		findings_done(&fs);
		v[i].d = ds[i];
		v[i].name = args[i];
		if (!is_file(args[i])) {
			char *slug = slug_from_arg(args[i]);
			for (size_t k = 0; slug && k < nbriefs; k++) {
				if (strcmp(briefs[k].slug, slug))
					continue;
				const char *note = review_note_name(briefs[k].note);
				states[i] = *note ? xasprintf("%s (%s)", review_state_name(briefs[k].state), note)
				                  : xstrdup(review_state_name(briefs[k].state));
				break;
			}
			free(slug);
		}
		v[i].review_state = states[i];
	}
	if (!rc) {
		char *text = doc_descriptions(std, v, nargs, fmt, i18n_lang());
		fputs(text, stdout);
		free(text);
		if (fflush(stdout) != 0) {
			cli_error("export", "%s", _("cannot write the document to standard output"));
			rc = 2;
		}
	}
	for (size_t i = 0; i < nargs; i++) {
		desc_free(&ds[i]);
		free(states[i]);
	}
	free(states);
	store_review_briefs_free(&briefs, nbriefs);
	free(ds);
	free(v);
	free(args);
	store_slugs_free(&slugs, nslugs);
	store_free(&s);
	standard_free(&std);
	return rc;
}
