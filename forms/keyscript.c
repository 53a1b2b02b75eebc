/* keyscript: parsing and writing the key scripts of demos (see keyscript.h).
 * A script is outside input: every line is checked (valid UTF-8, no control
 * characters, known words and key names, bounded numbers), and the first
 * fault is reported with the file, the line and what to write instead. */
#include "config.h"
#include "forms/keyscript.h"
#include "base/base.h"
#include "base/escape.h"
#include "i18n/i18n.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	ks_named named;
} names[] = {
	{ "Enter", KSK_ENTER }, { "Tab", KSK_TAB }, { "Esc", KSK_ESC }, { "Space", KSK_SPACE },
	{ "Backspace", KSK_BACKSPACE }, { "Delete", KSK_DELETE }, { "Up", KSK_UP }, { "Down", KSK_DOWN },
	{ "Left", KSK_LEFT }, { "Right", KSK_RIGHT }, { "Home", KSK_HOME }, { "End", KSK_END },
	{ "PageUp", KSK_PAGEUP }, { "PageDown", KSK_PAGEDOWN },
};
#define NNAMES (sizeof names / sizeof names[0])

/* The modified named keys the editor knows; anything else is refused, so a
 * script never sends a key that means nothing. */
static bool modified_ok(ks_named n, unsigned mods)
{
	if (mods == KSM_SHIFT)
		return n == KSK_TAB;
	if (mods == KSM_CTRL)
		return n == KSK_LEFT || n == KSK_RIGHT || n == KSK_UP || n == KSK_DOWN || n == KSK_HOME || n == KSK_END;
	if (mods == KSM_ALT)
		return n == KSK_UP || n == KSK_DOWN || n == KSK_PAGEUP || n == KSK_PAGEDOWN || n == KSK_ENTER;
	return false;
}

void ks_init(keyscript *s)
{
	memset(s, 0, sizeof *s);
}

void ks_done(keyscript *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].text);
	free(s->v);
	ks_init(s);
}

void ks_add(keyscript *s, const ks_step *st)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	s->v[s->n] = *st;
	if (st->text)
		s->v[s->n].text = xstrdup(st->text);
	s->n++;
}

bool ks_key_parse(const char *name, ks_key *k)
{
	memset(k, 0, sizeof *k);
	/* Modifiers: C-, M-, S-, each at most once. */
	while (name[0] && name[1] == '-' && name[2]) {
		unsigned m = name[0] == 'C' ? KSM_CTRL : name[0] == 'M' ? KSM_ALT : name[0] == 'S' ? KSM_SHIFT : 0;
		if (!m || (k->mods & m))
			return false;
		k->mods |= m;
		name += 2;
	}
	if (name[0] && !name[1]) {
		unsigned char c = (unsigned char)name[0];
		/* C-x takes a letter; M-x a letter, digit or sign; a bare
		 * character is text, written with text. */
		if (k->mods == KSM_CTRL && c >= 'a' && c <= 'z') {
			k->ch = c;
			return true;
		}
		if (k->mods == KSM_ALT && c > ' ' && c < 0x7f) {
			k->ch = c;
			return true;
		}
		return false;
	}
	if (name[0] == 'F' && isdigit((unsigned char)name[1])) {
		char *end;
		long f = strtol(name + 1, &end, 10);
		if (*end || f < 1 || f > 12 || k->mods || name[1] == '0')
			return false;
		k->named = (ks_named)(KSK_F1 + f - 1);
		return true;
	}
	for (size_t i = 0; i < NNAMES; i++)
		if (!strcmp(name, names[i].name)) {
			k->named = names[i].named;
			return !k->mods || modified_ok(k->named, k->mods);
		}
	return false;
}

const char *ks_key_name(const ks_key *k, char buf[24])
{
	const char *base = NULL;
	char one[16];
	if (k->named == KSK_CHAR) {
		if (k->ch <= ' ' || k->ch >= 0x7f)
			return NULL;
		one[0] = (char)k->ch;
		one[1] = '\0';
		base = one;
	} else if (k->named >= KSK_F1 && k->named <= KSK_F12) {
		snprintf(one, sizeof one, "F%d", (int)(k->named - KSK_F1) + 1);
		base = one;
	} else {
		for (size_t i = 0; i < NNAMES; i++)
			if (names[i].named == k->named)
				base = names[i].name;
	}
	if (!base)
		return NULL;
	snprintf(buf, 24, "%s%s%s%s", k->mods & KSM_CTRL ? "C-" : "", k->mods & KSM_ALT ? "M-" : "",
	         k->mods & KSM_SHIFT ? "S-" : "", base);
	ks_key check;
	return ks_key_parse(buf, &check) ? buf : NULL;
}

/* A non-negative whole number of at most max, the whole of s. */
static bool number(const char *s, long max, long *out)
{
	if (!isdigit((unsigned char)*s) || strlen(s) > 9)
		return false;
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || v > max)
		return false;
	*out = v;
	return true;
}

static int fail(char **err, const char *name, unsigned line, const char *what)
{
	*err = xasprintf(_("%s, line %u: %s"), esc_text(name), line, what);
	return -1;
}

int ks_parse(keyscript *s, const char *name, const char *data, size_t len, char **err)
{
	ks_init(s);
	*err = NULL;
	if (len > KS_MAX_BYTES)
		return fail(err, name, 1, _("the file is larger than a demo needs (1 MB at most)"));
	size_t pos = 0;
	unsigned lineno = 0;
	char *line = NULL;
	while (pos < len) {
		lineno++;
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (data + pos)) : len - pos;
		const char *l = data + pos;
		pos += n + (nl ? 1 : 0);
		if (n && l[n - 1] == '\r')
			n--;
		const char *why = NULL;
		if (n > KS_MAX_LINE)
			why = _("the line is too long (4096 bytes at most)");
		else if (utf8_invalid_offset(l, n) >= 0)
			why = _("the line is not valid UTF-8 text");
		else if (memchr(l, '\0', n))
			why = _("the line holds a zero byte");
		if (!why) {
			for (size_t i = 0; i < n; i++) {
				unsigned char c = (unsigned char)l[i];
				if ((c < 0x20 && c != '\t') || c == 0x7f) {
					why = _("the line holds a control character; write keys with \"key\"");
					break;
				}
			}
		}
		if (!why) {
			/* C1 controls (U+0080..U+009F) reach a terminal as controls too. */
			for (size_t i = 0; i + 1 < n; i++)
				if ((unsigned char)l[i] == 0xC2 && (unsigned char)l[i + 1] < 0xA0) {
					why = _("the line holds a control character; write keys with \"key\"");
					break;
				}
		}
		if (why) {
			free(line);
			ks_done(s);
			return fail(err, name, lineno, why);
		}
		free(line);
		line = xstrndup(l, n);
		/* Leading blanks go; a tab is a blank. */
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		char *word = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		char *arg = p;
		if (*p) {
			*p = '\0';
			arg = p + 1;
		}
		/* The word's argument: for text and caption everything after one
		 * blank, as typed; for the others trimmed. */
		ks_step st;
		memset(&st, 0, sizeof st);
		st.line = lineno;
		char *t = arg;
		size_t tl = strlen(t);
		while (tl && (t[tl - 1] == ' ' || t[tl - 1] == '\t'))
			tl--;
		if (!strcmp(word, "text") || !strcmp(word, "caption")) {
			st.kind = word[0] == 't' ? KS_TEXT : KS_CAPTION;
			if (!*arg) {
				why = st.kind == KS_TEXT ? _("\"text\" needs the text to type after it")
				                         : _("\"caption\" needs the words to show after it");
			} else {
				for (char *q = arg; *q; q++)
					if (*q == '\t')
						*q = ' ';
				st.text = arg;
			}
		} else {
			/* Trimmed at both ends; the end first, so that an argument of
			 * blanks only ("key  ") leaves t at the end, never past it. */
			char *end = arg + tl;
			*end = '\0';
			while (t < end && (*t == ' ' || *t == '\t'))
				t++;
			if (!strcmp(word, "wait")) {
				st.kind = KS_WAIT;
				if (!number(t, KS_MAX_WAIT_MS, &st.ms))
					why = _("\"wait\" needs a number of milliseconds from 0 to 600000, e.g. wait 300");
			} else if (!strcmp(word, "key")) {
				st.kind = KS_KEY;
				if (!*t)
					why = _("\"key\" needs a key name, e.g. key Enter, key C-n or key F2");
				else if (!ks_key_parse(t, &st.key))
					why = _("unknown key name; write e.g. Enter, Tab, S-Tab, Esc, Up, F2, C-s or M-c");
			} else if (!strcmp(word, "size")) {
				st.kind = KS_SIZE;
				char *sp = strchr(t, ' ');
				long c = 0, r = 0;
				if (sp)
					*sp = '\0';
				if (!sp || !number(t, 1000, &c) || !number(sp + 1 + strspn(sp + 1, " "), 1000, &r) || c < 40 ||
				    r < 10)
					why = _("\"size\" needs columns and rows, at least 40 and 10, e.g. size 100 30");
				st.cols = (int)c;
				st.rows = (int)r;
			} else {
				why = _("unknown word; a line starts with #, wait, key, text, caption or size");
			}
		}
		if (why) {
			free(line);
			ks_done(s);
			return fail(err, name, lineno, why);
		}
		ks_add(s, &st);
	}
	free(line);
	return 0;
}

char *ks_format(const keyscript *s)
{
	strbuf b = STRBUF_INIT;
	sb_add(&b, "", 0);
	char kb[24];
	for (size_t i = 0; i < s->n; i++) {
		const ks_step *st = &s->v[i];
		switch (st->kind) {
		case KS_WAIT: sb_printf(&b, "wait %ld\n", st->ms); break;
		case KS_KEY:
			if (ks_key_name(&st->key, kb))
				sb_printf(&b, "key %s\n", kb);
			break;
		case KS_TEXT: sb_printf(&b, "text %s\n", st->text); break;
		case KS_CAPTION: sb_printf(&b, "caption %s\n", st->text); break;
		case KS_SIZE: sb_printf(&b, "size %d %d\n", st->cols, st->rows); break;
		}
	}
	return sb_take(&b);
}
