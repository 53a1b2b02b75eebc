/* Unit tests of register/ without a network: the register.* settings, and
 * the register's answers read for the user (the code of a new description,
 * NO_CHANGES, a 422's detail as findings on the fields). */
#include "config.h"
#include "register/register.h"
#include "standard/standard.h"
#include "standard/ytree.h"
#include "forms/desc.h"
#include "forms/exchange.h"
#include "forms/diff.h"
#include "i18n/i18n.h"
#include "base/escape.h"
#include "unit.h"

#include <string.h>

static standard *std;

START_TEST(config_register_section)
{
	static const char text[] =
		"[user]\n\tname = Anna\n"
		"# a comment\n"
		"[Register]\n"
		"\turl = https://acc.example.overheid.nl/aanleverapi ; a comment\n"
		"\ttoken-command = \"pass show register \\\"acc\\\"\" # another\n"
		"\tCACert=/tmp/ca.pem\n"
		"\tunknown = x\n"
		"[register \"sub\"]\n\turl = https://elsewhere/\n";
	reg_config c;
	int line;
	ck_assert_int_eq(reg_config_parse(text, strlen(text), &c, &line), 0);
	ck_assert_str_eq(c.url, "https://acc.example.overheid.nl/aanleverapi");
	ck_assert_str_eq(c.token_command, "pass show register \"acc\"");
	ck_assert_str_eq(c.cacert, "/tmp/ca.pem");
	reg_config_done(&c);

	static const char bad[] = "[register]\nurl = \"https://x\n";
	ck_assert_int_eq(reg_config_parse(bad, strlen(bad), &c, &line), -1);
	ck_assert_int_eq(line, 2);
	ck_assert_ptr_null(c.url);
	static const char none[] = "[core]\n\turl = https://x\n";
	ck_assert_int_eq(reg_config_parse(none, strlen(none), &c, &line), 0);
	ck_assert_ptr_null(c.url);
	reg_config_done(&c);
}
END_TEST

START_TEST(answers)
{
	char *l = reg_answer_lars("{\"lars_code\": \"12345678\"}", 25);
	ck_assert_str_eq(l, "12345678");
	free(l);
	/* Anything but 8 digits is not a code: it would go into a URL. */
	static const char *const bad[] = { "{\"lars_code\": \"1234567\"}", "{\"lars_code\": \"../../x1\"}",
	                                   "{\"lars_code\": null}", "[\"12345678\"]", "null", "" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_ptr_null(reg_answer_lars(bad[i], strlen(bad[i])));
	ck_assert(reg_answer_no_changes("{\"message\": \"NO_CHANGES\"}", 25));
	ck_assert(!reg_answer_no_changes("null", 4));
	ck_assert(!reg_answer_no_changes("{\"message\": \"OK\"}", 17));
	/* Retry-After: as asked, bounded. */
	ck_assert_int_eq(reg_retry_wait(1), 1);
	ck_assert_int_eq(reg_retry_wait(0), 1);
	ck_assert_int_eq(reg_retry_wait(60), 60);
	ck_assert_int_eq(reg_retry_wait(3600), 60);
	ck_assert_int_eq(reg_retry_wait(-1), 5);
}
END_TEST

static description *sample(void)
{
	static const char y[] = "name: Parkeren\ndescription_short: Kort\norganization: Gemeente X\n"
	                        "status: In gebruik\ncontact_email: a@b.nl\n"
	                        "publication_category: Impactvolle algoritmes\nlang: nld\n"
	                        "lawful_basis_grouping:\n  - title: Wet\n    link: https://wetten.nl\n";
	findings fs;
	findings_init(&fs);
	description *d = desc_read(std, y, sizeof y - 1, DESC_YAML, &fs);
	findings_done(&fs);
	ck_assert_ptr_nonnull(d);
	return d;
}

START_TEST(detail_to_findings)
{
	description *d = sample();
	static const char detail[] =
		"{\"detail\": [{\"loc\": [\"body\", \"name\"], \"msg\": \"Value error, name exceeds the maximum "
		"length of 100 characters.\", \"type\": \"value_error\"},"
		"{\"loc\": [\"body\", \"lawful_basis_grouping\", 0, \"title\"], \"msg\": \"Field required\", \"type\": \"missing\"},"
		"{\"loc\": [\"body\", \"weird\"], \"msg\": \"x\", \"type\": \"y\"},"
		"{\"loc\": [\"body\"], \"msg\": \"Input should be a valid dictionary\", \"type\": \"dict_type\"}]}";
	findings fs;
	findings_init(&fs);
	ck_assert_uint_eq(reg_detail_findings(d, detail, strlen(detail), &fs), 4);
	ck_assert_str_eq(fs.v[0].msg, "Name: the register refused it: Value error, name exceeds the maximum length of 100 characters.");
	ck_assert_int_eq(fs.v[0].line, 1);
	ck_assert_int_eq(fs.v[0].sev, SEV_ERROR);
	ck_assert_int_eq(fs.v[0].org, ORIGIN_REGISTER);
	ck_assert_ptr_nonnull(strstr(fs.v[1].msg, ", item 1, title: the register refused it: Field required"));
	ck_assert_int_eq(fs.v[1].line, 9); /* the item's title */
	ck_assert_str_eq(fs.v[2].msg, "\"weird\": the register refused it: x");
	ck_assert_str_eq(fs.v[3].msg, "the register refused the description: Input should be a valid dictionary");
	findings_done(&fs);
	/* Not a detail: nothing. */
	ck_assert_uint_eq(reg_detail_findings(d, "{\"detail\": \"Not authenticated\"}", 31, &fs), 0);
	ck_assert_uint_eq(reg_detail_findings(d, "<html>", 6, &fs), 0);
	findings_done(&fs);
	desc_free(&d);
}
END_TEST

/* Every error of every rejected oracle vector, as the API reports it (loc
 * with a leading "body"), becomes a finding; on a field of the standard it
 * names the field's label and carries the register's message. */
START_TEST(oracle_errors)
{
	const char *ref = unit_reference();
	UNIT_SKIP_NO_REFERENCE(ref);
	char *path = xasprintf("%s/oracle/vectors.jsonl", ref);
	char *data = NULL;
	size_t len = 0;
	ck_assert_int_eq(read_file(path, 64 * 1024 * 1024, &data, &len), 0);
	description *d = sample();
	size_t vectors = 0, errors = 0, labelled = 0;
	for (char *line = data, *nl; line < data + len; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(data + len - line));
		if (!nl)
			nl = data + len;
		ynode *v = NULL;
		yerror ye = { 0 };
		ck_assert_int_eq(ytree_parse_json(line, (size_t)(nl - line), &v, &ye), 0);
		const ynode *errs = ynode_get(v, "errors");
		if (errs && errs->type == Y_SEQ && errs->n) {
			/* {"detail": [...]} with "body" put in front of each loc. */
			strbuf b = STRBUF_INIT;
			sb_adds(&b, "{\"detail\": [");
			for (size_t i = 0; i < errs->n; i++) {
				const ynode *e = errs->kids[i], *loc = ynode_get(e, "loc");
				sb_adds(&b, i ? ", {\"loc\": [\"body\"" : "{\"loc\": [\"body\"");
				for (size_t k = 0; loc && k < loc->n; k++) {
					sb_adds(&b, ", ");
					if (loc->kids[k]->type == Y_NUM)
						sb_adds(&b, loc->kids[k]->str);
					else
						json_add_str(&b, loc->kids[k]->str, loc->kids[k]->len);
				}
				sb_adds(&b, "], \"msg\": ");
				const ynode *m = ynode_get(e, "msg");
				json_add_str(&b, m->str, m->len);
				sb_adds(&b, ", \"type\": \"x\"}");
				const char *key = loc && loc->n && loc->kids[0]->type == Y_STR ? loc->kids[0]->str : NULL;
				labelled += key && standard_field(std, key);
			}
			sb_adds(&b, "]}");
			findings fs;
			findings_init(&fs);
			ck_assert_uint_eq(reg_detail_findings(d, b.s, b.len, &fs), errs->n);
			for (size_t i = 0; i < fs.n; i++) {
				const ynode *m = ynode_get(errs->kids[i], "msg");
				ck_assert_msg(strstr(fs.v[i].msg, m->str), "%s lost the message", fs.v[i].msg);
				if (fs.v[i].field)
					ck_assert(!strncmp(fs.v[i].msg, fs.v[i].field->label[i18n_lang()], strlen(fs.v[i].field->label[i18n_lang()])));
			}
			errors += errs->n;
			vectors++;
			findings_done(&fs);
			sb_done(&b);
		}
		ynode_free(&v);
		yerror_done(&ye);
	}
	fprintf(stderr, "oracle: %zu rejected vectors, %zu errors, %zu on fields of the standard\n", vectors, errors, labelled);
	ck_assert_uint_ge(vectors, 150);
	ck_assert_uint_gt(labelled, 0);
	desc_free(&d);
	free(data);
	free(path);
}
END_TEST

/* A 422 with a list position no list has (LONG_MAX, or more than strtol
 * reads): one finding, no item counted from it (k + 1 overflowed once;
 * tests/fuzz/corpus/register/ub-422-huge-position). */
START_TEST(detail_huge_position)
{
	description *d = desc_new(std);
	static const char *const bodies[] = {
		"{\"detail\": [{\"loc\": [\"body\", \"name\", 9223372036854775807], \"msg\": \"te lang\", \"type\": \"x\"}]}",
		"{\"detail\": [{\"loc\": [\"body\", \"name\", 99999999999999999999], \"msg\": \"te lang\", \"type\": \"x\"}]}",
		"{\"detail\": [{\"loc\": [\"body\", \"name\", -9223372036854775808], \"msg\": \"te lang\", \"type\": \"x\"}]}",
	};
	for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
		findings fs;
		findings_init(&fs);
		ck_assert_uint_eq(reg_detail_findings(d, bodies[i], strlen(bodies[i]), &fs), 1);
		ck_assert_ptr_nonnull(strstr(fs.v[0].msg, "te lang"));
		ck_assert_ptr_null(strstr(fs.v[0].msg, "item"));
		findings_done(&fs);
	}
	desc_free(&d);
}
END_TEST

/* The organisation's list, for the look-up before a POST is sent (again). */
START_TEST(list_and_state)
{
	static const char list[] = "[{\"name\": \"Parkeren\", \"source_id\": null, \"lars\": \"12345678\"},"
	                           " {\"name\": \"Parkeren\", \"source_id\": \"p-2\", \"lars\": \"23456789\"},"
	                           " {\"name\": \"Afval\", \"source_id\": \"\", \"lars\": \"../../x\"}]";
	int found;
	char *l = reg_answer_find(list, strlen(list), "Parkeren", NULL, &found);
	ck_assert_str_eq(l, "12345678");
	ck_assert_int_eq(found, 1);
	free(l);
	l = reg_answer_find(list, strlen(list), "Parkeren", "p-2", &found);
	ck_assert_str_eq(l, "23456789");
	free(l);
	/* A code that is none is never taken (it goes into a URL). */
	ck_assert_ptr_null(reg_answer_find(list, strlen(list), "Afval", NULL, &found));
	ck_assert_int_eq(found, 0);
	ck_assert_ptr_null(reg_answer_find("{}", 2, "Parkeren", NULL, &found));
	ck_assert_int_eq(found, -1);
	char *st = reg_answer_state("{\"state\": \"PUBLISHED\"}", 22);
	ck_assert_str_eq(st, "PUBLISHED");
	free(st);
	ck_assert_ptr_null(reg_answer_state("{\"state\": \"a b\"}", 16));
}
END_TEST

/* The register's address, read by libcurl's own parser: the tricks that
 * make a hand-written reader see *.overheid.nl while libcurl connects
 * elsewhere are refused. */
START_TEST(url_tricks)
{
	static const struct { const char *url; int any, reg; const char *host; } v[] = {
		{ "https://algoritmes.overheid.nl/aanleverapi", 0, 0, "algoritmes.overheid.nl" },
		{ "https://ALGORITMES.Overheid.NL:443/aanleverapi", 0, 0, "algoritmes.overheid.nl" },
		{ "https://overheid.nl/aanleverapi", 0, 0, "overheid.nl" },
		{ "https://xn--rgister-bva.overheid.nl/x", 0, 0, "xn--rgister-bva.overheid.nl" },
		/* userinfo: the host is what follows the @ */
		{ "https://algoritmes.overheid.nl:443@127.0.0.1:8443/aanleverapi", -1, -1, NULL },
		{ "https://user@algoritmes.overheid.nl/x", -1, -1, NULL },
		{ "https://x.overheid.nl;y@evil.example/x", -1, -1, NULL },
		{ "https://algoritmes.overheid.nl%40127.0.0.1/x", -1, -1, NULL },
		{ "https://algoritmes.overheid.nl\\@127.0.0.1/x", -1, -1, NULL },
		{ "https://algoritmes.overheid.nl\\.evil.example/x", -1, -1, NULL },
		/* IDN: only the xn-- form; a look-alike in UTF-8 is refused */
		{ "https://r\xc3\xa9gister.overheid.nl/x", -1, -1, NULL },
		{ "https://algoritmes.overheid.n\xd0\x86/x", -1, -1, NULL },
		/* trailing dots, also written as %2e */
		{ "https://algoritmes.overheid.nl./x", 0, -1, NULL },
		{ "https://algoritmes.overheid.nl%2e/x", 0, -1, NULL },
		{ "https://overheid.nl.evil.example/x", 0, -1, NULL },
		{ "https://evil.example/.overheid.nl", 0, -1, NULL },
		{ "https://evil-overheid.nl/x", 0, -1, NULL },
		/* IP addresses, IPv6 literals among them */
		{ "https://127.0.0.1/x", 0, -1, NULL },
		{ "https://0x7f000001/x", 0, -1, NULL },
		{ "https://[::1]:8443/x", 0, -1, NULL },
		{ "https://[::ffff:127.0.0.1]/x", 0, -1, NULL },
		/* ports: the host stays the host; a port that is none is refused */
		{ "https://algoritmes.overheid.nl:8443/x", 0, 0, "algoritmes.overheid.nl" },
		{ "https://algoritmes.overheid.nl:99999/x", -1, -1, NULL },
		/* ? and #: an @ after them fools readers that stop at the first / */
		{ "https://x.overheid.nl#@evil.example", -1, -1, NULL },
		{ "https://x.overheid.nl?@evil.example", -1, -1, NULL },
		{ "https://x.overheid.nl/?a=b", -1, -1, NULL },
		{ "http://algoritmes.overheid.nl/x", -1, -1, NULL },
		{ " https://algoritmes.overheid.nl/x", -1, -1, NULL },
		{ "https://algoritmes.overheid.nl/x y", -1, -1, NULL },
		{ "https://", -1, -1, NULL },
		{ "", -1, -1, NULL },
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		char *err = NULL, *host = NULL;
		int rc = reg_url_check(v[i].url, false, NULL, &err);
		ck_assert_msg(rc == v[i].any, "%s: %d (%s)", v[i].url, rc, err ? err : "");
		ck_assert(rc == 0 ? !err : err && *err);
		free(err);
		rc = reg_url_check(v[i].url, true, &host, &err);
		ck_assert_msg(rc == v[i].reg, "%s as the repository's: %d (%s)", v[i].url, rc, err ? err : "");
		if (v[i].host)
			ck_assert_str_eq(host, v[i].host);
		else
			ck_assert_ptr_null(host);
		free(host);
		free(err);
	}
}
END_TEST

/* Reading back: the list (lines without a register id left out, a lars
 * code never anything but 8 digits), one version (bookkeeping left out, the
 * state kept aside, rich text in algedit's layout), the states. */
START_TEST(read_back_answers)
{
	static const char list[] =
		"[{\"name\": \"Zivver\", \"schema_version\": \"1.0\", \"last_update_dt\": \"2026-12-01T10:00:00\","
		" \"lars\": \"12345670\", \"source_id\": null, \"published\": true, \"current_version_released\": true,"
		" \"current_version_published\": false, \"last_update_by\": \"x\"},"
		" {\"name\": \"Kwaad\", \"lars\": \"../../x\"}, {\"name\": \"Geen\"}, 7,"
		" {\"name\": \"Getal\", \"lars\": 11953829}]";
	reg_listed *l;
	long n = reg_answer_list(list, sizeof list - 1, &l);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(l[0].name, "Zivver");
	ck_assert_str_eq(l[0].lars, "12345670");
	ck_assert_ptr_null(l[0].source_id);
	ck_assert(l[0].published && l[0].current_released && !l[0].current_published);
	ck_assert_str_eq(l[1].lars, "11953829");
	reg_listed_free(&l, (size_t)n);
	ck_assert_ptr_null(l);
	ck_assert_int_eq(reg_answer_list("{\"detail\": \"x\"}", 15, &l), -1);
	ck_assert_int_eq(reg_answer_list("[]", 2, &l), 0);

	static const char one[] =
		"{\"name\": \"Zivver\", \"organization\": \"Gemeente X\", \"goal\": \"<p>Een.</p><p>Twee.</p>\","
		" \"lars\": \"12345670\", \"create_dt\": \"2026-12-01\", \"language\": \"NLD\", \"state\": \"STATE_2\"}";
	findings fs;
	findings_init(&fs);
	reg_state st;
	description *d = reg_answer_version(std, one, sizeof one - 1, &st, &fs);
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(fs.n, 0);
	ck_assert_int_eq(st, REG_STATE_RELEASED);
	ck_assert_str_eq(desc_text(d, standard_field(std, "goal")), "Een.\n\nTwee.");
	ck_assert_str_eq(ynode_str(desc_value(d, "lars")), "12345670");
	ck_assert_ptr_null(desc_value(d, "create_dt"));
	ck_assert_ptr_null(desc_value(d, "state"));
	desc_free(&d);
	/* no register id, or not a description: refused with one finding */
	static const char *const bad[] = { "{\"name\": \"X\", \"lars\": \"1\"}", "[1]", "{\"detail\": \"Not Found\"}", "" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		findings_done(&fs);
		findings_init(&fs);
		ck_assert_ptr_null(reg_answer_version(std, bad[i], strlen(bad[i]), &st, &fs));
		ck_assert_uint_eq(fs.n, 1);
	}
	findings_done(&fs);
	ck_assert_int_eq(reg_state_parse("STATE_1"), REG_STATE_EDITING);
	ck_assert_int_eq(reg_state_parse("PUBLISHED"), REG_STATE_PUBLISHED);
	ck_assert_int_eq(reg_state_parse("Vrijgegeven, wachten op goedkeuring"), REG_STATE_RELEASED);
	ck_assert_int_eq(reg_state_parse("iets"), REG_STATE_UNKNOWN);
	ck_assert_int_eq(reg_state_parse(NULL), REG_STATE_UNKNOWN);
}
END_TEST

int main(void)
{
	std = unit_standard();
	Suite *s = suite_create("register");
	TCase *t = tcase_create("answers");
	tcase_add_test(t, config_register_section);
	tcase_add_test(t, answers);
	tcase_add_test(t, detail_to_findings);
	tcase_add_test(t, oracle_errors);
	tcase_add_test(t, url_tricks);
	tcase_add_test(t, detail_huge_position);
	tcase_add_test(t, list_and_state);
	tcase_add_test(t, read_back_answers);
	suite_add_tcase(s, t);
	int rc = unit_run(s);
	standard_free(&std);
	return rc;
}
