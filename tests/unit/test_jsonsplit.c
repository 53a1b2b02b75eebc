/* The splitter of large import lists: elements found whatever the pieces,
 * brackets and quotes inside strings left alone, and each way a list can
 * be wrong named. */
#include "config.h"
#include "forms/jsonsplit.h"
#include "base/base.h"
#include "unit.h"

#include <string.h>

typedef struct got {
	char *v[16];
	size_t line[16];
	size_t n;
} got;

static int take(void *ctx, const char *e, size_t len, size_t line)
{
	got *g = ctx;
	ck_assert_uint_lt(g->n, 16);
	g->line[g->n] = line;
	g->v[g->n++] = xstrndup(e, len);
	return 0;
}

static int run(const char *in, size_t piece, size_t max, got *g, json_split *out)
{
	json_split j;
	json_split_init(&j, max);
	memset(g, 0, sizeof *g);
	size_t n = strlen(in);
	int r = 0;
	for (size_t off = 0; !r && off < n; off += piece)
		r = json_split_feed(&j, in + off, n - off < piece ? n - off : piece, take, g);
	if (!r)
		r = json_split_end(&j);
	if (out)
		*out = j;
	json_split_done(&j);
	return r;
}

static void got_done(got *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->v[i]);
}

START_TEST(elements_in_any_pieces)
{
	const char *in = "\xef\xbb\xbf [\n {\"name\": \"Een ] vreemde { naam\", \"q\": \"\\\"}\"},\n"
	                 "  {\"list\": [1, {\"a\": [2]}]} ,\n 42, \"tekst\", true\n]\n";
	for (size_t piece = 1; piece <= strlen(in); piece++) {
		got g;
		ck_assert_int_eq(run(in, piece, 1000, &g, NULL), 0);
		ck_assert_uint_eq(g.n, 5);
		ck_assert_str_eq(g.v[0], "{\"name\": \"Een ] vreemde { naam\", \"q\": \"\\\"}\"}");
		ck_assert_str_eq(g.v[1], "{\"list\": [1, {\"a\": [2]}]}");
		ck_assert_str_eq(g.v[2], "42");
		ck_assert_str_eq(g.v[3], "\"tekst\"");
		ck_assert_str_eq(g.v[4], "true");
		ck_assert_uint_eq(g.line[0], 2);
		ck_assert_uint_eq(g.line[1], 3);
		got_done(&g);
	}
	got g;
	ck_assert_int_eq(run("[]", 1, 10, &g, NULL), 0);
	ck_assert_uint_eq(g.n, 0);
}
END_TEST

START_TEST(what_is_wrong)
{
	static const struct { const char *in; int kind; } cases[] = {
		{ "{\"a\": 1}", JSPLIT_ERR_NOT_ARRAY },
		{ "  x[", JSPLIT_ERR_NOT_ARRAY },
		{ "[{\"a\": 1},", JSPLIT_ERR_TRUNCATED },
		{ "[{\"a\": \"1}]", JSPLIT_ERR_TRUNCATED },
		{ "[1,,2]", JSPLIT_ERR_SYNTAX },
		{ "[1,]", JSPLIT_ERR_SYNTAX },
		{ "[{}} ]", JSPLIT_ERR_SYNTAX },
		{ "[{}] x", JSPLIT_ERR_SYNTAX },
		{ "[{} {}]", JSPLIT_ERR_SYNTAX },
		{ "[{\"a\": \"0123456789\"}]", JSPLIT_ERR_TOO_LARGE },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		got g;
		json_split j;
		ck_assert_msg(run(cases[i].in, 3, 12, &g, &j) == -1, "%s", cases[i].in);
		ck_assert_msg(j.err_kind == cases[i].kind, "%s: %d (%s)", cases[i].in, j.err_kind, j.err);
		got_done(&g);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("jsonsplit");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, elements_in_any_pieces);
	tcase_add_test(tc, what_is_wrong);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
