/* ytree: libyaml events into ynode trees (see ytree.h). */
#include "config.h"
#include "standard/ytree.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

ynode *ynode_new(ynode_type t, int line, int col)
{
	ynode *n = xcalloc(1, sizeof *n);
	n->type = t;
	n->line = line;
	n->col = col;
	return n;
}

ynode *ynode_new_str(const char *s, size_t len, int line, int col)
{
	ynode *n = ynode_new(Y_STR, line, col);
	n->str = xstrndup(s, len);
	n->len = len;
	return n;
}

void ynode_free(ynode **pn)
{
	ynode *n = *pn;
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++) {
		ynode_free(&n->kids[i]);
		if (n->keys)
			free(n->keys[i]);
	}
	free(n->kids);
	free(n->keys);
	free(n->key_lines);
	free(n->key_cols);
	free(n->str);
	free(n);
	*pn = NULL;
}

void yerror_done(yerror *e)
{
	xfree(&e->msg);
}

static void grow(ynode *p)
{
	if ((p->n & (p->n - 1)) == 0 || p->n == 0) {
		size_t cap = p->n ? p->n * 2 : 4;
		p->kids = xrealloc(p->kids, cap * sizeof *p->kids);
		if (p->type == Y_MAP) {
			p->keys = xrealloc(p->keys, cap * sizeof *p->keys);
			p->key_lines = xrealloc(p->key_lines, cap * sizeof(int));
			p->key_cols = xrealloc(p->key_cols, cap * sizeof(int));
		}
	}
}

void ynode_push(ynode *seq, ynode *kid)
{
	grow(seq);
	seq->kids[seq->n++] = kid;
}

void ynode_put(ynode *map, const char *key, ynode *val, int line, int col)
{
	grow(map);
	map->keys[map->n] = xstrdup(key);
	map->key_lines[map->n] = line;
	map->key_cols[map->n] = col;
	map->kids[map->n++] = val;
}

ynode *ynode_get(const ynode *map, const char *key)
{
	if (!map || map->type != Y_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->keys[i], key) == 0)
			return map->kids[i];
	return NULL;
}

const char *ynode_str(const ynode *n)
{
	return n && (n->type == Y_STR || n->type == Y_NUM || n->type == Y_BOOL) ? n->str : NULL;
}

ynode *ynode_copy(const ynode *n)
{
	if (!n)
		return NULL;
	ynode *c = ynode_new(n->type, n->line, n->col);
	c->plain = n->plain;
	if (n->str) {
		c->str = xstrndup(n->str, n->len);
		c->len = n->len;
	}
	for (size_t i = 0; i < n->n; i++) {
		if (n->type == Y_MAP)
			ynode_put(c, n->keys[i], ynode_copy(n->kids[i]), n->key_lines[i], n->key_cols[i]);
		else
			ynode_push(c, ynode_copy(n->kids[i]));
	}
	return c;
}

bool ynode_equal(const ynode *a, const ynode *b)
{
	if (!a || !b)
		return a == b;
	if (a->type != b->type || a->n != b->n)
		return false;
	if (a->str || b->str) {
		if (!a->str || !b->str || a->len != b->len || memcmp(a->str, b->str, a->len) != 0)
			return false;
	}
	for (size_t i = 0; i < a->n; i++) {
		if (a->type == Y_MAP && strcmp(a->keys[i], b->keys[i]) != 0)
			return false;
		if (!ynode_equal(a->kids[i], b->kids[i]))
			return false;
	}
	return true;
}

static void set_err(yerror *err, int line, int col, const char *msg)
{
	if (!err)
		return;
	err->line = line;
	err->col = col;
	err->kind = YERR_SYNTAX;
	free(err->msg);
	err->msg = xstrdup(msg);
}

static void set_limit(yerror *err, int line, int col, yerror_kind kind, const char *msg)
{
	set_err(err, line, col, msg);
	if (err)
		err->kind = kind;
}

/* Pending key of a mapping under construction, and a hash set of the keys it
 * has (indexes + 1 into node->keys), so that the duplicate check costs the
 * same for the last key of a mapping as for the first. */
typedef struct frame {
	ynode *node;
	char *key;          /* NULL when the next scalar is a key */
	int key_line, key_col;
	size_t *slots;
	size_t nslots;      /* a power of two, at least twice the keys */
} frame;

/* libyaml's problems, said in words a person writing a description knows
 * (Dutch or English), with what to do; the line and column stay libyaml's.
 * A problem not listed keeps libyaml's English in brackets. */
static const struct {
	const char *problem;   /* the start of libyaml's text */
	const char *msg;       /* N_() */
} yaml_problems[] = {
	{ "did not find expected key", N_("the indentation does not match the lines above: a field name followed by a colon was expected here") },
	{ "did not find expected '-' indicator", N_("the indentation does not match the list above: a list item starting with \"- \" was expected here") },
	{ "did not find expected node content", N_("a value is missing here, or this line is indented wrongly") },
	{ "did not find expected ',' or ']'", N_("a list between [ and ] is not closed: a comma or ] is missing") },
	{ "did not find expected ',' or '}'", N_("a part between { and } is not closed: a comma or } is missing") },
	{ "did not find expected <document start>", N_("text after the end of the description; check the indentation of this line") },
	{ "mapping values are not allowed", N_("a colon followed by a space stands inside a value: put the whole value between quotes, or, if this line starts a field, indent it as the fields above") },
	{ "block sequence entries are not allowed", N_("a list item (\"- \") stands where it cannot; check its indentation") },
	{ "could not find expected ':'", N_("a colon is missing after the field name, or a text between quotes is not closed") },
	{ "found character that cannot start any token", N_("a value cannot start with this character (such as @, ` or a tab); put the value between quotes, and indent with spaces") },
	{ "found unexpected end of stream", N_("the file ends inside a text between quotes: the closing quote is missing") },
	{ "found unexpected document indicator", N_("a line starting with --- or ... stands inside a text between quotes: the closing quote is missing") },
	{ "found unknown escape character", N_("a backslash (\\) in a text between double quotes is followed by a character it cannot escape; write \\\\ for a backslash, or use single quotes") },
	{ "found a tab character", N_("a tab is used to indent; indent with spaces") },
	{ "invalid leading UTF-8 octet", N_("the file is not UTF-8 text here; save it as UTF-8") },
	{ "invalid trailing UTF-8 octet", N_("the file is not UTF-8 text here; save it as UTF-8") },
	{ "incomplete UTF-8 octet sequence", N_("the file is not UTF-8 text here; save it as UTF-8") },
	{ "invalid Unicode character", N_("the file is not UTF-8 text here; save it as UTF-8") },
	{ "control characters are not allowed", N_("an invisible control character stands here; remove it") },
};

static char *libyaml_message(const char *problem, const char *context)
{
	for (size_t i = 0; problem && i < sizeof yaml_problems / sizeof yaml_problems[0]; i++)
		if (!strncmp(problem, yaml_problems[i].problem, strlen(yaml_problems[i].problem)))
			return xstrdup(_(yaml_problems[i].msg));
	return xasprintf(_("the YAML syntax is broken here (%s%s%s)"), problem ? problem : "?",
	                 context ? ", " : "", context ? context : "");
}

static size_t key_hash(const char *s, size_t n)
{
	size_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* True when the frame's mapping already has key s. */
static bool frame_has(const frame *f, const char *s, size_t n)
{
	if (!f->nslots)
		return false;
	for (size_t i = key_hash(s, n) & (f->nslots - 1);; i = (i + 1) & (f->nslots - 1)) {
		size_t k = f->slots[i];
		if (!k)
			return false;
		if (!strcmp(f->node->keys[k - 1], s))
			return true;
	}
}

/* Records the mapping's last key (node->keys[node->n - 1]) in the set. */
static void frame_add(frame *f)
{
	ynode *m = f->node;
	if (m->n * 2 > f->nslots) {
		size_t cap = f->nslots ? f->nslots * 2 : 16;
		free(f->slots);
		f->slots = xcalloc(cap, sizeof *f->slots);
		f->nslots = cap;
		for (size_t k = 0; k + 1 < m->n; k++) {
			size_t i = key_hash(m->keys[k], strlen(m->keys[k])) & (cap - 1);
			while (f->slots[i])
				i = (i + 1) & (cap - 1);
			f->slots[i] = k + 1;
		}
	}
	const char *key = m->keys[m->n - 1];
	size_t i = key_hash(key, strlen(key)) & (f->nslots - 1);
	while (f->slots[i])
		i = (i + 1) & (f->nslots - 1);
	f->slots[i] = m->n;
}

int ytree_parse_yaml(const char *data, size_t len, ynode **out, yerror *err)
{
	yaml_parser_t p;
	yaml_event_t ev;
	frame stack[YTREE_MAX_DEPTH];
	int depth = 0;
	ynode *root = NULL;
	int docs = 0;
	int rc = -1;

	*out = NULL;
	if (len > YTREE_MAX_SIZE) {
		set_limit(err, 0, 0, YERR_SIZE, _("the file is too large"));
		return -1;
	}
	if (!yaml_parser_initialize(&p)) {
		set_err(err, 0, 0, _("cannot start the YAML parser"));
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	for (;;) {
		if (!yaml_parser_parse(&p, &ev)) {
			const yaml_mark_t *m = p.problem_mark.line || p.problem_mark.column ? &p.problem_mark : &p.context_mark;
			char *msg = libyaml_message(p.problem, p.context);
			set_err(err, (int)m->line + 1, (int)m->column + 1, msg);
			free(msg);
			goto out;
		}
		int line = (int)ev.start_mark.line + 1, col = (int)ev.start_mark.column + 1;
		ynode *val = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&ev);
			rc = 0;
			goto out;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				set_err(err, line, col, _("more than one document in the file"));
				yaml_event_delete(&ev);
				goto out;
			}
			break;
		case YAML_ALIAS_EVENT:
			set_err(err, line, col, _("anchors and aliases (*name) are not supported"));
			yaml_event_delete(&ev);
			goto out;
		case YAML_SCALAR_EVENT: {
			const char *s = (const char *)ev.data.scalar.value;
			size_t l = ev.data.scalar.length;
			bool plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			if (ev.data.scalar.anchor) {
				set_err(err, line, col, _("anchors and aliases (&name) are not supported"));
				yaml_event_delete(&ev);
				goto out;
			}
			if (depth > 0 && stack[depth - 1].node->type == Y_MAP && !stack[depth - 1].key) {
				frame *f = &stack[depth - 1];
				if (memchr(s, '\0', l)) {
					set_err(err, line, col, _("a key holds a NUL character"));
					yaml_event_delete(&ev);
					goto out;
				}
				if (f->node->n >= YTREE_MAX_KEYS) {
					set_limit(err, line, col, YERR_KEYS, _("too many keys in one mapping"));
					yaml_event_delete(&ev);
					goto out;
				}
				if (frame_has(f, s, l)) {
					char *msg = xasprintf(_("the key \"%s\" appears twice"), s);
					set_err(err, line, col, msg);
					free(msg);
					yaml_event_delete(&ev);
					goto out;
				}
				f->key = xstrndup(s, l);
				f->key_line = line;
				f->key_col = col;
				break;
			}
			if (plain && (l == 0 || (l == 1 && s[0] == '~') || (l == 4 && !memcmp(s, "null", 4)) ||
			              (l == 4 && !memcmp(s, "Null", 4)) || (l == 4 && !memcmp(s, "NULL", 4))))
				val = ynode_new(Y_NULL, line, col);
			else {
				val = ynode_new_str(s, l, line, col);
				val->plain = plain;
			}
			break;
		}
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			bool seq = ev.type == YAML_SEQUENCE_START_EVENT;
			if ((seq ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor)) {
				set_err(err, line, col, _("anchors and aliases (&name) are not supported"));
				yaml_event_delete(&ev);
				goto out;
			}
			if (depth >= YTREE_MAX_DEPTH) {
				set_limit(err, line, col, YERR_DEPTH, _("the file is nested too deeply"));
				yaml_event_delete(&ev);
				goto out;
			}
			if (depth > 0 && stack[depth - 1].node->type == Y_MAP && !stack[depth - 1].key) {
				set_err(err, line, col, _("a key must be plain text, not a list or mapping"));
				yaml_event_delete(&ev);
				goto out;
			}
			ynode *n = ynode_new(seq ? Y_SEQ : Y_MAP, line, col);
			stack[depth] = (frame){ .node = n };
			depth++;
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			val = stack[--depth].node;
			xfree(&stack[depth].slots);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (!val)
			continue;
		if (depth == 0) {
			root = val;
			continue;
		}
		frame *f = &stack[depth - 1];
		if (f->node->type == Y_SEQ) {
			ynode_push(f->node, val);
		} else {
			ynode_put(f->node, f->key, val, f->key_line, f->key_col);
			frame_add(f);
			xfree(&f->key);
		}
	}
out:
	yaml_parser_delete(&p);
	if (rc < 0) {
		while (depth > 0) {
			depth--;
			free(stack[depth].key);
			free(stack[depth].slots);
			ynode_free(&stack[depth].node);
		}
		ynode_free(&root);
		return -1;
	}
	*out = root;
	return 0;
}

/* JSON numbers, booleans and null arrive from libyaml as plain scalars. */
/* A JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool json_number(const char *s)
{
	const char *p = s;
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return false;
	if (*p == '.') {
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

/* Unquoted scalars are JSON's literals; anything else unquoted (YAML that
 * libyaml would take) is not JSON. Returns the offending node or NULL. */
static const ynode *type_json_scalars(ynode *n)
{
	if (!n)
		return NULL;
	if (n->type == Y_STR && n->plain) {
		if (!strcmp(n->str, "true") || !strcmp(n->str, "false"))
			n->type = Y_BOOL;
		else if (json_number(n->str))
			n->type = Y_NUM;
		else
			return n;
	}
	for (size_t i = 0; i < n->n; i++) {
		const ynode *bad = type_json_scalars(n->kids[i]);
		if (bad)
			return bad;
	}
	return NULL;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static long hex4(const char *s, size_t n)
{
	if (n < 4)
		return -1;
	long v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval(s[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

static char *json_for_yaml(const char *s, size_t n, size_t *out_len)
{
	strbuf b = STRBUF_INIT;
	sb_add(&b, "", 0);
	bool in_str = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!in_str) {
			if (c == '"')
				in_str = true;
			sb_addc(&b, c == '\t' ? ' ' : c);
			continue;
		}
		if (c == '"') {
			in_str = false;
			sb_addc(&b, c);
		} else if (c == '\\' && i + 1 < n) {
			long hi = s[i + 1] == 'u' ? hex4(s + i + 2, n - i - 2) : -1;
			long lo = -1;
			if (hi >= 0xD800 && hi <= 0xDBFF && i + 11 < n + 0 && s[i + 6] == '\\' && s[i + 7] == 'u')
				lo = hex4(s + i + 8, n - i - 8);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				sb_add_utf8(&b, (uint32_t)(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)));
				i += 11;
			} else {
				sb_addc(&b, c);
				sb_addc(&b, s[++i]);
			}
		} else if ((unsigned char)c == 0x7F) {
			sb_adds(&b, "\\x7f");
		} else if ((unsigned char)c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		           (unsigned char)s[i + 1] <= 0x9F) {
			/* JSON allows DEL, the C1 controls and U+FEFF raw in a string
			 * (Python's json.dump writes them so); YAML only escaped. */
			sb_printf(&b, "\\x%02x", (unsigned char)s[i + 1]);
			i++;
		} else if (i + 2 < n && !memcmp(s + i, "\xef\xbb\xbf", 3)) {
			sb_adds(&b, "\\ufeff");
			i += 2;
		} else if (i + 2 < n && !memcmp(s + i, "\xe2\x80", 2) &&
		           ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
			/* U+2028 and U+2029 would be line breaks to YAML, folded away */
			sb_printf(&b, "\\u20%02x", (unsigned char)s[i + 2] - 0xA8 + 0x28);
			i += 2;
		} else {
			sb_addc(&b, c);
		}
	}
	*out_len = b.len;
	return sb_take(&b);
}

int ytree_parse_json(const char *data, size_t len, ynode **out, yerror *err)
{
	size_t tlen;
	*out = NULL;
	if (len > YTREE_MAX_SIZE) {
		set_limit(err, 0, 0, YERR_SIZE, _("the file is too large"));
		return -1;
	}
	char *text = json_for_yaml(data, len, &tlen);
	int rc = ytree_parse_yaml(text, tlen, out, err);
	free(text);
	const ynode *bad = rc == 0 ? type_json_scalars(*out) : NULL;
	if (bad) {
		/* At most 40 bytes of it, never half a character. */
		int cut = 0;
		while (bad->str[cut] && cut < 40) {
			int k = 1;
			while (((unsigned char)bad->str[cut + k] & 0xC0) == 0x80)
				k++;
			if (cut + k > 40)
				break;
			cut += k;
		}
		char *msg = xasprintf(_("text without quotes (\"%.*s\") is not JSON"), cut, bad->str);
		set_err(err, bad->line, bad->col, msg);
		free(msg);
		ynode_free(out);
		return -1;
	}
	return rc;
}
