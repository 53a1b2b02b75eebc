/* The shipped standard loads, has the register's facts, and a broken file is
 * reported with file and line. */
#include "config.h"
#include "standard/standard.h"
#include "standard/ytree.h"
#include "base/base.h"
#include "unit.h"

#include <string.h>
#include <time.h>
#include <unistd.h>

START_TEST(loads_shipped)
{
	char *err = NULL;
	standard *s = standard_load_version("1.0", &err);
	ck_assert_msg(s != NULL, "%s", err ? err : "");
	ck_assert_uint_eq(s->nfields, 29);
	ck_assert_uint_eq(s->nsections, 4);
	ck_assert_str_eq(s->sections[0].label[LANG_NL], "Algemene informatie");
	ck_assert_str_eq(s->sections[3].label[LANG_NL], "Metadata");
	const std_field *f = standard_field(s, "methods_and_models");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(f->max_length, 5000);
	ck_assert_int_eq(f->kind, FK_RICH);
	f = standard_field(s, "lawful_basis_grouping");
	ck_assert_int_eq(f->kind, FK_ITEMS);
	ck_assert_uint_eq(f->nitems, 2);
	ck_assert(f->items[1].required);
	f = standard_field(s, "impacttoetsen_grouping");
	ck_assert(!f->items[1].required);
	ck_assert(std_field_has_value(standard_field(s, "status"), "Buiten gebruik"));
	for (size_t i = 0; i < s->nfields; i++) {
		ck_assert_ptr_nonnull(s->fields[i].guide[LANG_NL].what);
		ck_assert_ptr_nonnull(s->fields[i].guide[LANG_EN].what);
		ck_assert_uint_eq(s->fields[i].index, i);
	}
	standard_free(&s);
	ck_assert_ptr_null(s);
	/* Facts only: the same fields, no guidance read. */
	s = standard_load_facts("1.0", &err);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(s->nfields, 29);
	ck_assert_ptr_null(s->fields[0].guide[LANG_NL].what);
	standard_free(&s);
}
END_TEST

static char *broken_dir(const char *fields)
{
	char tmpl[] = "/tmp/algedit-test-XXXXXX";
	char *dir = xstrdup(mkdtemp(tmpl));
	char *p = xasprintf("%s/fields.yaml", dir);
	write_file_atomic(p, fields, strlen(fields));
	free(p);
	return dir;
}

START_TEST(broken_reports_file_line)
{
	char *dir = broken_dir("standard: \"1.0\"\nsections:\n  - key: a\n    label: {nl: A, en: A}\n"
	                       "    fields: [x]\nfields:\n  - key: x\n    label: {nl: X, en: X}\n    kind: wrong\n");
	char *err = NULL;
	standard *s = standard_load(dir, &err);
	ck_assert_ptr_null(s);
	ck_assert_msg(strstr(err, "fields.yaml:9:") && strstr(err, "kind"), "%s", err);
	free(err);
	free(dir);
}
END_TEST

START_TEST(yaml_syntax_error_position)
{
	char *dir = broken_dir("standard: \"1.0\"\nsections: [\n");
	char *err = NULL;
	ck_assert_ptr_null(standard_load(dir, &err));
	ck_assert_msg(strstr(err, "fields.yaml:3:"), "%s", err);
	free(err);
	free(dir);
}
END_TEST

/* The reader's limits: each is its own kind of error, with the line where
 * it is passed; up to the limit all is read. */
START_TEST(ytree_limits)
{
	ynode *n = NULL;
	yerror e = { 0 };
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "a:\n  ");
	for (int i = 0; i < YTREE_MAX_DEPTH - 1; i++)
		sb_addc(&b, '[');
	for (int i = 0; i < YTREE_MAX_DEPTH - 1; i++)
		sb_addc(&b, ']');
	ck_assert_int_eq(ytree_parse_yaml(b.s, b.len, &n, &e), 0);
	ynode_free(&n);
	sb_reset(&b);
	sb_adds(&b, "a:\n  ");
	for (int i = 0; i < YTREE_MAX_DEPTH; i++)
		sb_addc(&b, '[');
	for (int i = 0; i < YTREE_MAX_DEPTH; i++)
		sb_addc(&b, ']');
	ck_assert_int_eq(ytree_parse_yaml(b.s, b.len, &n, &e), -1);
	ck_assert_int_eq(e.kind, YERR_DEPTH);
	ck_assert_int_eq(e.line, 2);
	ck_assert_int_eq(e.col, 2 + YTREE_MAX_DEPTH);
	yerror_done(&e);

	sb_reset(&b);
	for (int i = 0; i < YTREE_MAX_KEYS; i++)
		sb_printf(&b, "k%d: v\n", i);
	ck_assert_int_eq(ytree_parse_yaml(b.s, b.len, &n, &e), 0);
	ck_assert_uint_eq(n->n, YTREE_MAX_KEYS);
	ynode_free(&n);
	sb_adds(&b, "one_more: v\n");
	ck_assert_int_eq(ytree_parse_yaml(b.s, b.len, &n, &e), -1);
	ck_assert_int_eq(e.kind, YERR_KEYS);
	ck_assert_int_eq(e.line, YTREE_MAX_KEYS + 1);
	yerror_done(&e);

	char *big = xmalloc(YTREE_MAX_SIZE + 1);
	memset(big, ' ', YTREE_MAX_SIZE + 1);
	ck_assert_int_eq(ytree_parse_yaml(big, YTREE_MAX_SIZE + 1, &n, &e), -1);
	ck_assert_int_eq(e.kind, YERR_SIZE);
	yerror_done(&e);
	ck_assert_int_eq(ytree_parse_json(big, YTREE_MAX_SIZE + 1, &n, &e), -1);
	ck_assert_int_eq(e.kind, YERR_SIZE);
	yerror_done(&e);
	free(big);
	sb_done(&b);
}
END_TEST

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Finding a duplicate key costs the same for the last key of a mapping as
 * for the first: a mapping of 10,000 keys takes about as long as ten of
 * 1,000 (a scan per key made it ten times as long). */
START_TEST(ytree_duplicate_check_linear)
{
	strbuf wide = STRBUF_INIT, narrow = STRBUF_INIT;
	for (int m = 0; m < 10; m++) {
		sb_printf(&wide, "m%d:\n", m);
		for (int k = 0; k < 10000; k++)
			sb_printf(&wide, "  k%05d: v\n", k);
	}
	for (int m = 0; m < 100; m++) {
		sb_printf(&narrow, "m%d:\n", m);
		for (int k = 0; k < 1000; k++)
			sb_printf(&narrow, "  k%05d: v\n", k);
	}
	double tw = 1e9, tn = 1e9;
	for (int r = 0; r < 3; r++) {
		ynode *n = NULL;
		yerror e = { 0 };
		double t0 = seconds();
		ck_assert_int_eq(ytree_parse_yaml(wide.s, wide.len, &n, &e), 0);
		double t1 = seconds();
		ynode_free(&n);
		double t2 = seconds();
		ck_assert_int_eq(ytree_parse_yaml(narrow.s, narrow.len, &n, &e), 0);
		double t3 = seconds();
		ynode_free(&n);
		tw = t1 - t0 < tw ? t1 - t0 : tw;
		tn = t3 - t2 < tn ? t3 - t2 : tn;
	}
	fprintf(stderr, "ytree: 10 x 10,000 keys %.3f s, 100 x 1,000 keys %.3f s\n", tw, tn);
	ck_assert_msg(tw < 3 * tn + 0.5, "10 x 10,000 keys took %.3f s, 100 x 1,000 keys %.3f s", tw, tn);
	sb_done(&wide);
	sb_done(&narrow);
}
END_TEST

START_TEST(ytree_refuses_alias_and_duplicates)
{
	ynode *n = NULL;
	yerror e = { 0 };
	ck_assert_int_eq(ytree_parse_yaml("a: &x 1\nb: *x\n", 14, &n, &e), -1);
	ck_assert_int_eq(e.line, 1);
	yerror_done(&e);
	ck_assert_int_eq(ytree_parse_yaml("a: 1\na: 2\n", 10, &n, &e), -1);
	ck_assert_int_eq(e.line, 2);
	ck_assert(strstr(e.msg, "twice"));
	yerror_done(&e);
	ck_assert_int_eq(ytree_parse_yaml("a: \"1.0\"\nb: 1.0\nc: ~\n", 21, &n, &e), 0);
	ck_assert(!ynode_get(n, "a")->plain);
	ck_assert(ynode_get(n, "b")->plain);
	ck_assert_int_eq(ynode_get(n, "c")->type, Y_NULL);
	ck_assert_int_eq(ynode_get(n, "b")->line, 2);
	ynode_free(&n);
}
END_TEST

/* The register's own config converts into exactly the shipped fields.yaml:
 * same keys, limits, value lists and sections. */
START_TEST(convert_reference_config)
{
	const char *ref = unit_reference();
	UNIT_SKIP_NO_REFERENCE(ref);
	char *err = NULL, *cfg, *lay, *shipped;
	size_t cl, ll, sl;
	char *cp = xasprintf("%s/standard/config-v1_0.json", ref), *lp = xasprintf("%s/standard/layout-v1_0.json", ref);
	char *sp = xasprintf("%s/standard/1.0/fields.yaml", unit_srcdir());
	ck_assert_int_eq(read_file(cp, 1 << 24, &cfg, &cl), 0);
	ck_assert_int_eq(read_file(lp, 1 << 24, &lay, &ll), 0);
	ck_assert_int_eq(read_file(sp, 1 << 24, &shipped, &sl), 0);
	standard *base = standard_load_version("1.0", &err);
	ck_assert_ptr_nonnull(base);
	char *with_layout = standard_from_register_config(cfg, cl, cp, lay, ll, base, &err);
	ck_assert_ptr_nonnull(with_layout);
	ck_assert_str_eq(with_layout, shipped);
	char *without = standard_from_register_config(cfg, cl, cp, NULL, 0, base, &err);
	ck_assert_str_eq(without, shipped);
	/* Without a base standard the facts still match field by field. */
	char *bare = standard_from_register_config(cfg, cl, cp, lay, ll, NULL, &err);
	char dir[] = "/tmp/algedit-conv-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *fp = xasprintf("%s/fields.yaml", dir);
	write_file_atomic(fp, bare, strlen(bare));
	for (int l = 0; l < 2; l++) {
		strbuf g = STRBUF_INIT;
		sb_adds(&g, "fields:\n");
		for (size_t i = 0; i < base->nfields; i++)
			sb_printf(&g, "  %s: {what: x}\n", base->fields[i].key);
		char *gp = xasprintf("%s/guidance-%s.yaml", dir, l ? "en" : "nl");
		write_file_atomic(gp, g.s, g.len);
		free(gp);
		sb_done(&g);
	}
	standard *conv = standard_load(dir, &err);
	ck_assert_msg(conv != NULL, "%s", err ? err : "");
	ck_assert_uint_eq(conv->nfields, base->nfields);
	for (size_t i = 0; i < base->nfields; i++) {
		const std_field *a = &base->fields[i], *b = &conv->fields[i];
		ck_assert_str_eq(a->key, b->key);
		ck_assert_int_eq(a->max_length, b->max_length);
		ck_assert_int_eq(a->required, b->required);
		ck_assert_int_eq(a->show_always, b->show_always);
		ck_assert_uint_eq(a->nvalues, b->nvalues);
		for (size_t v = 0; v < a->nvalues; v++)
			ck_assert_str_eq(a->values[v], b->values[v]);
		ck_assert_uint_eq(a->nitems, b->nitems);
		for (size_t k = 0; k < a->nitems; k++) {
			ck_assert_int_eq(a->items[k].max_length, b->items[k].max_length);
			ck_assert_int_eq(a->items[k].required, b->items[k].required);
		}
	}
	standard_free(&conv);
	standard_free(&base);
	free(bare);
	free(fp);
	free(with_layout);
	free(without);
	free(cfg);
	free(lay);
	free(shipped);
	free(cp);
	free(lp);
	free(sp);
}
END_TEST

START_TEST(convert_broken_config)
{
	char *err = NULL;
	ck_assert_ptr_null(standard_from_register_config("{\"properties\": [", 16, "cfg.json", NULL, 0, NULL, &err));
	ck_assert_msg(strstr(err, "cfg.json:2:1") != NULL && strstr(err, "a value is missing"), "%s", err);
	free(err);
	err = NULL;
	ck_assert_ptr_null(standard_from_register_config("{\"x\": 1}", 8, "cfg.json", NULL, 0, NULL, &err));
	ck_assert_msg(strstr(err, "properties") != NULL, "%s", err);
	free(err);
	err = NULL;
	const char *bang = "{\"properties\": {\"!\": {\"type\": \"string\"}}}";
	ck_assert_ptr_null(standard_from_register_config(bang, strlen(bang), "cfg.json", NULL, 0, NULL, &err));
	ck_assert_msg(strstr(err, "cfg.json:1:") && strstr(err, "\"!\" is not a plain name"), "%s", err);
	free(err);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("standard");
	TCase *t = tcase_create("load");
	tcase_set_timeout(t, 120); /* the timing test under a sanitizer on a busy machine */
	tcase_add_test(t, loads_shipped);
	tcase_add_test(t, broken_reports_file_line);
	tcase_add_test(t, yaml_syntax_error_position);
	tcase_add_test(t, ytree_refuses_alias_and_duplicates);
	tcase_add_test(t, ytree_limits);
	tcase_add_test(t, ytree_duplicate_check_linear);
	tcase_add_test(t, convert_reference_config);
	tcase_add_test(t, convert_broken_config);
	suite_add_tcase(s, t);
	return unit_run(s);
}
