/* app: the form's state and its handlers. A handler changes the model (the
 * description, the text buffer, the selection), recomputes the findings and
 * marks the screen dirty; it never paints, so the same handlers run in the
 * bench without a terminal. Every change to a field goes into the
 * description at once, so the findings, the journal and a save always see
 * what is on screen. */
#include "config.h"
#include "tui/app.h"
#include "tui/persist.h"
#include "forms/progress.h"
#include "forms/rules.h"
#include "forms/suggest.h"
#include "base/base.h"
#include "i18n/i18n.h"

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
	for (size_t i = 0; a->saved_vals && i < a->std->nfields; i++)
		ynode_free(&a->saved_vals[i]);
	xfree(&a->saved_vals);
}

static void saved_remember(app *a)
{
	saved_forget(a);
	a->saved_vals = xcalloc(a->std->nfields, sizeof *a->saved_vals);
	for (size_t i = 0; i < a->std->nfields; i++)
		a->saved_vals[i] = ynode_copy(a->d->vals[i]);
}

static bool same_as_saved(const app *a)
{
	if (!a->saved_vals)
		return false;
	for (size_t i = 0; i < a->std->nfields; i++)
		if (!ynode_equal(a->d->vals[i], a->saved_vals[i]))
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

long long app_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void app_status(app *a, bool error, const char *fmt, ...)
{
	free(a->status);
	a->status = NULL;
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		strbuf b = STRBUF_INIT;
		char tmp[1024];
		vsnprintf(tmp, sizeof tmp, fmt, ap);
		sb_adds(&b, tmp);
		a->status = sb_take(&b);
		va_end(ap);
	}
	a->status_error = error;
	a->status_tip = false;
	a->status_field = a->field;
	a->dirty = true;
}

void app_init(app *a, const standard *std)
{
	memset(a, 0, sizeof *a);
	a->std = std;
	a->lang = i18n_lang();
	tb_init(&a->tb);
	tb_init(&a->prompt);
	tb_init(&a->guide);
	a->prompt.single_line = true;
	tb_init(&a->filter);
	a->filter.single_line = true;
	findings_init(&a->fs);
	a->dirty = true;
	a->text_width = 60;
}

void app_close_form(app *a)
{
	for (size_t i = 0; a->hist && i < a->std->nfields; i++)
		tb_history_done(&a->hist[i]);
	xfree(&a->hist);
	desc_free(&a->d);
	xfree(&a->path);
	a->len_cache = (field_length){ 0 };
	findings_done(&a->fs);
	findings_init(&a->fs);
	xfree(&a->marks);
	a->nmarks = 0;
	xfree(&a->recover_bytes);
	xfree(&a->recover_fields);
	saved_forget(a);
	vs_clear(&vundo);
	vs_clear(&vredo);
	a->modified = false;
	a->journaled = false;
	a->journal_pending = false;
	a->ov = OV_NONE;
}

void app_done(app *a)
{
	app_close_form(a);
	list_done(a);
	tb_done(&a->tb);
	tb_done(&a->prompt);
	tb_done(&a->guide);
	tb_done(&a->filter);
	findings_done(&a->fs);
	free(a->status);
	free(a->repo);
	list_template_forget(a);
	vs_free(&vundo);
	vs_free(&vredo);
}

static const std_field *cur_field(const app *a)
{
	return &a->std->fields[a->field];
}

bool app_field_is_text(const std_field *f)
{
	return f->kind == FK_TEXT || f->kind == FK_RICH || f->kind == FK_MONTH || f->kind == FK_LINK ||
	       f->kind == FK_CONTACT;
}

unsigned app_context(const app *a)
{
	switch (a->ov) {
	case OV_HELP: return CX_HELP;
	case OV_GUIDE: return CX_GUIDE;
	case OV_JUMP: case OV_NEWNAME: case OV_TPLFILE: case OV_TPLPICK: return CX_PROMPT;
	case OV_QUIT: return CX_ASK_QUIT;
	case OV_RECOVER: return CX_ASK_RECOVER;
	case OV_REMOVE: return CX_ASK_REMOVE;
	case OV_SPELL: return CX_ASK_SPELL;
	case OV_NONE: break;
	}
	if (a->in_list || !a->d)
		return CX_LIST;
	const std_field *f = cur_field(a);
	switch (f->kind) {
	case FK_RICH: return CX_FORM | CX_TEXT | CX_RICH;
	case FK_CHOICE: return CX_FORM | CX_PICK;
	case FK_MULTI: return CX_FORM | CX_CHECK;
	case FK_ITEMS: return CX_FORM | (a->editing_item ? CX_ITEMEDIT | CX_TEXT : CX_ITEMS);
	default: return CX_FORM | CX_TEXT;
	}
}

/* ---- findings and marks ---- */

static void refresh(app *a);
static void store_text(app *a);
static void store_item_part(app *a);

void app_refresh_marks(app *a)
{
	refresh(a);
}

void app_text_changed(app *a)
{
	if (a->editing_item)
		store_item_part(a);
	else
		store_text(a);
	a->dirty = true;
}

static void refresh(app *a)
{
	findings_done(&a->fs);
	findings_init(&a->fs);
	const std_field *f = cur_field(a);
	/* The field being typed in is counted once per change of its text,
	 * for the rules and the counter under it. */
	const field_length *known = NULL;
	if (!a->editing_item && app_field_is_text(f) && f->max_length) {
		field_length_count(&a->len_cache, a->tb.version, a->d, f, a->tb.s, a->tb.len);
		known = &a->len_cache;
	}
	rules_check_known(a->d, &a->fs, known);
	xfree(&a->marks);
	a->nmarks = 0;
	if (tui_spell_check && app_field_is_text(f) && (f->kind == FK_TEXT || f->kind == FK_RICH))
		a->nmarks = tui_spell_check(tui_spell_ctx, f, a->tb.s, a->tb.len, &a->marks);
	/* The first underlined word of the session says how to get
	 * suggestions, unless the status line has something else to say. The
	 * word being typed does not count: unfinished, it is always marked. */
	bool finished_mark = false;
	for (size_t i = 0; i < a->nmarks && !finished_mark; i++)
		finished_mark = a->tb.cur < a->marks[i].start || a->tb.cur > a->marks[i].end;
	if (finished_mark && !a->spell_hinted && a->ov == OV_NONE && (!a->status || a->status_tip)) {
		a->spell_hinted = true;
		app_status(a, false, "%s", _("Underlined: maybe misspelt. F7 (or Alt-S) shows suggestions."));
	}
	a->dirty = true;
}

bool app_field_filled(const app *a, const std_field *f)
{
	return field_filled(a->d, f);
}

field_mark app_field_mark(const app *a, const std_field *f)
{
	bool err = false, warn = false;
	for (size_t i = 0; i < a->fs.n; i++) {
		if (a->fs.v[i].field != f)
			continue;
		if (a->fs.v[i].sev == SEV_ERROR)
			err = true;
		else if (a->fs.v[i].sev == SEV_WARNING)
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
	desc_count_filled(a->d, &c);
	*rf = c.req_filled;
	*rt = c.req_total;
	*af = c.always_filled;
	*at = c.always_total;
	*errors = findings_count(&a->fs, SEV_ERROR);
}

/* ---- moving between fields ---- */

static void load_field(app *a)
{
	const std_field *f = cur_field(a);
	vs_clear(&vundo);
	vs_clear(&vredo);
	a->editing_item = false;
	a->item_part = 0;
	a->sel = 0;
	a->text_top = 0;
	a->guide_top = 0;
	if (app_field_is_text(f)) {
		a->tb.single_line = f->kind != FK_RICH;
		a->tb.max_bytes = f->kind == FK_MONTH ? 7 : 0;
		const char *t = desc_text(a->d, f);
		tb_set(&a->tb, t, t ? strlen(t) : 0);
		/* A long text opens at its start, to be read from the top;
		 * Ctrl-End goes to its end. */
		if (f->kind == FK_RICH)
			tb_set_cursor(&a->tb, 0);
		/* Undo reaches back past leaving the field, while the text is as
		 * it was left. */
		if (a->hist)
			tb_history_restore(&a->tb, &a->hist[a->field]);
	} else if (f->kind == FK_CHOICE) {
		const char *t = desc_text(a->d, f);
		for (size_t i = 0; t && i < f->nvalues; i++)
			if (!strcmp(f->values[i], t))
				a->sel = i;
	}
	refresh(a);
}

/* A half-edited item that has nothing in it is not kept. */
static void finish_item(app *a);

static void go_field(app *a, size_t i)
{
	if (a->editing_item)
		finish_item(a);
	tb_seal(&a->tb);
	if (a->hist && app_field_is_text(cur_field(a)))
		tb_history_save(&a->tb, &a->hist[a->field]);
	a->field = i;
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
	a->modified = !same_as_saved(a);
	a->journal_pending = true;
	refresh(a);
}

static void store_text(app *a)
{
	const std_field *f = cur_field(a);
	if (a->tb.len == 0)
		desc_set(a->d, f, NULL);
	else
		desc_set_text(a->d, f, a->tb.s);
	changed(a);
}

static void set_value(app *a, ynode *v)
{
	const std_field *f = cur_field(a);
	vs_push(&vundo, desc_get(a->d, f));
	vs_clear(&vredo);
	desc_set(a->d, f, v);
	changed(a);
}

static bool value_undo(app *a, bool redo)
{
	val_stack *from = redo ? &vredo : &vundo, *to = redo ? &vundo : &vredo;
	if (from->n == 0)
		return false;
	const std_field *f = cur_field(a);
	vs_push(to, desc_get(a->d, f));
	from->n--;
	desc_set(a->d, f, from->had[from->n] ? from->v[from->n] : NULL);
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
	const ynode *v = desc_get(a->d, cur_field(a));
	return v && v->type == Y_SEQ ? v->n : 0;
}

static void load_item_part(app *a)
{
	const ynode *v = desc_get(a->d, cur_field(a));
	const ynode *it = v && a->sel < v->n ? v->kids[a->sel] : NULL;
	const char *t = it ? item_part(it, cur_field(a)->items[a->item_part].key) : NULL;
	a->tb.single_line = true;
	a->tb.max_bytes = 0;
	tb_set(&a->tb, t, t ? strlen(t) : 0);
}

static void store_item_part(app *a)
{
	const std_field *f = cur_field(a);
	ynode *v = items_with(desc_get(a->d, f), f, a->sel, a->item_part, a->tb.s);
	desc_set(a->d, f, v);
	changed(a);
}

static void remove_item(app *a, size_t idx)
{
	const std_field *f = cur_field(a);
	const ynode *v = desc_get(a->d, f);
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
	a->editing_item = false;
	a->sugg_sel = 0;
	const ynode *v = desc_get(a->d, cur_field(a));
	if (v && v->type == Y_SEQ && a->sel < v->n && v->kids[a->sel]->n == 0)
		remove_item(a, a->sel);
	a->dirty = true;
}

/* ---- the walk ---- */

static void next_field(app *a)
{
	if (a->field + 1 < a->std->nfields)
		go_field(a, a->field + 1);
	else
		app_status(a, false, "%s", _("This is the last field. Ctrl-S saves; Ctrl-E finds what is still missing."));
}

static void prev_field(app *a)
{
	if (a->field > 0)
		go_field(a, a->field - 1);
}

static void section_step(app *a, int dir)
{
	size_t s = a->std->fields[a->field].section;
	if (dir > 0 && s + 1 < a->std->nsections)
		go_field(a, a->std->sections[s + 1].first);
	else if (dir < 0 && a->std->fields[a->field].index != a->std->sections[s].first)
		go_field(a, a->std->sections[s].first);
	else if (dir < 0 && s > 0)
		go_field(a, a->std->sections[s - 1].first);
}

static void next_problem(app *a)
{
	size_t n = a->std->nfields;
	/* Errors and missing required values first, then warnings. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 1; k <= n; k++) {
			size_t i = (a->field + k) % n;
			field_mark m = app_field_mark(a, &a->std->fields[i]);
			if ((pass == 0 && (m == FM_ERROR || m == FM_MISSING)) || (pass == 1 && m == FM_WARNING)) {
				go_field(a, i);
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

size_t app_jump_matches(const app *a, size_t *out, size_t max)
{
	size_t k = 0;
	for (size_t i = 0; i < a->std->nfields && k < max; i++) {
		const std_field *f = &a->std->fields[i];
		if (match_ci(f->label[a->lang], a->prompt.s) || match_ci(f->key, a->prompt.s))
			out[k++] = i;
	}
	return k;
}

/* ---- saving and the journal ---- */

static bool save(app *a)
{
	char *err = NULL;
	if (persist->save(a->path, a->d, &err) < 0) {
		app_status(a, true, "%s", err ? err : _("could not save"));
		free(err);
		return false;
	}
	persist->discard(a->path);
	saved_remember(a);
	a->modified = false;
	a->journaled = false;
	a->journal_pending = false;
	size_t e = findings_count(&a->fs, SEV_ERROR);
	/* The file's name, not its folder: the status line is one line. */
	const char *base = strrchr(a->path, '/');
	base = base ? base + 1 : a->path;
	if (e)
		app_status(a, false, P_("Saved %s. %zu problem remains; Ctrl-E goes there.",
		                        "Saved %s. %zu problems remain; Ctrl-E goes to the next.", e),
		           base, e);
	else
		app_status(a, false, _("Saved %s. No errors."), base);
	return true;
}

void app_journal_tick(app *a, long long now, bool force)
{
	if (!a->d || !a->journal_pending || !a->path)
		return;
	if (!force && now - a->journal_last < JOURNAL_DELAY_MS)
		return;
	size_t len;
	char *y = desc_format_yaml(a->d, &len);
	if (persist->journal(a->path, y, len) < 0)
		app_status(a, true, "%s", _("could not write the journal of unsaved text; save soon with Ctrl-S"));
	else
		a->journaled = true;
	free(y);
	a->journal_last = now;
	a->journal_pending = false;
}

static void close_form(app *a, bool discard_journal)
{
	if (discard_journal)
		persist->discard(a->path);
	if (a->repo) {
		char *p = xstrdup(a->path);
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
	description *j = desc_read(a->std, a->recover_bytes, a->recover_len, DESC_YAML, &fs);
	findings_done(&fs);
	if (!j)
		return NULL;
	strbuf b = STRBUF_INIT;
	size_t n = 0;
	for (size_t i = 0; i < a->std->nfields; i++) {
		if (ynode_equal(j->vals[i], a->d->vals[i]))
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
		d = desc_read_file(a->std, path, DESC_YAML, &fs);
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
	a->d = d;
	a->hist = xcalloc(a->std->nfields, sizeof *a->hist);
	a->path = xstrdup(path);
	a->in_list = false;
	a->field = 0;
	a->modified = fresh != NULL;
	a->journal_pending = fresh != NULL;
	/* A description made for the user (a name, a template) is not saved
	 * yet; any other is as on disk, or empty as it was opened. */
	if (!fresh)
		saved_remember(a);
	load_field(a);
	if (persist->pending_recovery(path, &a->recover_bytes, &a->recover_len, &a->recover_when) == 1) {
		a->ov = OV_RECOVER;
		a->recover_fields = recovered_fields(a);
	}
	app_status(a, false, "%s", _("Tab goes to the next field, Ctrl-G shows all keys."));
	a->status_tip = true;
	return 0;
}

static void recover(app *a)
{
	size_t first = a->std->nfields;
	findings fs;
	findings_init(&fs);
	description *d = desc_read(a->std, a->recover_bytes, a->recover_len, DESC_YAML, &fs);
	if (d) {
		d->dirty = true;
		for (size_t i = 0; i < a->std->nfields && first == a->std->nfields; i++)
			if (!ynode_equal(d->vals[i], a->d->vals[i]))
				first = i;
		desc_free(&a->d);
		a->d = d;
		a->modified = true;
		a->journal_pending = true;
		/* The form opens where the recovered text is. */
		if (first < a->std->nfields)
			a->field = first;
		load_field(a);
		app_status(a, false, "%s", _("The unsaved text is back. Ctrl-S saves it."));
	} else {
		app_status(a, true, "%s", _("the unsaved text could not be read back; it is kept in the journal"));
	}
	findings_done(&fs);
	xfree(&a->recover_bytes);
	a->ov = OV_NONE;
}

/* ---- handlers per widget ---- */

static size_t utf8_encode(uint32_t c, char buf[4])
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

static bool text_edit(app *a, action act, const tui_event *ev, int width)
{
	textbuf *tb = &a->tb;
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
	case A_NEWLINE: tb_insert(tb, "\n", 1, true); break;
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
			size_t n = utf8_encode(c, buf);
			const std_field *f = cur_field(a);
			if (!a->editing_item && f->kind == FK_MONTH) {
				if (!(c >= '0' && c <= '9') && c != '-') {
					app_status(a, true, "%s", _("a month is written as year-month, e.g. 2024-03: digits and \"-\" only"));
					return true;
				}
				/* Typing 202403 gives 2024-03. */
				if (c != '-' && tb->len == 4 && tb->cur == 4 && !strchr(tb->s, '-'))
					tb_insert(tb, "-", 1, true);
			}
			if (!tb_insert(tb, buf, n, true) && f->kind == FK_MONTH)
				app_status(a, true, "%s", _("a month has 7 characters, e.g. 2024-03"));
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
		if (a->editing_item)
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
		if (a->sel > 0)
			a->sel--;
		break;
	case A_DOWN:
		if (a->sel + 1 < f->nvalues)
			a->sel++;
		break;
	case A_SELECT:
	case A_SELECT_NEXT:
		if (f->nvalues == 0)
			break;
		if (f->kind == FK_CHOICE) {
			const char *t = desc_text(a->d, f);
			if (!t || strcmp(t, f->values[a->sel]))
				set_value(a, ynode_new_str(f->values[a->sel], strlen(f->values[a->sel]), 0, 0));
		} else {
			const ynode *v = desc_get(a->d, f);
			ynode *seq = ynode_new(Y_SEQ, 0, 0);
			bool had = false;
			/* Ticked values stay in the standard's order. */
			for (size_t i = 0; i < f->nvalues; i++) {
				bool on = false;
				for (size_t k = 0; v && v->type == Y_SEQ && k < v->n; k++)
					if (v->kids[k]->type == Y_STR && !strcmp(v->kids[k]->str, f->values[i]))
						on = true;
				if (i == a->sel) {
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
		if (desc_get(a->d, f))
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
				size_t i = (a->sel + k) % f->nvalues;
				if (tolower((unsigned char)f->values[i][0]) == tolower((int)ev->ch)) {
					a->sel = i;
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
	const ynode *v = desc_get(a->d, f);
	switch (act) {
	case A_UP:
		if (a->sel > 0)
			a->sel--;
		break;
	case A_DOWN:
		if (a->sel < n)
			a->sel++;
		break;
	case A_ITEM_ADD:
	case A_ITEM_EDIT:
		if (act == A_ITEM_ADD)
			a->sel = n;
		a->item_new = a->sel >= n;
		if (a->item_new) {
			vs_push(&vundo, v);
			a->sel = n;
		}
		a->editing_item = true;
		a->item_part = 0;
		a->sugg_sel = 0;
		load_item_part(a);
		break;
	case A_ITEM_DELETE:
		if (a->sel < n) {
			remove_item(a, a->sel);
			if (a->sel > 0 && a->sel >= nitems(a))
				a->sel = nitems(a);
			app_status(a, false, "%s", _("Item removed. Ctrl-Z brings it back."));
		}
		break;
	case A_ITEM_UP:
	case A_ITEM_DOWN: {
		size_t other = act == A_ITEM_UP ? a->sel - 1 : a->sel + 1;
		if (a->sel >= n || (act == A_ITEM_UP && a->sel == 0) || other >= n)
			break;
		ynode *c = ynode_copy(v);
		ynode *t = c->kids[a->sel];
		c->kids[a->sel] = c->kids[other];
		c->kids[other] = t;
		set_value(a, c);
		a->sel = other;
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
	if (!a->d || !a->editing_item || cur_field(a)->kind != FK_ITEMS)
		return 0;
	const std_subfield *sf = &cur_field(a)->items[a->item_part];
	/* char ** to const char *const *: C does not convert it unasked. */
	return suggest_matches((const char *const *)sf->suggestions, sf->nsuggestions, a->tb.s, out, max);
}

static void item_edit_key(app *a, action act, const tui_event *ev)
{
	size_t m[APP_MAX_SUGGESTIONS];
	size_t nm = app_item_suggestions(a, m, APP_MAX_SUGGESTIONS);
	switch (act) {
	case A_ITEM_PART:
		tb_seal(&a->tb);
		a->item_part = (a->item_part + 1) % cur_field(a)->nitems;
		a->sugg_sel = 0;
		load_item_part(a);
		a->dirty = true;
		return;
	case A_DOWN:
	case A_UP:
		/* Through the suggestions shown under the part. */
		if (act == A_DOWN && a->sugg_sel < nm)
			a->sugg_sel++;
		else if (act == A_UP && a->sugg_sel > 0)
			a->sugg_sel--;
		a->dirty = true;
		return;
	case A_ITEM_DONE:
		if (a->sugg_sel > 0 && a->sugg_sel <= nm) {
			/* The suggestion replaces what was typed, as one undo step. */
			const char *s = cur_field(a)->items[a->item_part].suggestions[m[a->sugg_sel - 1]];
			tb_seal(&a->tb);
			tb_home(&a->tb, 1 << 20);
			tb_delete_to_eol(&a->tb);
			tb_insert(&a->tb, s, strlen(s), false);
			a->sugg_sel = 0;
			store_item_part(a);
			return;
		}
		finish_item(a);
		return;
	case A_CANCEL:
		if (a->sugg_sel) {
			a->sugg_sel = 0;
			a->dirty = true;
			return;
		}
		finish_item(a);
		return;
	default: {
		unsigned long ver = a->tb.version;
		text_edit(a, act, ev, 1 << 20);
		if (a->tb.version != ver)
			a->sugg_sel = 0;
		return;
	}
	}
}

/* ---- overlays ---- */

static void prompt_key(app *a, action act, const tui_event *ev)
{
	textbuf *tb = &a->prompt;
	switch (act) {
	case A_CANCEL:
		a->ov = OV_NONE;
		break;
	case A_UP:
		if (a->prompt_sel > 0)
			a->prompt_sel--;
		break;
	case A_DOWN:
		a->prompt_sel++;
		break;
	case A_CONFIRM:
		if (a->ov == OV_JUMP) {
			size_t m[64];
			size_t n = app_jump_matches(a, m, 64);
			if (n == 0) {
				app_status(a, true, "%s", _("no field has that in its name; try fewer letters"));
				break;
			}
			a->ov = OV_NONE;
			go_field(a, m[a->prompt_sel < n ? a->prompt_sel : n - 1]);
		} else {
			list_handle(a, ev, A_CONFIRM);
		}
		break;
	case A_CHAR_LEFT: tb_left(tb); break;
	case A_CHAR_RIGHT: tb_right(tb); break;
	case A_HOME: tb_home(tb, 1 << 20); break;
	case A_END: tb_end(tb, 1 << 20); break;
	case A_WORD_LEFT: tb_word_left(tb); break;
	case A_WORD_RIGHT: tb_word_right(tb); break;
	case A_BACKSPACE: tb_backspace(tb); a->prompt_sel = 0; break;
	case A_DELETE_WORD: tb_delete_word_back(tb); a->prompt_sel = 0; break;
	default:
		if (ev->kind == EV_CHAR) {
			char buf[4];
			tb_insert(tb, buf, utf8_encode(ev->ch, buf), true);
			a->prompt_sel = 0;
		} else if (ev->kind == EV_PASTE) {
			tb_insert(tb, ev->text, ev->len, false);
		}
		break;
	}
	a->dirty = true;
}

static void overlay_key(app *a, action act, const tui_event *ev)
{
	switch (a->ov) {
	case OV_HELP:
	case OV_GUIDE:
		if (act == A_CANCEL || act == A_HELP || act == A_GUIDE)
			a->ov = OV_NONE;
		else if (act == A_UP && a->help_top > 0)
			a->help_top--;
		else if (act == A_DOWN)
			a->help_top++;
		else if (act == A_PAGE_UP)
			a->help_top = a->help_top > 10 ? a->help_top - 10 : 0;
		else if (act == A_PAGE_DOWN)
			a->help_top += 10;
		break;
	case OV_JUMP:
	case OV_NEWNAME:
	case OV_TPLFILE:
	case OV_TPLPICK:
		prompt_key(a, act, ev);
		break;
	case OV_QUIT:
		if (act == A_CONFIRM) {
			a->ov = OV_NONE;
			if (save(a))
				close_form(a, false);
		} else if (act == A_QUIT) {
			a->ov = OV_NONE;
			close_form(a, true);
		} else if (act == A_CANCEL) {
			a->ov = OV_NONE;
		}
		break;
	case OV_RECOVER:
		if (act == A_CONFIRM || act == A_RECOVER) {
			recover(a);
		} else if (act == A_CANCEL || act == A_QUIT) {
			/* The journal stays until new typing replaces it. */
			xfree(&a->recover_bytes);
			a->ov = OV_NONE;
			app_status(a, false, "%s", _("Opened the saved version; the unsaved text stays in the journal until you type."));
		}
		break;
	case OV_REMOVE:
		list_handle(a, ev, act);
		break;
	case OV_SPELL:
		spell_ui_key(a, act, ev);
		break;
	case OV_NONE:
		break;
	}
	a->dirty = true;
}

void app_handle(app *a, const tui_event *ev)
{
	if (ev->kind == EV_RESIZE) {
		a->dirty = true;
		return;
	}
	if (ev->kind == EV_NONE)
		return;
	unsigned ctx = app_context(a);
	/* Printable keys are actions only where the table binds them (Space in a
	 * checklist, q in the help screen); elsewhere they are text. */
	action act = ev->kind == EV_KEY ? key_action(ev->key, ctx)
	             : ev->kind == EV_CHAR && ev->ch < 0x80 ? key_action((int)ev->ch, ctx) : A_NONE;
	if (act == A_REDRAW) {
		a->dirty = true;
		return;
	}
	if (a->ov != OV_NONE) {
		overlay_key(a, act, ev);
		return;
	}
	if (ctx & CX_LIST) {
		list_handle(a, ev, act);
		return;
	}
	const std_field *f = cur_field(a);
	switch (act) {
	case A_HELP:
		a->ov = OV_HELP;
		a->help_top = 0;
		a->dirty = true;
		return;
	case A_SAVE:
		save(a);
		return;
	case A_QUIT:
		/* Back to the saved text by undo: nothing to ask, and the journal
		 * this session wrote holds nothing the file does not. */
		if (a->modified)
			a->ov = OV_QUIT;
		else
			close_form(a, a->journaled);
		a->dirty = true;
		return;
	case A_NEXT_FIELD: next_field(a); return;
	case A_PREV_FIELD: prev_field(a); return;
	case A_NEXT_SECTION: section_step(a, 1); return;
	case A_PREV_SECTION: section_step(a, -1); return;
	case A_NEXT_PROBLEM: next_problem(a); return;
	case A_JUMP:
		a->ov = OV_JUMP;
		tb_set(&a->prompt, "", 0);
		a->prompt_sel = 0;
		a->dirty = true;
		return;
	case A_SPELL:
		spell_ui_open(a);
		return;
	case A_GUIDE:
		/* Where the layout has room for guidance beside or below the field
		 * the key hides or shows it; otherwise it shows it full size. The
		 * painter reads the same layout, so the key never flips what the
		 * user cannot see. */
		if (a->lay.guide_right_fits || a->lay.guide_below_fits) {
			a->guide_hidden = !a->guide_hidden;
		} else {
			a->ov = OV_GUIDE;
			a->help_top = 0;
		}
		a->dirty = true;
		return;
	case A_GUIDE_FULL:
		a->ov = OV_GUIDE;
		a->help_top = 0;
		a->dirty = true;
		return;
	case A_GUIDE_DOWN:
		a->guide_top += 3;
		a->dirty = true;
		return;
	case A_GUIDE_UP:
		a->guide_top = a->guide_top > 3 ? a->guide_top - 3 : 0;
		a->dirty = true;
		return;
	default:
		break;
	}
	if (a->editing_item) {
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
		if (!text_edit(a, act, ev, a->text_width) && ev->kind == EV_KEY && act == A_NONE)
			app_status(a, false, "%s", _("That key does nothing here; Ctrl-G lists the keys."));
		return;
	}
}
