/* escape: untrusted text made safe for a terminal, URLs without their
 * passwords (see escape.h for what is shown instead of what). */
#include "config.h"
#include "base/escape.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool is_format_control(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200B || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       cp == 0x2028 || cp == 0x2029 || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

/* pre, digits hex digits of v, post (short enough for buf by construction). */
static const char *hex_form(char buf[12], const char *pre, uint32_t v, int digits, const char *post)
{
	size_t n = strlen(pre);
	memcpy(buf, pre, n);
	for (int i = digits - 1; i >= 0; i--)
		buf[n++] = "0123456789ABCDEF"[(v >> (4 * i)) & 0xF];
	strcpy(buf + n, post);
	return buf;
}

const char *esc_cp(uint32_t cp, unsigned flags, char buf[12])
{
	if ((cp == '\n' || cp == '\t') && (flags & ESC_MULTILINE))
		return NULL;
	if (cp < 0x20 || cp == 0x7F) {
		buf[0] = '^';
		buf[1] = cp == 0x7F ? '?' : (char)(cp + '@');
		buf[2] = 0;
		return buf;
	}
	if (cp >= 0x80 && cp <= 0x9F) {
		return hex_form(buf, "<", cp, 2, ">");
	}
	if (is_format_control(cp)) {
		return hex_form(buf, "<U+", cp, 4, ">");
	}
	return NULL;
}

void sb_add_escaped(strbuf *b, const char *s, size_t n, unsigned flags)
{
	sb_add(b, "", 0);
	size_t i = 0;
	while (i < n) {
		/* Plain printable ASCII goes in runs. */
		size_t j = i;
		while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F)
			j++;
		if (j > i) {
			sb_add(b, s + i, j - i);
			i = j;
			continue;
		}
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (k <= 0) {
			sb_printf(b, "\\x%02X", (unsigned)(unsigned char)s[i]);
			i++;
			continue;
		}
		char buf[12];
		const char *e = esc_cp(cp, flags, buf);
		if (e)
			sb_adds(b, e);
		else
			sb_add(b, s + i, (size_t)k);
		i += (size_t)k;
	}
}

bool json_add_str(strbuf *b, const char *s, size_t n)
{
	bool exact = true;
	char buf[12];
	sb_addc(b, '"');
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F && s[j] != '"' && s[j] != '\\')
			j++;
		if (j > i) {
			sb_add(b, s + i, j - i);
			i = j;
			continue;
		}
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (k <= 0) {
			sb_adds(b, "\\ufffd");
			exact = false;
			i++;
			continue;
		}
		if (cp == '"' || cp == '\\')
			sb_printf(b, "\\%c", (char)cp);
		else if (cp == '\n')
			sb_adds(b, "\\n");
		else if (cp == '\t')
			sb_adds(b, "\\t");
		else if (cp == '\r')
			sb_adds(b, "\\r");
		else if (cp < 0x80 ? cp < 0x20 || cp == 0x7F : esc_cp(cp, 0, buf) != NULL)
			/* C0, DEL, C1 and the bidi and format controls: the same value,
			 * but nothing a terminal acts on when the JSON is shown. */
			sb_printf(b, "\\u%04x", (unsigned)cp);
		else
			sb_add(b, s + i, (size_t)k);
		i += (size_t)k;
	}
	sb_addc(b, '"');
	return exact;
}

char *esc_dup(const char *s, unsigned flags)
{
	strbuf b = STRBUF_INIT;
	if (s)
		sb_add_escaped(&b, s, strlen(s), flags);
	return sb_take(&b);
}

static const char *esc_ring(const char *s, unsigned flags)
{
	static _Thread_local strbuf ring[8];
	static _Thread_local unsigned next;
	strbuf *b = &ring[next++ % 8];
	/* A huge value once does not keep its memory for the rest of the run. */
	if (b->cap > (1u << 20))
		sb_done(b);
	sb_reset(b);
	if (s)
		sb_add_escaped(b, s, strlen(s), flags);
	else
		sb_add(b, "", 0);
	return sb_str(b);
}

const char *esc_line(const char *s)
{
	return esc_ring(s, 0);
}

const char *esc_text(const char *s)
{
	return esc_ring(s, ESC_MULTILINE);
}

char *text_one_line(const char *s)
{
	strbuf b = STRBUF_INIT;
	sb_add(&b, "", 0);
	size_t n = s ? strlen(s) : 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (k <= 0) {
			i++;
			continue;
		}
		char buf[12];
		if (cp == '\n' || cp == '\r' || cp == '\t')
			sb_addc(&b, ' ');
		else if (!esc_cp(cp, 0, buf))
			sb_add(&b, s + i, (size_t)k);
		i += (size_t)k;
	}
	return sb_take(&b);
}

/* Where the authority of a URL ends: at its path, query or fragment, or at
 * the end of the word when the URL sits in a sentence. */
static size_t authority_len(const char *p)
{
	size_t n = 0;
	while (p[n] && p[n] != '/' && p[n] != '?' && p[n] != '#' && !isspace((unsigned char)p[n]))
		n++;
	return n;
}

char *url_redact(const char *text)
{
	strbuf b = STRBUF_INIT;
	sb_add(&b, "", 0);
	if (!text)
		return sb_take(&b);
	const char *p = text;
	for (;;) {
		const char *sep = strstr(p, "://");
		if (!sep) {
			sb_adds(&b, p);
			break;
		}
		/* Only after a scheme: a letter, then letters, digits, + - . */
		const char *sch = sep;
		while (sch > p && (isalnum((unsigned char)sch[-1]) || sch[-1] == '+' || sch[-1] == '-' || sch[-1] == '.'))
			sch--;
		const char *auth = sep + 3;
		size_t n = sch < sep && isalpha((unsigned char)*sch) ? authority_len(auth) : 0;
		const char *at = NULL;
		for (size_t i = 0; i < n; i++)
			if (auth[i] == '@')
				at = auth + i;
		sb_add(&b, p, (size_t)(auth - p));
		p = at ? at + 1 : auth;
	}
	return sb_take(&b);
}
