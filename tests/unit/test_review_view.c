/* The review screen without a terminal: keys are fed to app_handle in a
 * drafts repository, the painter draws into a curses screen that writes to
 * /dev/null, and the screen's rows, the status line and the records written
 * are checked. Also the list's review states, cached (store_review_briefs). */
#include "config.h"
#include "tui/app.h"
#include "tui/persist.h"
#include "tui/review.h"
#include "forms/review.h"
#include "base/base.h"
#include "i18n/i18n.h"
#include "unit.h"
#include "repo_fixture.h"

#include <curses.h>
#include <string.h>
#include <unistd.h>

const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libpcre2-8.so\n";
}

static SCREEN *scr;
static FILE *devnull;

static void term_setup(void)
{
	setup();
	devnull = fopen("/dev/null", "w");
	scr = newterm("xterm", devnull, stdin);
	set_term(scr);
}

static void term_teardown(void)
{
	endwin();
	delscreen(scr);
	fclose(devnull);
	teardown();
}

static void paint(app *a)
{
	resizeterm(24, 80);
	app_relayout(a, 24, 80);
	app_settle(a);
	draw(a);
}

/* The screen as text, rows joined by newlines. */
static char *screen(app *a)
{
	paint(a);
	strbuf b = STRBUF_INIT;
	for (int y = 0; y < 24; y++) {
		char row[4 * 81];
		mvinnstr(y, 0, row, 80);
		sb_adds(&b, row);
		sb_addc(&b, '\n');
	}
	return sb_take(&b);
}

static void key(app *a, int k)
{
	tui_event ev = { .kind = EV_KEY, .key = k };
	app_handle(a, &ev);
	paint(a);
}

static void ch(app *a, uint32_t c)
{
	tui_event ev = { .kind = EV_CHAR, .ch = c };
	app_handle(a, &ev);
	paint(a);
}

static void text(app *a, const char *s)
{
	for (; *s; s++)
		ch(a, (unsigned char)*s);
}

static void version(store *s, const char *goal, const char *human)
{
	description *d = desc_new(std);
	desc_set_text(d, standard_field(std, "name"), "Parkeren");
	desc_set_text(d, standard_field(std, "goal"), goal);
	if (human)
		desc_set_text(d, standard_field(std, "human_intervention"), human);
	ck_assert_int_eq(store_save(s, "parkeren", d, NULL), STORE_OK);
	desc_free(&d);
}

static size_t count(store *s, review_kind k, const char *field)
{
	store_review r;
	ck_assert_int_eq(store_review_load(s, "parkeren", LANG_EN, &r), STORE_OK);
	size_t n = 0;
	for (size_t i = 0; i < r.n; i++)
		n += r.recs[i].kind == k && (!field || (r.recs[i].field && !strcmp(r.recs[i].field, field)));
	store_review_done(&r);
	return n;
}

static store *two_versions(void)
{
	store *s = open_repo("r", true);
	version(s, "Wij controleren parkeren.", NULL);
	version(s, "Wij controleren betaald parkeren.", "Een handhaver kijkt.");
	/* The reviewer is someone else. */
	ck_assert_int_eq(store_set_author(s, "Bea Jansen", "bea@example.nl"), STORE_OK);
	return s;
}

/* The screen steps through the changed fields, the words marked with and
 * without colour; a comment by keys is a record on the field shown; the
 * base stays where it was (the reviewer's own comment hides nothing). */
START_TEST(walk_and_comment)
{
	store *s = two_versions();
	persist_use_store(s);
	app a;
	app_init(&a, std);
	a.utf8 = true;
	ck_assert_int_eq(review_open(&a, s, "parkeren", NULL), 0);
	ck_assert_ptr_nonnull(a.review);
	ck_assert_uint_eq(app_context(&a), CX_REVIEW);
	char *scr1 = screen(&a);
	ck_assert_msg(strstr(scr1, "Field 1 of 3: Name") && strstr(scr1, "{+Parkeren+}"), "%s", scr1);
	free(scr1);
	ch(&a, 'n');
	ch(&a, 'n');
	char *scr2 = screen(&a);
	ck_assert_msg(strstr(scr2, "Field 3 of 3: Human intervention"), "%s", scr2);
	free(scr2);
	ch(&a, 'c');
	ck_assert_uint_eq(app_context(&a), CX_REVIEW_EDIT | CX_PROMPT);
	text(&a, "Wie kijkt er?");
	key(&a, '\r');
	ck_assert_uint_eq(app_context(&a), CX_REVIEW);
	ck_assert_uint_eq(count(s, RK_COMMENT, "human_intervention"), 1);
	char *scr3 = screen(&a);
	ck_assert_msg(strstr(scr3, "Field 3 of 3") && strstr(scr3, "Wie kijkt er?") && strstr(scr3, "Comment by Bea Jansen"), "%s", scr3);
	free(scr3);
	/* Version by version: the first version has the name. */
	ch(&a, 'v');
	char *scr4 = screen(&a);
	ck_assert_msg(strstr(scr4, "Version 1 of 2") && strstr(scr4, "Field 1 of 2: Name"), "%s", scr4);
	free(scr4);
	ch(&a, ']');
	char *scr5 = screen(&a);
	ck_assert_msg(strstr(scr5, "Version 2 of 2") && strstr(scr5, "{+betaald +}"), "%s", scr5);
	free(scr5);
	/* m marks the field as reviewed: [x]. */
	ch(&a, 'm');
	ck_assert_uint_eq(count(s, RK_MARK, NULL), 1);
	char *scr6 = screen(&a);
	ck_assert_msg(strstr(scr6, "[x] Field 1 of 2"), "%s", scr6);
	free(scr6);
	ch(&a, 'q');
	ck_assert_ptr_null(a.review);
	ck_assert(a.quit);
	app_done(&a);
	persist_use_store(NULL);
	store_free(&s);
}
END_TEST

/* The author of the latest version may not approve it: said, nothing
 * written; someone else may. Request changes asks for the message. */
START_TEST(four_eyes_and_changes)
{
	store *s = two_versions();
	ck_assert_int_eq(store_set_author(s, "Anna de Vries", "anna@example.nl"), STORE_OK);
	persist_use_store(s);
	app a;
	app_init(&a, std);
	ck_assert_int_eq(review_open(&a, s, "parkeren", NULL), 0);
	ch(&a, 'a');
	ck_assert_msg(a.status_error && strstr(a.status, "cannot approve"), "%s", a.status);
	ck_assert_uint_eq(count(s, RK_APPROVE, NULL), 0);
	review_close(&a);
	ck_assert_int_eq(store_set_author(s, "Bea Jansen", "bea@example.nl"), STORE_OK);
	ck_assert_int_eq(review_open(&a, s, "parkeren", NULL), 0);
	ch(&a, 'r');
	key(&a, '\r');
	ck_assert(a.status_error);
	ck_assert_uint_eq(count(s, RK_CHANGES, NULL), 0);
	text(&a, "Noem de bewaartermijn.");
	key(&a, '\r');
	ck_assert_uint_eq(count(s, RK_CHANGES, NULL), 1);
	/* One key asks first; the same key again approves. */
	ch(&a, 'a');
	ck_assert_msg(strstr(a.status, "Press a again"), "%s", a.status);
	ck_assert_uint_eq(count(s, RK_APPROVE, NULL), 0);
	ch(&a, 'a');
	ck_assert_uint_eq(count(s, RK_APPROVE, NULL), 1);
	/* After the approval the review starts from it: nothing changed. */
	char *sc = screen(&a);
	ck_assert_msg(strstr(sc, "No field changed.") && strstr(sc, "since the approval"), "%s", sc);
	free(sc);
	app_done(&a);
	persist_use_store(NULL);
	store_free(&s);
}
END_TEST

/* Text from a record reaches the screen escaped. */
START_TEST(escaped)
{
	store *s = two_versions();
	persist_use_store(s);
	app a;
	app_init(&a, std);
	a.utf8 = true;
	ck_assert_int_eq(review_open(&a, s, "parkeren", NULL), 0);
	ch(&a, 'n');
	ch(&a, 'c');
	text(&a, "rood");
	tui_event ev = { .kind = EV_PASTE, .text = "\033[31m!", .len = 6 };
	app_handle(&a, &ev);
	key(&a, '\r');
	char *sc = screen(&a);
	ck_assert_msg(strstr(sc, "rood^[[31m!"), "%s", sc);
	free(sc);
	app_done(&a);
	persist_use_store(NULL);
	store_free(&s);
}
END_TEST

/* The list's states come from a cache that follows the records and the
 * description: the same answer as computed, and a new record is seen. */
START_TEST(briefs_cached)
{
	store *s = two_versions();
	store_review_brief *b = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_review_briefs(s, &b, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(b[0].records, 0);
	store_review_briefs_free(&b, n);
	review_rec r;
	memset(&r, 0, sizeof r);
	r.kind = RK_REQUEST;
	r.slug = xstrdup("parkeren");
	store_review rv;
	ck_assert_int_eq(store_review_load(s, "parkeren", LANG_EN, &rv), STORE_OK);
	r.version = xstrdup(rv.versions[0].commit);
	store_review_done(&rv);
	store_saved info;
	ck_assert_int_eq(store_set_author(s, "Anna de Vries", "anna@example.nl"), STORE_OK);
	ck_assert_int_eq(store_review_add(s, &r, NULL, "ask", &info), STORE_OK);
	ck_assert_int_eq(store_set_author(s, "Bea Jansen", "bea@example.nl"), STORE_OK);
	store_saved_done(&info);
	review_rec_done(&r);
	for (int round = 0; round < 2; round++) {
		ck_assert_int_eq(store_review_briefs(s, &b, &n), STORE_OK);
		ck_assert_uint_eq(n, 1);
		ck_assert_uint_eq(b[0].records, 1);
		ck_assert_int_eq(b[0].state, REVIEW_IN_REVIEW);
		ck_assert(b[0].waiting_for_me);
		store_review_briefs_free(&b, n);
	}
	char *cache = xasprintf("%s/r/.git/algedit/review-briefs", tmp);
	ck_assert_int_eq(access(cache, F_OK), 0);
	/* A damaged cache costs speed only. */
	ck_assert_int_eq(sh("printf 'garbage\\n' > '%s'", cache), 0);
	ck_assert_int_eq(store_review_briefs(s, &b, &n), STORE_OK);
	ck_assert_int_eq(b[0].state, REVIEW_IN_REVIEW);
	store_review_briefs_free(&b, n);
	/* A new version changes the state's base: seen. */
	version(s, "Nog eens anders.", "Een handhaver kijkt.");
	ck_assert_int_eq(store_review_briefs(s, &b, &n), STORE_OK);
	ck_assert_uint_eq(b[0].records, 1);
	store_review_briefs_free(&b, n);
	free(cache);
	store_free(&s);
}
END_TEST

/* The review starts where this reviewer left it: after the screen was
 * closed, only what changed since shows; --since shows more. */
START_TEST(since_last_seen)
{
	store *s = two_versions();
	persist_use_store(s);
	app a;
	app_init(&a, std);
	ck_assert_int_eq(review_open(&a, s, "parkeren", NULL), 0);
	char *sc = screen(&a);
	ck_assert_msg(strstr(sc, "Field 1 of 3"), "%s", sc);
	free(sc);
	review_close(&a);
	ck_assert_int_eq(store_set_author(s, "Anna de Vries", "anna@example.nl"), STORE_OK);
	version(s, "Wij controleren betaald parkeren.", "Twee handhavers kijken.");
	ck_assert_int_eq(store_set_author(s, "Bea Jansen", "bea@example.nl"), STORE_OK);
	ck_assert_int_eq(review_open(&a, s, "parkeren", NULL), 0);
	sc = screen(&a);
	ck_assert_msg(strstr(sc, "Field 1 of 1: Human intervention") && strstr(sc, "the last one you reviewed"), "%s", sc);
	free(sc);
	review_close(&a);
	ck_assert_int_eq(review_open(&a, s, "parkeren", "~2"), 0);
	sc = screen(&a);
	ck_assert_msg(strstr(sc, "Field 1 of 2: Purpose and impact"), "%s", sc);
	free(sc);
	app_done(&a);
	persist_use_store(NULL);
	store_free(&s);
}
END_TEST

/* Ctrl-R in the list opens the review of the highlighted description;
 * Enter opens the field shown in the form; Ctrl-R there opens it again,
 * and closing it goes back to the form. */
START_TEST(from_list_to_form)
{
	store *s = two_versions();
	persist_use_store(s);
	app a;
	app_init(&a, std);
	char *repo = xasprintf("%s/r", tmp);
	list_open(&a, repo);
	list_load_some(&a, 10);
	paint(&a);
	key(&a, TK_CTRL('r'));
	ck_assert_ptr_nonnull(a.review);
	ch(&a, 'n');
	ch(&a, 'n');
	key(&a, '\r');
	ck_assert_ptr_null(a.review);
	ck_assert_ptr_nonnull(a.form.d);
	ck_assert(!a.in_list);
	ck_assert_str_eq(a.std->fields[a.form.field].key, "human_intervention");
	key(&a, KEY_F(9));
	ck_assert_ptr_nonnull(a.review);
	key(&a, 27);
	ck_assert_ptr_null(a.review);
	ck_assert(!a.quit);
	ck_assert_ptr_nonnull(a.form.d);
	app_done(&a);
	free(repo);
	persist_use_store(NULL);
	store_free(&s);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("review_view");
	TCase *t = tcase_create("review_view");
	tcase_add_checked_fixture(t, term_setup, term_teardown);
	tcase_set_timeout(t, 60);
	tcase_add_test(t, walk_and_comment);
	tcase_add_test(t, four_eyes_and_changes);
	tcase_add_test(t, escaped);
	tcase_add_test(t, briefs_cached);
	tcase_add_test(t, since_last_seen);
	tcase_add_test(t, from_list_to_form);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return unit_run(suite());
}
