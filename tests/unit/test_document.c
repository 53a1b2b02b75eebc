/* forms/document: readable documents of descriptions and of the standard.
 * Values from a file never reach the document raw: HTML and Markdown special
 * characters are escaped, control characters shown visibly; rich text becomes
 * paragraphs and lists as the exporter reads it; the HTML is a complete
 * document in the language asked for. */
#include "config.h"
#include "standard/standard.h"
#include "forms/desc.h"
#include "forms/document.h"
#include "unit.h"

#include <string.h>

static standard *std;

static void setup(void)
{
	char *err = NULL;
	std = standard_load_version("1.0", &err);
	ck_assert_msg(std, "standard: %s", err ? err : "");
}

static void teardown(void)
{
	standard_free(&std);
}

static void set(description *d, const char *key, const char *s, size_t n)
{
	const std_field *f = standard_field(std, key);
	ck_assert_msg(f, "no field %s", key);
	desc_set(d, f, ynode_new_str(s, n, 0, 0));
}

#define SET(d, key, lit) set(d, key, lit, sizeof lit - 1)

static description *hostile(void)
{
	description *d = desc_new(std);
	SET(d, "name", "Mijn *algo* #1 <script>alert('x')</script> & \"zo\"");
	SET(d, "description_short", "Kort\x1b[31m rood\xe2\x80\xae omgekeerd \xe9 latin1");
	SET(d, "goal", "# kop\n\nEerste alinea\ntweede regel\n\n- punt *een*\n- punt _twee_\n  vervolg\n\n"
	               "1. stap een\n2. stap twee\n\n\\1. WOO 2. WDO\n\n---\n\n> citaat [link](javascript:x) `code`");
	SET(d, "organization", "+ plus\n\n12) twaalf");
	return d;
}

static bool has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

/* No byte a terminal or browser acts on: no C0 control but newline, no DEL,
 * no C1 control, and valid UTF-8. */
static void clean_bytes(const char *s)
{
	ck_assert_msg(utf8_invalid_offset(s, strlen(s)) < 0, "invalid UTF-8 in the document");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		ck_assert_msg(*p >= 0x20 || *p == '\n', "control byte 0x%02x in the document", *p);
	ck_assert_msg(!strstr(s, "\x7f") && !strstr(s, "\xc2\x9b") && !strstr(s, "\xe2\x80\xae"), "raw control");
}

START_TEST(markdown_escapes_values)
{
	description *d = hostile();
	doc_entry e = { d, "mijn-algo", NULL };
	char *md = doc_descriptions(std, &e, 1, DOC_MARKDOWN, LANG_NL);
	clean_bytes(md);
	ck_assert_msg(has(md, "# Mijn \\*algo\\* \\#1 \\<script\\>alert('x')\\</script\\> \\& \"zo\"\n"), "%.300s", md);
	for (const char *p = md; (p = strchr(p, '<')); p++)
		ck_assert_msg(p > md && p[-1] == '\\', "a < not escaped: %.40s", p);
	ck_assert(has(md, "Kort^\\[\\[31m rood\\<U+202E\\> omgekeerd \\\\xE9 latin1"));
	/* A value's "# kop" is no heading, "---" no rule, "> " no quote. */
	ck_assert(has(md, "\n\\# kop\n"));
	ck_assert(has(md, "\n\\---\n"));
	ck_assert(has(md, "\n\\> citaat \\[link\\](javascript:x) \\`code\\`\n"));
	ck_assert(has(md, "Eerste alinea\\\ntweede regel\n\n"));
	ck_assert(has(md, "- punt \\*een\\*\n- punt \\_twee\\_\\\n  vervolg\n"));
	ck_assert(has(md, "1. stap een\n2. stap twee\n"));
	/* Text that only looks like an item stays text (its backslash marks it). */
	ck_assert(has(md, "\n1\\. WOO 2. WDO\n"));
	ck_assert(has(md, "\n\\+ plus\n\n12\\) twaalf\n"));
	/* Labels of the form, by section; empty fields say so. */
	ck_assert(has(md, "\n## Algemene informatie\n"));
	ck_assert(has(md, "\n### Korte omschrijving\n"));
	ck_assert(has(md, "\n### Status\n\n*Not filled in.*\n"));
	free(md);
	desc_free(&d);
}
END_TEST

START_TEST(html_escapes_values)
{
	description *d = hostile();
	doc_entry e = { d, "mijn-algo", NULL };
	char *h = doc_descriptions(std, &e, 1, DOC_HTML, LANG_EN);
	clean_bytes(h);
	ck_assert(!strncmp(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 60));
	ck_assert_msg(has(h, "<title>Mijn *algo* #1 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;zo&quot;</title>"),
	              "%.300s", h);
	ck_assert(!has(h, "<script"));
	ck_assert(has(h, "Kort^[[31m rood&lt;U+202E&gt; omgekeerd \\xE9 latin1"));
	ck_assert(has(h, "<p>Eerste alinea<br>\ntweede regel</p>\n"));
	ck_assert(has(h, "<ul>\n<li>punt *een*</li>\n<li>punt _twee_<br>vervolg</li>\n</ul>\n"));
	ck_assert(has(h, "<ol>\n<li>stap een</li>\n<li>stap twee</li>\n</ol>\n"));
	ck_assert(has(h, "<p>1. WOO 2. WDO</p>"));
	ck_assert(has(h, "<h2>General information</h2>\n<h3>Name</h3>\n"));
	ck_assert(str_ends(h, "</body>\n</html>\n"));
	free(h);
	char *nl = doc_descriptions(std, &e, 1, DOC_HTML, LANG_NL);
	ck_assert(has(nl, "<html lang=\"nl\">"));
	ck_assert(has(nl, "<h2>Algemene informatie</h2>"));
	free(nl);
	desc_free(&d);
}
END_TEST

START_TEST(review_state_place)
{
	description *d = desc_new(std);
	SET(d, "name", "Parkeren");
	doc_entry e = { d, "parkeren", NULL };
	char *md = doc_descriptions(std, &e, 1, DOC_MARKDOWN, LANG_EN);
	ck_assert(!has(md, "Review state"));
	free(md);
	e.review_state = "ter <review>";
	char *h = doc_descriptions(std, &e, 1, DOC_HTML, LANG_EN);
	ck_assert(has(h, "<p><strong>Review state:</strong> ter &lt;review&gt;</p>"));
	free(h);
	desc_free(&d);
}
END_TEST

START_TEST(several_descriptions)
{
	description *a = desc_new(std), *b = desc_new(std);
	SET(a, "name", "Eerste");
	ck_assert_ptr_nonnull(a);
	doc_entry v[2] = { { a, "eerste", NULL }, { b, "tweede", NULL } };
	char *md = doc_descriptions(std, v, 2, DOC_MARKDOWN, LANG_EN);
	ck_assert(has(md, "\n## Eerste\n\n**File:** eerste\n"));
	/* Without a name the file name stands in. */
	ck_assert(has(md, "\n## tweede\n\n**File:** tweede\n"));
	ck_assert(has(md, "\n### General information\n\n#### Name\n"));
	free(md);
	/* Items with a link: a real link only for an https:// address. */
	const std_field *f = standard_field(std, "impacttoetsen_grouping");
	ynode *seq = ynode_new(Y_SEQ, 0, 0), *it = ynode_new(Y_MAP, 0, 0), *bad = ynode_new(Y_MAP, 0, 0);
	ynode_put(it, "title", ynode_new_str("DPIA", 4, 0, 0), 0, 0);
	ynode_put(it, "link", ynode_new_str("https://example.org/a?b=1&c=2", 29, 0, 0), 0, 0);
	ynode_put(bad, "title", ynode_new_str("Eng", 3, 0, 0), 0, 0);
	ynode_put(bad, "link", ynode_new_str("javascript:alert(1)", 19, 0, 0), 0, 0);
	ynode_push(seq, it);
	ynode_push(seq, bad);
	desc_set(a, f, seq);
	char *h = doc_descriptions(std, v, 2, DOC_HTML, LANG_EN);
	ck_assert(has(h, "<li>DPIA \xe2\x80\x93 <a href=\"https://example.org/a?b=1&amp;c=2\">"));
	ck_assert(has(h, "<li>Eng \xe2\x80\x93 javascript:alert(1)</li>"));
	ck_assert(!has(h, "href=\"javascript"));
	free(h);
	desc_free(&a);
	desc_free(&b);
}
END_TEST

START_TEST(standard_handout)
{
	for (int lang = 0; lang < LANG_COUNT; lang++) {
		for (int fmt = DOC_TEXT; fmt <= DOC_HTML; fmt++) {
			char *s = doc_standard(std, (doc_format)fmt, lang);
			clean_bytes(s);
			for (size_t i = 0; i < std->nfields; i++) {
				const std_field *f = &std->fields[i];
				if (fmt != DOC_MARKDOWN)
					ck_assert_msg(has(s, f->key), "key %s missing", f->key);
				ck_assert_msg(has(s, f->label[lang]), "label %s missing", f->label[lang]);
			}
			ck_assert(has(s, "Buiten gebruik"));
			ck_assert(has(s, "Organisatie en bedrijfsvoering"));
			if (fmt == DOC_TEXT) {
				/* Lines fit a page (a word longer than the line aside). */
				size_t col = 0, over = 0, sp = 0;
				bool seen = false;
				for (const char *p = s; *p; p++) {
					if (*p == '\n') {
						over += col > 78 && sp > 0;
						col = sp = 0;
						seen = false;
					} else if (*p == ' ') {
						col++;
						sp += seen;
					} else if (((unsigned char)*p & 0xC0) != 0x80) {
						col++;
						seen = true;
					}
				}
				ck_assert_msg(over == 0, "%zu lines longer than 78", over);
			}
			if (fmt == DOC_HTML)
				ck_assert(has(s, lang == LANG_NL ? "<html lang=\"nl\">" : "<html lang=\"en\">"));
			free(s);
		}
	}
	char *md = doc_standard(std, DOC_MARKDOWN, LANG_NL);
	ck_assert(has(md, "\n### Korte omschrijving\n"));
	/* Our guidance with its example, from guidance-nl.yaml. */
	const std_field *f = standard_field(std, "description_short");
	ck_assert(f->guide[LANG_NL].example);
	ck_assert(has(md, "Inwoners met een laag inkomen"));
	free(md);
}
END_TEST

START_TEST(formats)
{
	doc_format f;
	ck_assert(doc_format_parse("html", &f) && f == DOC_HTML);
	ck_assert(doc_format_parse("markdown", &f) && f == DOC_MARKDOWN);
	ck_assert(doc_format_parse("md", &f) && f == DOC_MARKDOWN);
	ck_assert(doc_format_parse("text", &f) && f == DOC_TEXT);
	ck_assert(!doc_format_parse("pdf", &f));
	ck_assert(!doc_format_parse(NULL, &f));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("document");
	TCase *t = tcase_create("document");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, markdown_escapes_values);
	tcase_add_test(t, html_escapes_values);
	tcase_add_test(t, review_state_place);
	tcase_add_test(t, several_descriptions);
	tcase_add_test(t, standard_handout);
	tcase_add_test(t, formats);
	suite_add_tcase(s, t);
	return unit_run(s);
}
