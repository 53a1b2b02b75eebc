/* plain: the walk through the standard as questions and answers, line by
 * line on standard input and output, for screen readers and terminals that
 * cannot show the full screen. The same fields in the same order, the same
 * guidance, the same rules after every answer and the same save as the
 * editor. No curses here. */
#include "config.h"
#include "tui/tui.h"
#include "tui/plain.h"
#include "tui/persist.h"
#include "tui/app.h"
#include "forms/desc.h"
#include "forms/rules.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct plain {
	FILE *in, *out;
	const standard *std;
	description *d;
	int lang;
	bool eof;
} plain;

/* Prints text with control characters escaped, as the screen does. */
static void put(plain *p, const char *s)
{
	for (size_t i = 0; s[i];) {
		uint32_t cp;
		int n = utf8_decode(s + i, strlen(s + i), &cp);
		if (n <= 0) {
			fputs("\xEF\xBF\xBD", p->out);
			i++;
			continue;
		}
		char buf[12];
		const char *e = tb_cp_escape(cp, buf);
		if (e)
			fputs(e, p->out);
		else
			fwrite(s + i, 1, (size_t)n, p->out);
		i += (size_t)n;
	}
}

char *plain_read_line(FILE *in, FILE *out, bool *eof)
{
	if (*eof)
		return NULL;
	strbuf b = STRBUF_INIT;
	int c;
	while ((c = fgetc(in)) != EOF && c != '\n')
		sb_addc(&b, (char)c);
	if (c == EOF && b.len == 0) {
		*eof = true;
		sb_done(&b);
		fputc('\n', out);
		return NULL;
	}
	sb_add(&b, "", 0);
	if (b.len && b.s[b.len - 1] == '\r')
		b.s[--b.len] = 0;
	return sb_take(&b);
}

char *plain_read_block(FILE *in, FILE *out, bool *eof, char *first)
{
	strbuf b = STRBUF_INIT;
	for (char *l = first; l; l = plain_read_line(in, out, eof)) {
		bool end = !strcmp(l, ".");
		if (!end) {
			if (b.len)
				sb_addc(&b, '\n');
			sb_adds(&b, l);
		}
		free(l);
		if (end)
			break;
	}
	while (b.len && b.s[b.len - 1] == '\n')
		b.s[--b.len] = 0;
	if (!b.len) {
		sb_done(&b);
		return NULL;
	}
	return sb_take(&b);
}

/* Reads one line without its newline (caller frees); NULL at end of input. */
static char *ask(plain *p, const char *prompt)
{
	put(p, prompt);
	fflush(p->out);
	return plain_read_line(p->in, p->out, &p->eof);
}

static void show_findings(plain *p, const std_field *f)
{
	findings fs;
	findings_init(&fs);
	rules_check_field(p->d, f, &fs);
	for (size_t i = 0; i < fs.n; i++) {
		fprintf(p->out, "  %s: ", severity_label(fs.v[i].sev));
		put(p, fs.v[i].msg);
		fputc('\n', p->out);
	}
	findings_done(&fs);
}

static void show_guidance(plain *p, const std_field *f);

static void show_field(plain *p, const std_field *f)
{
	const std_section *s = &p->std->sections[f->section];
	fprintf(p->out, "\n[%zu/%zu] ", f->index + 1, p->std->nfields);
	put(p, s->label[p->lang]);
	fputs(" > ", p->out);
	put(p, f->label[p->lang]);
	fprintf(p->out, " (%s", f->required ? _("required") : f->show_always ? _("always shown") : _("optional"));
	if (f->max_length)
		fprintf(p->out, _(", at most %d characters"), f->max_length);
	fputs(")\n", p->out);
	show_guidance(p, f);
}

static void show_guidance(plain *p, const std_field *f)
{
	const std_guidance *g = &f->guide[p->lang];
	if (g->what) {
		put(p, g->what);
		fputc('\n', p->out);
	}
	for (size_t i = 0; i < g->ntips; i++) {
		fputs("- ", p->out);
		put(p, g->tips[i]);
		fputc('\n', p->out);
	}
	if (g->example) {
		fprintf(p->out, "%s\n", _("Example:"));
		put(p, g->example);
		fputc('\n', p->out);
	}
}

static void show_value(plain *p, const std_field *f)
{
	const ynode *v = desc_get(p->d, f);
	fprintf(p->out, "%s ", _("Now:"));
	if (!v || (v->type == Y_SEQ && v->n == 0)) {
		fprintf(p->out, "%s\n", _("(empty)"));
		return;
	}
	if (v->type == Y_STR) {
		if (strchr(v->str, '\n'))
			fputc('\n', p->out);
		put(p, v->str);
		fputc('\n', p->out);
		return;
	}
	if (v->type == Y_SEQ) {
		fputc('\n', p->out);
		for (size_t i = 0; i < v->n; i++) {
			const ynode *it = v->kids[i];
			fprintf(p->out, "  %zu. ", i + 1);
			if (it->type == Y_STR) {
				put(p, it->str);
			} else {
				for (size_t k = 0; k < f->nitems; k++) {
					const char *t = ynode_str(ynode_get(it, f->items[k].key));
					if (k)
						fputs(" - ", p->out);
					put(p, t ? t : "...");
				}
			}
			fputc('\n', p->out);
		}
		return;
	}
	fprintf(p->out, "%s\n", _("(not text; type a new value to replace it)"));
}

/* "?" at a question: the field's guidance again and how to answer; the
 * question is asked again (never "?" as the value). */
static bool help_asked(plain *p, const std_field *f, const char *line)
{
	if (!line || strcmp(line, "?"))
		return false;
	fputc('\n', p->out);
	put(p, f->label[p->lang]);
	fputs(":\n", p->out);
	show_guidance(p, f);
	show_value(p, f);
	fprintf(p->out, "%s\n", _("Enter keeps what is there; - clears it; ? shows this help again."));
	return true;
}

/* Errors the rules find in f right after an answer; printed. */
static size_t field_errors(plain *p, const std_field *f)
{
	findings fs;
	findings_init(&fs);
	rules_check_field(p->d, f, &fs);
	size_t n = 0;
	for (size_t i = 0; i < fs.n; i++) {
		if (fs.v[i].sev != SEV_ERROR)
			continue;
		fprintf(p->out, "  %s: ", severity_label(fs.v[i].sev));
		put(p, fs.v[i].msg);
		fputc('\n', p->out);
		n++;
	}
	findings_done(&fs);
	return n;
}

/* What the speller doubts in a typed text answer, with its suggestions. */
static void show_spelling(plain *p, const std_field *f)
{
	if (f->kind != FK_TEXT && f->kind != FK_RICH)
		return;
	const char *s = desc_text(p->d, f);
	char *r = s && *s ? spell_ui_report(s, strlen(s)) : NULL;
	if (r) {
		put(p, r);
		free(r);
	}
}

/* Parses "1,3" into ticks; false on a number out of range. */
static bool parse_numbers(const char *s, size_t max, bool *on)
{
	memset(on, 0, max * sizeof *on);
	const char *q = s;
	while (*q) {
		while (*q == ' ' || *q == ',')
			q++;
		if (!*q)
			break;
		char *end;
		long n = strtol(q, &end, 10);
		if (end == q || n < 1 || (size_t)n > max)
			return false;
		on[n - 1] = true;
		q = end;
	}
	return true;
}

static void ask_field(plain *p, const std_field *f)
{
	show_field(p, f);
	show_value(p, f);
	bool errors_shown = false;
	for (;;) {
		char *line = NULL;
		bool typed = false;
		switch (f->kind) {
		case FK_CHOICE:
		case FK_MULTI:
			for (size_t i = 0; i < f->nvalues; i++) {
				fprintf(p->out, "  %zu) ", i + 1);
				put(p, f->values[i]);
				fputc('\n', p->out);
			}
			line = ask(p, f->kind == FK_CHOICE
			                  ? _("Number of your choice (Enter keeps, - clears): ")
			                  : _("Numbers of your choices, e.g. 1,3 (Enter keeps, - clears): "));
			if (help_asked(p, f, line)) {
				free(line);
				continue;
			}
			if (!line || !*line)
				break;
			if (!strcmp(line, "-")) {
				desc_set(p->d, f, NULL);
				break;
			}
			bool on[64];
			if (f->nvalues > 64 || !parse_numbers(line, f->nvalues, on)) {
				fprintf(p->out, "%s\n", _("Type the numbers shown before the values."));
				free(line);
				continue;
			}
			if (f->kind == FK_CHOICE) {
				size_t k = 0, which = 0;
				for (size_t i = 0; i < f->nvalues; i++)
					if (on[i]) {
						k++;
						which = i;
					}
				if (k != 1) {
					fprintf(p->out, "%s\n", _("Choose one number."));
					free(line);
					continue;
				}
				desc_set_text(p->d, f, f->values[which]);
			} else {
				ynode *seq = ynode_new(Y_SEQ, 0, 0);
				for (size_t i = 0; i < f->nvalues; i++)
					if (on[i])
						ynode_push(seq, ynode_new_str(f->values[i], strlen(f->values[i]), 0, 0));
				desc_set(p->d, f, seq);
			}
			break;
		case FK_ITEMS: {
			line = ask(p, _("Enter keeps the items; n starts a new list; - clears: "));
			if (help_asked(p, f, line)) {
				free(line);
				continue;
			}
			if (!line || !*line)
				break;
			if (!strcmp(line, "-")) {
				desc_set(p->d, f, NULL);
				break;
			}
			ynode *seq = ynode_new(Y_SEQ, 0, 0);
			for (size_t n = 1;; n++) {
				ynode *m = ynode_new(Y_MAP, 0, 0);
				for (size_t k = 0; k < f->nitems; k++) {
					char *pr = xasprintf(_("Item %zu, %s (Enter on an empty title ends): "), n,
					                     f->items[k].label[p->lang]);
					char *v = ask(p, pr);
					free(pr);
					if (v && *v)
						ynode_put(m, f->items[k].key, ynode_new_str(v, strlen(v), 0, 0), 0, 0);
					bool stop = k == 0 && (!v || !*v);
					free(v);
					if (stop)
						break;
				}
				if (m->n == 0) {
					ynode_free(&m);
					break;
				}
				ynode_push(seq, m);
			}
			if (seq->n == 0)
				ynode_free(&seq);
			desc_set(p->d, f, seq);
			typed = true;
			break;
		}
		case FK_RICH: {
			line = ask(p, _("Type the new text; a line with only a dot ends it (Enter on the first line keeps, - clears):\n"));
			if (help_asked(p, f, line)) {
				free(line);
				continue;
			}
			if (!line || !*line)
				break;
			if (!strcmp(line, "-")) {
				desc_set(p->d, f, NULL);
				break;
			}
			char *text = plain_read_block(p->in, p->out, &p->eof, line);
			line = NULL;
			desc_set_text(p->d, f, text);
			free(text);
			typed = true;
			break;
		}
		default:
			line = ask(p, f->kind == FK_MONTH ? _("Year-month, e.g. 2024-03 (Enter keeps, - clears): ")
			                                  : _("New value (Enter keeps, - clears): "));
			if (help_asked(p, f, line)) {
				free(line);
				continue;
			}
			if (!line || !*line)
				break;
			desc_set_text(p->d, f, strcmp(line, "-") ? line : NULL);
			typed = strcmp(line, "-") != 0;
			break;
		}
		free(line);
		if (typed && f->kind != FK_CHOICE && f->kind != FK_MULTI)
			show_spelling(p, f);
		/* A typed answer the rules refuse (a date that is none, a text too
		 * long) is asked again; Enter keeps it as it is and goes on. */
		if (typed && !p->eof && field_errors(p, f)) {
			fprintf(p->out, "%s\n", _("Type it again, or press Enter to keep it as it is and go on."));
			errors_shown = true;
			continue;
		}
		break;
	}
	if (!errors_shown)
		show_findings(p, f);
}

/* Asks every field of the description at path; a new one called name (NULL:
 * none given) has its name filled in. */
static int plain_run(const standard *std, const char *path, const char *name, FILE *in, FILE *out)
{
	char *err = NULL;
	plain p = { .in = in, .out = out, .std = std, .lang = i18n_lang() };
	findings fs;
	findings_init(&fs);
	struct stat st;
	if (stat(path, &st) == 0) {
		p.d = desc_read_file(std, path, DESC_YAML, &fs);
		if (!p.d) {
			fprintf(stderr, "algedit: %s: %s\n", path, fs.n ? fs.v[0].msg : "");
			findings_done(&fs);
			return 2;
		}
	} else {
		p.d = desc_new(std);
		for (size_t i = 0; i < std->nfields; i++)
			if (std->fields[i].kind == FK_CHOICE && std->fields[i].nvalues == 1)
				desc_set_text(p.d, &std->fields[i], std->fields[i].values[0]);
	}
	findings_done(&fs);
	/* What there is to save is what differs from this. */
	size_t base_len;
	char *base = desc_format_yaml(p.d, &base_len);
	bool exists = stat(path, &st) == 0;
	if (name && *name && !exists)
		desc_set_text(p.d, standard_field(std, "name"), name);
	/* Information, not an error: what is being edited, and where. */
	strbuf head = STRBUF_INIT;
	sb_printf(&head, exists ? _("Editing the description in %s.") : _("A new description; it is saved in %s."), path);
	put(&p, head.s);
	sb_done(&head);
	fprintf(out, "\n%s\n", _("Each field is asked in turn. Enter keeps what is there; - clears it."));
	fprintf(out, "%s\n", _("Type ? for help with the field being asked."));
	char *why = persist->cannot_save ? persist->cannot_save(path) : NULL;
	if (why) {
		put(&p, why);
		fputc('\n', out);
		free(why);
	}
	char *bytes = NULL;
	size_t blen;
	time_t when;
	if (persist->pending_recovery(path, &bytes, &blen, &when) == 1) {
		char *ans = ask(&p, _("Unsaved text from an earlier session was found. Take it back? [y/N] "));
		if (ans && (ans[0] == 'y' || ans[0] == 'Y' || ans[0] == 'j' || ans[0] == 'J')) {
			findings_init(&fs);
			description *r = desc_read(std, bytes, blen, DESC_YAML, &fs);
			findings_done(&fs);
			if (r) {
				r->dirty = true;
				desc_free(&p.d);
				p.d = r;
			}
		}
		free(ans);
		free(bytes);
	}
	for (size_t i = 0; i < std->nfields && !p.eof; i++) {
		ask_field(&p, &std->fields[i]);
		if (p.d->dirty) {
			size_t len;
			char *y = desc_format_yaml(p.d, &len);
			persist->journal(path, y, len);
			free(y);
		}
	}
	findings_init(&fs);
	rules_check(p.d, &fs);
	size_t e = findings_count(&fs, SEV_ERROR), w = findings_count(&fs, SEV_WARNING);
	fprintf(out, "\n%s\n", _("Summary:"));
	for (size_t i = 0; i < fs.n; i++) {
		if (fs.v[i].sev != SEV_ERROR)
			continue;
		fprintf(out, "  %s: ", severity_label(fs.v[i].sev));
		/* The label once: most messages begin with it already. */
		const char *lab = fs.v[i].field ? fs.v[i].field->label[p.lang] : NULL;
		if (lab && !(str_starts(fs.v[i].msg, lab) && fs.v[i].msg[strlen(lab)] == ':')) {
			put(&p, lab);
			fputs(": ", out);
		}
		put(&p, fs.v[i].msg);
		fputc('\n', out);
	}
	fprintf(out, _("%zu errors, %zu warnings.\n"), e, w);
	findings_done(&fs);
	int rc = 0;
	size_t now_len;
	char *now = desc_format_yaml(p.d, &now_len);
	bool changed = now_len != base_len || memcmp(now, base, now_len) != 0;
	free(now);
	free(base);
	char *ans = NULL;
	bool yes = false;
	if (!changed) {
		fprintf(out, "%s\n", _("Nothing was changed; there is nothing to save."));
	} else {
		/* Answers were given: saving them is the default. The end of the
		 * input is no answer: they stay in the journal. */
		for (;;) {
			ans = ask(&p, _("Save? [Y/n] "));
			if (!ans)
				break;
			if (!*ans || ans[0] == 'y' || ans[0] == 'Y' || ans[0] == 'j' || ans[0] == 'J') {
				yes = true;
				break;
			}
			if (ans[0] == 'n' || ans[0] == 'N')
				break;
			fprintf(out, "%s\n", _("Type y to save or n not to save (Enter saves)."));
			free(ans);
		}
	}
	if (!changed) {
		/* Asked nothing. */
	} else if (yes) {
		if (persist->save(path, p.d, &err) < 0) {
			fprintf(out, "%s\n", err);
			free(err);
			rc = 1;
		} else {
			persist->discard(path);
			fprintf(out, _("Saved %s.\n"), path);
		}
	} else {
		fprintf(out, "%s\n", _("Not saved; the answers are kept in the journal and offered next time."));
	}
	free(ans);
	desc_free(&p.d);
	return rc;
}

int tui_plain(const standard *std, const char *path, FILE *in, FILE *out)
{
	spell_ui_start(NULL);
	int rc = plain_run(std, path, NULL, in, out);
	spell_ui_stop();
	return rc;
}

typedef struct plain_entry {
	char *file;       /* <slug>.yaml */
	bool unsaved;     /* never saved: only the journal holds its text */
} plain_entry;

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const plain_entry *)a)->file, ((const plain_entry *)b)->file);
}

int tui_plain_list(const standard *std, const char *repo, FILE *in, FILE *out)
{
	char *dir = xasprintf("%s/algoritmes", repo);
	plain_entry *v = NULL;
	size_t n = 0;
	DIR *dh = opendir(dir);
	if (dh) {
		struct dirent *de;
		while ((de = readdir(dh)))
			if (de->d_name[0] != '.' && str_ends(de->d_name, ".yaml")) {
				v = xrealloc(v, (n + 1) * sizeof *v);
				v[n++] = (plain_entry){ xstrdup(de->d_name), false };
			}
		closedir(dh);
	}
	/* Descriptions never saved whose answers the journal keeps: listed, and
	 * offered back when opened, as the editor does. */
	size_t nu = 0;
	char **un = persist->unsaved ? persist->unsaved(repo, &nu) : NULL;
	for (size_t i = 0; i < nu; i++) {
		v = xrealloc(v, (n + 1) * sizeof *v);
		v[n++] = (plain_entry){ xasprintf("%s.yaml", un[i]), true };
		free(un[i]);
	}
	free(un);
	if (n)
		qsort(v, n, sizeof *v, entry_cmp);
	plain p = { .in = in, .out = out };
	fprintf(out, "%s\n", _("Descriptions:"));
	for (size_t i = 0; i < n; i++) {
		fprintf(out, "  %zu) ", i + 1);
		put(&p, v[i].file);
		if (v[i].unsaved)
			fputs(_(" (not saved)"), out);
		fputc('\n', out);
	}
	char *ans = ask(&p, _("Number to open, or a name for a new description: "));
	while (ans && !strcmp(ans, "?")) {
		fprintf(out, "%s\n", _("Type the number before a description to open it, or the name of a new one; Enter stops."));
		free(ans);
		ans = ask(&p, _("Number to open, or a name for a new description: "));
	}
	int rc = 0;
	if (ans && *ans) {
		char *end;
		long k = strtol(ans, &end, 10);
		char *path = NULL;
		const char *name = NULL;
		if (*end == 0 && k >= 1 && (size_t)k <= n) {
			path = xasprintf("%s/%s", dir, v[k - 1].file);
		} else {
			/* The name of one never saved: its answers, not a new file. */
			char *slug = slug_from_name(ans);
			char *file = xasprintf("%s.yaml", slug);
			for (size_t i = 0; i < n && !path; i++)
				if (v[i].unsaved && !strcmp(v[i].file, file))
					path = xasprintf("%s/%s", dir, file);
			free(file);
			free(slug);
			if (!path)
				path = persist->new_path(repo, ans);
			name = ans;
		}
		spell_ui_start(repo);
		rc = plain_run(std, path, name, in, out);
		spell_ui_stop();
		free(path);
	}
	free(ans);
	for (size_t i = 0; i < n; i++)
		free(v[i].file);
	free(v);
	free(dir);
	return rc;
}
