/* The register's own verdicts (../shared/reference/oracle/vectors.jsonl): a
 * payload the register accepts gets no register-level error from algedit, and
 * one it rejects gets a register-level error on the same field. */
#include "config.h"
#include "forms/desc.h"
#include "forms/rules.h"
#include "standard/ytree.h"
#include "base/base.h"
#include "unit.h"

#include <string.h>

static standard *std;

static bool has_register_error(const findings *fs, const char *key)
{
	for (size_t i = 0; i < fs->n; i++) {
		const finding *x = &fs->v[i];
		if (x->sev != SEV_ERROR || (x->org != ORIGIN_REGISTER && x->org != ORIGIN_INPUT))
			continue;
		if (!key || (x->key && !strcmp(x->key, key)) || x->org == ORIGIN_INPUT)
			return true;
	}
	return false;
}

START_TEST(oracle_vectors)
{
	const char *ref = unit_reference();
	UNIT_SKIP_NO_REFERENCE(ref);
	char *path = xasprintf("%s/oracle/vectors.jsonl", ref);
	char *data;
	size_t len;
	ck_assert_int_eq(read_file(path, 64 << 20, &data, &len), 0);
	size_t lines = 0, agree = 0;
	strbuf bad = STRBUF_INIT;
	for (char *line = data, *nl; line < data + len; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(data + len - line));
		if (!nl)
			nl = data + len;
		if (nl == line)
			continue;
		ynode *root = NULL;
		yerror ye = { 0 };
		ck_assert_msg(ytree_parse_json(line, (size_t)(nl - line), &root, &ye) == 0, "line %zu: %s",
		              lines + 1, ye.msg);
		lines++;
		const char *id = ynode_str(ynode_get(root, "id"));
		bool accepted = !strcmp(ynode_str(ynode_get(root, "accepted")), "true");
		findings fs;
		findings_init(&fs);
		description *d = desc_from_tree(std, ynode_get(root, "payload"), DESC_API, &fs);
		if (d)
			rules_check(d, &fs);
		bool ok = true;
		if (accepted) {
			ok = !has_register_error(&fs, NULL);
		} else {
			const ynode *errs = ynode_get(root, "errors");
			for (size_t i = 0; errs && i < errs->n; i++) {
				const ynode *loc = ynode_get(errs->kids[i], "loc");
				const char *key = loc && loc->n ? ynode_str(loc->kids[0]) : NULL;
				if (loc && loc->n && loc->kids[0]->type == Y_NUM)
					key = NULL; /* the payload itself is a list */
				if (!has_register_error(&fs, key))
					ok = false;
			}
		}
		if (ok) {
			agree++;
		} else {
			sb_printf(&bad, "  %s (%s):", id, accepted ? "accepted" : "rejected");
			for (size_t i = 0; i < fs.n; i++)
				if (fs.v[i].sev == SEV_ERROR)
					sb_printf(&bad, " [%s %s %s]", origin_name(fs.v[i].org), fs.v[i].rule,
					          fs.v[i].key ? fs.v[i].key : "-");
			sb_addc(&bad, '\n');
		}
		desc_free(&d);
		findings_done(&fs);
		ynode_free(&root);
	}
	fprintf(stderr, "oracle: %zu of %zu vectors agree\n%s", agree, lines, sb_str(&bad));
	ck_assert_uint_gt(lines, 0);
	ck_assert_msg(agree == lines, "%zu of %zu vectors disagree", lines - agree, lines);
	sb_done(&bad);
	free(data);
	free(path);
}
END_TEST

int main(void)
{
	if (!unit_reference()) {
		fprintf(stderr, "SKIP: ../shared/reference is absent, no oracle to compare with\n");
		return 77;
	}
	std = unit_standard();
	Suite *s = suite_create("oracle");
	TCase *t = tcase_create("vectors");
	tcase_set_timeout(t, 60);
	tcase_add_test(t, oracle_vectors);
	suite_add_tcase(s, t);
	int rc = unit_run(s);
	standard_free(&std);
	return rc;
}
