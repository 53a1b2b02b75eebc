/* answer: what the register's submission API answers, read for the user:
 * the code of a new description, NO_CHANGES, and a 422's FastAPI detail as
 * findings on the fields, worded like those of `algedit check`. Answers are
 * untrusted input: read with the JSON reader's limits, printed escaped by the
 * caller. */
#include "config.h"
#include "register/register.h"
#include "standard/ytree.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static ynode *parse(const char *body, size_t len)
{
	ynode *root = NULL;
	yerror ye = { 0 };
	if (!body || ytree_parse_json(body, len, &root, &ye) < 0) {
		yerror_done(&ye);
		return NULL;
	}
	return root;
}

long reg_retry_wait(long retry_after)
{
	if (retry_after < 0)
		return 5; /* none given, or a date: a short pause */
	if (retry_after < 1)
		return 1;
	return retry_after > REG_MAX_WAIT ? REG_MAX_WAIT : retry_after;
}

bool reg_lars_valid(const char *s)
{
	if (!s || strlen(s) != 8)
		return false;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	return true;
}

char *reg_answer_lars(const char *body, size_t len)
{
	ynode *root = parse(body, len);
	const ynode *v = root && root->type == Y_MAP ? ynode_get(root, "lars_code") : NULL;
	char *out = NULL;
	if (v && (v->type == Y_STR || v->type == Y_NUM) && strlen(v->str) == v->len && reg_lars_valid(v->str))
		out = xstrdup(v->str);
	ynode_free(&root);
	return out;
}

/* A scalar's text, or NULL for null, absent or not a scalar. */
static const char *scalar(const ynode *m, const char *key)
{
	const ynode *v = ynode_get(m, key);
	return v && (v->type == Y_STR || v->type == Y_NUM) && v->str && strlen(v->str) == v->len ? v->str : NULL;
}

char *reg_answer_find(const char *body, size_t len, const char *name, const char *source_id, int *found)
{
	ynode *root = parse(body, len);
	char *out = NULL;
	*found = 0;
	if (!root || root->type != Y_SEQ) {
		ynode_free(&root);
		*found = -1;
		return NULL;
	}
	for (size_t i = 0; i < root->n; i++) {
		const ynode *e = root->kids[i];
		if (e->type != Y_MAP)
			continue;
		const char *n = scalar(e, "name"), *sid = scalar(e, "source_id"), *l = scalar(e, "lars");
		bool same_sid = (!sid || !*sid) ? (!source_id || !*source_id) : source_id && !strcmp(sid, source_id);
		if (n && name && !strcmp(n, name) && same_sid && reg_lars_valid(l)) {
			(*found)++;
			if (!out)
				out = xstrdup(l);
		}
	}
	ynode_free(&root);
	return out;
}

char *reg_answer_state(const char *body, size_t len)
{
	ynode *root = parse(body, len);
	const char *st = root && root->type == Y_MAP ? scalar(root, "state") : NULL;
	char *out = NULL;
	/* A word of letters, digits and _ (STATE_1, PUBLISHED); nothing else
	 * is kept in a record. */
	if (st && *st && strlen(st) <= 64 && strspn(st, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") == strlen(st))
		out = xstrdup(st);
	ynode_free(&root);
	return out;
}

bool reg_answer_no_changes(const char *body, size_t len)
{
	ynode *root = parse(body, len);
	const char *m = root && root->type == Y_MAP ? ynode_str(ynode_get(root, "message")) : NULL;
	bool yes = m && !strcmp(m, "NO_CHANGES");
	ynode_free(&root);
	return yes;
}

/* "[0].title" for the rest of a loc after the key: list positions counted
 * from 1, as people count items. */
static void loc_rest(strbuf *b, const ynode *loc, size_t from)
{
	for (size_t i = from; i < loc->n; i++) {
		const ynode *p = loc->kids[i];
		if (p->type == Y_NUM) {
			/* A position is the register's, not ours: one beyond any list
			 * (or a number strtol clamps to LONG_MAX) is not counted on. */
			errno = 0;
			char *end;
			long k = strtol(p->str, &end, 10);
			if (!errno && end != p->str && k >= 0 && k < REG_MAX_ANSWER)
				sb_printf(b, _(", item %ld"), k + 1);
		} else if (p->type == Y_STR) {
			sb_printf(b, ", %s", p->str);
		}
	}
}

size_t reg_detail_findings(const description *d, const char *body, size_t len, findings *out)
{
	ynode *root = parse(body, len);
	const ynode *detail = root && root->type == Y_MAP ? ynode_get(root, "detail") : NULL;
	size_t added = 0;
	if (!detail || detail->type != Y_SEQ) {
		ynode_free(&root);
		return 0;
	}
	const standard *std = d->std;
	for (size_t i = 0; i < detail->n; i++) {
		const ynode *e = detail->kids[i];
		if (e->type != Y_MAP)
			continue;
		const ynode *loc = ynode_get(e, "loc");
		const char *msg = ynode_str(ynode_get(e, "msg"));
		if (!msg)
			msg = "";
		/* loc is ["body", KEY, ...]; a bare [KEY, ...] is read the same way. */
		size_t k = 0;
		if (loc && loc->type == Y_SEQ && loc->n > 0 && loc->kids[0]->type == Y_STR && !strcmp(loc->kids[0]->str, "body"))
			k = 1;
		const char *key = loc && loc->type == Y_SEQ && k < loc->n && loc->kids[k]->type == Y_STR ? loc->kids[k]->str : NULL;
		const std_field *f = key ? standard_field(std, key) : NULL;
		int line = 0, col = 0;
		if (f && d->key_line && d->key_line[f->index]) {
			line = d->key_line[f->index];
			col = d->key_col[f->index];
			/* Inside a list of items: the item, and the key in it. */
			const ynode *v = d->vals[f->index];
			for (size_t j = k + 1; v && loc && j < loc->n; j++) {
				const ynode *p = loc->kids[j];
				const ynode *next = NULL;
				if (p->type == Y_NUM && v->type == Y_SEQ) {
					long at = strtol(p->str, NULL, 10);
					if (at >= 0 && (size_t)at < v->n)
						next = v->kids[at];
				} else if (p->type == Y_STR && v->type == Y_MAP) {
					for (size_t m = 0; m < v->n; m++)
						if (!strcmp(v->keys[m], p->str)) {
							next = v->kids[m];
							line = v->key_lines[m];
							col = v->key_cols[m];
						}
					v = next;
					continue;
				}
				v = next;
				if (v && v->line) {
					line = v->line;
					col = v->col;
				}
			}
		}
		strbuf where = STRBUF_INIT;
		sb_adds(&where, "");
		if (loc && loc->type == Y_SEQ)
			loc_rest(&where, loc, k + 1);
		if (f)
			findings_add(out, SEV_ERROR, ORIGIN_REGISTER, "register-422", f, f->key, line, col,
			             _("%s%s: the register refused it: %s"), f->label[i18n_lang()], where.s, msg);
		else if (key)
			findings_add(out, SEV_ERROR, ORIGIN_REGISTER, "register-422", NULL, key, 0, 0,
			             _("\"%s\"%s: the register refused it: %s"), key, where.s, msg);
		else
			findings_add(out, SEV_ERROR, ORIGIN_REGISTER, "register-422", NULL, NULL, 0, 0,
			             _("the register refused the description: %s"), msg);
		sb_done(&where);
		added++;
	}
	ynode_free(&root);
	return added;
}
