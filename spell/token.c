/* spell/token: the tokenizer for Dutch prose. hunspell's own tokenizing (its
 * WORDCHARS include ' ’ . - / and digits) turns "aanvraag/aangifte", "BRP." and
 * "‘Uitvoering’" into single words and flags them; most false alarms on real
 * register texts come from there. So we cut the text ourselves, keep the
 * characters that belong to a word (zo’n, auto's, AI-verordening, m.b.t.) and
 * mark what is not prose (numbers, URLs, e-mail, acronyms) so it is not
 * checked. The bytes are never changed: hunspell's ICONV maps ’ and ĳ. */
#include "config.h"
#include "spell/spell.h"
#include "base/base.h"

#include <stdint.h>
#include <string.h>

/* Decodes one code point; an invalid byte reads as U+FFFD of length 1, so the
 * tokenizer always advances and treats it as a separator. */
static size_t dec(const char *s, size_t len, size_t i, uint32_t *cp)
{
	if (i >= len) {
		*cp = 0;
		return 0;
	}
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	int n = utf8_decode(s + i, len - i, cp);
	if (n <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	return (size_t)n;
}

static bool is_space(uint32_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
	       c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static bool is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/* Letters of the scripts a register text may quote; combining marks count as
 * letters so that a decomposed ë stays one word. */
static bool is_letter(uint32_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	if (c == 0xAA || c == 0xB5 || c == 0xBA)
		return true;
	if (c >= 0xC0 && c <= 0x2AF)
		return c != 0xD7 && c != 0xF7;
	if (c >= 0x300 && c <= 0x36F)
		return true;
	if (c >= 0x370 && c <= 0x52F)
		return c != 0x37E && c != 0x387;
	if (c >= 0x1E00 && c <= 0x1EFF)
		return true;
	return c >= 0xFB00 && c <= 0xFB06;
}

static bool is_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if (c >= 0x100 && c <= 0x137)
		return (c & 1) == 0;
	if (c >= 0x139 && c <= 0x148)
		return (c & 1) == 1;
	if (c >= 0x14A && c <= 0x177)
		return (c & 1) == 0;
	if (c == 0x178)
		return true;
	if (c >= 0x179 && c <= 0x17E)
		return (c & 1) == 1;
	if (c >= 0x391 && c <= 0x3AB)
		return true;
	return c >= 0x400 && c <= 0x42F;
}

static bool is_apos(uint32_t c)
{
	return c == '\'' || c == 0x2019;
}

static bool is_hyphen(uint32_t c)
{
	return c == '-' || c == 0x2011; /* U+2011: the non-breaking hyphen */
}

spell_tok_kind spell_classify(const char *w, size_t len)
{
	size_t letters = 0, digits = 0, uppers = 0, base_len = len;
	bool inner_cap = false, prev_lower = false, hyphen = false;
	/* "API's", "CAO’s", "ZZP'er", "ICT’ers": an acronym with a Dutch ending
	 * after an apostrophe is still an acronym. */
	for (size_t i = len; i > 0 && len - i <= 3; i--) {
		unsigned char c = (unsigned char)w[i - 1];
		if (c == '\'' || (c == 0x99 && i >= 3 && memcmp(w + i - 3, "\xE2\x80\x99", 3) == 0)) {
			if (i < len && (w[i] == 's' || w[i] == 'e'))
				base_len = c == '\'' ? i - 1 : i - 3;
			break;
		}
		if (c < 'a' || c > 'z')
			break;
	}
	size_t lead_caps = 0;
	bool in_lead = true;
	for (size_t i = 0; i < base_len;) {
		uint32_t c;
		i += dec(w, base_len, i, &c);
		if (is_digit(c)) {
			digits++;
			prev_lower = false;
		} else if (is_letter(c)) {
			letters++;
			if (is_upper(c)) {
				uppers++;
				lead_caps += in_lead;
				if (prev_lower)
					inner_cap = true;
				prev_lower = false;
			} else {
				prev_lower = true;
				in_lead = false;
			}
		} else {
			in_lead = false;
			if (is_hyphen(c))
				hyphen = true;
			prev_lower = false;
		}
	}
	if (digits && !letters)
		return SPELL_TOK_NUMBER;
	if (hyphen)
		return SPELL_TOK_WORD; /* the speller checks the whole, then each part */
	if (uppers && uppers == letters && letters <= 6 && letters + digits >= 2 &&
	    letters + digits <= 8)
		return SPELL_TOK_ACRONYM;
	if (digits)
		return SPELL_TOK_NUMBER;
	/* RvdK, DigiD, JenV; DIAfragma, MONOcam (three capitals or more at the
	 * start). One capital inside ("aDarom", "eMer") is more often a slip of
	 * the shift key than a name, and so is "VErwerking": both stay checked;
	 * names like eHerkenning go in the word lists. */
	if ((inner_cap && uppers >= 2) || (lead_caps >= 3 && lead_caps < letters))
		return SPELL_TOK_MIXED;
	return SPELL_TOK_WORD;
}

/* ---- URLs and e-mail addresses: decided per chunk of non-space text ---- */

static bool ascii_prefix_ci(const char *s, size_t n, const char *p)
{
	size_t pl = strlen(p);
	if (n < pl)
		return false;
	for (size_t i = 0; i < pl; i++)
		if ((s[i] | 0x20) != p[i])
			return false;
	return true;
}

static bool has_sub(const char *s, size_t n, const char *sub)
{
	size_t sl = strlen(sub);
	for (size_t i = 0; i + sl <= n; i++)
		if (memcmp(s + i, sub, sl) == 0)
			return true;
	return false;
}

static bool url_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr("-._~/%?=&#+:@!$*,;", c) != NULL;
}

/* A bare domain like algoritmes.overheid.nl or rijksoverheid.nl/onderwerpen:
 * ASCII, at least one inner dot, and a top-level domain we know. Without the
 * list, "logging.De" (a missing space) would vanish from checking. */
static bool bare_domain(const char *s, size_t n)
{
	static const char *const tlds[] = { "nl", "com", "org", "net", "eu", "gov", "int", "io",
	                                    "be", "de", "uk", "info", "nu", "frl", "amsterdam",
	                                    NULL };
	size_t host = 0;
	while (host < n && s[host] != '/')
		host++;
	size_t dot = 0;
	bool any = false;
	for (size_t i = 0; i < host; i++) {
		if (!url_char(s[i]) || s[i] == ':' || s[i] == '@')
			return false;
		if (s[i] == '.') {
			if (i == 0 || i + 1 >= host || s[i - 1] == '.')
				return false;
			dot = i;
			any = true;
		}
	}
	for (size_t i = host; i < n; i++)
		if (!url_char(s[i]))
			return false;
	if (!any)
		return false;
	for (int t = 0; tlds[t]; t++)
		if (host - dot - 1 == strlen(tlds[t]) && memcmp(s + dot + 1, tlds[t], host - dot - 1) == 0)
			return true;
	return false;
}

static bool is_email(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	if (!at || at == s || at == s + n - 1)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!url_char(s[i]))
			return false;
	return memchr(at + 1, '.', (size_t)(s + n - at - 1)) != NULL;
}

static bool lead_punct(uint32_t c)
{
	return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == '<' ||
	       c == 0x201C || c == 0x2018 || c == 0x201E || c == 0xAB;
}

static bool trail_punct(uint32_t c)
{
	return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
	       c == ']' || c == '}' || c == '"' || c == '\'' || c == '>' || c == 0x201D ||
	       c == 0x2019 || c == 0xBB;
}

/* Chunk [cs, ce): if it holds a URL or an e-mail address once leading and
 * trailing punctuation is cut, fills tok and returns true. */
static bool chunk_link(const char *s, size_t cs, size_t ce, spell_token *tok)
{
	uint32_t c;
	size_t l;
	while (cs < ce && (l = dec(s, ce, cs, &c)) && lead_punct(c))
		cs += l;
	while (ce > cs) {
		size_t b = ce - 1;
		while (b > cs && ((unsigned char)s[b] & 0xC0) == 0x80)
			b--;
		dec(s, ce, b, &c);
		if (!trail_punct(c))
			break;
		ce = b;
	}
	if (ce <= cs)
		return false;
	const char *p = s + cs;
	size_t n = ce - cs;
	spell_tok_kind kind;
	if (ascii_prefix_ci(p, n, "http://") || ascii_prefix_ci(p, n, "https://") ||
	    ascii_prefix_ci(p, n, "ftp://") || (ascii_prefix_ci(p, n, "www.") && n > 4) ||
	    has_sub(p, n, "://"))
		kind = SPELL_TOK_URL;
	else if (is_email(p, n))
		kind = SPELL_TOK_EMAIL;
	else if (bare_domain(p, n))
		kind = SPELL_TOK_URL;
	else
		return false;
	tok->start = cs;
	tok->len = n;
	tok->kind = kind;
	tok->dot_follows = false;
	tok->trailing_hyphen = false;
	tok->paren_compound = false;
	return true;
}

/* Number of letters in the run at i (and where it ends). */
static size_t letter_run(const char *s, size_t len, size_t i, size_t *end)
{
	size_t k = 0;
	uint32_t c;
	size_t l;
	while ((l = dec(s, len, i, &c)) && is_letter(c)) {
		i += l;
		k++;
	}
	*end = i;
	return k;
}

/* Scans one word starting at p (a letter, a digit, or the apostrophe of 's/'t/'n). */
static size_t scan_word(const char *s, size_t len, size_t p, bool *dotted, bool *thyph)
{
	size_t q = p, l, l2;
	uint32_t c, c2;
	size_t seg = 0; /* letters since the start or the last '.', for m.b.t. */
	*dotted = false;
	*thyph = false;
	l = dec(s, len, q, &c);
	if (is_apos(c)) {
		q += l + 1; /* the apostrophe and the ASCII s, t or n */
		l = dec(s, len, q, &c);
		if (!(is_hyphen(c) && (l2 = dec(s, len, q + l, &c2)) && is_letter(c2)))
			return q;
	}
	for (;;) {
		uint32_t prev = 0;
		while ((l = dec(s, len, q, &c)) && (is_letter(c) || is_digit(c))) {
			q += l;
			seg++;
			prev = c;
		}
		if (q >= len)
			break;
		l2 = dec(s, len, q + l, &c2);
		if (is_apos(c) && l2 && is_letter(c2)) {
			q += l; /* zo’n, auto's */
			continue;
		}
		if (is_hyphen(c) && l2 && (is_letter(c2) || is_digit(c2))) {
			q += l; /* AI-verordening, B1-taalniveau, 12-03-2023 */
			seg = 0;
			continue;
		}
		if ((c == '.' || c == ',' || c == ':' || c == '/') && is_digit(prev) && l2 && is_digit(c2)) {
			q += l; /* 1.000,50  3:4  2023/2024 */
			continue;
		}
		if (c == '.' && seg >= 1 && seg <= 2 && l2 && is_letter(c2)) {
			size_t end, k = letter_run(s, len, q + l, &end);
			uint32_t c3;
			if (k <= 2 && dec(s, len, end, &c3) && c3 == '.') {
				q = end; /* m.b.t., o.a., d.w.z. */
				seg = k;
				*dotted = true;
				continue;
			}
		}
		if (is_hyphen(c) && !is_digit(prev) &&
		    (!l2 || is_space(c2) || c2 == ',' || c2 == '/' || c2 == ')')) {
			q += l; /* persoons- en adresgegevens */
			*thyph = true;
		}
		break;
	}
	if (*dotted && q < len && s[q] == '.')
		q++;
	return q;
}

/* "(persoons)gegevens" at p (the '('): one token, so that the speller can
 * check the compound with and without its optional part. */
static bool paren_compound(const char *s, size_t len, size_t p, spell_token *tok)
{
	uint32_t c;
	bool dotted, thyph;
	size_t l = dec(s, len, p + 1, &c);
	if (!l || !is_letter(c))
		return false;
	size_t q = scan_word(s, len, p + 1, &dotted, &thyph);
	if (dotted || thyph || q >= len || s[q] != ')')
		return false;
	l = dec(s, len, q + 1, &c);
	if (!l || !is_letter(c))
		return false;
	size_t q2 = scan_word(s, len, q + 1, &dotted, &thyph);
	if (dotted || thyph)
		return false;
	tok->start = p;
	tok->len = q2 - p;
	tok->kind = SPELL_TOK_WORD;
	tok->dot_follows = q2 < len && s[q2] == '.';
	tok->trailing_hyphen = false;
	tok->paren_compound = true;
	return true;
}

static bool at_chunk_start(const char *s, size_t pos)
{
	if (pos == 0)
		return true;
	size_t b = pos - 1;
	while (b > 0 && pos - b < 4 && ((unsigned char)s[b] & 0xC0) == 0x80)
		b--;
	uint32_t c;
	dec(s, pos, b, &c);
	return is_space(c);
}

bool spell_next_token(const char *s, size_t len, size_t *pos, spell_token *tok)
{
	size_t p = *pos;
	bool chunk = p < len && at_chunk_start(s, p);
	while (p < len) {
		uint32_t c, c2, c3;
		size_t l = dec(s, len, p, &c);
		if (is_space(c)) {
			p += l;
			chunk = true;
			continue;
		}
		if (chunk) {
			chunk = false;
			size_t ce = p;
			while (ce < len && (l = dec(s, len, ce, &c2)) && !is_space(c2))
				ce += l;
			if (chunk_link(s, p, ce, tok)) {
				*pos = ce;
				return true;
			}
			l = dec(s, len, p, &c);
		}
		bool start = is_letter(c) || is_digit(c);
		if (c == '(' && paren_compound(s, len, p, tok)) {
			*pos = tok->start + tok->len;
			return true;
		}
		if (!start && is_apos(c)) {
			/* 's, 't, 'n: "’s-Hertogenbosch", "’s avonds", "zo’n" is inside a word */
			size_t l2 = dec(s, len, p + l, &c2);
			size_t l3 = l2 ? dec(s, len, p + l + l2, &c3) : 0;
			start = l2 && (c2 == 's' || c2 == 't' || c2 == 'n') &&
			        (!l3 || !(is_letter(c3) || is_digit(c3) || is_apos(c3)));
		}
		if (!start) {
			p += l;
			continue;
		}
		bool dotted, thyph;
		size_t q = scan_word(s, len, p, &dotted, &thyph);
		tok->start = p;
		tok->len = q - p;
		tok->kind = dotted ? SPELL_TOK_WORD : spell_classify(s + p, q - p - (thyph ? 1 : 0));
		tok->dot_follows = !dotted && q < len && s[q] == '.';
		tok->trailing_hyphen = thyph;
		tok->paren_compound = false;
		*pos = q;
		return true;
	}
	*pos = p;
	return false;
}
