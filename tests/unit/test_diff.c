/* diff: the field diff, the word diff, rendering with and without colour,
 * and the three-way merge of description models. */
#include "config.h"
#include "forms/diff.h"
#include "forms/desc.h"
#include "base/base.h"
#include "unit.h"

#include <string.h>
#include <time.h>

static standard *std;

static void setup(void)
{
	char *err = NULL;
	std = standard_load_version("1.0", &err);
	ck_assert_msg(std != NULL, "%s", err);
}

static void teardown(void)
{
	standard_free(&std);
}

static description *yaml(const char *text)
{
	findings fs;
	findings_init(&fs);
	description *d = desc_read(std, text, strlen(text), DESC_YAML, &fs);
	ck_assert_msg(d != NULL, "%s", fs.n ? fs.v[0].msg : "");
	findings_done(&fs);
	return d;
}

static char *render(const description *a, const description *b, bool color)
{
	desc_diff *dd = desc_diff_new(a, b);
	strbuf out = STRBUF_INIT;
	desc_diff_render(&out, dd, LANG_NL, color);
	desc_diff_free(&dd);
	return sb_take(&out);
}

START_TEST(words)
{
	size_t n;
	diff_word *w = diff_words("De gemeente controleert parkeren.", "De gemeente handhaaft betaald parkeren.", &n);
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++)
		sb_printf(&b, "%s%s%s", w[i].op == DIFF_DEL ? "[-" : w[i].op == DIFF_ADD ? "{+" : "", w[i].text,
		          w[i].op == DIFF_DEL ? "-]" : w[i].op == DIFF_ADD ? "+}" : "");
	ck_assert_str_eq(b.s, "De gemeente [-controleert-]{+handhaaft betaald+} parkeren.");
	sb_done(&b);
	diff_words_free(&w, n);
	/* Non-ASCII words stay whole. */
	w = diff_words("één café", "één cafés", &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(w[1].text, "café");
	ck_assert_str_eq(w[2].text, "cafés");
	diff_words_free(&w, n);
	/* Very long texts do not blow up. */
	strbuf a = STRBUF_INIT, c = STRBUF_INIT;
	for (int i = 0; i < 5000; i++) {
		sb_printf(&a, "woord%d ", i);
		sb_printf(&c, "term%d ", i);
	}
	w = diff_words(a.s, c.s, &n);
	ck_assert_uint_ge(n, 2);
	diff_words_free(&w, n);
	sb_done(&a);
	sb_done(&c);
}
END_TEST

static char *marked(const char *a, const char *b)
{
	size_t n;
	diff_word *w = diff_words(a, b, &n);
	strbuf s = STRBUF_INIT;
	sb_adds(&s, "");
	for (size_t i = 0; i < n; i++)
		sb_printf(&s, "%s%s%s", w[i].op == DIFF_DEL ? "[-" : w[i].op == DIFF_ADD ? "{+" : "", w[i].text,
		          w[i].op == DIFF_DEL ? "-]" : w[i].op == DIFF_ADD ? "+}" : "");
	diff_words_free(&w, n);
	return sb_take(&s);
}

/* A sentence rewritten for the most part shows as the old sentence and the
 * new one, not as word-by-word swaps; a small edit in the next sentence
 * keeps its marks (issue 21.8). */
START_TEST(words_rewritten_sentence)
{
	char *m = marked("Wij controleren het parkeren elke dag. De handhaver kijkt naar de foto.",
	                 "Scanauto’s rijden dagelijks door de wijk. De handhaver kijkt naar elke foto.");
	ck_assert_str_eq(m, "[-Wij controleren het parkeren elke dag.-]{+Scanauto’s rijden dagelijks door de wijk.+}"
	                    " De handhaver kijkt naar [-de-]{+elke+} foto.");
	free(m);
	/* Lines are sentences too. */
	m = marked("Eerste regel blijft staan\nalles hier is anders dan eerst", "Eerste regel blijft staan\nnieuwe woorden in een nieuwe zin");
	ck_assert_str_eq(m, "Eerste regel blijft staan\n[-alles hier is anders dan eerst-]{+nieuwe woorden in een nieuwe zin+}");
	free(m);
}
END_TEST

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A long text changed at its end: the cost grows with the text, not with
 * its square (appending token by token to the unchanged run, with strlen,
 * took tens of seconds at 4 MiB). And a long run of changed tokens in the
 * middle costs no more. */
START_TEST(words_long_text_linear)
{
	strbuf a = STRBUF_INIT, c = STRBUF_INIT;
	while (a.len < 4 * 1024 * 1024)
		sb_printf(&a, "woord%zu ", a.len % 997);
	sb_add(&c, a.s, a.len);
	sb_adds(&a, "einde");
	sb_adds(&c, "slot");
	size_t n;
	double t0 = seconds();
	diff_word *w = diff_words(a.s, c.s, &n);
	double t = seconds() - t0;
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(w[0].op, DIFF_SAME);
	ck_assert_uint_eq(strlen(w[0].text), a.len - 5);
	ck_assert_str_eq(w[1].text, "einde");
	ck_assert_str_eq(w[2].text, "slot");
	diff_words_free(&w, n);
	fprintf(stderr, "diff_words: 4 MiB changed at its end: %.3f s\n", t);
	ck_assert_msg(t < 5, "4 MiB changed at its end took %.3f s", t);

	/* Every other word changed, from the middle on: one long changed run. */
	sb_reset(&c);
	for (size_t i = 0, k = 0; i < a.len; k++) {
		const char *sp = memchr(a.s + i, ' ', a.len - i);
		size_t wl = sp ? (size_t)(sp - (a.s + i)) + 1 : a.len - i;
		if (i > a.len / 2 && k % 2)
			sb_adds(&c, "anders ");
		else
			sb_add(&c, a.s + i, wl);
		i += wl;
	}
	t0 = seconds();
	w = diff_words(a.s, c.s, &n);
	t = seconds() - t0;
	ck_assert_uint_ge(n, 3);
	diff_words_free(&w, n);
	fprintf(stderr, "diff_words: 4 MiB, second half changed: %.3f s\n", t);
	ck_assert_msg(t < 5, "4 MiB with its second half changed took %.3f s", t);
	sb_done(&a);
	sb_done(&c);
}
END_TEST

START_TEST(fields)
{
	description *a = yaml("name: Parkeren\nstatus: In gebruik\ncategory:\n  - Verkeer\n  - Werk\n"
	                      "goal: |\n  Controle van parkeren.\n\n  - met scanauto's\n"
	                      "lawful_basis_grouping:\n  - title: Wegenverkeerswet\n    link: https://wetten.overheid.nl/a\n"
	                      "x_own: een\n");
	description *b = yaml("name: Parkeren\nstatus: Buiten gebruik\ncategory:\n  - Verkeer\n  - Recht\n"
	                      "goal: |\n  Controle van betaald parkeren.\n\n  - met scanauto's\n"
	                      "lawful_basis_grouping:\n  - title: Wegenverkeerswet 1994\n    link: https://wetten.overheid.nl/a\n"
	                      "  - title: Gemeentewet\n    link: https://wetten.overheid.nl/b\n"
	                      "x_own: twee\n");
	desc_diff *dd = desc_diff_new(a, b);
	char *labels = desc_diff_labels(dd, LANG_NL);
	ck_assert_str_eq(labels, "Thema, Status, Doel en impact, Verwijzingen wettelijke basis, x_own");
	free(labels);
	desc_diff_free(&dd);
	char *plain = render(a, b, false);
	ck_assert_msg(strstr(plain, "Status: [-In gebruik-] {+Buiten gebruik+}\n"), "%s", plain);
	ck_assert_msg(strstr(plain, "Thema:\n    [-Werk-]\n    {+Recht+}\n"), "%s", plain);
	ck_assert_msg(strstr(plain, "Controle van {+betaald +}parkeren."), "%s", plain);
	ck_assert_msg(strstr(plain, "Wegenverkeerswet {+1994 +}<https://wetten.overheid.nl/a>"), "%s", plain);
	ck_assert_msg(strstr(plain, "{+Gemeentewet <https://wetten.overheid.nl/b>+}"), "%s", plain);
	ck_assert_ptr_null(strstr(plain, "Naam"));
	ck_assert_ptr_null(strstr(plain, " \n"));
	ck_assert_ptr_null(strstr(plain, "\033"));
	free(plain);
	char *col = render(a, b, true);
	ck_assert_ptr_nonnull(strstr(col, "\033[32mBuiten gebruik\033[m"));
	ck_assert_ptr_null(strstr(col, "{+"));
	free(col);
	/* From nothing: every field is added. Control characters never reach
	 * the terminal raw. */
	description *c = yaml("name: \"Esc\\e[2J\"\n");
	plain = render(NULL, c, false);
	ck_assert_str_eq(plain, "Naam: {+Esc^[[2J+}\n");
	free(plain);
	dd = desc_diff_new(a, a);
	ck_assert_uint_eq(dd->n, 0);
	desc_diff_free(&dd);
	desc_free(&a);
	desc_free(&b);
	desc_free(&c);
}
END_TEST

static char *yaml_of(const description *d)
{
	size_t n;
	return desc_format_yaml(d, &n);
}

START_TEST(merge)
{
	description *base = yaml("name: Parkeren\nstatus: In gebruik\norganization: Gemeente A\ncategory:\n  - Verkeer\n");
	description *mine = yaml("name: Parkeren\nstatus: Buiten gebruik\norganization: Gemeente A\ncategory:\n  - Verkeer\n  - Werk\n");
	description *theirs = yaml("name: Parkeren\nstatus: In gebruik\norganization: Gemeente B\ncategory:\n  - Verkeer\n  - Recht\nx_note: hallo\n");
	merge_result r;
	ck_assert_int_eq(desc_merge(base, mine, theirs, &r), 0);
	ck_assert_uint_eq(r.nconflicts, 0);
	char *y = yaml_of(r.merged);
	ck_assert_str_eq(y, "name: Parkeren\norganization: Gemeente B\ncategory:\n  - Verkeer\n  - Werk\n  - Recht\n"
	                    "status: Buiten gebruik\nx_note: hallo\n");
	free(y);
	merge_result_done(&r);
	/* Same field, different changes: a conflict; the merge keeps mine. */
	description *t2 = yaml("name: Parkeren\nstatus: In ontwikkeling\norganization: Gemeente A\ncategory:\n  - Verkeer\n");
	ck_assert_int_eq(desc_merge(base, mine, t2, &r), 0);
	ck_assert_uint_eq(r.nconflicts, 1);
	ck_assert_str_eq(r.conflicts[0].key, "status");
	ck_assert_str_eq(desc_text(r.merged, standard_field(std, "status")), "Buiten gebruik");
	merge_result_done(&r);
	/* Same change on both sides: no conflict. Added on both sides without
	 * an ancestor: only what differs conflicts. */
	ck_assert_int_eq(desc_merge(base, mine, mine, &r), 0);
	ck_assert_uint_eq(r.nconflicts, 0);
	merge_result_done(&r);
	ck_assert_int_eq(desc_merge(NULL, mine, theirs, &r), 0);
	ck_assert_uint_eq(r.nconflicts, 2); /* status, organization; category merges as a set */
	merge_result_done(&r);
	desc_free(&t2);
	desc_free(&base);
	desc_free(&mine);
	desc_free(&theirs);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("diff");
	TCase *t = tcase_create("diff");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, words);
	tcase_add_test(t, words_rewritten_sentence);
	tcase_add_test(t, words_long_text_linear);
	tcase_set_timeout(t, 120); /* the timing test under a sanitizer on a busy machine */
	tcase_add_test(t, fields);
	tcase_add_test(t, merge);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return unit_run(suite());
}
