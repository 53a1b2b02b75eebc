/* desc: reading and writing descriptions (see desc.h). The writer is ours, not
 * libyaml's emitter, so that the file layout is stable and readable: keys in
 * the standard's order, block scalars for long text, quotes only where another
 * YAML reader would otherwise mistype a value. */
#include "config.h"
#include "forms/desc.h"
#include "forms/month.h"
#include "base/base.h"
#include "base/contain.h"
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
		/* Grown by doubling: a file of 10,000 unknown keys took seconds
		 * one realloc per key (fuzz_reader timed out on its seed keys-10000.yaml). */
		if ((d->nextra & (d->nextra - 1)) == 0)
			d->extra = xrealloc(d->extra, (d->nextra ? 2 * d->nextra : 1) * sizeof *d->extra);
		desc_extra *x = &d->extra[d->nextra++];
		x->key = xstrdup(root->keys[i]);
		x->val = ynode_copy(root->kids[i]);
		x->line = root->key_lines[i];
		x->col = root->key_cols[i];
	}
	return d;
}

void desc_read_error(findings *out, const yerror *ye, bool json)
{
	switch (ye->kind) {
	case YERR_SIZE:
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "too-big", NULL, NULL, 0, 0,
		             _("the file is larger than %u MiB; is this the right file?"),
		             YTREE_MAX_SIZE / (1024 * 1024));
		break;
	case YERR_DEPTH:
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "too-deep", NULL, NULL, ye->line, ye->col,
		             _("lists and mappings are nested more than %d levels deep here; a description needs three at most, is this the right file?"),
		             YTREE_MAX_DEPTH);
		break;
	case YERR_KEYS:
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "too-many-keys", NULL, NULL, ye->line, ye->col,
		             _("a mapping has more than %d keys here; a description has a few dozen, is this the right file?"),
		             YTREE_MAX_KEYS);
		break;
	default:
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "syntax", NULL, NULL, ye->line, ye->col,
		             json ? _("this is not valid JSON here: %s") : _("this is not valid YAML here: %s"),
		             ye->msg ? ye->msg : "?");
		break;
	}
}

/* The first scalar in n that is not text (*field: the top-level key it is
 * under), or the mapping with a key that is not UTF-8 (*kl, *kc: its place). */
static const ynode *bad_text(const ynode *n, const char **field, const char *top, bool *nul, int *kl, int *kc)
{
	if (!n)
		return NULL;
	if (n->str && (memchr(n->str, '\0', n->len) || utf8_invalid_offset(n->str, n->len) >= 0)) {
		*field = top;
		*nul = memchr(n->str, '\0', n->len) != NULL;
		return n;
	}
	for (size_t i = 0; i < n->n; i++) {
		const char *t = top ? top : n->type == Y_MAP ? n->keys[i] : NULL;
		if (n->type == Y_MAP && utf8_invalid_offset(n->keys[i], strlen(n->keys[i])) >= 0) {
			*field = NULL;
			*nul = false;
			*kl = n->key_lines[i];
			*kc = n->key_cols[i];
			return n;
		}
		const ynode *b = bad_text(n->kids[i], field, t, nul, kl, kc);
		if (b)
			return b;
	}
	return NULL;
}

bool desc_tree_text_ok(const standard *std, const ynode *root, findings *out)
{
	const char *key = NULL;
	bool nul = false;
	int kl = 0, kc = 0;
	const ynode *b = bad_text(root, &key, NULL, &nul, &kl, &kc);
	if (!b)
		return true;
	if (kl || kc) {
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "utf8", NULL, NULL, kl, kc, "%s",
		             _("a key is not valid UTF-8 text; save the file as UTF-8 and try again"));
		return false;
	}
	const std_field *f = key ? standard_field(std, key) : NULL;
	/* The key is shown as the file has it; it is valid UTF-8 here. */
	const char *name = f ? f->label[i18n_lang()] : key ? key : "-";
	if (nul)
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "nul", f, key, b->line, b->col,
		             _("%s: the value holds a NUL character (\\u0000 or \\0); a field holds text only, remove it and try again"),
		             name);
	else
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "utf8", f, key, b->line, b->col,
		             _("%s: the value is not valid UTF-8 text (an escape such as \\ud800 stands for no character); correct it and try again"),
		             name);
	return false;
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
		desc_read_error(out, &ye, fmt == DESC_API);
		yerror_done(&ye);
	} else if (!root) {
		findings_add(out, SEV_ERROR, ORIGIN_INPUT, "empty", NULL, NULL, 0, 0, "%s",
		             _("the file holds no description, only comments"));
	} else if (desc_tree_text_ok(std, root, out)) {
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

char *desc_link_msg(const char *link)
{
	return xasprintf(_("%s is a symbolic link (symlink) to somewhere else; algedit does not open it: remove it, or ask who added it"),
	                 link);
}

description *desc_read_file_at(const standard *std, const char *path, int ncomp, desc_format fmt,
                               findings *out)
{
	char *data;
	size_t len;
	if (contain_read(path, ncomp, DESC_MAX_FILE, &data, &len) < 0) {
		if (errno == ELOOP) {
			/* Named from the folder the caller trusts: algoritmes/x.yaml. */
			size_t at = contain_link_at(path, ncomp), from = contain_walked_at(path, ncomp);
			char *link = at > from ? xstrndup(path + from, at - from) : xstrdup(path + from);
			char *m = desc_link_msg(link);
			findings_add(out, SEV_ERROR, ORIGIN_INPUT, "symlink", NULL, NULL, 0, 0, "%s", m);
			free(m);
			free(link);
			return NULL;
		}
		if (errno == EFBIG)
			findings_add(out, SEV_ERROR, ORIGIN_INPUT, "too-big", NULL, NULL, 0, 0, "%s",
			             _("the file is larger than 1 MiB; a description is far smaller, is this the right file?"));
		else if (errno == EINVAL)
			findings_add(out, SEV_ERROR, ORIGIN_INPUT, "unreadable", NULL, NULL, 0, 0, "%s",
			             _("this is not a regular file; algedit reads descriptions only from files"));
		else
			findings_add(out, SEV_ERROR, ORIGIN_INPUT, "unreadable", NULL, NULL, 0, 0,
			             _("cannot read the file: %s"), strerror(errno));
		return NULL;
	}
	description *d = desc_read(std, data, len, fmt, out);
	free(data);
	return d;
}

void desc_fill_defaults(description *d)
{
	/* A choice with one permitted value has that value. */
	for (size_t i = 0; i < d->std->nfields; i++) {
		const std_field *f = &d->std->fields[i];
		if (f->kind == FK_CHOICE && f->nvalues == 1 && !d->vals[i])
			desc_set_text(d, f, f->values[0]);
	}
	const std_field *lang = standard_field(d->std, "lang"), *ver = standard_field(d->std, "standard_version");
	if (lang && !d->vals[lang->index] && std_field_has_value(lang, "nld"))
		desc_set_text(d, lang, "nld");
	if (ver && !d->vals[ver->index] && std_field_has_value(ver, d->std->version))
		desc_set_text(d, ver, d->std->version);
}

bool desc_equal(const description *a, const description *b)
{
	for (size_t i = 0; i < a->std->nfields; i++)
		if (!ynode_equal(a->vals[i], b->vals[i]))
			return false;
	if (a->nextra != b->nextra)
		return false;
	for (size_t i = 0; i < a->nextra; i++)
		if (strcmp(a->extra[i].key, b->extra[i].key) || !ynode_equal(a->extra[i].val, b->extra[i].val))
			return false;
	return true;
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
	/* A month as typed ("maart 2021", "3/2021") is kept as the standard
	 * writes it; anything else stays as typed, for the rules to report. */
	char month[8];
	if (f->kind == FK_MONTH && text && month_normalize(text, month))
		text = month;
	desc_set(d, f, text ? ynode_new_str(text, strlen(text), 0, 0) : NULL);
}

/* ---- writing ---- */

static void emit_node(strbuf *b, const ynode *n, int indent);

static void emit_key(strbuf *b, const char *key)
{
	yaml_emit_scalar(b, key, strlen(key), 0, false);
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
			yaml_emit_quoted(b, n->str, n->len);
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
	if (b.len == 0)
		sb_adds(&b, "{}\n"); /* an empty description still reads back as one */
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
