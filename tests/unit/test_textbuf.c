/* The text model with the text civil servants type: Dutch accents (ë, é),
 * the ĳ ligature, curly apostrophes, the euro sign, combining accents, wide
 * characters and emoji. Cursor moves never split a sequence, wrapping is by
 * display width, undo and redo restore text and cursor. */
#include "config.h"
#include "forms/textbuf.h"
#include "base/base.h"
#include "unit.h"

#include <string.h>

static void set(textbuf *tb, const char *s)
{
	tb_set(tb, s, strlen(s));
}

START_TEST(widths)
{
	ck_assert_int_eq(tb_cp_width('a'), 1);
	ck_assert_int_eq(tb_cp_width(0xEB), 1);      /* ë */
	ck_assert_int_eq(tb_cp_width(0x133), 1);     /* ĳ */
	ck_assert_int_eq(tb_cp_width(0x2019), 1);    /* ’ */
	ck_assert_int_eq(tb_cp_width(0x20AC), 1);    /* € */
	ck_assert_int_eq(tb_cp_width(0x301), 0);     /* combining acute */
	ck_assert_int_eq(tb_cp_width(0x1F600), 2);   /* 😀 */
	ck_assert_int_eq(tb_cp_width(0x4E2D), 2);    /* 中 */
	ck_assert_int_eq(tb_cp_width(0x1B), 2);      /* ESC shows as ^[ */
	ck_assert_int_eq(tb_text_width("één € ĳs", strlen("één € ĳs")), 8);
	ck_assert_int_eq(tb_text_width("e\xcc\x81", 3), 1);
	char buf[12];
	ck_assert_str_eq(tb_cp_escape(0x1B, buf), "^[");
	ck_assert_str_eq(tb_cp_escape(0x9B, buf), "<9B>");
	ck_assert_str_eq(tb_cp_escape(0x202E, buf), "<U+202E>");
	ck_assert_ptr_null(tb_cp_escape(0xEB, buf));
}
END_TEST

START_TEST(cursor_by_character)
{
	textbuf tb;
	tb_init(&tb);
	set(&tb, "ëé€ĳ’");
	tb_top(&tb);
	size_t expect[] = { 2, 4, 7, 9, 12 };
	for (size_t i = 0; i < 5; i++) {
		ck_assert(tb_right(&tb));
		ck_assert_uint_eq(tb.cur, expect[i]);
	}
	ck_assert(!tb_right(&tb));
	for (int i = 3; i >= 0; i--) {
		ck_assert(tb_left(&tb));
		ck_assert_uint_eq(tb.cur, expect[i]);
	}
	tb_left(&tb);
	ck_assert_uint_eq(tb.cur, 0);
	ck_assert_uint_eq(tb_chars(&tb), 5);
	tb_done(&tb);
}
END_TEST

START_TEST(combining_and_emoji_are_one_step)
{
	textbuf tb;
	tb_init(&tb);
	/* e + combining acute, family emoji with ZWJ, flag NL, thumbs up with skin tone */
	const char *s = "e\xcc\x81" "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
	                "\xF0\x9F\x87\xB3\xF0\x9F\x87\xB1" "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD" "x";
	set(&tb, s);
	tb_top(&tb);
	tb_right(&tb);
	ck_assert_uint_eq(tb.cur, 3);
	tb_right(&tb);
	ck_assert_uint_eq(tb.cur, 3 + 18);
	tb_right(&tb);
	ck_assert_uint_eq(tb.cur, 3 + 18 + 8);
	tb_right(&tb);
	ck_assert_uint_eq(tb.cur, 3 + 18 + 8 + 8);
	tb_left(&tb);
	ck_assert_uint_eq(tb.cur, 3 + 18 + 8);
	tb_left(&tb);
	ck_assert_uint_eq(tb.cur, 3 + 18);
	/* Backspace removes the whole family, never half a sequence. */
	ck_assert(tb_backspace(&tb));
	ck_assert_uint_eq(tb.cur, 3);
	ck_assert_int_eq(utf8_invalid_offset(tb.s, tb.len), -1);
	tb_top(&tb);
	tb_delete(&tb);
	ck_assert_int_eq(utf8_invalid_offset(tb.s, tb.len), -1);
	ck_assert(str_starts(tb.s, "\xF0\x9F\x87\xB3"));
	tb_done(&tb);
}
END_TEST

START_TEST(insert_cleans_input)
{
	textbuf tb;
	tb_init(&tb);
	tb_insert(&tb, "a\r\nb\rc\xff" "d", 8, false);
	ck_assert_str_eq(tb.s, "a\nb\nc\xEF\xBF\xBD" "d");
	tb_done(&tb);
	tb_init(&tb);
	tb.single_line = true;
	tb_insert(&tb, "één\nregel", strlen("één\nregel"), false);
	ck_assert_str_eq(tb.s, "één regel");
	tb_done(&tb);
}
END_TEST

START_TEST(word_moves)
{
	textbuf tb;
	tb_init(&tb);
	set(&tb, "zo’n ĳzeren auto’s, 5 €");
	tb_top(&tb);
	tb_word_right(&tb);
	ck_assert_str_eq(tb.s + tb.cur, "ĳzeren auto’s, 5 €");
	tb_word_right(&tb);
	ck_assert_str_eq(tb.s + tb.cur, "auto’s, 5 €");
	tb_word_right(&tb);
	ck_assert_str_eq(tb.s + tb.cur, "5 €");
	tb_word_left(&tb);
	ck_assert_str_eq(tb.s + tb.cur, "auto’s, 5 €");
	tb_bottom(&tb);
	tb_word_left(&tb);
	ck_assert_str_eq(tb.s + tb.cur, "5 €");
	tb_bottom(&tb);
	tb_delete_word_back(&tb);
	tb_delete_word_back(&tb);
	ck_assert_str_eq(tb.s, "zo’n ĳzeren ");
	tb_done(&tb);
}
END_TEST

START_TEST(wrap_by_display_width)
{
	textbuf tb;
	tb_init(&tb);
	set(&tb, "één twee drie");
	size_t n;
	const tb_line *l = tb_layout(&tb, 8, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(l[0].start, 0);
	ck_assert_str_eq(tb.s + l[1].start, "drie");
	/* Emoji take two columns: four of them fill a row of 8. */
	set(&tb, "😀😀😀😀😀");
	l = tb_layout(&tb, 8, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(l[0].end, 16);
	/* A word longer than the row is cut, at a character boundary. */
	set(&tb, "ĳĳĳĳĳĳĳĳĳĳ");
	l = tb_layout(&tb, 4, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(l[1].start, 8);
	/* Hard newlines and an empty last line. */
	set(&tb, "a\n\nb\n");
	l = tb_layout(&tb, 10, &n);
	ck_assert_uint_eq(n, 4);
	ck_assert(l[0].hard && l[1].hard);
	ck_assert_uint_eq(l[3].start, 5);
	size_t row;
	int col;
	tb_cursor_pos(&tb, 10, &row, &col);
	ck_assert_uint_eq(row, 3);
	ck_assert_int_eq(col, 0);
	tb_done(&tb);
}
END_TEST

START_TEST(up_down_home_end)
{
	textbuf tb;
	tb_init(&tb);
	set(&tb, "één twee drie vier");
	/* rows at width 9: "één twee " "drie vier" */
	tb_top(&tb);
	tb_right(&tb);
	tb_right(&tb);
	tb_down(&tb, 9);
	ck_assert_str_eq(tb.s + tb.cur, "ie vier");
	tb_up(&tb, 9);
	ck_assert_str_eq(tb.s + tb.cur, "n twee drie vier");
	tb_end(&tb, 9);
	ck_assert_str_eq(tb.s + tb.cur, " drie vier");
	tb_home(&tb, 9);
	ck_assert_uint_eq(tb.cur, 0);
	tb_down(&tb, 9);
	tb_end(&tb, 9);
	ck_assert_uint_eq(tb.cur, tb.len);
	tb_home(&tb, 9);
	ck_assert_str_eq(tb.s + tb.cur, "drie vier");
	tb_home(&tb, 9);
	ck_assert_uint_eq(tb.cur, 0);
	/* Goal column survives a short row, and wide characters. */
	set(&tb, "abcdef\nx\n😀😀😀");
	tb_top(&tb);
	for (int i = 0; i < 5; i++)
		tb_right(&tb);
	tb_down(&tb, 20);
	ck_assert_str_eq(tb.s + tb.cur, "\n😀😀😀");
	tb_down(&tb, 20);
	ck_assert_str_eq(tb.s + tb.cur, "😀");
	tb_done(&tb);
}
END_TEST

/* The editor keeps one buffer for the current field: a field's history is
 * put aside when the person moves on and given back when they return. */
START_TEST(history_survives_leaving_a_field)
{
	textbuf tb;
	tb_init(&tb);
	tb_history h1 = { 0 }, h2 = { 0 };
	tb_set(&tb, "Doel", 4);
	tb_insert(&tb, " van de gemeente", 16, true);
	tb_seal(&tb);
	tb_insert(&tb, " \xe2\x80\x99s-Hertogenbosch", 19, true);
	tb_set_cursor(&tb, 4);
	/* Leave field 1 for field 2 and type there. */
	tb_history_save(&tb, &h1);
	ck_assert(!tb_undo(&tb));
	tb_set(&tb, "Risico", 6);
	tb_insert(&tb, "’s", strlen("’s"), true);
	tb_history_save(&tb, &h2);
	/* Back in field 1: both steps can be undone and redone. */
	tb_set(&tb, "Doel van de gemeente ’s-Hertogenbosch", strlen("Doel van de gemeente ’s-Hertogenbosch"));
	ck_assert(tb_history_restore(&tb, &h1));
	ck_assert_uint_eq(tb.cur, 4);
	ck_assert_ptr_null(h1.text);
	ck_assert(tb_undo(&tb));
	ck_assert_str_eq(tb.s, "Doel van de gemeente");
	ck_assert(tb_undo(&tb));
	ck_assert_str_eq(tb.s, "Doel");
	ck_assert(!tb_undo(&tb));
	ck_assert(tb_redo(&tb));
	ck_assert_str_eq(tb.s, "Doel van de gemeente");
	/* Field 2 changed meanwhile (another way than this buffer): its old
	 * history no longer applies and is dropped, not misapplied. */
	tb_set(&tb, "Risico’s en meer", strlen("Risico’s en meer"));
	ck_assert(!tb_history_restore(&tb, &h2));
	ck_assert(!tb_undo(&tb));
	ck_assert_str_eq(tb.s, "Risico’s en meer");
	/* Nothing to keep: an empty history. */
	tb_history_save(&tb, &h2);
	ck_assert_ptr_null(h2.text);
	tb_history_done(&h1);
	tb_history_done(&h2);
	tb_done(&tb);
}
END_TEST

START_TEST(undo_redo)
{
	textbuf tb;
	tb_init(&tb);
	const char *words[] = { "Het", " ", "doel", " ", "is" };
	for (size_t w = 0; w < 5; w++)
		for (const char *p = words[w]; *p; p++)
			tb_insert(&tb, p, 1, true);
	ck_assert_str_eq(tb.s, "Het doel is");
	tb_undo(&tb);
	ck_assert_str_eq(tb.s, "Het doel ");
	tb_undo(&tb);
	ck_assert_str_eq(tb.s, "Het ");
	tb_redo(&tb);
	ck_assert_str_eq(tb.s, "Het doel ");
	ck_assert_uint_eq(tb.cur, tb.len);
	tb_insert(&tb, "ë", 2, true);
	ck_assert(!tb_redo(&tb));
	/* Backspacing is one step, and brings the cursor back. */
	tb_backspace(&tb);
	tb_backspace(&tb);
	tb_backspace(&tb);
	ck_assert_str_eq(tb.s, "Het doe");
	tb_undo(&tb);
	ck_assert_str_eq(tb.s, "Het doel ë");
	ck_assert_uint_eq(tb.cur, tb.len);
	/* A paste is its own step. */
	tb_insert(&tb, "€ 5", strlen("€ 5"), false);
	tb_undo(&tb);
	ck_assert_str_eq(tb.s, "Het doel ë");
	while (tb_undo(&tb))
		;
	ck_assert_str_eq(tb.s, "");
	while (tb_redo(&tb))
		;
	ck_assert_str_eq(tb.s, "Het doel ë€ 5");
	tb_done(&tb);
}
END_TEST

START_TEST(max_bytes_and_eol)
{
	textbuf tb;
	tb_init(&tb);
	tb.max_bytes = 7;
	ck_assert(tb_insert(&tb, "2024-05", 7, true));
	ck_assert(!tb_insert(&tb, "1", 1, true));
	tb_done(&tb);
	tb_init(&tb);
	set(&tb, "regel één\nregel twee");
	tb_top(&tb);
	tb_word_right(&tb);
	tb_delete_to_eol(&tb);
	ck_assert_str_eq(tb.s, "regel \nregel twee");
	tb_delete_to_eol(&tb);
	ck_assert_str_eq(tb.s, "regel regel twee");
	tb_set_cursor(&tb, 1000);
	ck_assert_uint_eq(tb.cur, tb.len);
	tb_done(&tb);
}
END_TEST

/* A spelling fix is one step: undo gives the word back, never a state
 * without it; redo puts the fix back (issue 21.13). */
START_TEST(replace_is_one_step)
{
	textbuf tb;
	tb_init(&tb);
	tb_insert(&tb, "De kontrole van ĳs", strlen("De kontrole van ĳs"), false);
	tb_seal(&tb);
	ck_assert(tb_replace(&tb, 3, 11, "controle", 8));
	ck_assert_str_eq(tb.s, "De controle van ĳs");
	ck_assert_uint_eq(tb.cur, 11);
	ck_assert(tb_undo(&tb));
	ck_assert_str_eq(tb.s, "De kontrole van ĳs");
	ck_assert(tb_undo(&tb));
	ck_assert_str_eq(tb.s, "");
	ck_assert(tb_redo(&tb));
	ck_assert(tb_redo(&tb));
	ck_assert_str_eq(tb.s, "De controle van ĳs");
	/* Nothing to change: no step. */
	size_t n = tb.nundo;
	ck_assert(!tb_replace(&tb, 3, 11, "controle", 8));
	ck_assert_uint_eq(tb.nundo, n);
	tb_done(&tb);
}
END_TEST

/* Keys typed in a burst (a paste the terminal did not mark) are one undo
 * step, words and all; typed by hand, each word is one. */
START_TEST(burst_is_one_step)
{
	textbuf tb;
	tb_init(&tb);
	const char *s = "Een lange geplakte tekst met zo’n € en ĳ.";
	for (int burst = 0; burst < 2; burst++) {
		tb_set(&tb, "", 0);
		tb.burst = burst;
		for (const char *p = s; *p;) {
			size_t k = tb_next_cluster(p, strlen(p), 0);
			tb_insert(&tb, p, k, true);
			p += k;
		}
		ck_assert_str_eq(tb.s, s);
		ck_assert(tb_undo(&tb));
		if (burst)
			ck_assert_str_eq(tb.s, "");
		else
			ck_assert_str_eq(tb.s, "Een lange geplakte tekst met zo’n € en ");
	}
	tb_done(&tb);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("textbuf");
	TCase *t = tcase_create("textbuf");
	tcase_add_test(t, widths);
	tcase_add_test(t, cursor_by_character);
	tcase_add_test(t, combining_and_emoji_are_one_step);
	tcase_add_test(t, insert_cleans_input);
	tcase_add_test(t, word_moves);
	tcase_add_test(t, wrap_by_display_width);
	tcase_add_test(t, up_down_home_end);
	tcase_add_test(t, undo_redo);
	tcase_add_test(t, history_survives_leaving_a_field);
	tcase_add_test(t, max_bytes_and_eol);
	tcase_add_test(t, replace_is_one_step);
	tcase_add_test(t, burst_is_one_step);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return unit_run(suite());
}
