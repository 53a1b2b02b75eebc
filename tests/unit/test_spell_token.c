/* The Dutch tokenizer: which stretches of real register prose become words to
 * check, which are skipped (numbers, links, acronyms), and that offsets are
 * byte offsets into the text as typed. No dictionary needed. */
#include "config.h"
#include "spell/spell.h"
#include "base/base.h"
#include "unit.h"

#include <string.h>

/* Renders the tokens as "kind:text" joined by '|' (kinds: w a m n u e; a
 * trailing '.' marks dot_follows). */
static char *toks(const char *text)
{
	static const char kinds[] = "wamnue";
	strbuf b = STRBUF_INIT;
	size_t pos = 0, len = strlen(text);
	spell_token t;
	while (spell_next_token(text, len, &pos, &t)) {
		if (b.len)
			sb_addc(&b, '|');
		sb_addc(&b, kinds[t.kind]);
		sb_addc(&b, ':');
		sb_add(&b, text + t.start, t.len);
		if (t.dot_follows)
			sb_addc(&b, '.');
	}
	return sb_take(&b);
}

#define TOKS(text, want)                                                  \
	do {                                                              \
		char *got_ = toks(text);                                  \
		ck_assert_msg(strcmp(got_, want) == 0, "%s\n  got  %s\n  want %s", text, got_, want); \
		free(got_);                                               \
	} while (0)

START_TEST(plain_words_and_offsets)
{
	const char *s = "Het algoritme  helpt.";
	size_t pos = 0;
	spell_token t;
	ck_assert(spell_next_token(s, strlen(s), &pos, &t));
	ck_assert_uint_eq(t.start, 0);
	ck_assert_uint_eq(t.len, 3);
	ck_assert(spell_next_token(s, strlen(s), &pos, &t));
	ck_assert_uint_eq(t.start, 4);
	ck_assert_uint_eq(t.len, 9);
	ck_assert(spell_next_token(s, strlen(s), &pos, &t));
	ck_assert_uint_eq(t.start, 15);
	ck_assert(t.dot_follows);
	ck_assert(!spell_next_token(s, strlen(s), &pos, &t));
	ck_assert_uint_eq(pos, strlen(s));
}
END_TEST

START_TEST(apostrophes)
{
	TOKS("zo'n auto's", "w:zo'n|w:auto's");
	TOKS("zo’n auto’s", "w:zo’n|w:auto’s");
	TOKS("’s-Hertogenbosch en 's avonds", "w:’s-Hertogenbosch|w:en|w:'s|w:avonds");
	TOKS("'t is klaar", "w:'t|w:is|w:klaar");
	/* a closing quote is not part of the word */
	TOKS("de ‘Uitvoering’ en 'overlast'.", "w:de|w:Uitvoering|w:en|w:overlast");
	TOKS("API's en CAO’s", "a:API's|w:en|a:CAO’s");
	TOKS("ZZP'er en ICT’ers", "a:ZZP'er|w:en|a:ICT’ers");
}
END_TEST

START_TEST(quotes)
{
	TOKS("“citaat” en „ander”", "w:citaat|w:en|w:ander");
	TOKS("\"aanvraag\"", "w:aanvraag");
}
END_TEST

START_TEST(hyphens_and_slashes)
{
	TOKS("AI-verordening en B1-taalniveau", "w:AI-verordening|w:en|w:B1-taalniveau");
	TOKS("look-alike-fraude", "w:look-alike-fraude");
	TOKS("aanvraag/aangifte en/of", "w:aanvraag|w:aangifte|w:en|w:of");
	TOKS("persoons- en adresgegevens", "w:persoons-|w:en|w:adresgegevens");
	TOKS("persoons-, adres- en contactgegevens", "w:persoons-|w:adres-|w:en|w:contactgegevens");
	TOKS("een - streepje -- hier", "w:een|w:streepje|w:hier");
	TOKS("zie -gegevens", "w:zie|w:gegevens");
	TOKS("geen (persoons)gegevens (en) medewerker(s)", "w:geen|w:(persoons)gegevens|w:en|w:medewerker|w:s");
}
END_TEST

START_TEST(ij_ligature_and_diacritics)
{
	/* ĳ (U+0133) and Ĳ (U+0132) are letters; ë and é stay inside the word */
	TOKS("wĳziging in het Ĳsselmeer", "w:wĳziging|w:in|w:het|w:Ĳsselmeer");
	TOKS("coördinatie, café en reïntegratie", "w:coördinatie|w:café|w:en|w:reïntegratie");
	/* a decomposed ë: e + U+0308 */
	TOKS("coe\xCC\x88rdinatie", "w:coe\xCC\x88rdinatie");
}
END_TEST

START_TEST(numbers_and_dates)
{
	TOKS("12 3:4 1.000,50 12-03-2023 2023/2024", "n:12|n:3:4|n:1.000,50|n:12-03-2023|n:2023/2024");
	TOKS("de 2e keer, 4Woz en PDF2GIS", "w:de|n:2e|w:keer|n:4Woz|w:en|a:PDF2GIS");
	TOKS("€ 1.500,- per jaar", "n:1.500|w:per|w:jaar");
}
END_TEST

START_TEST(law_references)
{
	TOKS("art. 3:4 Awb", "w:art.|n:3:4|w:Awb");
	TOKS("artikel 2.1, eerste lid, onder a, Wmo 2015",
	     "w:artikel|n:2.1|w:eerste|w:lid|w:onder|w:a|w:Wmo|n:2015");
	TOKS("o.a. m.b.t. d.w.z. bijv. resp.", "w:o.a.|w:m.b.t.|w:d.w.z.|w:bijv.|w:resp.");
}
END_TEST

START_TEST(links_and_mail)
{
	TOKS("Zie https://algoritmes.overheid.nl/nl/algoritme/1, of www.rijksoverheid.nl.",
	     "w:Zie|u:https://algoritmes.overheid.nl/nl/algoritme/1|w:of|u:www.rijksoverheid.nl");
	TOKS("(algoritmes.overheid.nl/nl) en info@gemeente.nl.",
	     "u:algoritmes.overheid.nl/nl|w:en|e:info@gemeente.nl");
	/* a missing space after a full stop is not a domain */
	TOKS("logging.De tekst", "w:logging.|w:De|w:tekst");
}
END_TEST

START_TEST(acronyms_and_names)
{
	TOKS("De BRP, AVG, DPIA en B1.", "w:De|a:BRP|a:AVG|a:DPIA|w:en|a:B1.");
	TOKS("RvdK DigiD DIAfragma", "m:RvdK|m:DigiD|m:DIAfragma");
	/* one capital inside is checked: a slip of the shift key, or a name for the lists */
	TOKS("aDarom eHerkenning", "w:aDarom|w:eHerkenning");
	/* seven capitals is a shouted word, and TWo initials is a typo: checked */
	TOKS("BELANGRIJK VErwerking A", "w:BELANGRIJK|w:VErwerking|w:A");
	ck_assert_int_eq(spell_classify("AVG", 3), SPELL_TOK_ACRONYM);
	ck_assert_int_eq(spell_classify("avg", 3), SPELL_TOK_WORD);
	ck_assert_int_eq(spell_classify("B1", 2), SPELL_TOK_ACRONYM);
	ck_assert_int_eq(spell_classify("19", 2), SPELL_TOK_NUMBER);
}
END_TEST

START_TEST(resume_anywhere_and_garbage)
{
	const char *s = "Het \xff\xfe algo\xc3 ritme\xe2\x80";
	TOKS(s, "w:Het|w:algo|w:ritme");
	/* resuming from a token's end gives the same next token */
	size_t pos = 4;
	spell_token t;
	ck_assert(spell_next_token(s, strlen(s), &pos, &t));
	ck_assert_uint_eq(t.start, 7);
	TOKS("", "");
	TOKS("   ...  ", "");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("spell_token");
	TCase *tc = tcase_create("tokenizer");
	tcase_add_test(tc, plain_words_and_offsets);
	tcase_add_test(tc, apostrophes);
	tcase_add_test(tc, quotes);
	tcase_add_test(tc, hyphens_and_slashes);
	tcase_add_test(tc, ij_ligature_and_diacritics);
	tcase_add_test(tc, numbers_and_dates);
	tcase_add_test(tc, law_references);
	tcase_add_test(tc, links_and_mail);
	tcase_add_test(tc, acronyms_and_names);
	tcase_add_test(tc, resume_anywhere_and_garbage);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
