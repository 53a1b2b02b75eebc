/* Import of every kind of file and the migration of older standards: each
 * published 0.x description in the reference data, once the fields its
 * migration report names are filled in, exports without --force and is
 * accepted by the rules (the register's model); those that still fail do so
 * only on texts longer than the register takes. */
#include "config.h"
#include "forms/exchange.h"
#include "forms/migrate.h"
#include "forms/rules.h"
#include "base/base.h"
#include "i18n/i18n.h"
#include "unit.h"

#include <string.h>

static standard *std;

static char *slurp(const char *ref, const char *name, size_t *len)
{
	char *path = xasprintf("%s/register-data/%s", ref, name), *data = NULL;
	ck_assert_msg(read_file(path, 64u << 20, &data, len) == 0, "cannot read %s", path);
	free(path);
	return data;
}

static size_t register_errors(const description *d, bool *only_length)
{
	findings fs;
	findings_init(&fs);
	rules_check(d, &fs);
	size_t n = 0;
	*only_length = true;
	for (size_t i = 0; i < fs.n; i++)
		if (fs.v[i].sev == SEV_ERROR && fs.v[i].org == ORIGIN_REGISTER) {
			n++;
			if (strcmp(fs.v[i].rule, "max-length") != 0) {
				*only_length = false;
				fprintf(stderr, "  %s\n", fs.v[i].msg);
			}
		}
	findings_done(&fs);
	return n;
}

static bool checks_clean(const description *d)
{
	findings fs;
	findings_init(&fs);
	rules_check(d, &fs);
	bool clean = findings_count(&fs, SEV_ERROR) == 0;
	findings_done(&fs);
	return clean;
}

/* What a person types for a field the report names. */
static void fill_in(description *d, const char *key)
{
	const std_field *f = standard_field(d->std, key);
	ck_assert_ptr_nonnull(f);
	ynode *v;
	switch (f->kind) {
	case FK_CHOICE: v = ynode_new_str(f->values[f->nvalues - 1], strlen(f->values[f->nvalues - 1]), 0, 0); break;
	case FK_MULTI:
		v = ynode_new(Y_SEQ, 0, 0);
		ynode_push(v, ynode_new_str(f->values[0], strlen(f->values[0]), 0, 0));
		break;
	case FK_MONTH: v = ynode_new_str("2023-01", 7, 0, 0); break;
	case FK_CONTACT: v = ynode_new_str("algoritmes@example.nl", 21, 0, 0); break;
	case FK_LINK: v = ynode_new_str("https://example.nl/", 19, 0, 0); break;
	case FK_ITEMS: {
		v = ynode_new(Y_SEQ, 0, 0);
		ynode *it = ynode_new(Y_MAP, 0, 0);
		ynode_put(it, "title", ynode_new_str("Wet", 3, 0, 0), 0, 0);
		ynode_put(it, "link", ynode_new_str("https://wetten.overheid.nl/", 27, 0, 0), 0, 0);
		ynode_push(v, it);
		break;
	}
	default: v = ynode_new_str("Ingevuld door de gebruiker", 26, 0, 0); break;
	}
	desc_set(d, f, v);
}

static const char *const old_files[] = {
	"minbzk-pub_data-2023-06.json",
	"minbzk-algoritmes_081222.json",
	"minbzk-site-data-export-sample-2024-10.json",
};

START_TEST(old_records_migrate_and_export)
{
	const char *ref = unit_reference();
	UNIT_SKIP_NO_REFERENCE(ref);
	size_t total = 0, clean_before = 0, clean_after_fill = 0, too_long = 0, asides = 0, checked_clean = 0;
	for (size_t fi = 0; fi < sizeof old_files / sizeof *old_files; fi++) {
		size_t len;
		char *data = slurp(ref, old_files[fi], &len);
		findings fs;
		findings_init(&fs);
		import_result r;
		ck_assert_int_eq(import_file(std, data, len, NULL, &r, &fs), 0);
		/* What import did before: the object as an API body. */
		ynode *root = NULL;
		yerror ye = { 0 };
		ck_assert_int_eq(ytree_parse_json(data, len, &root, &ye), 0);
		const ynode *list = root->type == Y_SEQ ? root : ynode_get(root, "algoritme_versions");
		for (size_t i = 0; i < list->n; i++) {
			if (import_kind_of(list->kids[i]) != KIND_OLD)
				continue;
			findings f2;
			findings_init(&f2);
			description *old = desc_import_api(std, list->kids[i], &f2);
			clean_before += old && checks_clean(old);
			desc_free(&old);
			findings_done(&f2);
		}
		ynode_free(&root);
		for (size_t i = 0; i < r.n; i++) {
			imported *it = &r.v[i];
			ck_assert_msg(it->d, "%s %s not imported", old_files[fi], it->where);
			ck_assert_int_eq(it->rep.kind, KIND_OLD);
			total++;
			asides += it->rep.aside.len > 0;
			bool pc = false;
			for (size_t k = 0; k < it->rep.nfill; k++)
				pc |= !strcmp(it->rep.fill[k], "publication_category");
			ck_assert_msg(pc, "%s %s: the report does not name publication_category", old_files[fi], it->where);
			ck_assert_msg(strstr(it->rep.lines.s, "publication_category") || strstr(it->rep.lines.s, "Publication category"),
			              "%s", it->rep.lines.s);
			/* The kept-aside block is a comment: the file reads back the same. */
			size_t ylen;
			char *yaml = desc_format_yaml(it->d, &ylen), *aside = migrate_aside_comment(&it->rep);
			char *file = xasprintf("%s%s", yaml, aside);
			findings f3;
			findings_init(&f3);
			description *back = desc_read(std, file, strlen(file), DESC_YAML, &f3);
			ck_assert_msg(back && desc_equal(back, it->d), "%s %s: the file with its comment block reads differently",
			              old_files[fi], it->where);
			desc_free(&back);
			findings_done(&f3);
			free(yaml);
			free(aside);
			free(file);
			for (size_t k = 0; k < it->rep.nfill; k++)
				fill_in(it->d, it->rep.fill[k]);
			/* ... and shortens the texts it says are too long: then check
			 * refuses nothing, so the report's to-do was complete. */
			size_t clen;
			char *copy = desc_format_yaml(it->d, &clen);
			findings f5;
			findings_init(&f5);
			description *done = desc_read(std, copy, clen, DESC_YAML, &f5);
			ck_assert_ptr_nonnull(done);
			free(copy);
			findings_done(&f5);
			{
				findings_init(&f5);
				rules_check(done, &f5);
				for (size_t k = 0; k < f5.n; k++)
					if (f5.v[k].sev == SEV_ERROR && f5.v[k].field && !strcmp(f5.v[k].rule, "max-length")) {
						ck_assert_msg(strstr(it->rep.lines.s, f5.v[k].field->label[i18n_lang()]), "%s", it->rep.lines.s);
						desc_set(done, f5.v[k].field, ynode_new_str("Ingekort door de gebruiker", 26, 0, 0));
					}
				findings_done(&f5);
				findings_init(&f5);
				rules_check(done, &f5);
				strbuf left = STRBUF_INIT;
				for (size_t k = 0; k < f5.n; k++)
					if (f5.v[k].sev == SEV_ERROR)
						sb_printf(&left, "    %s\n", f5.v[k].msg);
				if (left.len)
					fprintf(stderr, "%s %s: check still refuses, the report did not say:\n%s", old_files[fi], it->where, left.s);
				checked_clean += !left.len;
				sb_done(&left);
				findings_done(&f5);
			}
			desc_free(&done);
			bool only_length;
			size_t errs = register_errors(it->d, &only_length);
			ck_assert_msg(only_length, "%s %s: after filling in what the report names, the register still refuses it:\n%s",
			              old_files[fi], it->where, it->rep.lines.s);
			if (errs) {
				too_long++;
				continue;
			}
			/* export without --force, read back as the register would */
			char *json = desc_export_api_json(it->d);
			findings f4;
			findings_init(&f4);
			description *sent = desc_read(std, json, strlen(json), DESC_API, &f4);
			ck_assert_ptr_nonnull(sent);
			ck_assert_int_eq(register_errors(sent, &only_length), 0);
			clean_after_fill++;
			desc_free(&sent);
			findings_done(&f4);
			free(json);
		}
		import_result_done(&r);
		findings_done(&fs);
		free(data);
	}
	printf("0.x descriptions: %zu; clean as imported before migration: %zu; after migration and filling in "
	       "what the report names: %zu accepted, %zu refused only for texts over the register's limits; "
	       "%zu with fields kept aside\n",
	       total, clean_before, clean_after_fill, too_long, asides);
	ck_assert_uint_eq(clean_before, 0);
	ck_assert_uint_gt(total, 150);
	ck_assert_uint_eq(clean_after_fill + too_long, total);
	printf("0.x descriptions that check passes after doing everything the report asks: %zu of %zu\n", checked_clean, total);
	ck_assert_uint_eq(checked_clean, total);
}
END_TEST

START_TEST(site_export_takes_dutch_versions)
{
	const char *ref = unit_reference();
	UNIT_SKIP_NO_REFERENCE(ref);
	size_t len;
	char *data = slurp(ref, "minbzk-site-data-export-sample-2024-10.json", &len);
	findings fs;
	findings_init(&fs);
	import_result r;
	ck_assert_int_eq(import_file(std, data, len, NULL, &r, &fs), 0);
	ck_assert_int_eq(r.kind, IMPORT_SITE);
	ck_assert_uint_eq(r.n, 2);
	ck_assert_uint_eq(r.skipped_lang, 2);
	ck_assert_str_eq(desc_text(r.v[0].d, standard_field(std, "name")), "Druktebeeld (NL)");
	ck_assert_str_eq(desc_text(r.v[1].d, standard_field(std, "name")), "Wmo-voorspelmodel");
	ck_assert_str_eq(desc_text(r.v[1].d, standard_field(std, "status")), "In gebruik"); /* "Actief" */
	import_result_done(&r);
	findings_done(&fs);
	free(data);
}
END_TEST

START_TEST(launch_set_skips_header_rows)
{
	const char *ref = unit_reference();
	UNIT_SKIP_NO_REFERENCE(ref);
	size_t len;
	char *data = slurp(ref, "minbzk-algoritmes_081222.json", &len);
	findings fs;
	findings_init(&fs);
	import_result r;
	ck_assert_int_eq(import_file(std, data, len, NULL, &r, &fs), 0);
	ck_assert_int_eq(r.kind, IMPORT_LIST);
	ck_assert_uint_eq(r.skipped_rows, 3);
	ck_assert_uint_eq(r.n, 96);
	import_result_done(&r);
	findings_done(&fs);
	free(data);
}
END_TEST

START_TEST(schema_naming_renamed)
{
	const char *json = "{\"name\": \"Parkeren\", \"theme\": [\"Verkeer\"], \"start_date\": \"2023-01\","
	                   " \"contact\": \"info@example.nl\", \"publication_category\": \"Overige algoritmes (Categorie C)\","
	                   " \"purpose_and_impact\": \"Doel.\", \"legal_basis_title\": \"Wegenverkeerswet\","
	                   " \"legal_basis_link\": \"https://wetten.overheid.nl/BWBR0006622\", \"language\": \"nld\","
	                   " \"schema\": \"1.0.0\", \"search_terms\": \"parkeren\", \"description_short\": \"Kort.\","
	                   " \"organization\": \"Gemeente X\", \"status\": \"In gebruik\"}";
	findings fs;
	findings_init(&fs);
	import_result r;
	ck_assert_int_eq(import_file(std, json, strlen(json), NULL, &r, &fs), 0);
	ck_assert_int_eq(r.kind, IMPORT_BODY);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_int_eq(r.v[0].rep.kind, KIND_SCHEMA);
	const description *d = r.v[0].d;
	ck_assert_str_eq(desc_text(d, standard_field(std, "begin_date")), "2023-01");
	ck_assert_str_eq(desc_text(d, standard_field(std, "contact_email")), "info@example.nl");
	ck_assert_str_eq(desc_text(d, standard_field(std, "publication_category")), "Overige algoritmes");
	ck_assert_str_eq(desc_text(d, standard_field(std, "goal")), "Doel.");
	ck_assert_str_eq(desc_text(d, standard_field(std, "standard_version")), "1.0");
	ck_assert_str_eq(desc_text(d, standard_field(std, "tags")), "parkeren");
	const ynode *g = desc_get(d, standard_field(std, "lawful_basis_grouping"));
	ck_assert(g && g->type == Y_SEQ && g->n == 1);
	ck_assert_str_eq(ynode_str(ynode_get(g->kids[0], "title")), "Wegenverkeerswet");
	ck_assert_uint_eq(desc_get(d, standard_field(std, "category"))->n, 1);
	ck_assert_uint_eq(r.v[0].rep.nfill, 0);
	ck_assert(checks_clean(d));
	import_result_done(&r);
	findings_done(&fs);
}
END_TEST

START_TEST(old_values_mapped)
{
	const char *json = "[{\"name\": \"A\", \"standard_version\": \"0.4.0\", \"category\": \"{Werk,Huisvesting,\\\"Ruimte en infrastructuur\\\",Bestuur}\","
	                   " \"lang\": \"Nederlands\", \"status\": \"Actief\", \"impact\": \"Groot.\", \"goal\": \"Doel.\","
	                   " \"iama\": \"Ja\", \"dpia\": \"Nee\", \"department\": \"Team X\", \"begin_date\": \"03-2022\","
	                   " \"lawful_basis_link\": \"https://wetten.overheid.nl/BWBR0001903\"},"
	                   " {\"name\": \"B\", \"standard_version\": \"0.1.0\", \"status\": \"pilot\"}]";
	findings fs;
	findings_init(&fs);
	import_result r;
	ck_assert_int_eq(import_file(std, json, strlen(json), NULL, &r, &fs), 0);
	ck_assert_int_eq(r.kind, IMPORT_LIST);
	ck_assert_uint_eq(r.n, 2);
	const description *d = r.v[0].d;
	const ynode *c = desc_get(d, standard_field(std, "category"));
	ck_assert_uint_eq(c->n, 3);
	ck_assert_str_eq(c->kids[1]->str, "Wonen");
	ck_assert_str_eq(desc_text(d, standard_field(std, "lang")), "nld");
	ck_assert_str_eq(desc_text(d, standard_field(std, "status")), "In gebruik");
	ck_assert_str_eq(desc_text(d, standard_field(std, "goal")), "Doel.\n\nGroot.");
	ck_assert_str_eq(desc_text(d, standard_field(std, "begin_date")), "2022-03");
	ck_assert_str_eq(desc_text(d, standard_field(std, "standard_version")), "1.0");
	const ynode *t = desc_get(d, standard_field(std, "impacttoetsen_grouping"));
	ck_assert(t && t->n == 1);
	ck_assert(desc_get(d, standard_field(std, "lawful_basis_grouping"))->n == 1);
	char *aside = migrate_aside_comment(&r.v[0].rep);
	ck_assert_msg(strstr(aside, "# department: Team X\n") && strstr(aside, "# category: Bestuur\n"), "%s", aside);
	free(aside);
	ck_assert_msg(strstr(r.v[0].rep.lines.s, "department"), "%s", r.v[0].rep.lines.s);
	/* "pilot" has no place: kept aside, status to be filled in */
	bool status = false;
	for (size_t k = 0; k < r.v[1].rep.nfill; k++)
		status |= !strcmp(r.v[1].rep.fill[k], "status");
	ck_assert_msg(status, "%s", r.v[1].rep.lines.s);
	import_result_done(&r);
	findings_done(&fs);
}
END_TEST

START_TEST(kinds_named)
{
	const char *cases[][2] = {
		/* a 1.0 template without publication_category keeps its kind, old keys and all */
		{ "{\"id\": \"t\", \"name\": \"T\", \"standard_version\": \"1.0\", \"type\": \"x\", \"uuid\": \"u\", \"iama_description\": \"d\"}", "template" },
		{ "{\"name\": \"A\", \"standard_version\": \"1.0\", \"publication_category\": \"Overige algoritmes\"}", "api" },
		{ "{\"name\": \"A\", \"schema\": \"Metadatstandaard 0.2\"}", "old" },
		{ "{\"name\": \"A\", \"department\": \"d\", \"impact\": \"i\", \"area\": \"a\"}", "old" },
		{ "{\"name\": \"A\", \"theme\": [], \"schema\": \"1.0.0\"}", "schema" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		ynode *root = NULL;
		yerror ye = { 0 };
		ck_assert_int_eq(ytree_parse_json(cases[i][0], strlen(cases[i][0]), &root, &ye), 0);
		import_kind k = import_kind_of(root);
		const char *got = k == KIND_TEMPLATE ? "template" : k == KIND_API ? "api" : k == KIND_OLD ? "old" : "schema";
		ck_assert_msg(!strcmp(got, cases[i][1]), "%s: %s, wanted %s", cases[i][0], got, cases[i][1]);
		ynode_free(&root);
	}
}
END_TEST

int main(void)
{
	std = unit_standard();
	Suite *s = suite_create("migrate");
	TCase *t = tcase_create("migrate");
	tcase_set_timeout(t, 60);
	tcase_add_test(t, old_records_migrate_and_export);
	tcase_add_test(t, site_export_takes_dutch_versions);
	tcase_add_test(t, launch_set_skips_header_rows);
	tcase_add_test(t, schema_naming_renamed);
	tcase_add_test(t, old_values_mapped);
	tcase_add_test(t, kinds_named);
	suite_add_tcase(s, t);
	int rc = unit_run(s);
	standard_free(&std);
	return rc;
}
