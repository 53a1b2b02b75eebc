/* document: descriptions and the standard as readable documents (text,
 * Markdown, HTML). One small set of block primitives (heading, paragraph,
 * list, labelled line) renders each format; every piece of text from a file
 * goes through add_inline, which shows control characters visibly (as the
 * terminal does) and escapes what the format would otherwise act on. */
#include "config.h"
#include "forms/document.h"
#include "forms/quality.h"
#include "forms/rules.h"
#include "base/escape.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_WIDTH 78

typedef struct doc {
	strbuf b;
	doc_format fmt;
	int lang;
} doc;

bool doc_format_parse(const char *name, doc_format *out)
{
	if (!name)
		return false;
	if (!strcmp(name, "text"))
		*out = DOC_TEXT;
	else if (!strcmp(name, "markdown") || !strcmp(name, "md"))
		*out = DOC_MARKDOWN;
	else if (!strcmp(name, "html"))
		*out = DOC_HTML;
	else
		return false;
	return true;
}

/* ---- text of a value, escaped for the format ---------------------------- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Appends a piece that is already visible text (no controls) escaped for fmt. */
static void add_lit(strbuf *o, doc_format fmt, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (fmt == DOC_HTML) {
			switch (c) {
			case '&': sb_adds(o, "&amp;"); continue;
			case '<': sb_adds(o, "&lt;"); continue;
			case '>': sb_adds(o, "&gt;"); continue;
			case '"': sb_adds(o, "&quot;"); continue;
			case '\'': sb_adds(o, "&#39;"); continue;
			}
		} else if (fmt == DOC_MARKDOWN && strchr("\\`*_[]<>#|~&", c) && c) {
			sb_addc(o, '\\');
		}
		sb_addc(o, c);
	}
}

/* Appends s[0..n), one line of text from a file, for fmt. Control, bidi and
 * invisible format characters and bytes that are not UTF-8 become their
 * visible form (^[, <U+202E>, \xE9); a tab is a space. When s begins a line
 * (line_start), its leading blanks are dropped and, in Markdown, a start that
 * would begin a list, a heading or a rule is escaped. */
static void add_inline(strbuf *o, doc_format fmt, const char *s, size_t n, bool line_start)
{
	size_t i = 0;
	while (line_start && i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (fmt == DOC_MARKDOWN && line_start) {
		if (i < n && strchr("-+=", s[i]) && s[i]) {
			sb_addc(o, '\\');
		} else {
			size_t d = i;
			while (d < n && d - i < 9 && is_digit(s[d]))
				d++;
			if (d > i && d < n && (s[d] == '.' || s[d] == ')')) {
				sb_add(o, s + i, d - i);
				sb_addc(o, '\\');
				i = d;
			}
		}
	}
	while (i < n) {
		/* HTML: a web address in the text is a link, when it is a valid
		 * https:// address (http and others stay text); its end is the
		 * first blank, quote or character outside printable ASCII (a
		 * no-break space), punctuation after it is not part of it. */
		if (fmt == DOC_HTML && n - i > 8 && !strncmp(s + i, "https://", 8) &&
		    (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == '\t')) {
			size_t e = i;
			while (e < n && (unsigned char)s[e] > 0x20 && (unsigned char)s[e] < 0x7f && !strchr("\"'<>", s[e]))
				e++;
			while (e > i + 8 && strchr(".,;:!?)", s[e - 1]))
				e--;
			char *url = xstrndup(s + i, e - i);
			bool plain = utf8_invalid_offset(url, e - i) < 0;
			for (size_t c = 0; plain && c < e - i; c++)
				plain = (unsigned char)url[c] >= 0x20 && url[c] != 0x7f;
			if (plain && https_link_valid(url)) {
				strbuf h = STRBUF_INIT;
				add_lit(&h, DOC_HTML, url, e - i);
				sb_printf(o, "<a href=\"%s\">%s</a>", sb_str(&h), sb_str(&h));
				sb_done(&h);
				free(url);
				i = e;
				continue;
			}
			free(url);
		}
		uint32_t cp;
		char vis[16];
		const char *v = NULL;
		int k = utf8_decode(s + i, n - i, &cp);
		if (k <= 0) {
			snprintf(vis, sizeof vis, "\\x%02X", (unsigned char)s[i]);
			v = vis;
			k = 1;
		} else if (cp == '\t' || cp == '\n' || cp == '\r') {
			v = " ";
		} else if ((cp & 0xFFFEu) == 0xFFFEu || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
			snprintf(vis, sizeof vis, "<U+%04X>", (unsigned)cp); /* noncharacters */
			v = vis;
		} else {
			v = esc_cp(cp, 0, vis);
		}
		if (v)
			add_lit(o, fmt, v, strlen(v));
		else if (k == 1)
			add_lit(o, fmt, s + i, 1);
		else
			sb_add(o, s + i, (size_t)k);
		i += (size_t)k;
	}
}

static void add_inline_s(strbuf *o, doc_format fmt, const char *s)
{
	add_inline(o, fmt, s, strlen(s), false);
}

/* Text format: appends the (escaped) line to o wrapped at TEXT_WIDTH, the
 * first line after `first` (already counted as `indent` columns wide), the
 * others indented by `indent` spaces. */
static void wrap(strbuf *o, const char *first, const char *line, size_t indent)
{
	sb_adds(o, first);
	size_t col = indent, n = strlen(line), i = 0;
	bool any = false;
	while (i < n) {
		while (i < n && line[i] == ' ')
			i++;
		size_t w = i;
		while (w < n && line[w] != ' ')
			w++;
		if (w == i)
			break;
		size_t len = utf8_count(line + i, w - i);
		if (any && col + 1 + len > TEXT_WIDTH) {
			sb_addc(o, '\n');
			for (size_t k = 0; k < indent; k++)
				sb_addc(o, ' ');
			col = indent;
			any = false;
		}
		if (any) {
			sb_addc(o, ' ');
			col++;
		}
		sb_add(o, line + i, w - i);
		col += len;
		any = true;
		i = w;
	}
	sb_addc(o, '\n');
}

static void spaces(strbuf *o, size_t n)
{
	for (size_t k = 0; k < n; k++)
		sb_addc(o, ' ');
}

/* ---- blocks --------------------------------------------------------------- */

static void heading(doc *d, int level, const char *text)
{
	strbuf t = STRBUF_INIT;
	add_inline(&t, d->fmt, text, strlen(text), true);
	switch (d->fmt) {
	case DOC_MARKDOWN:
		for (int k = 0; k < level; k++)
			sb_addc(&d->b, '#');
		sb_printf(&d->b, " %s\n\n", sb_str(&t));
		break;
	case DOC_HTML:
		sb_printf(&d->b, "<h%d>%s</h%d>\n", level, sb_str(&t), level);
		break;
	case DOC_TEXT:
		if (level <= 3) { /* title between lines of =, sections over =, fields over - */
			size_t w = utf8_count(t.s ? t.s : "", t.len);
			for (int pass = level == 1 ? 0 : 1; pass < 2; pass++) {
				if (pass)
					sb_printf(&d->b, "%s\n", sb_str(&t));
				for (size_t k = 0; k < w; k++)
					sb_addc(&d->b, level == 3 ? '-' : '=');
				sb_addc(&d->b, '\n');
			}
			sb_addc(&d->b, '\n');
		} else {
			sb_printf(&d->b, "  %s:\n", sb_str(&t));
		}
		break;
	}
	sb_done(&t);
}

/* Text-format indent of body text under a heading. */
#define BODY 4

typedef struct span {
	const char *s;
	size_t n;
} span;

/* Splits text (s, n) into lines (LF, CR LF or CR), trailing blanks dropped. */
static size_t split_lines(const char *s, size_t n, span **out)
{
	size_t cap = 8, k = 0;
	span *v = xcalloc(cap, sizeof *v);
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '\n' && s[i] != '\r')
			continue;
		size_t e = i;
		while (e > start && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		if (k == cap)
			v = xrealloc(v, (cap *= 2) * sizeof *v);
		v[k++] = (span){ s + start, e - start };
		if (i < n && s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			i++;
		start = i + 1;
	}
	*out = v;
	return k;
}

static bool blank(span l)
{
	for (size_t i = 0; i < l.n; i++)
		if (l.s[i] != ' ' && l.s[i] != '\t')
			return false;
	return true;
}

/* A paragraph of lines (hard line breaks between them). */
static void paragraph(doc *d, const span *l, size_t n)
{
	if (!n)
		return;
	strbuf t = STRBUF_INIT;
	if (d->fmt == DOC_HTML)
		sb_adds(&d->b, "<p>");
	for (size_t i = 0; i < n; i++) {
		sb_reset(&t);
		add_inline(&t, d->fmt, l[i].s, l[i].n, true);
		bool last = i + 1 == n;
		switch (d->fmt) {
		case DOC_MARKDOWN:
			sb_add(&d->b, t.s ? t.s : "", t.len);
			sb_adds(&d->b, last ? "\n\n" : "\\\n");
			break;
		case DOC_HTML:
			sb_add(&d->b, t.s ? t.s : "", t.len);
			sb_adds(&d->b, last ? "</p>\n" : "<br>\n");
			break;
		case DOC_TEXT:
			spaces(&d->b, BODY);
			wrap(&d->b, "", sb_str(&t), BODY);
			if (last)
				sb_addc(&d->b, '\n');
			break;
		}
	}
	sb_done(&t);
}

/* A paragraph of one string written by us or from the standard (may hold
 * line breaks). */
static void para_s(doc *d, const char *s)
{
	span *l;
	size_t n = split_lines(s, strlen(s), &l);
	paragraph(d, l, n);
	free(l);
}

/* Plain text from a file: blank lines separate paragraphs. */
static void plain_text(doc *d, const char *s, size_t n)
{
	span *l;
	size_t nl = split_lines(s, n, &l);
	for (size_t i = 0; i < nl;) {
		while (i < nl && blank(l[i]))
			i++;
		size_t j = i;
		while (j < nl && !blank(l[j]))
			j++;
		paragraph(d, l + i, j - i);
		i = j;
	}
	free(l);
}

/* Lists: kind '-' bulleted, '1' numbered. */
static void list_open(doc *d, int kind)
{
	if (d->fmt == DOC_HTML)
		sb_adds(&d->b, kind == '1' ? "<ol>\n" : "<ul>\n");
}

static void list_close(doc *d, int kind)
{
	if (d->fmt == DOC_HTML)
		sb_adds(&d->b, kind == '1' ? "</ol>\n" : "</ul>\n");
	else
		sb_addc(&d->b, '\n');
}

/* One item of lines (continuation lines are line breaks in the item); the
 * html_extra (already HTML) is appended inside the item. */
static void list_item(doc *d, int kind, int no, const span *l, size_t n, const char *html_extra)
{
	strbuf t = STRBUF_INIT;
	char mark[16];
	if (kind == '1')
		snprintf(mark, sizeof mark, "%d. ", no);
	else
		snprintf(mark, sizeof mark, "- ");
	size_t ind = strlen(mark);
	if (d->fmt == DOC_HTML)
		sb_adds(&d->b, "<li>");
	for (size_t i = 0; i < n || i == 0; i++) {
		sb_reset(&t);
		if (n)
			add_inline(&t, d->fmt, l[i].s, l[i].n, true);
		bool last = i + 1 >= n;
		switch (d->fmt) {
		case DOC_MARKDOWN:
			if (i == 0)
				sb_adds(&d->b, mark);
			else
				spaces(&d->b, ind);
			sb_add(&d->b, t.s ? t.s : "", t.len);
			sb_adds(&d->b, last ? "\n" : "\\\n");
			break;
		case DOC_HTML:
			sb_add(&d->b, t.s ? t.s : "", t.len);
			if (!last)
				sb_adds(&d->b, "<br>");
			break;
		case DOC_TEXT: {
			char *first = xasprintf("%*s%s", BODY, "", i == 0 ? mark : "");
			if (i)
				spaces(&d->b, ind);
			wrap(&d->b, first, sb_str(&t), BODY + ind);
			free(first);
			break;
		}
		}
	}
	if (d->fmt == DOC_HTML)
		sb_printf(&d->b, "%s</li>\n", html_extra ? html_extra : "");
	sb_done(&t);
}

static void list_item_s(doc *d, int kind, int no, const char *s)
{
	span l = { s, strlen(s) };
	list_item(d, kind, no, &l, 1, NULL);
}

/* 0 for a text line, '-' for "- " and '1' for "1. ".."999. " (as the
 * exporter reads our rich text, forms/html.c); *skip the marker's length. */
static int item_kind(span l, size_t *skip)
{
	if (l.n >= 2 && l.s[0] == '-' && l.s[1] == ' ') {
		*skip = 2;
		return '-';
	}
	size_t k = 0;
	while (k < l.n && k < 4 && is_digit(l.s[k]))
		k++;
	if (k >= 1 && k <= 3 && l.n >= k + 2 && l.s[k] == '.' && l.s[k + 1] == ' ') {
		*skip = k + 2;
		return '1';
	}
	*skip = 0;
	return 0;
}

/* A line of backslashes before an item marker is text: the first backslash
 * only says so and is not shown. */
static size_t esc_skip(span l)
{
	size_t b = 0, skip;
	while (b < l.n && l.s[b] == '\\')
		b++;
	return b && item_kind((span){ l.s + b, l.n - b }, &skip) ? 1 : 0;
}

/* Our rich text (paragraphs, "- " and "1. " lists), read as the exporter
 * reads it, as the format's paragraphs and lists. */
static void rich_text(doc *d, const char *s, size_t n)
{
	span *l;
	size_t nl = split_lines(s, n, &l), skip;
	span *buf = xcalloc(nl ? nl : 1, sizeof *buf);
	size_t i = 0;
	while (i < nl) {
		if (blank(l[i])) {
			i++;
			continue;
		}
		if (!item_kind(l[i], &skip)) {
			size_t k = 0;
			while (i < nl && !blank(l[i]) && !item_kind(l[i], &skip)) {
				size_t e = esc_skip(l[i]);
				buf[k++] = (span){ l[i].s + e, l[i].n - e };
				i++;
			}
			paragraph(d, buf, k);
			continue;
		}
		int kind = item_kind(l[i], &skip), no = 0;
		list_open(d, kind);
		while (i < nl && !blank(l[i])) {
			int ik = item_kind(l[i], &skip);
			if (ik && ik != kind)
				break;
			size_t k = 0;
			buf[k++] = (span){ l[i].s + skip, l[i].n - skip };
			i++;
			while (i < nl && !blank(l[i]) && !item_kind(l[i], &skip)) {
				size_t e = esc_skip(l[i]);
				buf[k++] = (span){ l[i].s + e, l[i].n - e };
				i++;
			}
			list_item(d, kind, ++no, buf, k, NULL);
		}
		list_close(d, kind);
	}
	free(buf);
	free(l);
}

/* "Label: value" on one line; the value is text from a file. */
static void labelled(doc *d, const char *label, const char *value)
{
	strbuf a = STRBUF_INIT, v = STRBUF_INIT;
	add_inline_s(&a, d->fmt, label);
	add_inline_s(&v, d->fmt, value);
	switch (d->fmt) {
	case DOC_MARKDOWN:
		sb_printf(&d->b, "**%s:** %s\n\n", sb_str(&a), sb_str(&v));
		break;
	case DOC_HTML:
		sb_printf(&d->b, "<p><strong>%s:</strong> %s</p>\n", sb_str(&a), sb_str(&v));
		break;
	case DOC_TEXT: {
		char *line = xasprintf("%s: %s", sb_str(&a), sb_str(&v));
		spaces(&d->b, BODY);
		wrap(&d->b, "", line, BODY + 2);
		free(line);
		break;
	}
	}
	sb_done(&a);
	sb_done(&v);
}

/* A remark of ours in italics ("Not filled in."). */
static void remark(doc *d, const char *s)
{
	strbuf t = STRBUF_INIT;
	add_inline_s(&t, d->fmt, s);
	switch (d->fmt) {
	case DOC_MARKDOWN:
		sb_printf(&d->b, "*%s*\n\n", sb_str(&t));
		break;
	case DOC_HTML:
		sb_printf(&d->b, "<p class=\"remark\"><em>%s</em></p>\n", sb_str(&t));
		break;
	case DOC_TEXT:
		spaces(&d->b, BODY);
		wrap(&d->b, "", sb_str(&t), BODY);
		sb_addc(&d->b, '\n');
		break;
	}
	sb_done(&t);
}

static void doc_begin(doc *d, doc_format fmt, int lang, const char *title)
{
	sb_init(&d->b);
	d->fmt = fmt;
	d->lang = lang;
	if (fmt != DOC_HTML)
		return;
	strbuf t = STRBUF_INIT;
	add_inline_s(&t, fmt, title);
	sb_printf(&d->b,
	          "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	          "<title>%s</title>\n<style>\n"
	          "body { font-family: sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }\n"
	          "h1, h2 { border-bottom: 1px solid #999; }\n"
	          ".remark { color: #555; }\n"
	          "@media print { body { max-width: none; margin: 0; } }\n"
	          "</style>\n</head>\n<body>\n",
	          lang == LANG_NL ? "nl" : "en", sb_str(&t));
	sb_done(&t);
}

static char *doc_end(doc *d)
{
	if (d->fmt == DOC_HTML)
		sb_adds(&d->b, "</body>\n</html>\n");
	return sb_take(&d->b);
}

/* ---- descriptions ---------------------------------------------------------- */

static bool scalar(const ynode *n)
{
	return n && (n->type == Y_STR || n->type == Y_NUM || n->type == Y_BOOL);
}

static bool empty_value(const ynode *n)
{
	if (!n || n->type == Y_NULL)
		return true;
	if (n->type == Y_SEQ || n->type == Y_MAP)
		return n->n == 0;
	span l = { n->str ? n->str : "", n->str ? n->len : 0 };
	for (size_t i = 0; i < l.n; i++)
		if (l.s[i] != ' ' && l.s[i] != '\t' && l.s[i] != '\n' && l.s[i] != '\r')
			return false;
	return true;
}

static const char *item_str(const ynode *it, const char *key)
{
	if (!it || it->type != Y_MAP)
		return NULL;
	for (size_t i = 0; i < it->n; i++)
		if (!strcmp(it->keys[i], key) && scalar(it->kids[i]))
			return it->kids[i]->str;
	return NULL;
}

/* One {title, link} item: the title, then the link (a real link in HTML only
 * when it is a valid https:// address). */
static void link_item(doc *d, const ynode *it)
{
	const char *title = item_str(it, "title"), *link = item_str(it, "link");
	if (!title && !link) {
		list_item_s(d, '-', 0, _("(an item that is not a title and a link)"));
		return;
	}
	char *line = xasprintf("%s%s%s", title ? title : "", title && link ? " \xe2\x80\x93 " : "", link ? link : "");
	if (d->fmt == DOC_HTML && link && https_link_valid(link) && !strpbrk(link, "\"'<> \t\r\n")) {
		strbuf t = STRBUF_INIT, h = STRBUF_INIT;
		add_inline_s(&t, DOC_HTML, title ? title : link);
		/* Escaped as is: add_inline would make it a link inside the link. */
		add_lit(&h, DOC_HTML, link, strlen(link));
		sb_printf(&d->b, "<li>%s%s<a href=\"%s\">%s</a></li>\n", title ? sb_str(&t) : "", title ? " \xe2\x80\x93 " : "",
		          sb_str(&h), sb_str(&h));
		sb_done(&t);
		sb_done(&h);
	} else {
		list_item_s(d, '-', 0, line);
	}
	free(line);
}

static void field_value(doc *d, const std_field *f, const ynode *n)
{
	if (empty_value(n)) {
		remark(d, _("Not filled in."));
		return;
	}
	if (scalar(n)) {
		if (f->kind == FK_RICH)
			rich_text(d, n->str, n->len);
		else
			plain_text(d, n->str, n->len);
		return;
	}
	if (n->type == Y_MAP) {
		remark(d, _("This value is not text; check the description with algedit check."));
		return;
	}
	list_open(d, '-');
	for (size_t i = 0; i < n->n; i++) {
		const ynode *k = n->kids[i];
		if (f->kind == FK_ITEMS)
			link_item(d, k);
		else if (scalar(k))
			list_item_s(d, '-', 0, k->str);
		else
			list_item_s(d, '-', 0, _("(a value that is not text)"));
	}
	list_close(d, '-');
}

static const char *entry_title(const standard *std, const doc_entry *e)
{
	const std_field *nf = standard_field(std, "name");
	const char *name = nf ? desc_text(e->d, nf) : NULL;
	if (name && *name)
		return name;
	return e->name && *e->name ? e->name : _("(no name)");
}

/* REVIEW STATE: where the state of each description's review (concept, ter
 * review, goedgekeurd, gepubliceerd) is shown, once the caller fills in
 * doc_entry.review_state. Nothing is shown without it. */
static void review_state(doc *d, const doc_entry *e)
{
	if (e->review_state && *e->review_state)
		labelled(d, _("Review state"), e->review_state);
}

char *doc_descriptions(const standard *std, const doc_entry *v, size_t n, doc_format fmt, int lang)
{
	doc d;
	const char *title = n == 1 ? entry_title(std, &v[0]) : _("Algorithm descriptions");
	doc_begin(&d, fmt, lang, title);
	heading(&d, 1, title);
	int top = n == 1 ? 1 : 2;
	if (n != 1) {
		char *s = xasprintf(P_("%zu description, by the sections of publication standard %s of the Algorithm Register.",
		                       "%zu descriptions, by the sections of publication standard %s of the Algorithm Register.", n),
		                    n, std->version);
		para_s(&d, s);
		free(s);
	}
	for (size_t i = 0; i < n; i++) {
		const doc_entry *e = &v[i];
		if (n != 1)
			heading(&d, top, entry_title(std, e));
		if (e->name)
			labelled(&d, _("File"), e->name);
		review_state(&d, e);
		/* The register's completeness score, as its editor shows it. */
		completeness c;
		completeness_compute(e->d, &c);
		char *score = xasprintf(_("%d%% (the register's score)"), c.score);
		labelled(&d, _("Completeness"), score);
		free(score);
		for (size_t s = 0; s < std->nsections; s++) {
			const std_section *sec = &std->sections[s];
			heading(&d, top + 1, sec->label[lang]);
			for (size_t j = 0; j < sec->count; j++) {
				const std_field *f = &std->fields[sec->first + j];
				heading(&d, top + 2, f->label[lang]);
				field_value(&d, f, desc_get(e->d, f));
			}
		}
	}
	return doc_end(&d);
}

/* ---- the standard ---------------------------------------------------------- */

/* A field's kind in words, for handouts and algedit standard's list. */
const char *doc_kind_label(field_kind k)
{
	switch (k) {
	case FK_TEXT: return _("text");
	case FK_RICH: return _("long text");
	case FK_CHOICE: return _("one choice");
	case FK_MULTI: return _("several choices");
	case FK_MONTH: return _("month (YYYY-MM)");
	case FK_LINK: return _("web address");
	case FK_CONTACT: return _("e-mail or web address");
	case FK_ITEMS: return _("list of title + link");
	}
	return "";
}

/* The documented rules of a field, as forms/rules.c applies them. */
static size_t field_rules(const std_field *f, const char *out[8])
{
	size_t n = 0;
	switch (f->kind) {
	case FK_TEXT:
		out[n++] = _("One line of text, without line breaks or invisible control characters.");
		break;
	case FK_RICH:
		out[n++] = _("Paragraphs separated by a blank line; lines that start with \"- \" or \"1. \" become a list.");
		break;
	case FK_CHOICE:
		out[n++] = _("Exactly one of the values above, spelled as listed (capitals too).");
		break;
	case FK_MULTI:
		out[n++] = _("A list of one or more of the values above, each once, spelled as listed.");
		break;
	case FK_MONTH:
		out[n++] = _("Year and month as YYYY-MM, for example 2024-03.");
		break;
	case FK_LINK:
		out[n++] = _("A full web address that starts with https://.");
		break;
	case FK_CONTACT:
		out[n++] = _("An e-mail address (name@organisation.nl) or a web address that starts with https://; "
		             "preferably a team mailbox rather than a person's address.");
		break;
	case FK_ITEMS:
		out[n++] = _("Every item has a title and a link; the link is a full web address that starts with https://.");
		break;
	}
	if (!strcmp(f->key, "end_date"))
		out[n++] = _("Only for an algorithm with status \"Buiten gebruik\", and not before the start date.");
	if (!strcmp(f->key, "status"))
		out[n++] = _("With status \"Buiten gebruik\", fill in the end date too.");
	return n;
}

static void std_field_doc(doc *d, const std_field *f)
{
	heading(d, 3, f->label[d->lang]);
	labelled(d, _("Key in the register's API"), f->key);
	labelled(d, _("Kind"), doc_kind_label(f->kind));
	labelled(d, _("Required"), f->required ? _("yes, the register refuses a description without it") : _("no"));
	if (f->max_length) {
		char *s = xasprintf(_("at most %d characters, as the register counts them"), f->max_length);
		labelled(d, _("Length"), s);
		free(s);
	}
	if (f->show_always)
		para_s(d, _("The register always shows this field, also when it is empty."));
	if (f->nvalues) {
		heading(d, 4, _("Values"));
		list_open(d, '-');
		for (size_t i = 0; i < f->nvalues; i++)
			list_item_s(d, '-', 0, f->values[i]);
		list_close(d, '-');
	}
	if (f->nitems) {
		heading(d, 4, _("Each item has"));
		list_open(d, '-');
		for (size_t i = 0; i < f->nitems; i++) {
			const std_subfield *sf = &f->items[i];
			char *lim = sf->max_length ? xasprintf(_(", at most %d characters"), sf->max_length) : xstrdup("");
			char *s = xasprintf("%s: %s%s%s", sf->label[d->lang], doc_kind_label(sf->kind),
			                    sf->required ? _(", required") : "", lim);
			list_item_s(d, '-', 0, s);
			free(s);
			free(lim);
		}
		list_close(d, '-');
	}
	const char *rules[8];
	size_t nr = field_rules(f, rules);
	heading(d, 4, _("Rules"));
	list_open(d, '-');
	for (size_t i = 0; i < nr; i++)
		list_item_s(d, '-', 0, rules[i]);
	list_close(d, '-');
	const std_guidance *g = &f->guide[d->lang];
	if (g->what && *g->what) {
		heading(d, 4, _("What to write"));
		para_s(d, g->what);
	}
	if (g->ntips) {
		heading(d, 4, _("Tips"));
		list_open(d, '-');
		for (size_t i = 0; i < g->ntips; i++)
			list_item_s(d, '-', 0, g->tips[i]);
		list_close(d, '-');
	}
	if (g->example && *g->example) {
		heading(d, 4, _("Example"));
		if (f->kind == FK_RICH)
			rich_text(d, g->example, strlen(g->example));
		else
			plain_text(d, g->example, strlen(g->example));
	}
}

char *doc_standard(const standard *std, doc_format fmt, int lang)
{
	doc d;
	char *title = xasprintf(_("Publication standard %s of the Algorithm Register"), std->version);
	doc_begin(&d, fmt, lang, title);
	heading(&d, 1, title);
	free(title);
	char *intro = xasprintf(P_("The %zu field of the standard, section by section: what the register requires, "
	                           "the rules a value must follow, and guidance on what to write, with an example.",
	                           "The %zu fields of the standard, section by section: what the register requires, "
	                           "the rules a value must follow, and guidance on what to write, with an example.",
	                           std->nfields),
	                        std->nfields);
	para_s(&d, intro);
	free(intro);
	for (size_t s = 0; s < std->nsections; s++) {
		const std_section *sec = &std->sections[s];
		heading(&d, 2, sec->label[lang]);
		for (size_t j = 0; j < sec->count; j++)
			std_field_doc(&d, &std->fields[sec->first + j]);
	}
	return doc_end(&d);
}
