/* settle: the fields the last sync found changed both here and on the
 * team server, settled in the editor one by one: each field with the text
 * before, yours and the team server's; m (mijn) keeps yours, t or h (hun)
 * takes theirs, e gives a text of your own. When the last one is chosen the
 * merge is saved (flows/, like algedit resolve) and the next sync sends it.
 * Opened with Enter on a description marked "conflict" in the list. The
 * state lives here; the dialog slot holds a pointer to it. */
#include "config.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/persist.h"
#include "flows/flows.h"
#include "base/base.h"
#include "base/escape.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

struct settle_state {
	char *slug, *name;
	store_conflict *c;    /* every conflict of the last sync */
	size_t n;
	size_t *mine;         /* indexes of slug's */
	size_t nmine;
	size_t sel;
};

static void settle_free(app *a)
{
	settle_state *st = a->dlg.settle;
	if (!st)
		return;
	store_conflicts_free(&st->c, st->n);
	free(st->mine);
	free(st->slug);
	free(st->name);
	free(st);
	a->dlg.settle = NULL;
}

/* (Re)reads the conflicts; false when slug has none left. */
static bool settle_load(app *a, store *s)
{
	settle_state *st = a->dlg.settle;
	store_conflicts_free(&st->c, st->n);
	xfree(&st->mine);
	st->nmine = 0;
	store_conflicts(s, &st->c, &st->n);
	st->mine = xcalloc(st->n + 1, sizeof *st->mine);
	for (size_t i = 0; i < st->n; i++)
		if (!strcmp(st->c[i].slug, st->slug))
			st->mine[st->nmine++] = i;
	if (st->sel >= st->nmine)
		st->sel = st->nmine ? st->nmine - 1 : 0;
	return st->nmine > 0;
}

bool settle_open(app *a, const char *slug, const char *name)
{
	store *s = persist_store_current();
	if (!s)
		return false;
	settle_free(a);
	settle_state *st = xcalloc(1, sizeof *st);
	st->slug = xstrdup(slug);
	st->name = xstrdup(name ? name : slug);
	a->dlg.settle = st;
	if (!settle_load(a, s)) {
		settle_free(a);
		return false;
	}
	/* The first field not chosen yet. */
	for (size_t k = 0; k < st->nmine; k++)
		if (st->c[st->mine[k]].choice == CHOICE_NONE) {
			st->sel = k;
			break;
		}
	a->dlg.ov = OV_SETTLE;
	app_status(a, false, "%s", _("Changed both here and on the team server: m keeps yours, t takes theirs, e gives your own text."));
	return true;
}

void settle_done(app *a)
{
	settle_free(a);
}

static const store_conflict *current(const app *a)
{
	const settle_state *st = a->dlg.settle;
	return st && st->sel < st->nmine ? &st->c[st->mine[st->sel]] : NULL;
}

/* A value as text: a string as it is, a list one item a line. */
static char *value_text(const ynode *v)
{
	if (!v)
		return xstrdup(_("(empty)"));
	if (ynode_str(v))
		return xstrdup(ynode_str(v));
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	for (size_t i = 0; v->type == Y_SEQ && i < v->n; i++) {
		const ynode *it = v->kids[i];
		const char *t = ynode_str(it) ? ynode_str(it) : ynode_str(ynode_get(it, "title"));
		const char *l = ynode_get(it, "link") ? ynode_str(ynode_get(it, "link")) : NULL;
		sb_printf(&b, "%s- %s%s%s%s", i ? "\n" : "", t ? t : "", l ? " <" : "", l ? l : "", l ? ">" : "");
	}
	return sb_take(&b);
}

static void choose(app *a, store_choice ch, const char *text)
{
	store *s = persist_store_current();
	const store_conflict *c = current(a);
	if (!s || !c)
		return;
	char *key = xstrdup(c->key);
	ynode *value = NULL;
	if (ch == CHOICE_EDIT) {
		description *d = desc_new(a->std);
		if (c->field)
			desc_set_text(d, c->field, text);
		const ynode *v = desc_value(d, key);
		value = v ? ynode_copy(v) : NULL;
		desc_free(&d);
	}
	bool finished = false;
	store_status st = store_resolve(s, a->dlg.settle->slug, key, ch, value, &finished);
	ynode_free(&value);
	free(key);
	if (st != STORE_OK) {
		app_status(a, true, "%s", esc_line(store_error(s)));
		return;
	}
	if (finished || !settle_load(a, s)) {
		settle_free(a);
		a->dlg.ov = OV_NONE;
		app_status(a, false, "%s", _("Every field is settled and the merge is saved; F5 sends it to the team server."));
		sync_ui_mark_conflicts(a);
		return;
	}
	settle_state *stt = a->dlg.settle;
	for (size_t k = 0; k < stt->nmine; k++)
		if (stt->c[stt->mine[k]].choice == CHOICE_NONE) {
			stt->sel = k;
			break;
		}
	app_status(a, false, "%s", _("Choice kept; the next field."));
}

void settle_handle(app *a, const tui_event *ev, action act)
{
	(void)ev;
	settle_state *st = a->dlg.settle;
	if (!st) {
		a->dlg.ov = OV_NONE;
		return;
	}
	if (a->dlg.ov == OV_SETTLE_EDIT) {
		/* The prompt's Enter (dialog.c). */
		char *text = xstrdup(a->dlg.prompt.s ? a->dlg.prompt.s : "");
		a->dlg.ov = OV_SETTLE;
		choose(a, CHOICE_EDIT, text);
		free(text);
		a->dirty = true;
		return;
	}
	switch (act) {
	case A_UP:
		if (st->sel > 0)
			st->sel--;
		break;
	case A_DOWN:
		if (st->sel + 1 < st->nmine)
			st->sel++;
		break;
	case A_TAKE_MINE:
		choose(a, CHOICE_MINE, NULL);
		break;
	case A_TAKE_THEIRS:
		choose(a, CHOICE_THEIRS, NULL);
		break;
	case A_OWN_TEXT: {
		const store_conflict *c = current(a);
		if (c && (!c->field || !app_field_is_text(c->field))) {
			app_status(a, true, "%s", _("This field is not a text: keep yours or take theirs (algedit resolve NAME FIELD=VALUE sets another value)."));
			break;
		}
		char *t = c && c->mine && ynode_str(c->mine) ? xstrdup(ynode_str(c->mine)) : xstrdup("");
		tb_set(&a->dlg.prompt, t, strlen(t));
		free(t);
		a->dlg.ov = OV_SETTLE_EDIT;
		break;
	}
	case A_CANCEL:
	case A_QUIT:
		settle_free(a);
		a->dlg.ov = OV_NONE;
		app_status(a, false, "%s", _("The choices made so far are kept; Enter on the description goes on."));
		break;
	default:
		break;
	}
	a->dirty = true;
}

void settle_draw(const app *a, int *cy, int *cx)
{
	const settle_state *st = a->dlg.settle;
	if (!st)
		return;
	for (int y = 0; y < a->lay.status_y; y++)
		fill(y, 0, a->cols, 0);
	char *title = xasprintf(_("Conflict: %s"), st->name);
	char right[64];
	snprintf(right, sizeof right, _("field %zu of %zu"), st->sel + 1, st->nmine);
	title_bar(a, title, right, NULL, NULL);
	free(title);
	int y = 1;
	for (size_t k = 0; k < st->nmine && y < a->lay.status_y - 6; k++, y++) {
		const store_conflict *c = &st->c[st->mine[k]];
		attr_t at = k == st->sel ? A_REVERSE : 0;
		if (at)
			fill(y, 0, a->cols, at);
		const char *label = c->field ? c->field->label[a->lang] : c->key;
		char *line = xasprintf("%s %s%s%s", k == st->sel ? ">" : " ", label, c->choice == CHOICE_NONE ? "" : ": ",
		                       c->choice == CHOICE_NONE ? "" : flow_choice_label(c->choice));
		put_cut(a, y, 1, a->cols - 2, line, at | (c->choice == CHOICE_NONE ? A_BOLD : 0));
		free(line);
	}
	const store_conflict *c = current(a);
	if (!c)
		return;
	y++;
	int left = a->lay.status_y - y;
	struct { const char *head; const ynode *v; attr_t at; } parts[3] = {
		{ _("Before (what both started from):"), c->base, A_DIM },
		{ _("Mine (m):"), c->mine, 0 },
		{ _("Theirs, on the team server (t):"), c->theirs, 0 },
	};
	int each = left / 3 > 2 ? left / 3 : 2;
	for (int p = 0; p < 3 && y < a->lay.status_y; p++) {
		puts_at(a, y++, 1, a->cols - 2, parts[p].head, A_BOLD);
		char *t = value_text(parts[p].v);
		int rows = each - 1;
		if (y + rows > a->lay.status_y)
			rows = a->lay.status_y - y;
		if (rows > 0)
			wrapped(a, y, 3, a->cols - 4, rows, 0, t, parts[p].at);
		int need = wrapped_rows(t, a->cols - 4);
		y += need < rows ? need : rows;
		free(t);
	}
	if (a->dlg.ov == OV_SETTLE_EDIT)
		dialog_prompt_box(a, _("Your own text"), _("Text: "), cy, cx);
}
