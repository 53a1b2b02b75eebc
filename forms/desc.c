/* desc: reading and writing descriptions (see desc.h). The writer is ours, not
 * libyaml's emitter, so that the file layout is stable and readable: keys in
 * the standard's order, block scalars for long text, quotes only where another
 * YAML reader would otherwise mistype a value. */
#include "config.h"
#include "forms/desc.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

description *desc_new(const standard *std)
{
	description *d = xcalloc(1, sizeof *d);
	d->std = std;
	d->vals = xcalloc(std->nfields, sizeof *d->vals);
	d->key_line = xcalloc(std->nfields, sizeof *d->key_line);
	d->key_col = xcalloc(std->nfields, sizeof *d->key_col);
	return d;
}

void desc_free(description **pd)
{
	description *d = *pd;
	if (!d)
		return;
	for (size_t i = 0; i < d->std->nfields; i++)
		ynode_free(&d->vals[i]);
	for (size_t i = 0; i < d->nextra; i++) {
		free(d->extra[i].key);
		ynode_free(&d->extra[i].val);
	}
	free(d->extra);
	free(d->vals);
	free(d->key_line);
	free(d->key_col);
	free(d->source);
	free(d);
	*pd = NULL;
}

description *desc_from_tree(const standard *std, const ynode *root, desc_format fmt, findings *out)
{
	if (!root || root->type != Y_MAP) {
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "not-a-description", NULL, NULL,
		             root ? root->line : 1, root ? root->col : 1, "%s",
		             root && root->type == Y_SEQ
		                 ? _("the file holds a list; a description is one set of \"key: value\" lines")
		                 : _("the file does not hold a description (\"key: value\" lines)"));
		return NULL;
	}
	description *d = desc_new(std);
	d->format = fmt;
	for (size_t i = 0; i < root->n; i++) {
		const std_field *f = standard_field(std, root->keys[i]);
		if (f) {
			d->vals[f->index] = ynode_copy(root->kids[i]);
			d->key_line[f->index] = root->key_lines[i];
			d->key_col[f->index] = root->key_cols[i];
			continue;
		}
		d->extra = xrealloc(d->extra, (d->nextra + 1) * sizeof *d->extra);
		desc_extra *x = &d->extra[d->nextra++];
		x->key = xstrdup(root->keys[i]);
		x->val = ynode_copy(root->kids[i]);
		x->line = root->key_lines[i];
		x->col = root->key_cols[i];
	}
	return d;
}

description *desc_read(const standard *std, const char *data, size_t len, desc_format fmt, findings *out)
{
	if (len > DESC_MAX_FILE) {
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "too-big", NULL, NULL, 0, 0, "%s",
		             _("the file is larger than 1 MiB; a description is far smaller, is this the right file?"));
		return NULL;
	}
	long bad = utf8_invalid_offset(data, len);
	if (bad >= 0) {
		int line = 1, col = 1;
		for (long i = 0; i < bad; i++) {
			if (data[i] == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)data[i] & 0xC0) != 0x80) {
				col++;
			}
		}
		finding *x = findings_add(out, SEV_ERROR, ORIGIN_INPUT, "utf8", NULL, NULL, line, col,
		                          _("the file is not valid UTF-8 text (byte %ld); save it as UTF-8 and try again"),
		                          bad);
		x->byte = bad;
		return NULL;
	}
	size_t i = 0;
	while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
		i++;
	if (i == len) {
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "empty", NULL, NULL, 0, 0, "%s",
		             _("the file is empty"));
		return NULL;
	}
	ynode *root = NULL;
	yerror ye = { 0 };
	description *d = NULL;
	int rc = fmt == DESC_API ? ytree_parse_json(data, len, &root, &ye) : ytree_parse_yaml(data, len, &root, &ye);
	if (rc < 0) {
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "syntax", NULL, NULL, ye.line, ye.col,
		             fmt == DESC_API ? _("this is not valid JSON here: %s") : _("this is not valid YAML here: %s"),
		             ye.msg);
		yerror_done(&ye);
	} else if (!root) {
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "empty", NULL, NULL, 0, 0, "%s",
		             _("the file holds no description, only comments"));
	} else {
		d = desc_from_tree(std, root, fmt, out);
		if (d && fmt == DESC_YAML) {
			d->source = xstrndup(data, len);
			d->source_len = len;
		}
	}
	ynode_free(&root);
	return d;
}

description *desc_read_file(const standard *std, const char *path, desc_format fmt, findings *out)
{
	char *data;
	size_t len;
	if (read_file(path, DESC_MAX_FILE, &data, &len) < 0) {
		if (errno == EFBIG)
			findings_add(out, SEV_ERROR, ORIGIN_INPUT, "too-big", NULL, NULL, 0, 0, "%s",
			             _("the file is larger than 1 MiB; a description is far smaller, is this the right file?"));
		else
			findings_add(out, SEV_ERROR, ORIGIN_INPUT, "unreadable", NULL, NULL, 0, 0,
			             _("cannot read the file: %s"), strerror(errno));
		return NULL;
	}
	description *d = desc_read(std, data, len, fmt, out);
	free(data);
	return d;
}

const ynode *desc_get(const description *d, const std_field *f)
{
	return d->vals[f->index];
}

const char *desc_text(const description *d, const std_field *f)
{
	const ynode *n = d->vals[f->index];
	return n && n->type == Y_STR ? n->str : NULL;
}

void desc_set(description *d, const std_field *f, ynode *v)
{
	ynode_free(&d->vals[f->index]);
	d->vals[f->index] = v;
	d->dirty = true;
}

void desc_set_text(description *d, const std_field *f, const char *text)
{
	desc_set(d, f, text ? ynode_new_str(text, strlen(text), 0, 0) : NULL);
}

/* ---- writing ---- */

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

static void emit_quoted(strbuf *b, const char *s, size_t n)
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
		emit_quoted(b, s, len);
}

static void emit_node(strbuf *b, const ynode *n, int indent);

static void emit_key(strbuf *b, const char *key)
{
	size_t n = strlen(key);
	if (plain_ok(key, n))
		sb_add(b, key, n);
	else
		emit_quoted(b, key, n);
	sb_addc(b, ':');
}

static void pad(strbuf *b, int indent)
{
	for (int k = 0; k < indent; k++)
		sb_addc(b, ' ');
}

/* Writes the value after "key:" (or after "- "), ending with a newline. */
static void emit_value(strbuf *b, const ynode *n, int indent)
{
	switch (n->type) {
	case Y_NULL:
		sb_adds(b, " null\n");
		break;
	case Y_STR:
	case Y_NUM:
	case Y_BOOL:
		sb_addc(b, ' ');
		if (n->type != Y_STR)
			emit_quoted(b, n->str, n->len);
		else
			yaml_emit_scalar(b, n->str, n->len, indent + 2, true);
		sb_addc(b, '\n');
		break;
	case Y_SEQ:
	case Y_MAP:
		if (n->n == 0) {
			sb_adds(b, n->type == Y_SEQ ? " []\n" : " {}\n");
			break;
		}
		sb_addc(b, '\n');
		emit_node(b, n, indent + 2);
		break;
	}
}

static void emit_node(strbuf *b, const ynode *n, int indent)
{
	if (n->type == Y_MAP) {
		for (size_t i = 0; i < n->n; i++) {
			pad(b, indent);
			emit_key(b, n->keys[i]);
			emit_value(b, n->kids[i], indent);
		}
	} else if (n->type == Y_SEQ) {
		for (size_t i = 0; i < n->n; i++) {
			const ynode *k = n->kids[i];
			pad(b, indent);
			sb_addc(b, '-');
			if (k->type == Y_MAP && k->n > 0) {
				/* "- key: value" with the rest of the mapping aligned under it. */
				strbuf sub = STRBUF_INIT;
				emit_node(&sub, k, indent + 2);
				sb_addc(b, ' ');
				sb_adds(b, sub.s + indent + 2);
				sb_done(&sub);
			} else if (k->type == Y_SEQ && k->n > 0) {
				sb_addc(b, '\n');
				emit_node(b, k, indent + 2);
			} else {
				emit_value(b, k, indent);
			}
		}
	}
}

char *desc_format_yaml(const description *d, size_t *len)
{
	strbuf b = STRBUF_INIT;
	sb_add(&b, "", 0);
	for (size_t i = 0; i < d->std->nfields; i++) {
		if (!d->vals[i])
			continue;
		emit_key(&b, d->std->fields[i].key);
		emit_value(&b, d->vals[i], 0);
	}
	for (size_t i = 0; i < d->nextra; i++) {
		emit_key(&b, d->extra[i].key);
		emit_value(&b, d->extra[i].val, 0);
	}
	*len = b.len;
	return sb_take(&b);
}

char *desc_write_yaml(const description *d, size_t *len)
{
	if (d->source && !d->dirty) {
		*len = d->source_len;
		return xstrndup(d->source, d->source_len);
	}
	return desc_format_yaml(d, len);
}
