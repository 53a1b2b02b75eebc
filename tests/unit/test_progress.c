/* The model logic the editor's screens share, counted one way: which
 * fields are filled (the list, the title bar and the sidebar agree, also
 * for values that are not text), the prefill of a new description, and the
 * register length kept for the text being typed, keyed on its version. */
#include "config.h"
#include "forms/desc.h"
#include "forms/progress.h"
#include "forms/rules.h"
#include "forms/slug.h"
#include "forms/suggest.h"
#include "base/base.h"
#include "unit.h"

#include <string.h>

static description *read_yaml(const standard *std, const char *y)
{
	findings fs;
	findings_init(&fs);
	description *d = desc_read(std, y, strlen(y), DESC_YAML, &fs);
	findings_done(&fs);
	ck_assert_ptr_nonnull(d);
	return d;
}

START_TEST(filled_by_value_type)
{
	standard *std = unit_standard();
	description *d = read_yaml(std, "name: \"  \"\norganization: {a: b}\ncategory: []\n"
	                                "goal: \"Een doel.\"\nstatus: ~\n");
	ck_assert(!field_filled(d, standard_field(std, "name")));          /* blank text */
	ck_assert(field_filled(d, standard_field(std, "organization")));   /* a map is a value */
	ck_assert(!field_filled(d, standard_field(std, "category")));      /* empty list */
	ck_assert(field_filled(d, standard_field(std, "goal")));
	ck_assert(!field_filled(d, standard_field(std, "status")));        /* null */
	desc_counts c;
	desc_count_filled(d, &c);
	size_t req = 0, req_filled = 0;
	for (size_t i = 0; i < std->nfields; i++)
		if (std->fields[i].required) {
			req++;
			req_filled += field_filled(d, &std->fields[i]);
		}
	ck_assert_uint_eq(c.req_total, req);
	ck_assert_uint_eq(c.req_filled, req_filled);
	size_t total, sum = 0;
	for (size_t s = 0; s < std->nsections; s++)
		sum += section_filled(d, s, &total);
	ck_assert_uint_eq(sum, 2);
	desc_free(&d);
	standard_free(&std);
}
END_TEST

START_TEST(prefill_once)
{
	standard *std = unit_standard();
	description *d = desc_new(std);
	desc_fill_defaults(d);
	ck_assert_str_eq(desc_text(d, standard_field(std, "lang")), "nld");
	ck_assert_str_eq(desc_text(d, standard_field(std, "standard_version")), std->version);
	/* Every choice with one permitted value, whatever its key. */
	for (size_t i = 0; i < std->nfields; i++)
		if (std->fields[i].kind == FK_CHOICE && std->fields[i].nvalues == 1)
			ck_assert_str_eq(desc_text(d, &std->fields[i]), std->fields[i].values[0]);
	/* Other fields are left alone. */
	ck_assert_ptr_null(desc_get(d, standard_field(std, "name")));
	desc_free(&d);
	standard_free(&std);
}
END_TEST

START_TEST(length_keyed_on_version)
{
	standard *std = unit_standard();
	description *d = desc_new(std);
	const std_field *f = standard_field(std, "name");
	field_length c = { 0 };
	ck_assert_uint_eq(field_length_count(&c, 7, d, f, "één", strlen("één")), 3);
	/* The same version is the same text: not counted again. */
	ck_assert_uint_eq(field_length_count(&c, 7, d, f, "xxxxx", 5), 3);
	ck_assert_uint_eq(field_length_count(&c, 8, d, f, "abcde", 5), 5);
	/* The rules take the known count of the field being typed in. */
	desc_set_text(d, f, "abcde");
	field_length known = { f, 8, 5, 500 };
	findings a, b;
	findings_init(&a);
	findings_init(&b);
	rules_check(d, &a);
	rules_check_known(d, &b, &known);
	ck_assert_uint_eq(b.n, a.n + 1); /* 500 > 100: too long, by the count it was given */
	findings_done(&a);
	findings_done(&b);
	desc_free(&d);
	standard_free(&std);
}
END_TEST

START_TEST(suggestions_fit_what_is_typed)
{
	const char *s[] = { "Data Protection Impact Assessment (DPIA)", "Impact Assessment Mensenrechten en Algoritmes (IAMA)",
	                    "De Ethische Bijsluiter" };
	size_t m[8];
	ck_assert_uint_eq(suggest_matches(s, 3, "", m, 8), 3);
	ck_assert_uint_eq(suggest_matches(s, 3, "iama", m, 8), 1);
	ck_assert_uint_eq(m[0], 1);
	ck_assert_uint_eq(suggest_matches(s, 3, " assessment", m, 8), 2);
	ck_assert_uint_eq(suggest_matches(s, 3, "De Ethische Bijsluiter", m, 8), 0);
	ck_assert_uint_eq(suggest_matches(s, 3, "xyz", m, 8), 0);
	ck_assert_uint_eq(suggest_matches(s, 3, "", m, 2), 2);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("progress");
	TCase *tc = tcase_create("progress");
	tcase_add_test(tc, filled_by_value_type);
	tcase_add_test(tc, prefill_once);
	tcase_add_test(tc, length_keyed_on_version);
	tcase_add_test(tc, suggestions_fit_what_is_typed);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
