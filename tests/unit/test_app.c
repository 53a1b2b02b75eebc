/* The editor without a terminal: events are fed to app_handle, the handler
 * the loop calls, and the state is checked (the text, the cursor, the
 * field, the dialog, the status line). Where the painter matters it draws
 * into a curses screen that writes to /dev/null. */
#include "config.h"
#include "tui/app.h"
#include "tui/view.h"
#include "forms/desc.h"
#include "base/base.h"
#include "i18n/i18n.h"
#include "unit.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static standard *std;
static char dir[64];
static SCREEN *scr;
static FILE *devnull;

static void ev_key(app *a, int k)
{
	tui_event ev = { .kind = EV_KEY, .key = k };
	app_handle(a, &ev);
}

static void ev_text(app *a, const char *s)
{
	for (const char *p = s; *p;) {
		uint32_t cp;
		int n = utf8_decode(p, strlen(p), &cp);
		tui_event ev = { .kind = EV_CHAR, .ch = cp };
		app_handle(a, &ev);
		p += n > 0 ? n : 1;
	}
}

/* A terminal of rows × cols that writes nowhere; the painter runs as in
 * the loop, so the layout is the one the user would see. */
static void paint(app *a, int rows, int cols)
{
	resizeterm(rows, cols);
	a->dirty = false;
	draw(a);
}

static void setup(void)
{
	std = unit_standard();
	snprintf(dir, sizeof dir, "/tmp/algedit-test-app-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *st = xasprintf("%s/state", dir);
	setenv("XDG_STATE_HOME", st, 1);
	free(st);
	devnull = fopen("/dev/null", "w");
	scr = newterm("xterm", devnull, stdin);
	set_term(scr);
}

static void teardown(void)
{
	endwin();
	delscreen(scr);
	fclose(devnull);
	char *rm = xasprintf("rm -rf '%s'", dir);
	if (system(rm) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(rm);
	standard_free(&std);
}

static void open_new(app *a, const char *name)
{
	app_init(a, std);
	a->utf8 = true;
	char *p = xasprintf("%s/%s", dir, name);
	ck_assert_int_eq(app_open(a, p, NULL), 0);
	free(p);
	paint(a, 24, 80);
}

/* Defect 1: ← and → move the cursor in a text field and in a prompt. */
START_TEST(arrows_move_the_cursor)
{
	app a;
	open_new(&a, "a.yaml");
	ev_text(&a, "abc");
	ev_key(&a, KEY_LEFT);
	ev_key(&a, KEY_LEFT);
	ck_assert_uint_eq(a.tb.cur, 1);
	ev_text(&a, "X");
	ck_assert_str_eq(a.tb.s, "aXbc");
	ev_key(&a, KEY_RIGHT);
	ev_text(&a, "Y");
	ck_assert_str_eq(a.tb.s, "aXbYc");
	a.modified = false;
	app_done(&a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("app");
	TCase *tc = tcase_create("app");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, arrows_move_the_cursor);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
