/* forms/keyscript: the demos' key scripts. Every word and key name is read,
 * written back the same, and each fault is named with file and line. */
#include "config.h"
#include "forms/keyscript.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static void bad(const char *src, const char *want)
{
	keyscript s;
	char *err = NULL;
	ck_assert_msg(ks_parse(&s, "demo.keys", src, strlen(src), &err) < 0, "accepted: %s", src);
	ck_assert_msg(err && strstr(err, want), "\"%s\": message \"%s\", want \"%s\"", src, err ? err : "", want);
	ck_assert_uint_eq(s.n, 0);
	free(err);
}

START_TEST(every_word)
{
	const char *src = "# Parkeren\n\nsize 100 30\nwait 300\nkey C-n\n  key Enter\r\n"
	                  "text Parkeervergunning ë ĳ €\ncaption De korte beschrijving is voor burgers\n"
	                  "key S-Tab\nkey M-c\nkey F12\nkey C-Left\nkey M-PageDown\ntext  twee  \n";
	keyscript s;
	char *err = NULL;
	ck_assert_int_eq(ks_parse(&s, "x.keys", src, strlen(src), &err), 0);
	ck_assert_ptr_null(err);
	ck_assert_uint_eq(s.n, 12);
	ck_assert_int_eq(s.v[0].kind, KS_SIZE);
	ck_assert_int_eq(s.v[0].cols, 100);
	ck_assert_int_eq(s.v[0].rows, 30);
	ck_assert_int_eq(s.v[1].kind, KS_WAIT);
	ck_assert_int_eq(s.v[1].ms, 300);
	ck_assert_int_eq(s.v[2].kind, KS_KEY);
	ck_assert_int_eq(s.v[2].key.named, KSK_CHAR);
	ck_assert_uint_eq(s.v[2].key.ch, 'n');
	ck_assert_uint_eq(s.v[2].key.mods, KSM_CTRL);
	ck_assert_uint_eq(s.v[2].line, 5);
	ck_assert_int_eq(s.v[3].key.named, KSK_ENTER);
	ck_assert_str_eq(s.v[4].text, "Parkeervergunning ë ĳ €");
	ck_assert_int_eq(s.v[5].kind, KS_CAPTION);
	ck_assert_str_eq(s.v[5].text, "De korte beschrijving is voor burgers");
	ck_assert_int_eq(s.v[6].key.named, KSK_TAB);
	ck_assert_uint_eq(s.v[6].key.mods, KSM_SHIFT);
	ck_assert_int_eq(s.v[8].key.named, KSK_F12);
	/* Text is typed as written, its blanks included. */
	ck_assert_str_eq(s.v[11].text, " twee  ");
	/* Written back and read again: the same steps. */
	char *out = ks_format(&s);
	keyscript t;
	ck_assert_int_eq(ks_parse(&t, "y.keys", out, strlen(out), &err), 0);
	char *again = ks_format(&t);
	ck_assert_str_eq(out, again);
	ck_assert_uint_eq(t.n, s.n);
	free(out);
	free(again);
	ks_done(&s);
	ks_done(&t);
}
END_TEST

START_TEST(faults_named_with_file_and_line)
{
	bad("key Enter\nkey Entr\n", "demo.keys, line 2: unknown key name");
	bad("wait -5\n", "line 1: \"wait\" needs a number");
	bad("wait 99999999999\n", "\"wait\" needs a number");
	bad("wait\n", "\"wait\" needs a number");
	bad("size 30 5\n", "\"size\" needs columns and rows");
	bad("size 100\n", "\"size\" needs columns and rows");
	bad("typ hallo\n", "unknown word");
	bad("text\n", "\"text\" needs the text");
	bad("caption\n", "\"caption\" needs the words");
	bad("key\n", "\"key\" needs a key name");
	/* Blanks only after the word: the trimmed argument is empty (this
	 * wrapped a pointer once; tests/fuzz/corpus/keyscript/ub-*). */
	bad("key  \n", "\"key\" needs a key name");
	bad("key \t \n", "\"key\" needs a key name");
	bad("wait  \n", "\"wait\" needs a number");
	bad("size   \n", "\"size\" needs columns and rows");
	bad("text a\033[2Jb\n", "control character");
	bad("caption a\xc2\x9b" "b\n", "control character");
	bad("text \xff\xfe\n", "not valid UTF-8");
	bad("key C-C-a\n", "unknown key name");
	bad("key C-1\n", "unknown key name");
	bad("key a\n", "unknown key name");
	bad("key F13\n", "unknown key name");
	bad("key F0\n", "unknown key name");
	bad("key S-Enter\n", "unknown key name");
}
END_TEST

START_TEST(names_round_trip)
{
	const char *all[] = { "Enter", "Tab", "S-Tab", "Esc", "Space", "Backspace", "Delete", "Up", "Down", "Left",
	                      "Right", "Home", "End", "PageUp", "PageDown", "F1", "F10", "F12", "C-a", "C-z", "M-c",
	                      "M-1", "C-Left", "C-Right", "C-Up", "C-Down", "C-Home", "C-End", "M-Up", "M-Down",
	                      "M-PageUp", "M-PageDown", "M-Enter" };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		ks_key k;
		char buf[24];
		ck_assert_msg(ks_key_parse(all[i], &k), "%s not read", all[i]);
		ck_assert_str_eq(ks_key_name(&k, buf), all[i]);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("keyscript");
	TCase *t = tcase_create("keyscript");
	tcase_add_test(t, every_word);
	tcase_add_test(t, faults_named_with_file_and_line);
	tcase_add_test(t, names_round_trip);
	suite_add_tcase(s, t);
	return unit_run(s);
}
