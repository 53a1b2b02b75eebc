/* migrate: the JSON Schema naming and the older standards (0.1-0.4) brought
 * to the register's 1.0 API naming, with a report (see migrate.h). The maps
 * below are the facts: the schema's keys as the reference README pairs them
 * with the API keys, and for 0.x the fields of config-v0_4 and of the 0.1/0.2
 * exports (department, impact, iama, dpia, ...) with the 1.0 field that took
 * each over, if any. */
#include "config.h"
#include "forms/migrate.h"
#include "base/escape.h"
#include "forms/html.h"
#include "forms/month.h"
#include "forms/rules.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct migrate_move {
	char *target;   /* a rich field's key */
	char *from;     /* the old key */
	char *text;     /* API format (HTML or plain) */
} migrate_move;

void migrate_report_init(migrate_report *r)
{
	memset(r, 0, sizeof *r);
	sb_init(&r->lines);
	sb_init(&r->aside);
}

void migrate_report_done(migrate_report *r)
{
	free(r->from);
	sb_done(&r->lines);
	sb_done(&r->aside);
	for (size_t i = 0; i < r->nfill; i++)
		free(r->fill[i]);
	free(r->fill);
	for (size_t i = 0; i < r->nmoves; i++) {
		free(r->moves[i].target);
		free(r->moves[i].from);
		free(r->moves[i].text);
	}
	free(r->moves);
	memset(r, 0, sizeof *r);
}

/* JSON Schema key -> API key (the README's pairs that are plain renames). */
static const char *const schema_map[][2] = {
	{ "theme", "category" },
	{ "start_date", "begin_date" },
	{ "contact", "contact_email" },
	{ "link", "website" },
	{ "source_link", "url" },
	{ "purpose_and_impact", "goal" },
	{ "considerations", "proportionality" },
	{ "risk_management", "risks" },
	{ "legal_basis", "lawful_basis" },
	{ "processing_register_link", "process_index_url" },
	{ "impact_assessment_explanation", "impacttoetsen" },
	{ "data", "source_data" },
	{ "technical_operation", "methods_and_models" },
	{ "supplier", "provider" },
	{ "source_code_link", "publiccode" },
	{ "language", "lang" },
	{ "schema", "standard_version" },
	{ "search_terms", "tags" },
};

/* Keys only the schema naming has (besides its pairs of title and link). */
static bool schema_only_key(const char *k)
{
	for (size_t i = 0; i < sizeof schema_map / sizeof *schema_map; i++)
		if (!strcmp(k, schema_map[i][0]) && strcmp(k, "data") != 0 && strcmp(k, "link") != 0 &&
		    strcmp(k, "schema") != 0 && strcmp(k, "language") != 0)
			return true;
	return !strcmp(k, "legal_basis_title") || !strcmp(k, "impact_assessments") ||
	       !strcmp(k, "data_source_title");
}

/* Keys that only the 0.x standards have (0.1/0.2 exports and config-v0_4). */
static const char *const old_only[] = {
	"department", "type", "impact", "decision_making_process", "documentation", "competent_authority",
	"iama", "iama_description", "dpia", "dpia_description", "objection_procedure", "uuid", "area",
	"revision_date", "description", "application_url", "mprd", "monitoring", "performance_standard",
	"lawful_basis_link", "source_data_link",
};

static bool is_old_only(const char *k)
{
	for (size_t i = 0; i < sizeof old_only / sizeof *old_only; i++)
		if (!strcasecmp(k, old_only[i]))
			return true;
	return false;
}

static const char *version_of(const ynode *obj)
{
	const char *v = ynode_str(ynode_get(obj, "standard_version"));
	if (!v)
		v = ynode_str(ynode_get(obj, "schema"));
	return v;
}

import_kind import_kind_of(const ynode *obj)
{
	/* The listing's Dutch keys; no key of the API has these names. */
	if (ynode_get(obj, "title") && ynode_get(obj, "organisatie") && !ynode_get(obj, "name"))
		return KIND_LISTING;
	const char *v = version_of(obj);
	/* "0.1.0", "0.4", "Metadatstandaard 0.2" */
	if (v) {
		const char *p = strstr(v, "0.");
		if (p && (p == v || p[-1] == ' ') && isdigit((unsigned char)p[2]))
			return KIND_OLD;
	}
	bool one = v && !strcmp(v, "1.0"); /* the API's own version value */
	size_t schema = 0, old = 0;
	for (size_t i = 0; obj && obj->type == Y_MAP && i < obj->n; i++) {
		schema += schema_only_key(obj->keys[i]);
		old += is_old_only(obj->keys[i]);
	}
	if (schema > 0 && schema >= old)
		return KIND_SCHEMA;
	/* A body without its version but with keys 1.0 has no place for, such as
	 * impact or department, follows an older standard; templates carry a few
	 * of them (type, uuid, iama_description) and stay templates. */
	if (!one && old >= 3 && !ynode_get(obj, "publication_category"))
		return KIND_OLD;
	if (ynode_get(obj, "id"))
		return KIND_TEMPLATE;
	return KIND_API;
}

const char *import_kind_label(import_kind k)
{
	switch (k) {
	case KIND_TEMPLATE: return _("a supplier template (standard 1.0)");
	case KIND_SCHEMA: return _("a description in the JSON Schema naming of standard 1.0");
	case KIND_OLD: return _("a description of an older standard (0.x)");
	case KIND_LISTING: return _("a summary from the register's listing");
	case KIND_API: break;
	}
	return _("an API body (standard 1.0)");
}

/* A value quoted in the report: one line, at most about 60 characters. */
static const char *brief(const char *s)
{
	static _Thread_local char buf[4][272]; /* 60 characters of up to 4 bytes, and room */
	static _Thread_local int turn;
	char *b = buf[turn++ & 3];
	size_t o = 0, chars = 0;
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p && o < sizeof buf[0] - 8; p++) {
		if ((*p & 0xC0) != 0x80 && ++chars > 60) {
			memcpy(b + o, "\xe2\x80\xa6", 3); /* … */
			o += 3;
			break;
		}
		b[o++] = *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : (char)*p;
	}
	b[o] = '\0';
	return b;
}

static void line(migrate_report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void line(migrate_report *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	char *s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb_printf(&r->lines, "  - %s\n", s);
	free(s);
}

/* Empty, null or only blanks: not worth carrying over. */
static bool blank(const ynode *v)
{
	if (!v || v->type == Y_NULL)
		return true;
	if (v->type == Y_SEQ || v->type == Y_MAP)
		return v->n == 0;
	for (size_t i = 0; i < v->len; i++)
		if (!isspace((unsigned char)v->str[i]))
			return false;
	return true;
}

static void set_aside(migrate_report *r, const char *key, const ynode *v)
{
	/* Keys from outside can hold anything (a line break would end the
	 * comment): quoted when plain would not read back. */
	yaml_emit_scalar(&r->aside, key, strlen(key), 0, false);
	sb_addc(&r->aside, ':');
	if (v->type == Y_STR) {
		/* Windows line ends (0.1 and 0.2 texts have them) as plain ones, so
		 * the text stays readable as a block. */
		strbuf t = STRBUF_INIT;
		for (size_t i = 0; i < v->len; i++)
			if (!(v->str[i] == '\r' && i + 1 < v->len && v->str[i + 1] == '\n'))
				sb_addc(&t, v->str[i]);
		sb_addc(&r->aside, ' ');
		yaml_emit_scalar(&r->aside, t.s ? t.s : "", t.len, 2, true);
		sb_done(&t);
	} else if (v->type == Y_SEQ) {
		for (size_t i = 0; i < v->n; i++) {
			sb_adds(&r->aside, "\n  - ");
			const char *s = ynode_str(v->kids[i]);
			if (s)
				yaml_emit_quoted(&r->aside, s, strlen(s));
			else
				sb_adds(&r->aside, "null");
		}
	} else {
		sb_addc(&r->aside, ' ');
		if (v->str)
			yaml_emit_quoted(&r->aside, v->str, v->len);
		else
			sb_adds(&r->aside, "null");
	}
	sb_addc(&r->aside, '\n');
}

static void add_move(migrate_report *r, const char *target, const char *from, const char *text)
{
	r->moves = xrealloc(r->moves, (r->nmoves + 1) * sizeof *r->moves);
	r->moves[r->nmoves].target = xstrdup(target);
	r->moves[r->nmoves].from = xstrdup(from);
	r->moves[r->nmoves].text = xstrdup(text);
	r->nmoves++;
}

static ynode *str_node(const char *s, const ynode *at)
{
	return ynode_new_str(s, strlen(s), at ? at->line : 0, at ? at->col : 0);
}

/* Appends {title, link} to the list under key in out. */
static void add_item(ynode *out, const char *key, const char *title, const char *link, const ynode *at)
{
	ynode *seq = ynode_get(out, key);
	if (!seq || seq->type != Y_SEQ) {
		seq = ynode_new(Y_SEQ, at ? at->line : 0, at ? at->col : 0);
		ynode_put(out, key, seq, at ? at->line : 0, at ? at->col : 0);
	}
	ynode *it = ynode_new(Y_MAP, at ? at->line : 0, at ? at->col : 0);
	ynode_put(it, "title", title ? str_node(title, at) : ynode_new(Y_NULL, 0, 0), 0, 0);
	ynode_put(it, "link", link ? str_node(link, at) : ynode_new(Y_NULL, 0, 0), 0, 0);
	ynode_push(seq, it);
}

static bool is_https(const char *s)
{
	return s && !strncmp(s, "https://", 8) && !strpbrk(s, " \t\r\n") && strlen(s) <= 500;
}

static const char *label_of(const standard *std, const char *key)
{
	const std_field *f = standard_field(std, key);
	return f ? f->label[i18n_lang()] : key;
}

/* ---- the JSON Schema naming ---- */

static void from_schema(const standard *std, const ynode *obj, ynode *out, migrate_report *r)
{
	const struct { const char *title, *link, *to; } pairs[] = {
		{ "legal_basis_title", "legal_basis_link", "lawful_basis_grouping" },
		{ "impact_assessments", "impact_assessment_link", "impacttoetsen_grouping" },
		{ "data_source_title", "data_source_link", "source_data_grouping" },
	};
	for (size_t i = 0; i < obj->n; i++) {
		const char *k = obj->keys[i];
		const ynode *v = obj->kids[i];
		bool paired = false;
		for (size_t p = 0; p < 3; p++)
			paired |= !strcmp(k, pairs[p].title) || !strcmp(k, pairs[p].link);
		if (paired)
			continue;
		const char *to = k;
		for (size_t m = 0; m < sizeof schema_map / sizeof *schema_map; m++)
			if (!strcmp(k, schema_map[m][0]))
				to = schema_map[m][1];
		ynode *c = ynode_copy(v);
		if (!strcmp(k, "schema") && c->type == Y_STR) {
			if (!strcmp(c->str, "1.0.0")) {
				ynode_free(&c);
				c = str_node("1.0", v);
			}
		} else if (!strcmp(k, "publication_category") && c->type == Y_STR) {
			char *cut = strstr(c->str, " (Categorie ");
			if (cut) {
				line(r, _("%s: \"%s\" became \"%.*s\" (the register takes the value without the category letter)"),
				     label_of(std, k), c->str, (int)(cut - c->str), c->str);
				*cut = '\0';
				c->len = strlen(c->str);
			}
		}
		if (strcmp(to, k) != 0)
			line(r, _("renamed %s to %s (%s)"), k, to, label_of(std, to));
		ynode_put(out, to, c, obj->key_lines ? obj->key_lines[i] : 0, obj->key_cols ? obj->key_cols[i] : 0);
	}
	for (size_t p = 0; p < 3; p++) {
		const ynode *t = ynode_get(obj, pairs[p].title), *l = ynode_get(obj, pairs[p].link);
		if (blank(t) && blank(l))
			continue;
		add_item(out, pairs[p].to, blank(t) ? NULL : ynode_str(t), blank(l) ? NULL : ynode_str(l), t ? t : l);
		line(r, _("moved %s and %s into the list %s"), pairs[p].title, pairs[p].link, label_of(std, pairs[p].to));
	}
}

/* ---- older standards ---- */

/* Category values of 0.4 that 1.0 renamed. */
static const char *const category_renamed[][2] = {
	{ "Financiën", "Overheidsfinanciën" },
	{ "Huisvesting", "Wonen" },
};

static const char *category_value(const std_field *f, const char *s)
{
	for (size_t i = 0; i < f->nvalues; i++)
		if (!strcasecmp(f->values[i], s))
			return f->values[i];
	for (size_t i = 0; i < sizeof category_renamed / sizeof *category_renamed; i++)
		if (!strcasecmp(category_renamed[i][0], s))
			return category_renamed[i][1];
	return NULL;
}

/* A 0.x category: a list, a PostgreSQL array literal ({Werk,"Ruimte en
 * infrastructuur"}) or a single string. Items 1.0 knows go to the list;
 * the others are returned in *rest (caller frees) to be kept aside. */
static ynode *old_category(const std_field *f, const ynode *v, char **rest)
{
	ynode *out = ynode_new(Y_SEQ, v->line, v->col);
	strbuf left = STRBUF_INIT;
	char **items = NULL;
	size_t n = 0;
	if (v->type == Y_SEQ) {
		for (size_t i = 0; i < v->n; i++)
			if (ynode_str(v->kids[i])) {
				items = xrealloc(items, (n + 1) * sizeof *items);
				items[n++] = xstrdup(ynode_str(v->kids[i]));
			}
	} else if (v->type == Y_STR && v->len >= 2 && v->str[0] == '{' && v->str[v->len - 1] == '}') {
		const char *p = v->str + 1, *end = v->str + v->len - 1;
		while (p < end) {
			strbuf it = STRBUF_INIT;
			bool q = false;
			for (; p < end && (q || *p != ','); p++) {
				if (*p == '"')
					q = !q;
				else if (*p == '\\' && p + 1 < end)
					sb_addc(&it, *++p);
				else
					sb_addc(&it, *p);
			}
			items = xrealloc(items, (n + 1) * sizeof *items);
			items[n++] = sb_take(&it);
			if (p < end)
				p++;
		}
	} else if (v->type == Y_STR) {
		items = xrealloc(items, sizeof *items);
		items[n++] = xstrdup(v->str);
	}
	for (size_t i = 0; i < n; i++) {
		const char *c = category_value(f, items[i]);
		bool dup = false;
		for (size_t k = 0; c && k < out->n; k++)
			dup |= !strcmp(out->kids[k]->str, c);
		if (c && !dup)
			ynode_push(out, str_node(c, v));
		else if (!c && items[i][0])
			sb_printf(&left, "%s%s", left.len ? ", " : "", items[i]);
		free(items[i]);
	}
	free(items);
	*rest = left.len ? sb_take(&left) : (sb_done(&left), NULL);
	if (!out->n)
		ynode_free(&out);
	return out;
}

static const char *old_status(const char *s)
{
	static const char *const map[][2] = {
		{ "In gebruik", "In gebruik" }, { "In ontwikkeling", "In ontwikkeling" },
		{ "Buiten gebruik", "Buiten gebruik" }, { "Actief", "In gebruik" },
		{ "In productie", "In gebruik" }, { "In werking", "In gebruik" },
		{ "Gestopt", "Buiten gebruik" },
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (!strcasecmp(s, map[i][0]))
			return map[i][1];
	return NULL;
}

/* What the register kept about a version, not what its author wrote. */
static bool is_bookkeeping(const char *k)
{
	static const char *const keys[] = { "owner", "create_dt", "published", "released", "state", "uuid", "id",
	                                     "language" };
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (!strcmp(k, keys[i]))
			return true;
	return false;
}

static bool says_yes(const char *s)
{
	return !strcasecmp(s, "ja") || !strcasecmp(s, "yes") || !strcasecmp(s, "true");
}

static bool says_no(const char *s)
{
	return !strcasecmp(s, "nee") || !strcasecmp(s, "no") || !strcasecmp(s, "false");
}

static bool is_dutch(const char *s)
{
	static const char *const nl[] = { "nld", "nl", "nederlands", "dutch" };
	for (size_t i = 0; i < sizeof nl / sizeof *nl; i++)
		if (!strcasecmp(s, nl[i]))
			return true;
	return false;
}

/* Keys kept as they are: the same field in 0.x and 1.0. */
static bool same_in_one(const standard *std, const char *k)
{
	return (standard_field(std, k) && strcmp(k, "category") != 0 && strcmp(k, "status") != 0 &&
	        strcmp(k, "lang") != 0 && strcmp(k, "standard_version") != 0 && strcmp(k, "impacttoetsen") != 0 &&
	        strcmp(k, "begin_date") != 0 && strcmp(k, "end_date") != 0) ||
	       standard_is_managed(std, k);
}

static void assessment(const standard *std, ynode *out, migrate_report *r, const char *key, const ynode *v,
                       const char *title)
{
	const char *s = ynode_str(v);
	if (s && says_yes(s)) {
		add_item(out, "impacttoetsen_grouping", title, NULL, v);
		line(r, _("%s \"%s\" became the item \"%s\" in %s"), key, brief(s), title, label_of(std, "impacttoetsen_grouping"));
	} else if (s && says_no(s)) {
		line(r, _("left out %s \"%s\": in 1.0 only the assessments that were made are listed"), key, brief(s));
	} else if (s) {
		add_move(r, "impacttoetsen", key, s);
	}
}

/* Where the content of a 0.x field without a 1.0 field of its own can go,
 * going by what the 0.1-0.4 descriptions in the register wrote in it. */
static const char *const old_where[][3] = {
	{ "description", "goal", "description_short" },                /* the long description */
	{ "decision_making_process", "human_intervention", NULL },
	{ "objection_procedure", "human_intervention", NULL },
	{ "monitoring", "risks", NULL },
	{ "performance_standard", "risks", "methods_and_models" },
	{ "type", "methods_and_models", NULL },                         /* "Op regels gebaseerd" */
	{ "area", "description_short", "goal" },                        /* "Amsterdam" */
	{ "department", "description_short", NULL },
	{ "competent_authority", "description_short", "lawful_basis" },
	{ "documentation", "website", "methods_and_models" },           /* a link to more */
	{ "application_url", "website", NULL },
};

/* "Purpose and impact (goal) or Short description (description_short)", or
 * NULL when nothing fits. Caller frees. */
static char *where_to(const standard *std, const char *k)
{
	for (size_t i = 0; i < sizeof old_where / sizeof *old_where; i++) {
		if (strcmp(k, old_where[i][0]) != 0)
			continue;
		if (!old_where[i][2])
			return xasprintf("%s (%s)", label_of(std, old_where[i][1]), old_where[i][1]);
		return xasprintf(_("%s (%s) or %s (%s)"), label_of(std, old_where[i][1]), old_where[i][1],
		                 label_of(std, old_where[i][2]), old_where[i][2]);
	}
	return NULL;
}

static void from_old(const standard *std, const ynode *obj, ynode *out, migrate_report *r)
{
	bool have_lang = false;
	for (size_t i = 0; i < obj->n; i++) {
		char *k = xstrdup(obj->keys[i]);
		for (char *p = k; *p; p++) /* 0.2 wrote MPRD, IAMA, DPIA_description */
			*p = (char)tolower((unsigned char)*p);
		const ynode *v = obj->kids[i];
		int kl = obj->key_lines ? obj->key_lines[i] : 0, kc = obj->key_cols ? obj->key_cols[i] : 0;
		const char *s = ynode_str(v);
		char *to_field = NULL;
		if (!strcmp(k, "schema") || !strcmp(k, "standard_version")) {
			ynode_put(out, "standard_version", str_node("1.0", v), kl, kc);
			line(r, _("%s: standard %s became 1.0"), label_of(std, "standard_version"), s && *s ? brief(s) : "0.x");
		} else if (!strcmp(k, "lang") || !strcmp(k, "language")) {
			if (blank(v))
				;
			else if (s && is_dutch(s)) {
				if (!have_lang && strcmp(s, "nld") != 0)
					line(r, _("%s: \"%s\" became \"nld\""), label_of(std, "lang"), brief(s));
				if (!have_lang)
					ynode_put(out, "lang", str_node("nld", v), kl, kc);
				have_lang = true;
			} else if (strcmp(k, "language") != 0) {
				set_aside(r, k, v);
				line(r, _("left out %s \"%s\": only Dutch descriptions (\"nld\") go to the register"), k, brief(s));
			}
		} else if (blank(v)) {
			;
		} else if (!strcmp(k, "category")) {
			const std_field *f = standard_field(std, "category");
			char *rest = NULL;
			ynode *c = f ? old_category(f, v, &rest) : NULL;
			if (c) {
				line(r, _("%s: the text became a list of %zu value(s) of standard 1.0"), label_of(std, k), c->n);
				ynode_put(out, "category", c, kl, kc);
			}
			if (rest) {
				ynode *rn = str_node(rest, v);
				set_aside(r, k, rn);
				ynode_free(&rn);
				line(r, _("left out %s \"%s\": not a value of standard 1.0; choose from its list"), label_of(std, k), brief(rest));
				free(rest);
			}
		} else if (!strcmp(k, "status") && s) {
			const char *st = old_status(s);
			if (st) {
				if (strcmp(st, s) != 0)
					line(r, _("%s: \"%s\" became \"%s\""), label_of(std, k), brief(s), st);
				ynode_put(out, "status", str_node(st, v), kl, kc);
			} else {
				set_aside(r, k, v);
				line(r, _("left out %s \"%s\": not a value of standard 1.0"), label_of(std, k), brief(s));
			}
		} else if ((!strcmp(k, "begin_date") || !strcmp(k, "end_date")) && s) {
			char m[8];
			if (month_normalize(s, m)) {
				if (strcmp(m, s) != 0)
					line(r, _("%s: \"%s\" became \"%s\""), label_of(std, k), s, m);
				ynode_put(out, k, str_node(m, v), kl, kc);
			} else if (strlen(s) == 7 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && s[2] == '-' &&
			           month_normalize((char[]){ s[3], s[4], s[5], s[6], '-', s[0], s[1], '\0' }, m)) {
				/* 0.x wrote "03-2022" (month first) */
				line(r, _("%s: \"%s\" became \"%s\""), label_of(std, k), s, m);
				ynode_put(out, k, str_node(m, v), kl, kc);
			} else {
				set_aside(r, k, v);
				line(r, _("left out %s \"%s\": not a month (YYYY-MM)"), label_of(std, k), brief(s));
			}
		} else if (!strcmp(k, "impact") && s) {
			add_move(r, "goal", k, s);
		} else if (!strcmp(k, "iama")) {
			assessment(std, out, r, k, v, "Impact Assessment Mensenrechten en Algoritmes (IAMA)");
		} else if (!strcmp(k, "dpia")) {
			assessment(std, out, r, k, v, "Data Protection Impact Assessment (DPIA)");
		} else if ((!strcmp(k, "iama_description") || !strcmp(k, "dpia_description")) && s) {
			add_move(r, "impacttoetsen", k, s);
		} else if (!strcmp(k, "impacttoetsen")) {
			/* 0.4: a list of titles (or its PostgreSQL literal) */
			ynode *tmp = NULL;
			const ynode *list = v;
			if (v->type == Y_STR && v->len >= 2 && v->str[0] == '{') {
				tmp = ynode_new(Y_SEQ, v->line, v->col);
				char *inner = xstrndup(v->str + 1, v->len - 2);
				for (char *save = NULL, *t = strtok_r(inner, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
					size_t tl = strlen(t);
					if (tl >= 2 && t[0] == '"' && t[tl - 1] == '"') {
						t[tl - 1] = '\0';
						t++;
					}
					ynode_push(tmp, str_node(t, v));
				}
				free(inner);
				list = tmp;
			}
			if (list->type == Y_SEQ) {
				for (size_t j = 0; j < list->n; j++)
					if (!blank(list->kids[j]) && ynode_str(list->kids[j]))
						add_item(out, "impacttoetsen_grouping", ynode_str(list->kids[j]), NULL, v);
				line(r, _("moved %s (%zu title(s)) into the list %s"), k, list->n, label_of(std, "impacttoetsen_grouping"));
			} else if (s) {
				add_move(r, "impacttoetsen", k, s);
			}
			ynode_free(&tmp);
		} else if ((!strcmp(k, "lawful_basis_link") || !strcmp(k, "source_data_link")) && s) {
			const char *to = k[0] == 'l' ? "lawful_basis_grouping" : "source_data_grouping";
			if (is_https(s) && strlen(s) <= 100) {
				add_item(out, to, s, s, v);
				line(r, _("moved %s into the list %s (its title is the link for now: give it a better one)"), k,
				     label_of(std, to));
			} else {
				set_aside(r, k, v);
				line(r, _("left out %s \"%s\": not one https:// link"), k, brief(s));
			}
		} else if (same_in_one(std, k)) {
			ynode_put(out, k, ynode_copy(v), kl, kc);
		} else if (is_bookkeeping(k)) {
			set_aside(r, k, v);
			line(r, _("left out %s: the register's own record keeping (kept aside in the file's first version)"), k);
		} else if ((to_field = where_to(std, k))) {
			set_aside(r, k, v);
			line(r, _("left out %s: standard 1.0 has no field of its own for it; its content could go into %s "
			          "(kept aside in the file's first version)"), k, to_field);
			xfree(&to_field);
		} else {
			set_aside(r, k, v);
			line(r, _("left out %s: standard 1.0 has no place for it (kept aside in the file's first version)"), k);
		}
		free(k);
	}
	if (!have_lang) {
		ynode_put(out, "lang", str_node("nld", NULL), 0, 0);
		line(r, _("%s: set to \"nld\" (the language was not given)"), label_of(std, "lang"));
	}
	if (!ynode_get(out, "standard_version"))
		ynode_put(out, "standard_version", str_node("1.0", NULL), 0, 0);
}

/* ---- the register's public listing ---- */

/* A row of the listing the register's site serves (and that is scraped and
 * published as algoritmes.json): a summary in Dutch keys. Its own page's
 * address, its dates and the derived "impactassessment" are no field of the
 * description and are left out. */
static void from_listing(const ynode *obj, ynode *out)
{
	static const char *const map[][2] = {
		{ "title", "name" }, { "organisatie", "organization" }, { "doel", "goal" },
		{ "juridische_basis", "lawful_basis" }, { "id", "lars" },
	};
	static const char *const status[][2] = {
		{ "in_gebruik", "In gebruik" }, { "ontwikkeling", "In ontwikkeling" }, { "buiten_gebruik", "Buiten gebruik" },
	};
	for (size_t i = 0; i < obj->n; i++) {
		const ynode *v = obj->kids[i];
		int kl = obj->key_lines ? obj->key_lines[i] : 0, kc = obj->key_cols ? obj->key_cols[i] : 0;
		if (blank(v))
			continue;
		for (size_t m = 0; m < sizeof map / sizeof *map; m++)
			if (!strcmp(obj->keys[i], map[m][0]))
				ynode_put(out, map[m][1], ynode_copy(v), kl, kc);
		const char *s = ynode_str(v);
		if (!strcmp(obj->keys[i], "status") && s) {
			const char *st = old_status(s);
			for (size_t m = 0; !st && m < sizeof status / sizeof *status; m++)
				if (!strcmp(s, status[m][0]))
					st = status[m][1];
			ynode_put(out, "status", st ? str_node(st, v) : ynode_copy(v), kl, kc);
		}
	}
}

ynode *migrate_to_api(const standard *std, const ynode *obj, migrate_report *r)
{
	r->kind = import_kind_of(obj);
	const char *v = version_of(obj);
	r->from = v ? xstrdup(v) : NULL;
	if (r->kind == KIND_API || r->kind == KIND_TEMPLATE || !obj || obj->type != Y_MAP)
		return obj ? ynode_copy(obj) : NULL;
	ynode *out = ynode_new(Y_MAP, obj->line, obj->col);
	if (r->kind == KIND_SCHEMA)
		from_schema(std, obj, out, r);
	else if (r->kind == KIND_LISTING)
		from_listing(obj, out);
	else
		from_old(std, obj, out, r);
	return out;
}

void migrate_finish(description *d, migrate_report *r)
{
	for (size_t i = 0; i < r->nmoves; i++) {
		const migrate_move *m = &r->moves[i];
		const std_field *f = standard_field(d->std, m->target);
		char *add = f ? register_to_rich(m->text) : NULL;
		const char *had = f ? desc_text(d, f) : NULL;
		bool moved = false;
		if (add) {
			/* An assessment's yes or no said in a sentence keeps its name. */
			char *t = strcmp(m->target, "impacttoetsen") != 0 ? xstrdup(add)
			          : xasprintf("%s: %s", !strncmp(m->from, "iama", 4) ? "IAMA" : !strncmp(m->from, "dpia", 4) ? "DPIA"
			                                : label_of(d->std, m->target), add);
			char *joined = had && *had ? xasprintf("%s\n\n%s", had, t) : xstrdup(t);
			if (!f->max_length || field_register_length(d, f, joined, strlen(joined)) <= (size_t)f->max_length) {
				desc_set(d, f, ynode_new_str(joined, strlen(joined), 0, 0));
				moved = true;
				line(r, _("moved %s into %s (added as a paragraph of its own)"), m->from, f->label[i18n_lang()]);
			}
			free(joined);
			free(t);
		}
		free(add);
		if (!moved) {
			ynode *n = str_node(m->text, NULL);
			set_aside(r, m->from, n);
			ynode_free(&n);
			line(r, _("left out %s: %s has no room for it within the register's limit"), m->from,
			     f ? f->label[i18n_lang()] : m->target);
		}
	}
	if (r->kind != KIND_OLD && r->kind != KIND_SCHEMA)
		return;
	findings fs;
	findings_init(&fs);
	rules_check(d, &fs);
	/* Everything check refuses, not only what the register refuses: a
	 * placeholder ("-", "volgt", "contact") or a link without https:// is
	 * named with its value, so that the to-do is complete. */
	for (size_t i = 0; i < fs.n; i++) {
		const finding *x = &fs.v[i];
		if (x->sev != SEV_ERROR)
			continue;
		if (!x->field) {
			line(r, _("still to do: %s"), x->msg);
			continue;
		}
		bool seen = false;
		for (size_t k = 0; k < r->nfill; k++)
			seen |= !strcmp(r->fill[k], x->field->key);
		if (seen)
			continue;
		if (strcmp(x->rule, "max-length") != 0) {
			r->fill = xrealloc(r->fill, (r->nfill + 1) * sizeof *r->fill);
			r->fill[r->nfill++] = xstrdup(x->field->key);
		}
		const char *now = desc_text(d, x->field);
		if (x->org != ORIGIN_REGISTER && strcmp(x->rule, "required-empty") != 0 && strcmp(x->rule, "max-length") != 0 &&
		    now && *now)
			line(r, _("still to do: %s (it says \"%s\" now, which algedit check refuses)"), x->msg, brief(now));
		else
			line(r, _("still to do: %s"), x->msg);
	}
	findings_done(&fs);
}

char *migrate_aside_comment(const migrate_report *r)
{
	if (!r->aside.len)
		return xstrdup("");
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "\n# ");
	/* The version comes from the file imported: on one line, or a line
	 * break in it would end the comment (found by fuzz_import;
	 * tests/fuzz/corpus/import/crash-version-newline). */
	char *from = text_one_line(r->from && *r->from ? r->from : "0.x");
	sb_printf(&b, _("Kept aside when this description was migrated from standard %s to 1.0: these fields"), from);
	free(from);
	sb_adds(&b, "\n# ");
	sb_adds(&b, _("have no place in 1.0. The register does not take them; they stay in this version's history."));
	sb_adds(&b, "\n#\n");
	const char *p = r->aside.s, *end = r->aside.s + r->aside.len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		sb_adds(&b, n ? "# " : "#");
		sb_add(&b, p, n);
		sb_addc(&b, '\n');
		p += n + 1;
	}
	return sb_take(&b);
}
