/* exchange: import from and export to the register's own formats (see
 * exchange.h). Length counting and the HTML itself live in forms/html. */
#include "config.h"
#include "forms/exchange.h"
#include "forms/html.h"
#include "forms/slug.h"
#include "forms/diff.h"
#include "forms/rules.h"
#include "base/base.h"
#include "base/escape.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

/* Converts one scalar from the register's layout to ours. */
static ynode *import_scalar(const std_field *f, const ynode *n)
{
	char *t;
	if (f->kind == FK_RICH)
		t = register_to_rich(n->str);
	else
		t = html_stored_plain(n->str, n->len);
	if (!t) /* the register could not read it either: keep it as it was */
		return ynode_copy(n);
	ynode *r = ynode_new_str(t, strlen(t), n->line, n->col);
	free(t);
	return r;
}

static void lowercase_lang(ynode *n)
{
	if (n && n->type == Y_STR && !strcmp(n->str, "NLD"))
		memcpy(n->str, "nld", 3);
}

description *desc_import_api(const standard *std, const ynode *obj, findings *out)
{
	if (obj && !desc_tree_text_ok(std, obj, out))
		return NULL;
	description *d = desc_from_tree(std, obj, DESC_YAML, out);
	if (!d)
		return NULL;
	for (size_t i = 0; i < std->nfields; i++) {
		const std_field *f = &std->fields[i];
		ynode *v = d->vals[i];
		if (!v)
			continue;
		if (v->type == Y_NULL) {
			ynode_free(&d->vals[i]);
			continue;
		}
		/* Every text as the register stores it: leading blanks and a byte-order
		 * mark it drops are dropped here too. */
		if (v->type == Y_STR && f->kind != FK_CHOICE && f->kind != FK_MULTI && f->kind != FK_ITEMS) {
			d->vals[i] = import_scalar(f, v);
			ynode_free(&v);
		}
		if (!strcmp(f->key, "lang")) {
			const char *before = ynode_str(d->vals[i]);
			if (before && !strcmp(before, "NLD")) {
				lowercase_lang(d->vals[i]);
				findings_add(out, SEV_NOTE, ORIGIN_ADVICE, "imported", f, NULL, d->vals[i]->line, d->vals[i]->col, "%s",
				             _("the language \"NLD\" was changed to \"nld\", the value the register accepts"));
			}
		}
	}
	/* Template bookkeeping and keys of older standards do not travel. */
	size_t kept = 0;
	strbuf dropped = STRBUF_INIT;
	for (size_t i = 0; i < d->nextra; i++) {
		desc_extra *x = &d->extra[i];
		if (standard_is_managed(std, x->key)) {
			d->extra[kept++] = *x;
			continue;
		}
		sb_printf(&dropped, "%s%s", dropped.len ? ", " : "", x->key);
		free(x->key);
		ynode_free(&x->val);
	}
	d->nextra = kept;
	if (dropped.len)
		findings_add(out, SEV_NOTE, ORIGIN_ADVICE, "imported", NULL, NULL, 0, 0,
		             _("left out keys that are not part of standard %s: %s"), std->version, dropped.s);
	sb_done(&dropped);
	d->dirty = true;
	return d;
}

static void export_value(strbuf *b, const std_field *f, const ynode *n)
{
	if (n->type == Y_NULL) {
		sb_adds(b, "null");
	} else if (n->type == Y_STR) {
		char *h = f && f->kind == FK_RICH ? rich_to_register_html(n->str) : f ? text_to_html(n->str) : xstrdup(n->str);
		json_add_str(b, h, strlen(h));
		free(h);
	} else if (n->type == Y_NUM || n->type == Y_BOOL) {
		sb_add(b, n->str, n->len);
	} else if (n->type == Y_SEQ) {
		sb_addc(b, '[');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				sb_adds(b, ", ");
			/* List values and grouping items are sent as typed: the register
			 * keeps them as they are. */
			export_value(b, NULL, n->kids[i]);
		}
		sb_addc(b, ']');
	} else {
		sb_addc(b, '{');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				sb_adds(b, ", ");
			json_add_str(b, n->keys[i], strlen(n->keys[i]));
			sb_adds(b, ": ");
			export_value(b, NULL, n->kids[i]);
		}
		sb_addc(b, '}');
	}
}

char *desc_export_api_json(const description *d)
{
	strbuf b = STRBUF_INIT;
	sb_addc(&b, '{');
	bool first = true;
	for (size_t i = 0; i < d->std->nfields; i++) {
		const ynode *v = d->vals[i];
		if (!v)
			continue;
		sb_adds(&b, first ? "\n  " : ",\n  ");
		first = false;
		json_add_str(&b, d->std->fields[i].key, strlen(d->std->fields[i].key));
		sb_adds(&b, ": ");
		export_value(&b, &d->std->fields[i], v);
	}
	sb_adds(&b, first ? "}\n" : "\n}\n");
	return sb_take(&b);
}

/* ---- a template made into a description ---- */

static char *trimmed(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}

static bool looks_like_link(const char *s)
{
	return !strncmp(s, "https://", 8) || !strncmp(s, "http://", 7);
}

/* A link as a person would correct it: blanks around it dropped, http://
 * made https://. NULL when it is no web address at all. */
static char *tidy_link(const char *s, bool *upgraded)
{
	char *t = trimmed(s);
	*upgraded = false;
	if (!strncmp(t, "http://", 7)) {
		char *u = xasprintf("https://%s", t + 7);
		free(t);
		t = u;
		*upgraded = true;
	}
	if (!https_link_valid(t))
		xfree(&t);
	return t;
}

static const char *item_str(const ynode *it, const char *key)
{
	const char *s = ynode_str(ynode_get(it, key));
	return s ? s : "";
}

/* The rich field that explains a list of references: where the text of an
 * item that is no reference can go. */
static const char *text_of_list(const char *key)
{
	return !strcmp(key, "lawful_basis_grouping") ? "lawful_basis"
	       : !strcmp(key, "source_data_grouping") ? "source_data"
	       : !strcmp(key, "impacttoetsen_grouping") ? "impacttoetsen" : NULL;
}

static bool append_paragraph(description *d, const char *key, const char *text)
{
	const std_field *f = standard_field(d->std, key);
	if (!f)
		return false;
	const char *had = desc_text(d, f);
	if (had && strstr(had, text))
		return true; /* it says so already */
	char *joined = had && *had ? xasprintf("%s\n\n%s", had, text) : xstrdup(text);
	bool fits = !f->max_length || field_register_length(d, f, joined, strlen(joined)) <= (size_t)f->max_length;
	if (fits)
		desc_set(d, f, ynode_new_str(joined, strlen(joined), 0, 0));
	free(joined);
	return fits;
}

void template_tidy(description *d, findings *notes)
{
	const standard *std = d->std;
	for (size_t i = 0; i < std->nfields; i++) {
		const std_field *f = &std->fields[i];
		ynode *v = d->vals[i];
		if (!v)
			continue;
		if (f->kind == FK_LINK && v->type == Y_STR) {
			bool up;
			char *l = tidy_link(v->str, &up);
			if (!l && *v->str) {
				findings_add(notes, SEV_NOTE, ORIGIN_ADVICE, "template-tidied", f, NULL, 0, 0,
				             _("%s: left out \"%s\" from the template: it is not a web address"), f->label[i18n_lang()], v->str);
				desc_set(d, f, NULL);
			} else if (l && strcmp(l, v->str) != 0) {
				if (up)
					findings_add(notes, SEV_NOTE, ORIGIN_ADVICE, "template-tidied", f, NULL, 0, 0,
					             _("%s: the template's http:// link became https:// (check that %s opens)"),
					             f->label[i18n_lang()], l);
				desc_set(d, f, ynode_new_str(l, strlen(l), 0, 0));
			}
			free(l);
			continue;
		}
		if (f->kind != FK_ITEMS || v->type != Y_SEQ)
			continue;
		ynode *keep = ynode_new(Y_SEQ, v->line, v->col);
		for (size_t k = 0; k < v->n; k++) {
			ynode *it = v->kids[k];
			if (it->type != Y_MAP) {
				ynode_push(keep, ynode_copy(it));
				continue;
			}
			char *title = trimmed(item_str(it, "title")), *link = trimmed(item_str(it, "link"));
			bool had_link = ynode_get(it, "link") && ynode_get(it, "link")->type != Y_NULL;
			if (!*title && !*link) {
				findings_add(notes, SEV_NOTE, ORIGIN_ADVICE, "template-tidied", f, NULL, 0, 0,
				             _("%s: left out the template's empty item %zu"), f->label[i18n_lang()], k + 1);
				free(title);
				free(link);
				continue;
			}
			if (looks_like_link(title) && !looks_like_link(link)) {
				char *t = title;
				title = link;
				link = t;
				findings_add(notes, SEV_NOTE, ORIGIN_ADVICE, "template-tidied", f, NULL, 0, 0,
				             _("%s: item %zu had its title and its link the wrong way round in the template; swapped"),
				             f->label[i18n_lang()], k + 1);
			}
			bool up = false;
			char *l = *link ? tidy_link(link, &up) : NULL;
			if (*link && !l) {
				/* Text where a link belongs: kept in the field that explains the list. */
				const char *to = text_of_list(f->key);
				char *para = *title ? xasprintf("%s: %s", title, link) : xstrdup(link);
				if (to && append_paragraph(d, to, para)) {
					findings_add(notes, SEV_NOTE, ORIGIN_ADVICE, "template-tidied", f, NULL, 0, 0,
					             _("%s: item %zu of the template has text where its link belongs; the text went into %s"),
					             f->label[i18n_lang()], k + 1, standard_field(std, to)->label[i18n_lang()]);
					free(para);
					free(title);
					free(link);
					continue;
				}
				free(para);
			}
			if (up)
				findings_add(notes, SEV_NOTE, ORIGIN_ADVICE, "template-tidied", f, NULL, 0, 0,
				             _("%s: the template's http:// link became https:// (check that %s opens)"),
				             f->label[i18n_lang()], l);
			/* A title longer than the standard allows is an explanation: it
			 * goes into the field that explains the list, the link stands in
			 * as the title for the person to shorten. */
			const std_subfield *tf = NULL;
			for (size_t j = 0; j < f->nitems; j++)
				if (!strcmp(f->items[j].key, "title"))
					tf = &f->items[j];
			const char *to = text_of_list(f->key);
			if (l && tf && tf->max_length && utf8_count(title, strlen(title)) > (size_t)tf->max_length &&
			    strlen(l) <= (size_t)tf->max_length && to && append_paragraph(d, to, title)) {
				findings_add(notes, SEV_NOTE, ORIGIN_ADVICE, "template-tidied", f, NULL, 0, 0,
				             _("%s: the title of item %zu is longer than the standard allows; it went into %s, and the "
				               "link is its title for now: give it a short one"),
				             f->label[i18n_lang()], k + 1, standard_field(std, to)->label[i18n_lang()]);
				free(title);
				title = xstrdup(l);
			}
			ynode *n = ynode_new(Y_MAP, it->line, it->col);
			for (size_t j = 0; j < it->n; j++) {
				if (!strcmp(it->keys[j], "title"))
					ynode_put(n, "title", ynode_new_str(title, strlen(title), 0, 0), 0, 0);
				else if (!strcmp(it->keys[j], "link"))
					ynode_put(n, "link", l ? ynode_new_str(l, strlen(l), 0, 0)
					                     : had_link || *link ? ynode_new_str(link, strlen(link), 0, 0)
					                                         : ynode_new(Y_NULL, 0, 0), 0, 0);
				else
					ynode_put(n, it->keys[j], ynode_copy(it->kids[j]), 0, 0);
			}
			ynode_push(keep, n);
			free(l);
			free(title);
			free(link);
		}
		if (keep->n)
			desc_set(d, f, keep);
		else {
			ynode_free(&keep);
			desc_set(d, f, NULL);
		}
	}
}

description *template_import(const standard *std, const char *data, size_t len, const char *id, findings *out)
{
	ynode *root = NULL;
	yerror ye = { 0 };
	if (ytree_parse_json(data, len, &root, &ye) < 0) {
		desc_read_error(out, &ye, true);
		yerror_done(&ye);
		return NULL;
	}
	const ynode *pick = NULL;
	if (root && root->type == Y_MAP) {
		pick = root;
	} else if (root && root->type == Y_SEQ) {
		for (size_t i = 0; i < root->n && !pick; i++) {
			const char *tid = ynode_str(ynode_get(root->kids[i], "id"));
			if (root->kids[i]->type == Y_MAP && (!id || (tid && !strcmp(tid, id))))
				pick = root->kids[i];
		}
	}
	description *d = NULL;
	if (!pick) {
		strbuf ids = STRBUF_INIT;
		for (size_t i = 0; root && root->type == Y_SEQ && i < root->n; i++) {
			const char *tid = ynode_str(ynode_get(root->kids[i], "id"));
			if (tid)
				sb_printf(&ids, "%s%s", ids.len ? ", " : "", tid);
		}
		if (id)
			findings_add(out, SEV_ERROR, ORIGIN_INPUT, "template-id", NULL, NULL, 0, 0,
			             _("no template with id \"%s\" in this file; it has: %s"), id,
			             ids.len ? ids.s : "-");
		else
			findings_add(out, SEV_ERROR, ORIGIN_INPUT, "not-a-template", NULL, NULL, 0, 0, "%s",
			             _("the file holds no template (a JSON list of descriptions)"));
		sb_done(&ids);
	} else {
		d = desc_import_api(std, pick, out);
	}
	ynode_free(&root);
	return d;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

size_t template_list(const char *data, size_t len, template_entry **out, findings *fs)
{
	*out = NULL;
	ynode *root = NULL;
	yerror ye = { 0 };
	if (ytree_parse_json(data, len, &root, &ye) < 0) {
		desc_read_error(fs, &ye, true);
		yerror_done(&ye);
		return 0;
	}
	size_t n = 0;
	/* One object is a template too, as template_import takes it. */
	const ynode *const *objs = root && root->type == Y_SEQ ? (const ynode *const *)root->kids
	                           : root && root->type == Y_MAP ? (const ynode *const *)&root : NULL;
	size_t nobjs = root && root->type == Y_SEQ ? root->n : root && root->type == Y_MAP ? 1 : 0;
	for (size_t i = 0; i < nobjs; i++) {
		if (objs[i]->type != Y_MAP)
			continue;
		*out = xrealloc(*out, (n + 1) * sizeof **out);
		(*out)[n].id = dup_or_null(root->type == Y_SEQ ? ynode_str(ynode_get(objs[i], "id")) : NULL);
		(*out)[n].name = dup_or_null(ynode_str(ynode_get(objs[i], "name")));
		n++;
	}
	if (!n)
		findings_add(fs, SEV_ERROR, ORIGIN_INPUT, "not-a-template", NULL, NULL, 0, 0, "%s",
		             _("the file holds no template (a JSON list of descriptions)"));
	ynode_free(&root);
	return n;
}

void template_entries_free(template_entry **v, size_t n)
{
	for (size_t i = 0; *v && i < n; i++) {
		free((*v)[i].id);
		free((*v)[i].name);
	}
	xfree(v);
}

const char *import_file_kind_label(import_file_kind k)
{
	switch (k) {
	case IMPORT_LIST: return _("a list of API bodies");
	case IMPORT_TEMPLATES: return _("a supplier template file");
	case IMPORT_SITE: return _("the register's site-data export (algoritme_versions)");
	case IMPORT_LISTING: return _("the register's listing of descriptions (algoritmes: name, organisation, goal, lawful basis, status, lars code)");
	case IMPORT_BODY: break;
	}
	return _("one JSON object");
}

/* A row of a 0.2 export that holds the standard's own flags, labels or help
 * texts: in a list whose rows name their standard, it names none. */
static bool version_has_digit(const ynode *obj)
{
	const char *v = ynode_str(ynode_get(obj, "standard_version"));
	if (!v)
		v = ynode_str(ynode_get(obj, "schema"));
	return v && strpbrk(v, "0123456789");
}

static bool picked(const ynode *obj, size_t index, const char *pick)
{
	if (!pick)
		return true;
	const char *id = ynode_str(ynode_get(obj, "id")), *lars = ynode_str(ynode_get(obj, "lars"));
	if ((id && !strcmp(id, pick)) || (lars && !strcmp(lars, pick)))
		return true;
	char num[24];
	snprintf(num, sizeof num, "%zu", index + 1);
	return !strcmp(num, pick);
}

static void import_one(const standard *std, const ynode *obj, size_t index, bool list, import_result *out)
{
	out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
	imported *it = &out->v[out->n++];
	memset(it, 0, sizeof *it);
	findings_init(&it->fs);
	migrate_report_init(&it->rep);
	const char *id = ynode_str(ynode_get(obj, "id"));
	it->where = id && *id ? xstrdup(id) : list ? xasprintf("#%zu", index + 1) : xstrdup("");
	ynode *api = migrate_to_api(std, obj, &it->rep);
	size_t known = 0;
	for (size_t i = 0; api && api->type == Y_MAP && i < api->n; i++)
		known += standard_field(std, api->keys[i]) != NULL;
	if (!known) { /* some other JSON object: nothing of a description in it */
		findings_add(&it->fs, SEV_ERROR, ORIGIN_INPUT, "import-nothing", NULL, NULL, obj->line, obj->col, "%s",
		             _("this object has none of the fields of the standard (name, organization, goal, ...); it is not a description"));
		ynode_free(&api);
		return;
	}
	it->d = desc_import_api(std, api, &it->fs);
	if (it->d)
		migrate_finish(it->d, &it->rep);
	ynode_free(&api);
}

int import_file(const standard *std, const char *data, size_t len, const char *pick, import_result *out, findings *fs)
{
	memset(out, 0, sizeof *out);
	ynode *root = NULL;
	yerror ye = { 0 };
	if (ytree_parse_json(data, len, &root, &ye) < 0) {
		desc_read_error(fs, &ye, true);
		yerror_done(&ye);
		return -1;
	}
	const ynode *list = NULL;
	const ynode *versions = root && root->type == Y_MAP ? ynode_get(root, "algoritme_versions") : NULL;
	const ynode *listing = root && root->type == Y_MAP ? ynode_get(root, "algoritmes") : NULL;
	bool is_listing = listing && listing->type == Y_SEQ && listing->n;
	for (size_t i = 0; is_listing && i < listing->n; i++)
		is_listing = listing->kids[i]->type == Y_MAP && import_kind_of(listing->kids[i]) == KIND_LISTING;
	if (versions && versions->type == Y_SEQ) {
		out->kind = IMPORT_SITE;
		list = versions;
	} else if (is_listing) {
		out->kind = IMPORT_LISTING;
		list = listing;
	} else if (root && root->type == Y_SEQ) {
		list = root;
		size_t with_id = 0, maps = 0;
		for (size_t i = 0; i < root->n; i++) {
			maps += root->kids[i]->type == Y_MAP;
			with_id += root->kids[i]->type == Y_MAP && import_kind_of(root->kids[i]) == KIND_TEMPLATE;
		}
		out->kind = maps && with_id == maps ? IMPORT_TEMPLATES : IMPORT_LIST;
	} else if (root && root->type == Y_MAP) {
		out->kind = IMPORT_BODY;
		if (picked(root, 0, pick))
			import_one(std, root, 0, false, out);
	}
	if (list) {
		bool versioned = false;
		for (size_t i = 0; i < list->n; i++)
			versioned |= list->kids[i]->type == Y_MAP && version_has_digit(list->kids[i]);
		for (size_t i = 0; i < list->n; i++) {
			const ynode *o = list->kids[i];
			if (o->type != Y_MAP)
				continue;
			if (out->kind == IMPORT_SITE) {
				const char *lang = ynode_str(ynode_get(o, "language"));
				if (lang && strcasecmp(lang, "NLD") != 0) {
					out->skipped_lang++;
					continue;
				}
			}
			if (versioned && (ynode_get(o, "schema") || ynode_get(o, "standard_version")) && !version_has_digit(o)) {
				out->skipped_rows++;
				continue;
			}
			if (picked(o, i, pick))
				import_one(std, o, i, true, out);
		}
	}
	int rc = 0;
	if (!out->n) {
		if (pick)
			findings_add(fs, SEV_ERROR, ORIGIN_INPUT, "import-pick", NULL, NULL, 0, 0,
			             _("nothing in this file has the id, lars code or number \"%s\""), pick);
		else
			findings_add(fs, SEV_ERROR, ORIGIN_INPUT, "import-empty", NULL, NULL, 0, 0, "%s",
			             _("the file holds no description (a JSON object, a list of them, or the register's site-data export)"));
		rc = -1;
	}
	ynode_free(&root);
	return rc;
}

void import_result_done(import_result *r)
{
	for (size_t i = 0; i < r->n; i++) {
		desc_free(&r->v[i].d);
		free(r->v[i].where);
		migrate_report_done(&r->v[i].rep);
		findings_done(&r->v[i].fs);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* ---- identity ---- */

static const char *skip_blanks(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	return s;
}

bool ident_same(const char *a, const char *b)
{
	a = skip_blanks(a ? a : "");
	b = skip_blanks(b ? b : "");
	for (;;) {
		bool sa = isspace((unsigned char)*a), sb = isspace((unsigned char)*b);
		if (sa || sb) {
			a = skip_blanks(a);
			b = skip_blanks(b);
			/* a run of blanks matches a run of blanks, and the end matches trailing blanks */
			if (!(sa && sb) && *a && *b)
				return false;
			continue;
		}
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
		a++;
		b++;
	}
}

static char *value_of(const description *d, const char *key)
{
	const std_field *f = standard_field(d->std, key);
	const char *s = f ? desc_text(d, f) : ynode_str(desc_value(d, key));
	return xstrdup(s ? s : "");
}

void ident_put(ident_index *x, const char *slug, const description *d)
{
	ident_entry *e = NULL;
	for (size_t i = 0; i < x->n && !e; i++)
		if (!strcmp(x->v[i].slug, slug))
			e = &x->v[i];
	if (e) {
		free(e->lars);
		free(e->org);
		free(e->name);
		free(e->source_id);
		free(e->provider);
	} else {
		x->v = xrealloc(x->v, (x->n + 1) * sizeof *x->v);
		e = &x->v[x->n++];
		e->slug = xstrdup(slug);
	}
	e->lars = value_of(d, "lars");
	e->org = value_of(d, "organization");
	e->name = value_of(d, "name");
	e->source_id = value_of(d, "source_id");
	e->provider = value_of(d, "provider");
}

ident_how ident_find(const ident_index *x, const description *d, const ident_entry **out)
{
	char *lars = value_of(d, "lars"), *org = value_of(d, "organization"), *name = value_of(d, "name"),
	     *sid = value_of(d, "source_id"), *prov = value_of(d, "provider");
	ident_how how = IDENT_NEW;
	*out = NULL;
	for (size_t i = 0; *lars && i < x->n && how == IDENT_NEW; i++)
		if (!strcmp(x->v[i].lars, lars)) {
			how = IDENT_LARS;
			*out = &x->v[i];
		}
	/* Another lars code is another description in the register, whatever
	 * its name. */
	for (size_t i = 0; *name && i < x->n && how == IDENT_NEW; i++) {
		const ident_entry *e = &x->v[i];
		/* Two suppliers' templates named alike, neither of an organisation yet, are two. */
		bool owner = *org ? true : ident_same(e->provider, prov);
		if ((!*lars || !*e->lars) && ident_same(e->org, org) && owner && ident_same(e->name, name)) {
			how = IDENT_ORG_NAME;
			*out = e;
		}
	}
	for (size_t i = 0; *sid && i < x->n && how == IDENT_NEW; i++) {
		const ident_entry *e = &x->v[i];
		if ((!*lars || !*e->lars) && ident_same(e->org, org) && !strcmp(e->source_id, sid)) {
			how = IDENT_SOURCE_ID;
			*out = e;
		}
	}
	free(lars);
	free(org);
	free(name);
	free(sid);
	free(prov);
	return how;
}

void ident_done(ident_index *x)
{
	for (size_t i = 0; i < x->n; i++) {
		free(x->v[i].slug);
		free(x->v[i].lars);
		free(x->v[i].org);
		free(x->v[i].name);
		free(x->v[i].source_id);
		free(x->v[i].provider);
	}
	free(x->v);
	memset(x, 0, sizeof *x);
}

const char *ident_how_label(ident_how h)
{
	switch (h) {
	case IDENT_LARS: return _("the same lars code");
	case IDENT_ORG_NAME: return _("the same organisation and name");
	case IDENT_SOURCE_ID: return _("the same organisation and source ID");
	case IDENT_NEW: break;
	}
	return _("a new description");
}

char *slug_with_owner(const char *name, const char *org)
{
	char *n = slug_from_name(name), *o = slug_from_name(org && *org ? org : "");
	if (!org || !*org) {
		free(o);
		return n;
	}
	size_t room = SLUG_MAX > strlen(o) + 1 ? SLUG_MAX - strlen(o) - 1 : 0;
	size_t nl = strlen(n);
	if (nl > room) {
		nl = room;
		while (nl > 0 && n[nl] != '-')
			nl--;
		if (!nl)
			nl = room;
	}
	char *r = nl ? xasprintf("%.*s-%s", (int)nl, n, o) : xstrdup(o);
	free(n);
	free(o);
	/* an organisation's name of more than SLUG_MAX: as slug_from_name cuts it */
	if (strlen(r) > SLUG_MAX) {
		char *c = slug_from_name(r);
		free(r);
		r = c;
	}
	return r;
}
