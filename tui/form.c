/* form: the form view, one description field by field: its handlers and
 * its painting. A handler changes the model (the description, the text
 * buffer, the selection), recomputes the findings and marks the screen
 * dirty; it never paints, so the same handlers run in the bench and the
 * unit tests without a terminal. Every change to a field goes into the
 * description at once, so the findings, the journal and a save always see
 * what is on screen. Saving, the journal and recovery of its text are the
 * form's too. */
#include "config.h"
#include "tui/app.h"
#include "tui/persist.h"
#include "tui/input.h"
#include "forms/progress.h"
#include "forms/rules.h"
#include "forms/suggest.h"
#include "base/base.h"
#include "base/escape.h"
#include "i18n/i18n.h"
#include "tui/draw.h"
#include "tui/quality_ui.h"

#include <curses.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

tui_spell_fn tui_spell_check;
void *tui_spell_ctx;

/* Undo for the fields that are not text: snapshots of the value. */
typedef struct val_stack {
	ynode **v;
	bool *had;
	size_t n, cap;
} val_stack;
static val_stack vundo, vredo;

static void vs_push(val_stack *s, const ynode *v)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
		s->had = xrealloc(s->had, s->cap * sizeof *s->had);
	}
	s->had[s->n] = v != NULL;
	s->v[s->n++] = ynode_copy(v);
}

static void vs_clear(val_stack *s)
{
	for (size_t i = 0; i < s->n; i++)
		ynode_free(&s->v[i]);
	s->n = 0;
}

/* The saved state, field by field: undo back to it is "not modified". */
static void saved_forget(app *a)
{
	for (size_t i = 0; a->form.saved_vals && i < a->std->nfields; i++)
		ynode_free(&a->form.saved_vals[i]);
	xfree(&a->form.saved_vals);
}

static void saved_remember(app *a)
{
	saved_forget(a);
	a->form.saved_vals = xcalloc(a->std->nfields, sizeof *a->form.saved_vals);
	for (size_t i = 0; i < a->std->nfields; i++)
		a->form.saved_vals[i] = ynode_copy(a->form.d->vals[i]);
}

static bool same_as_saved(const app *a)
{
	if (!a->form.saved_vals)
		return false;
	for (size_t i = 0; i < a->std->nfields; i++)
		if (!ynode_equal(a->form.d->vals[i], a->form.saved_vals[i]))
			return false;
	return true;
}

static void vs_free(val_stack *s)
{
	vs_clear(s);
	free(s->v);
	free(s->had);
	memset(s, 0, sizeof *s);
}

void app_close_form(app *a)
{
	for (size_t i = 0; a->form.hist && i < a->std->nfields; i++)
		tb_history_done(&a->form.hist[i]);
	xfree(&a->form.hist);
	desc_free(&a->form.d);
	xfree(&a->form.path);
	a->form.len_cache = (field_length){ 0 };
	findings_done(&a->form.fs);
	findings_init(&a->form.fs);
	quality_ui_forget();
	xfree(&a->form.marks);
	a->form.nmarks = 0;
	xfree(&a->dlg.recover_bytes);
	xfree(&a->dlg.recover_fields);
	saved_forget(a);
	vs_clear(&vundo);
	vs_clear(&vredo);
	a->form.modified = false;
	a->form.journaled = false;
	a->form.journal_pending = false;
	xfree(&a->form.banner);
	a->dlg.ov = OV_NONE;
}

static const std_field *cur_field(const app *a)
{
	return &a->std->fields[a->form.field];
}

bool app_field_is_text(const std_field *f)
{
	return f->kind == FK_TEXT || f->kind == FK_RICH || f->kind == FK_MONTH || f->kind == FK_LINK ||
	       f->kind == FK_CONTACT;
}

/* ---- findings and marks ---- */

static void form_refresh(app *a);
static void store_text(app *a);
static void store_item_part(app *a);

void app_refresh_marks(app *a)
{
	form_refresh(a);
}

void app_text_changed(app *a)
{
	if (a->form.editing_item)
		store_item_part(a);
	else
		store_text(a);
	a->dirty = true;
}

static void form_refresh(app *a)
{
	findings_done(&a->form.fs);
	findings_init(&a->form.fs);
	const std_field *f = cur_field(a);
	/* The field being typed in is counted once per change of its text,
	 * for the rules and the counter under it. */
	const field_length *known = NULL;
	if (!a->form.editing_item && app_field_is_text(f) && f->max_length) {
		field_length_count(&a->form.len_cache, a->form.tb.version, a->form.d, f, a->form.tb.s, a->form.tb.len);
		known = &a->form.len_cache;
	}
	rules_check_known(a->form.d, &a->form.fs, known);
	xfree(&a->form.marks);
	a->form.nmarks = 0;
	if (tui_spell_check && app_field_is_text(f) && (f->kind == FK_TEXT || f->kind == FK_RICH))
		a->form.nmarks = tui_spell_check(tui_spell_ctx, f, a->form.tb.s, a->form.tb.len, &a->form.marks);
	/* Beside the spelling marks: plain-Dutch advice on this field. */
	quality_ui_refresh(a, f);
	/* The first underlined word of the session says how to get
	 * suggestions, unless the status line has something else to say. The
	 * word being typed does not count: unfinished, it is always marked. */
	bool finished_mark = false;
	for (size_t i = 0; i < a->form.nmarks && !finished_mark; i++)
		finished_mark = a->form.tb.cur < a->form.marks[i].start || a->form.tb.cur > a->form.marks[i].end;
	if (finished_mark && !a->spell_hinted && a->dlg.ov == OV_NONE && (!a->status || a->status_tip)) {
		a->spell_hinted = true;
		/* F7 only where the terminal has it (vt100's terminfo has no F11,
		 * a real VT100 keyboard no F7 beyond its keypad). */
		app_status(a, false, "%s", input_has_key(KEY_F(7)) ? _("Underlined: maybe misspelt. F7 (or Alt-S) shows suggestions.")
		                                                   : _("Underlined: maybe misspelt. Alt-S shows suggestions."));
	}
	a->dirty = true;
}

bool app_field_filled(const app *a, const std_field *f)
{
	return field_filled(a->form.d, f);
}

field_mark app_field_mark(const app *a, const std_field *f)
{
	bool err = false, warn = false;
	for (size_t i = 0; i < a->form.fs.n; i++) {
		if (a->form.fs.v[i].field != f)
			continue;
		if (a->form.fs.v[i].sev == SEV_ERROR)
			err = true;
		else if (a->form.fs.v[i].sev == SEV_WARNING)
			warn = true;
	}
	bool filled = app_field_filled(a, f);
	if (f->required && !filled)
		return FM_MISSING;
	if (err)
		return FM_ERROR;
	if (warn)
		return FM_WARNING;
	return filled ? FM_FILLED : FM_EMPTY;
}

void app_progress(const app *a, size_t *rf, size_t *rt, size_t *af, size_t *at, size_t *errors)
{
	desc_counts c;
	desc_count_filled(a->form.d, &c);
	*rf = c.req_filled;
	*rt = c.req_total;
	*af = c.always_filled;
	*at = c.always_total;
	*errors = findings_count(&a->form.fs, SEV_ERROR);
}

/* ---- moving between fields ---- */

static void load_field(app *a)
{
	const std_field *f = cur_field(a);
	vs_clear(&vundo);
	vs_clear(&vredo);
	a->form.editing_item = false;
	a->form.item_part = 0;
	a->form.sel = 0;
	a->form.text_top = 0;
	a->form.guide_top = 0;
	if (app_field_is_text(f)) {
		a->form.tb.single_line = f->kind != FK_RICH;
		a->form.tb.max_bytes = f->kind == FK_MONTH ? 20 : 0;
		const char *t = desc_text(a->form.d, f);
		tb_set(&a->form.tb, t, t ? strlen(t) : 0);
		/* A long text opens at its start, to be read from the top;
		 * Ctrl-End goes to its end. So does a one-line text that wraps
		 * in its box (a short description of 300 characters): at its end
		 * it would open mid-sentence. A short one opens at its end, to
		 * add to it. */
		int box = a->lay.main_w > 6 ? a->lay.main_w - 4 : 40;
		if (f->kind == FK_RICH || (t && tb_text_width(t, strlen(t)) >= box))
			tb_set_cursor(&a->form.tb, 0);
		/* Undo reaches back past leaving the field, while the text is as
		 * it was left. */
		if (a->form.hist)
			tb_history_restore(&a->form.tb, &a->form.hist[a->form.field]);
	} else if (f->kind == FK_CHOICE) {
		const char *t = desc_text(a->form.d, f);
		for (size_t i = 0; t && i < f->nvalues; i++)
			if (!strcmp(f->values[i], t))
				a->form.sel = i;
	}
	form_refresh(a);
}

/* A half-edited item that has nothing in it is not kept. */
static void finish_item(app *a);

void form_go_field(app *a, size_t i)
{
	if (a->form.editing_item)
		finish_item(a);
	tb_seal(&a->form.tb);
	if (a->form.hist && app_field_is_text(cur_field(a)))
		tb_history_save(&a->form.tb, &a->form.hist[a->form.field]);
	a->form.field = i;
	/* A message is about the field it was given in (or the step that
	 * led there): it does not follow the user to other fields. The
	 * opening tip is about the whole form and stays until replaced. */
	if (a->status && !a->status_tip && a->status_field != i)
		app_status(a, false, NULL);
	load_field(a);
}

/* ---- changing values ---- */

static void changed(app *a)
{
	a->form.modified = !same_as_saved(a);
	a->form.journal_pending = true;
	form_refresh(a);
}

static void store_text(app *a)
{
	const std_field *f = cur_field(a);
	if (a->form.tb.len == 0)
		desc_set(a->form.d, f, NULL);
	else
		desc_set_text(a->form.d, f, a->form.tb.s);
	changed(a);
}

static void set_value(app *a, ynode *v)
{
	const std_field *f = cur_field(a);
	vs_push(&vundo, desc_get(a->form.d, f));
	vs_clear(&vredo);
	desc_set(a->form.d, f, v);
	changed(a);
}

static bool value_undo(app *a, bool redo)
{
	val_stack *from = redo ? &vredo : &vundo, *to = redo ? &vundo : &vredo;
	if (from->n == 0)
		return false;
	const std_field *f = cur_field(a);
	vs_push(to, desc_get(a->form.d, f));
	from->n--;
	desc_set(a->form.d, f, from->had[from->n] ? from->v[from->n] : NULL);
	if (!from->had[from->n])
		ynode_free(&from->v[from->n]);
	from->v[from->n] = NULL;
	changed(a);
	return true;
}

static const char *item_part(const ynode *it, const char *key)
{
	return ynode_str(ynode_get(it, key));
}

/* A copy of the items value with item idx's part replaced by text. */
static ynode *items_with(const ynode *items, const std_field *f, size_t idx, size_t part, const char *text)
{
	ynode *seq = ynode_new(Y_SEQ, 0, 0);
	size_t n = items && items->type == Y_SEQ ? items->n : 0;
	for (size_t i = 0; i < n || i <= idx; i++) {
		const ynode *old = i < n ? items->kids[i] : NULL;
		if (i >= n && i != idx)
			continue;
		ynode *m = ynode_new(Y_MAP, 0, 0);
		for (size_t k = 0; k < f->nitems; k++) {
			const char *v = i == idx && k == part ? text : item_part(old, f->items[k].key);
			if (v && *v)
				ynode_put(m, f->items[k].key, ynode_new_str(v, strlen(v), 0, 0), 0, 0);
		}
		ynode_push(seq, m);
	}
	return seq;
}

static size_t nitems(const app *a)
{
	const ynode *v = desc_get(a->form.d, cur_field(a));
	return v && v->type == Y_SEQ ? v->n : 0;
}

static void load_item_part(app *a)
{
	const ynode *v = desc_get(a->form.d, cur_field(a));
	const ynode *it = v && a->form.sel < v->n ? v->kids[a->form.sel] : NULL;
	const char *t = it ? item_part(it, cur_field(a)->items[a->form.item_part].key) : NULL;
	a->form.tb.single_line = true;
	a->form.tb.max_bytes = 0;
	tb_set(&a->form.tb, t, t ? strlen(t) : 0);
}

static void store_item_part(app *a)
{
	const std_field *f = cur_field(a);
	ynode *v = items_with(desc_get(a->form.d, f), f, a->form.sel, a->form.item_part, a->form.tb.s);
	desc_set(a->form.d, f, v);
	changed(a);
}

static void remove_item(app *a, size_t idx)
{
	const std_field *f = cur_field(a);
	const ynode *v = desc_get(a->form.d, f);
	if (!v || v->type != Y_SEQ || idx >= v->n)
		return;
	ynode *seq = ynode_new(Y_SEQ, 0, 0);
	for (size_t i = 0; i < v->n; i++)
		if (i != idx)
			ynode_push(seq, ynode_copy(v->kids[i]));
	if (seq->n == 0)
		ynode_free(&seq);
	set_value(a, seq);
}

static void finish_item(app *a)
{
	a->form.editing_item = false;
	a->form.sugg_sel = 0;
	const ynode *v = desc_get(a->form.d, cur_field(a));
	if (v && v->type == Y_SEQ && a->form.sel < v->n && v->kids[a->form.sel]->n == 0)
		remove_item(a, a->form.sel);
	a->dirty = true;
}

/* ---- the walk ---- */

static void next_field(app *a)
{
	if (a->form.field + 1 < a->std->nfields)
		form_go_field(a, a->form.field + 1);
	else
		app_status(a, false, "%s", _("This is the last field. Ctrl-S saves; Ctrl-E finds what is still missing."));
}

static void prev_field(app *a)
{
	if (a->form.field > 0)
		form_go_field(a, a->form.field - 1);
}

static void section_step(app *a, int dir)
{
	size_t s = a->std->fields[a->form.field].section;
	if (dir > 0 && s + 1 < a->std->nsections)
		form_go_field(a, a->std->sections[s + 1].first);
	else if (dir < 0 && a->std->fields[a->form.field].index != a->std->sections[s].first)
		form_go_field(a, a->std->sections[s].first);
	else if (dir < 0 && s > 0)
		form_go_field(a, a->std->sections[s - 1].first);
}

static void next_problem(app *a)
{
	size_t n = a->std->nfields;
	/* Errors and missing required values first, then warnings. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 1; k <= n; k++) {
			size_t i = (a->form.field + k) % n;
			field_mark m = app_field_mark(a, &a->std->fields[i]);
			if ((pass == 0 && (m == FM_ERROR || m == FM_MISSING)) || (pass == 1 && m == FM_WARNING)) {
				form_go_field(a, i);
				return;
			}
		}
	app_status(a, false, "%s", _("No problems left: every required field is filled and nothing is wrong."));
}

static bool match_ci(const char *hay, const char *needle)
{
	/* Case-insensitive for ASCII; other letters must match as typed. */
	size_t n = strlen(needle);
	if (n == 0)
		return true;
	for (const char *p = hay; *p; p++)
		if (strncasecmp(p, needle, n) == 0)
			return true;
	return false;
}

/* How well a field's label answers what was typed: 0 the label itself,
 * 1 the label begins with it, 2 a word of the label does, 3 it is inside
 * the label or the key; -1 not at all. */
static int jump_rank(const std_field *f, const char *label, const char *typed)
{
	size_t n = strlen(typed);
	if (n == 0)
		return 3;
	if (strcasecmp(label, typed) == 0)
		return 0;
	if (strncasecmp(label, typed, n) == 0)
		return 1;
	for (const char *p = label + 1; *p; p++)
		if ((p[-1] == ' ' || p[-1] == '-' || p[-1] == '(') && strncasecmp(p, typed, n) == 0)
			return 2;
	if (match_ci(label, typed) || match_ci(f->key, typed))
		return 3;
	return -1;
}

/* Best match first, so that "Gegevens" goes to the field of that name and
 * not to "Contactgegevens" above it; the standard's order within a rank. */
size_t app_jump_matches(const app *a, size_t *out, size_t max)
{
	size_t k = 0;
	for (int rank = 0; rank <= 3; rank++)
		for (size_t i = 0; i < a->std->nfields && k < max; i++) {
			const std_field *f = &a->std->fields[i];
			if (jump_rank(f, f->label[a->lang], a->dlg.prompt.s) == rank)
				out[k++] = i;
		}
	return k;
}

/* ---- saving and the journal ---- */

/* Blanks typed after the end of a one-line value are not part of it: the
 * register would show "… proces. " as it is (issue 21.16). Trimmed as the
 * editor saves; text imported as the register stores it is left alone. */
static void trim_one_line_values(app *a)
{
	for (size_t i = 0; i < a->std->nfields; i++) {
		const std_field *f = &a->std->fields[i];
		if (!app_field_is_text(f) || f->kind == FK_RICH)
			continue;
		const char *s = desc_text(a->form.d, f);
		size_t n = s ? strlen(s) : 0, k = n;
		while (k && (s[k - 1] == ' ' || s[k - 1] == '\t'))
			k--;
		if (k == n)
			continue;
		char *t = xstrndup(s, k);
		if (k)
			desc_set_text(a->form.d, f, t);
		else
			desc_set(a->form.d, f, NULL);
		free(t);
	}
}

bool form_save(app *a)
{
	char *err = NULL;
	trim_one_line_values(a);
	if (persist->save(a->form.path, a->form.d, &err) < 0) {
		app_status(a, true, "%s", err ? err : _("could not save"));
		free(err);
		return false;
	}
	persist->discard(a->form.path);
	saved_remember(a);
	a->form.modified = false;
	a->form.journaled = false;
	a->form.journal_pending = false;
	size_t e = findings_count(&a->form.fs, SEV_ERROR);
	/* The file's name, not its folder: the status line is one line. */
	const char *base = strrchr(a->form.path, '/');
	base = base ? base + 1 : a->form.path;
	if (e)
		app_status(a, false, P_("Saved %s. %zu problem remains; Ctrl-E goes there.",
		                        "Saved %s. %zu problems remain; Ctrl-E goes to the next.", e),
		           base, e);
	else
		app_status(a, false, _("Saved %s. No errors."), base);
	/* A new version: comments on changed fields are outdated now. */
	review_notes_forget();
	return true;
}

void app_journal_tick(app *a, long long now, bool force)
{
	if (!a->form.d || !a->form.journal_pending || !a->form.path)
		return;
	if (!force && now - a->form.journal_last < JOURNAL_DELAY_MS)
		return;
	size_t len;
	char *y = desc_format_yaml(a->form.d, &len);
	int r = persist->journal(a->form.path, y, len);
	if (r < 0) {
		/* "Save soon" only where a save can be made. */
		char *why = persist->cannot_save ? persist->cannot_save(a->form.path) : NULL;
		app_status(a, true, "%s", why ? _("nothing can be kept here, not even in the journal: copy your text elsewhere")
		                              : _("could not write the journal of unsaved text; save soon with Ctrl-S"));
		free(why);
	} else {
		a->form.journaled = true;
		if (r > 0 && !a->form.journal_elsewhere) {
			/* The repository cannot take it: say where it is. */
			char *jd = persist_journal_dir();
			app_status(a, true, _("Your text is kept in %s; it cannot be saved here."), jd);
			free(jd);
		}
	}
	a->form.journal_elsewhere = r > 0;
	free(y);
	a->form.journal_last = now;
	a->form.journal_pending = false;
}

void form_close(app *a, bool discard_journal)
{
	if (discard_journal)
		persist->discard(a->form.path);
	if (a->list.repo) {
		char *p = xstrdup(a->form.path);
		app_close_form(a);
		a->in_list = true;
		list_reload_entry(a, p);
		free(p);
		a->dirty = true;
	} else {
		a->quit = true;
	}
}

/* The labels of the fields where the journal's text differs from what was
 * opened ("Doel en impact, Risico's"), for the recovery question. */
static char *recovered_fields(const app *a)
{
	findings fs;
	findings_init(&fs);
	description *j = desc_read(a->std, a->dlg.recover_bytes, a->dlg.recover_len, DESC_YAML, &fs);
	findings_done(&fs);
	if (!j)
		return NULL;
	strbuf b = STRBUF_INIT;
	size_t n = 0;
	for (size_t i = 0; i < a->std->nfields; i++) {
		if (ynode_equal(j->vals[i], a->form.d->vals[i]))
			continue;
		if (n++ < 3)
			sb_printf(&b, "%s%s", b.len ? ", " : "", a->std->fields[i].label[a->lang]);
	}
	if (n > 3)
		sb_printf(&b, P_(" and %zu more field", " and %zu more fields", n - 3), n - 3);
	desc_free(&j);
	return b.len ? sb_take(&b) : (sb_done(&b), NULL);
}

int app_open(app *a, const char *path, description *fresh)
{
	spell_ui_opened();
	findings fs;
	findings_init(&fs);
	description *d = fresh;
	FILE *probe = fresh ? NULL : fopen(path, "r");
	if (probe) {
		fclose(probe);
		/* In a repository's list: <repo>/algoritmes/<slug>.yaml, no link followed. */
		d = desc_read_file_at(a->std, path, a->list.repo ? 2 : 1, DESC_YAML, &fs);
		if (!d) {
			app_status(a, true, _("cannot open %s: %s"), path, fs.n ? fs.v[0].msg : "");
			findings_done(&fs);
			return -1;
		}
	} else if (!d) {
		/* A new file: what every description has is filled in (not a
		 * change of the user's: closing asks nothing). */
		d = desc_new(a->std);
		desc_fill_defaults(d);
	}
	findings_done(&fs);
	app_close_form(a);
	a->form.d = d;
	a->form.hist = xcalloc(a->std->nfields, sizeof *a->form.hist);
	a->form.path = xstrdup(path);
	a->in_list = false;
	a->form.field = 0;
	a->form.modified = fresh != NULL;
	a->form.journal_pending = fresh != NULL;
	/* A description made for the user (a name, a template) is not saved
	 * yet; any other is as on disk, or empty as it was opened. */
	if (!fresh)
		saved_remember(a);
	load_field(a);
	if (persist->pending_recovery(path, &a->dlg.recover_bytes, &a->dlg.recover_len, &a->dlg.recover_when) == 1) {
		a->dlg.ov = OV_RECOVER;
		a->dlg.recover_fields = recovered_fields(a);
	}
	app_status(a, false, "%s", _("Tab goes to the next field, Ctrl-G shows all keys."));
	a->status_tip = true;
	/* Said at once: a save that cannot be made, why, and where text goes. */
	char *why = persist->cannot_save ? persist->cannot_save(path) : NULL;
	if (why)
		app_status(a, true, "%s", why);
	free(why);
	a->form.journal_elsewhere = false;
	return 0;
}

void form_recover(app *a)
{
	size_t first = a->std->nfields;
	findings fs;
	findings_init(&fs);
	description *d = desc_read(a->std, a->dlg.recover_bytes, a->dlg.recover_len, DESC_YAML, &fs);
	if (d) {
		d->dirty = true;
		for (size_t i = 0; i < a->std->nfields && first == a->std->nfields; i++)
			if (!ynode_equal(d->vals[i], a->form.d->vals[i]))
				first = i;
		desc_free(&a->form.d);
		a->form.d = d;
		a->form.modified = true;
		a->form.journal_pending = true;
		/* The form opens where the recovered text is. */
		if (first < a->std->nfields)
			a->form.field = first;
		load_field(a);
		app_status(a, false, "%s", _("The unsaved text is back. Ctrl-S saves it."));
	} else {
		app_status(a, true, "%s", _("the unsaved text could not be read back; it is kept in the journal"));
	}
	findings_done(&fs);
	xfree(&a->dlg.recover_bytes);
	a->dlg.ov = OV_NONE;
}

/* ---- handlers per widget ---- */

size_t app_utf8_encode(uint32_t c, char buf[4])
{
	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		buf[0] = (char)(0xC0 | (c >> 6));
		buf[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		buf[0] = (char)(0xE0 | (c >> 12));
		buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	buf[0] = (char)(0xF0 | (c >> 18));
	buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	buf[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Characters that came in a burst (loop.c: waiting before the loop looked
 * for them, or within a moment of the key before) are a paste the terminal
 * did not mark as one (no bracketed paste). They join the step before,
 * words and all, so undo takes the whole paste back at once, not one word
 * per Ctrl-Z. */
static void typed_burst(app *a, textbuf *tb)
{
	tb->burst = a->key_queued;
}

static bool text_edit(app *a, action act, const tui_event *ev, int width)
{
	textbuf *tb = &a->form.tb;
	size_t ver = tb->version;
	switch (act) {
	case A_CHAR_LEFT: tb_left(tb); break;
	case A_CHAR_RIGHT: tb_right(tb); break;
	case A_UP: tb_up(tb, width); break;
	case A_DOWN: tb_down(tb, width); break;
	case A_WORD_LEFT: tb_word_left(tb); break;
	case A_WORD_RIGHT: tb_word_right(tb); break;
	case A_HOME: tb_home(tb, width); break;
	case A_END: tb_end(tb, width); break;
	case A_TEXT_TOP: tb_top(tb); break;
	case A_TEXT_BOTTOM: tb_bottom(tb); break;
	case A_BACKSPACE: tb_backspace(tb); break;
	case A_DELETE: tb_delete(tb); break;
	case A_DELETE_WORD: tb_delete_word_back(tb); break;
	case A_CUT_EOL: tb_delete_to_eol(tb); break;
	case A_NEWLINE:
		typed_burst(a, tb);
		tb_insert(tb, "\n", 1, true);
		break;
	case A_UNDO:
		if (!tb_undo(tb))
			app_status(a, false, "%s", _("Nothing to undo in this field."));
		break;
	case A_REDO:
		if (!tb_redo(tb))
			app_status(a, false, "%s", _("Nothing to redo."));
		break;
	case A_NONE:
		if (ev->kind == EV_CHAR) {
			char buf[4];
			uint32_t c = ev->ch;
			typed_burst(a, tb);
			size_t n = app_utf8_encode(c, buf);
			const std_field *f = cur_field(a);
			if (!a->form.editing_item && f->kind == FK_MONTH) {
				/* "maart 2021", "3/2021" too: forms/month.c makes 2021-03. */
				if (!(c < 0x80 && (isalnum((int)c) || strchr(" -/.,", (int)c)))) {
					app_status(a, true, "%s", _("a month is written as year-month, e.g. 2024-03, or as maart 2024"));
					return true;
				}
				/* Typing 202403 gives 2024-03. */
				if (c >= '0' && c <= '9' && tb->len == 4 && tb->cur == 4 && strspn(tb->s, "0123456789") == 4)
					tb_insert(tb, "-", 1, true);
			}
			if (!tb_insert(tb, buf, n, true) && f->kind == FK_MONTH)
				app_status(a, true, "%s", _("too long for a month; write it as 2024-03 or maart 2024"));
		} else if (ev->kind == EV_PASTE) {
			tb_insert(tb, ev->text, ev->len, false);
		} else {
			return false;
		}
		break;
	default:
		return false;
	}
	if (tb->version != ver) {
		if (a->form.editing_item)
			store_item_part(a);
		else
			store_text(a);
	}
	a->dirty = true;
	return true;
}

static void choice_key(app *a, const std_field *f, action act, const tui_event *ev)
{
	switch (act) {
	case A_UP:
		if (a->form.sel > 0)
			a->form.sel--;
		break;
	case A_DOWN:
		if (a->form.sel + 1 < f->nvalues)
			a->form.sel++;
		break;
	case A_SELECT:
	case A_SELECT_NEXT:
		if (f->nvalues == 0)
			break;
		if (f->kind == FK_CHOICE) {
			const char *t = desc_text(a->form.d, f);
			if (!t || strcmp(t, f->values[a->form.sel]))
				set_value(a, ynode_new_str(f->values[a->form.sel], strlen(f->values[a->form.sel]), 0, 0));
		} else {
			const ynode *v = desc_get(a->form.d, f);
			ynode *seq = ynode_new(Y_SEQ, 0, 0);
			bool had = false;
			/* Ticked values stay in the standard's order. */
			for (size_t i = 0; i < f->nvalues; i++) {
				bool on = false;
				for (size_t k = 0; v && v->type == Y_SEQ && k < v->n; k++)
					if (v->kids[k]->type == Y_STR && !strcmp(v->kids[k]->str, f->values[i]))
						on = true;
				if (i == a->form.sel) {
					had = on;
					on = !on;
				}
				if (on)
					ynode_push(seq, ynode_new_str(f->values[i], strlen(f->values[i]), 0, 0));
			}
			(void)had;
			if (seq->n == 0)
				ynode_free(&seq);
			set_value(a, seq);
		}
		if (act == A_SELECT_NEXT)
			next_field(a);
		break;
	case A_CLEAR:
		if (desc_get(a->form.d, f))
			set_value(a, NULL);
		break;
	case A_UNDO:
		if (!value_undo(a, false))
			app_status(a, false, "%s", _("Nothing to undo in this field."));
		break;
	case A_REDO:
		if (!value_undo(a, true))
			app_status(a, false, "%s", _("Nothing to redo."));
		break;
	case A_NONE:
		/* A letter jumps to the next value that starts with it. */
		if (ev->kind == EV_CHAR && ev->ch < 0x80 && isalnum((int)ev->ch)) {
			for (size_t k = 1; k <= f->nvalues; k++) {
				size_t i = (a->form.sel + k) % f->nvalues;
				if (tolower((unsigned char)f->values[i][0]) == tolower((int)ev->ch)) {
					a->form.sel = i;
					break;
				}
			}
		}
		break;
	default:
		break;
	}
	a->dirty = true;
}

static void items_key(app *a, const std_field *f, action act)
{
	size_t n = nitems(a);
	const ynode *v = desc_get(a->form.d, f);
	switch (act) {
	case A_UP:
		if (a->form.sel > 0)
			a->form.sel--;
		break;
	case A_DOWN:
		if (a->form.sel < n)
			a->form.sel++;
		break;
	case A_ITEM_ADD:
	case A_ITEM_EDIT:
		if (act == A_ITEM_ADD)
			a->form.sel = n;
		a->form.item_new = a->form.sel >= n;
		if (a->form.item_new) {
			vs_push(&vundo, v);
			a->form.sel = n;
		}
		a->form.editing_item = true;
		a->form.item_part = 0;
		a->form.sugg_sel = 0;
		load_item_part(a);
		break;
	case A_ITEM_DELETE:
		if (a->form.sel < n) {
			remove_item(a, a->form.sel);
			if (a->form.sel > 0 && a->form.sel >= nitems(a))
				a->form.sel = nitems(a);
			app_status(a, false, "%s", _("Item removed. Ctrl-Z brings it back."));
		}
		break;
	case A_ITEM_UP:
	case A_ITEM_DOWN: {
		size_t other = act == A_ITEM_UP ? a->form.sel - 1 : a->form.sel + 1;
		if (a->form.sel >= n || (act == A_ITEM_UP && a->form.sel == 0) || other >= n)
			break;
		ynode *c = ynode_copy(v);
		ynode *t = c->kids[a->form.sel];
		c->kids[a->form.sel] = c->kids[other];
		c->kids[other] = t;
		set_value(a, c);
		a->form.sel = other;
		break;
	}
	case A_UNDO:
		if (!value_undo(a, false))
			app_status(a, false, "%s", _("Nothing to undo in this field."));
		break;
	case A_REDO:
		value_undo(a, true);
		break;
	default:
		break;
	}
	a->dirty = true;
}

size_t app_item_suggestions(const app *a, size_t *out, size_t max)
{
	if (!a->form.d || !a->form.editing_item || cur_field(a)->kind != FK_ITEMS)
		return 0;
	const std_subfield *sf = &cur_field(a)->items[a->form.item_part];
	/* char ** to const char *const *: C does not convert it unasked. */
	return suggest_matches((const char *const *)sf->suggestions, sf->nsuggestions, a->form.tb.s, out, max);
}

static void item_edit_key(app *a, action act, const tui_event *ev)
{
	size_t m[APP_MAX_SUGGESTIONS];
	size_t nm = app_item_suggestions(a, m, APP_MAX_SUGGESTIONS);
	switch (act) {
	case A_ITEM_PART:
		tb_seal(&a->form.tb);
		a->form.item_part = (a->form.item_part + 1) % cur_field(a)->nitems;
		a->form.sugg_sel = 0;
		load_item_part(a);
		a->dirty = true;
		return;
	case A_DOWN:
	case A_UP:
		/* Through the suggestions shown under the part. */
		if (act == A_DOWN && a->form.sugg_sel < nm)
			a->form.sugg_sel++;
		else if (act == A_UP && a->form.sugg_sel > 0)
			a->form.sugg_sel--;
		a->dirty = true;
		return;
	case A_ITEM_DONE:
		if (a->form.sugg_sel > 0 && a->form.sugg_sel <= nm) {
			/* The suggestion replaces what was typed, as one undo step. */
			const char *s = cur_field(a)->items[a->form.item_part].suggestions[m[a->form.sugg_sel - 1]];
			tb_seal(&a->form.tb);
			tb_home(&a->form.tb, 1 << 20);
			tb_delete_to_eol(&a->form.tb);
			tb_insert(&a->form.tb, s, strlen(s), false);
			a->form.sugg_sel = 0;
			store_item_part(a);
			return;
		}
		finish_item(a);
		return;
	case A_CANCEL:
		if (a->form.sugg_sel) {
			a->form.sugg_sel = 0;
			a->dirty = true;
			return;
		}
		finish_item(a);
		return;
	default: {
		unsigned long ver = a->form.tb.version;
		text_edit(a, act, ev, 1 << 20);
		if (a->form.tb.version != ver)
			a->form.sugg_sel = 0;
		return;
	}
	}
}

/* ---- overlays ---- */

/* The form's keys (form_view.handle): the walk between fields, saving,
 * the guidance, then the field's own widget. */
void form_handle(app *a, const tui_event *ev, action act)
{
	if (review_form_key(a, act))
		return;
	const std_field *f = cur_field(a);
	switch (act) {
	case A_HELP:
		app_help_open(a, app_context(a));
		return;
	case A_SAVE:
		form_save(a);
		return;
	case A_QUIT:
		/* Back to the saved text by undo: nothing to ask, and the journal
		 * this session wrote holds nothing the file does not. */
		if (a->form.modified)
			a->dlg.ov = OV_QUIT;
		else
			form_close(a, a->form.journaled);
		a->dirty = true;
		return;
	case A_NEXT_FIELD: next_field(a); return;
	case A_PREV_FIELD: prev_field(a); return;
	case A_NEXT_SECTION: section_step(a, 1); return;
	case A_PREV_SECTION: section_step(a, -1); return;
	case A_NEXT_PROBLEM: next_problem(a); return;
	case A_JUMP:
		a->dlg.ov = OV_JUMP;
		tb_set(&a->dlg.prompt, "", 0);
		a->dlg.prompt_sel = 0;
		a->dirty = true;
		return;
	case A_SPELL:
		spell_ui_open(a);
		return;
	case A_LINKS:
		quality_ui_links(a);
		a->dirty = true;
		return;
	case A_REVIEW: {
		char *slug = persist_store_slug(a->form.path);
		if (slug)
			review_open(a, persist_store_current(), slug, NULL);
		else
			app_status(a, true, "%s", _("the review needs a drafts repository; open the editor without a file name"));
		free(slug);
		a->dirty = true;
		return;
	}
	case A_GUIDE:
		/* Where the layout has room for guidance beside or below the field
		 * the key hides or shows it; otherwise it shows it full size. The
		 * painter reads the same layout, so the key never flips what the
		 * user cannot see. */
		if (a->lay.guide_right_fits || a->lay.guide_below_fits) {
			a->form.guide_hidden = !a->form.guide_hidden;
		} else {
			a->dlg.ov = OV_GUIDE;
			a->dlg.help_top = 0;
		}
		a->dirty = true;
		return;
	case A_GUIDE_FULL:
		a->dlg.ov = OV_GUIDE;
		a->dlg.help_top = 0;
		a->dirty = true;
		return;
	case A_GUIDE_DOWN:
		a->form.guide_top += 3;
		a->dirty = true;
		return;
	case A_GUIDE_UP:
		a->form.guide_top = a->form.guide_top > 3 ? a->form.guide_top - 3 : 0;
		a->dirty = true;
		return;
	default:
		break;
	}
	if (a->form.editing_item) {
		item_edit_key(a, act, ev);
		return;
	}
	switch (f->kind) {
	case FK_CHOICE:
	case FK_MULTI:
		choice_key(a, f, act, ev);
		return;
	case FK_ITEMS:
		items_key(a, f, act);
		return;
	default:
		if (!text_edit(a, act, ev, a->form.text_width) && ev->kind == EV_KEY && act == A_NONE)
			app_status(a, false, "%s", _("That key does nothing here; Ctrl-G lists the keys."));
		return;
	}
}

/* ---- painting ---- */

static const std_field *cur(const app *a)
{
	return &a->std->fields[a->form.field];
}

static void left_panel(const app *a, int top, int h, int w)
{
	typedef struct row { const char *text; const std_field *f; size_t sec; } row;
	row rows[128];
	int n = 0, cur_row = 0;
	size_t cs = cur(a)->section;
	for (size_t s = 0; s < a->std->nsections && n < 120; s++) {
		rows[n++] = (row){ a->std->sections[s].label[a->lang], NULL, s };
		if (s != cs)
			continue;
		const std_section *sec = &a->std->sections[s];
		for (size_t i = sec->first; i < sec->first + sec->count && n < 120; i++) {
			if (i == a->form.field)
				cur_row = n;
			rows[n++] = (row){ a->std->fields[i].label[a->lang], &a->std->fields[i], s };
		}
	}
	int first = 0;
	if (cur_row >= h)
		first = cur_row - h + 1;
	for (int r = first; r < n && r - first < h; r++) {
		int y = top + r - first;
		const row *rw = &rows[r];
		if (!rw->f) {
			size_t total, filled = section_filled(a->form.d, rw->sec, &total);
			char cnt[32];
			snprintf(cnt, sizeof cnt, " %zu/%zu", filled, total);
			const char *arrow = rw->sec == cs ? (a->utf8 ? "▾ " : "v ") : (a->utf8 ? "▸ " : "> ");
			int x = puts_at(a, y, 0, w, arrow, A_BOLD);
			int cw = (int)strlen(cnt);
			x += put_cut(a, y, x, w - x - cw, rw->text, A_BOLD);
			puts_at(a, y, w - cw, cw, cnt, 0);
			continue;
		}
		bool is_cur = rw->f->index == a->form.field;
		field_mark m = app_field_mark(a, rw->f);
		attr_t sel = is_cur ? A_REVERSE : 0;
		if (is_cur)
			fill(y, 0, w, A_REVERSE);
		puts_at(a, y, 0, 2, is_cur ? ">" : " ", sel | A_BOLD);
		puts_at(a, y, 1, 1, marker(a, m), sel | mark_attr(a, m));
		if (review_notes_count(rw->f->key))
			puts_at(a, y, 2, 1, glyph(a, G_NOTE), sel | A_BOLD);
		put_cut(a, y, 3, w - 3, rw->text, sel);
	}
}

/* The lines of this field's findings, most severe first. */
static int field_findings(const app *a, const std_field *f, const finding **out, int max)
{
	int n = 0;
	for (int sev = SEV_ERROR; sev <= SEV_NOTE; sev++)
		for (size_t i = 0; i < a->form.fs.n && n < max; i++)
			if (a->form.fs.v[i].field == f && (int)a->form.fs.v[i].sev == sev)
				out[n++] = &a->form.fs.v[i];
	return n;
}

/* The layout of a text at width w. It is a memo kept in the textbuf (for
 * the width and version last asked): filling it changes nothing the user
 * sees, so the painter, which changes no state, may fill it. */
static const tb_line *layout_memo(const textbuf *t, int w, size_t *n)
{
	return tb_layout((textbuf *)t, w, n);
}

/* The guidance of f as one text: what to write, tips, example, limits. */
static void guidance_text(app *a, const std_field *f)
{
	const std_guidance *g = &f->guide[a->lang];
	strbuf b = STRBUF_INIT;
	/* Open comments and suggestions first: answered where one writes,
	 * under their own heading (the pane's); the guidance after them under
	 * its own. */
	if (a->form.banner && !a->tutor)
		sb_printf(&b, "%s\n\n", a->form.banner);
	review_notes_text(a, f->key, &b);
	if (b.len)
		sb_printf(&b, "%s\n", _("Guidance:"));
	if (g->what)
		sb_printf(&b, "%s\n", g->what);
	for (size_t i = 0; i < g->ntips; i++)
		sb_printf(&b, "%s %s\n", a->utf8 ? "•" : "-", g->tips[i]);
	if (g->example)
		sb_printf(&b, "%s\n%s\n", _("Example:"), g->example);
	if (f->max_length && f->kind != FK_MONTH)
		sb_printf(&b, _("At most %d characters, counted as the register counts them."), f->max_length);
	else if (f->kind == FK_MONTH)
		sb_adds(&b, _("Year and month, e.g. 2024-03."));
	if (f->max_length)
		sb_addc(&b, ' ');
	if (f->required)
		sb_adds(&b, _("The register requires this field."));
	else if (f->show_always)
		sb_adds(&b, _("Optional, but the register always shows it, also when empty."));
	else
		sb_adds(&b, _("Optional; the register shows it only when filled."));
	tb_set(&a->form.guide, b.s, b.len);
	sb_done(&b);
}

/* The guidance of f in h rows from y, from row skip; skip < 0: the pane
 * beside or below the field, which scrolls by a->form.guide_top and says in its
 * heading when there is more, and which key shows it. */
void form_guidance_build(app *a)
{
	const std_field *f = cur(a);
	/* In the tutor the pane holds the lesson (tutor.c), comments included. */
	if ((!a->tutor && review_notes_sync(a)) || a->form.guide_field != f || a->form.guide_lang != a->lang) {
		guidance_text(a, f);
		a->form.guide_field = f;
		a->form.guide_lang = a->lang;
	}
}

/* The first row the guidance pane may start at, for w columns and h rows
 * (its heading included). */
static size_t guide_max_top(const app *a, int w, int h)
{
	if (w < 1)
		return 0;
	size_t total;
	layout_memo(&a->form.guide, w, &total);
	size_t rows = h > 1 ? (size_t)(h - 1) : 0;
	return total > rows ? total - rows : 0;
}

void form_guidance(const app *a, int y, int x, int w, int h, int skip)
{
	bool notes = !a->tutor && (a->form.banner || review_notes_count(cur(a)->key));
	int hx = puts_at(a, y, x, w, notes ? _("Reviewer's comments") : _("Guidance"), A_BOLD | A_UNDERLINE);
	if (skip < 0 && w > 0) {
		/* form_settle kept guide_top within the text. */
		size_t max_top = guide_max_top(a, w, h);
		skip = (int)a->form.guide_top;
		const char *more = a->form.guide_top < max_top ? (a->form.guide_top ? _(" (more: Alt-PgDn, back: Alt-PgUp)") : _(" (more: Alt-PgDn)"))
		                   : a->form.guide_top ? _(" (back: Alt-PgUp)") : NULL;
		if (more)
			puts_at(a, y, x + hx, w - hx, more, A_DIM);
	}
	wrapped_tb(a, y + 1, x, w, h - 1, skip, &a->form.guide, 0);
}

int form_guidance_rows(const app *a, const std_field *f, int w)
{
	const std_guidance *g = &f->guide[a->lang];
	int n = 2 + wrapped_rows(g->what, w) + 2;
	for (size_t i = 0; i < g->ntips; i++)
		n += wrapped_rows(g->tips[i], w - 2);
	if (g->example)
		n += 1 + wrapped_rows(g->example, w);
	return n;
}

static bool in_marks(const app *a, size_t off)
{
	for (size_t i = 0; i < a->form.nmarks; i++)
		if (off >= a->form.marks[i].start && off < a->form.marks[i].end)
			return true;
	return false;
}

/* The text editor's rows; sets the cursor position. */
static void text_area(const app *a, int y, int x, int w, int h, int *cy, int *cx)
{
	const textbuf *tb = &a->form.tb;
	int tw = w - 1 > 1 ? w - 1 : 1;
	size_t n, row;
	int col;
	layout_memo(tb, tw, &n);
	tb_cursor_pos((textbuf *)tb, tw, &row, &col); /* reads the memo */
	const tb_line *l = tb->lines;
	/* form_settle scrolled text_top so that the cursor row is shown. */
	for (size_t r = a->form.text_top; r < n && r < a->form.text_top + (size_t)h; r++) {
		int yy = y + (int)(r - a->form.text_top);
		if (!a->form.nmarks) {
			put_text(a, yy, x, w, tb->s + l[r].start, l[r].end - l[r].start, 0);
			continue;
		}
		/* Underline the spans the spell-checker marked, cluster by cluster. */
		int used = 0;
		for (size_t p = l[r].start; p < l[r].end;) {
			size_t k = tb_next_cluster(tb->s, tb->len, p);
			if (p + k > l[r].end)
				k = l[r].end - p;
			used += put_text(a, yy, x + used, w - used, tb->s + p, k,
			                 in_marks(a, p) ? A_UNDERLINE | pair_attr(a, P_ERROR) : 0);
			p += k;
		}
	}
	*cy = row >= a->form.text_top && row < a->form.text_top + (size_t)h ? y + (int)(row - a->form.text_top) : -1;
	*cx = x + (col < w ? col : w - 1);
}

/* A hint on the box's border, whole or not at all: the first of the
 * texts (longest first, NULL-ended) that fits in w columns (a hint cut
 * off under the counter, "Tab: volgend v─0/2500", reads as nonsense). */
static void border_hint(const app *a, int y, int x, int w, const char *const *texts)
{
	for (; *texts; texts++)
		if (tb_text_width(*texts, strlen(*texts)) <= w) {
			puts_at(a, y, x, w, *texts, A_DIM);
			return;
		}
}

static void choice_area(const app *a, const std_field *f, int y, int x, int w, int h)
{
	const ynode *v = desc_get(a->form.d, f);
	size_t top = a->form.sel >= (size_t)h ? a->form.sel - (size_t)h + 1 : 0;
	for (size_t i = top; i < f->nvalues && i < top + (size_t)h; i++) {
		bool on = false;
		if (f->kind == FK_CHOICE)
			on = v && v->type == Y_STR && !strcmp(v->str, f->values[i]);
		else
			for (size_t k = 0; v && v->type == Y_SEQ && k < v->n; k++)
				on |= v->kids[k]->type == Y_STR && !strcmp(v->kids[k]->str, f->values[i]);
		const char *box = f->kind == FK_CHOICE ? (on ? "(•) " : "( ) ") : (on ? "[x] " : "[ ] ");
		if (f->kind == FK_CHOICE && !a->utf8 && on)
			box = "(*) ";
		attr_t at = i == a->form.sel ? A_REVERSE : 0;
		int yy = y + (int)(i - top);
		if (i == a->form.sel)
			fill(yy, x, w, at);
		int xx = puts_at(a, yy, x, w, i == a->form.sel ? ">" : " ", at | A_BOLD);
		xx += puts_at(a, yy, x + xx, w - xx, box, at | (on ? A_BOLD : 0));
		puts_at(a, yy, x + xx, w - xx, f->values[i], at | (on ? A_BOLD : 0));
	}
}

static void items_area(const app *a, const std_field *f, int y, int x, int w, int h, int *cy, int *cx)
{
	const ynode *v = desc_get(a->form.d, f);
	size_t n = v && v->type == Y_SEQ ? v->n : 0;
	int row = 0;
	/* Scrolled only as far as the highlighted item (all its rows while it
	 * is edited) needs: item 1 stays in view while a row is free. */
	size_t sel_rows = a->form.editing_item ? f->nitems : 1;
	size_t top = a->form.sel + sel_rows > (size_t)h ? a->form.sel + sel_rows - (size_t)h : 0;
	for (size_t i = top; i <= n && row < h; i++) {
		attr_t at = i == a->form.sel && !a->form.editing_item ? A_REVERSE : 0;
		if (at)
			fill(y + row, x, w, at);
		if (i == n) {
			if (!(a->form.editing_item && a->form.sel == n))
			{
				int ax = puts_at(a, y + row, x, w, i == a->form.sel ? ">" : " ", at | A_BOLD);
				puts_at(a, y + row++, x + ax, w - ax, _("+ add an item (Enter)"), at);
			}
			if (!a->form.editing_item || a->form.sel != n)
				continue;
		}
		const ynode *it = i < n ? v->kids[i] : NULL;
		char num[16];
		snprintf(num, sizeof num, "%zu. ", i + 1);
		int xx = puts_at(a, y + row, x, w, i == a->form.sel ? ">" : " ", at | A_BOLD);
		xx += puts_at(a, y + row, x + xx, w - xx, num, at);
		for (size_t k = 0; k < f->nitems; k++) {
			const char *t = ynode_str(ynode_get(it, f->items[k].key));
			if (a->form.editing_item && a->form.sel == i) {
				if (k > 0)
					row++;
				if (row >= h)
					break;
				const char *lab = f->items[k].label[a->lang];
				int lx = puts_at(a, y + row, x + xx, w - xx, lab, A_BOLD);
				lx += puts_at(a, y + row, x + xx + lx, w - xx - lx, ": ", A_BOLD);
				int ex = x + xx + lx, ew = w - xx - lx;
				if (k == a->form.item_part) {
					/* The part being edited scrolls to keep the cursor in view. */
					int col = tb_text_width(a->form.tb.s, a->form.tb.cur);
					size_t start = 0;
					while (col >= ew - 1 && start < a->form.tb.cur) {
						size_t nk = tb_next_cluster(a->form.tb.s, a->form.tb.len, start);
						col -= tb_text_width(a->form.tb.s + start, nk);
						start += nk;
					}
					put_text(a, y + row, ex, ew, a->form.tb.s + start, a->form.tb.len - start, A_UNDERLINE);
					*cy = y + row;
					*cx = ex + col;
					/* The register's known names for this part, as
					 * completions: ↓ ↑ highlight one, Enter takes it. */
					size_t m[APP_MAX_SUGGESTIONS];
					size_t nm = app_item_suggestions(a, m, APP_MAX_SUGGESTIONS);
					const std_subfield *sf = &f->items[k];
					/* Under the label, with the width of the box. */
					int sx = x + xx, sw = w - xx;
					if (nm && row + 1 < h) {
						row++;
						puts_at(a, y + row, sx, sw, _("Suggestions (↓ ↑ choose, Enter takes it):"), A_DIM);
					}
					for (size_t s = 0; s < nm && row + 1 < h; s++) {
						row++;
						attr_t sa = s + 1 == a->form.sugg_sel ? A_REVERSE : 0;
						if (sa)
							fill(y + row, sx, sw, sa);
						put_cut(a, y + row, sx + 2, sw - 2, sf->suggestions[m[s]], sa);
					}
				} else if (t) {
					puts_at(a, y + row, ex, ew, t, 0);
				}
			} else {
				if (k > 0)
					xx += puts_at(a, y + row, x + xx, w - xx, " — ", at);
				xx += puts_at(a, y + row, x + xx, w - xx, t ? t : "…", at);
			}
		}
		row++;
	}
}

/* Where the form's parts go in the field column (see form_geom in app.h):
 * the box's rows are what the field wants, within the room there is. */

static void form_geometry(const app *a, form_geom *g)
{
	const layout *l = &a->lay;
	const std_field *f = cur(a);
	g->top = l->body_top;
	g->h = l->body_h;
	g->x = l->main_x;
	g->w = l->main_w;
	g->guide_below = l->guide_shown && l->guide_below_fits;
	int w = g->w;
	const finding *fnd[8];
	int nf = field_findings(a, f, fnd, 8);
	g->frows = 0;
	for (int i = 0; i < nf; i++)
		g->frows += wrapped_rows(fnd[i]->msg, w - 2);
	if (g->frows > 4)
		g->frows = 4;
	int avail = g->h - 1;
	int want;
	switch (f->kind) {
	case FK_RICH: {
		size_t nl;
		layout_memo(&a->form.tb, w - 3 > 1 ? w - 3 : 1, &nl);
		want = (int)nl + 1 < 6 ? 6 : (int)nl + 1;
		break;
	}
	case FK_CHOICE:
	case FK_MULTI: want = (int)f->nvalues; break;
	case FK_ITEMS: {
		const ynode *v = desc_get(a->form.d, f);
		size_t nit = v && v->type == Y_SEQ ? v->n : 0;
		want = (int)nit + 1 + (a->form.editing_item ? (int)f->nitems : 0);
		size_t sm[APP_MAX_SUGGESTIONS];
		size_t ns = app_item_suggestions(a, sm, APP_MAX_SUGGESTIONS);
		if (ns)
			want += (int)ns + 1;
		break;
	}
	case FK_TEXT:
	case FK_LINK:
	case FK_CONTACT: {
		/* One row, growing as the text wraps, so that a long name or
		 * address is seen whole while it is typed: as far as the room
		 * there is, or four rows where the guidance is below. */
		size_t nl;
		layout_memo(&a->form.tb, w - 3 > 1 ? w - 3 : 1, &nl);
		size_t cap = g->guide_below ? 4 : nl;
		want = nl > cap ? (int)cap : nl < 1 ? 1 : (int)nl;
		break;
	}
	default: want = 1; break;
	}
	int max_ed = avail - 2 - g->frows - (g->guide_below ? 6 : 0);
	if (f->kind == FK_RICH && g->guide_below && max_ed > 10)
		max_ed = 10;
	g->ed = want < max_ed ? want : max_ed;
	if (g->ed < 1)
		g->ed = 1;
	g->fy = g->top + 1;
	g->gy = g->fy + g->ed + 2 + g->frows;
	g->gh = g->top + g->h - g->gy;
}

static void middle(const app *a, const form_geom *g, int *cy, int *cx)
{
	const std_field *f = cur(a);
	int top = g->top, x = g->x, w = g->w, ed = g->ed, frows = g->frows;
	bool guide_below = g->guide_below;
	const std_section *sec = &a->std->sections[f->section];
	char crumb[256];
	snprintf(crumb, sizeof crumb, _("Section %zu/%zu %s · field %zu/%zu"), f->section + 1,
	         a->std->nsections, sec->label[a->lang], f->index - sec->first + 1, sec->count);
	puts_at(a, top, x, w, crumb, A_DIM);
	const finding *fnd[8];
	int nf = field_findings(a, f, fnd, 8);
	size_t nit = 0;
	if (f->kind == FK_ITEMS) {
		const ynode *v = desc_get(a->form.d, f);
		nit = v && v->type == Y_SEQ ? v->n : 0;
	}

	/* The frame: label on top, counter below. */
	int fy = top + 1;
	frame(fy, x, w, ed + 2);
	int lx = x + 2;
	lx += puts_at(a, fy, lx, w - 4, " ", 0);
	lx += puts_at(a, fy, lx, w - 6, f->label[a->lang], A_BOLD);
	const char *tag = f->required ? _("required") : f->show_always ? _("always shown") : _("optional");
	lx += puts_at(a, fy, lx, x + w - 2 - lx, " · ", 0);
	lx += puts_at(a, fy, lx, x + w - 2 - lx, tag, f->required ? A_BOLD : 0);
	puts_at(a, fy, lx, x + w - 2 - lx, " ", 0);

	if (app_field_is_text(f)) {
		text_area(a, fy + 1, x + 1, w - 2, ed, cy, cx);
		int cw = 0;
		if (f->max_length && f->kind != FK_MONTH) {
			size_t count = a->form.len_cache.f == f && a->form.len_cache.version == a->form.tb.version
			                       ? a->form.len_cache.count
			                       : field_register_length(a->form.d, f, a->form.tb.s, a->form.tb.len);
			char cnt[96];
			bool over = count > (size_t)f->max_length;
			if (over)
				snprintf(cnt, sizeof cnt, _(" ! %zu/%d, %zu too many "), count, f->max_length,
				         count - (size_t)f->max_length);
			else
				snprintf(cnt, sizeof cnt, " %zu/%d ", count, f->max_length);
			cw = tb_text_width(cnt, strlen(cnt));
			puts_at(a, fy + ed + 1, x + w - 2 - cw, cw, cnt,
			        over ? pair_attr(a, P_ERROR) | A_BOLD | A_REVERSE : 0);
		}
		if (f->kind == FK_RICH && !a->form.editing_item) {
			const char *hints[] = { _(" Enter: new line · Tab: next field "), _(" Enter: new line "), NULL };
			border_hint(a, fy + ed + 1, x + 2, w - 5 - cw, hints);
		}
	} else if (f->kind == FK_CHOICE || f->kind == FK_MULTI) {
		choice_area(a, f, fy + 1, x + 1, w - 2, ed);
		/* How many are ticked, always in sight: the ticks may be
		 * scrolled out of the box. */
		int cw = 0;
		if (f->kind == FK_MULTI) {
			const ynode *v = desc_get(a->form.d, f);
			size_t on = v && v->type == Y_SEQ ? v->n : 0;
			char cnt[64];
			snprintf(cnt, sizeof cnt, P_(" %zu chosen ", " %zu chosen ", on), on);
			cw = tb_text_width(cnt, strlen(cnt));
			puts_at(a, fy + ed + 1, x + w - 2 - cw, cw, cnt, on ? A_BOLD : 0);
		}
		const char *choice_hints[] = { _(" ↑↓ move · Enter: choose and go on "), _(" Enter: choose "), NULL };
		const char *multi_hints[] = { _(" ↑↓ move · Space: tick · Enter: next field "), _(" Space: tick · Enter: next "),
			                      _(" Space: tick "), NULL };
		border_hint(a, fy + ed + 1, x + 2, w - 5 - cw, f->kind == FK_CHOICE ? choice_hints : multi_hints);
	} else if (f->kind == FK_ITEMS) {
		items_area(a, f, fy + 1, x + 1, w - 2, ed, cy, cx);
		char cnt[64];
		snprintf(cnt, sizeof cnt, P_(" %zu item ", " %zu items ", nit), nit);
		int cw = tb_text_width(cnt, strlen(cnt));
		puts_at(a, fy + ed + 1, x + w - 2 - cw, cw, cnt, 0);
	}

	/* Live findings right under the field. */
	int y = fy + ed + 2;
	int used = 0;
	for (int i = 0; i < nf && used < frows; i++) {
		const char *m = fnd[i]->sev == SEV_ERROR ? "!" : fnd[i]->sev == SEV_WARNING ? "?" : "~";
		attr_t at = fnd[i]->sev == SEV_ERROR ? pair_attr(a, P_ERROR) | A_BOLD
		            : fnd[i]->sev == SEV_WARNING ? pair_attr(a, P_WARN) : 0;
		puts_at(a, y + used, x, 2, m, at);
		used += wrapped(a, y + used, x + 2, w - 2, frows - used, 0, fnd[i]->msg, at);
	}
	if (guide_below && g->gh >= 3) {
		mvhline(g->gy, x, ACS_HLINE, w);
		form_guidance(a, g->gy + 1, x, w, g->gh - 1, -1);
	}
}

/* form_view.draw: the title bar, the field list, the field and its guidance. */
void form_draw(const app *a, int *cy, int *cx)
{
	size_t rf, rt, af, at, errors;
	app_progress(a, &rf, &rt, &af, &at, &errors);
	/* First the register's own completeness score, in its colours. */
	int score = quality_ui_score(a);
	char chip[64] = "";
	if (score >= 0) {
		quality_ui_label(score, chip, sizeof chip);
		strcat(chip, " · ");
	}
	char right[220];
	snprintf(right, sizeof right, "%s", chip);
	snprintf(right + strlen(right), sizeof right - strlen(right),
	         P_("required %zu/%zu · always shown %zu/%zu · %zu error", "required %zu/%zu · always shown %zu/%zu · %zu errors",
	            errors),
	         rf, rt, af, at, errors);
	/* The title names the description as its writer does: its name, or
	 * while it has none the name it was made with. A file name only where
	 * the editor was opened on a file. */
	const char *base = strrchr(a->form.path, '/');
	base = base ? base + 1 : a->form.path;
	bool drafts = a->list.repo || strstr(a->form.path, "/algoritmes/"); /* a repository's, or the tutor's */
	size_t blen = drafts && str_ends(base, ".yaml") ? strlen(base) - 5 : strlen(base);
	const std_field *nf = standard_field(a->std, "name");
	const char *name = drafts && nf && a->form.d ? desc_text(a->form.d, nf) : NULL;
	char *shown = name && *name ? esc_dup(name, 0) : xstrndup(base, blen);
	if (strlen(shown) > 200)
		shown[200] = '\0';
	char rest[120];
	snprintf(rest, sizeof rest, P_("required %zu/%zu · %zu error", "required %zu/%zu · %zu errors", errors), rf, rt,
	         errors);
	/* The short form (score, required, errors) stays in view: a long name
	 * (over 20 columns) is cut at its end to make room, "(not saved)" kept
	 * whole; a short one is shown whole. */
	const char *unsaved = a->form.modified ? _(" (not saved)") : "";
	int room = a->cols - 5 - tb_text_width(chip, strlen(chip)) - tb_text_width(rest, strlen(rest)) -
	           tb_text_width("algedit · ", strlen("algedit · ")) - tb_text_width(unsaved, strlen(unsaved));
	int namew = tb_text_width(shown, strlen(shown));
	if (namew > 20 && room >= 10 && namew > room) {
		size_t n = strlen(shown), end = 0;
		int used = 0;
		while (end < n) {
			size_t k = tb_next_cluster(shown, n, end);
			int cw = tb_text_width(shown + end, k);
			if (!k || used + cw > room - 1)
				break;
			used += cw;
			end += k;
		}
		while (end > 0 && shown[end - 1] == ' ')
			end--;
		char *cut = xasprintf("%.*s%s", (int)end, shown, glyph(a, G_ELLIPSIS));
		free(shown);
		shown = cut;
	}
	char left[300];
	snprintf(left, sizeof left, "algedit · %s%s", shown, unsaved);
	free(shown);
	char right2[160];
	/* Where the name still leaves no room for the short form with the
	 * score, the score gives way to the required fields and the errors. */
	int tw = tb_text_width(left, strlen(left));
	if (1 + (tw < a->cols - 2 ? tw : a->cols - 2) + 3 + tb_text_width(chip, strlen(chip)) +
	            tb_text_width(rest, strlen(rest)) >= a->cols)
		chip[0] = '\0';
	snprintf(right2, sizeof right2, "%s%s", chip, rest);
	int rx, which = title_bar(a, left, right, right2, &rx);
	quality_ui_paint_title(a, which == 1 || (which == 2 && chip[0]), rx, score);

	const layout *l = &a->lay;
	int top = l->body_top, h = l->body_h;
	int lw = l->side_w;
	if (lw) {
		left_panel(a, top, h, lw - 1);
		mvvline(top, lw - 1, ACS_VLINE, h);
	}
	int x = l->main_x, w = l->main_w;
	if (l->guide_shown && l->guide_right_fits) {
		mvvline(top, x + w + 1, ACS_VLINE, h);
		form_guidance(a, top, l->guide_x, l->guide_w, h, -1);
	}
	middle(a, &a->form.geom, cy, cx);
}

/* Before the painter, once per turn: what the painter would otherwise
 * change while it draws (so that it changes no state): the guidance text
 * of the field, the text's wrap width and the row it is scrolled to (the
 * cursor's row in view), the guidance pane's scroll within its text. */
void form_settle(app *a)
{
	if (!a->form.d)
		return;
	form_guidance_build(a);
	form_geometry(a, &a->form.geom);
	const form_geom g = a->form.geom;
	const std_field *f = cur(a);
	if (app_field_is_text(f) && !a->form.editing_item) {
		int tw = g.w - 3 > 1 ? g.w - 3 : 1;
		a->form.text_width = tw;
		size_t n, row;
		int col;
		tb_layout(&a->form.tb, tw, &n);
		tb_cursor_pos(&a->form.tb, tw, &row, &col);
		size_t h = (size_t)g.ed;
		if (row < a->form.text_top)
			a->form.text_top = row;
		if (row >= a->form.text_top + h)
			a->form.text_top = row - h + 1;
		if (a->form.text_top + h > n)
			a->form.text_top = n > h ? n - h : 0;
	}
	const layout *l = &a->lay;
	size_t max_top = 0;
	if (l->guide_shown && l->guide_right_fits)
		max_top = guide_max_top(a, l->guide_w, l->body_h);
	else if (l->guide_shown && l->guide_below_fits && g.gh >= 3)
		max_top = guide_max_top(a, g.w, g.gh - 1);
	if (a->form.guide_top > max_top)
		a->form.guide_top = max_top;
}

void form_forget_undo(void)
{
	vs_free(&vundo);
	vs_free(&vredo);
}

const view form_view = { app_context, form_handle, form_draw };
