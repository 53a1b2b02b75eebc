/* slug: names to ASCII file names (see slug.h). */
#include "config.h"
#include "forms/slug.h"
#include "base/base.h"

#include <stdlib.h>
#include <string.h>

/* Latin-1 letters U+00C0..U+00FF and Latin Extended-A U+0100..U+017F folded to
 * their base letter; '1' stands for "ij", '2' for "oe", '3' for "ae", '4' for
 * "ss", '5' for "th", '-' for a separator. */
static const char latin1[] = "aaaaaa3ceeeeiiiidnooooo-ouuuuy54"
                             "aaaaaa3ceeeeiiiidnooooo-ouuuuy5y";
static const char latin_ext_a[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii11jjkkklllllllll"
                                  "lnnnnnnnnnoooooo22rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

_Static_assert(sizeof latin1 == 65 && sizeof latin_ext_a == 129, "one letter per code point");

static void add_fold(strbuf *b, char c)
{
	switch (c) {
	case '1': sb_adds(b, "ij"); break;
	case '2': sb_adds(b, "oe"); break;
	case '3': sb_adds(b, "ae"); break;
	case '4': sb_adds(b, "ss"); break;
	case '5': sb_adds(b, "th"); break;
	default: sb_addc(b, c); break;
	}
}

char *slug_from_name(const char *name)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	size_t n = name ? strlen(name) : 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(name + i, n - i, &cp);
		if (k == 0) {
			cp = '-';
			k = 1;
		}
		i += (size_t)k;
		if (cp == '\'' || cp == 0x2019 || cp == 0x2018)
			continue; /* zo’n → zon, not zo-n */
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			sb_addc(&b, (char)cp);
		else if (cp >= 'A' && cp <= 'Z')
			sb_addc(&b, (char)(cp - 'A' + 'a'));
		else if (cp >= 0xC0 && cp <= 0xFF)
			add_fold(&b, latin1[cp - 0xC0]);
		else if (cp >= 0x100 && cp <= 0x17F)
			add_fold(&b, latin_ext_a[cp - 0x100]);
		else
			sb_addc(&b, '-');
	}
	/* Collapse runs of '-', trim both ends, cut at SLUG_MAX on a word edge. */
	strbuf out = STRBUF_INIT;
	sb_adds(&out, "");
	for (size_t i = 0; i < b.len; i++) {
		char c = b.s[i];
		if (c == '-' && (out.len == 0 || out.s[out.len - 1] == '-'))
			continue;
		sb_addc(&out, c);
	}
	sb_done(&b);
	if (out.len > SLUG_MAX) {
		size_t cut = SLUG_MAX;
		while (cut > SLUG_MAX / 2 && out.s[cut] != '-')
			cut--;
		if (out.s[cut] != '-')
			cut = SLUG_MAX;
		out.len = cut;
		out.s[cut] = '\0';
	}
	while (out.len && out.s[out.len - 1] == '-')
		out.s[--out.len] = '\0';
	if (out.len == 0)
		sb_adds(&out, "beschrijving");
	return sb_take(&out);
}

bool slug_valid(const char *s)
{
	if (!s || !*s || s[0] == '.' || s[0] == '-')
		return false;
	size_t n = 0;
	for (const char *p = s; *p; p++, n++) {
		char c = *p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '.'))
			return false;
	}
	return n <= 200;
}

char *slug_from_arg(const char *arg)
{
	if (!arg)
		return NULL;
	const char *p = arg;
	if (str_starts(p, "./"))
		p += 2;
	if (str_starts(p, "algoritmes/"))
		p += strlen("algoritmes/");
	size_t n = strlen(p);
	if (n > 5 && str_ends(p, ".yaml"))
		n -= 5;
	char *s = xstrndup(p, n);
	if (!slug_valid(s))
		xfree(&s);
	return s;
}
