/* app: the editor's shared state and the dispatch between its views. The
 * event goes to the view on top (a dialog, else the list or the form; see
 * view.h); the status line belongs to all of them. Handlers change state
 * and mark it dirty, never paint. */
#include "config.h"
#include "tui/app.h"
#include "tui/input.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	a->status_field = a->form.field;
	a->dirty = true;
}

void app_init(app *a, const standard *std)
{
	memset(a, 0, sizeof *a);
	a->std = std;
	a->lang = i18n_lang();
	tb_init(&a->form.tb);
	tb_init(&a->dlg.prompt);
	tb_init(&a->form.guide);
	a->dlg.prompt.single_line = true;
	tb_init(&a->list.filter);
	a->list.filter.single_line = true;
	findings_init(&a->form.fs);
	a->dirty = true;
	a->form.text_width = 60;
}

void app_done(app *a)
{
	review_close(a);
	review_notes_forget();
	app_close_form(a);
	list_done(a);
	tb_done(&a->form.tb);
	tb_done(&a->dlg.prompt);
	tb_done(&a->form.guide);
	tb_done(&a->list.filter);
	findings_done(&a->form.fs);
	free(a->status);
	free(a->list.repo);
	list_template_forget(a);
	form_forget_undo();
}

const view *app_view(const app *a)
{
	if (a->dlg.ov != OV_NONE)
		return &dialog_view;
	if (a->review)
		return &review_view;
	if (a->tutor && a->form.d && !a->in_list)
		return &tutor_view;
	return a->in_list || !a->form.d ? &list_view : &form_view;
}

static unsigned view_context(const app *a);

/* In the tutor the form's keys and the lesson's. */
unsigned app_context(const app *a)
{
	unsigned c = view_context(a);
	return a->tutor && (c & CX_FORM) ? c | CX_TUTOR : c;
}

static unsigned view_context(const app *a)
{
	switch (a->dlg.ov) {
	case OV_HELP: return CX_HELP;
	case OV_GUIDE: return CX_GUIDE;
	case OV_JUMP: case OV_NEWNAME: case OV_TPLFILE: case OV_TPLPICK: return CX_PROMPT;
	case OV_QUIT: return CX_ASK_QUIT;
	case OV_RECOVER: return CX_ASK_RECOVER;
	case OV_REMOVE:
		if (a->list.sel < a->list.nshown && a->list.entries[a->list.shown[a->list.sel]].unsaved)
			return CX_ASK_DROP;
		return CX_ASK_REMOVE;
	case OV_SPELL: return CX_ASK_SPELL;
	case OV_NONE: break;
	}
	if (a->review)
		return review_context(a);
	if (a->in_list || !a->form.d)
		return CX_LIST;
	const std_field *f = &a->std->fields[a->form.field];
	switch (f->kind) {
	case FK_RICH: return CX_FORM | CX_TEXT | CX_RICH;
	case FK_CHOICE: return CX_FORM | CX_PICK;
	case FK_MULTI: return CX_FORM | CX_CHECK;
	case FK_ITEMS: return CX_FORM | (a->form.editing_item ? CX_ITEMEDIT | CX_TEXT : CX_ITEMS);
	default: return CX_FORM | CX_TEXT;
	}
}



void app_handle(app *a, const tui_event *ev)
{
	if (ev->kind == EV_RESIZE) {
		a->dirty = true;
		return;
	}
	if (ev->kind == EV_NONE)
		return;
	if (ev->kind == EV_KEY && ev->key == TK_UNKNOWN) {
		/* A key the terminal sends in a way nobody here knows (input.c
		 * dropped it whole): said, so a key that "does nothing" has a reason. */
		app_status(a, false, _("This terminal sent a key algedit does not know (%s); it was ignored. Ctrl-G lists the keys."),
		           ev->text ? ev->text : "");
		return;
	}
	unsigned ctx = app_context(a);
	/* Printable keys are actions only where the table binds them (Space in a
	 * checklist, q in the help screen); elsewhere they are text. */
	action act = ev->kind == EV_KEY ? key_action(ev->key, ctx)
	             : ev->kind == EV_CHAR && ev->ch < 0x80 ? key_action((int)ev->ch, ctx) : A_NONE;
	if (act == A_REDRAW) {
		a->dirty = true;
		return;
	}
	/* The view on top takes the event: a dialog, else the list or the form. */
	app_view(a)->handle(a, ev, act);
	int bad = ev->kind == EV_CHAR || ev->kind == EV_PASTE ? input_bad_byte() : 0;
	if (bad) {
		/* A terminal set to Latin-1 or Windows-1252 under a UTF-8 locale:
		 * the letter is kept as it most likely was meant, and said. */
		if (ev->kind == EV_CHAR) {
			char ch[8];
			ch[app_utf8_encode(ev->ch, ch)] = '\0';
			app_status(a, false, _("Not UTF-8 from the terminal (byte %02X): read as \"%s\" (Windows-1252). Set the terminal's character set to UTF-8."),
			           (unsigned)bad, ch);
		} else {
			app_status(a, false, _("Pasted text not in UTF-8 (byte %02X): read as Windows-1252. Set the terminal's character set to UTF-8."),
			           (unsigned)bad);
		}
	}
}