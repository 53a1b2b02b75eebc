/* check: `algedit check [--format text|json] [--spell] PATH...`. Validates
 * description files (YAML) and register API payloads (JSON) against the
 * standard and prints findings like a compiler does, or as JSON for CI. */
#include "config.h"
#include "cli/cli.h"
#include "forms/desc.h"
#include "forms/rules.h"
#include "forms/quality.h"
#include "register/links.h"
#include "spell/spell.h"
#include "standard/standard.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct check_opts {
	bool json;
	bool spell;
	speller *sp;          /* with --spell; one per language in use */
	char *sp_team;        /* the team dictionary it was made with */
	bool links;           /* --links: the web addresses too (network) */
	plain_words pw;       /* the shipped list and the team's */
	char *pw_team;        /* the .algedit folder it was read with */
	bool pw_loaded;
	size_t files, errors, warnings, unreadable;
	strbuf out;        /* JSON output accumulates here */
} check_opts;

/* A JSON string that is always valid UTF-8 and safe to show: control
 * characters (C0, DEL, C1) and the bidi and line-separator controls as \u
 * escapes, each byte that is not UTF-8 as U+FFFD. Returns false when such a
 * byte was replaced. */
static bool json_str(strbuf *b, const char *s)
{
	bool exact = true;
	size_t n = strlen(s);
	sb_addc(b, '"');
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			sb_adds(b, "\\ufffd");
			exact = false;
			i++;
			continue;
		}
		if (cp == '"' || cp == '\\')
			sb_printf(b, "\\%c", (char)cp);
		else if (cp == '\n')
			sb_adds(b, "\\n");
		else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
		         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
			sb_printf(b, "\\u%04x", (unsigned)cp);
		else
			sb_add(b, s + i, (size_t)k);
		i += (size_t)k;
	}
	sb_addc(b, '"');
	return exact;
}

/* Control characters from a file never reach the terminal raw. */
static void print_safe(FILE *f, const char *s)
{
	fputs(esc_line(s), f);
}

static const char *completeness_line(int score);

/* completeness: the register's score, -1 when the file could not be read. */
static void report(check_opts *o, const char *path, findings *fs, int score)
{
	findings_sort(fs);
	o->errors += findings_count(fs, SEV_ERROR);
	o->warnings += findings_count(fs, SEV_WARNING);
	if (o->json) {
		strbuf *b = &o->out;
		sb_adds(b, o->files > 1 ? ",\n    {\"path\": " : "\n    {\"path\": ");
		if (!json_str(b, path)) {
			/* The name as bytes too, so a script can still find the file. */
			sb_adds(b, ", \"path_note\": ");
			json_str(b, _("the file name is not valid UTF-8; each byte that is not is shown as U+FFFD, path_bytes has them all in hexadecimal"));
			sb_adds(b, ", \"path_bytes\": \"");
			for (const unsigned char *p = (const unsigned char *)path; *p; p++)
				sb_printf(b, "%02x", *p);
			sb_addc(b, '"');
		}
		if (score >= 0)
			sb_printf(b, ", \"completeness\": %d", score);
		sb_adds(b, ", \"findings\": [");
		for (size_t i = 0; i < fs->n; i++) {
			const finding *x = &fs->v[i];
			sb_printf(b, "%s\n      {\"line\": %d, \"column\": %d, \"severity\": \"%s\", \"origin\": \"%s\", \"rule\": ",
			          i ? "," : "", x->line, x->col, severity_name(x->sev), origin_name(x->org));
			json_str(b, x->rule);
			sb_adds(b, ", \"key\": ");
			if (x->key)
				json_str(b, x->key);
			else
				sb_adds(b, "null");
			sb_adds(b, ", \"label\": ");
			if (x->field)
				json_str(b, x->field->label[i18n_lang()]);
			else
				sb_adds(b, "null");
			if (x->byte >= 0)
				sb_printf(b, ", \"byte\": %ld", x->byte);
			sb_adds(b, ", \"message\": ");
			json_str(b, x->msg);
			sb_addc(b, '}');
		}
		sb_adds(b, fs->n ? "\n    ]}" : "]}");
		return;
	}
	for (size_t i = 0; i < fs->n; i++) {
		const finding *x = &fs->v[i];
		print_safe(stdout, path);
		if (x->line)
			printf(":%d:%d", x->line, x->col);
		printf(": %s: ", severity_label(x->sev));
		print_safe(stdout, x->msg);
		printf(" [%s]\n", x->rule);
	}
	if (score >= 0) {
		print_safe(stdout, path);
		printf(": %s\n", completeness_line(score));
	}
}

/* The drafts repository's team dictionary: .algedit/dictionary.txt in the
 * file's folder or the nearest folder above it that has .algedit/. */
static char *find_team_dictionary(const char *path)
{
	char *dir = xstrdup(path);
	for (;;) {
		char *slash = strrchr(dir, '/');
		if (!slash) {
			free(dir);
			dir = xstrdup(".");
		} else {
			*slash = '\0';
		}
		char *cand = xasprintf("%s/.algedit", *dir ? dir : "/");
		struct stat st;
		bool found = stat(cand, &st) == 0 && S_ISDIR(st.st_mode);
		free(cand);
		if (found) {
			char *p = xasprintf("%s/.algedit/dictionary.txt", *dir ? dir : "");
			free(dir);
			return p;
		}
		if (!slash || !*dir || !strcmp(dir, ".")) {
			free(dir);
			return NULL;
		}
	}
}

/* The column where the text of a value starts, and where its later lines
 * start: a block scalar's content begins on the next line at its indentation. */
static void text_origin(const description *d, const ynode *n, int *line0, int *col0, int *cont)
{
	*line0 = n->line;
	*col0 = n->col;
	*cont = 1;
	if (!d->source)
		return;
	const char *p = d->source, *end = d->source + d->source_len;
	for (int l = 1; l < n->line && p < end; p++)
		if (*p == '\n')
			l++;
	const char *at = p;
	for (int c = 1; c < n->col && at < end && *at != '\n'; at++)
		c++;
	if (at < end && (*at == '|' || *at == '>')) {
		const char *q = memchr(at, '\n', (size_t)(end - at));
		while (q && q + 1 < end && q[1] == '\n')
			q++, (*line0)++;
		int ind = 0;
		for (const char *r = q ? q + 1 : end; r < end && *r == ' '; r++)
			ind++;
		*line0 += 1;
		*col0 = *cont = ind + 1;
	} else if (at < end && (*at == '"' || *at == '\'')) {
		*col0 += 1;
	}
}

static void spell_value(check_opts *o, const description *d, const std_field *f, const ynode *n,
                        findings *fs)
{
	spell_finding *sf = NULL;
	size_t k = 0;
	int line0, col0, cont;
	text_origin(d, n, &line0, &col0, &cont);
	if (speller_findings(o->sp, n->str, n->len, line0, col0, cont, &sf, &k) != SPELL_OK)
		return;
	for (size_t i = 0; i < k; i++)
		findings_add(fs, SEV_WARNING, ORIGIN_SPELL, "spelling", f, NULL, sf[i].line, sf[i].col,
		             _("%s: \"%s\" is not in the dictionary; check the spelling"),
		             f->label[i18n_lang()], sf[i].word);
	spell_findings_free(&sf, k);
}

static void spell_check(check_opts *o, const char *path, const description *d, findings *fs)
{
	char *team = find_team_dictionary(path);
	if (!o->sp || (team && (!o->sp_team || strcmp(team, o->sp_team))) || (!team && o->sp_team)) {
		speller_free(&o->sp);
		free(o->sp_team);
		speller_opts so = { 0 };
		so.team_path = team;
		o->sp = speller_new(&so);
		o->sp_team = team ? xstrdup(team) : NULL;
		if (speller_wait(o->sp) != SPELL_OK) {
			fprintf(stderr, "algedit check: %s\n", esc_line(speller_notice(o->sp)));
			o->spell = false;
		}
	}
	free(team);
	if (!o->spell)
		return;
	for (size_t i = 0; i < d->std->nfields; i++) {
		const std_field *f = &d->std->fields[i];
		const ynode *n = d->vals[i];
		if (!n)
			continue;
		if ((f->kind == FK_TEXT || f->kind == FK_RICH) && n->type == Y_STR)
			spell_value(o, d, f, n, fs);
		if (f->kind == FK_ITEMS && n->type == Y_SEQ)
			for (size_t j = 0; j < n->n; j++) {
				const ynode *t = ynode_get(n->kids[j], "title");
				if (t && t->type == Y_STR)
					spell_value(o, d, f, t, fs);
			}
	}
}

/* "Completeness 72% (as the register counts it)", translated. */
static const char *completeness_line(int score)
{
	static char buf[200];
	snprintf(buf, sizeof buf, _("Completeness %d%% (the register's score)"), score);
	return buf;
}

/* The plain-word list: ours, and the team's beside its dictionary. Read
 * again only when the file lies in another repository. */
static void load_plain_words(check_opts *o, const char *path)
{
	char *dict = find_team_dictionary(path);
	char *team = NULL;
	if (dict) {
		char *slash = strrchr(dict, '/');
		team = xstrndup(dict, (size_t)(slash - dict));
		free(dict);
	}
	if (o->pw_loaded && ((!team && !o->pw_team) || (team && o->pw_team && !strcmp(team, o->pw_team)))) {
		free(team);
		return;
	}
	plain_words_done(&o->pw);
	plain_words_init(&o->pw);
	char *err = NULL;
	if (!plain_words_load_all(&o->pw, team, &err)) {
		fprintf(stderr, "algedit check: %s\n", esc_line(err));
		free(err);
	}
	free(o->pw_team);
	o->pw_team = team;
	o->pw_loaded = true;
}

/* --links: every web address of d, over the network. */
static void check_links(const description *d, findings *fs)
{
	desc_link *l = NULL;
	size_t n = desc_links(d, &l);
	if (!n)
		return;
	link_result *r = xcalloc(n, sizeof *r);
	char *err = NULL;
	if (links_check(l, n, r, &err) < 0) {
		fprintf(stderr, "algedit check: %s\n", esc_line(err));
		free(err);
	}
	link_findings(l, r, n, fs);
	for (size_t i = 0; i < n; i++)
		link_result_done(&r[i]);
	free(r);
	desc_links_free(&l, n);
}

static bool is_json_path(const char *path)
{
	return str_ends(path, ".json") || str_ends(path, ".JSON");
}

/* A JSON file that holds a list (or a single value) instead of one object is
 * valid JSON that the register answers with 422: say so as the register does. */
static bool register_refuses_shape(findings *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		finding *x = &fs->v[i];
		if (strcmp(x->rule, "not-a-description"))
			continue;
		free(x->msg);
		x->msg = xstrdup(_("the register refuses this file: a submission is one description, a JSON object "
		                   "({...}), and this file holds a list or a single value; send each description on its own (the register answers "
		                   "\"Input should be a valid dictionary or object to extract fields from\")"));
		x->org = ORIGIN_REGISTER;
		x->rule = "not-an-object";
		return true;
	}
	return false;
}

/* ncomp: the last components of path that must not be symbolic links (0
 * for a file named on the command line: the user's own choice). */
static void check_file(check_opts *o, const standard *std, const char *path, int ncomp)
{
	findings fs;
	findings_init(&fs);
	o->files++;
	desc_format fmt = is_json_path(path) ? DESC_API : DESC_YAML;
	description *d = ncomp ? desc_read_file_at(std, path, ncomp, fmt, &fs) : desc_read_file(std, path, fmt, &fs);
	if (!d && fmt == DESC_API && register_refuses_shape(&fs))
		; /* read well, refused by the register: an error, not unreadable */
	else if (!d)
		o->unreadable++;
	else
		rules_check(d, &fs);
	if (d && o->spell && d->format == DESC_YAML)
		spell_check(o, path, d, &fs);
	int score = -1;
	if (d) {
		completeness c;
		completeness_compute(d, &c);
		completeness_findings(d, &c, &fs);
		score = c.score;
		load_plain_words(o, path);
		language_check(d, &o->pw, &fs);
		if (o->links)
			check_links(d, &fs);
	}
	report(o, path, &fs, score);
	findings_done(&fs);
	desc_free(&d);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Recurses into a folder for *.yaml files, in a stable (sorted) order; hidden
 * folders such as .git are skipped. Symbolic links are not followed (a.yaml
 * -> ~/.kube/config, or a -> . looping for ever): a linked *.yaml file is an
 * error finding, a linked folder a note. Returns how many descriptions it
 * found. */
static size_t check_dir(check_opts *o, const standard *std, const char *dir, int depth)
{
	DIR *dh = opendir(dir);
	if (!dh) {
		cli_error("check", _("cannot open the folder %s: %s"), dir, strerror(errno));
		o->unreadable++;
		return 0;
	}
	char **names = NULL;
	size_t n = 0, found = 0;
	struct dirent *e;
	while ((e = readdir(dh))) {
		if (e->d_name[0] == '.')
			continue;
		names = xrealloc(names, (n + 1) * sizeof *names);
		names[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(dh);
	qsort(names, n, sizeof *names, name_cmp);
	for (size_t i = 0; i < n; i++) {
		struct stat st, target;
		bool yaml = str_ends(names[i], ".yaml") || str_ends(names[i], ".yml");
		bool there = lstat(names[i], &st) == 0;
		if (there && S_ISLNK(st.st_mode) && stat(names[i], &target) == 0 && S_ISDIR(target.st_mode)) {
			char *m = desc_link_msg(names[i]);
			fprintf(stderr, _("algedit check: note: %s\n"), esc_line(m));
			free(m);
		} else if (there && S_ISDIR(st.st_mode)) {
			if (depth < 32)
				found += check_dir(o, std, names[i], depth + 1);
		} else if (yaml) {
			check_file(o, std, names[i], 1);
			found++;
		}
		free(names[i]);
	}
	free(names);
	return found;
}

static void usage(FILE *f)
{
	cli_usage(f, "check");
	fprintf(f, "\n%s\n", _("Checks description files (YAML) and register API payloads (*.json) against\n"
	                       "publication standard 1.0. Folders are searched for *.yaml files."));
	fprintf(f, "\n  --format text|json  %s\n", _("output like a compiler (default) or as JSON"));
	fprintf(f, "  --spell             %s\n", _("also report misspelt words (warnings)"));
	fprintf(f, "  --links             %s\n", _("also check every web address over the network (broken-link warnings)"));
	fprintf(f, "\n%s\n", _("Each file also gets its completeness score as the register counts it, and advice on plain\n"
	                       "Dutch (long-sentence, plain-word, reading-level); advice never changes the exit status."));
	fprintf(f, "\n%s\n", _("Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable input."));
}

int cmd_check(int argc, char **argv)
{
	check_opts o = { 0 };
	int first = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc) {
			i++;
			if (!strcmp(argv[i], "json"))
				o.json = true;
			else if (strcmp(argv[i], "text")) {
				cli_error("check", _("unknown format \"%s\"; use text or json"), argv[i]);
				return 2;
			}
		} else if (!strcmp(argv[i], "--format=json")) {
			o.json = true;
		} else if (!strcmp(argv[i], "--format=text")) {
			o.json = false;
		} else if (!strcmp(argv[i], "--spell")) {
			o.spell = true;
		} else if (!strcmp(argv[i], "--links")) {
			o.links = true;
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--")) {
			first = i + 1;
			break;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cli_error("check", _("unknown option \"%s\""), argv[i]);
			usage(stderr);
			return 2;
		} else {
			first = i;
			break;
		}
	}
	if (!first || first >= argc) {
		cli_error("check", "%s", _("name at least one file or folder to check"));
		usage(stderr);
		return 2;
	}
	char *err = NULL;
	standard *std = standard_load_facts("1.0", &err);
	if (!std) {
		cli_error("check", _("the standard files are broken: %s"), err);
		free(err);
		return 2;
	}
	sb_init(&o.out);
	int rc = 0;
	for (int i = first; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) < 0) {
			cli_error("check", _("cannot read %s: %s"), argv[i], strerror(errno));
			o.unreadable++;
		} else if (S_ISDIR(st.st_mode)) {
			if (check_dir(&o, std, argv[i], 0) == 0) {
				cli_error("check", _("no descriptions (*.yaml files) found in the folder %s"), argv[i]);
				o.unreadable++;
			}
		} else {
			check_file(&o, std, argv[i], 0);
		}
	}
	if (o.json) {
		printf("{\"standard\": \"%s\", \"files\": [%s\n  ],\n  \"errors\": %zu, \"warnings\": %zu, \"unreadable\": %zu}\n",
		       std->version, sb_str(&o.out), o.errors, o.warnings, o.unreadable);
	} else if (o.files > 1 || o.errors || o.warnings) {
		fprintf(stderr, "%s\n", "");
		fprintf(stderr, P_("%zu file checked: ", "%zu files checked: ", o.files), o.files);
		fprintf(stderr, P_("%zu error, ", "%zu errors, ", o.errors), o.errors);
		fprintf(stderr, P_("%zu warning\n", "%zu warnings\n", o.warnings), o.warnings);
	}
	if (o.unreadable)
		rc = 2;
	else if (o.errors)
		rc = 1;
	sb_done(&o.out);
	speller_free(&o.sp);
	free(o.sp_team);
	plain_words_done(&o.pw);
	free(o.pw_team);
	standard_free(&std);
	return rc;
}
