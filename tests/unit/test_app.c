/* The editor without a terminal: events are fed to app_handle, the handler
 * the loop calls, and the state is checked (the text, the cursor, the
 * field, the dialog, the status line). Where the painter matters it draws
 * into a curses screen that writes to /dev/null. */
#include "config.h"
#include "tui/app.h"
#include "tui/view.h"
#include "forms/desc.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"
#include "unit.h"

#include <curses.h>
#include <sys/stat.h>
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
	app_relayout(a, rows, cols);
	app_settle(a);
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
	ck_assert_uint_eq(a.form.tb.cur, 1);
	ev_text(&a, "X");
	ck_assert_str_eq(a.form.tb.s, "aXbc");
	ev_key(&a, KEY_RIGHT);
	ev_text(&a, "Y");
	ck_assert_str_eq(a.form.tb.s, "aXbYc");
	a.form.modified = false;
	app_done(&a);
}
END_TEST

/* One slug function: a new description gets the same file name from the
 * list (plain files) as from the store and algedit new. */
START_TEST(one_slug)
{
	const char *names[] = { "Zo’n € regeling", "Parkeren", "Ĳsbaan-toezicht (pilot)", "" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *x = list_slug(names[i]), *y = slug_from_name(names[i]);
		ck_assert_str_eq(x, y);
		free(x);
		free(y);
	}
}
END_TEST

/* The form's title bar and the list count a value that is not text alike. */
START_TEST(one_filled_count)
{
	char *sub = xasprintf("%s/algoritmes", dir);
	mkdir(sub, 0755);
	char *p = xasprintf("%s/m.yaml", sub);
	const char *y = "name: Proef\norganization: {naam: Gemeente}\n";
	write_file_atomic(p, y, strlen(y));
	app a;
	app_init(&a, std);
	list_open(&a, dir);
	list_load_some(&a, 10);
	ck_assert_uint_eq(a.list.nentries, 1);
	size_t list_req = a.list.entries[0].req_filled, list_shown = a.list.entries[0].always_filled;
	ck_assert_int_eq(app_open(&a, p, NULL), 0);
	size_t rf, rt, af, at, errors;
	app_progress(&a, &rf, &rt, &af, &at, &errors);
	ck_assert_uint_eq(list_req, rf);
	ck_assert_uint_eq(list_shown, af);
	ck_assert_uint_eq(rf, 2);
	app_done(&a);
	free(p);
	free(sub);
}
END_TEST

/* Defect 3: Ctrl-T hides the guidance where the layout shows it, and opens
 * it full screen where it has no room (18 and 19 rows: it used to flip a
 * flag nobody could see); Alt-T opens it full screen at any size. */
START_TEST(guidance_key_reads_the_layout)
{
	app a;
	open_new(&a, "g.yaml");
	int sizes[][2] = { { 18, 80 }, { 19, 80 }, { 24, 80 }, { 40, 120 }, { 12, 50 } };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		paint(&a, sizes[i][0], sizes[i][1]);
		bool pane = a.lay.guide_shown;
		ev_key(&a, TK_CTRL('t'));
		if (pane) {
			ck_assert_int_eq(a.dlg.ov, OV_NONE);
			paint(&a, sizes[i][0], sizes[i][1]);
			ck_assert(!a.lay.guide_shown);
			ev_key(&a, TK_CTRL('t'));
			paint(&a, sizes[i][0], sizes[i][1]);
			ck_assert(a.lay.guide_shown);
		} else {
			ck_assert_msg(a.dlg.ov == OV_GUIDE, "%dx%d: Ctrl-T shows the guidance full size",
			              sizes[i][1], sizes[i][0]);
			ev_key(&a, 27);
			ck_assert_int_eq(a.dlg.ov, OV_NONE);
			ck_assert(!a.form.guide_hidden);
		}
		ev_key(&a, TK_ALT('t'));
		ck_assert_int_eq(a.dlg.ov, OV_GUIDE);
		ev_key(&a, 27);
	}
	a.form.modified = false;
	app_done(&a);
}
END_TEST

/* The actions table has one entry per action, each under its own id. */
START_TEST(action_table)
{
	for (int i = 0; i < A_COUNT; i++) {
		ck_assert_int_eq(actions[i].id, i);
		ck_assert_ptr_nonnull(actions[i].name);
	}
	for (size_t k = 0; k < nkeys; k++)
		ck_assert_int_lt(keys[k].id, A_COUNT);
}
END_TEST

/* Every action a function key does can be done without one, where that
 * key works (vt100 has no F11, remote desktops swallow F-keys): some key
 * that is not a function key does the same action in the same place. */
START_TEST(every_function_key_has_a_twin)
{
	for (size_t k = 0; k < nkeys; k++) {
		if (keys[k].key < KEY_F(1) || keys[k].key > KEY_F(12))
			continue;
		for (unsigned bit = 1; bit && bit <= keys[k].ctx; bit <<= 1) {
			if (!(keys[k].ctx & bit) || key_action(keys[k].key, bit) != keys[k].id)
				continue;
			bool twin = false;
			for (size_t j = 0; j < nkeys && !twin; j++)
				twin = (keys[j].key < KEY_F(1) || keys[j].key > KEY_F(12)) && keys[j].id == keys[k].id &&
				       key_action(keys[j].key, bit) == keys[k].id;
			if (!twin)
				ck_abort_msg("F%d (%s) has no other key in context %#x", keys[k].key - KEY_F(0),
				             actions[keys[k].id].name, bit);
		}
	}
}
END_TEST

/* Defect 11: undo back to the saved text is not a change: the title drops
 * "(not saved)" and Ctrl-Q closes without asking; a choice too. */
START_TEST(undo_to_saved_is_unmodified)
{
	char *p = xasprintf("%s/s.yaml", dir);
	const char *y = "name: Proef\n";
	write_file_atomic(p, y, strlen(y));
	app a;
	app_init(&a, std);
	ck_assert_int_eq(app_open(&a, p, NULL), 0);
	ck_assert(!a.form.modified);
	ev_text(&a, " twee");
	ck_assert(a.form.modified);
	for (int i = 0; i < 5 && strcmp(a.form.tb.s, "Proef"); i++)
		ev_key(&a, TK_CTRL('z'));
	ck_assert_str_eq(a.form.tb.s, "Proef");
	ck_assert(!a.form.modified);
	ev_key(&a, TK_CTRL('y'));
	ck_assert(a.form.modified);
	ev_key(&a, TK_CTRL('z'));
	ck_assert(!a.form.modified);
	ev_key(&a, TK_CTRL('q'));
	ck_assert_int_eq(a.dlg.ov, OV_NONE);
	ck_assert(a.quit);
	app_done(&a);
	free(p);
}
END_TEST

/* Defect 6: the help is grouped by where a key works, and the text after
 * the keys starts in one column whatever the keys' bytes (←, ↑ are one
 * column, three bytes); no group lists Enter for two actions. */
START_TEST(help_grouped_and_aligned)
{
	char *h = help_keys_text();
	ck_assert_ptr_nonnull(strstr(h, "In the list of descriptions\n"));
	ck_assert_ptr_nonnull(strstr(h, "In a text field\n"));
	ck_assert_ptr_nonnull(strstr(h, "In a choice or a checklist\n"));
	ck_assert_ptr_nonnull(strstr(h, "In the question about unsaved changes\n"));
	ck_assert_ptr_nonnull(strstr(h, "←"));
	int col = -1;
	size_t enters = 0;
	for (char *line = h, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		size_t len = next ? (size_t)(next - line) : strlen(line);
		if (next)
			next++;
		if (len == 0 || line[0] != ' ') {
			enters = 0; /* a new group */
			continue;
		}
		if (!strncmp(line, "  Enter", 7))
			ck_assert_uint_le(++enters, 1);
		/* The description starts after the padded keys: at 2 + 24 + 1. */
		size_t p = 2;
		int w = 0;
		while (p < len && !(line[p] == ' ' && line[p + 1] == ' ' && w >= 1)) {
			size_t k = tb_next_cluster(line, len, p);
			w += tb_text_width(line + p, k);
			p += k;
		}
		while (p < len && line[p] == ' ') {
			p++;
			w++;
		}
		if (w <= 25) {
			if (col < 0)
				col = w;
			ck_assert_msg(col == w, "not aligned: %.*s", (int)len, line);
		}
	}
	free(h);
}
END_TEST

/* Defect 5: a message belongs to the field it is about: it goes when the
 * user moves to another field; the opening tip stays. */
START_TEST(message_belongs_to_its_field)
{
	app a;
	open_new(&a, "m.yaml");
	ck_assert(a.status_tip);
	ev_key(&a, '\t');
	ck_assert_ptr_nonnull(a.status); /* the tip */
	ev_key(&a, TK_CTRL('z'));
	ck_assert_ptr_nonnull(a.status);
	ck_assert_ptr_nonnull(strstr(a.status, "undo"));
	ev_key(&a, '\t');
	ck_assert_ptr_null(a.status);
	/* A month typed wrong: the message stays while in the field. */
	ev_key(&a, TK_CTRL('f'));
	ev_text(&a, "begin");
	ev_key(&a, '\r');
	ck_assert_int_eq(a.std->fields[a.form.field].kind, FK_MONTH);
	ev_text(&a, "@"); /* letters are welcome ("maart 2024"), @ is not */
	ck_assert(a.status_error);
	ev_text(&a, "2024");
	ck_assert_ptr_nonnull(a.status);
	ev_key(&a, '\t');
	ck_assert_ptr_null(a.status);
	a.form.modified = false;
	app_done(&a);
}
END_TEST

/* Defect 10: an impact assessment's title offers the register's known
 * names: typing "iama", ↓ and Enter takes the full name. */
START_TEST(assessment_names_offered)
{
	app a;
	open_new(&a, "i.yaml");
	ev_key(&a, TK_CTRL('f'));
	ev_text(&a, "impacttoetsen_grouping");
	ev_key(&a, '\r');
	const std_field *f = &a.std->fields[a.form.field];
	ck_assert_str_eq(f->key, "impacttoetsen_grouping");
	ev_key(&a, '\r'); /* add an item */
	ck_assert(a.form.editing_item);
	size_t m[APP_MAX_SUGGESTIONS];
	ck_assert_uint_gt(app_item_suggestions(&a, m, APP_MAX_SUGGESTIONS), 3);
	ev_text(&a, "iama");
	ck_assert_uint_eq(app_item_suggestions(&a, m, APP_MAX_SUGGESTIONS), 1);
	ev_key(&a, KEY_DOWN);
	ck_assert_uint_eq(a.form.sugg_sel, 1);
	ev_key(&a, '\r');
	ck_assert_str_eq(a.form.tb.s, "Impact Assessment Mensenrechten en Algoritmes (IAMA)");
	ck_assert(a.form.editing_item);
	ev_key(&a, '\r');
	ck_assert(!a.form.editing_item);
	const ynode *v = desc_get(a.form.d, f);
	ck_assert_uint_eq(v->n, 1);
	ck_assert_str_eq(ynode_str(ynode_get(v->kids[0], "title")), "Impact Assessment Mensenrechten en Algoritmes (IAMA)");
	paint(&a, 24, 80);
	a.form.modified = false;
	app_done(&a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("app");
	TCase *tc = tcase_create("app");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, arrows_move_the_cursor);
	tcase_add_test(tc, one_slug);
	tcase_add_test(tc, one_filled_count);
	tcase_add_test(tc, guidance_key_reads_the_layout);
	tcase_add_test(tc, action_table);
	tcase_add_test(tc, every_function_key_has_a_twin);
	tcase_add_test(tc, undo_to_saved_is_unmodified);
	tcase_add_test(tc, help_grouped_and_aligned);
	tcase_add_test(tc, message_belongs_to_its_field);
	tcase_add_test(tc, assessment_names_offered);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
