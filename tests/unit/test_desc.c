/* The description model: reading, canonical writing, byte-identical write of
 * unchanged files, quoting that other YAML readers agree with, bad input. */
#include "config.h"
#include "forms/desc.h"
#include "forms/exchange.h"
#include "forms/rules.h"
#include "base/base.h"
#include "unit.h"

#include <string.h>
#include <unistd.h>

static standard *std;

static description *parse(const char *yaml, findings *fs)
{
	return desc_read(std, yaml, strlen(yaml), DESC_YAML, fs);
}

/* Writes text into `name`, formats, reads back: same values, and formatting
 * the result again gives the same bytes. Returns the canonical text. */
static char *roundtrip(const description *d)
{
	size_t n1, n2;
	char *y1 = desc_format_yaml(d, &n1);
	findings fs;
	findings_init(&fs);
	description *d2 = desc_read(std, y1, n1, DESC_YAML, &fs);
	ck_assert_msg(d2 != NULL, "re-read failed: %s\n%s", fs.n ? fs.v[0].msg : "", y1);
	ck_assert_msg(desc_equal(d, d2), "values changed through:\n%s", y1);
	char *y2 = desc_write_yaml(d2, &n2);
	ck_assert_uint_eq(n1, n2);
	ck_assert_msg(memcmp(y1, y2, n1) == 0, "not byte-identical");
	free(y2);
	desc_free(&d2);
	findings_done(&fs);
	return y1;
}

static const char *tricky[] = {
	"1.0", "2023-01", "no", "No", "yes", "on", "off", "true", "y", "~", "null", "nee", "ja",
	"- begins like a list", "key: value inside", "hash # inside", "#starts with hash", "ends with colon:",
	"'single'", "\"double\"", " leading space", "trailing space ", "tab\tinside", "line\nbreak",
	"two\n\nparagraphs\n", "ends with newlines\n\n\n", "\n starts with newline", "bell\a and esc\x1b[31m",
	"ĳverig zo’n ë € 😀", "[brackets]", "{braces}", "&anchor", "*alias", "!tag", "%percent", "@at",
	"`backtick", "|pipe", ">fold", "? question", ",comma", "= equals", "100", "-1", ".5", "+31",
	"0x1F", "1e3", "2024-03-01", "12:30", "", " ", "\xc2\x85 next line", "\xe2\x80\xa8 ls",
	"  - indented item\n  - second", "text\n  indented line\n", "\ttab first", "a\r\nb",
};

START_TEST(quoting_roundtrips)
{
	const std_field *name = standard_field(std, "name");
	const std_field *goal = standard_field(std, "goal");
	for (size_t i = 0; i < sizeof tricky / sizeof *tricky; i++) {
		description *d = desc_new(std);
		desc_set_text(d, name, tricky[i]);
		desc_set_text(d, goal, tricky[i]);
		free(roundtrip(d));
		desc_free(&d);
	}
}
END_TEST

START_TEST(canonical_layout)
{
	findings fs;
	findings_init(&fs);
	description *d = parse("goal: \"Doel.\\n\\n- een\\n- twee\"\nname: Test\nfoo: 1\nbegin_date: '2023-01'\n"
	                       "category: [Verkeer, Werk]\nlawful_basis_grouping:\n- {title: Wet, link: 'https://x.nl'}\n",
	                       &fs);
	ck_assert_ptr_nonnull(d);
	size_t n;
	char *y = desc_format_yaml(d, &n);
	ck_assert_str_eq(y, "name: Test\ncategory:\n  - Verkeer\n  - Werk\nbegin_date: \"2023-01\"\n"
	                    "goal: |-\n  Doel.\n\n  - een\n  - twee\nlawful_basis_grouping:\n"
	                    "  - title: Wet\n    link: https://x.nl\nfoo: \"1\"\n");
	free(y);
	desc_free(&d);
	findings_done(&fs);
}
END_TEST

START_TEST(unchanged_is_byte_identical)
{
	const char *hand = "# hand written\nname:   Test   # comment\n\nstatus: 'In gebruik'\n";
	findings fs;
	findings_init(&fs);
	description *d = parse(hand, &fs);
	size_t n;
	char *y = desc_write_yaml(d, &n);
	ck_assert_str_eq(y, hand);
	free(y);
	desc_set_text(d, standard_field(std, "name"), "Nieuw");
	y = desc_write_yaml(d, &n);
	ck_assert_str_eq(y, "name: Nieuw\nstatus: In gebruik\n");
	free(y);
	desc_free(&d);
	findings_done(&fs);
}
END_TEST

START_TEST(unknown_keys_kept)
{
	findings fs;
	findings_init(&fs);
	description *d = parse("name: A\nextra_key:\n  nested: [1, 2]\n", &fs);
	ck_assert_uint_eq(d->nextra, 1);
	rules_check(d, &fs);
	bool warned = false;
	for (size_t i = 0; i < fs.n; i++)
		warned |= !strcmp(fs.v[i].rule, "unknown-key") && fs.v[i].line == 2 && fs.v[i].sev == SEV_WARNING;
	ck_assert(warned);
	char *y = roundtrip(d);
	ck_assert(strstr(y, "extra_key:\n  nested:\n    - \"1\"\n    - \"2\"\n") != NULL);
	free(y);
	desc_free(&d);
	findings_done(&fs);
}
END_TEST

static void expect_input_error(const char *data, size_t len, const char *rule, int line)
{
	findings fs;
	findings_init(&fs);
	description *d = desc_read(std, data, len, DESC_YAML, &fs);
	ck_assert_ptr_null(d);
	ck_assert_uint_eq(fs.n, 1);
	ck_assert_str_eq(fs.v[0].rule, rule);
	ck_assert_int_eq(fs.v[0].org, ORIGIN_INPUT);
	if (line >= 0)
		ck_assert_int_eq(fs.v[0].line, line);
	findings_done(&fs);
}

START_TEST(bad_input)
{
	expect_input_error("", 0, "empty", 0);
	expect_input_error("  \n\n", 4, "empty", 0);
	expect_input_error("# only a comment\n", 17, "empty", 0);
	expect_input_error("name: a\nname: b\n", 16, "syntax", 2);
	expect_input_error("name: ok\nstatus: \xff\xfe\n", 19, "utf8", 2);
	expect_input_error("name: [unclosed\nstatus: x\n", 26, "syntax", -1);
	expect_input_error("- a\n- b\n", 8, "not-a-description", 1);
	expect_input_error("just text\n", 10, "not-a-description", 1);
	char *big = xmalloc(DESC_MAX_FILE + 2);
	memset(big, 'a', DESC_MAX_FILE + 1);
	expect_input_error(big, DESC_MAX_FILE + 1, "too-big", 0);
	free(big);
}
END_TEST

START_TEST(list_where_text_expected)
{
	findings fs;
	findings_init(&fs);
	description *d = parse("name:\n  - a\n  - b\n", &fs);
	ck_assert_ptr_nonnull(d);
	rules_check(d, &fs);
	bool found = false;
	for (size_t i = 0; i < fs.n; i++)
		found |= !strcmp(fs.v[i].rule, "type") && !strcmp(fs.v[i].key, "name") && fs.v[i].line == 2;
	ck_assert(found);
	desc_free(&d);
	findings_done(&fs);
}
END_TEST

START_TEST(json_unquoted_text_refused)
{
	findings fs;
	findings_init(&fs);
	const char *notjson = "{\"name\": \"a\",\n \"status\": In gebruik}";
	ck_assert_ptr_null(desc_read(std, notjson, strlen(notjson), DESC_API, &fs));
	ck_assert_int_eq(fs.n, 1);
	ck_assert_str_eq(fs.v[0].rule, "syntax");
	ck_assert_int_eq(fs.v[0].line, 2);
	ck_assert_msg(strstr(fs.v[0].msg, "not JSON") != NULL, "%s", fs.v[0].msg);
	findings_done(&fs);
}
END_TEST

/* A NUL character is no text: refused where it is read, naming the field and
 * its line, in JSON (\u0000) and YAML ("\0") alike; "In gebruik\0evil" must
 * not pass the value-list check as "In gebruik". */
START_TEST(nul_in_value_refused)
{
	findings fs;
	findings_init(&fs);
	const char *json = "{\"name\": \"a\",\n \"status\": \"In gebruik\\u0000evil\"}";
	ck_assert_ptr_null(desc_read(std, json, strlen(json), DESC_API, &fs));
	ck_assert_int_eq(fs.n, 1);
	ck_assert_str_eq(fs.v[0].rule, "nul");
	ck_assert_str_eq(fs.v[0].key, "status");
	ck_assert_int_eq(fs.v[0].line, 2);
	ck_assert_msg(strstr(fs.v[0].msg, "Status: the value holds a NUL character") != NULL, "%s", fs.v[0].msg);
	findings_done(&fs);
	findings_init(&fs);
	const char *yaml = "name: a\nlawful_basis_grouping:\n  - title: \"Wet\\0x\"\n";
	ck_assert_ptr_null(desc_read(std, yaml, strlen(yaml), DESC_YAML, &fs));
	ck_assert_int_eq(fs.n, 1);
	ck_assert_str_eq(fs.v[0].rule, "nul");
	ck_assert_str_eq(fs.v[0].key, "lawful_basis_grouping");
	ck_assert_int_eq(fs.v[0].line, 3);
	findings_done(&fs);
	/* The model itself: a value with bytes that are not UTF-8. */
	ynode *root = ynode_new(Y_MAP, 1, 1);
	ynode_put(root, "goal", ynode_new_str("caf\xe9", 4, 4, 7), 4, 1);
	findings_init(&fs);
	ck_assert(!desc_tree_text_ok(std, root, &fs));
	ck_assert_str_eq(fs.v[0].rule, "utf8");
	ck_assert_int_eq(fs.v[0].line, 4);
	findings_done(&fs);
	ynode_free(&root);
}
END_TEST

/* The reader's limits reach the user as their own messages, with the line. */
START_TEST(reader_limits_named)
{
	findings fs;
	findings_init(&fs);
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "name: a\nx: ");
	for (int i = 0; i < 40; i++)
		sb_addc(&b, '[');
	for (int i = 0; i < 40; i++)
		sb_addc(&b, ']');
	ck_assert_ptr_null(desc_read(std, b.s, b.len, DESC_YAML, &fs));
	ck_assert_int_eq(fs.n, 1);
	ck_assert_str_eq(fs.v[0].rule, "too-deep");
	ck_assert_int_eq(fs.v[0].line, 2);
	ck_assert_msg(strstr(fs.v[0].msg, "more than 32 levels") != NULL, "%s", fs.v[0].msg);
	findings_done(&fs);
	sb_reset(&b);
	sb_adds(&b, "[{");
	for (int i = 0; i <= YTREE_MAX_KEYS; i++)
		sb_printf(&b, "%s\"k%d\": 1", i ? ",\n" : "", i);
	sb_adds(&b, "}]");
	findings_init(&fs);
	ck_assert_ptr_null(template_import(std, b.s, b.len, NULL, &fs));
	ck_assert_int_eq(fs.n, 1);
	ck_assert_str_eq(fs.v[0].rule, "too-many-keys");
	ck_assert_int_eq(fs.v[0].line, YTREE_MAX_KEYS + 1);
	findings_done(&fs);
	sb_done(&b);
}
END_TEST

START_TEST(json_surrogates_and_types)
{
	findings fs;
	findings_init(&fs);
	const char *json = "{\"name\": \"Smiley \\uD83D\\uDE00\",\t\"source_id\": 12, \"lars\": true}";
	description *d = desc_read(std, json, strlen(json), DESC_API, &fs);
	ck_assert_ptr_nonnull(d);
	ck_assert_str_eq(desc_text(d, standard_field(std, "name")), "Smiley \xf0\x9f\x98\x80");
	ck_assert_int_eq(desc_get(d, standard_field(std, "source_id"))->type, Y_NUM);
	ck_assert_int_eq(d->extra[0].val->type, Y_BOOL);
	desc_free(&d);
	findings_done(&fs);
}
END_TEST

/* Another YAML reader (PyYAML, YAML 1.1) must read every value as the same string. */
START_TEST(pyyaml_agrees)
{
	if (system("python3 -c 'import yaml' 2>/dev/null") != 0) {
		fprintf(stderr, "SKIP: python3 with PyYAML is not installed\n");
		return;
	}
	description *d = desc_new(std);
	strbuf expect = STRBUF_INIT;
	ynode *seq = ynode_new(Y_SEQ, 0, 0);
	for (size_t i = 0; i < sizeof tricky / sizeof *tricky; i++) {
		if (strchr(tricky[i], '\r') || strstr(tricky[i], "\xc2\x85") || strstr(tricky[i], "\xe2\x80\xa8"))
			continue; /* PyYAML normalises line breaks inside scalars */
		ynode_push(seq, ynode_new_str(tricky[i], strlen(tricky[i]), 0, 0));
	}
	desc_set(d, standard_field(std, "category"), seq);
	size_t n;
	char *y = desc_format_yaml(d, &n);
	char dir[] = "/tmp/algedit-pyyaml-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *yp = xasprintf("%s/d.yaml", dir), *jp = xasprintf("%s/d.json", dir);
	write_file_atomic(yp, y, n);
	char *cmd = xasprintf("python3 -c 'import yaml,json,sys; d=yaml.safe_load(open(sys.argv[1],encoding=\"utf-8\"));"
	                      "assert all(isinstance(v,str) for v in d[\"category\"]), d;"
	                      "json.dump(d[\"category\"],open(sys.argv[2],\"w\"))' %s %s", yp, jp);
	ck_assert_int_eq(system(cmd), 0);
	char *js;
	size_t jl;
	ck_assert_int_eq(read_file(jp, 1 << 20, &js, &jl), 0);
	ynode *back = NULL;
	yerror ye = { 0 };
	ck_assert_int_eq(ytree_parse_json(js, jl, &back, &ye), 0);
	ck_assert_uint_eq(back->n, seq->n);
	for (size_t i = 0; i < seq->n; i++)
		ck_assert_msg(back->kids[i]->len == seq->kids[i]->len &&
		              !memcmp(back->kids[i]->str, seq->kids[i]->str, seq->kids[i]->len),
		              "PyYAML read \"%s\" as \"%s\"", seq->kids[i]->str, back->kids[i]->str);
	ynode_free(&back);
	free(js);
	free(cmd);
	unlink(yp);
	unlink(jp);
	rmdir(dir);
	free(yp);
	free(jp);
	free(y);
	sb_done(&expect);
	desc_free(&d);
}
END_TEST

int main(void)
{
	std = unit_standard();
	Suite *s = suite_create("desc");
	TCase *t = tcase_create("model");
	tcase_set_timeout(t, 60); /* one test starts python3 */
	tcase_add_test(t, quoting_roundtrips);
	tcase_add_test(t, canonical_layout);
	tcase_add_test(t, unchanged_is_byte_identical);
	tcase_add_test(t, unknown_keys_kept);
	tcase_add_test(t, bad_input);
	tcase_add_test(t, list_where_text_expected);
	tcase_add_test(t, json_surrogates_and_types);
	tcase_add_test(t, nul_in_value_refused);
	tcase_add_test(t, reader_limits_named);
	tcase_add_test(t, json_unquoted_text_refused);
	tcase_add_test(t, pyyaml_agrees);
	suite_add_tcase(s, t);
	int rc = unit_run(s);
	standard_free(&std);
	return rc;
}
