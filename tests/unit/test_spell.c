/* The speller with the real hunspell nl_NL dictionary and algedit's domain
 * list: real Dutch sentences pass, planted typos are caught, the team and
 * personal dictionaries work, suggestions come from the worker, and a missing
 * dictionary gives a notice instead of an error. */
#include "config.h"
#include "spell/spell.h"
#include "base/base.h"
#include "unit.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[64];

static bool have_nl(void)
{
	return access("/usr/share/hunspell/nl_NL.dic", R_OK) == 0;
}

#define NEED_NL()                                                                   \
	do {                                                                        \
		if (!have_nl()) {                                                   \
			fprintf(stderr, "SKIP: no nl_NL hunspell dictionary\n");    \
			return;                                                     \
		}                                                                   \
	} while (0)

static speller *nl_speller(const char *team)
{
	speller_opts o = { 0 };
	o.lang = "nld";
	o.team_path = team;
	o.personal_path = ""; /* the user's own list must not change test results */
	speller *sp = speller_new(&o);
	ck_assert_int_eq(speller_wait(sp), SPELL_OK);
	return sp;
}

/* The misspelt words joined by '|'. */
static char *flagged(speller *sp, const char *text)
{
	spell_range *r;
	size_t n;
	ck_assert_int_eq(speller_check_text(sp, text, strlen(text), &r, &n), SPELL_OK);
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_addc(&b, '|');
		sb_add(&b, text + r[i].start, r[i].len);
	}
	free(r);
	return sb_take(&b);
}

#define FLAGS(sp, text, want)                                                              \
	do {                                                                               \
		char *got_ = flagged(sp, text);                                            \
		ck_assert_msg(strcmp(got_, want) == 0, "%s\n  got  %s\n  want %s", text, got_, want); \
		free(got_);                                                                \
	} while (0)

START_TEST(real_dutch_passes)
{
	NEED_NL();
	speller *sp = nl_speller(NULL);
	ck_assert_str_eq(speller_dict_name(sp), "nl_NL");
	ck_assert_ptr_null(speller_notice(sp));
	FLAGS(sp, "Het algoritme ondersteunt de medewerker bij de beoordeling van een aanvraag.", "");
	FLAGS(sp, "De coördinatie van de ideeën en de financiële gevolgen.", "");
	FLAGS(sp, "Een wĳziging in zo’n geval, zo'n auto’s en ’s-Hertogenbosch.", "");
	FLAGS(sp, "Gegevens uit de BRP worden verwerkt volgens de AVG en de DPIA.", "");
	FLAGS(sp, "Na de aanvraag/aangifte volgt een besluit (art. 3:4 Awb) op 12-03-2023.", "");
	FLAGS(sp, "Zie https://algoritmes.overheid.nl of mail info@gemeente.nl, o.a. bijv. m.b.t. de ‘uitvoering’.", "");
	FLAGS(sp, "Het algoritmeregister, de AI-verordening en het B1-taalniveau.", "");
	FLAGS(sp, "Persoons- en adresgegevens, informatie- en communicatietechnologie.", "");
	FLAGS(sp, "Er worden geen (persoons)gegevens gebruikt.", "");
	FLAGS(sp, "Er worden geen (persoons)gegevvens gebruikt.", "gegevvens");
	FLAGS(sp, "Er worden geen (persons)gegevens gebruikt.", "persons");
	speller_free(&sp);
	ck_assert_ptr_null(sp);
}
END_TEST

START_TEST(planted_typos_flagged)
{
	NEED_NL();
	speller *sp = nl_speller(NULL);
	FLAGS(sp, "Het algortime ondersteunt de medwerker bij de beoordeeling.", "algortime|medwerker|beoordeeling");
	/* only the bad part of a hyphenated word, and its byte offset */
	const char *s = "De AI-verordeningg geldt.";
	spell_range *r;
	size_t n;
	ck_assert_int_eq(speller_check_text(sp, s, strlen(s), &r, &n), SPELL_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(r[0].start, 6);
	ck_assert_uint_eq(r[0].len, 12);
	free(r);
	/* a typo in a sentence with ë and ĳ: the offsets are bytes */
	s = "Coördinatie van de wĳzgiing.";
	ck_assert_int_eq(speller_check_text(sp, s, strlen(s), &r, &n), SPELL_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(r[0].start, strlen("Coördinatie van de "));
	ck_assert_uint_eq(r[0].len, strlen("wĳzgiing"));
	free(r);
	/* twice: the second answer comes from the cache and is the same */
	FLAGS(sp, "Een aanvarag en een aanvarag.", "aanvarag|aanvarag");
	speller_free(&sp);
}
END_TEST

/* Checking while editing (speller_check_doc) gives exactly what a check of
 * the whole text gives, after each of thousands of random edits of a text
 * full of the cases where a word's verdict depends on its neighbours:
 * elided compounds, hyphens, links, parentheses, abbreviations, quotes. */
static uint32_t rnd_state = 2463534242u;
static uint32_t rnd(uint32_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state % n;
}

/* A random offset in s that starts a UTF-8 character. */
static size_t char_boundary(const char *s, size_t len)
{
	size_t p = rnd((uint32_t)len + 1);
	while (p > 0 && p < len && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	return p;
}

START_TEST(doc_matches_full_check)
{
	NEED_NL();
	speller *sp = nl_speller(NULL);
	static const char *const bits[] = {
		"land- ", "en ", "tuinbouw ", "persoons- ", "adresgegevens", "informatie- ", "of ",
		"communicatietechnologie", "algortime ", "medwerker", "beoordeeling ", "aanvraag/aangifte ",
		"https://", "www.", "voorbeeld", ".nl", "@", "info", "(persoons)", "gegevens ", "(persons)",
		"m.b.t. ", "o.a.", "bijv.", " ", "  ", "\n", "\n\n", "- ", "’s ", "avonds ", "zo’n ",
		"auto's ", ".", ",", "; ", "(", ")", "coördinatie ", "wĳziging ", "wĳzgiing ", "12-03-2023 ",
		"3:4 ", "AI-verordening ", "AI-verordeningg ", "B1-taalniveau ", "\xc2\xa0", "\t", "Het ",
		"de ", "gemeente ", "gebruikt ", "een ", "risicomodel", "-", "’", "x", "é", "DPIA ",
	};
	enum { NBITS = sizeof bits / sizeof bits[0] };
	strbuf t = STRBUF_INIT;
	for (int i = 0; i < 300; i++)
		sb_adds(&t, bits[rnd(NBITS)]);
	spell_doc *doc = spell_doc_new();
	for (int round = 0; round < 4000; round++) {
		size_t at = char_boundary(t.s, t.len);
		int op = (int)rnd(4);
		if (op < 2 || t.len < 200) {
			/* insert */
			const char *b = bits[rnd(NBITS)];
			strbuf n = STRBUF_INIT;
			sb_add(&n, t.s, at);
			sb_adds(&n, b);
			sb_add(&n, t.s + at, t.len - at);
			sb_done(&t);
			t = n;
		} else {
			/* delete, or replace by a bit */
			size_t end = at + 1 + rnd(op == 2 ? 12 : 40);
			if (end > t.len)
				end = t.len;
			while (end < t.len && ((unsigned char)t.s[end] & 0xC0) == 0x80)
				end++;
			strbuf n = STRBUF_INIT;
			sb_add(&n, t.s, at);
			if (op == 3)
				sb_adds(&n, bits[rnd(NBITS)]);
			sb_add(&n, t.s + end, t.len - end);
			sb_done(&t);
			t = n;
		}
		if (t.len > 4000) {
			sb_done(&t);
			sb_init(&t);
			for (int i = 0; i < 200; i++)
				sb_adds(&t, bits[rnd(NBITS)]);
		}
		const spell_range *dr;
		size_t dn;
		ck_assert_int_eq(speller_check_doc(sp, doc, t.s, t.len, &dr, &dn), SPELL_OK);
		spell_range *fr;
		size_t fn;
		ck_assert_int_eq(speller_check_text(sp, t.s, t.len, &fr, &fn), SPELL_OK);
		bool same = dn == fn;
		for (size_t i = 0; same && i < fn; i++)
			same = dr[i].start == fr[i].start && dr[i].len == fr[i].len;
		if (!same) {
			strbuf m = STRBUF_INIT;
			sb_printf(&m, "round %d, edit at %zu: %zu ranges while editing, %zu in the whole text\n", round, at, dn, fn);
			for (size_t i = 0; i < dn || i < fn; i++)
				sb_printf(&m, "  %-30.*s %.*s\n", i < dn ? (int)dr[i].len : 0, i < dn ? t.s + dr[i].start : "",
				          i < fn ? (int)fr[i].len : 0, i < fn ? t.s + fr[i].start : "");
			ck_abort_msg("%s", m.s);
		}
		/* Now and then a word becomes right: every verdict is read again. */
		if (round % 500 == 499 && fn)
			ck_assert_int_eq(speller_ignore_word(sp, t.s + fr[0].start, fr[0].len), SPELL_OK);
		free(fr);
	}
	spell_doc_free(&doc);
	ck_assert_ptr_null(doc);
	sb_done(&t);
	speller_free(&sp);
}
END_TEST

START_TEST(findings_line_col)
{
	NEED_NL();
	speller *sp = nl_speller(NULL);
	const char *s = "Eerste regel is goed.\nDe tweede heeft een fuot.\n  Coördinatie fuot.";
	spell_finding *f;
	size_t n;
	ck_assert_int_eq(speller_findings(sp, s, strlen(s), 10, 5, 3, &f, &n), SPELL_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(f[0].line, 11);
	ck_assert_int_eq(f[0].col, 3 + 20);
	ck_assert_str_eq(f[0].word, "fuot");
	ck_assert_int_eq(f[1].line, 12);
	ck_assert_int_eq(f[1].col, 3 + 2 + 12); /* ö counts as one column */
	spell_findings_free(&f, n);
	ck_assert_ptr_null(f);
	speller_free(&sp);
}
END_TEST

START_TEST(team_dictionary)
{
	NEED_NL();
	char *team = xasprintf("%s/repo/.algedit/dictionary.txt", tmpdir);
	speller *sp = nl_speller(team);
	FLAGS(sp, "De Ockto koppelt aan Tellius.", "Ockto|Tellius");
	ck_assert_int_eq(speller_add_team(sp, "Tellius", 7), SPELL_OK);
	ck_assert_int_eq(speller_add_team(sp, "Ockto", 5), SPELL_OK);
	FLAGS(sp, "De Ockto koppelt aan Tellius.", "");
	/* sorted, one per line, a second add changes nothing */
	ck_assert_int_eq(speller_add_team(sp, "Tellius", 7), SPELL_OK);
	char *data;
	size_t len;
	ck_assert_int_eq(read_file(team, 4096, &data, &len), 0);
	ck_assert_str_eq(data, "Ockto\nTellius\n");
	free(data);
	ck_assert_int_eq(speller_add_team(sp, "twee woorden", 12), SPELL_ERR_WORD);
	ck_assert_int_eq(speller_add_team(sp, "", 0), SPELL_ERR_WORD);
	speller_free(&sp);
	/* a new speller (another team member after a sync) reads the file */
	sp = nl_speller(team);
	FLAGS(sp, "Tellius en Ockto.", "");
	speller_free(&sp);
	/* without a team file the addition is refused, clearly */
	sp = nl_speller(NULL);
	errno = 0;
	ck_assert_int_eq(speller_add_team(sp, "woord", 5), SPELL_ERR_IO);
	ck_assert_int_eq(errno, ENOENT);
	speller_free(&sp);
	free(team);
}
END_TEST

START_TEST(personal_dictionary_and_ignore)
{
	NEED_NL();
	char *cfg = xasprintf("%s/config", tmpdir);
	setenv("XDG_CONFIG_HOME", cfg, 1);
	speller_opts o = { 0 };
	speller *sp = speller_new(&o);
	ck_assert_int_eq(speller_wait(sp), SPELL_OK);
	char *want = xasprintf("%s/algedit/dictionary.txt", cfg);
	ck_assert_str_eq(speller_personal_path(sp), want);
	FLAGS(sp, "Het Quarkly en de xyzzy.", "Quarkly|xyzzy");
	ck_assert_int_eq(speller_add_personal(sp, "Quarkly", 7), SPELL_OK);
	ck_assert_int_eq(speller_ignore_word(sp, "xyzzy", 5), SPELL_OK);
	FLAGS(sp, "Het Quarkly en de xyzzy.", "");
	speller_clear_ignored(sp);
	FLAGS(sp, "Het Quarkly en de xyzzy.", "xyzzy");
	ck_assert_int_eq(access(want, R_OK), 0);
	speller_free(&sp);
	unsetenv("XDG_CONFIG_HOME");
	free(want);
	free(cfg);
}
END_TEST

START_TEST(missing_dictionary_is_a_notice)
{
	speller_opts o = { 0 };
	o.dict = "xx_XX";
	speller *sp = speller_new(&o);
	/* known at once, without waiting */
	ck_assert_int_eq(speller_state(sp), SPELL_OFF);
	ck_assert(!speller_ready(sp));
	const char *msg = speller_notice(sp);
	ck_assert_ptr_nonnull(msg);
	ck_assert_msg(strstr(msg, "xx_XX") && strstr(msg, "off"), "%s", msg);
	spell_range *r = (spell_range *)1;
	size_t n = 9;
	ck_assert_int_eq(speller_check_text(sp, "tekst", 5, &r, &n), SPELL_OFF);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(r);
	spell_suggestion *s;
	ck_assert_int_eq(speller_suggest_async(sp, "tekst", 5, &s), SPELL_OFF);
	ck_assert_ptr_null(s);
	speller_free(&sp);

	o.dict = NULL;
	o.lang = "fry"; /* Debian has no Frisian dictionary */
	o.dict_dir = tmpdir;
	sp = speller_new(&o);
	ck_assert_int_eq(speller_state(sp), SPELL_OFF);
	ck_assert_ptr_nonnull(speller_notice(sp));
	speller_free(&sp);

	o.lang = "klingon";
	sp = speller_new(&o);
	ck_assert_int_eq(speller_state(sp), SPELL_OFF);
	ck_assert_msg(strstr(speller_notice(sp), "klingon"), "%s", speller_notice(sp));
	speller_free(&sp);
}
END_TEST

START_TEST(loading_never_blocks)
{
	NEED_NL();
	speller_opts o = { 0 };
	o.personal_path = "";
	speller *sp = speller_new(&o);
	spell_range *r;
	size_t n;
	/* straight after creation the 120 ms load is still running */
	spell_status st = speller_check_text(sp, "tekst", 5, &r, &n);
	ck_assert(st == SPELL_LOADING || st == SPELL_OK);
	free(r);
	ck_assert_int_eq(speller_wait(sp), SPELL_OK);
	ck_assert(speller_ready(sp));
	speller_free(&sp);
	/* freed while still loading */
	sp = speller_new(&o);
	speller_free(&sp);
}
END_TEST

START_TEST(suggestions_async)
{
	NEED_NL();
	speller *sp = nl_speller(NULL);
	spell_suggestion *s;
	ck_assert_int_eq(speller_suggest_async(sp, "algortime", 9, &s), SPELL_OK);
	char *const *list;
	size_t n;
	spell_status st = spell_suggestion_poll(s, &list, &n);
	ck_assert(st == SPELL_PENDING || st == SPELL_OK);
	ck_assert_int_eq(spell_suggestion_wait(s, &list, &n), SPELL_OK);
	ck_assert_uint_ge(n, 1);
	ck_assert_str_eq(list[0], "algoritme");
	spell_suggestion_free(&s);
	/* the register's own words are offered too */
	ck_assert_int_eq(speller_suggest_async(sp, "algoritmeregistr", 16, &s), SPELL_OK);
	spell_suggestion_wait(s, &list, &n);
	bool found = false;
	for (size_t i = 0; i < n; i++)
		found |= strcmp(list[i], "algoritmeregister") == 0;
	ck_assert_msg(found, "algoritmeregister not suggested");
	spell_suggestion_free(&s);
	/* a handle freed before it is done, and one that outlives the speller */
	ck_assert_int_eq(speller_suggest_async(sp, "bestuursorgan", 13, &s), SPELL_OK);
	spell_suggestion_free(&s);
	ck_assert_int_eq(speller_suggest_async(sp, "woordd", 6, &s), SPELL_OK);
	speller_free(&sp);
	ck_assert_int_eq(spell_suggestion_wait(s, &list, &n), SPELL_OK);
	spell_suggestion_free(&s);
}
END_TEST

START_TEST(languages)
{
	ck_assert_str_eq(spell_dicts_for_lang("nld")[0], "nl_NL");
	ck_assert_str_eq(spell_dicts_for_lang("NLD")[0], "nl_NL");
	ck_assert_str_eq(spell_dicts_for_lang(NULL)[0], "nl_NL");
	ck_assert_str_eq(spell_dicts_for_lang("eng")[0], "en_GB");
	ck_assert_ptr_null(spell_dicts_for_lang("xyz"));
}
END_TEST

int main(void)
{
	char tmpl[] = "/tmp/algedit-spell-XXXXXX";
	if (!mkdtemp(tmpl)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(tmpdir, sizeof tmpdir, "%s", tmpl);
	Suite *s = suite_create("spell");
	TCase *tc = tcase_create("speller");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, real_dutch_passes);
	tcase_add_test(tc, planted_typos_flagged);
	tcase_add_test(tc, findings_line_col);
	tcase_add_test(tc, team_dictionary);
	tcase_add_test(tc, personal_dictionary_and_ignore);
	tcase_add_test(tc, missing_dictionary_is_a_notice);
	tcase_add_test(tc, loading_never_blocks);
	tcase_add_test(tc, suggestions_async);
	tcase_add_test(tc, languages);
	tcase_add_test(tc, doc_matches_full_check);
	suite_add_tcase(s, tc);
	int rc = unit_run(s);
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		rc = 1;
	free(cmd);
	return rc;
}
