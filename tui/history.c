/* history: the versions of the highlighted description (Alt-L in the
 * list): newest first with date, author and the fields each changed; under
 * them what the highlighted version changed, field by field; b brings that
 * version back as a new version (flows/history.c). The state lives here;
 * the dialog slot holds a pointer to it. */
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

struct history_state {
	char *slug, *name;
	store_version *v;
	size_t n;
	size_t sel, top;
	char *diff;           /* of sel, made when sel changes (settle) */
	size_t diff_of;
	int diff_top;
};

static void history_free(app *a)
{
	history_state *h = a->dlg.history;
	if (!h)
		return;
	store_versions_free(&h->v, h->n);
	free(h->diff);
	free(h->slug);
	free(h->name);
	free(h);
	a->dlg.history = NULL;
}

void history_done(app *a)
{
	history_free(a);
}

static bool load(app *a, store *s)
{
	history_state *h = a->dlg.history;
	store_versions_free(&h->v, h->n);
	h->n = 0;
	if (store_log(s, NULL, h->slug, 0, a->lang, &h->v, &h->n) != STORE_OK) {
		app_status(a, true, "%s", esc_line(store_error(s)));
		return false;
	}
	xfree(&h->diff);
	h->diff_of = (size_t)-1;
	if (h->sel >= h->n)
		h->sel = 0;
	return true;
}

void history_open(app *a)
{
	store *s = persist_store_current();
	if (!s || !a->list.repo) {
		app_status(a, true, "%s", _("The history is kept in the drafts repository: start algedit without a file (or with -C FOLDER)."));
		return;
	}
	if (a->list.sel >= a->list.nshown || !a->list.entries[a->list.shown[a->list.sel]].slug) {
		app_status(a, true, "%s", _("Highlight the description whose history you want to see."));
		return;
	}
	const list_entry *e = &a->list.entries[a->list.shown[a->list.sel]];
	history_free(a);
	history_state *h = xcalloc(1, sizeof *h);
	h->slug = xstrdup(e->slug);
	h->name = xstrdup(e->name ? e->name : e->slug);
	a->dlg.history = h;
	if (!load(a, s) || !h->n) {
		if (!h->n)
			app_status(a, true, "%s", _("This description has no saved version yet."));
		history_free(a);
		return;
	}
	a->dlg.ov = OV_HISTORY;
	app_status(a, false, "%s", _("Arrows choose a version, PgUp/PgDn scroll what it changed, b brings it back, Esc closes."));
}

/* Before the painter: the diff of the highlighted version, and the rows
 * scrolled so that it shows. */
void history_settle(app *a)
{
	history_state *h = a->dlg.history;
	store *s = persist_store_current();
	if (!h || !s)
		return;
	if (h->diff_of != h->sel) {
		free(h->diff);
		h->diff = flow_version_diff(s, h->slug, h->v, h->sel, h->n);
		h->diff_of = h->sel;
		h->diff_top = 0;
	}
	size_t rows = a->lay.status_y > 8 ? (size_t)(a->lay.status_y - 2) / 3 : 2;
	if (h->sel < h->top)
		h->top = h->sel;
	if (h->sel >= h->top + rows)
		h->top = h->sel - rows + 1;
}

void history_handle(app *a, const tui_event *ev, action act)
{
	(void)ev;
	history_state *h = a->dlg.history;
	if (!h) {
		a->dlg.ov = OV_NONE;
		return;
	}
	switch (act) {
	case A_UP:
		if (h->sel > 0)
			h->sel--;
		break;
	case A_DOWN:
		if (h->sel + 1 < h->n)
			h->sel++;
		break;
	case A_PAGE_DOWN:
		h->diff_top += 5;
		break;
	case A_PAGE_UP:
		h->diff_top = h->diff_top > 5 ? h->diff_top - 5 : 0;
		break;
	case A_BRING_BACK: {
		store *s = persist_store_current();
		char *said = NULL, *err = NULL;
		if (!s)
			break;
		if (h->sel == 0) {
			app_status(a, true, "%s", _("This is the current version; choose an earlier one to bring back."));
			break;
		}
		if (flow_bring_back(s, h->slug, &h->v[h->sel], &said, &err) == STORE_OK) {
			app_status(a, false, "%s", esc_line(said));
			h->sel = 0;
			load(a, s);
			list_reload_entry(a, a->list.sel < a->list.nshown ? a->list.entries[a->list.shown[a->list.sel]].path : "");
		} else {
			app_status(a, true, "%s", esc_line(err ? err : ""));
		}
		free(said);
		free(err);
		break;
	}
	case A_CANCEL:
	case A_QUIT:
		history_free(a);
		a->dlg.ov = OV_NONE;
		app_status(a, false, NULL);
		break;
	default:
		break;
	}
	a->dirty = true;
}

void history_draw(const app *a, int *cy, int *cx)
{
	(void)cy;
	(void)cx;
	const history_state *h = a->dlg.history;
	if (!h)
		return;
	for (int y = 0; y < a->lay.status_y; y++)
		fill(y, 0, a->cols, 0);
	char *title = xasprintf(_("History: %s"), h->name);
	char right[64];
	snprintf(right, sizeof right, P_("%zu version", "%zu versions", h->n), h->n);
	title_bar(a, title, right, NULL, NULL);
	free(title);
	int rows = a->lay.status_y > 8 ? (a->lay.status_y - 2) / 3 : 2;
	int y = 1;
	for (size_t k = h->top; k < h->n && y < 1 + rows; k++, y++) {
		const store_version *v = &h->v[k];
		attr_t at = k == h->sel ? A_REVERSE : 0;
		if (at)
			fill(y, 0, a->cols, at);
		char when[32];
		flow_version_when(v, when);
		char *line = xasprintf("%s %s  %s  %s", k == h->sel ? ">" : " ", when, v->author ? v->author : "?",
		                       v->removed ? _("(removed)") : *v->fields ? v->fields : v->summary ? v->summary : "");
		put_cut(a, y, 1, a->cols - 2, line, at);
		free(line);
	}
	y = 2 + rows;
	if (y >= a->lay.status_y)
		return;
	char when[32];
	flow_version_when(&h->v[h->sel], when);
	char *head = xasprintf(_("What the version of %s by %s changed:"), when, h->v[h->sel].author ? h->v[h->sel].author : "?");
	puts_at(a, y++, 1, a->cols - 2, head, A_BOLD);
	free(head);
	if (h->diff && y < a->lay.status_y)
		wrapped(a, y, 3, a->cols - 4, a->lay.status_y - y, h->diff_top, h->diff, 0);
}
