/* dialog: every dialog over the list or the form, each with its own key
 * context (app_context) and so its own key table entries and key bar: the
 * help screen, the full-screen guidance, go to field, new name, template
 * file and picker, unsaved changes, unsaved text found, delete, and the
 * spelling menu. Its handler (dialog_view.handle) and its painters. */
#include "config.h"
#include "forms/catalog.h"
#include "tui/app.h"
#include "forms/textbuf.h"
#include "tui/draw.h"
#include "tui/persist.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void prompt_key(app *a, action act, const tui_event *ev)
{
	textbuf *tb = &a->dlg.prompt;
	switch (act) {
	case A_CANCEL:
		a->dlg.ov = OV_NONE;
		break;
	case A_UP:
		if (a->dlg.prompt_sel > 0)
			a->dlg.prompt_sel--;
		break;
	case A_DOWN:
		a->dlg.prompt_sel++;
		break;
	case A_CONFIRM:
		if (a->dlg.ov == OV_JUMP) {
			size_t m[64];
			size_t n = app_jump_matches(a, m, 64);
			if (n == 0) {
				app_status(a, true, "%s", _("no field has that in its name; try fewer letters"));
				break;
			}
			a->dlg.ov = OV_NONE;
			form_go_field(a, m[a->dlg.prompt_sel < n ? a->dlg.prompt_sel : n - 1]);
		} else if (a->dlg.ov == OV_CONNECT || a->dlg.ov == OV_ASKREVIEW) {
			sync_ui_confirm(a);
		} else if (a->dlg.ov == OV_SETTLE_EDIT) {
			settle_handle(a, ev, A_CONFIRM);
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
	case A_BACKSPACE: tb_backspace(tb); a->dlg.prompt_sel = 0; break;
	case A_DELETE_WORD: tb_delete_word_back(tb); a->dlg.prompt_sel = 0; break;
	default:
		if (ev->kind == EV_CHAR) {
			char buf[4];
			tb_insert(tb, buf, app_utf8_encode(ev->ch, buf), true);
			a->dlg.prompt_sel = 0;
		} else if (ev->kind == EV_PASTE) {
			tb_insert(tb, ev->text, ev->len, false);
		}
		break;
	}
	a->dirty = true;
}

void dialog_handle(app *a, const tui_event *ev, action act)
{
	switch (a->dlg.ov) {
	case OV_HELP:
	case OV_GUIDE:
		if (act == A_CANCEL || act == A_HELP || act == A_GUIDE)
			a->dlg.ov = OV_NONE;
		else if (act == A_UP && a->dlg.help_top > 0)
			a->dlg.help_top--;
		else if (act == A_DOWN)
			a->dlg.help_top++;
		else if (act == A_PAGE_UP)
			a->dlg.help_top = a->dlg.help_top > 10 ? a->dlg.help_top - 10 : 0;
		else if (act == A_PAGE_DOWN)
			a->dlg.help_top += 10;
		break;
	case OV_JUMP:
	case OV_NEWNAME:
	case OV_TPLFILE:
	case OV_TPLPICK:
	case OV_CONNECT:
	case OV_ASKREVIEW:
	case OV_SETTLE_EDIT:
		prompt_key(a, act, ev);
		break;
	case OV_QUIT:
		if (act == A_CONFIRM) {
			a->dlg.ov = OV_NONE;
			if (form_save(a))
				form_close(a, false);
		} else if (act == A_QUIT) {
			a->dlg.ov = OV_NONE;
			form_close(a, true);
		} else if (act == A_CANCEL) {
			a->dlg.ov = OV_NONE;
		}
		break;
	case OV_RECOVER:
		if (act == A_CONFIRM || act == A_RECOVER) {
			form_recover(a);
		} else if (act == A_CANCEL || act == A_QUIT) {
			/* The journal stays until new typing replaces it. */
			xfree(&a->dlg.recover_bytes);
			a->dlg.ov = OV_NONE;
			app_status(a, false, "%s", _("Opened the saved version; the unsaved text stays in the journal until you type."));
		}
		break;
	case OV_REMOVE:
		list_handle(a, ev, act);
		break;
	case OV_SETTLE:
		settle_handle(a, ev, act);
		break;
	case OV_HISTORY:
		history_handle(a, ev, act);
		break;
	case OV_SPELL:
		spell_ui_key(a, act, ev);
		break;
	case OV_NONE:
		break;
	}
	a->dirty = true;
}

/* ---- painting ---- */

/* Lines longer than width wrapped at spaces with a hanging indent: a
 * continuation starts under the line's text (after its key column), so the
 * keys stay a column of their own at 80 columns too. */
static char *hang_wrap(const char *text, int width)
{
	strbuf b = STRBUF_INIT;
	for (const char *line = text; *line;) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		if (width < 20 || tb_text_width(line, n) <= width) {
			sb_add(&b, line, n);
		} else {
			size_t lead = strspn(line, " "), ind = lead;
			const char *gap = NULL;
			for (size_t i = lead; i + 1 < n && !gap; i++)
				if (line[i] == ' ' && line[i + 1] == ' ')
					gap = line + i;
			if (gap) {
				const char *t = gap + strspn(gap, " ");
				if (t < line + n)
					ind = (size_t)tb_text_width(line, (size_t)(t - line));
			}
			if ((int)ind > width / 2)
				ind = lead;
			const char *p = line, *end = line + n;
			int col = 0;
			bool first = true;
			while (p < end) {
				/* the next word, with the spaces before it */
				const char *w = p;
				while (w < end && *w == ' ')
					w++;
				const char *we = w;
				while (we < end && *we != ' ')
					we++;
				int ww = tb_text_width(p, (size_t)(we - p));
				if (!first && col + ww > width && col > (int)ind) {
					sb_addc(&b, '\n');
					for (size_t k = 0; k < ind; k++)
						sb_addc(&b, ' ');
					col = (int)ind;
					p = w;
					ww = tb_text_width(p, (size_t)(we - p));
				}
				sb_add(&b, p, (size_t)(we - p));
				col += ww;
				first = false;
				p = we;
			}
		}
		if (!nl)
			break;
		sb_addc(&b, '\n');
		line = nl + 1;
	}
	return sb_take(&b);
}

/* The help: the marks, then every key by where it works. */
static char *help_text(const app *a)
{
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "%s\n", _("The marks before each field:"));
	sb_printf(&b, "  *  %s\n  !  %s\n  ?  %s\n  %s  %s\n     %s\n  %s  %s\n\n", _("required and still missing"),
	          _("an error: the register would refuse it, or the standard does not allow it"),
	          _("a warning: allowed, but worth a look"), glyph(a, G_FILLED), _("filled in"),
	          _("optional and empty"), glyph(a, G_NOTE), _("open review comments or suggestions on the field (in the list: with their number)"));
	sb_printf(&b, "%s\n\n", _("Keys: ^G means Ctrl-G: hold Ctrl and press G. Alt-T: hold Alt and press T."));
	char *keys_text = help_keys_text();
	sb_adds(&b, keys_text);
	free(keys_text);
	char *all = sb_take(&b), *w = hang_wrap(all, a->cols - 2);
	free(all);
	return w;
}

void app_help_open(app *a, unsigned ctx)
{
	a->dlg.ov = OV_HELP;
	a->dlg.help_top = 0;
	/* The form and the list: from the top, where the marks they show are
	 * explained, their keys right below. */
	if (ctx & (CX_FORM | CX_LIST)) {
		a->dirty = true;
		return;
	}
	const char *title = help_group_title(ctx);
	char *t = title ? help_text(a) : NULL;
	/* The text is wrapped already: a row per line. */
	size_t tl = title ? strlen(title) : 0;
	size_t row = 0;
	for (const char *p = t; p && *p; row++) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n == tl && !strncmp(p, title, n)) {
			a->dlg.help_top = row;
			break;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	free(t);
	a->dirty = true;
}

static void help_screen(const app *a)
{
	char *t = help_text(a);
	title_bar(a, _("algedit · help (Esc closes, arrows scroll)"), "", NULL, NULL);
	wrapped(a, 1, 1, a->cols - 2, a->lay.body_h, (int)a->dlg.help_top, t, 0);
	free(t);
}

static void guide_screen(const app *a)
{
	const std_field *f = &a->std->fields[a->form.field];
	title_bar(a, f->label[a->lang], _("Esc closes"), NULL, NULL);
	form_guidance(a, 1, 1, a->cols - 2, a->lay.body_h, (int)a->dlg.help_top);
}

static void jump_box(const app *a, int *cy, int *cx)
{
	int w = a->cols - 4 < 60 ? a->cols - 4 : 60;
	int h = a->rows - 6 < 16 ? a->rows - 6 : 16;
	int y = 2, x = (a->cols - w) / 2;
	dialog_box(a, y, x, w, h, _("Go to field"));
	int px = puts_at(a, y + 1, x + 2, w - 4, _("Part of the field's name: "), A_BOLD);
	put_text(a, y + 1, x + 2 + px, w - 4 - px, a->dlg.prompt.s, a->dlg.prompt.len, A_UNDERLINE);
	*cy = y + 1;
	*cx = x + 2 + px + tb_text_width(a->dlg.prompt.s, a->dlg.prompt.cur);
	size_t m[64];
	size_t n = app_jump_matches(a, m, 64);
	int rows = h - 3;
	size_t first = a->dlg.prompt_sel >= (size_t)rows ? a->dlg.prompt_sel - (size_t)rows + 1 : 0;
	for (size_t i = first; i < n && (int)(i - first) < rows; i++) {
		const std_field *f = &a->std->fields[m[i]];
		attr_t at = i == a->dlg.prompt_sel ? A_REVERSE : 0;
		int yy = y + 2 + (int)(i - first);
		if (at)
			fill(yy, x + 1, w - 2, at);
		field_mark mk = app_field_mark(a, f);
		puts_at(a, yy, x + 2, 1, marker(a, mk), at | mark_attr(a, mk));
		int lx = puts_at(a, yy, x + 4, w - 6, f->label[a->lang], at);
		char sec[128];
		snprintf(sec, sizeof sec, " (%s)", a->std->sections[f->section].label[a->lang]);
		puts_at(a, yy, x + 4 + lx, w - 6 - lx, sec, at | A_DIM);
	}
}

/* The templates of a file, filtered by what is typed. */
static void template_box(const app *a, int *cy, int *cx)
{
	int w = a->cols - 4 < 70 ? a->cols - 4 : 70;
	int h = a->rows - 6 < 16 ? a->rows - 6 : 16;
	int y = 2, x = (a->cols - w) / 2;
	dialog_box(a, y, x, w, h, a->dlg.tpl_cat ? _("Choose a template of the register") : _("Choose a template"));
	int px = puts_at(a, y + 1, x + 2, w - 4, _("Filter: "), A_BOLD);
	put_text(a, y + 1, x + 2 + px, w - 4 - px, a->dlg.prompt.s, a->dlg.prompt.len, A_UNDERLINE);
	*cy = y + 1;
	*cx = x + 2 + px + tb_text_width(a->dlg.prompt.s, a->dlg.prompt.cur);
	size_t m[256];
	size_t n = list_template_matches(a, m, 256);
	int rows = h - 3;
	size_t first = a->dlg.prompt_sel >= (size_t)rows ? a->dlg.prompt_sel - (size_t)rows + 1 : 0;
	/* The register's templates: supplier, then name, in columns. */
	const tpl_catalog *c = a->dlg.tpl_cat;
	int sw = 0;
	for (size_t i = 0; c && i < n; i++) {
		int tw = tb_text_width(c->v[m[i]].supplier, strlen(c->v[m[i]].supplier));
		sw = tw > sw ? tw : sw;
	}
	if (sw > (w - 6) / 3)
		sw = (w - 6) / 3;
	for (size_t i = first; c && i < n && (int)(i - first) < rows; i++) {
		const tpl_item *t = &c->v[m[i]];
		attr_t at = i == a->dlg.prompt_sel ? A_REVERSE : 0;
		int yy = y + 2 + (int)(i - first);
		if (at)
			fill(yy, x + 1, w - 2, at);
		puts_at(a, yy, x + 2, 2, at ? ">" : " ", at | A_BOLD);
		puts_at(a, yy, x + 4, sw, t->supplier, at | A_DIM);
		int lx = puts_at(a, yy, x + 6 + sw, w - 8 - sw, *t->name ? t->name : t->id, at);
		char *id = xasprintf(" (%s)", t->id);
		puts_at(a, yy, x + 6 + sw + lx, w - 8 - sw - lx, id, at | A_DIM);
		free(id);
	}
	for (size_t i = first; !c && i < n && (int)(i - first) < rows; i++) {
		const template_entry *t = &a->dlg.tpl[m[i]];
		attr_t at = i == a->dlg.prompt_sel ? A_REVERSE : 0;
		int yy = y + 2 + (int)(i - first);
		if (at)
			fill(yy, x + 1, w - 2, at);
		puts_at(a, yy, x + 2, 2, at ? ">" : " ", at | A_BOLD);
		int lx = puts_at(a, yy, x + 4, w - 6, t->name ? t->name : "-", at);
		if (t->id) {
			char *id = xasprintf(" (%s)", t->id);
			puts_at(a, yy, x + 4 + lx, w - 6 - lx, id, at | A_DIM);
			free(id);
		}
	}
}

static void prompt_box(const app *a, const char *title, const char *label, int *cy, int *cx)
{
	int w = a->cols - 4 < 70 ? a->cols - 4 : 70;
	int y = a->rows / 2 - 2, x = (a->cols - w) / 2;
	dialog_box(a, y, x, w, 3, title);
	int px = puts_at(a, y + 1, x + 2, w - 4, label, A_BOLD);
	int ew = w - 4 - px;
	int col = tb_text_width(a->dlg.prompt.s, a->dlg.prompt.cur);
	size_t start = 0;
	while (col >= ew - 1 && start < a->dlg.prompt.cur) {
		size_t k = tb_next_cluster(a->dlg.prompt.s, a->dlg.prompt.len, start);
		col -= tb_text_width(a->dlg.prompt.s + start, k);
		start += k;
	}
	put_text(a, y + 1, x + 2 + px, ew, a->dlg.prompt.s + start, a->dlg.prompt.len - start, A_UNDERLINE);
	*cy = y + 1;
	*cx = x + 2 + px + col;
}

void dialog_prompt_box(const app *a, const char *title, const char *label, int *cy, int *cx)
{
	prompt_box(a, title, label, cy, cx);
}

/* dialog_view.draw: the dialog over the view under it (drawn first by
 * draw()); the help and the full-screen guidance take the whole screen. */
void dialog_draw(const app *a, int *cy, int *cx)
{
	switch (a->dlg.ov) {
	case OV_HELP:
		help_screen(a);
		break;
	case OV_GUIDE:
		guide_screen(a);
		break;
	case OV_NEWNAME:
		prompt_box(a, _("New description"), _("Name: "), cy, cx);
		break;
	case OV_TPLFILE:
		prompt_box(a, _("New description from a template"), _("Template file: "), cy, cx);
		break;
	case OV_TPLPICK:
		template_box(a, cy, cx);
		break;
	case OV_CONNECT:
	case OV_ASKREVIEW:
		sync_ui_draw(a, cy, cx);
		break;
	case OV_SETTLE:
	case OV_SETTLE_EDIT:
		settle_draw(a, cy, cx);
		break;
	case OV_HISTORY:
		history_draw(a, cy, cx);
		break;
	case OV_REMOVE:
		if (a->list.sel < a->list.nshown) {
			const list_entry *e = &a->list.entries[a->list.shown[a->list.sel]];
			char *copy = e->unsaved ? persist_deleted_copy_path(e->slug) : NULL;
			char *t = e->unsaved
			                  ? xasprintf(_("\"%s\" was never saved, so algedit restore cannot bring it back. Ctrl-D deletes it and keeps a copy of its text in %s; Enter or Esc keeps it."),
			                              e->name ? e->name : e->slug, copy)
			          : persist->remove_restorable
			                  ? xasprintf(_("Delete \"%s\" (%s)? Enter or Ctrl-D deletes it, algedit restore %s brings it back; Esc keeps it."),
			                              e->name ? e->name : e->slug, e->path, e->slug)
			                  : xasprintf(_("Delete \"%s\" (%s)? Enter or Ctrl-D deletes it; Esc keeps it."),
			                              e->name ? e->name : e->slug, e->path);
			question(a, _("Delete description"), t, cy, cx);
			free(t);
			free(copy);
		}
		break;
	case OV_JUMP:
		jump_box(a, cy, cx);
		break;
	case OV_QUIT:
		question(a, _("Unsaved changes"),
		         _("This description has changes that are not saved. Ctrl-S saves and closes; Ctrl-Q closes without saving; Esc goes back."),
		         cy, cx);
		break;
	case OV_SPELL: {
		char *t = spell_ui_menu_text(a);
		question(a, _("Spelling"), t, cy, cx);
		free(t);
		break;
	}
	case OV_RECOVER: {
		char when[64];
		struct tm tm;
		localtime_r(&a->dlg.recover_when, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
		char *t = a->dlg.recover_fields
		                  ? xasprintf(_("Text typed on %s was not saved (the editor was closed or the computer stopped). It is in: %s. Enter or Ctrl-R takes it back; Esc opens the saved version."),
		                              when, a->dlg.recover_fields)
		                  : xasprintf(_("Text typed on %s was not saved (the editor was closed or the computer stopped). Enter or Ctrl-R takes it back; Esc opens the saved version."),
		                              when);
		question(a, _("Unsaved text found"), t, cy, cx);
		free(t);
		break;
	}
	case OV_NONE:
		break;
	}
}

/* Before the painter: the scroll of the help and the full-screen
 * guidance within their text, the highlighted match within the matches. */
void dialog_settle(app *a)
{
	int h = a->lay.body_h;
	switch (a->dlg.ov) {
	case OV_HELP: {
		char *t = help_text(a);
		int total = wrapped_rows(t, a->cols - 2);
		free(t);
		if ((int)a->dlg.help_top > total - h)
			a->dlg.help_top = total > h ? (size_t)(total - h) : 0;
		break;
	}
	case OV_GUIDE: {
		form_guidance_build(a);
		int total = form_guidance_rows(a, &a->std->fields[a->form.field], a->cols - 2);
		if ((int)a->dlg.help_top > total - h)
			a->dlg.help_top = total > h ? (size_t)(total - h) : 0;
		break;
	}
	case OV_JUMP:
	case OV_TPLPICK: {
		size_t m[256];
		size_t n = a->dlg.ov == OV_JUMP ? app_jump_matches(a, m, 64) : list_template_matches(a, m, 256);
		if (a->dlg.prompt_sel >= n && n)
			a->dlg.prompt_sel = n - 1;
		break;
	}
	case OV_HISTORY:
		history_settle(a);
		break;
	default:
		break;
	}
}

const view dialog_view = { app_context, dialog_handle, dialog_draw };
