/* forms/html: the register's length count and storage agree with every
 * submission vector (tests/fixtures/html/oracle-cases.txt, made from
 * ../shared/reference by make-oracle-cases.py), and our rich text survives
 * the trip to HTML and back, with non-ASCII text throughout. */
#include "config.h"
#include "forms/html.h"
#include "base/base.h"
#include "unit.h"

#include <dirent.h>
#include <string.h>

static size_t len_of(const char *s)
{
	return html_register_length(s, strlen(s));
}

static void check_plain(const char *in, const char *want)
{
	char *got = html_stored_plain(in, strlen(in));
	ck_assert_msg(got && strcmp(got, want) == 0, "plain(\"%s\") = \"%s\", want \"%s\"", in,
		      got ? got : "(null)", want);
	free(got);
}

static void check_rich(const char *in, const char *want)
{
	char *got = html_stored_rich(in, strlen(in));
	ck_assert_msg(got && strcmp(got, want) == 0, "rich(\"%s\") = \"%s\", want \"%s\"", in,
		      got ? got : "(null)", want);
	free(got);
}

static void check_to_html(const char *text, const char *want)
{
	char *got = rich_to_html(text);
	ck_assert_msg(strcmp(got, want) == 0, "rich_to_html(\"%s\") = \"%s\", want \"%s\"", text, got,
		      want);
	free(got);
}

static void check_to_rich(const char *html, const char *want)
{
	char *got = html_to_rich(html);
	ck_assert_msg(strcmp(got, want) == 0, "html_to_rich(\"%s\") = \"%s\", want \"%s\"", html, got,
		      want);
	free(got);
}

START_TEST(length_counts_like_the_register)
{
	ck_assert_uint_eq(len_of(""), 0);
	ck_assert_uint_eq(len_of("ë"), 1);
	ck_assert_uint_eq(len_of("ĳsbeer €5 😀"), 11);
	ck_assert_uint_eq(len_of("e\xcc\x88"), 2);                   /* e + combining diaeresis */
	ck_assert_uint_eq(len_of("👨‍👩‍👧"), 5);            /* ZWJ family */
	ck_assert_uint_eq(len_of("<p>a</p><p>b</p>"), 3);
	ck_assert_uint_eq(len_of("a<br>b"), 3);
	ck_assert_uint_eq(len_of("Gemeente <b>X</b> en Y"), 17);
	ck_assert_uint_eq(len_of("<p>a</p>\n<p>b</p>"), 5);
	ck_assert_uint_eq(len_of("&amp;&euro;&nbsp;&#233;&#xE9;"), 5);
	ck_assert_uint_eq(len_of("&foo;"), 5);
	ck_assert_uint_eq(len_of("&amp x"), 6);
	ck_assert_uint_eq(len_of("  \t\r\nNaam  "), 6);
	ck_assert_uint_eq(len_of("\xc2\xa0Naam"), 5); /* no-break space counts */
	ck_assert_uint_eq(len_of("   "), 3);           /* blank: counted as it is */
	ck_assert_uint_eq(len_of("<script>ab</script>cd"), 5);
	ck_assert_uint_eq(len_of("<!-- lang -->ab"), 2);
	ck_assert_uint_eq(len_of("a<b c"), 1);
	ck_assert_uint_eq(len_of("1<2"), 3);
	ck_assert_uint_eq(len_of("café’s <i>ë</i>"), 9);
	/* what we export for a two-item list */
	ck_assert_uint_eq(rich_register_length("- a\n- b"), 3);
	ck_assert_uint_eq(rich_register_length("Één alinea.\n\nTwee € 😀"), 11 + 1 + 8);
	ck_assert_uint_eq(rich_register_length(""), 0);
	ck_assert_uint_eq(text_register_length("  A & B <c>"), 11);
	ck_assert_uint_eq(text_register_length("   "), 3);
}
END_TEST

START_TEST(parse_failures)
{
	ck_assert(html_register_parse_fails("   ", 3, true));
	ck_assert(html_register_parse_fails("\n", 1, true));
	ck_assert(!html_register_parse_fails("   ", 3, false));
	ck_assert(!html_register_parse_fails("", 0, true));
	ck_assert(html_register_parse_fails("<!-- x -->", 10, false));
	ck_assert(html_register_parse_fails("</p>", 4, true));
	ck_assert(!html_register_parse_fails("<br>", 4, true));
	ck_assert(!html_register_parse_fails("\xc2\xa0", 2, true)); /* a no-break space is text */
	ck_assert_ptr_null(html_stored_rich("  ", 2));
	ck_assert_ptr_null(html_stored_plain("</b>", 4));
}
END_TEST

START_TEST(stored_values)
{
	check_plain("Gemeente <b>X</b>", "Gemeente  X");
	check_plain("Naam<script>alert(1)</script>", "Naam alert(1)");
	check_plain("  Naam  ", "Naam  ");
	check_plain("   ", "   ");
	check_plain("<p>Één &amp; ĳ&nbsp;€</p>", "Één & ĳ\xc2\xa0€");
	check_plain("Eerste regel\r\nTweede regel", "Eerste regel\r\nTweede regel");
	check_rich("parkeren, scanauto", "<p>parkeren, scanauto</p>");
	check_rich("<p>voor</p><script>alert(1)</script><p>na</p>", "<div><p>voor</p><p>na</p></div>");
	check_rich("<table><tr><td>cel</td></tr></table>", "<div>cel</div>");
	check_rich("<h2>Kop</h2><p><strong>vet</strong></p>", "<div>Kop<p>vet</p></div>");
	check_rich("<p>een<p>twee<ul><li>drie", "<div><p>een</p><p>twee</p><ul><li>drie</li></ul></div>");
	check_rich("<p class=\"x\">A &amp; B &lt;c&gt;&nbsp;&euro; ’ë’</p>",
		   "<p>A &amp; B &lt;c&gt;\xc2\xa0€ ’ë’</p>");
	check_rich("<style>p{}</style><p>tekst 😀</p>", "<div><p>tekst 😀</p></div>");
	check_rich("", "");
}
END_TEST

START_TEST(rich_text_to_html)
{
	check_to_html("", "");
	check_to_html("- a\n- b", "<ul><li>a</li><li>b</li></ul>");
	check_to_html("1. één\n2. twee", "<ol><li>één</li><li>twee</li></ol>");
	check_to_html("Eerste ĳs.\nRegel twee.\n\nAlinea € 2", "<p>Eerste ĳs.<br>Regel twee.</p><p>Alinea € 2</p>");
	check_to_html("Voordelen:\n- snel\n- eerlijk", "<p>Voordelen:</p><ul><li>snel</li><li>eerlijk</li></ul>");
	check_to_html("- a\n  vervolg\n- b", "<ul><li>a<br>  vervolg</li><li>b</li></ul>");
	check_to_html("- a\n1. b", "<ul><li>a</li></ul><ol><li>b</li></ol>");
	check_to_html("A & B <c> 😀", "<p>A &amp; B &lt;c&gt; 😀</p>");
	check_to_html("a\r\nb", "<p>a<br>b</p>");
	check_to_html("x\x01y", "<p>xy</p>");
	check_to_html("\n\n  \n", "");
	check_to_html("2023. jaar", "<p>2023. jaar</p>"); /* four digits: a year, not an item */
}
END_TEST

START_TEST(html_to_rich_text)
{
	check_to_rich("", "");
	check_to_rich("<ul><li>a</li><li>b</li></ul>", "- a\n- b");
	check_to_rich("<div>\n  <p>een</p>\n  <p>twee\n  regel</p>\n</div>", "een\n\ntwee regel");
	check_to_rich("<p>Meldingen</p><p><br></p><p>De dataset</p>", "Meldingen\n\nDe dataset");
	check_to_rich("<p>Zie <a href=\"x\">de <b>site</b></a>.</p>", "Zie de site.");
	check_to_rich("<ul><li>een<ol><li>a</li><li>b</li></ol></li><li>twee</li></ul>",
		      "- een\n  1. a\n  2. b\n- twee");
	check_to_rich("<p>A &amp; B &lt;c&gt; &euro;&#233;</p>", "A & B <c> €é");
	check_to_rich("tekst zonder opmaak", "tekst zonder opmaak");
	check_to_rich("<h2>Kop</h2>tekst<script>x()</script>", "Kop\n\ntekst");
	/* the register joins cells without a space: <div>ab</div> */
	check_to_rich("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "ab\nc");
}
END_TEST

/* Shapes of rich text that must come back exactly from their HTML. */
static const char *const shapes[] = {
	"ë",
	"Één regel",
	"Regel één\nRegel twee met ’quotes’",
	"Alinea een.\n\nAlinea twee 😀.",
	"- appel\n- peer\n- ĳs",
	"1. een\n2. twee\n3. drie",
	"Intro:\n\n- a\n- b\n\nSlot € 5",
	"- item\nvervolg van het item\n- volgende",
	"- ",
	"-  twee spaties",
	"  ingesprongen\n\tmet tab",
	"a  b   c  ",
	"A & B <c> > d &amp; &foo;",
	"e\xcc\x88 combining, 👨‍👩‍👧 family",
	"\xc2\xa0",
	"- a\n\n- b",
	"1. a\n\n- b\n\n1. c",
	"p\n\n1. x\n2. y\n\nq\nr",
	"<p>geen tag</p>",
	"script: <script>alert(1)</script>",
};

START_TEST(round_trip)
{
	for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
		char *h = rich_to_html(shapes[i]);
		char *t = html_to_rich(h);
		ck_assert_msg(strcmp(t, shapes[i]) == 0, "\"%s\" -> %s -> \"%s\"", shapes[i], h, t);
		/* what the register stores parses back to the same text */
		char *stored = html_stored_rich(h, strlen(h));
		char *t2 = html_to_rich(stored);
		ck_assert_msg(strcmp(t2, shapes[i]) == 0, "stored %s -> \"%s\"", stored, t2);
		ck_assert_uint_eq(rich_register_length(shapes[i]), html_register_length(h, strlen(h)));
		free(t2);
		free(stored);
		free(t);
		free(h);
	}
	/* plain fields: the register keeps what text_to_html sends */
	static const char *const plain[] = { "Naam", "  Naam  ", "\nA & B <c>", "Eerste\r\nTweede",
					     "&amp zonder ;", "ĳ’€😀", "   " };
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		char *h = text_to_html(plain[i]);
		char *st = html_stored_plain(h, strlen(h));
		ck_assert_msg(st && strcmp(st, plain[i]) == 0, "\"%s\" -> %s -> \"%s\"", plain[i], h, st);
		ck_assert_uint_eq(text_register_length(plain[i]), utf8_count(plain[i], strlen(plain[i])));
		free(st);
		free(h);
	}
}
END_TEST

/* ---- the oracle --------------------------------------------------------- */

static char *unescape(const char *s, size_t *len)
{
	strbuf b = STRBUF_INIT;
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			sb_addc(&b, *s);
			continue;
		}
		s++;
		if (*s == 'n')
			sb_addc(&b, '\n');
		else if (*s == 't')
			sb_addc(&b, '\t');
		else if (*s == 'r')
			sb_addc(&b, '\r');
		else if (*s == 'x' && s[1] && s[2]) {
			char hex[3] = { s[1], s[2], 0 };
			sb_addc(&b, (char)strtol(hex, NULL, 16));
			s += 2;
		} else
			sb_addc(&b, *s);
	}
	*len = b.len;
	return sb_take(&b);
}

START_TEST(oracle_vectors)
{
	char *path = xasprintf("%s/tests/fixtures/html/oracle-cases.txt", unit_srcdir());
	char *data;
	size_t size;
	ck_assert_msg(read_file(path, 64 << 20, &data, &size) == 0, "cannot read %s", path);
	size_t cases = 0, agreed = 0, failed = 0, informative_off = 0, stored_checked = 0;
	char *save = NULL;
	for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#')
			continue;
		char *f[9];
		int nf = 0;
		for (char *p = line; nf < 9; nf++) {
			f[nf] = p;
			char *tab = strchr(p, '\t');
			if (!tab) {
				nf++;
				break;
			}
			*tab = '\0';
			p = tab + 1;
		}
		ck_assert_msg(nf == 9, "bad fixture line %s", f[0]);
		const char *id = f[0], *field = f[1], *verdict = f[4];
		size_t limit = strtoul(f[2], NULL, 10);
		bool rich = f[3][0] == '1', informative = f[5][0] == '1', has_stored = f[6][0] == '1';
		ck_assert(rich == html_field_is_rich(field));
		size_t vlen, slen;
		char *value = unescape(f[7], &vlen);
		char *want = unescape(f[8], &slen);
		cases++;
		char why[512] = "";
		size_t count = html_register_length(value, vlen);
		bool fails = html_register_parse_fails(value, vlen, rich);
		if (strcmp(verdict, "fail") == 0) {
			if (!fails)
				snprintf(why, sizeof why, "parse should fail");
		} else if (fails) {
			snprintf(why, sizeof why, "parse fails, should not");
		} else if (strcmp(verdict, "over") == 0 ? count <= limit : count > limit) {
			snprintf(why, sizeof why, "counted %zu, limit %zu, verdict %s", count, limit, verdict);
		} else if (has_stored) {
			char *got = rich ? html_stored_rich(value, vlen) : html_stored_plain(value, vlen);
			stored_checked++;
			if (!got || strlen(got) != slen || memcmp(got, want, slen) != 0)
				snprintf(why, sizeof why, "stored \"%.200s\", want \"%.200s\"",
					 got ? got : "(null)", want);
			free(got);
		}
		if (!why[0]) {
			agreed++;
		} else if (informative) {
			informative_off++;
			fprintf(stderr, "informative: %s %s: %s\n", id, field, why);
		} else {
			failed++;
			fprintf(stderr, "MISMATCH: %s %s: %s\n", id, field, why);
		}
		free(value);
		free(want);
	}
	fprintf(stderr, "oracle: %zu of %zu cases agree (%zu stored values compared), %zu informative off, %zu mismatches\n",
		agreed, cases, stored_checked, informative_off, failed);
	ck_assert_uint_gt(cases, 1000);
	ck_assert_uint_eq(failed, 0);
	free(data);
	free(path);
}
END_TEST

/* ---- real template HTML --------------------------------------------------- */

/* The JSON string starting at s (after its opening quote), decoded; *end
 * points past the closing quote. Enough JSON for the templates. */
static char *json_string(const char *s, const char **end)
{
	strbuf b = STRBUF_INIT;
	while (*s && *s != '"') {
		if (*s != '\\') {
			sb_addc(&b, *s++);
			continue;
		}
		s++;
		switch (*s) {
		case 'n': sb_addc(&b, '\n'); break;
		case 't': sb_addc(&b, '\t'); break;
		case 'r': sb_addc(&b, '\r'); break;
		case 'b': sb_addc(&b, '\b'); break;
		case 'f': sb_addc(&b, '\f'); break;
		case 'u': {
			char hex[5] = { 0 };
			memcpy(hex, s + 1, 4);
			uint32_t cp = (uint32_t)strtoul(hex, NULL, 16);
			s += 4;
			if (cp >= 0xD800 && cp < 0xDC00 && s[1] == '\\' && s[2] == 'u') {
				memcpy(hex, s + 3, 4);
				cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)strtoul(hex, NULL, 16) - 0xDC00);
				s += 6;
			}
			sb_add_utf8(&b, cp);
			break;
		}
		default: sb_addc(&b, *s); break;
		}
		if (*s)
			s++;
	}
	*end = *s ? s + 1 : s;
	return sb_take(&b);
}

/* True when the characters of a appear in b in the same order. */
static bool in_order(const char *a, const char *b)
{
	for (; *a; a++) {
		b = strchr(b, *a);
		if (!b)
			return false;
		b++;
	}
	return true;
}

/* Non-blank characters of s, in order. */
static char *squeeze(const char *s)
{
	strbuf b = STRBUF_INIT;
	for (; *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
			sb_addc(&b, *s);
	return sb_take(&b);
}

START_TEST(templates_import)
{
	const char *ref = unit_reference();
	UNIT_SKIP_NO_REFERENCE(ref);
	char *dir = xasprintf("%s/templates", ref);
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	static const char *const keys[] = { "goal", "proportionality", "human_intervention", "risks",
					    "lawful_basis", "impacttoetsen", "source_data",
					    "methods_and_models", "tags" };
	size_t values = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!str_ends(e->d_name, ".json"))
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		char *data;
		size_t size;
		ck_assert_int_eq(read_file(path, 16 << 20, &data, &size), 0);
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			char *needle = xasprintf("\"%s\": \"", keys[k]);
			for (const char *p = strstr(data, needle); p; p = strstr(p, needle)) {
				const char *end;
				char *html = json_string(p + strlen(needle), &end);
				p = end;
				if (!*html) {
					free(html);
					continue;
				}
				values++;
				char *text = html_to_rich(html);
				ck_assert_msg(!strstr(text, "<p>") && !strstr(text, "<br>") && !strstr(text, "<li>"),
					      "%s %s: tags left: %s", e->d_name, keys[k], text);
				/* every visible character survives, in order */
				char *plain = html_stored_plain(html, strlen(html));
				char *a = squeeze(plain), *b = squeeze(text);
				ck_assert_msg(in_order(a, b), "%s %s: text lost:\n%s\n---\n%s", e->d_name,
					      keys[k], plain, text);
				/* and the text is stable through our own export */
				char *h1 = rich_to_html(text);
				char *t1 = html_to_rich(h1);
				char *h2 = rich_to_html(t1);
				ck_assert_msg(strcmp(h1, h2) == 0, "%s %s: unstable", e->d_name, keys[k]);
				free(h2);
				free(t1);
				free(h1);
				free(a);
				free(b);
				free(plain);
				free(text);
				free(html);
			}
			free(needle);
		}
		free(data);
		free(path);
	}
	closedir(d);
	free(dir);
	fprintf(stderr, "templates: %zu rich values imported\n", values);
	ck_assert_uint_gt(values, 20);
}
END_TEST

static void check_import(const char *value, const char *want_text, const char *want_html)
{
	char *t = register_to_rich(value);
	ck_assert_msg(t && strcmp(t, want_text) == 0, "register_to_rich(\"%s\") = \"%s\", want \"%s\"", value,
	              t ? t : "(null)", want_text);
	char *h = rich_to_register_html(t);
	ck_assert_msg(strcmp(h, want_html) == 0, "export of \"%s\" = \"%s\", want \"%s\"", t, h, want_html);
	free(h);
	free(t);
}

/* Text that only looks like a list stays text, both ways. */
START_TEST(escaped_markers)
{
	check_to_html("\\1. WOO 2. WDO", "<p>1. WOO 2. WDO</p>");
	check_to_html("\\- niet een lijst", "<p>- niet een lijst</p>");
	check_to_html("\\\\- twee", "<p>\\- twee</p>");
	check_to_html("\\a", "<p>\\a</p>");
	check_to_html("- a\n\\2. b", "<ul><li>a<br>2. b</li></ul>");
	check_to_html("Tekst\n\\- c", "<p>Tekst<br>- c</p>");
	check_to_rich("<p>1. WOO 2. WDO</p>", "\\1. WOO 2. WDO");
	check_to_rich("<p>- niet een lijst</p>", "\\- niet een lijst");
	check_to_rich("<p>\\- twee</p>", "\\\\- twee");
	check_to_rich("<p>\\a</p>", "\\a");
	check_to_rich("<ul><li>a<br>2. b</li></ul>", "- a\n\\2. b");
	check_to_rich("<ol><li>een</li><li>twee</li></ol>", "1. een\n2. twee");
	ck_assert_uint_eq(rich_register_length("\\1. WOO"), 6);
	/* the published lawful_basis values that came as plain text */
	check_import("1. WOO 2. WDO 3. Gemeentewet", "\\1. WOO 2. WDO 3. Gemeentewet",
	             "<p>1. WOO 2. WDO 3. Gemeentewet</p>");
	check_import("- niet een lijst, maar een gedachtestreepje", "\\- niet een lijst, maar een gedachtestreepje",
	             "<p>- niet een lijst, maar een gedachtestreepje</p>");
}
END_TEST

/* Import keeps what the register keeps. */
START_TEST(import_keeps_what_the_register_keeps)
{
	/* plain text: the author's blank lines and line breaks */
	check_import("Alinea een.\n\nAlinea twee.\n\n\nAlinea drie.", "Alinea een.\n\nAlinea twee.\n\nAlinea drie.",
	             "<div><p>Alinea een.</p><p>Alinea twee.</p><p>Alinea drie.</p></div>");
	check_import("1. Eerste punt.\n\n2. Tweede punt.", "\\1. Eerste punt.\n\n\\2. Tweede punt.",
	             "<div><p>1. Eerste punt.</p><p>2. Tweede punt.</p></div>");
	check_import("regel 1\nregel 2\n", "regel 1\nregel 2", "<p>regel 1<br>regel 2</p>");
	/* title and noscript are text to the register; a leading BOM is not */
	check_import("<title>T</title><noscript>N</noscript>tekst", "TN\n\ntekst", "<div><p>TN</p><p>tekst</p></div>");
	check_import("\xef\xbb\xbf" "begin", "begin", "<p>begin</p>");
	check_import("<table><tr><td>a</td><td>b</td></tr></table>", "ab", "<p>ab</p>");
	check_import("Inleiding.</html> en meer", "Inleiding.", "<p>Inleiding.</p>");
	/* several blocks are sent as the register stores them: in one div */
	check_import("<p>Alinea een.</p><p>Alinea twee.</p>", "Alinea een.\n\nAlinea twee.",
	             "<div><p>Alinea een.</p><p>Alinea twee.</p></div>");
}
END_TEST

/* Lengths the register counts in corner cases of its parser. */
START_TEST(register_edge_cases)
{
	/* text after </html> counts (9,600 characters of it made a false accept) */
	ck_assert_uint_eq(len_of("Inleiding.</html> en meer"), 19);
	char *big = xcalloc(1, 9700);
	memcpy(big, "a</html>", 8);
	memset(big + 8, 'x', 9600);
	ck_assert_uint_eq(len_of(big), 9602);
	free(big);
	/* a <body> start tag in text closes the paragraph: one more boundary */
	ck_assert_uint_eq(len_of("Tekst <body onload=x>b</body> tekst"), 14);
	ck_assert_uint_eq(len_of("Tekst <html><body>x</body></html> tekst"), 14);
	/* a leading byte-order mark is dropped */
	ck_assert_uint_eq(len_of("\xef\xbb\xbf" "BOM"), 3);
	char *kept = html_stored_plain("\xef\xbb\xbf" "BOM", 6);
	ck_assert_str_eq(kept, "BOM");
	free(kept);
	kept = html_stored_rich("Tekst <body>b</body> tekst", 26);
	ck_assert_str_eq(kept, "<div><p>Tekst </p>b tekst</div>");
	free(kept);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("html");
	TCase *t = tcase_create("html");
	tcase_set_timeout(t, 60);
	tcase_add_test(t, length_counts_like_the_register);
	tcase_add_test(t, parse_failures);
	tcase_add_test(t, stored_values);
	tcase_add_test(t, rich_text_to_html);
	tcase_add_test(t, html_to_rich_text);
	tcase_add_test(t, round_trip);
	tcase_add_test(t, oracle_vectors);
	tcase_add_test(t, templates_import);
	tcase_add_test(t, escaped_markers);
	tcase_add_test(t, import_keeps_what_the_register_keeps);
	tcase_add_test(t, register_edge_cases);
	suite_add_tcase(s, t);
	return unit_run(s);
}
