/* standard: `algedit standard` prints the fields of the standard in use, and
 * `algedit standard --from-register-config FILE` converts the register's own
 * field config into algedit's standard files. */
#include "config.h"
#include "cli/cli.h"
#include "standard/standard.h"
#include "standard/ytree.h"
#include "forms/document.h"
#include "forms/textbuf.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* s and blanks up to width columns: printf's %-34s counts bytes, so a
 * column after "één keuze" or "Publicatiecategorie ‘’" would shift. */
static void put_col(const char *s, int width)
{
	fputs(s, stdout);
	for (int w = tb_text_width(s, strlen(s)); w < width; w++)
		putchar(' ');
}

static void print_standard(const standard *s)
{
	int l = i18n_lang();
	printf(_("Publication standard %s of the Algorithm Register (%zu fields)\n"), esc_line(s->version), s->nfields);
	for (size_t i = 0; i < s->nsections; i++) {
		const std_section *sec = &s->sections[i];
		printf("\n%s\n", esc_line(sec->label[l]));
		for (size_t j = 0; j < sec->count; j++) {
			const std_field *f = &s->fields[sec->first + j];
			fputs("  ", stdout);
			put_col(esc_line(f->label[l]), 34);
			putchar(' ');
			put_col(doc_kind_label(f->kind), 22);
			char *lim = f->max_length ? xasprintf(_(" max %d"), f->max_length) : xstrdup("");
			put_col(lim, 9);
			free(lim);
			char *flags = xasprintf("%s%s%s%s", f->required ? " " : "", f->required ? _("[required]") : "",
			                        f->show_always ? " " : "", f->show_always ? _("[always shown]") : "");
			put_col(flags, 30);
			free(flags);
			printf("  (%s)\n", esc_line(f->key));
		}
	}
}

/* Guidance for the converted standard: ours for the fields we know, the
 * register's own help text for fields that are new to us. */
static char *guidance_yaml(const standard *base, const standard *conv, const char *config_json, size_t len,
                           int lang)
{
	ynode *cfg = NULL;
	yerror ye = { 0 };
	ytree_parse_json(config_json, len, &cfg, &ye);
	yerror_done(&ye);
	const ynode *props = ynode_get(cfg, "properties");
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "# Guidance (%s), converted by algedit standard --from-register-config.\nlanguage: %s\nfields:\n",
	          lang == LANG_NL ? "nl" : "en", lang == LANG_NL ? "nl" : "en");
	for (size_t i = 0; i < conv->nfields; i++) {
		const std_field *f = &conv->fields[i];
		const std_field *k = base ? standard_field(base, f->key) : NULL;
		sb_printf(&b, "  %s:\n    what: ", f->key);
		if (k) {
			const std_guidance *g = &k->guide[lang];
			yaml_emit_scalar(&b, g->what, strlen(g->what), 6, true);
			if (g->ntips) {
				sb_adds(&b, "\n    tips:");
				for (size_t t = 0; t < g->ntips; t++) {
					sb_adds(&b, "\n      - ");
					yaml_emit_scalar(&b, g->tips[t], strlen(g->tips[t]), 8, true);
				}
			}
			if (g->example) {
				sb_adds(&b, "\n    example: ");
				yaml_emit_scalar(&b, g->example, strlen(g->example), 6, true);
			}
		} else {
			const ynode *p = ynode_get(props, f->key);
			const char *help = ynode_str(ynode_get(p, "instructions"));
			if (!help)
				help = ynode_str(ynode_get(p, "help_text"));
			if (!help)
				help = f->label[LANG_NL];
			yaml_emit_scalar(&b, help, strlen(help), 6, true);
			const char *ex = ynode_str(ynode_get(p, "example"));
			if (ex && *ex) {
				sb_adds(&b, "\n    example: ");
				yaml_emit_scalar(&b, ex, strlen(ex), 6, true);
			}
		}
		sb_addc(&b, '\n');
	}
	ynode_free(&cfg);
	return sb_take(&b);
}

/* The keys and labels of the converted fields, read back from its text (the
 * full loader would stop at the guidance that does not exist yet). */
static standard *facts_of(const char *text)
{
	ynode *root = NULL;
	yerror ye = { 0 };
	ytree_parse_yaml(text, strlen(text), &root, &ye);
	yerror_done(&ye);
	const ynode *fl = ynode_get(root, "fields");
	standard *s = xcalloc(1, sizeof *s);
	s->fields = xcalloc(fl ? fl->n : 1, sizeof *s->fields);
	for (size_t i = 0; fl && i < fl->n; i++) {
		const ynode *lab = ynode_get(fl->kids[i], "label");
		const char *k = ynode_str(ynode_get(fl->kids[i], "key"));
		const char *nl = ynode_str(ynode_get(lab, "nl")), *en = ynode_str(ynode_get(lab, "en"));
		std_field *f = &s->fields[s->nfields++];
		f->key = xstrdup(k ? k : "?");
		f->label[LANG_NL] = xstrdup(nl ? nl : f->key);
		f->label[LANG_EN] = xstrdup(en ? en : f->key);
	}
	ynode_free(&root);
	return s;
}

static int write_out(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	int rc = write_file_atomic(p, text, strlen(text));
	if (rc < 0)
		cli_error("standard", _("cannot write %s: %s"), p, strerror(errno));
	free(p);
	return rc;
}

static int convert(const char *cfg_path, const char *layout_path, const char *outdir)
{
	char *cfg = NULL, *lay = NULL, *err = NULL, *text = NULL;
	size_t cl = 0, ll = 0;
	int rc = 2;
	standard *base = standard_load_version("1.0", &err);
	if (!base) {
		cli_error("standard", _("the shipped standard is broken: %s"), err);
		goto out;
	}
	if (read_file(cfg_path, 16 << 20, &cfg, &cl) < 0) {
		cli_error("standard", _("cannot read %s: %s"), cfg_path, strerror(errno));
		goto out;
	}
	if (layout_path && read_file(layout_path, 16 << 20, &lay, &ll) < 0) {
		cli_error("standard", _("cannot read %s: %s"), layout_path, strerror(errno));
		goto out;
	}
	text = standard_from_register_config(cfg, cl, cfg_path, lay, ll, base, &err);
	if (!text) {
		cli_error("standard", _("cannot convert the register's field config: %s"), err);
		goto out;
	}
	if (!outdir) {
		fputs(text, stdout);
		rc = 0;
		goto out;
	}
	if (mkdir(outdir, 0755) < 0 && errno != EEXIST) {
		cli_error("standard", _("cannot create the folder %s: %s"), outdir, strerror(errno));
		goto out;
	}
	if (write_out(outdir, "fields.yaml", text) < 0)
		goto out;
	standard *facts = facts_of(text);
	char *gnl = guidance_yaml(base, facts, cfg, cl, LANG_NL);
	char *gen = guidance_yaml(base, facts, cfg, cl, LANG_EN);
	standard_free(&facts);
	if (write_out(outdir, "guidance-nl.yaml", gnl) < 0 || write_out(outdir, "guidance-en.yaml", gen) < 0) {
		free(gnl);
		free(gen);
		goto out;
	}
	free(gnl);
	free(gen);
	standard *check = standard_load(outdir, &err);
	if (!check) {
		cli_error("standard", _("the converted standard does not load: %s"), err);
		goto out;
	}
	fprintf(stderr, _("Wrote standard %s with %zu fields to %s; use it with ALGEDIT_STANDARD_DIR=%s\n"),
	        esc_line(check->version), check->nfields, esc_line(outdir), esc_line(outdir));
	standard_free(&check);
	rc = 0;
out:
	free(cfg);
	free(lay);
	free(err);
	free(text);
	standard_free(&base);
	return rc;
}

static void usage(FILE *f)
{
	cli_usage(f, "standard");
	fprintf(f, "\n%s\n", _("Without options: lists the sections and fields of the standard in use."));
	fprintf(f, "  %-31s %s\n", _("--format text|markdown|html"),
	        _("the whole standard as a handout: every field with its rules, guidance and an example"));
	fprintf(f, "  %-31s %s\n", _("--from-register-config FILE"),
	        _("convert the register's field config (config-v1_0.json format)"));
	fprintf(f, "  %-31s %s\n", _("--layout FILE"), _("the register's layout file, for the sections"));
	fprintf(f, "  %-31s %s\n", _("-o DIR"),
	        _("write fields.yaml and guidance files to DIR (default: fields.yaml to standard output)"));
}

int cmd_standard(int argc, char **argv)
{
	const char *cfg = NULL, *layout = NULL, *outdir = NULL;
	bool handout = false;
	doc_format fmt = DOC_TEXT;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc) {
			if (!doc_format_parse(argv[++i], &fmt)) {
				cli_error("standard", _("unknown format \"%s\"; use text, markdown or html"), argv[i]);
				return 2;
			}
			handout = true;
		} else if (!strcmp(argv[i], "--from-register-config") && i + 1 < argc)
			cfg = argv[++i];
		else if (!strcmp(argv[i], "--layout") && i + 1 < argc)
			layout = argv[++i];
		else if (!strcmp(argv[i], "-o") && i + 1 < argc)
			outdir = argv[++i];
		else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else {
			cli_error("standard", _("unknown option \"%s\""), argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if ((layout || outdir) && !cfg) {
		cli_error("standard", "%s", _("--layout and -o go with --from-register-config FILE"));
		return 2;
	}
	if (cfg && handout) {
		cli_error("standard", "%s", _("--format and --from-register-config cannot be combined"));
		return 2;
	}
	if (cfg)
		return convert(cfg, layout, outdir);
	char *err = NULL;
	standard *s = standard_load_version("1.0", &err);
	if (!s) {
		cli_error("standard", _("the standard files are broken: %s"), err);
		free(err);
		return 2;
	}
	int rc = 0;
	if (handout) {
		char *text = doc_standard(s, fmt, i18n_lang());
		fputs(text, stdout);
		free(text);
		if (fflush(stdout) != 0) {
			cli_error("standard", "%s", _("cannot write the document to standard output"));
			rc = 2;
		}
	} else {
		print_standard(s);
	}
	standard_free(&s);
	return rc;
}
