/* standard: loads and checks the standard's YAML files (see standard.h). A
 * broken file stops the program with file, line and problem, because every
 * screen and rule depends on it. */
#include "config.h"
#include "standard/standard.h"
#include "standard/ytree.h"
#include "base/base.h"
#include "base/paths.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STD_MAX_FILE (1024 * 1024)

static const char *kind_names[] = {
	[FK_TEXT] = "text", [FK_RICH] = "rich", [FK_CHOICE] = "choice", [FK_MULTI] = "multi",
	[FK_MONTH] = "month", [FK_LINK] = "link", [FK_CONTACT] = "contact", [FK_ITEMS] = "items",
};

const char *field_kind_name(field_kind k)
{
	return kind_names[k];
}

bool field_kind_parse(const char *name, field_kind *out)
{
	for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
		if (strcmp(kind_names[i], name) == 0) {
			*out = (field_kind)i;
			return true;
		}
	return false;
}

typedef struct loader {
	const char *file;
	char *err;
} loader;

static bool fail(loader *L, const ynode *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail(loader *L, const ynode *n, const char *fmt, ...)
{
	if (L->err)
		return false;
	va_list ap;
	va_start(ap, fmt);
	strbuf b = STRBUF_INIT;
	char tmp[512];
	/* The messages are in the catalogue (xgettext -kfail:3). */
	vsnprintf(tmp, sizeof tmp, _(fmt), ap);
	va_end(ap);
	sb_printf(&b, "%s:%d: %s", L->file, n ? n->line : 0, tmp);
	L->err = sb_take(&b);
	return false;
}

static ynode *load_tree(loader *L, const char *path)
{
	char *data;
	size_t len;
	ynode *root = NULL;
	yerror ye = { 0 };
	L->file = path;
	if (read_file(path, STD_MAX_FILE, &data, &len) < 0) {
		L->err = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (ytree_parse_yaml(data, len, &root, &ye) < 0) {
		L->err = xasprintf("%s:%d:%d: %s", path, ye.line, ye.col, ye.msg);
		yerror_done(&ye);
	} else if (!root || root->type != Y_MAP) {
		fail(L, root, "the file must be a mapping (key: value)");
		ynode_free(&root);
	}
	free(data);
	return root;
}

static char *need_str(loader *L, const ynode *map, const char *key)
{
	const ynode *v = ynode_get(map, key);
	if (!v || v->type != Y_STR || v->len == 0 || memchr(v->str, '\0', v->len)) {
		fail(L, v ? v : map, "\"%s\" is missing or not text", key);
		return NULL;
	}
	return xstrdup(v->str);
}

static bool get_bool(loader *L, const ynode *map, const char *key, bool *out)
{
	const ynode *v = ynode_get(map, key);
	*out = false;
	if (!v)
		return true;
	if (v->type == Y_STR && strcmp(v->str, "true") == 0)
		*out = true;
	else if (!(v->type == Y_STR && strcmp(v->str, "false") == 0))
		return fail(L, v, "\"%s\" must be true or false", key);
	return true;
}

static bool get_int(loader *L, const ynode *map, const char *key, int *out)
{
	const ynode *v = ynode_get(map, key);
	*out = 0;
	if (!v)
		return true;
	char *end;
	long x = v->type == Y_STR ? strtol(v->str, &end, 10) : -1;
	if (v->type != Y_STR || *end || x <= 0 || x > 1000000)
		return fail(L, v, "\"%s\" must be a positive whole number", key);
	*out = (int)x;
	return true;
}

static bool get_labels(loader *L, const ynode *map, char *label[LANG_COUNT])
{
	const ynode *l = ynode_get(map, "label");
	if (!l || l->type != Y_MAP)
		return fail(L, l ? l : map, "\"label\" must be a mapping with nl and en");
	label[LANG_NL] = need_str(L, l, "nl");
	label[LANG_EN] = need_str(L, l, "en");
	return !L->err;
}

static bool get_strlist(loader *L, const ynode *map, const char *key, char ***out, size_t *n)
{
	const ynode *v = ynode_get(map, key);
	*out = NULL;
	*n = 0;
	if (!v)
		return true;
	if (v->type != Y_SEQ)
		return fail(L, v, "\"%s\" must be a list", key);
	*out = xcalloc(v->n, sizeof **out);
	for (size_t i = 0; i < v->n; i++) {
		if (v->kids[i]->type != Y_STR)
			return fail(L, v->kids[i], "every entry of \"%s\" must be text", key);
		(*out)[(*n)++] = xstrdup(v->kids[i]->str);
	}
	return true;
}

static bool load_kind(loader *L, const ynode *map, field_kind *k)
{
	const ynode *v = ynode_get(map, "kind");
	if (!v || v->type != Y_STR || !field_kind_parse(v->str, k))
		return fail(L, v ? v : map, "\"kind\" must be one of text, rich, choice, multi, month, link, contact, items");
	return true;
}

static bool load_field(loader *L, const ynode *m, std_field *f)
{
	if (m->type != Y_MAP)
		return fail(L, m, "each field must be a mapping");
	f->line = m->line;
	if (!(f->key = need_str(L, m, "key")) || !get_labels(L, m, f->label) || !load_kind(L, m, &f->kind) ||
	    !get_int(L, m, "max_length", &f->max_length) || !get_bool(L, m, "required", &f->required) ||
	    !get_bool(L, m, "show_always", &f->show_always) ||
	    !get_strlist(L, m, "values", &f->values, &f->nvalues))
		return false;
	/* A multi field without values is a free list of text. */
	if (f->kind == FK_CHOICE && f->nvalues == 0)
		return fail(L, m, "field \"%s\" is a choice but has no values", f->key);
	const ynode *items = ynode_get(m, "items");
	if (f->kind == FK_ITEMS) {
		if (!items || items->type != Y_SEQ || items->n == 0)
			return fail(L, items ? items : m, "field \"%s\" needs a list of items sub-fields", f->key);
		f->items = xcalloc(items->n, sizeof *f->items);
		for (size_t i = 0; i < items->n; i++) {
			const ynode *s = items->kids[i];
			std_subfield *sf = &f->items[f->nitems++];
			if (s->type != Y_MAP)
				return fail(L, s, "each item sub-field must be a mapping");
			if (!(sf->key = need_str(L, s, "key")) || !get_labels(L, s, sf->label) ||
			    !load_kind(L, s, &sf->kind) || !get_int(L, s, "max_length", &sf->max_length) ||
			    !get_bool(L, s, "required", &sf->required) ||
			    !get_strlist(L, s, "suggestions", &sf->suggestions, &sf->nsuggestions))
				return false;
		}
	} else if (items) {
		return fail(L, items, "field \"%s\" has items but is not of kind items", f->key);
	}
	return true;
}

static bool load_guidance(loader *L, standard *s, const char *dir, int lang)
{
	static const char *names[LANG_COUNT] = { "guidance-nl.yaml", "guidance-en.yaml" };
	char *path = xasprintf("%s/%s", dir, names[lang]);
	ynode *root = load_tree(L, path);
	bool ok = false;
	if (!root)
		goto out;
	const ynode *fields = ynode_get(root, "fields");
	if (!fields || fields->type != Y_MAP) {
		fail(L, fields ? fields : root, "\"fields\" must be a mapping from field key to guidance");
		goto out;
	}
	for (size_t i = 0; i < fields->n; i++) {
		const std_field *cf = standard_field(s, fields->keys[i]);
		const ynode *g = fields->kids[i];
		if (!cf) {
			fail(L, g, "guidance for unknown field \"%s\"", fields->keys[i]);
			goto out;
		}
		std_field *f = &s->fields[cf->index];
		if (g->type != Y_MAP) {
			fail(L, g, "guidance for \"%s\" must be a mapping (what, tips, example)", f->key);
			goto out;
		}
		std_guidance *gd = &f->guide[lang];
		if (!(gd->what = need_str(L, g, "what")) ||
		    !get_strlist(L, g, "tips", &gd->tips, &gd->ntips))
			goto out;
		const ynode *ex = ynode_get(g, "example");
		if (ex && ex->type == Y_STR)
			gd->example = xstrdup(ex->str);
	}
	for (size_t i = 0; i < s->nfields; i++)
		if (!s->fields[i].guide[lang].what) {
			fail(L, fields, "no guidance for field \"%s\"", s->fields[i].key);
			goto out;
		}
	ok = true;
out:
	ynode_free(&root);
	free(path);
	return ok;
}

static standard *load_dir(const char *dir, bool guidance, char **err);

standard *standard_load(const char *dir, char **err)
{
	return load_dir(dir, true, err);
}

static standard *load_dir(const char *dir, bool guidance, char **err)
{
	loader L = { 0 };
	char *path = xasprintf("%s/fields.yaml", dir);
	ynode *root = load_tree(&L, path);
	standard *s = xcalloc(1, sizeof *s);
	s->dir = xstrdup(dir);
	if (!root)
		goto fail;
	if (!(s->version = need_str(&L, root, "standard")))
		goto fail;
	if (!get_strlist(&L, root, "managed", &s->managed, &s->nmanaged))
		goto fail;
	const ynode *secs = ynode_get(root, "sections");
	const ynode *fields = ynode_get(root, "fields");
	if (!secs || secs->type != Y_SEQ || secs->n == 0) {
		fail(&L, secs ? secs : root, "\"sections\" must be a non-empty list");
		goto fail;
	}
	if (!fields || fields->type != Y_SEQ || fields->n == 0) {
		fail(&L, fields ? fields : root, "\"fields\" must be a non-empty list");
		goto fail;
	}
	s->fields = xcalloc(fields->n, sizeof *s->fields);
	std_field *tmp = xcalloc(fields->n, sizeof *tmp);
	size_t ntmp = 0;
	bool ok = true;
	for (size_t i = 0; i < fields->n && ok; i++) {
		ok = load_field(&L, fields->kids[i], &tmp[ntmp]);
		ntmp++;
		for (size_t j = 0; ok && j + 1 < ntmp; j++)
			if (strcmp(tmp[j].key, tmp[ntmp - 1].key) == 0)
				ok = fail(&L, fields->kids[i], "field \"%s\" is declared twice", tmp[j].key);
	}
	/* Order the fields section by section, as the register's layout does. */
	bool *used = xcalloc(ntmp, sizeof *used);
	s->sections = xcalloc(secs->n, sizeof *s->sections);
	for (size_t i = 0; ok && i < secs->n; i++) {
		const ynode *sm = secs->kids[i];
		std_section *sec = &s->sections[s->nsections++];
		if (sm->type != Y_MAP) {
			ok = fail(&L, sm, "each section must be a mapping");
			break;
		}
		if (!(sec->key = need_str(&L, sm, "key")) || !get_labels(&L, sm, sec->label)) {
			ok = false;
			break;
		}
		const ynode *fl = ynode_get(sm, "fields");
		if (!fl || fl->type != Y_SEQ) {
			ok = fail(&L, fl ? fl : sm, "section \"%s\" needs a list of fields", sec->key);
			break;
		}
		sec->first = s->nfields;
		for (size_t j = 0; ok && j < fl->n; j++) {
			const char *k = ynode_str(fl->kids[j]);
			size_t t = 0;
			while (k && t < ntmp && strcmp(tmp[t].key, k) != 0)
				t++;
			if (!k || t == ntmp)
				ok = fail(&L, fl->kids[j], "section lists unknown field \"%s\"", k ? k : "?");
			else if (used[t])
				ok = fail(&L, fl->kids[j], "field \"%s\" is in more than one section", k);
			else {
				used[t] = true;
				s->fields[s->nfields] = tmp[t];
				s->fields[s->nfields].section = i;
				s->fields[s->nfields].index = s->nfields;
				s->nfields++;
			}
		}
		sec->count = s->nfields - sec->first;
	}
	for (size_t t = 0; ok && t < ntmp; t++)
		if (!used[t])
			ok = fail(&L, fields->kids[t], "field \"%s\" is in no section", tmp[t].key);
	if (!ok) {
		/* Fields not moved into s are freed through a temporary standard. */
		standard t2 = { 0 };
		t2.fields = xcalloc(ntmp, sizeof *t2.fields);
		for (size_t t = 0; t < ntmp; t++)
			if (!used[t])
				t2.fields[t2.nfields++] = tmp[t];
		standard *tp = xcalloc(1, sizeof *tp);
		*tp = t2;
		standard_free(&tp);
	}
	free(used);
	free(tmp);
	if (!ok)
		goto fail;
	ynode_free(&root);
	free(path);
	if (guidance && (!load_guidance(&L, s, dir, LANG_NL) || !load_guidance(&L, s, dir, LANG_EN))) {
		*err = L.err;
		standard_free(&s);
		return NULL;
	}
	return s;
fail:
	if (!L.err)
		L.err = xasprintf(_("%s: cannot load the standard"), path);
	*err = L.err;
	ynode_free(&root);
	free(path);
	standard_free(&s);
	return NULL;
}

static standard *load_version(const char *version, bool guidance, char **err)
{
	const char *env = getenv("ALGEDIT_STANDARD_DIR");
	if (env && *env)
		return load_dir(env, guidance, err);
	char *dir = xasprintf("%s/standard/%s", algedit_datadir(), version);
	standard *s = load_dir(dir, guidance, err);
	free(dir);
	return s;
}

standard *standard_load_version(const char *version, char **err)
{
	return load_version(version, true, err);
}

standard *standard_load_facts(const char *version, char **err)
{
	return load_version(version, false, err);
}

static void free_strs(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void standard_free(standard **ps)
{
	standard *s = *ps;
	if (!s)
		return;
	for (size_t i = 0; i < s->nfields; i++) {
		std_field *f = &s->fields[i];
		free(f->key);
		for (int l = 0; l < LANG_COUNT; l++) {
			free(f->label[l]);
			free(f->guide[l].what);
			free(f->guide[l].example);
			free_strs(f->guide[l].tips, f->guide[l].ntips);
		}
		free_strs(f->values, f->nvalues);
		for (size_t j = 0; j < f->nitems; j++) {
			free(f->items[j].key);
			for (int l = 0; l < LANG_COUNT; l++)
				free(f->items[j].label[l]);
			free_strs(f->items[j].suggestions, f->items[j].nsuggestions);
		}
		free(f->items);
	}
	free(s->fields);
	for (size_t i = 0; i < s->nsections; i++) {
		free(s->sections[i].key);
		for (int l = 0; l < LANG_COUNT; l++)
			free(s->sections[i].label[l]);
	}
	free(s->sections);
	free_strs(s->managed, s->nmanaged);
	free(s->version);
	free(s->dir);
	free(s);
	*ps = NULL;
}

const std_field *standard_field(const standard *s, const char *key)
{
	for (size_t i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].key, key) == 0)
			return &s->fields[i];
	return NULL;
}

bool standard_is_managed(const standard *s, const char *key)
{
	for (size_t i = 0; i < s->nmanaged; i++)
		if (strcmp(s->managed[i], key) == 0)
			return true;
	return false;
}

bool std_field_has_value(const std_field *f, const char *v)
{
	for (size_t i = 0; i < f->nvalues; i++)
		if (strcmp(f->values[i], v) == 0)
			return true;
	return false;
}
