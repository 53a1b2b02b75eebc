/* loop: the editor's main loop. One turn: paint if dirty, wait for an event
 * (no longer than the journal needs), hand it to the handler, write the
 * journal when due. SIGHUP and SIGTERM interrupt the wait and the journal is
 * flushed before the editor leaves, so closing the terminal loses nothing. */
#include "config.h"
#include "tui/app.h"
#include "tui/quality_ui.h"
#include "tui/input.h"
#include "tui/demo.h"
#include "tui/persist.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got_signal;

/* The longest wait for a key, in ms, when nothing else is due. */
enum { IDLE_WAKE_MS = 1000 };

static void on_signal(int sig)
{
	got_signal = sig;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the signal must end the wait for a key. */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Before the screen: a locale whose characters hold the drafts' text
 * (tui_term_locale); false, with the reason on stderr, where none exists. */
static bool screen_locale(app *a)
{
	const char *used = NULL;
	int r = tui_term_locale(&used);
	if (r < 0) {
		fprintf(stderr, "algedit: %s\n",
		        _("this computer's language setting (locale) cannot hold letters such as ë, and no UTF-8 locale is installed to use instead: typed text would be lost. Set LANG=C.UTF-8 (install the locales package if it is missing) and start again, or use algedit --plain."));
		return false;
	}
	/* LANGUAGE counts again under the UTF-8 locale: the standard's texts
	 * in the messages' language. */
	if (r > 0)
		a->lang = i18n_lang();
	if (r > 0 && (!a->status || a->status_tip)) {
		/* Once, where the person looks: why their LANG is not used. */
		app_status(a, false, _("LANG names no UTF-8 locale installed here, so the screen uses %s to keep letters such as ë; set LANG=C.UTF-8 and this note goes away."), used);
	}
	return true;
}

static bool screen_start(app *a)
{
	if (!screen_locale(a))
		return false;
	install_signals();
	/* Before initscr, so ncurses leaves our SIGTERM handler alone. */
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	a->utf8 = tui_term_glyphs();
	demo_attach(a);
	draw_init_colors(a);
	input_init();
	return true;
}

static void screen_end(void)
{
	input_done();
	endwin();
}

/* Runs until quit; returns the exit code. */
static int run(app *a)
{
	strbuf paste = STRBUF_INIT;
	const char *once = getenv("ALGEDIT_EXIT_AFTER_DRAW");
	while (!a->quit) {
		/* One layout per turn, for the painter and the handler alike. */
		int rows, cols;
		getmaxyx(stdscr, rows, cols);
		app_relayout(a, rows, cols);
		app_settle(a);
		if (a->dirty) {
			a->dirty = false;
			draw(a);
			if (once && *once)
				break;
		}
		if (got_signal)
			break;
		/* Never for ever: a SIGWINCH (or SIGTERM) that arrives after
		 * ncurses looked for one and before it blocks in read() is only
		 * noticed at its next look; this is that look, within a second. */
		int wait = IDLE_WAKE_MS;
		if (a->form.journal_pending) {
			long long left = JOURNAL_DELAY_MS - (app_now_ms() - a->form.journal_last);
			wait = left < 0 ? 0 : left < wait ? (int)left : wait;
		}
		if (a->in_list && a->list.nloaded < a->list.nentries)
			wait = 0;
		/* Wake up for the dictionary and for suggestions being computed. */
		if (spell_ui_tick(a) && wait > 100)
			wait = 100;
		/* And for the link check's answer (Alt-L). */
		if (quality_ui_tick(a) && wait > 100)
			wait = 100;
		/* Something arrived for the screen: look at the keyboard without
		 * waiting, then draw; keys are read on every turn all the same. */
		if (a->dirty)
			wait = 0;
		tui_event ev;
		/* The keyboard, or a demo being played (demo.c). A key that was
		 * there before the loop looked (no wait) came in a burst. */
		long long asked = app_now_ms();
		if (demo_input(a, &ev, wait, &paste)) {
			long long got = app_now_ms();
			/* Waiting, or within a moment of the key before: a hand
			 * rarely types two keys 30 ms apart, a terminal passing on a
			 * paste in pieces does. */
			a->key_queued = got - asked <= 2 || (a->key_last_ms && got - a->key_last_ms < 30);
			a->key_last_ms = got;
			app_handle(a, &ev);
		} else if (a->in_list && a->list.nloaded < a->list.nentries) {
			list_load_some(a, 40);
		}
		app_journal_tick(a, app_now_ms(), false);
	}
	if (got_signal)
		app_journal_tick(a, app_now_ms(), true);
	sb_done(&paste);
	return got_signal ? 128 + got_signal : 0;
}

int app_run_screen(app *a)
{
	if (!screen_start(a))
		return 2;
	int rc = run(a);
	screen_end();
	return rc;
}

/* The drafts repository a file belongs to: the folder above algoritmes/. */
static char *repo_of_file(const char *path)
{
	char *p = xstrdup(path);
	char *slash = strrchr(p, '/');
	if (!slash) {
		free(p);
		return xstrdup("..");
	}
	*slash = '\0';
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "%s/..", *p ? p : "");
	free(p);
	return sb_take(&b);
}

int tui_edit_file(const standard *std, const char *path)
{
	app a;
	app_init(&a, std);
	char *repo = repo_of_file(path);
	spell_ui_start(repo);
	free(repo);
	if (app_open(&a, path, NULL) < 0) {
		fprintf(stderr, "algedit: %s\n", a.status ? a.status : "");
		app_done(&a);
		spell_ui_stop();
		return 2;
	}
	int rc = 2;
	if (screen_start(&a)) {
		rc = run(&a);
		screen_end();
	}
	app_done(&a);
	spell_ui_stop();
	return rc;
}

int tui_list(const standard *std, const char *repo, const char *template_arg)
{
	app a;
	app_init(&a, std);
	list_open(&a, repo);
	if (template_arg && list_from_template(&a, template_arg) < 0) {
		fprintf(stderr, "algedit: %s\n", a.status ? a.status : "");
		app_done(&a);
		return 2;
	}
	spell_ui_start(repo);
	int rc = 2;
	if (screen_start(&a)) {
		/* The rows on the first screen are read before it is drawn. */
		getmaxyx(stdscr, a.rows, a.cols);
		list_load_some(&a, a.rows > 0 ? (size_t)a.rows : 24);
		rc = run(&a);
		screen_end();
	}
	app_done(&a);
	spell_ui_stop();
	return rc;
}

int tui_review(const standard *std, const char *repo, const char *slug, const char *since)
{
	app a;
	app_init(&a, std);
	list_open(&a, repo);
	if (review_open(&a, persist_store_current(), slug, since) < 0) {
		fprintf(stderr, "algedit: %s\n", a.status ? a.status : "");
		app_done(&a);
		return 1;
	}
	review_quit_on_close(&a);
	spell_ui_start(repo);
	int rc = 2;
	if (screen_start(&a)) {
		getmaxyx(stdscr, a.rows, a.cols);
		list_load_some(&a, a.rows > 0 ? (size_t)a.rows : 24);
		rc = run(&a);
		screen_end();
	}
	app_done(&a);
	spell_ui_stop();
	return rc;
}
