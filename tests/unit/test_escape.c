/* base/escape: nothing that could steer a terminal survives escaping (ESC,
 * BEL, CR, DEL, C1 controls as UTF-8 and as raw bytes, bidi controls, invalid
 * UTF-8), Dutch text passes unchanged, and URLs lose their passwords. */
#include "config.h"
#include "base/escape.h"
#include "unit.h"

#include <string.h>

static void check_esc(const char *in, unsigned flags, const char *want)
{
	char *got = esc_dup(in, flags);
	ck_assert_msg(strcmp(got, want) == 0, "escape(\"%s\") = \"%s\", want \"%s\"", in, got, want);
	free(got);
}

/* No byte a terminal could act on: C0 (but newline and tab where allowed),
 * DEL, C1 as UTF-8, a raw C1 byte, invalid UTF-8. */
static void check_inert(const char *s, bool multiline)
{
	size_t n = strlen(s);
	ck_assert_int_eq(utf8_invalid_offset(s, n), -1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		ck_assert_msg(c >= 0x20 || (multiline && (c == '\n' || c == '\t')), "control byte 0x%02x in \"%s\"", c, s);
		ck_assert_msg(c != 0x7F, "DEL in \"%s\"", s);
		if (c == 0xC2)
			ck_assert_msg((unsigned char)s[i + 1] > 0x9F, "C1 control in \"%s\"", s);
	}
	ck_assert_msg(!strstr(s, "\xE2\x80\xAE") && !strstr(s, "\xE2\x81\xA6"), "bidi control in \"%s\"", s);
}

START_TEST(c0_controls)
{
	check_esc("a\x1b[31mred", 0, "a^[[31mred");
	check_esc("bel\a", 0, "bel^G");
	check_esc("over\rwrite", 0, "over^Mwrite");
	check_esc("del\x7f", 0, "del^?");
	check_esc("two\nlines\tand tab", 0, "two^Jlines^Iand tab");
	check_esc("two\nlines\tand tab", ESC_MULTILINE, "two\nlines\tand tab");
	check_esc("\x1b]0;title\a", ESC_MULTILINE, "^[]0;title^G");
	check_esc("x\nSigned-off-by: evil", 0, "x^JSigned-off-by: evil");
}
END_TEST

START_TEST(c1_controls)
{
	/* U+009B CSI written as UTF-8, and U+0080, U+009F. */
	check_esc("a\xc2\x9b" "31mb", 0, "a<9B>31mb");
	check_esc("\xc2\x80\xc2\x9f", 0, "<80><9F>");
	/* The raw byte 0x9B (a CSI on an 8-bit terminal) is not UTF-8. */
	check_esc("a\x9b" "31mb", 0, "a\\x9B31mb");
	/* U+00A0 and up are printable: not escaped. */
	check_esc("\xc2\xa0\xc2\xa9", 0, "\xc2\xa0\xc2\xa9");
}
END_TEST

START_TEST(bidi_controls)
{
	check_esc("abc\xe2\x80\xae" "cba", 0, "abc<U+202E>cba");
	check_esc("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", 0, "<U+202A><U+202B><U+202C><U+202D>");
	check_esc("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", 0, "<U+2066><U+2067><U+2068><U+2069>");
	check_esc("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", 0, "<U+200E><U+200F><U+061C>");
	check_esc("zero\xe2\x80\x8bwidth\xef\xbb\xbf", 0, "zero<U+200B>width<U+FEFF>");
}
END_TEST

START_TEST(invalid_utf8)
{
	check_esc("caf\xe9", 0, "caf\\xE9");
	check_esc("\xc3", 0, "\\xC3");                 /* truncated */
	check_esc("\xc0\xaf", 0, "\\xC0\\xAF");        /* overlong */
	check_esc("\xed\xa0\x80", 0, "\\xED\\xA0\\x80"); /* surrogate */
	check_esc("\xff\xfe", ESC_MULTILINE, "\\xFF\\xFE");
}
END_TEST

START_TEST(dutch_text_unchanged)
{
	const char *nl = "Het ĳsje van de coördinator kost €3 en dat is zo’n “prijs” 😀\n- één\tpunt";
	check_esc(nl, ESC_MULTILINE, nl);
	check_esc("Ĳmuiden — café", 0, "Ĳmuiden — café");
	check_esc("", 0, "");
}
END_TEST

START_TEST(nothing_raw_survives)
{
	/* Every byte value, alone and after a lead byte, comes out inert. */
	for (int flags = 0; flags <= 1; flags++)
		for (int a = 1; a < 256; a++)
			for (int b = 0; b < 256; b += 3) {
				char in[4] = { (char)a, (char)b, (char)0x9b, 0 };
				if (!b)
					in[1] = 'x';
				char *out = esc_dup(in, (unsigned)flags);
				check_inert(out, flags);
				free(out);
			}
}
END_TEST

START_TEST(ring_for_printf)
{
	const char *a = esc_line("a\x1b"), *b = esc_text("b\n\x07"), *c = esc_line(NULL);
	ck_assert_str_eq(a, "a^[");
	ck_assert_str_eq(b, "b\n^G");
	ck_assert_str_eq(c, "");
	char *big = xmalloc(3u << 20);
	memset(big, 'x', (3u << 20) - 1);
	big[(3u << 20) - 1] = 0;
	for (int i = 0; i < 20; i++)
		ck_assert_uint_eq(strlen(esc_line(big)), (3u << 20) - 1);
	free(big);
}
END_TEST

static void check_url(const char *in, const char *want)
{
	char *got = url_redact(in);
	ck_assert_msg(strcmp(got, want) == 0, "url_redact(\"%s\") = \"%s\", want \"%s\"", in, got, want);
	free(got);
}

START_TEST(urls_lose_passwords)
{
	check_url("https://alice:s3cretPW@host/r.git", "https://host/r.git");
	check_url("https://ghp_TOKEN@github.com/o/r", "https://github.com/o/r");
	check_url("http://alice:pw@127.0.0.1:9/r.git", "http://127.0.0.1:9/r.git");
	check_url("https://alice:p@ss@host", "https://host");
	check_url("cannot reach origin (https://alice:s3cretPW@127.0.0.1:1/r.git): refused; also ssh://bob:pw@h:22/x",
	          "cannot reach origin (https://127.0.0.1:1/r.git): refused; also ssh://h:22/x");
	/* Nothing to take away. */
	check_url("https://host/r.git?a=b@c", "https://host/r.git?a=b@c");
	check_url("git@github.com:o/r.git", "git@github.com:o/r.git");
	check_url("/srv/git/r.git", "/srv/git/r.git");
	check_url("see: ://x@y", "see: ://x@y");
	check_url("", "");
}
END_TEST

/* The one JSON string writer: values a JSON reader gets back exactly,
 * nothing a terminal acts on when the JSON is shown. */
START_TEST(json_strings)
{
	static const struct { const char *in; size_t n; const char *out; bool exact; } v[] = {
		{ "Parkeren ë ĳ ’ € 😀", 0, "\"Parkeren ë ĳ ’ € 😀\"", true },
		{ "a\"b\\c\nd\te\rf", 0, "\"a\\\"b\\\\c\\nd\\te\\rf\"", true },
		{ "\x1b[2J\x07\x7f", 0, "\"\\u001b[2J\\u0007\\u007f\"", true },
		{ "CSI \xc2\x9b" "31m", 0, "\"CSI \\u009b31m\"", true },
		{ "evil\xe2\x80\xaetxt.exe \xe2\x81\xa6x\xe2\x81\xa9 \xe2\x80\x8b\xef\xbb\xbf", 0,
		  "\"evil\\u202etxt.exe \\u2066x\\u2069 \\u200b\\ufeff\"", true },
		{ "lone \x9b and Latin-1 \xe9", 0, "\"lone \\ufffd and Latin-1 \\ufffd\"", false },
		{ "nul\0inside", 10, "\"nul\\u0000inside\"", true },
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		strbuf b = STRBUF_INIT;
		bool exact = json_add_str(&b, v[i].in, v[i].n ? v[i].n : strlen(v[i].in));
		ck_assert_str_eq(b.s, v[i].out);
		ck_assert(exact == v[i].exact);
		for (size_t k = 0; k < b.len; k++)
			ck_assert((unsigned char)b.s[k] >= 0x20 && (unsigned char)b.s[k] != 0x7f);
		sb_done(&b);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("escape");
	TCase *t = tcase_create("escape");
	tcase_add_test(t, c0_controls);
	tcase_add_test(t, c1_controls);
	tcase_add_test(t, bidi_controls);
	tcase_add_test(t, invalid_utf8);
	tcase_add_test(t, dutch_text_unchanged);
	tcase_add_test(t, nothing_raw_survives);
	tcase_add_test(t, ring_for_printf);
	tcase_add_test(t, urls_lose_passwords);
	tcase_add_test(t, json_strings);
	suite_add_tcase(s, t);
	return unit_run(s);
}
