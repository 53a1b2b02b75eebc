/* yemit: writing YAML scalars so that any YAML reader (1.1 or 1.2) reads back
 * the same string: plain where that is safe, a literal block for multi-line
 * text, double quotes otherwise. */
#include "config.h"
#include "standard/ytree.h"
#include "base/base.h"

#include <string.h>
#include <strings.h>

static bool is_special_cp(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0xFEFF || (cp >= 0xFFFE && cp <= 0xFFFF);
}

/* Words YAML 1.1 readers turn into booleans or null. */
static bool is_yaml11_word(const char *s, size_t n)
{
	static const char *words[] = { "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~" };
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && strncasecmp(words[i], s, n) == 0)
			return true;
	return false;
}

static bool plain_ok(const char *s, size_t n)
{
	if (n == 0 || s[0] == ' ' || s[n - 1] == ' ' || is_yaml11_word(s, n))
		return false;
	/* Indicators, and anything that starts like a number, a date or a version. */
	if (strchr("-?:,[]{}#&*!|>'\"%@`.+0123456789=<\\", s[0]))
		return false;
	if (s[n - 1] == ':')
		return false;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (!k || is_special_cp(cp) || cp == '\t')
			return false;
		if ((cp == ':' && i + 1 < n && s[i + 1] == ' ') || (cp == '#' && i > 0 && s[i - 1] == ' '))
			return false;
		i += (size_t)k;
	}
	return true;
}

void yaml_emit_quoted(strbuf *b, const char *s, size_t n)
{
	sb_addc(b, '"');
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (!k) {
			sb_printf(b, "\\x%02X", (unsigned char)s[i]);
			i++;
			continue;
		}
		switch (cp) {
		case '"': sb_adds(b, "\\\""); break;
		case '\\': sb_adds(b, "\\\\"); break;
		case '\n': sb_adds(b, "\\n"); break;
		case '\t': sb_adds(b, "\\t"); break;
		case '\r': sb_adds(b, "\\r"); break;
		case 0: sb_adds(b, "\\0"); break;
		default:
			if (is_special_cp(cp))
				sb_printf(b, cp < 0x100 ? "\\x%02X" : "\\u%04X", (unsigned)cp);
			else
				sb_add(b, s + i, (size_t)k);
		}
		i += (size_t)k;
	}
	sb_addc(b, '"');
}

/* A literal block keeps multi-line text readable; it cannot carry special
 * characters, carriage returns, or a first line that starts with a space. */
static bool block_ok(const char *s, size_t n)
{
	if (!memchr(s, '\n', n))
		return false;
	bool any_text = false;
	bool line_start = true;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (!k || (is_special_cp(cp) && cp != '\n' && cp != '\t'))
			return false;
		if (line_start && !any_text && (cp == ' ' || cp == '\t'))
			return false;
		if (cp == '\t' && line_start)
			return false;
		if (cp != '\n' && cp != ' ' && cp != '\t')
			any_text = true;
		line_start = cp == '\n';
		i += (size_t)k;
	}
	return any_text;
}

void yaml_emit_scalar(strbuf *b, const char *s, size_t len, int indent, bool allow_block)
{
	if (allow_block && block_ok(s, len)) {
		size_t trail = 0;
		while (trail < len && s[len - 1 - trail] == '\n')
			trail++;
		sb_adds(b, trail == 0 ? "|-" : trail == 1 ? "|" : "|+");
		size_t i = 0;
		while (i < len) {
			const char *nl = memchr(s + i, '\n', len - i);
			size_t e = nl ? (size_t)(nl - s) : len;
			sb_addc(b, '\n');
			if (e > i) {
				for (int k = 0; k < indent; k++)
					sb_addc(b, ' ');
				sb_add(b, s + i, e - i);
			}
			i = e + 1;
		}
		/* With |+ the trailing newlines are the empty lines already written,
		 * except the very last, which ends the scalar. */
		return;
	}
	if (plain_ok(s, len))
		sb_add(b, s, len);
	else
		yaml_emit_quoted(b, s, len);
}

