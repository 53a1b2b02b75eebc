/* The tutor's lessons (forms/lessons.c): the shipped lesson files load in
 * both languages with the same lessons; every lesson's check fails on its
 * untouched start and passes on a solution written here; a lesson file
 * with a mistake is refused with its file and line. */
#include "config.h"
#include "forms/desc.h"
#include "forms/lessons.h"
#include "forms/rules.h"
#include "base/base.h"
#include "unit.h"

#include <string.h>
#include <unistd.h>

/* The answers a learner could type, per lesson id and language. */
static const struct solution {
	const char *id, *key, *nl, *en;
} solutions[] = {
	{ "korte-omschrijving", "description_short",
	  "De gemeente kiest met dit algoritme welke parkeervergunningen zij eerst controleert.",
	  "With this algorithm the municipality chooses which parking permits it checks first." },
	{ "doel-en-categorie", "publication_category", "Overige algoritmes", "Overige algoritmes" },
	{ "doel-en-categorie", "goal", "De gemeente controleert vergunningen, zodat wachtenden sneller een plek krijgen.",
	  "The municipality checks permits so that people waiting get a place sooner." },
	{ "drie-problemen", "source_data", "Adres en kenteken uit de vergunningenadministratie.",
	  "Address and number plate from the permit records." },
	{ "drie-problemen", "publiccode", "https://git.zuiderveen.nl/parkeren", "https://git.zuiderveen.nl/parkeren" },
	{ "drie-problemen", "provider", "Gemeente Zuiderveen", "Municipality of Zuiderveen" },
	{ "spelling", "tags", "parkeervergunning, controle, parkeren", "parking permit, inspection, parking" },
};

static const char *typos[] = { "parkeervergunnig", "kontrole", "parkeeren", "permitt", "inspektion", "parkking" };

/* A speller for the test: the typos above are its only unknown words. */
static size_t fake_misspelt(void *ctx, const std_field *f, const char *text, size_t len)
{
	(void)ctx, (void)f, (void)len;
	size_t n = 0;
	for (size_t i = 0; i < sizeof typos / sizeof *typos; i++)
		n += strstr(text, typos[i]) != NULL;
	return n;
}

static void each_lesson(int lang)
{
	standard *std = unit_standard();
	char *err = NULL;
	lessons *ls = lessons_load(std, lang, &err);
	ck_assert_msg(ls, "%s", err ? err : "");
	ck_assert_uint_eq(ls->n, 5);
	/* One lesson per section of the standard, and one for review. */
	for (size_t s = 0; s < std->nsections; s++) {
		bool found = false;
		for (size_t i = 0; i < ls->n; i++)
			found |= !strcmp(ls->v[i].section, std->sections[s].key);
		ck_assert_msg(found, "no lesson for section %s", std->sections[s].key);
	}
	ck_assert_str_eq(ls->v[ls->n - 1].section, "review");
	/* The example itself checks clean. */
	findings fs;
	findings_init(&fs);
	description *ex = desc_read_file(std, ls->example, DESC_YAML, &fs);
	ck_assert_ptr_nonnull(ex);
	rules_check(ex, &fs);
	ck_assert_uint_eq(findings_count(&fs, SEV_ERROR) + findings_count(&fs, SEV_WARNING), 0);
	findings_done(&fs);
	desc_free(&ex);
	lesson_env env = { fake_misspelt, NULL, false, NULL };
	for (size_t i = 0; i < ls->n; i++) {
		const lesson *l = &ls->v[i];
		description *d = lesson_start(ls, l, &err);
		ck_assert_msg(d, "%s", err ? err : "");
		findings_init(&fs);
		ck_assert_msg(!lesson_check_run(l, d, &env, &fs), "lesson %s done at its start", l->id);
		ck_assert_uint_gt(fs.n, 0);
		/* "Repair the three problems": exactly three, each the rules'. */
		if (!strcmp(l->id, "drie-problemen")) {
			ck_assert_uint_eq(fs.n, 3);
			for (size_t j = 0; j < fs.n; j++)
				ck_assert(strncmp(fs.v[j].rule, "lesson-", 7) != 0);
		}
		for (size_t j = 0; j < fs.n; j++)
			ck_assert(fs.v[j].msg && *fs.v[j].msg);
		findings_done(&fs);
		for (size_t j = 0; j < sizeof solutions / sizeof *solutions; j++)
			if (!strcmp(solutions[j].id, l->id))
				desc_set_text(d, standard_field(std, solutions[j].key),
				              lang == LANG_EN ? solutions[j].en : solutions[j].nl);
		env.has_reply = l->check.reply;
		findings_init(&fs);
		bool done = lesson_check_run(l, d, &env, &fs);
		ck_assert_msg(done, "lesson %s not done by its solution: %s", l->id, fs.n ? fs.v[0].msg : "");
		findings_done(&fs);
		env.has_reply = false;
		desc_free(&d);
	}
	lessons_free(&ls);
	standard_free(&std);
}

START_TEST(lessons_nl)
{
	each_lesson(LANG_NL);
}
END_TEST

START_TEST(lessons_en)
{
	each_lesson(LANG_EN);
}
END_TEST

/* A partial answer says what is still missing, one thing at a time. */
START_TEST(partial_answer_says_what)
{
	standard *std = unit_standard();
	char *err = NULL;
	lessons *ls = lessons_load(std, LANG_EN, &err);
	ck_assert_ptr_nonnull(ls);
	const lesson *l = &ls->v[0];
	description *d = lesson_start(ls, l, &err);
	const std_field *f = standard_field(std, "description_short");
	findings fs;
	findings_init(&fs);
	desc_set_text(d, f, "The PV checks which parking permits the municipality looks at first with the BRP.");
	ck_assert(!lesson_check_run(l, d, NULL, &fs));
	ck_assert_uint_eq(fs.n, 2);
	ck_assert_ptr_nonnull(strstr(fs.v[0].msg, "\"BRP\""));
	ck_assert_ptr_nonnull(strstr(fs.v[1].msg, "\"PV\""));
	findings_done(&fs);
	/* Too long: the rules engine's own words, and the lesson's. */
	strbuf b = STRBUF_INIT;
	for (int i = 0; i < 50; i++)
		sb_adds(&b, "A long text. ");
	desc_set_text(d, f, sb_str(&b));
	findings_init(&fs);
	ck_assert(!lesson_check_run(l, d, NULL, &fs));
	bool rule = false, lesson_len = false;
	for (size_t i = 0; i < fs.n; i++) {
		rule |= !strcmp(fs.v[i].rule, "max-length");
		lesson_len |= !strcmp(fs.v[i].rule, "lesson-length");
	}
	ck_assert(rule && lesson_len);
	findings_done(&fs);
	sb_done(&b);
	/* Abbreviation check is by whole word: "PVC" and "IVy" pass. */
	desc_set_text(d, f, "The municipality checks which pipes of PVC grow IVy first.");
	ck_assert(lesson_check_run(l, d, NULL, NULL));
	desc_free(&d);
	lessons_free(&ls);
	standard_free(&std);
}
END_TEST

/* Every lesson fails on a wrong answer (one word), a weak one
 * (abbreviations only, too short) and one beside the lesson's point, and
 * passes on a good one; the other fields hold their solutions. For the
 * review lesson the answer is the reply (NULL: none). */
static const struct attempt {
	const char *id, *key;
	int lang;
	const char *text;
	bool done;
} attempts[] = {
	{ "korte-omschrijving", "description_short", LANG_NL, "x", false },
	{ "korte-omschrijving", "description_short", LANG_NL, "Het HPV-team gebruikt het ABC-systeem.", false },
	{ "korte-omschrijving", "description_short", LANG_NL, "Dit is een mooie tekst over het weer in de zomer van dit jaar.", false },
	{ "korte-omschrijving", "description_short", LANG_NL,
	  "De gemeente kiest met dit algoritme welke parkeervergunningen zij eerst controleert.", true },
	{ "korte-omschrijving", "description_short", LANG_EN, "x", false },
	{ "korte-omschrijving", "description_short", LANG_EN, "The HPV team uses the ABC system.", false },
	{ "korte-omschrijving", "description_short", LANG_EN, "This is a nice text about the weather in the summer of this year.", false },
	{ "korte-omschrijving", "description_short", LANG_EN,
	  "With this algorithm the municipality chooses which parking permits it checks first.", true },
	{ "doel-en-categorie", "goal", LANG_NL, "x", false },
	{ "doel-en-categorie", "goal", LANG_NL, "Zodat het werkt.", false },
	{ "doel-en-categorie", "goal", LANG_NL, "De gemeente controleert parkeervergunningen met een algoritme in de stad.", false },
	{ "doel-en-categorie", "goal", LANG_NL, "De gemeente controleert vergunningen, zodat wachtenden sneller een plek krijgen.", true },
	{ "doel-en-categorie", "goal", LANG_EN, "x", false },
	{ "doel-en-categorie", "goal", LANG_EN, "So it works.", false },
	{ "doel-en-categorie", "goal", LANG_EN, "The municipality uses an algorithm for parking permits in the city.", false },
	{ "doel-en-categorie", "goal", LANG_EN, "The municipality checks permits so that people waiting get a place sooner.", true },
	{ "drie-problemen", "source_data", LANG_NL, "x", false },
	{ "drie-problemen", "source_data", LANG_NL, "BRP en BAG.", false },
	{ "drie-problemen", "source_data", LANG_NL, "Het is een goed systeem dat veel werk bespaart.", false },
	{ "drie-problemen", "source_data", LANG_NL, "Adres en kenteken uit de vergunningenadministratie.", true },
	{ "drie-problemen", "source_data", LANG_EN, "x", false },
	{ "drie-problemen", "source_data", LANG_EN, "BRP and BAG.", false },
	{ "drie-problemen", "source_data", LANG_EN, "It is a good system that saves a lot of work.", false },
	{ "drie-problemen", "source_data", LANG_EN, "Address and number plate from the permit records.", true },
	{ "spelling", "tags", LANG_NL, "x", false },
	{ "spelling", "tags", LANG_NL, "parkeren", false },
	{ "spelling", "tags", LANG_NL, "aap, noot, mies", false },
	{ "spelling", "tags", LANG_NL, "parkeervergunning, controle, parkeren", true },
	{ "spelling", "tags", LANG_EN, "x", false },
	{ "spelling", "tags", LANG_EN, "parking", false },
	{ "spelling", "tags", LANG_EN, "apple, pear, plum", false },
	{ "spelling", "tags", LANG_EN, "parking permit, inspection, parking", true },
	{ "opmerking-beantwoorden", NULL, LANG_NL, NULL, false },
	{ "opmerking-beantwoorden", NULL, LANG_NL, "ja", false },
	{ "opmerking-beantwoorden", NULL, LANG_NL, "Dank u wel voor uw vraag.", false },
	{ "opmerking-beantwoorden", NULL, LANG_NL, "Ja: de houder krijgt eerst een brief en kan reageren.", true },
	{ "opmerking-beantwoorden", NULL, LANG_EN, NULL, false },
	{ "opmerking-beantwoorden", NULL, LANG_EN, "yes", false },
	{ "opmerking-beantwoorden", NULL, LANG_EN, "Thank you for asking.", false },
	{ "opmerking-beantwoorden", NULL, LANG_EN, "Yes: the holder gets a letter first.", true },
};

START_TEST(wrong_weak_good)
{
	standard *std = unit_standard();
	for (int lang = LANG_NL; lang <= LANG_EN; lang++) {
		char *err = NULL;
		lessons *ls = lessons_load(std, lang, &err);
		ck_assert_ptr_nonnull(ls);
		size_t tried[8] = { 0 };
		for (size_t a = 0; a < sizeof attempts / sizeof *attempts; a++) {
			const struct attempt *t = &attempts[a];
			if (t->lang != lang)
				continue;
			size_t li = 0;
			while (li < ls->n && strcmp(ls->v[li].id, t->id))
				li++;
			ck_assert_uint_lt(li, ls->n);
			tried[li]++;
			const lesson *l = &ls->v[li];
			description *d = lesson_start(ls, l, &err);
			for (size_t j = 0; j < sizeof solutions / sizeof *solutions; j++)
				if (!strcmp(solutions[j].id, l->id))
					desc_set_text(d, standard_field(std, solutions[j].key),
					              lang == LANG_EN ? solutions[j].en : solutions[j].nl);
			lesson_env env = { fake_misspelt, NULL, false, NULL };
			if (t->key)
				desc_set_text(d, standard_field(std, t->key), t->text);
			else if (t->text)
				env.has_reply = true, env.reply = t->text;
			findings fs;
			findings_init(&fs);
			bool done = lesson_check_run(l, d, &env, &fs);
			ck_assert_msg(done == t->done, "lesson %s (%s) on \"%s\": %s", l->id, lang == LANG_EN ? "en" : "nl",
			              t->text ? t->text : "(no reply)", done ? "done" : fs.n ? fs.v[0].msg : "?");
			/* Refused: it says why, in a sentence. */
			for (size_t j = 0; j < fs.n; j++)
				ck_assert(fs.v[j].msg && strlen(fs.v[j].msg) > 20);
			findings_done(&fs);
			desc_free(&d);
		}
		/* Every lesson is tried: a wrong, a weak, an off-the-point and a good answer. */
		for (size_t i = 0; i < ls->n; i++)
			ck_assert_msg(tried[i] == 4, "lesson %s tried %zu times", ls->v[i].id, tried[i]);
		lessons_free(&ls);
	}
	standard_free(&std);
}
END_TEST

static char *write_tmp(const char *text)
{
	char *path = xstrdup("/tmp/algedit-lessons-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

START_TEST(bad_file_named)
{
	standard *std = unit_standard();
	static const char *bad[] = {
		"lessons:\n  - id: a\n    section: werking\n    title: t\n    why: w\n    task: t\n    hint: h\n"
		"    fields: [no_such_field]\n    check: {filled: [name]}\n",
		"lessons:\n  - id: a\n    section: nowhere\n    title: t\n    why: w\n    task: t\n    hint: h\n"
		"    fields: [name]\n    check: {filled: [name]}\n",
		"lessons:\n  - id: a\n    section: werking\n    title: t\n    why: w\n    task: t\n    hint: h\n"
		"    fields: [name]\n    check: {}\n",
		"lessons:\n  - id: a\n    section: review\n    title: t\n    why: w\n    task: t\n    hint: h\n"
		"    fields: [name]\n    check: {reply: true}\n",
		"lessons: [\n",
		"lessons: []\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *path = write_tmp(bad[i]);
		char *err = NULL;
		lessons *ls = lessons_load_file(std, path, "/nonexistent", &err);
		ck_assert_msg(!ls, "bad file %zu accepted", i);
		ck_assert_ptr_nonnull(err);
		ck_assert_msg(strstr(err, path) && strstr(err, ":"), "%s", err);
		free(err);
		unlink(path);
		free(path);
	}
	standard_free(&std);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("lessons");
	TCase *t = tcase_create("lessons");
	tcase_add_test(t, lessons_nl);
	tcase_add_test(t, lessons_en);
	tcase_add_test(t, partial_answer_says_what);
	tcase_add_test(t, wrong_weak_good);
	tcase_add_test(t, bad_file_named);
	suite_add_tcase(s, t);
	return unit_run(s);
}
