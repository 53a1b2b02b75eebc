/* export and import: `algedit export FILE.yaml` prints the exact JSON body the
 * register's submission API takes; `algedit import TEMPLATE.json[#ID]` turns a
 * supplier template (or an API body) into an algedit description file. */
#include "config.h"
#include "cli/cli.h"
#include "flows/flows.h"
#include "forms/exchange.h"
#include "forms/jsonsplit.h"
#include "forms/diff.h"
#include "forms/rules.h"
#include "forms/slug.h"
#include "store/store.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* A description file, or one in the drafts repository (-C DIR, or the
 * default one) named as the list shows it (flows/find.c) when no such file
 * exists. */
static description *read_file_or_slug(const standard *std, const char *arg, findings *fs)
{
	struct stat st;
	if (stat(arg, &st) == 0)
		return desc_read_file(std, arg, DESC_YAML, fs);
	store *s = NULL;
	char *err = NULL, *slug = NULL;
	description *d = NULL;
	if (store_open(std, cli_repo_dir, &s, &err) != STORE_OK) {
		findings_add(fs, SEV_ERROR, ORIGIN_INPUT, "repository", NULL, NULL, 0, 0, "%s", err);
		free(err);
	} else if (!(slug = flow_find_desc(s, arg, false, &err))) {
		findings_add(fs, SEV_ERROR, ORIGIN_INPUT, "no-description", NULL, NULL, 0, 0,
		             _("there is no file %s and no description %s in the drafts repository"), arg, arg);
		free(err);
	} else if (store_load(s, slug, &d, fs) != STORE_OK && !fs->n) {
		findings_add(fs, SEV_ERROR, ORIGIN_INPUT, "repository", NULL, NULL, 0, 0, "%s", store_error(s));
	}
	store_free(&s);
	free(slug);
	return d;
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
	description *d = read_file_or_slug(std, path, &fs);
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

/* The description's file: canonical YAML, then what a migration kept aside
 * as a comment block. Read back, so that saving writes exactly these bytes. */
static description *with_aside(const standard *std, const imported *it, char **text, size_t *len)
{
	size_t ylen;
	char *yaml = desc_format_yaml(it->d, &ylen), *aside = migrate_aside_comment(&it->rep);
	*text = xasprintf("%s%s", yaml, aside);
	*len = strlen(*text);
	free(yaml);
	free(aside);
	findings fs;
	findings_init(&fs);
	description *d = desc_read(std, *text, *len, DESC_YAML, &fs);
	findings_done(&fs);
	return d;
}

static void print_report(FILE *o, const char *file, const imported *it, size_t n)
{
	const char *name = desc_text(it->d, standard_field(it->d->std, "name"));
	bool hash = n > 1 && it->where[0] && it->where[0] != '#';
	fprintf(o, "%s%s%s: %s (%s)\n", esc_line(file), hash ? "#" : "", n > 1 ? esc_line(it->where) : "", esc_line(name ? name : "-"),
	        import_kind_label(it->rep.kind));
	if (it->rep.lines.len) {
		fprintf(o, "%s\n", it->rep.kind == KIND_OLD ? _("  migrated to standard 1.0:") : _("  renamed to the register's API names:"));
		fputs(esc_text(it->rep.lines.s), o);
	}
}

/* What import did, counted for the closing line. */
typedef struct import_tally {
	size_t added, updated, unchanged, skipped;
} import_tally;

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

/* Saves one imported description in the repository and says what it did:
 * added (as a new file; a name another organisation's description already
 * has gets a file name that says whose it is), updated with --update (the
 * field changes shown), unchanged, or skipped and why. Never replaces a
 * description of another organisation or with another lars code. 0 saved or
 * unchanged, 1 skipped or failed. */
static int import_save(FILE *o, store *s, ident_index *known, const imported *it, bool update, import_tally *t)
{
	const standard *std = store_standard(s);
	const char *name = desc_text(it->d, standard_field(std, "name"));
	const char *org = desc_text(it->d, standard_field(std, "organization"));
	const char *lars = ynode_str(desc_value(it->d, "lars"));
	const ident_entry *e = NULL;
	ident_how how = ident_find(known, it->d, &e);
	char *slug = NULL;
	int rc = 0;
	char *text = NULL;
	size_t len;
	description *d = with_aside(std, it, &text, &len), *old = NULL;
	if (!d) {
		cli_error("import", "%s", _("the imported description cannot be written as a file; nothing saved"));
		t->skipped++;
		rc = 1;
		goto out;
	}
	if (how != IDENT_NEW) {
		slug = xstrdup(e->slug);
		if (!ident_same(e->org, org ? org : "")) {
			/* the same lars code, yet another organisation: not ours to replace */
			fprintf(o, _("  skipped: %s in the repository has this lars code (%s) but belongs to %s, not to %s; "
			             "it is left as it is\n"),
			        esc_line(slug), esc_line(or_dash(lars)), esc_line(or_dash(e->org)), esc_line(or_dash(org)));
			t->skipped++;
			rc = 1;
			goto out;
		}
		if (!update) {
			fprintf(o, _("  skipped: %s is already in the repository (%s); it is left as it is "
			             "(--update replaces it, showing the changes first)\n"),
			        esc_line(slug), ident_how_label(how));
			t->skipped++;
			rc = 1;
			goto out;
		}
		findings fs;
		findings_init(&fs);
		store_status st = store_load(s, slug, &old, &fs);
		findings_done(&fs);
		if (st != STORE_OK) {
			cli_error("import", "%s", store_error(s));
			t->skipped++;
			rc = 1;
			goto out;
		}
		desc_diff *dd = desc_diff_new(old, d);
		if (!dd->n) {
			fprintf(o, _("  unchanged: %s\n"), esc_line(slug));
			desc_diff_free(&dd);
			t->unchanged++;
			goto out;
		}
		strbuf b = STRBUF_INIT;
		const char *nc = getenv("NO_COLOR");
		desc_diff_render(&b, dd, i18n_lang(), o == stdout && isatty(1) && !(nc && *nc));
		fprintf(o, _("  updated %s (%s); the changes:\n"), esc_line(slug), ident_how_label(how));
		fputs(b.s, o);
		sb_done(&b);
		desc_diff_free(&dd);
	} else {
		/* whose it is: the organisation's, or for a template the supplier's */
		const char *prov = desc_text(it->d, standard_field(std, "provider"));
		slug = cli_import_slug(s, name, org && *org ? org : prov);
	}
	const char *slugs[1] = { slug };
	const description *ds[1] = { d };
	rc = cli_store_save("import", s, slugs, ds, 1);
	if (!rc) {
		ident_put(known, slug, d);
		if (how == IDENT_NEW) {
			fprintf(o, _("  added as %s\n"), esc_line(slug));
			t->added++;
		} else {
			t->updated++;
		}
	} else {
		t->skipped++;
	}
out:
	desc_free(&d);
	desc_free(&old);
	free(text);
	free(slug);
	return rc;
}

/* An import file larger than a description file may be (16 MiB), read piece
 * by piece: a JSON list of records is imported one record at a time, with
 * memory for one (each record at most 16 MiB, like a whole file otherwise). */
#define IMPORT_MAX_FILE (DESC_MAX_FILE * 16)

typedef struct stream_ctx {
	const char *path;
	const standard *std;
	store *s;
	ident_index *known;
	bool update;
	int *author;
	FILE *rep;
	int rc;
	import_tally *tally;
} stream_ctx;

static int stream_one(void *ctx, const char *elem, size_t len, size_t line)
{
	stream_ctx *c = ctx;
	findings fs;
	findings_init(&fs);
	import_result r = { 0 };
	if (import_file(c->std, elem, len, NULL, &r, &fs) < 0) {
		/* The finding's line is in the record; the record's is in the file. */
		char *where = xasprintf(_("%s, the record that begins on line %zu"), c->path, line);
		print_findings(where, &fs, SEV_NOTE);
		free(where);
		c->rc = 2;
	}
	for (size_t i = 0; i < r.n; i++) {
		imported *it = &r.v[i];
		print_findings(c->path, &it->fs, SEV_NOTE);
		if (!it->d) {
			c->rc = 2;
			continue;
		}
		print_report(c->rep, c->path, it, 1);
		if (*c->author < 0)
			*c->author = cli_ask_author("import", c->s, stderr);
		if (!*c->author) {
			c->tally->skipped++;
			c->rc = c->rc ? c->rc : 1;
		} else if (import_save(c->rep, c->s, c->known, it, c->update, c->tally))
			c->rc = c->rc ? c->rc : 1;
	}
	import_result_done(&r);
	findings_done(&fs);
	return 0;
}

/* 0 done (c->rc says how it went), -1 not a list: the caller refuses the
 * file as too large. */
static int import_stream(FILE *f, stream_ctx *c)
{
	json_split j;
	json_split_init(&j, IMPORT_MAX_FILE);
	char *buf = xmalloc(1 << 16);
	size_t n;
	int r = 0;
	fprintf(c->rep, _("%s: a large list, imported record by record\n"), esc_line(c->path));
	while (!r && (n = fread(buf, 1, 1 << 16, f)) > 0)
		r = json_split_feed(&j, buf, n, stream_one, c);
	if (!r && ferror(f)) {
		cli_error("import", _("cannot read %s: %s"), c->path, strerror(errno));
		c->rc = 2;
	} else if (r || json_split_end(&j) < 0) {
		if (j.err_kind == JSPLIT_ERR_NOT_ARRAY && j.count == 0) {
			free(buf);
			json_split_done(&j);
			return -1;
		}
		cli_error("import", j.err_kind == JSPLIT_ERR_TOO_LARGE
		                        ? _("%s: the record that begins on line %zu is larger than 16 MiB; nothing after it was imported")
		                        : _("%s: the list is damaged near line %zu; the records before it were imported, nothing after"),
		          c->path, j.err_kind == JSPLIT_ERR_TOO_LARGE ? j.elem_line : j.line);
		c->rc = 2;
	}
	fprintf(c->rep, P_("%s: %zu record\n", "%s: %zu records\n", j.count), esc_line(c->path), j.count);
	free(buf);
	json_split_done(&j);
	return 0;
}

static void import_usage(FILE *f)
{
	cli_usage(f, "import");
	fprintf(f, "\n%s\n", _("Imports descriptions from the register's JSON files: an API body, a list of them,\n"
	                       "a supplier template file, the register's site-data export (the Dutch versions),\n"
	                       "the standard's JSON Schema naming, and the older standards 0.1 to 0.4, which are\n"
	                       "migrated to 1.0 with a report of what changed and what you must still fill in.\n"
	                       "Each description becomes a version in the drafts repository (-C DIR, or the\n"
	                       "default one). FILE#ID picks one by its id, lars code or number."));
	fprintf(f, "\n%s\n", _("The register's listing (algoritmes: name, organisation, goal, ...) is read too.\n"
	                       "A description is the one already there with the same lars code, else the same\n"
	                       "organisation and name, else the same organisation and source ID; never by its\n"
	                       "name alone. Another organisation's description with the same name gets a file\n"
	                       "of its own that says whose it is. Each record says what was done with it."));
	fprintf(f, "\n  %-16s %s\n", "--update", _("replace a description that is already there (its changes are shown first)"));
	fprintf(f, "  %-16s %s\n", _("-o FILE.yaml"), _("write one description to a file instead (never over an existing file; - is standard output)"));
}

int cmd_import(int argc, char **argv)
{
	const char *out = NULL;
	bool update = false;
	const char **srcs = xmalloc((size_t)argc * sizeof *srcs);
	size_t nsrc = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else if (!strcmp(argv[i], "--update"))
			update = true;
		else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			import_usage(stdout);
			free(srcs);
			return 0;
		} else if (argv[i][0] == '-') {
			cli_error("import", _("unknown option \"%s\""), argv[i]);
			cli_usage(stderr, "import");
			free(srcs);
			return 2;
		} else
			srcs[nsrc++] = argv[i];
	}
	if (!nsrc) {
		cli_error("import", "%s", _("name the file to import"));
		cli_usage(stderr, "import");
		free(srcs);
		return 2;
	}
	if (out && nsrc > 1) {
		cli_error("import", "%s", _("-o writes one description: give one file"));
		free(srcs);
		return 2;
	}
	standard *std = NULL;
	store *s = NULL;
	int rc = 0;
	/* What was found and the migration reports; on standard error when the
	 * description itself goes to standard output. */
	FILE *rep = out && !strcmp(out, "-") ? stderr : stdout;
	if (out) {
		std = load_std("import");
		if (!std) {
			free(srcs);
			return 2;
		}
	} else if ((rc = cli_store_open("import", &std, &s)) != 0) {
		free(srcs);
		return rc;
	}
	int author = -1; /* asked once, before the first save, not once per description */
	ident_index known = { 0 };
	import_tally tally = { 0 };
	if (s)
		cli_ident_read(&known, s);
	/* One pass: the saves are written as one batch (store_batch_begin). */
	if (s && store_batch_begin(s) != STORE_OK) {
		cli_error("import", "%s", store_error(s));
		rc = 1;
	}
	for (size_t k = 0; k < nsrc; k++) {
		char *path = xstrdup(srcs[k]), *id = strrchr(path, '#'), *data = NULL;
		if (id)
			*id++ = '\0';
		size_t len;
		findings fs;
		findings_init(&fs);
		import_result r = { 0 };
		/* A list over 16 MiB: record by record (a list is what big files
		 * are); anything else that large is refused as before. */
		struct stat st;
		FILE *big = NULL;
		bool streamed = false;
		if (!out && !id && s && stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > IMPORT_MAX_FILE &&
		    (big = fopen(path, "rb"))) {
			if (author < 0)
				author = cli_ask_author("import", s, stderr);
			stream_ctx c = { path, std, s, &known, update, &author, rep, 0, &tally };
			streamed = import_stream(big, &c) == 0;
			fclose(big);
			if (streamed && c.rc)
				rc = rc == 2 ? 2 : c.rc;
		}
		if (streamed) {
			/* done above */
		} else if (read_file(path, IMPORT_MAX_FILE, &data, &len) < 0) {
			cli_error("import", _("cannot read %s: %s"), path, strerror(errno));
			rc = 2;
		} else if (import_file(std, data, len, id, &r, &fs) < 0) {
			print_findings(path, &fs, SEV_NOTE);
			rc = 2;
		} else {
			if (r.kind == IMPORT_BODY)
				fprintf(rep, "%s: %s", esc_line(path), import_file_kind_label(r.kind));
			else
				fprintf(rep, _("%s: %s, %zu description(s)"), esc_line(path), import_file_kind_label(r.kind), r.n);
			if (r.skipped_lang)
				fprintf(rep, _("; %zu version(s) in another language left out"), r.skipped_lang);
			if (r.skipped_rows)
				fprintf(rep, _("; %zu row(s) of labels or help texts left out"), r.skipped_rows);
			fprintf(rep, "\n");
			if (out && r.n > 1) {
				cli_error("import", _("%s holds %zu descriptions and -o writes one; pick one with %s#N, or import "
				                      "them into the repository (leave out -o)"), path, r.n, path);
				rc = 2;
			}
			for (size_t i = 0; !(out && r.n > 1) && i < r.n; i++) {
				imported *it = &r.v[i];
				print_findings(path, &it->fs, SEV_NOTE);
				if (!it->d) { /* unreadable: the findings say where */
					rc = 2;
					continue;
				}
				print_report(rep, path, it, r.n);
				if (!out) {
					if (author < 0)
						author = cli_ask_author("import", s, stderr);
					if (!author) {
						tally.skipped++;
						rc = rc ? rc : 1;
					} else if (import_save(rep, s, &known, it, update, &tally))
						rc = rc ? rc : 1;
					continue;
				}
				char *text = NULL;
				size_t tlen;
				description *d = with_aside(std, it, &text, &tlen);
				desc_free(&d);
				FILE *f = !strcmp(out, "-") ? stdout : fopen(out, "wx");
				if (!f || fwrite(text, 1, tlen, f) != tlen || (f != stdout && fclose(f) != 0)) {
					cli_error("import", _("cannot write %s: %s"), out, strerror(errno));
					if (f && f != stdout)
						remove(out);
					rc = 2;
				}
				free(text);
			}
		}
		import_result_done(&r);
		findings_done(&fs);
		free(data);
		free(path);
	}
	if (s && store_batch_end(s) != STORE_OK) {
		cli_error("import", "%s", store_error(s));
		rc = rc ? rc : 1;
	}
	if (s && tally.added + tally.updated + tally.unchanged + tally.skipped > 1)
		fprintf(rep, _("%zu added, %zu updated, %zu unchanged, %zu skipped\n"), tally.added, tally.updated,
		        tally.unchanged, tally.skipped);
	ident_done(&known);
	store_free(&s);
	standard_free(&std);
	free(srcs);
	return rc;
}
