/* convert: the register's own field config (the JSON its back end builds the
 * submission model and form from) into algedit's fields.yaml, so that users can
 * follow a change of the register without waiting for a new algedit. Facts come
 * from the config; what the config does not say (English labels, the kind of
 * editor, sections when no layout is given) comes from the shipped standard. */
#include "config.h"
#include "standard/standard.h"
#include "standard/ytree.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static void q(strbuf *b, const char *s)
{
	yaml_emit_quoted(b, s, strlen(s));
}

static bool truthy(const ynode *n)
{
	const char *s = ynode_str(n);
	return s && !strcmp(s, "true"); /* the config has "false" as a string once */
}

static bool is_rich(const ynode *p)
{
	const ynode *t = ynode_get(p, "allowed_html_tags");
	return t && t->type == Y_SEQ && t->n > 0;
}

/* The config's type decides the family; within it the shipped standard's kind
 * (a month, a link) is kept when the key is known. */
static field_kind guess_kind(const char *key, const ynode *p, const std_field *known)
{
	const char *type = ynode_str(ynode_get(p, "type"));
	if (type && !strcmp(type, "enum"))
		return FK_CHOICE;
	if (type && !strcmp(type, "array"))
		return ynode_get(p, "items") ? FK_ITEMS : FK_MULTI;
	if (is_rich(p))
		return FK_RICH;
	if (known && (known->kind == FK_TEXT || known->kind == FK_MONTH || known->kind == FK_LINK ||
	              known->kind == FK_CONTACT))
		return known->kind;
	if (str_ends(key, "_date"))
		return FK_MONTH;
	if (strstr(key, "email") || strstr(key, "contact"))
		return FK_CONTACT;
	if (str_ends(key, "_url") || str_ends(key, "url") || str_ends(key, "_link") || !strcmp(key, "website") ||
	    !strcmp(key, "publiccode"))
		return FK_LINK;
	return FK_TEXT;
}

static char *version_from_name(const char *name)
{
	/* config-v1_0.json -> 1.0 */
	const char *v = name ? strrchr(name, 'v') : NULL;
	if (!v || !isdigit((unsigned char)v[1]))
		return NULL;
	strbuf b = STRBUF_INIT;
	for (const char *p = v + 1; *p && (isdigit((unsigned char)*p) || *p == '_'); p++)
		sb_addc(&b, *p == '_' ? '.' : *p);
	return sb_take(&b);
}

static const char *en_label(const std_field *known, const char *nl)
{
	return known ? known->label[LANG_EN] : nl;
}

static void emit_field(strbuf *b, const char *key, const ynode *p, const std_field *known)
{
	const char *title = ynode_str(ynode_get(p, "title"));
	if (!title)
		title = key;
	sb_printf(b, "  - key: %s\n    label: {nl: ", key);
	q(b, title);
	sb_adds(b, ", en: ");
	q(b, en_label(known, title));
	sb_printf(b, "}\n    kind: %s\n", field_kind_name(guess_kind(key, p, known)));
	const char *ml = ynode_str(ynode_get(p, "max_length"));
	if (ml)
		sb_printf(b, "    max_length: %s\n", ml);
	sb_printf(b, "    required: %s\n", truthy(ynode_get(p, "required")) ? "true" : "false");
	sb_printf(b, "    show_always: %s\n", truthy(ynode_get(p, "show_always")) ? "true" : "false");
	const ynode *pv = ynode_get(p, "permitted_values");
	if (pv && pv->type == Y_SEQ) {
		sb_adds(b, "    values:\n");
		for (size_t i = 0; i < pv->n; i++)
			if (ynode_str(pv->kids[i])) {
				sb_adds(b, "      - ");
				q(b, pv->kids[i]->str);
				sb_addc(b, '\n');
			}
	}
	const ynode *items = ynode_get(p, "items");
	if (items && items->type == Y_MAP) {
		sb_adds(b, "    items:\n");
		for (size_t i = 0; i < items->n; i++) {
			const ynode *s = items->kids[i];
			const char *sk = items->keys[i];
			const char *st = ynode_str(ynode_get(s, "title"));
			const std_subfield *ks = NULL;
			for (size_t j = 0; known && j < known->nitems; j++)
				if (!strcmp(known->items[j].key, sk))
					ks = &known->items[j];
			if (!st)
				st = sk;
			sb_printf(b, "      - key: %s\n        label: {nl: ", sk);
			q(b, st);
			sb_adds(b, ", en: ");
			q(b, ks ? ks->label[LANG_EN] : st);
			sb_printf(b, "}\n        kind: %s\n",
			          ks ? field_kind_name(ks->kind) : (!strcmp(sk, "link") ? "link" : "text"));
			const char *sml = ynode_str(ynode_get(s, "max_length"));
			if (sml)
				sb_printf(b, "        max_length: %s\n", sml);
			sb_printf(b, "        required: %s\n", truthy(ynode_get(s, "required")) ? "true" : "false");
			const ynode *rec = ynode_get(s, "recommended_items");
			if (rec && rec->type == Y_SEQ && rec->n) {
				sb_adds(b, "        suggestions:\n");
				for (size_t j = 0; j < rec->n; j++)
					if (ynode_str(rec->kids[j])) {
						sb_adds(b, "          - ");
						q(b, rec->kids[j]->str);
						sb_addc(b, '\n');
					}
			}
		}
	}
}

/* Keys become YAML keys and flow-list entries in fields.yaml unquoted, and
 * the register's keys are plain names; anything else is a broken config. */
static bool plain_key(const char *k)
{
	if (!k || !(isalpha((unsigned char)k[0]) || k[0] == '_'))
		return false;
	for (const char *p = k; *p; p++)
		if (!(isalnum((unsigned char)*p) || *p == '_'))
			return false;
	return strlen(k) <= 64;
}

typedef struct sect {
	const char *key;
	const char *nl, *en;
	const char **keys;
	size_t n;
} sect;

char *standard_from_register_config(const char *config_json, size_t len, const char *config_name,
                                    const char *layout_json, size_t layout_len, const standard *base,
                                    char **err)
{
	ynode *cfg = NULL, *lay = NULL;
	yerror ye = { 0 };
	char *out = NULL;
	sect *secs = NULL;
	size_t nsecs = 0;
	*err = NULL;
	if (ytree_parse_json(config_json, len, &cfg, &ye) < 0) {
		*err = xasprintf("%s:%d:%d: %s", config_name, ye.line, ye.col, ye.msg);
		goto done;
	}
	const ynode *props = ynode_get(cfg, "properties");
	if (!props || props->type != Y_MAP || props->n == 0) {
		*err = xasprintf(_("%s:%d: no \"properties\" with the fields"), config_name, cfg ? cfg->line : 1);
		goto done;
	}
	for (size_t i = 0; i < props->n; i++) {
		if (props->kids[i]->type != Y_MAP) {
			*err = xasprintf(_("%s:%d: field \"%s\" is not an object"), config_name, props->kids[i]->line,
			                 props->keys[i]);
			goto done;
		}
		if (!plain_key(props->keys[i])) {
			*err = xasprintf(_("%s:%d: the field key \"%s\" is not a plain name (letters, digits and _)"),
			                 config_name, props->key_lines[i], props->keys[i]);
			goto done;
		}
		const ynode *items = ynode_get(props->kids[i], "items");
		for (size_t j = 0; items && items->type == Y_MAP && j < items->n; j++)
			if (!plain_key(items->keys[j]) || items->kids[j]->type != Y_MAP) {
				*err = xasprintf(_("%s:%d: the item field \"%s\" of \"%s\" is not a plain name with an object"),
				                 config_name, items->key_lines[j], items->keys[j], props->keys[i]);
				goto done;
			}
	}
	if (layout_json) {
		if (ytree_parse_json(layout_json, layout_len, &lay, &ye) < 0) {
			*err = xasprintf("layout:%d:%d: %s", ye.line, ye.col, ye.msg);
			goto done;
		}
		const ynode *tabs = ynode_get(lay, "tabsGrouping");
		if (!tabs || tabs->type != Y_SEQ) {
			*err = xstrdup(_("layout: no \"tabsGrouping\" list"));
			goto done;
		}
		secs = xcalloc(tabs->n, sizeof *secs);
		for (size_t i = 0; i < tabs->n; i++) {
			const ynode *t = tabs->kids[i], *rows = ynode_get(t, "rows");
			sect *s = &secs[nsecs++];
			s->key = ynode_str(ynode_get(t, "key"));
			s->nl = ynode_str(ynode_get(t, "label"));
			if (!plain_key(s->key) || !s->nl || !rows || rows->type != Y_SEQ) {
				*err = xasprintf(_("layout:%d: each tab needs key, label and rows"), t->line);
				goto done;
			}
			s->en = s->nl;
			for (size_t j = 0; base && j < base->nsections; j++)
				if (!strcmp(base->sections[j].key, s->key))
					s->en = base->sections[j].label[LANG_EN];
			s->keys = xcalloc(rows->n, sizeof *s->keys);
			for (size_t j = 0; j < rows->n; j++)
				if (ynode_str(rows->kids[j]) && ynode_get(props, rows->kids[j]->str))
					s->keys[s->n++] = rows->kids[j]->str;
		}
	} else if (base) {
		secs = xcalloc(base->nsections, sizeof *secs);
		for (size_t i = 0; i < base->nsections; i++) {
			const std_section *bs = &base->sections[i];
			sect *s = &secs[nsecs++];
			s->key = bs->key;
			s->nl = bs->label[LANG_NL];
			s->en = bs->label[LANG_EN];
			s->keys = xcalloc(bs->count, sizeof *s->keys);
			for (size_t j = 0; j < bs->count; j++)
				if (ynode_get(props, base->fields[bs->first + j].key))
					s->keys[s->n++] = base->fields[bs->first + j].key;
		}
	} else {
		secs = xcalloc(1, sizeof *secs);
		secs[0] = (sect){ "velden", "Velden", "Fields", NULL, 0 };
		nsecs = 1;
	}
	/* Fields in no section: the register fills those without show_always in
	 * itself (lars, publication_dt); the rest join the last section. */
	strbuf managed = STRBUF_INIT;
	for (size_t i = 0; i < props->n; i++) {
		bool placed = false;
		for (size_t s = 0; s < nsecs && !placed; s++)
			for (size_t j = 0; j < secs[s].n && !placed; j++)
				placed = !strcmp(secs[s].keys[j], props->keys[i]);
		if (placed)
			continue;
		if (!ynode_get(props->kids[i], "show_always")) {
			sb_printf(&managed, "%s%s", managed.len ? ", " : "", props->keys[i]);
			continue;
		}
		sect *last = &secs[nsecs - 1];
		last->keys = xrealloc(last->keys, (last->n + 1) * sizeof *last->keys);
		last->keys[last->n++] = props->keys[i];
	}
	char *version = version_from_name(config_name);
	if (!version)
		version = xstrdup(base ? base->version : "1.0");
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "# Publication standard %s of the Algorithm Register: the facts of each field.\n", version);
	sb_adds(&b, "# Keys, limits, value lists, required and show_always are exactly as in the\n"
	            "# register's own field config; labels in English are ours.\n"
	            "# `algedit standard --from-register-config FILE` regenerates this file.\n");
	sb_adds(&b, "standard: ");
	q(&b, version);
	sb_adds(&b, "\n# Keys the register fills in itself: a submission may carry them as text, the\n"
	            "# form does not show them.\n");
	sb_printf(&b, "managed: [%s]\nsections:\n", sb_str(&managed));
	for (size_t s = 0; s < nsecs; s++) {
		sb_printf(&b, "  - key: %s\n    label: {nl: ", secs[s].key);
		q(&b, secs[s].nl);
		sb_adds(&b, ", en: ");
		q(&b, secs[s].en);
		sb_adds(&b, "}\n    fields: [");
		for (size_t j = 0; j < secs[s].n; j++)
			sb_printf(&b, "%s%s", j ? ", " : "", secs[s].keys[j]);
		sb_adds(&b, "]\n");
	}
	sb_adds(&b, "fields:\n");
	for (size_t s = 0; s < nsecs; s++)
		for (size_t j = 0; j < secs[s].n; j++)
			emit_field(&b, secs[s].keys[j], ynode_get(props, secs[s].keys[j]),
			           base ? standard_field(base, secs[s].keys[j]) : NULL);
	out = sb_take(&b);
	sb_done(&managed);
	free(version);
done:
	for (size_t s = 0; s < nsecs; s++)
		free(secs[s].keys);
	free(secs);
	yerror_done(&ye);
	ynode_free(&cfg);
	ynode_free(&lay);
	return out;
}
