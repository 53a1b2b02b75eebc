/* read: the register's answers when algedit reads back what it holds: the
 * list of an organisation's descriptions, one version, and its state. The
 * answers are untrusted input: read with the JSON reader's limits, values
 * checked (a lars code goes into a URL, so it is 8 digits or nothing), and
 * printed escaped by the caller. */
#include "config.h"
#include "register/register.h"
#include "forms/exchange.h"
#include "standard/ytree.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char *str_or_null(const ynode *v)
{
	if (!v || (v->type != Y_STR && v->type != Y_NUM) || strlen(v->str) != v->len)
		return NULL;
	return xstrdup(v->str);
}

static bool yes(const ynode *v)
{
	return v && (v->type == Y_BOOL || v->type == Y_STR) && !strcmp(v->str, "true");
}

long reg_answer_list(const char *body, size_t len, reg_listed **out)
{
	*out = NULL;
	ynode *root = NULL;
	yerror ye = { 0 };
	if (!body || ytree_parse_json(body, len, &root, &ye) < 0 || !root || root->type != Y_SEQ) {
		yerror_done(&ye);
		ynode_free(&root);
		return -1;
	}
	long n = 0;
	for (size_t i = 0; i < root->n; i++) {
		const ynode *o = root->kids[i];
		if (o->type != Y_MAP)
			continue;
		char *lars = str_or_null(ynode_get(o, "lars"));
		if (!reg_lars_valid(lars)) {
			free(lars);
			continue;
		}
		*out = xrealloc(*out, ((size_t)n + 1) * sizeof **out);
		reg_listed *l = &(*out)[n++];
		l->lars = lars;
		l->name = str_or_null(ynode_get(o, "name"));
		l->source_id = str_or_null(ynode_get(o, "source_id"));
		l->last_update = str_or_null(ynode_get(o, "last_update_dt"));
		l->published = yes(ynode_get(o, "published"));
		l->current_released = yes(ynode_get(o, "current_version_released"));
		l->current_published = yes(ynode_get(o, "current_version_published"));
	}
	ynode_free(&root);
	return n;
}

void reg_listed_free(reg_listed **v, size_t n)
{
	for (size_t i = 0; *v && i < n; i++) {
		free((*v)[i].name);
		free((*v)[i].lars);
		free((*v)[i].source_id);
		free((*v)[i].last_update);
	}
	xfree(v);
}

reg_state reg_state_parse(const char *s)
{
	if (!s)
		return REG_STATE_UNKNOWN;
	if (!strcasecmp(s, "STATE_1") || !strncasecmp(s, "In bewerking", 12))
		return REG_STATE_EDITING;
	if (!strcasecmp(s, "STATE_2") || !strncasecmp(s, "Vrijgegeven", 11))
		return REG_STATE_RELEASED;
	if (!strcasecmp(s, "PUBLISHED") || !strncasecmp(s, "Gepubliceerd", 12))
		return REG_STATE_PUBLISHED;
	return REG_STATE_UNKNOWN;
}

const char *reg_state_label(reg_state st)
{
	switch (st) {
	case REG_STATE_EDITING: return _("being edited (in bewerking)");
	case REG_STATE_RELEASED: return _("released, waiting for approval (vrijgegeven)");
	case REG_STATE_PUBLISHED: return _("published (gepubliceerd)");
	case REG_STATE_UNKNOWN: break;
	}
	return _("unknown");
}

description *reg_answer_version(const standard *std, const char *body, size_t len, reg_state *state, findings *fs)
{
	*state = REG_STATE_UNKNOWN;
	ynode *root = NULL;
	yerror ye = { 0 };
	if (!body || ytree_parse_json(body, len, &root, &ye) < 0 || !root || root->type != Y_MAP) {
		findings_add(fs, SEV_ERROR, ORIGIN_INPUT, "register-answer", NULL, NULL, 0, 0, "%s",
		             _("the register's answer is not a description (a JSON object)"));
		yerror_done(&ye);
		ynode_free(&root);
		return NULL;
	}
	*state = reg_state_parse(ynode_str(ynode_get(root, "state")));
	/* The register's own record keeping is no part of the description. */
	ynode *obj = ynode_new(Y_MAP, root->line, root->col);
	size_t known = 0;
	for (size_t i = 0; i < root->n; i++) {
		const char *k = root->keys[i];
		if (!strcmp(k, "create_dt") || !strcmp(k, "language") || !strcmp(k, "state") || !strcmp(k, "id"))
			continue;
		known += standard_field(std, k) != NULL;
		const ynode *v = root->kids[i];
		/* the code as text, whether the answer wrote it as a string or a number */
		ynode *c = !strcmp(k, "lars") && v->type == Y_NUM ? ynode_new_str(v->str, v->len, v->line, v->col) : ynode_copy(v);
		ynode_put(obj, k, c, root->key_lines ? root->key_lines[i] : 0, root->key_cols ? root->key_cols[i] : 0);
	}
	description *d = NULL;
	char *lars = str_or_null(ynode_get(root, "lars"));
	if (!known || !reg_lars_valid(lars)) {
		findings_add(fs, SEV_ERROR, ORIGIN_INPUT, "register-answer", NULL, NULL, 0, 0, "%s",
		             _("the register's answer is not a description with its register code (lars)"));
	} else {
		findings notes;
		findings_init(&notes);
		d = desc_import_api(std, obj, &notes);
		/* only what stops it is said; renamed values are the register's own */
		for (size_t i = 0; i < notes.n; i++)
			if (notes.v[i].sev == SEV_ERROR)
				findings_add(fs, SEV_ERROR, notes.v[i].org, notes.v[i].rule, notes.v[i].field, notes.v[i].key,
				             notes.v[i].line, notes.v[i].col, "%s", notes.v[i].msg);
		findings_done(&notes);
	}
	free(lars);
	ynode_free(&obj);
	ynode_free(&root);
	return d;
}
