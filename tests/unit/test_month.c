/* forms/month: a month typed as a person writes it ("maart 2021", "mrt 2021",
 * "March 2021", "03-2021", "3/2021") becomes the standard's 2021-03; what
 * cannot be read as a month is never turned into something else (a year
 * alone stays a year, for the rules to report with an example). */
#include "config.h"
#include "standard/standard.h"
#include "forms/month.h"
#include "forms/desc.h"
#include "forms/rules.h"
#include "unit.h"

#include <string.h>

static void ok(const char *in, const char *want)
{
	char out[8] = "unset";
	ck_assert_msg(month_normalize(in, out), "\"%s\" was not read as a month", in);
	ck_assert_msg(!strcmp(out, want), "\"%s\" -> \"%s\", want \"%s\"", in, out, want);
}

static void refused(const char *in)
{
	char out[8] = "unset";
	ck_assert_msg(!month_normalize(in, out), "\"%s\" was read as %s", in, out);
	ck_assert_str_eq(out, "unset");
}

START_TEST(dutch_and_english_names)
{
	ok("maart 2021", "2021-03");
	ok("Maart 2021", "2021-03");
	ok("mrt 2021", "2021-03");
	ok("mrt. 2021", "2021-03");
	ok("March 2021", "2021-03");
	ok("MAR 2021", "2021-03");
	ok("2021 maart", "2021-03");
	ok("1 maart 2021", "2021-03");
	ok("januari 2020", "2020-01");
	ok("jan 2020", "2020-01");
	ok("februari 2020", "2020-02");
	ok("febr. 2020", "2020-02");
	ok("april 2020", "2020-04");
	ok("mei 2020", "2020-05");
	ok("May 2020", "2020-05");
	ok("juni 2020", "2020-06");
	ok("juli 2020", "2020-07");
	ok("augustus 2020", "2020-08");
	ok("August, 2020", "2020-08");
	ok("sept 2020", "2020-09");
	ok("oktober 2020", "2020-10");
	ok("okt 2020", "2020-10");
	ok("October 2020", "2020-10");
	ok("nov 2020", "2020-11");
	ok("december 2020", "2020-12");
	ok("  dec   2020 ", "2020-12");
}
END_TEST

START_TEST(digits)
{
	ok("2021-03", "2021-03");
	ok("03-2021", "2021-03");
	ok("3/2021", "2021-03");
	ok("3-2021", "2021-03");
	ok("03.2021", "2021-03");
	ok("2021/3", "2021-03");
	ok("2021-3", "2021-03");
	ok("202103", "2021-03");
	ok("2021-03-15", "2021-03");
	ok("12 2024", "2024-12");
}
END_TEST

START_TEST(never_a_guess)
{
	refused("");
	refused("2021");
	refused("maart");
	refused("maart 21");
	refused("13-2021");
	refused("0/2021");
	refused("2021-13");
	refused("01-03-2021"); /* 1 March here, 3 January in the US */
	refused("03/01/2021");
	refused("maart april 2021");
	refused("marz 2021");
	refused("maart 1899");
	refused("maart 2021 extra");
	refused("m\xc3\xa4rz 2021");
	refused("2021-03\x1b[2J");
	refused("32 maart 2021");
	refused("2021\n03");
	refused("123456789012345678 2021");
}
END_TEST

/* What a person types in a month field, in the editor, plain mode or
 * algedit set, is kept as YYYY-MM; a year alone is refused with an example
 * that keeps the year. */
START_TEST(typed_into_a_description)
{
	standard *std = unit_standard();
	description *d = desc_new(std);
	const std_field *f = standard_field(std, "begin_date");
	desc_set_text(d, f, "maart 2021");
	ck_assert_str_eq(desc_text(d, f), "2021-03");
	desc_set_text(d, f, "3/2021");
	ck_assert_str_eq(desc_text(d, f), "2021-03");
	desc_set_text(d, f, "2021");
	ck_assert_str_eq(desc_text(d, f), "2021");
	findings fs;
	findings_init(&fs);
	rules_check_field(d, f, &fs);
	bool seen = false;
	for (size_t i = 0; i < fs.n; i++)
		if (strstr(fs.v[i].msg, "year without a month") && strstr(fs.v[i].msg, "2021-03"))
			seen = true;
	ck_assert_msg(seen, "no message with the example for a year alone");
	findings_done(&fs);
	/* Other fields keep their text as typed. */
	const std_field *name = standard_field(std, "name");
	desc_set_text(d, name, "maart 2021");
	ck_assert_str_eq(desc_text(d, name), "maart 2021");
	desc_free(&d);
	standard_free(&std);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("month");
	TCase *t = tcase_create("month");
	tcase_add_test(t, dutch_and_english_names);
	tcase_add_test(t, digits);
	tcase_add_test(t, never_a_guess);
	tcase_add_test(t, typed_into_a_description);
	suite_add_tcase(s, t);
	return unit_run(s);
}
