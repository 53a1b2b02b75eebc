/* tui/demo: every key a script can name reaches the editor as the key the
 * terminal would send, and is written back under the same name when
 * recorded; F12 is the caption key in the list and the form; the
 * presentation view hides the key bar and the field list, and a caption
 * takes rows above the status line. */
#include "config.h"
#include "tui/app.h"
#include "tui/view.h"
#include "tui/demo.h"
#include "forms/keyscript.h"
#include "unit.h"

#include <curses.h>
#include <string.h>

START_TEST(keys_round_trip)
{
	const char *all[] = { "Enter", "Tab", "S-Tab", "Esc", "Backspace", "Delete", "Up", "Down", "Left", "Right",
	                      "Home", "End", "PageUp", "PageDown", "F1", "F2", "F10", "F12", "C-a", "C-n", "C-s",
	                      "C-z", "M-c", "M-t", "C-Left", "C-Right", "C-Up", "C-Down", "C-Home", "C-End", "M-Up",
	                      "M-Down", "M-PageUp", "M-PageDown", "M-Enter" };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		ks_key k, back;
		char buf[24];
		ck_assert(ks_key_parse(all[i], &k));
		tui_event ev;
		demo_key_event(&k, &ev);
		ck_assert_int_eq(ev.kind, EV_KEY);
		ck_assert_msg(demo_event_key(ev.key, &back), "%s: key %d not recorded", all[i], ev.key);
		ck_assert_str_eq(ks_key_name(&back, buf), all[i]);
	}
	/* What the terminal sends for the same keys. */
	ks_key k;
	tui_event ev;
	ck_assert(ks_key_parse("C-n", &k));
	demo_key_event(&k, &ev);
	ck_assert_int_eq(ev.key, TK_CTRL('n'));
	ck_assert(ks_key_parse("Enter", &k));
	demo_key_event(&k, &ev);
	ck_assert_int_eq(ev.key, '\r');
	ck_assert(ks_key_parse("F12", &k));
	demo_key_event(&k, &ev);
	ck_assert_int_eq(ev.key, KEY_F(12));
	/* Space is typed, as a character. */
	ck_assert(ks_key_parse("Space", &k));
	demo_key_event(&k, &ev);
	ck_assert_int_eq(ev.kind, EV_CHAR);
	ck_assert_uint_eq(ev.ch, ' ');
	/* Keys a script cannot write are not recorded. */
	ck_assert(!demo_event_key(KEY_F(20), &k));
	ck_assert(!demo_event_key(0, &k));
}
END_TEST

START_TEST(caption_key)
{
	ck_assert_int_eq(key_action(KEY_F(12), CX_FORM | CX_TEXT), A_CAPTION);
	ck_assert_int_eq(key_action(KEY_F(12), CX_LIST), A_CAPTION);
	ck_assert_str_eq(action_get(A_CAPTION)->name, "Caption");
}
END_TEST

START_TEST(presentation_layout)
{
	static app a;
	memset(&a, 0, sizeof a);
	layout l;
	layout_compute(&l, &a, 30, 100);
	ck_assert_int_eq(l.keybar_y, 29);
	ck_assert_int_eq(l.caption_h, 0);
	ck_assert_int_eq(l.status_y, 28);
	ck_assert_int_gt(l.side_w, 0);
	a.present = true;
	layout_compute(&l, &a, 30, 100);
	ck_assert_int_eq(l.keybar_y, -1);
	ck_assert_int_eq(l.side_w, 0);
	ck_assert_int_eq(l.main_w, 99);
	ck_assert(!l.guide_right_fits);
	ck_assert(l.guide_below_fits);
	ck_assert_int_eq(l.status_y, 29);
	a.caption = "De korte beschrijving is voor burgers";
	layout_compute(&l, &a, 30, 100);
	ck_assert_int_eq(l.caption_h, 1);
	ck_assert_int_eq(l.caption_y, 29);
	ck_assert_int_eq(l.status_y, 28);
	/* A playing demo's bar takes the key bar's row. */
	a.demo_bar = true;
	layout_compute(&l, &a, 30, 100);
	ck_assert_int_eq(l.keybar_y, 29);
	ck_assert_int_eq(l.caption_y, 28);
	ck_assert_int_eq(l.status_y, 27);
	/* A long caption takes two rows. */
	a.caption = "De korte beschrijving is voor burgers: in twee of drie zinnen wat het algoritme doet, voor wie, "
	            "en wat zij ervan merken.";
	layout_compute(&l, &a, 30, 100);
	ck_assert_int_eq(l.caption_h, 2);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("demo");
	TCase *t = tcase_create("demo");
	tcase_add_test(t, keys_round_trip);
	tcase_add_test(t, caption_key);
	tcase_add_test(t, presentation_layout);
	suite_add_tcase(s, t);
	return unit_run(s);
}
