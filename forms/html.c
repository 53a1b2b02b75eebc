/* forms/html: a model of the register's HTML handling, and our rich text <-> HTML.
 *
 * The register parses every value with lxml (libxml2's HTML parser, in the
 * version that keeps "&amp" without ';' literally), counts the joined text of
 * the parse, keeps that text for plain fields and runs lxml's Cleaner over rich
 * fields. The counter in the editor must agree with it character for
 * character, so this file rebuilds the parts of that parser that change the
 * text: implied html/body/p elements, elements that close others, void
 * elements, script/style raw text, comments, entities, dropped characters.
 * The same tree serves the import of register HTML into our rich text. */
#include "config.h"
#include "forms/html.h"
#include "base/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* libxml2 stops a document that nests deeper than this (without its "huge"
 * option), which also bounds every recursion below. */
#define HTML_MAX_DEPTH 256
/* libxml2 hands text to the tree in chunks of this many bytes; whether a
 * chunk is blank decides whether it may open an implied paragraph. */
#define HTML_TEXT_CHUNK 1000

/* ---- the tree ---------------------------------------------------------- */

enum hkind { HN_DOC, HN_ELEM, HN_TEXT, HN_OTHER /* comment or PI: never text */ };

typedef struct hnode hnode;
struct hnode {
	enum hkind kind;
	char *name;   /* elements: lower-case tag name */
	strbuf text;  /* text nodes */
	hnode *parent, *first, *last, *prev, *next;
};

static hnode *hnode_new(enum hkind kind, const char *name)
{
	hnode *n = xcalloc(1, sizeof *n);
	n->kind = kind;
	n->name = name ? xstrdup(name) : NULL;
	sb_init(&n->text);
	return n;
}

static void hnode_append(hnode *parent, hnode *child)
{
	child->parent = parent;
	child->prev = parent->last;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
}

static void hnode_free(hnode **pp)
{
	hnode *n = *pp;
	if (!n)
		return;
	hnode *c = n->first;
	while (c) {
		hnode *next = c->next;
		hnode_free(&c);
		c = next;
	}
	free(n->name);
	sb_done(&n->text);
	xfree(pp);
}

static bool is_name(const hnode *n, const char *name)
{
	return n && n->kind == HN_ELEM && strcmp(n->name, name) == 0;
}

/* The document's root element: the first element at the top. */
static hnode *hdoc_root(const hnode *doc)
{
	for (hnode *c = doc->first; c; c = c->next)
		if (c->kind == HN_ELEM)
			return c;
	return NULL;
}

/* ---- facts about tags (libxml2's tables) -------------------------------- */

static bool word_in(const char *list, const char *word)
{
	char needle[40];
	size_t n = strlen(word);
	if (n + 3 > sizeof needle)
		return false;
	needle[0] = ' ';
	memcpy(needle + 1, word, n);
	needle[n + 1] = ' ';
	needle[n + 2] = '\0';
	return strstr(list, needle) != NULL;
}

#define HEADINGS " h1 h2 h3 h4 h5 h6"
#define FONTSTYLE " tt i b u s strike big small"
/* Which open element a new start tag closes first (libxml2's htmlStartClose). */
static const struct {
	const char *tag;
	const char *closes;
} start_close[] = {
	{ "form", " form p hr" HEADINGS " dl ul ol menu dir address pre listing xmp head " },
	{ "head", " p " },
	{ "title", " p " },
	{ "body", " head style script title p " },
	{ "frameset", " head style script title p " },
	{ "li", " p" HEADINGS " dl address pre listing xmp head li " },
	{ "hr", " p head " },
	{ "h1", " p head h2 h3 h4 h5 h6 " },
	{ "h2", " p head h1 h3 h4 h5 h6 " },
	{ "h3", " p head h1 h2 h4 h5 h6 " },
	{ "h4", " p head h1 h2 h3 h5 h6 " },
	{ "h5", " p head h1 h2 h3 h4 h6 " },
	{ "h6", " p head h1 h2 h3 h4 h5 " },
	{ "dir", " p head " },
	{ "address", " p head ul " },
	{ "pre", " p head ul " },
	{ "listing", " p head " },
	{ "xmp", " p " },
	{ "blockquote", " p head " },
	{ "dl", " p dt menu dir address pre listing xmp head " },
	{ "dt", " p menu dir address pre listing xmp head dd " },
	{ "dd", " p menu dir address pre listing xmp head dt " },
	{ "ul", " p head ol menu dir address pre listing xmp " },
	{ "ol", " p head ul " },
	{ "menu", " p head ul " },
	{ "p", " p head" HEADINGS FONTSTYLE " " },
	{ "div", " p head " },
	{ "noscript", " script " },
	{ "center", " font b i p head " },
	{ "a", " a head " },
	{ "caption", " p " },
	{ "colgroup", " caption colgroup col p " },
	{ "col", " caption col p " },
	{ "table", " p head" HEADINGS " pre listing xmp a " },
	{ "th", " th td p span font a b i u " },
	{ "td", " th td p span font a b i u " },
	{ "tr", " th td tr caption col colgroup p " },
	{ "thead", " caption col colgroup " },
	{ "tfoot", " th td tr caption col colgroup thead tbody p " },
	{ "tbody", " th td tr caption col colgroup thead tfoot tbody p " },
	{ "optgroup", " option " },
	{ "option", " option " },
	{ "fieldset", " legend p head" HEADINGS " pre listing xmp a " },
};
/* Inline elements only close an open head. */
static const char closes_head[] = " tt i b u s strike big small em strong dfn code samp kbd var cite "
				  "abbr acronym img font br map q sub sup span bdo iframe ";

static bool start_closes(const char *newtag, const char *old)
{
	for (size_t i = 0; i < sizeof start_close / sizeof start_close[0]; i++)
		if (strcmp(start_close[i].tag, newtag) == 0)
			return word_in(start_close[i].closes, old);
	return strcmp(old, "head") == 0 && word_in(closes_head, newtag);
}

/* A misplaced end tag only closes elements of lower or equal priority. */
static int end_priority(const char *tag)
{
	static const struct {
		const char *tag;
		int prio;
	} t[] = { { "div", 150 }, { "td", 160 }, { "th", 160 }, { "tr", 170 }, { "thead", 180 },
		  { "tbody", 180 }, { "tfoot", 180 }, { "table", 190 }, { "head", 200 },
		  { "body", 200 }, { "html", 220 } };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(t[i].tag, tag) == 0)
			return t[i].prio;
	return 100;
}

static bool is_void(const char *tag)
{
	return word_in(" area base basefont br col frame hr img input isindex link meta param ", tag);
}

static bool is_raw_text(const char *tag)
{
	return tag && (strcmp(tag, "script") == 0 || strcmp(tag, "style") == 0);
}

/* HTML 4 entities (libxml2's table: Python's html.entities plus apos), sorted. */
static const struct entity {
	const char *name;
	uint32_t cp;
} entities[] = {
	{ "AElig", 0xC6 }, { "Aacute", 0xC1 }, { "Acirc", 0xC2 }, { "Agrave", 0xC0 },
	{ "Alpha", 0x391 }, { "Aring", 0xC5 }, { "Atilde", 0xC3 }, { "Auml", 0xC4 },
	{ "Beta", 0x392 }, { "Ccedil", 0xC7 }, { "Chi", 0x3A7 }, { "Dagger", 0x2021 },
	{ "Delta", 0x394 }, { "ETH", 0xD0 }, { "Eacute", 0xC9 }, { "Ecirc", 0xCA },
	{ "Egrave", 0xC8 }, { "Epsilon", 0x395 }, { "Eta", 0x397 }, { "Euml", 0xCB },
	{ "Gamma", 0x393 }, { "Iacute", 0xCD }, { "Icirc", 0xCE }, { "Igrave", 0xCC },
	{ "Iota", 0x399 }, { "Iuml", 0xCF }, { "Kappa", 0x39A }, { "Lambda", 0x39B }, { "Mu", 0x39C },
	{ "Ntilde", 0xD1 }, { "Nu", 0x39D }, { "OElig", 0x152 }, { "Oacute", 0xD3 },
	{ "Ocirc", 0xD4 }, { "Ograve", 0xD2 }, { "Omega", 0x3A9 }, { "Omicron", 0x39F },
	{ "Oslash", 0xD8 }, { "Otilde", 0xD5 }, { "Ouml", 0xD6 }, { "Phi", 0x3A6 }, { "Pi", 0x3A0 },
	{ "Prime", 0x2033 }, { "Psi", 0x3A8 }, { "Rho", 0x3A1 }, { "Scaron", 0x160 },
	{ "Sigma", 0x3A3 }, { "THORN", 0xDE }, { "Tau", 0x3A4 }, { "Theta", 0x398 },
	{ "Uacute", 0xDA }, { "Ucirc", 0xDB }, { "Ugrave", 0xD9 }, { "Upsilon", 0x3A5 },
	{ "Uuml", 0xDC }, { "Xi", 0x39E }, { "Yacute", 0xDD }, { "Yuml", 0x178 }, { "Zeta", 0x396 },
	{ "aacute", 0xE1 }, { "acirc", 0xE2 }, { "acute", 0xB4 }, { "aelig", 0xE6 },
	{ "agrave", 0xE0 }, { "alefsym", 0x2135 }, { "alpha", 0x3B1 }, { "amp", 0x26 },
	{ "and", 0x2227 }, { "ang", 0x2220 }, { "apos", 0x27 }, { "aring", 0xE5 },
	{ "asymp", 0x2248 }, { "atilde", 0xE3 }, { "auml", 0xE4 }, { "bdquo", 0x201E },
	{ "beta", 0x3B2 }, { "brvbar", 0xA6 }, { "bull", 0x2022 }, { "cap", 0x2229 },
	{ "ccedil", 0xE7 }, { "cedil", 0xB8 }, { "cent", 0xA2 }, { "chi", 0x3C7 }, { "circ", 0x2C6 },
	{ "clubs", 0x2663 }, { "cong", 0x2245 }, { "copy", 0xA9 }, { "crarr", 0x21B5 },
	{ "cup", 0x222A }, { "curren", 0xA4 }, { "dArr", 0x21D3 }, { "dagger", 0x2020 },
	{ "darr", 0x2193 }, { "deg", 0xB0 }, { "delta", 0x3B4 }, { "diams", 0x2666 },
	{ "divide", 0xF7 }, { "eacute", 0xE9 }, { "ecirc", 0xEA }, { "egrave", 0xE8 },
	{ "empty", 0x2205 }, { "emsp", 0x2003 }, { "ensp", 0x2002 }, { "epsilon", 0x3B5 },
	{ "equiv", 0x2261 }, { "eta", 0x3B7 }, { "eth", 0xF0 }, { "euml", 0xEB }, { "euro", 0x20AC },
	{ "exist", 0x2203 }, { "fnof", 0x192 }, { "forall", 0x2200 }, { "frac12", 0xBD },
	{ "frac14", 0xBC }, { "frac34", 0xBE }, { "frasl", 0x2044 }, { "gamma", 0x3B3 },
	{ "ge", 0x2265 }, { "gt", 0x3E }, { "hArr", 0x21D4 }, { "harr", 0x2194 },
	{ "hearts", 0x2665 }, { "hellip", 0x2026 }, { "iacute", 0xED }, { "icirc", 0xEE },
	{ "iexcl", 0xA1 }, { "igrave", 0xEC }, { "image", 0x2111 }, { "infin", 0x221E },
	{ "int", 0x222B }, { "iota", 0x3B9 }, { "iquest", 0xBF }, { "isin", 0x2208 },
	{ "iuml", 0xEF }, { "kappa", 0x3BA }, { "lArr", 0x21D0 }, { "lambda", 0x3BB },
	{ "lang", 0x2329 }, { "laquo", 0xAB }, { "larr", 0x2190 }, { "lceil", 0x2308 },
	{ "ldquo", 0x201C }, { "le", 0x2264 }, { "lfloor", 0x230A }, { "lowast", 0x2217 },
	{ "loz", 0x25CA }, { "lrm", 0x200E }, { "lsaquo", 0x2039 }, { "lsquo", 0x2018 },
	{ "lt", 0x3C }, { "macr", 0xAF }, { "mdash", 0x2014 }, { "micro", 0xB5 }, { "middot", 0xB7 },
	{ "minus", 0x2212 }, { "mu", 0x3BC }, { "nabla", 0x2207 }, { "nbsp", 0xA0 },
	{ "ndash", 0x2013 }, { "ne", 0x2260 }, { "ni", 0x220B }, { "not", 0xAC }, { "notin", 0x2209 },
	{ "nsub", 0x2284 }, { "ntilde", 0xF1 }, { "nu", 0x3BD }, { "oacute", 0xF3 },
	{ "ocirc", 0xF4 }, { "oelig", 0x153 }, { "ograve", 0xF2 }, { "oline", 0x203E },
	{ "omega", 0x3C9 }, { "omicron", 0x3BF }, { "oplus", 0x2295 }, { "or", 0x2228 },
	{ "ordf", 0xAA }, { "ordm", 0xBA }, { "oslash", 0xF8 }, { "otilde", 0xF5 },
	{ "otimes", 0x2297 }, { "ouml", 0xF6 }, { "para", 0xB6 }, { "part", 0x2202 },
	{ "permil", 0x2030 }, { "perp", 0x22A5 }, { "phi", 0x3C6 }, { "pi", 0x3C0 }, { "piv", 0x3D6 },
	{ "plusmn", 0xB1 }, { "pound", 0xA3 }, { "prime", 0x2032 }, { "prod", 0x220F },
	{ "prop", 0x221D }, { "psi", 0x3C8 }, { "quot", 0x22 }, { "rArr", 0x21D2 },
	{ "radic", 0x221A }, { "rang", 0x232A }, { "raquo", 0xBB }, { "rarr", 0x2192 },
	{ "rceil", 0x2309 }, { "rdquo", 0x201D }, { "real", 0x211C }, { "reg", 0xAE },
	{ "rfloor", 0x230B }, { "rho", 0x3C1 }, { "rlm", 0x200F }, { "rsaquo", 0x203A },
	{ "rsquo", 0x2019 }, { "sbquo", 0x201A }, { "scaron", 0x161 }, { "sdot", 0x22C5 },
	{ "sect", 0xA7 }, { "shy", 0xAD }, { "sigma", 0x3C3 }, { "sigmaf", 0x3C2 }, { "sim", 0x223C },
	{ "spades", 0x2660 }, { "sub", 0x2282 }, { "sube", 0x2286 }, { "sum", 0x2211 },
	{ "sup", 0x2283 }, { "sup1", 0xB9 }, { "sup2", 0xB2 }, { "sup3", 0xB3 }, { "supe", 0x2287 },
	{ "szlig", 0xDF }, { "tau", 0x3C4 }, { "there4", 0x2234 }, { "theta", 0x3B8 },
	{ "thetasym", 0x3D1 }, { "thinsp", 0x2009 }, { "thorn", 0xFE }, { "tilde", 0x2DC },
	{ "times", 0xD7 }, { "trade", 0x2122 }, { "uArr", 0x21D1 }, { "uacute", 0xFA },
	{ "uarr", 0x2191 }, { "ucirc", 0xFB }, { "ugrave", 0xF9 }, { "uml", 0xA8 },
	{ "upsih", 0x3D2 }, { "upsilon", 0x3C5 }, { "uuml", 0xFC }, { "weierp", 0x2118 },
	{ "xi", 0x3BE }, { "yacute", 0xFD }, { "yen", 0xA5 }, { "yuml", 0xFF }, { "zeta", 0x3B6 },
	{ "zwj", 0x200D }, { "zwnj", 0x200C }
};

static int entity_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct entity *)elem)->name);
}

static uint32_t entity_lookup(const char *name)
{
	const struct entity *e = bsearch(name, entities, sizeof entities / sizeof entities[0],
					 sizeof entities[0], entity_cmp);
	return e ? e->cp : 0;
}

/* Characters an XML tree can hold; the parser drops the others from text. */
static bool is_xml_char(uint32_t c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* Python's str.isspace(), which the register uses to pass blank values through. */
static bool is_py_space(uint32_t c)
{
	return (c >= 0x9 && c <= 0xD) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
	       c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool py_blank(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t c;
		int l = utf8_decode(s + i, n - i, &c);
		if (l <= 0 || !is_py_space(c))
			return false;
		i += (size_t)l;
	}
	return true;
}

static bool is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* ---- the parser (libxml2's legacy HTML parser, as far as text goes) ------ */

typedef struct {
	const char *s;
	size_t n, i;
	hnode *doc;
	hnode *open[HTML_MAX_DEPTH + 1];
	size_t nopen;
	int seen;  /* 3 once a head was opened, 10 once a body was (ctxt->html) */
	int depth; /* discarded html/head/body start tags still to match */
	bool halted;
} hparser;

static int at(const hparser *p, size_t k)
{
	return p->i + k < p->n ? (unsigned char)p->s[p->i + k] : 0;
}

static bool at_end(const hparser *p)
{
	return p->halted || p->i >= p->n;
}

static void skip_blanks(hparser *p)
{
	while (p->i < p->n && is_blank(at(p, 0)))
		p->i++;
}

static const char *top_name(const hparser *p)
{
	return p->nopen ? p->open[p->nopen - 1]->name : NULL;
}

static hnode *cur_node(const hparser *p)
{
	return p->nopen ? p->open[p->nopen - 1] : NULL;
}

static void push_elem(hparser *p, const char *name)
{
	if (p->nopen >= HTML_MAX_DEPTH) {
		p->halted = true; /* "Excessive depth in document" */
		return;
	}
	if (strcmp(name, "head") == 0 && p->seen < 3)
		p->seen = 3;
	if (strcmp(name, "body") == 0 && p->seen < 10)
		p->seen = 10;
	hnode *e = hnode_new(HN_ELEM, name);
	hnode_append(p->nopen ? cur_node(p) : p->doc, e);
	p->open[p->nopen++] = e;
}

static void pop_elem(hparser *p)
{
	if (p->nopen)
		p->nopen--;
}

/* Text goes to the open element, joining a text node right before it; with
 * nothing open it is lost (that is why leading blanks never count). */
static void add_text(hparser *p, const char *s, size_t n)
{
	hnode *cur = cur_node(p);
	if (!cur || n == 0 || p->halted)
		return;
	if (!cur->last || cur->last->kind != HN_TEXT)
		hnode_append(cur, hnode_new(HN_TEXT, NULL));
	sb_add(&cur->last->text, s, n);
}

static void add_other(hparser *p)
{
	if (p->halted)
		return;
	hnode_append(p->nopen ? cur_node(p) : p->doc, hnode_new(HN_OTHER, NULL));
}

static void auto_close(hparser *p, const char *newtag)
{
	while (p->nopen && start_closes(newtag, top_name(p)))
		pop_elem(p);
}

static bool open_has(const hparser *p, const char *name)
{
	for (size_t k = 0; k < p->nopen; k++)
		if (strcmp(p->open[k]->name, name) == 0)
			return true;
	return false;
}

static void check_implied(hparser *p, const char *newtag)
{
	if (strcmp(newtag, "html") == 0)
		return;
	if (p->nopen == 0)
		push_elem(p, "html");
	if (strcmp(newtag, "body") == 0 || strcmp(newtag, "head") == 0)
		return;
	if (p->nopen <= 1 && word_in(" script style meta link title base ", newtag)) {
		if (p->seen >= 3)
			return;
		push_elem(p, "head");
	} else if (!word_in(" noframes frame frameset ", newtag)) {
		if (p->seen >= 10 || open_has(p, "body") || open_has(p, "head"))
			return;
		push_elem(p, "body");
	}
}

/* Text outside any element, or in html or head, opens an implied <p>. */
static void check_paragraph(hparser *p)
{
	const char *tag = top_name(p);
	if (tag && strcmp(tag, "html") != 0 && strcmp(tag, "head") != 0)
		return;
	auto_close(p, "p");
	check_implied(p, "p");
	push_elem(p, "p");
}

static void emit_chunk(hparser *p, const char *buf, size_t n)
{
	if (n == 0)
		return;
	bool blank = true;
	for (size_t k = 0; k < n && blank; k++)
		blank = is_blank((unsigned char)buf[k]);
	/* libxml2's areBlanks(): a blank chunk before a tag or the end never
	 * opens a paragraph (where it could, the only cases that matter). */
	if (!(blank && (at_end(p) || at(p, 0) == '<')))
		check_paragraph(p);
	add_text(p, buf, n);
}

/* Character data up to the next '<' or '&'. Characters an XML tree cannot
 * hold are dropped, NUL becomes a space. */
static void parse_char_data(hparser *p)
{
	char buf[HTML_TEXT_CHUNK + 8];
	size_t nb = 0;
	while (p->i < p->n) {
		int c0 = at(p, 0);
		if (c0 == '<' || c0 == '&')
			break;
		uint32_t c;
		int l = utf8_decode(p->s + p->i, p->n - p->i, &c);
		if (l <= 0) { /* not UTF-8: keep the byte, never stall */
			l = 1;
			c = 0xFFFD;
			buf[nb++] = p->s[p->i];
		} else if (c == 0) {
			buf[nb++] = ' ';
		} else if (is_xml_char(c)) {
			memcpy(buf + nb, p->s + p->i, (size_t)l);
			nb += (size_t)l;
		}
		p->i += (size_t)l;
		if (nb >= HTML_TEXT_CHUNK) {
			emit_chunk(p, buf, nb);
			nb = 0;
		}
	}
	emit_chunk(p, buf, nb);
}

/* Contents of script and style, up to "</" and the element's own name. */
static void parse_raw_text(hparser *p)
{
	const char *name = top_name(p);
	size_t nl = strlen(name);
	strbuf b = STRBUF_INIT;
	while (p->i < p->n) {
		if (at(p, 0) == '<' && at(p, 1) == '/' && p->n - p->i - 2 >= nl &&
		    strncasecmp(p->s + p->i + 2, name, nl) == 0)
			break;
		uint32_t c;
		int l = utf8_decode(p->s + p->i, p->n - p->i, &c);
		if (l <= 0) {
			l = 1;
			sb_addc(&b, p->s[p->i]);
		} else if (c == 0) {
			sb_addc(&b, ' ');
		} else if (is_xml_char(c)) {
			sb_add(&b, p->s + p->i, (size_t)l);
		}
		p->i += (size_t)l;
	}
	add_text(p, b.s, b.len);
	sb_done(&b);
}

/* &name; &#NNN; &#xHH; — a known entity needs its ';', an unknown one (and
 * the ';' after it) stays as written. */
static void parse_reference(hparser *p)
{
	char out[8];
	uint32_t cp = 0;
	if (at(p, 1) == '#') {
		bool hex = at(p, 2) == 'x' || at(p, 2) == 'X';
		p->i += hex ? 3 : 2;
		uint32_t val = 0;
		while (p->i < p->n && at(p, 0) != ';') {
			int c = at(p, 0);
			int d;
			if (is_digit(c))
				d = c - '0';
			else if (hex && c >= 'a' && c <= 'f')
				d = c - 'a' + 10;
			else if (hex && c >= 'A' && c <= 'F')
				d = c - 'A' + 10;
			else
				break;
			if (val < 0x110000)
				val = val * (hex ? 16 : 10) + (uint32_t)d;
			p->i++;
		}
		if (at(p, 0) == ';' && p->i < p->n)
			p->i++;
		if (!is_xml_char(val))
			return; /* invalid references vanish */
		cp = val;
	} else {
		size_t k = 1;
		char name[16];
		while (k < sizeof name && (is_alpha(at(p, k)) || (k > 1 && is_digit(at(p, k)))))
			k++;
		if (k > 1 && k < sizeof name && at(p, k) == ';') {
			memcpy(name, p->s + p->i + 1, k - 1);
			name[k - 1] = '\0';
			cp = entity_lookup(name);
		}
		if (!cp) {
			p->i++;
			check_paragraph(p);
			add_text(p, "&", 1);
			return;
		}
		p->i += k + 1;
	}
	strbuf b = STRBUF_INIT;
	sb_add_utf8(&b, cp);
	memcpy(out, b.s, b.len);
	check_paragraph(p);
	add_text(p, out, b.len);
	sb_done(&b);
}

/* A tag name: lower-cased, at most 100 characters, or NULL. */
static char *parse_tag_name(hparser *p)
{
	int c = at(p, 0);
	if (!is_alpha(c) && c != '_' && c != ':' && c != '.')
		return NULL;
	char name[101];
	size_t k = 0;
	while (k < 100 && p->i < p->n) {
		c = at(p, 0);
		if (!is_alpha(c) && !is_digit(c) && c != ':' && c != '-' && c != '_' && c != '.')
			break;
		name[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		p->i++;
	}
	name[k] = '\0';
	return xstrdup(name);
}

static void skip_attributes(hparser *p)
{
	while (p->i < p->n && at(p, 0) != '>' && !(at(p, 0) == '/' && at(p, 1) == '>')) {
		char *att = parse_tag_name(p);
		if (att) {
			free(att);
			skip_blanks(p);
			if (at(p, 0) == '=' && p->i < p->n) {
				p->i++;
				skip_blanks(p);
				int q = at(p, 0);
				if ((q == '"' || q == '\'') && p->i < p->n) {
					p->i++;
					while (p->i < p->n && at(p, 0) != q)
						p->i++;
					if (p->i < p->n)
						p->i++;
				} else {
					while (p->i < p->n && !is_blank(at(p, 0)) && at(p, 0) != '>')
						p->i++;
				}
			}
		} else {
			/* a bogus attribute, up to the next blank or the tag's end */
			while (p->i < p->n && !is_blank(at(p, 0)) && at(p, 0) != '>' &&
			       !(at(p, 0) == '/' && at(p, 1) == '>'))
				p->i++;
		}
		skip_blanks(p);
	}
}

static void parse_start_tag(hparser *p)
{
	p->i++; /* '<', a letter follows */
	char *name = parse_tag_name(p);
	auto_close(p, name);
	check_implied(p, name);
	bool discard = false;
	if (p->nopen > 0 && strcmp(name, "html") == 0)
		discard = true;
	if (p->nopen != 1 && strcmp(name, "head") == 0)
		discard = true;
	if (strcmp(name, "body") == 0 && open_has(p, "body"))
		discard = true;
	if (discard)
		p->depth++;
	skip_attributes(p);
	if (!discard)
		push_elem(p, name);
	if (at(p, 0) == '/' && at(p, 1) == '>') {
		p->i += 2;
		pop_elem(p); /* for a discarded tag libxml2 closes the open element */
	} else if (at(p, 0) == '>' && p->i < p->n) {
		p->i++;
		if (!discard && is_void(name))
			pop_elem(p);
	} else if (!discard) {
		pop_elem(p); /* no end of the start tag: the element stays, empty */
	}
	free(name);
}

static void close_on_end_tag(hparser *p, const char *name)
{
	int prio = end_priority(name);
	size_t k = p->nopen;
	while (k > 0 && strcmp(p->open[k - 1]->name, name) != 0) {
		if (end_priority(p->open[k - 1]->name) > prio)
			return;
		k--;
	}
	if (k == 0)
		return;
	/* </html> closes everything but the root: text after it still joins
	 * the root (in an implied <p>), so the register counts and keeps it. */
	p->nopen = k == 1 && strcmp(name, "html") == 0 ? 1 : k - 1;
}

static void parse_end_tag(hparser *p)
{
	p->i += 2;
	char *name = parse_tag_name(p);
	if (!name)
		return; /* "</" without a name is dropped */
	skip_blanks(p);
	while (p->i < p->n && at(p, 0) != '>')
		p->i++;
	if (p->i < p->n)
		p->i++;
	if (p->depth > 0 && word_in(" html body head ", name))
		p->depth--;
	else if (open_has(p, name))
		close_on_end_tag(p, name);
	free(name);
}

static bool at_ci(const hparser *p, const char *lit)
{
	size_t n = strlen(lit);
	return p->n - p->i >= n && strncasecmp(p->s + p->i, lit, n) == 0;
}

static void parse_comment(hparser *p)
{
	const char *end = NULL;
	for (size_t k = p->i + 4; k + 3 <= p->n; k++)
		if (memcmp(p->s + k, "-->", 3) == 0) {
			end = p->s + k;
			break;
		}
	if (!end) {
		p->i = p->n; /* not terminated: the rest is lost */
		return;
	}
	p->i = (size_t)(end - p->s) + 3;
	add_other(p);
}

static void parse_pi(hparser *p)
{
	p->i += 2;
	if (!is_alpha(at(p, 0)) && at(p, 0) != '_' && at(p, 0) != ':')
		return;
	while (p->i < p->n && at(p, 0) != '>')
		p->i++;
	if (p->i < p->n)
		p->i++;
	add_other(p);
}

static void skip_to_gt(hparser *p)
{
	while (p->i < p->n && at(p, 0) != '>')
		p->i++;
	if (p->i < p->n)
		p->i++;
}

static void parse_content(hparser *p)
{
	while (!at_end(p)) {
		int c = at(p, 0), c1 = at(p, 1);
		if (c == '<' && c1 == '/' && p->i + 1 < p->n) {
			parse_end_tag(p);
		} else if (is_raw_text(top_name(p))) {
			parse_raw_text(p);
		} else if (at_ci(p, "<!DOCTYPE")) {
			skip_to_gt(p);
		} else if (at_ci(p, "<!--")) {
			parse_comment(p);
		} else if (c == '<' && c1 == '?') {
			parse_pi(p);
		} else if (c == '<' && is_alpha(c1)) {
			parse_start_tag(p);
		} else if (c == '<') {
			add_text(p, "<", 1); /* a stray '<' is text, but opens nothing */
			p->i++;
		} else if (c == '&') {
			parse_reference(p);
		} else {
			parse_char_data(p);
		}
	}
}

static void parse_prologue_misc(hparser *p)
{
	while (!at_end(p) && (at_ci(p, "<!--") || (at(p, 0) == '<' && at(p, 1) == '?'))) {
		if (at(p, 1) == '?')
			parse_pi(p);
		else
			parse_comment(p);
		skip_blanks(p);
	}
}

/* Parses a value as the register does; the result is a document node whose
 * first element child (if any) is the root. */
static hnode *html_parse(const char *s, size_t n)
{
	hparser p = { .s = s, .n = n };
	p.doc = hnode_new(HN_DOC, NULL);
	if (n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
		p.i = 3; /* the parser drops a leading byte-order mark */
	skip_blanks(&p);
	parse_prologue_misc(&p);
	if (at_ci(&p, "<!DOCTYPE"))
		skip_to_gt(&p);
	skip_blanks(&p);
	parse_prologue_misc(&p);
	parse_content(&p);
	return p.doc;
}

/* ---- what the register counts and stores --------------------------------- */

/* lxml's itertext() over the root: every text node in document order. */
static void collect_text(const hnode *n, strbuf *out, size_t *count)
{
	for (const hnode *c = n->first; c; c = c->next) {
		if (c->kind == HN_TEXT) {
			if (*count)
				sb_addc(out, ' ');
			sb_add(out, c->text.s, c->text.len);
			(*count)++;
		} else if (c->kind == HN_ELEM) {
			collect_text(c, out, count);
		}
	}
}

/* The joined text of a value, or NULL when its parse has no element. */
static char *joined_text(const char *s, size_t n)
{
	hnode *doc = html_parse(s, n);
	hnode *root = hdoc_root(doc);
	char *ret = NULL;
	if (root) {
		strbuf b = STRBUF_INIT;
		size_t count = 0;
		collect_text(root, &b, &count);
		ret = sb_take(&b);
	}
	hnode_free(&doc);
	return ret;
}

size_t html_register_length(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (py_blank(s, n))
		return utf8_count(s, n);
	char *t = joined_text(s, n);
	size_t len = t ? utf8_count(t, strlen(t)) : 0;
	free(t);
	return len;
}

bool html_register_parse_fails(const char *s, size_t n, bool rich)
{
	if (n == 0 || (!rich && py_blank(s, n)))
		return false;
	hnode *doc = html_parse(s, n);
	bool fails = hdoc_root(doc) == NULL;
	hnode_free(&doc);
	return fails;
}

char *html_stored_plain(const char *s, size_t n)
{
	if (n == 0 || py_blank(s, n))
		return xstrndup(s, n);
	return joined_text(s, n);
}

static bool is_allowed(const char *tag)
{
	return word_in(" div br p ul ol li ", tag);
}

/* Removed with their content by lxml's Cleaner as the register sets it up
 * (its defaults plus style). */
static bool is_killed(const char *tag)
{
	return word_in(" script style meta link applet frameset frame noframes button input select "
		       "textarea ",
		       tag);
}

static void escape_text(strbuf *out, const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		char c = s[k];
		if (c == '&')
			sb_adds(out, "&amp;");
		else if (c == '<')
			sb_adds(out, "&lt;");
		else if (c == '>')
			sb_adds(out, "&gt;");
		else
			sb_addc(out, c);
	}
}

/* The Cleaner and the HTML serialiser: killed elements vanish (their tail,
 * a separate text node here, stays), other disallowed ones leave their
 * content, the root is renamed to div if it is not allowed. */
static void clean_serialize(const hnode *n, strbuf *out, bool root)
{
	if (n->kind == HN_TEXT) {
		escape_text(out, n->text.s, n->text.len);
		return;
	}
	if (n->kind != HN_ELEM)
		return;
	if (is_killed(n->name)) {
		if (root)
			sb_adds(out, "<div></div>");
		return;
	}
	const char *tag = is_allowed(n->name) ? n->name : root ? "div" : NULL;
	if (tag)
		sb_printf(out, "<%s>", tag);
	for (const hnode *c = n->first; c; c = c->next)
		clean_serialize(c, out, false);
	if (tag && !is_void(tag))
		sb_printf(out, "</%s>", tag);
}

static bool text_py_blank(const hnode *t)
{
	return !t || t->kind != HN_TEXT || py_blank(t->text.s, t->text.len);
}

static bool looks_like_full_html(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t c;
		int l = utf8_decode(s + i, n - i, &c);
		if (l <= 0 || !is_py_space(c))
			break;
		i += (size_t)l;
	}
	return (n - i >= 5 && strncasecmp(s + i, "<html", 5) == 0) ||
	       (n - i >= 9 && strncasecmp(s + i, "<!doctype", 9) == 0);
}

char *html_stored_rich(const char *s, size_t n)
{
	if (n == 0)
		return xstrdup("");
	hnode *doc = html_parse(s, n);
	hnode *root = hdoc_root(doc);
	if (!root) {
		hnode_free(&doc);
		return NULL;
	}
	/* lxml.html.fromstring(): a fragment's single top element is returned
	 * as it is (with its tail), several become one container. */
	const hnode *pick = root;
	hnode *body = NULL, *head = NULL;
	for (hnode *c = root->first; c; c = c->next) {
		if (!body && is_name(c, "body"))
			body = c;
		if (!head && is_name(c, "head"))
			head = c;
	}
	if (!looks_like_full_html(s, n) && !head && body) {
		size_t nchild = 0;
		const hnode *only = NULL;
		for (const hnode *c = body->first; c; c = c->next)
			if (c->kind != HN_TEXT) {
				nchild++;
				only = c;
			}
		bool lead_blank = !body->first || body->first->kind != HN_TEXT || text_py_blank(body->first);
		if (nchild == 1 && lead_blank && text_py_blank(only->next))
			pick = only;
		else
			pick = body;
	}
	strbuf out = STRBUF_INIT;
	if (pick->kind == HN_OTHER)
		sb_adds(&out, "<div></div>");
	else
		clean_serialize(pick, &out, true);
	if (pick != root && pick->next && pick->next->kind == HN_TEXT &&
	    !(pick->kind == HN_ELEM && is_killed(pick->name)))
		escape_text(&out, pick->next->text.s, pick->next->text.len);
	hnode_free(&doc);
	return sb_take(&out);
}

bool html_field_is_rich(const char *key)
{
	return key && word_in(" goal proportionality human_intervention risks lawful_basis impacttoetsen "
			      "source_data methods_and_models tags ",
			      key);
}

/* ---- our rich text -> HTML ------------------------------------------------ */

typedef struct {
	const char *s;
	size_t n;
} span;

/* 0 for a text line, '-' for "- " and '1' for "1. ".."999. "; *skip is the
 * marker's length. */
static int item_kind(span l, size_t *skip)
{
	if (l.n >= 2 && l.s[0] == '-' && l.s[1] == ' ') {
		*skip = 2;
		return '-';
	}
	size_t d = 0;
	while (d < l.n && d < 4 && is_digit((unsigned char)l.s[d]))
		d++;
	if (d >= 1 && d <= 3 && l.n >= d + 2 && l.s[d] == '.' && l.s[d + 1] == ' ') {
		*skip = d + 2;
		return '1';
	}
	*skip = 0;
	return 0;
}

/* 1 when the line is an escaped marker: one or more backslashes, then what
 * would start an item ("\\1. WOO", "\\- niet een lijst"). The first backslash
 * only says "this is text"; it is not sent. */
static size_t esc_skip(span l)
{
	size_t b = 0, skip;
	while (b < l.n && l.s[b] == '\\')
		b++;
	if (b == 0)
		return 0;
	return item_kind((span){ l.s + b, l.n - b }, &skip) ? 1 : 0;
}

static bool line_blank(span l)
{
	for (size_t k = 0; k < l.n; k++)
		if (l.s[k] != ' ' && l.s[k] != '\t')
			return false;
	return true;
}

/* Line endings to LF, and characters the register's parser would drop gone,
 * so that what we send is what it keeps. */
static char *normalize_text(const char *text)
{
	strbuf b = STRBUF_INIT;
	size_t n = strlen(text);
	for (size_t i = 0; i < n;) {
		uint32_t c;
		int l = utf8_decode(text + i, n - i, &c);
		if (l <= 0) {
			i++;
			continue;
		}
		if (c == '\r') {
			sb_addc(&b, '\n');
			if (i + 1 < n && text[i + 1] == '\n')
				i++;
		} else if (is_xml_char(c)) {
			sb_add(&b, text + i, (size_t)l);
		}
		i += (size_t)l;
	}
	return sb_take(&b);
}

char *rich_to_html(const char *text)
{
	char *norm = normalize_text(text ? text : "");
	size_t nlines = 1;
	for (const char *q = norm; *q; q++)
		nlines += *q == '\n';
	span *lines = xcalloc(nlines, sizeof *lines);
	size_t k = 0;
	const char *start = norm;
	for (const char *q = norm;; q++)
		if (*q == '\n' || *q == '\0') {
			lines[k].s = start;
			lines[k].n = (size_t)(q - start);
			k++;
			start = q + 1;
			if (!*q)
				break;
		}

	strbuf out = STRBUF_INIT;
	size_t i = 0;
	while (i < nlines) {
		if (line_blank(lines[i])) {
			i++;
			continue;
		}
		size_t skip;
		if (!item_kind(lines[i], &skip)) { /* a paragraph, up to an item */
			sb_adds(&out, "<p>");
			bool first = true;
			while (i < nlines && !line_blank(lines[i]) && !item_kind(lines[i], &skip)) {
				if (!first)
					sb_adds(&out, "<br>");
				size_t e = esc_skip(lines[i]);
				escape_text(&out, lines[i].s + e, lines[i].n - e);
				first = false;
				i++;
			}
			sb_adds(&out, "</p>");
			continue;
		}
		int kind = item_kind(lines[i], &skip);
		const char *list = kind == '-' ? "ul" : "ol";
		sb_printf(&out, "<%s>", list);
		bool in_item = false;
		while (i < nlines && !line_blank(lines[i])) {
			int ik = item_kind(lines[i], &skip);
			if (ik && ik != kind)
				break;
			if (ik) {
				if (in_item)
					sb_adds(&out, "</li>");
				sb_adds(&out, "<li>");
				in_item = true;
			} else {
				sb_adds(&out, "<br>");
				skip = esc_skip(lines[i]);
			}
			escape_text(&out, lines[i].s + skip, lines[i].n - skip);
			i++;
		}
		sb_printf(&out, "</li></%s>", list);
	}
	free(lines);
	free(norm);
	return sb_take(&out);
}

char *rich_to_register_html(const char *text)
{
	char *h = rich_to_html(text);
	char *kept = html_stored_rich(h, strlen(h));
	if (!kept)
		return h;
	free(h);
	return kept;
}

char *text_to_html(const char *text)
{
	size_t n = text ? strlen(text) : 0;
	if (n == 0 || py_blank(text, n))
		return xstrndup(text ? text : "", n);
	strbuf out = STRBUF_INIT;
	size_t i = 0;
	/* The parser skips blanks at the very start; references are not skipped. */
	for (; i < n && is_blank((unsigned char)text[i]); i++)
		sb_printf(&out, "&#%d;", text[i]);
	escape_text(&out, text + i, n - i);
	return sb_take(&out);
}

/* The count of a text segment that needs no escaping, or -1 when it does (or
 * starts or ends with a blank, where the parser's whitespace rules apply). */
static long plain_segment_count(const char *s, size_t n)
{
	if (n == 0 || is_blank((unsigned char)s[0]) || is_blank((unsigned char)s[n - 1]))
		return -1;
	long count = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7F)
			return -1;
		if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF && (unsigned char)s[i + 2] >= 0xBE)
			return -1; /* U+FFFE, U+FFFF: dropped by the parser */
		if ((c & 0xC0) != 0x80)
			count++;
	}
	return count;
}

/* The common case without building and parsing the HTML: every line of text
 * becomes one text node, and the register joins text nodes with one space.
 * Anything unusual (escapes, blanks at a segment's edge, control characters,
 * invalid UTF-8) takes the exact path; the fuzz target holds both equal. */
static long rich_length_fast(const char *text)
{
	size_t n = strlen(text);
	if (utf8_invalid_offset(text, n) >= 0)
		return -1;
	long total = 0, segs = 0;
	const char *p = text, *end = text + n;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		span l = { p, nl ? (size_t)(nl - p) : (size_t)(end - p) };
		p = nl ? nl + 1 : end;
		if (line_blank(l))
			continue;
		size_t skip;
		if (!item_kind(l, &skip))
			skip = esc_skip(l);
		long c = plain_segment_count(l.s + skip, l.n - skip);
		if (c < 0)
			return -1;
		total += c;
		segs++;
	}
	return segs ? total + segs - 1 : 0;
}

size_t rich_register_length(const char *text)
{
	long fast = rich_length_fast(text ? text : "");
	if (fast >= 0)
		return (size_t)fast;
	char *h = rich_to_html(text);
	size_t len = html_register_length(h, strlen(h));
	free(h);
	return len;
}

size_t text_register_length(const char *text)
{
	char *h = text_to_html(text);
	size_t len = html_register_length(h, strlen(h));
	free(h);
	return len;
}

/* ---- register HTML -> our rich text ---------------------------------------- */

#define BULLET (-1)

typedef struct {
	strbuf out;    /* finished lines */
	strbuf line;   /* the line being built */
	int marker;    /* the line starts an item: BULLET or its number, else 0 */
	int brk;       /* separator owed before the next line: 1 newline, 2 blank line */
	bool soft;     /* collapsed whitespace owed before the next text */
	int item;      /* depth of li elements we are in */
	int lists[HTML_MAX_DEPTH + 1]; /* open lists: BULLET, or the last number of an ol */
	int nlists;
	bool keep_breaks; /* plain text: its line breaks and blank lines are the author's */
} conv;

/* Ends the current line. A line that is only an item marker waits for its
 * text unless forced; a line of only spaces and tabs is layout, not text
 * (rich_to_html never writes one). */
static void conv_flush(conv *c, bool force)
{
	bool empty = line_blank((span){ c->line.s, c->line.len });
	if (empty && !(c->marker && force)) {
		sb_reset(&c->line);
		c->soft = false;
		return;
	}
	if (c->out.len)
		sb_adds(&c->out, c->brk >= 2 ? "\n\n" : "\n");
	if (c->marker == BULLET)
		sb_adds(&c->out, "- ");
	else if (c->marker)
		sb_printf(&c->out, "%d. ", c->marker);
	else if (item_kind((span){ c->line.s, c->line.len }, &(size_t){ 0 }) ||
	         esc_skip((span){ c->line.s, c->line.len }))
		sb_addc(&c->out, '\\'); /* text that looks like an item stays text */
	sb_add(&c->out, c->line.s, c->line.len);
	sb_reset(&c->line);
	c->marker = 0;
	c->brk = 1;
	c->soft = false;
}

static void conv_break(conv *c, int level)
{
	conv_flush(c, false);
	if (c->item)
		level = 1; /* inside an item everything stays in the item */
	if (level > c->brk)
		c->brk = level;
}

static bool is_html_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

/* Text: whitespace that holds a line break collapses to one space and is
 * dropped at line ends; runs of spaces and tabs are kept as written (that is
 * how rich_to_html writes them). */
static void conv_text(conv *c, const char *s, size_t n, bool container)
{
	bool only_ws = true;
	for (size_t k = 0; k < n && only_ws; k++)
		only_ws = is_html_space(s[k]);
	if (only_ws && container)
		return; /* layout between blocks */
	for (size_t k = 0; k < n;) {
		if (is_html_space(s[k])) {
			size_t e = k;
			bool hard = false;
			for (; e < n && is_html_space(s[e]); e++)
				hard |= s[e] != ' ' && s[e] != '\t';
			size_t nbreaks = 0;
			for (size_t q = k; q < e; q++)
				nbreaks += s[q] == '\n' || (s[q] == '\r' && (q + 1 >= e || s[q + 1] != '\n'));
			if (hard && c->keep_breaks && nbreaks) {
				if (nbreaks >= 2)
					conv_break(c, 2);
				else if (c->line.len)
					conv_flush(c, false);
			} else if (hard) {
				if (c->line.len)
					c->soft = true;
			} else {
				c->soft = false;
				sb_add(&c->line, s + k, e - k);
			}
			k = e;
			continue;
		}
		if (c->soft && c->line.len && !is_html_space(c->line.s[c->line.len - 1]))
			sb_addc(&c->line, ' ');
		c->soft = false;
		sb_addc(&c->line, s[k]);
		k++;
	}
}

static bool is_block_tag(const char *t)
{
	return word_in(" p div h1 h2 h3 h4 h5 h6 blockquote pre table section article header footer "
		       "nav aside main figure address center form fieldset dl hr body html ",
		       t);
}

/* Block tags whose own whitespace-only text is layout. */
static bool is_container_tag(const char *t)
{
	return word_in(" div body html table blockquote section article header footer nav aside main "
		       "form fieldset dl center figure ",
		       t);
}

static void conv_node(conv *c, const hnode *n);

static void conv_children(conv *c, const hnode *n, bool container)
{
	for (const hnode *ch = n->first; ch; ch = ch->next) {
		if (ch->kind == HN_TEXT)
			conv_text(c, ch->text.s, ch->text.len, container);
		else
			conv_node(c, ch);
	}
}

static void conv_list_item(conv *c, const hnode *n)
{
	int kind = BULLET;
	if (c->nlists && c->lists[c->nlists - 1] != BULLET)
		kind = ++c->lists[c->nlists - 1];
	conv_break(c, 1);
	if (c->item == 0) {
		c->marker = kind;
	} else {
		/* a nested item: an indented line of its own in the outer item */
		for (int d = 1; d < c->nlists; d++)
			sb_adds(&c->line, "  ");
		if (kind == BULLET)
			sb_adds(&c->line, "- ");
		else
			sb_printf(&c->line, "%d. ", kind);
	}
	c->item++;
	conv_children(c, n, false);
	c->item--;
	conv_flush(c, c->item == 0);
	conv_break(c, 1);
}

static void conv_node(conv *c, const hnode *n)
{
	if (n->kind != HN_ELEM)
		return;
	const char *t = n->name;
	/* title and noscript are text to the register: it keeps them */
	if (word_in(" script style template ", t) || is_killed(t))
		return;
	if (strcmp(t, "br") == 0) {
		if (c->line.len || c->marker)
			conv_flush(c, true);
		else
			conv_break(c, 2);
	} else if (strcmp(t, "ul") == 0 || strcmp(t, "ol") == 0) {
		if (c->nlists >= HTML_MAX_DEPTH)
			return;
		conv_break(c, 2);
		c->lists[c->nlists++] = strcmp(t, "ul") == 0 ? BULLET : 0;
		conv_children(c, n, true);
		c->nlists--;
		conv_break(c, 2);
	} else if (strcmp(t, "li") == 0) {
		conv_list_item(c, n);
	} else if (word_in(" tr dt dd ", t)) {
		conv_break(c, 1);
		conv_children(c, n, true);
		conv_break(c, 1);
	} else if (is_block_tag(t)) {
		conv_break(c, 2);
		conv_children(c, n, is_container_tag(t));
		conv_break(c, 2);
	} else {
		conv_children(c, n, false); /* inline: b, i, a, span, ... */
	}
}

static char *convert_html(const char *html, bool keep_breaks)
{
	size_t n = strlen(html);
	hnode *doc = html_parse(html, n);
	conv c = { .brk = 0, .keep_breaks = keep_breaks };
	sb_init(&c.out);
	sb_init(&c.line);
	for (const hnode *ch = doc->first; ch; ch = ch->next)
		conv_node(&c, ch);
	conv_flush(&c, false);
	sb_done(&c.line);
	hnode_free(&doc);
	return sb_take(&c.out);
}

char *html_to_rich(const char *html)
{
	/* Real-world HTML can give text that our own export would shape
	 * differently (a "- " line right after a paragraph line, an item
	 * numbered 3 first). Passing it once through our export makes the
	 * result canonical: importing it again changes nothing. */
	char *raw = convert_html(html ? html : "", false);
	char *ours = rich_to_html(raw);
	char *text = convert_html(ours, false);
	free(ours);
	free(raw);
	return text;
}

/* The register's form of a value sent without tags: one paragraph of text. */
static bool is_plain_paragraph(const char *h)
{
	size_t n = strlen(h);
	return n >= 7 && !strncmp(h, "<p>", 3) && !strcmp(h + n - 4, "</p>") && !memchr(h + 3, '<', n - 7);
}

char *register_to_rich(const char *value)
{
	size_t n = value ? strlen(value) : 0;
	char *kept = html_stored_rich(value ? value : "", n);
	if (!kept) /* the register could not read it either */
		return NULL;
	char *text;
	if (is_plain_paragraph(kept)) {
		char *raw = convert_html(kept, true);
		char *ours = rich_to_html(raw);
		text = convert_html(ours, false);
		free(ours);
		free(raw);
	} else {
		text = html_to_rich(kept);
	}
	free(kept);
	return text;
}
