/* quality: the register's completeness score (against a case computed by
 * hand, and the naive count of an empty <p></p>), the plain-Dutch advice
 * (long sentences, plain words, the Flesch-Douma estimate, at most three
 * per field, none on plain B1 text), the plain-word list format, and the
 * web addresses a description holds. */
#include "config.h"
#include "forms/desc.h"
#include "forms/quality.h"
#include "forms/exchange.h"
#include "base/base.h"
#include "unit.h"

#include <dirent.h>
#include <string.h>

static description *read_fmt(const standard *std, const char *y, desc_format fmt)
{
	findings fs;
	findings_init(&fs);
	description *d = desc_read(std, y, strlen(y), fmt, &fs);
	findings_done(&fs);
	ck_assert_ptr_nonnull(d);
	return d;
}

static size_t count_rule(const findings *fs, const char *rule, const char *key)
{
	size_t n = 0;
	for (size_t i = 0; i < fs->n; i++)
		if (!strcmp(fs->v[i].rule, rule) && (!key || (fs->v[i].field && !strcmp(fs->v[i].field->key, key))))
			n++;
	return n;
}

START_TEST(weights_are_the_registers)
{
	int total = 0;
	const char *keys[] = { "name", "description_short", "organization", "category", "status", "begin_date",
		               "end_date", "contact_email", "website", "publication_category", "url", "goal",
		               "proportionality", "human_intervention", "risks", "lawful_basis", "lawful_basis_grouping",
		               "process_index_url", "impacttoetsen", "impacttoetsen_grouping", "source_data",
		               "source_data_grouping", "methods_and_models", "provider", "publiccode", "lang",
		               "standard_version", "source_id", "tags" };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		total += completeness_weight(keys[i]);
	ck_assert_int_eq(total, 140);
	ck_assert_int_eq(completeness_weight("goal"), 8);
	ck_assert_int_eq(completeness_weight("tags"), 2);
	ck_assert_int_eq(completeness_weight("publiccode"), 0);
	ck_assert_int_eq(completeness_weight("impact"), -1);
}
END_TEST

START_TEST(score_by_hand)
{
	standard *std = unit_standard();
	/* name 8 + description_short 8 + status 8 + website 2 + lang 2 +
	 * standard_version 0 = 28 of 140 = 20%; end_date "" and tags [] do
	 * not count. */
	description *d = read_fmt(std,
	                          "name: Parkeren\ndescription_short: Kort.\nstatus: In gebruik\nwebsite: https://a.nl\n"
	                          "lang: nld\nstandard_version: \"1.0\"\nend_date: \"\"\ntags: []\n",
	                          DESC_YAML);
	completeness c;
	completeness_compute(d, &c);
	ck_assert_int_eq(c.counted, 28);
	ck_assert_int_eq(c.total, 140);
	ck_assert_int_eq(c.score, 20);
	ck_assert_uint_eq(c.nlooks, 0);
	/* One key more of weight 2: 30/140 = 21.43 -> 22 (rounded up). */
	desc_set_text(d, standard_field(std, "url"), "https://b.nl");
	completeness_compute(d, &c);
	ck_assert_int_eq(c.score, 22);
	ck_assert_int_eq(completeness_band_of(c.score), CB_LOW);
	ck_assert_int_eq(completeness_band_of(59), CB_LOW);
	ck_assert_int_eq(completeness_band_of(60), CB_MIDDLE);
	ck_assert_int_eq(completeness_band_of(84), CB_MIDDLE);
	ck_assert_int_eq(completeness_band_of(85), CB_HIGH);
	desc_free(&d);
	standard_free(&std);
}
END_TEST

START_TEST(naive_count_and_looks_filled)
{
	standard *std = unit_standard();
	/* The register counts "<p></p>" and a list of an empty item: 8 + 2. */
	description *d = read_fmt(std,
	                          "{\"name\": \"X\", \"goal\": \"<p></p>\", \"risks\": null, "
	                          "\"lawful_basis_grouping\": [{\"title\": \"\", \"link\": \"\"}]}",
	                          DESC_API);
	completeness c;
	completeness_compute(d, &c);
	ck_assert_int_eq(c.counted, 8 + 8 + 2);
	ck_assert_int_eq(c.score, 13); /* 18/140 = 12.86 */
	ck_assert_uint_eq(c.nlooks, 2);
	findings fs;
	findings_init(&fs);
	completeness_findings(d, &c, &fs);
	ck_assert_uint_eq(count_rule(&fs, "looks-filled", "goal"), 1);
	ck_assert_uint_eq(count_rule(&fs, "looks-filled", "lawful_basis_grouping"), 1);
	ck_assert_uint_eq(count_rule(&fs, "looks-filled", "name"), 0);
	findings_done(&fs);
	desc_free(&d);
	standard_free(&std);
}
END_TEST

START_TEST(readability_counts)
{
	readability r;
	const char *t = "De gemeente kijkt naar de aanvraag. Daarna krijgt u een brief.";
	readability_of(t, strlen(t), &r);
	ck_assert_uint_eq(r.words, 11);
	ck_assert_uint_eq(r.sentences, 2);
	/* de ge-meen-te kijkt naar de aan-vraag (9), daar-na krijgt u een brief (6) */
	ck_assert_uint_eq(r.syllables, 15);
	ck_assert(r.score > 80);
	/* An abbreviation does not end a sentence; a list item does. */
	const char *u = "Wij gebruiken o.a. de BRP.\n- eerste punt\n- tweede punt";
	readability_of(u, strlen(u), &r);
	ck_assert_uint_eq(r.sentences, 3);
	/* ideeën: i-dee-en, drie lettergrepen */
	readability_of("ideeën", strlen("ideeën"), &r);
	ck_assert_uint_eq(r.syllables, 3);
	ck_assert_str_eq(readability_level(20), "very difficult");
	ck_assert_str_eq(readability_level(65), "standard");
}
END_TEST

static plain_words shipped(void)
{
	plain_words pw;
	plain_words_init(&pw);
	char *err = NULL;
	ck_assert(plain_words_load_all(&pw, NULL, &err));
	ck_assert_ptr_null(err);
	return pw;
}

START_TEST(plain_word_list)
{
	plain_words pw = shipped();
	ck_assert_uint_ge(pw.n, 150);
	int bad;
	const char *team = "# ons team\nmiddels = via\n\nnieuw woord = kort\nkapot\n";
	ck_assert_uint_eq(plain_words_parse(&pw, team, strlen(team), &bad), 2);
	ck_assert_int_eq(bad, 5);
	bool found = false;
	for (size_t i = 0; i < pw.n; i++)
		if (!strcmp(pw.v[i].from, "middels")) {
			ck_assert_str_eq(pw.v[i].to, "via"); /* the team's pair wins */
			found = true;
		}
	ck_assert(found);
	plain_words_done(&pw);
}
END_TEST

START_TEST(advice_on_officialese)
{
	standard *std = unit_standard();
	plain_words pw = shipped();
	const char *y =
		"goal: |-\n"
		"  Middels dit algoritme worden aanvragen, die reeds door de afdeling Vergunningen in behandeling zijn "
		"genomen, teneinde de doorlooptijd te verkorten en de kwaliteit van de besluitvorming ten aanzien van "
		"parkeervergunningen te verhogen, automatisch beoordeeld op volledigheid en juistheid van de aangeleverde "
		"gegevens.\n"
		"\n"
		"  Belanghebbenden dienen te beschikken over een geldige registratie in de Basisregistratie Personen "
		"alsmede een kentekenregistratie op naam van de aanvrager of diens werkgever, hetgeen geverifieerd wordt "
		"middels een automatische raadpleging van de desbetreffende registraties.\n";
	description *d = read_fmt(std, y, DESC_YAML);
	findings fs;
	findings_init(&fs);
	language_check(d, &pw, &fs);
	ck_assert_uint_eq(count_rule(&fs, "long-sentence", "goal"), 1);
	ck_assert_uint_eq(count_rule(&fs, "plain-word", "goal"), 1);
	ck_assert_uint_eq(count_rule(&fs, "reading-level", "goal"), 1);
	ck_assert_uint_le(fs.n, QUALITY_MAX_ADVICE);
	for (size_t i = 0; i < fs.n; i++) {
		ck_assert_int_eq(fs.v[i].sev, SEV_NOTE); /* advice, never an error */
		if (!strcmp(fs.v[i].rule, "long-sentence")) {
			ck_assert_ptr_nonnull(strstr(fs.v[i].msg, "\"Middels dit algoritme worden aanvragen, die...\""));
			ck_assert_ptr_nonnull(strstr(fs.v[i].msg, "has 42 words"));
			ck_assert_ptr_nonnull(strstr(fs.v[i].msg, "1 more sentence"));
		}
		if (!strcmp(fs.v[i].rule, "plain-word"))
			ck_assert_ptr_nonnull(strstr(fs.v[i].msg, "\"middels\" (plainer: \"met\")"));
		if (!strcmp(fs.v[i].rule, "reading-level"))
			ck_assert_ptr_nonnull(strstr(fs.v[i].msg, "Flesch-Douma"));
	}
	findings_done(&fs);
	desc_free(&d);
	plain_words_done(&pw);
	standard_free(&std);
}
END_TEST

/* Plain B1 texts, written for this test: short sentences, everyday words.
 * None may get advice. */
static const char *const b1_texts[] = {
	"Bewoners kunnen een parkeervergunning aanvragen. Het algoritme kijkt of de aanvraag compleet is. "
	"Het controleert of u in de gemeente woont. Het kijkt ook of de auto op uw naam staat. "
	"Klopt alles? Dan krijgt u de vergunning binnen twee dagen. Klopt er iets niet? "
	"Dan kijkt een medewerker naar uw aanvraag. Die neemt het besluit. U krijgt altijd een brief met de reden.",
	"Een medewerker van de gemeente kijkt naar elke uitkomst. Het algoritme geeft alleen advies. "
	"De medewerker beslist. Is het advies niet goed? Dan past de medewerker het aan. "
	"Zo maakt het algoritme nooit alleen een besluit over een inwoner. "
	"Elk jaar kijken we of het algoritme nog goed werkt. We schrijven op wat we vinden.",
	"Het algoritme gebruikt een paar gegevens. Dat zijn uw naam, uw adres en het kenteken van uw auto. "
	"We halen die gegevens uit de registers van de overheid. We bewaren ze niet langer dan nodig. "
	"Na een jaar gooien we ze weg. Alleen medewerkers van het team parkeren kunnen de gegevens zien.",
	"Er kan iets misgaan. Het register kan een oud adres hebben. Dan krijgt u misschien geen vergunning. "
	"Daarom kijkt een medewerker altijd mee. U kunt ook bezwaar maken. "
	"Dat kan binnen zes weken na de brief. U kunt ons ook bellen als u vragen heeft.",
};

START_TEST(no_advice_on_plain_text)
{
	standard *std = unit_standard();
	plain_words pw = shipped();
	for (size_t t = 0; t < sizeof b1_texts / sizeof b1_texts[0]; t++) {
		char *y = xasprintf("goal: \"%s\"\nrisks: \"%s\"\ndescription_short: \"%s\"\n", b1_texts[t], b1_texts[t],
		                    "Dit algoritme helpt bij het beoordelen van aanvragen voor een parkeervergunning.");
		description *d = read_fmt(std, y, DESC_YAML);
		findings fs;
		findings_init(&fs);
		language_check(d, &pw, &fs);
		for (size_t i = 0; i < fs.n; i++)
			fprintf(stderr, "text %zu: %s\n", t, fs.v[i].msg);
		ck_assert_uint_eq(fs.n, 0);
		readability r;
		readability_of(b1_texts[t], strlen(b1_texts[t]), &r);
		fprintf(stderr, "B1 text %zu: Flesch-Douma %.0f, %zu words, %zu sentences\n", t, r.score, r.words, r.sentences);
		findings_done(&fs);
		desc_free(&d);
		free(y);
	}
	plain_words_done(&pw);
	standard_free(&std);
}
END_TEST

START_TEST(links_found)
{
	standard *std = unit_standard();
	description *d = read_fmt(std,
	                          "website: https://example.nl/a\n"
	                          "goal: \"Zie https://example.nl/b. En (http://example.nl/c), en https://example.nl/a.\"\n"
	                          "lawful_basis_grouping:\n- title: Wet\n  link: http://wetten.nl/x\n",
	                          DESC_YAML);
	desc_link *l = NULL;
	size_t n = desc_links(d, &l);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(l[0].url, "https://example.nl/a");
	ck_assert(l[0].register_field);
	ck_assert_str_eq(l[1].url, "https://example.nl/b");
	ck_assert(!l[1].register_field);
	ck_assert_str_eq(l[2].url, "http://example.nl/c");
	ck_assert_str_eq(l[3].url, "http://wetten.nl/x");
	ck_assert(l[3].register_field);
	link_result r[4] = { { LINK_OK, 200, 0, NULL, NULL, false },
		             { LINK_BROKEN, 404, 0, NULL, NULL, false },
		             { LINK_UNCHECKED, 0, 0, NULL, xstrdup("no answer"), false },
		             { LINK_NOT_HTTPS, 0, 0, NULL, NULL, false } };
	findings fs;
	findings_init(&fs);
	link_findings(l, r, n, &fs);
	ck_assert_uint_eq(count_rule(&fs, "broken-link", NULL), 1);
	ck_assert_uint_eq(count_rule(&fs, "link-unchecked", NULL), 1);
	ck_assert_uint_eq(count_rule(&fs, "link-not-https", NULL), 1);
	findings_done(&fs);
	for (size_t i = 0; i < 4; i++)
		link_result_done(&r[i]);
	desc_links_free(&l, n);
	desc_free(&d);
	standard_free(&std);
}
END_TEST


/* The supplier templates of the reference: imported into algedit's YAML
 * model and scored there (the value read off where it tells, export asked
 * where it does not), they score as the register scores their JSON, except
 * where the JSON holds a field that only looks filled. */
START_TEST(yaml_scores_as_the_json)
{
	const char *ref = unit_reference();
	UNIT_SKIP_NO_REFERENCE(ref);
	standard *std = unit_standard();
	char *dir = xasprintf("%s/templates", ref);
	DIR *dh = opendir(dir);
	ck_assert_ptr_nonnull(dh);
	struct dirent *e;
	size_t compared = 0;
	while ((e = readdir(dh))) {
		if (!strstr(e->d_name, ".json"))
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name), *data = NULL;
		size_t len = 0;
		ck_assert_int_eq(read_file(path, 16u * 1024 * 1024, &data, &len), 0);
		template_entry *t = NULL;
		findings fs;
		findings_init(&fs);
		size_t n = template_list(data, len, &t, &fs);
		for (size_t i = 0; i < n; i++) {
			description *y = template_import(std, data, len, t[i].id, &fs);
			ck_assert_ptr_nonnull(y);
			ynode *root = NULL;
			yerror ye = { 0 };
			ck_assert_int_eq(ytree_parse_json(data, len, &root, &ye), 0);
			const ynode *obj = root->type == Y_SEQ ? root->kids[i] : root;
			description *j = desc_from_tree(std, obj, DESC_API, &fs);
			ck_assert_ptr_nonnull(j);
			completeness cy, cj;
			completeness_compute(y, &cy);
			completeness_compute(j, &cj);
			if (!cj.nlooks) {
				ck_assert_int_eq(cy.score, cj.score);
				compared++;
			}
			desc_free(&y);
			desc_free(&j);
			ynode_free(&root);
		}
		template_entries_free(&t, n);
		findings_done(&fs);
		free(data);
		free(path);
	}
	closedir(dh);
	free(dir);
	ck_assert_uint_ge(compared, 20);
	standard_free(&std);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("quality");
	TCase *t = tcase_create("quality");
	tcase_add_test(t, weights_are_the_registers);
	tcase_add_test(t, score_by_hand);
	tcase_add_test(t, naive_count_and_looks_filled);
	tcase_add_test(t, readability_counts);
	tcase_add_test(t, plain_word_list);
	tcase_add_test(t, advice_on_officialese);
	tcase_add_test(t, no_advice_on_plain_text);
	tcase_add_test(t, links_found);
	tcase_add_test(t, yaml_scores_as_the_json);
	suite_add_tcase(s, t);
	return unit_run(s);
}
