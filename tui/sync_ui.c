/* sync_ui: the team in the editor, through flows/ like the command line:
 * sync from the list (F5 or Alt-S; the first time the team server's
 * address is asked), what it did in the status line, the descriptions with
 * fields changed on both sides marked "conflict" in the list, and asking
 * for a review of the highlighted description with a message (Alt-V), and
 * the reviewer's answer when a description was sent back (the status line
 * and the top of the form's pane). */
#include "config.h"
#include "tui/app.h"
#include "tui/persist.h"
#include "flows/flows.h"
#include "base/base.h"
#include "base/escape.h"
#include "i18n/i18n.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* One line from the terminal; hide: without echo (a password). The
 * buffer is wiped after the copy. */
static char *tty_line(FILE *tty, const char *prompt, bool hide)
{
	struct termios old, raw;
	int fd = fileno(tty);
	fprintf(tty, "%s", prompt);
	fflush(tty);
	bool restore = tcgetattr(fd, &old) == 0;
	if (restore) {
		raw = old;
		/* Cooked, whatever the screen left: a line with echo (or none). */
		raw.c_lflag |= (tcflag_t)(ICANON | ECHO);
		if (hide)
			raw.c_lflag &= ~(tcflag_t)ECHO;
		raw.c_iflag |= (tcflag_t)ICRNL;
		tcsetattr(fd, TCSAFLUSH, &raw);
	}
	char buf[512];
	char *r = fgets(buf, sizeof buf, tty);
	if (restore) {
		tcsetattr(fd, TCSAFLUSH, &old);
		if (hide)
			fputc('\n', tty);
	}
	if (!r)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	char *out = xstrdup(buf);
	memset(buf, 0, sizeof buf);
	return out;
}

int tui_ask_cred(void *ctx, const char *url, const char *user_from_url, char **user, char **password)
{
	app *a = ctx;
	*user = *password = NULL;
	if (a && a->bench)
		return -1;
	FILE *tty = fopen("/dev/tty", "r+");
	if (!tty)
		return -1;
	if (a) {
		/* The full screen steps aside for the question, as when a program
		 * runs another one, and comes back whole. */
		def_prog_mode();
		endwin();
		/* A clean page for each question: the terminal's own screen
		 * comes back with the cursor where it was, over the last one. */
		char *cl = tigetstr("clear");
		if (cl && cl != (char *)-1) {
			putp(cl);
			fflush(stdout);
		}
	}
	char *shown = url_redact(url);
	fprintf(tty, _("Sign in to %s\n"), esc_line(shown));
	free(shown);
	*user = user_from_url ? xstrdup(user_from_url) : tty_line(tty, _("User name: "), false);
	*password = *user ? tty_line(tty, _("Password: "), true) : NULL;
	fclose(tty);
	if (a) {
		/* Drawn whole again by the next turn's painter. */
		reset_prog_mode();
		clearok(curscr, TRUE);
		a->dirty = true;
	}
	return *user && *password ? 0 : -1;
}

static store *current(app *a)
{
	store *s = persist_store_current();
	if (!s || !a->list.repo)
		app_status(a, true, "%s", _("Sync works in the drafts repository: start algedit without a file (or with -C FOLDER)."));
	return a->list.repo ? s : NULL;
}

void sync_ui_mark_conflicts(app *a)
{
	store *s = persist_store_current();
	for (size_t i = 0; i < a->list.nentries; i++)
		a->list.entries[i].conflict = false;
	if (!s || !a->list.repo)
		return;
	store_conflict *c;
	size_t n;
	store_conflicts(s, &c, &n);
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < a->list.nentries; i++)
			if (a->list.entries[i].slug && !strcmp(a->list.entries[i].slug, c[k].slug))
				a->list.entries[i].conflict = true;
	store_conflicts_free(&c, n);
}

/* The list again: a sync may have brought descriptions and changed others. */
static void reload(app *a)
{
	char *repo = xstrdup(a->list.repo);
	char *keep = a->status ? xstrdup(a->status) : NULL;
	bool err = a->status_error;
	list_open(a, repo);
	list_load_some(a, a->list.nentries);
	sync_ui_mark_conflicts(a);
	if (keep)
		app_status(a, err, "%s", keep);
	free(keep);
	free(repo);
}

static void run(app *a, store *s, const char *where)
{
	flow_sync_result r;
	flow_sync(s, where, tui_ask_cred, a, &r);
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	for (size_t i = 0; i < r.nlines; i++)
		sb_printf(&b, "%s%s", i ? "; " : "", r.lines[i]);
	if (r.status == STORE_CONFLICT)
		sb_printf(&b, P_("%zu field was changed both here and on the team server: the description is marked conflict; settle it with algedit resolve (it shows both texts), then sync again.",
		                 "%zu fields were changed both here and on the team server: the descriptions are marked conflict; settle them with algedit resolve (it shows both texts), then sync again.", r.conflicts),
		          r.conflicts);
	else if (r.status != STORE_OK)
		sb_adds(&b, r.error ? r.error : "");
	for (size_t i = 0; i < r.nnotes; i++)
		sb_printf(&b, "%s%s", b.len ? " " : "", r.notes[i]);
	char *shown = url_redact(b.s);
	app_status(a, r.status != STORE_OK, "%s", esc_line(shown));
	free(shown);
	sb_done(&b);
	bool changed = r.rep.fast_forward || r.rep.merged_files || r.status == STORE_CONFLICT;
	flow_sync_result_done(&r);
	if (changed)
		reload(a);
	else
		sync_ui_mark_conflicts(a);
}

void sync_ui_start(app *a)
{
	store *s = current(a);
	if (!s)
		return;
	char *url = store_remote_url(s);
	if (!url) {
		a->dlg.ov = OV_CONNECT;
		tb_set(&a->dlg.prompt, "", 0);
		app_status(a, false, "%s", _("Not connected to a team server yet: type the address of the team's repository (from IT), then Enter."));
		return;
	}
	free(url);
	run(a, s, NULL);
}

void sync_ui_ask_review(app *a)
{
	store *s = current(a);
	if (!s)
		return;
	if (a->list.sel >= a->list.nshown || !a->list.entries[a->list.shown[a->list.sel]].slug) {
		app_status(a, true, "%s", _("Highlight the description to ask a review of."));
		return;
	}
	free(a->dlg.ask_slug);
	a->dlg.ask_slug = xstrdup(a->list.entries[a->list.shown[a->list.sel]].slug);
	a->dlg.ov = OV_ASKREVIEW;
	tb_set(&a->dlg.prompt, "", 0);
	app_status(a, false, "%s", _("A message for the reviewer (what to look at, by when); Enter asks, Esc does not."));
}

void sync_ui_confirm(app *a)
{
	store *s = current(a);
	ov_kind ov = a->dlg.ov;
	char *text = xstrdup(a->dlg.prompt.s ? a->dlg.prompt.s : "");
	a->dlg.ov = OV_NONE;
	if (!s) {
		free(text);
		return;
	}
	if (ov == OV_CONNECT) {
		if (!*text) {
			app_status(a, true, "%s", _("No address given; F5 asks again."));
		} else if (!flow_is_address(s, text)) {
			a->dlg.ov = OV_CONNECT;
			app_status(a, true, "%s", _("That is not an address: give one like https://git.example.nl/team/algoritmes.git, or a folder."));
		} else {
			run(a, s, text);
		}
	} else if (ov == OV_ASKREVIEW && a->dlg.ask_slug) {
		char *said = NULL, *err = NULL;
		if (flow_ask_review(s, a->dlg.ask_slug, text, NULL, 0, &said, &err) == STORE_OK)
			app_status(a, false, "%s", esc_line(said));
		else
			app_status(a, true, "%s", esc_line(err ? err : ""));
		free(said);
		free(err);
		xfree(&a->dlg.ask_slug);
		list_review_load(a);
	}
	free(text);
	a->dirty = true;
}

void sync_ui_draw(const app *a, int *cy, int *cx)
{
	if (a->dlg.ov == OV_CONNECT)
		dialog_prompt_box(a, _("Connect to the team server"), _("Address: "), cy, cx);
	else
		dialog_prompt_box(a, _("Ask for a review"), _("Message: "), cy, cx);
}

void sync_ui_opened(app *a, const char *slug)
{
	store *s = persist_store_current();
	if (!s || a->dlg.ov != OV_NONE)
		return;
	char *banner = flow_changes_banner(s, slug);
	if (!banner)
		return;
	app_status(a, true, "%s", esc_line(banner));
	/* And above the guidance of every field while it is open. */
	free(a->form.banner);
	a->form.banner = text_one_line(banner);
	a->form.guide_field = NULL;
	free(banner);
}
