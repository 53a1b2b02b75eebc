/* rules: the checks behind `algedit check` and the editor's live findings
 * (see rules.h). Each finding names the field by its label in the user's
 * language and says what to do, because the reader is a policy officer, not
 * a programmer. */
#include "config.h"
#include "forms/rules.h"
#include "forms/month.h"
#include "forms/html.h"
#include "base/base.h"
#include "base/escape.h"
#include "i18n/i18n.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *label(const std_field *f)
{
	return f->label[i18n_lang()];
}

static const char *sublabel(const std_subfield *s)
{
	return s->label[i18n_lang()];
}

static void pos(const description *d, const std_field *f, const ynode *n, int *line, int *col)
{
	if (n && n->line) {
		*line = n->line;
		*col = n->col;
	} else if (d->key_line[f->index]) {
		*line = d->key_line[f->index];
		*col = d->key_col[f->index];
	} else {
		*line = 1;
		*col = 1;
	}
}

size_t field_register_length(const description *d, const std_field *f, const char *s, size_t n)
{
	if (d->format == DESC_API)
		return html_register_length(s, n);
	/* The counters read a NUL-terminated string. */
	char *copy = NULL;
	if (s[n] != '\0') {
		copy = xmalloc(n + 1);
		memcpy(copy, s, n);
		copy[n] = '\0';
		s = copy;
	}
	size_t count = f && f->kind == FK_RICH ? rich_register_length(s) : text_register_length(s);
	free(copy);
	return count;
}

size_t field_length_count(field_length *c, unsigned long version, const description *d, const std_field *f,
                          const char *s, size_t n)
{
	if (!c->f || c->f != f || c->version != version || c->len != n) {
		c->f = f;
		c->version = version;
		c->len = n;
		c->count = field_register_length(d, f, s, n);
	}
	return c->count;
}

static bool all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\n", s[i]))
			return false;
	return true;
}

bool field_text_blank(const description *d, const char *s, size_t n)
{
	if (all_space(s, n))
		return true;
	if (d->format != DESC_API)
		return false;
	char *t = html_stored_plain(s, n);
	if (!t) /* the register's parser fails on it: not blank, and rules say so */
		return false;
	bool blank = true;
	for (const char *p = t; *p && blank;) {
		uint32_t cp;
		int k = utf8_decode(p, strlen(p), &cp);
		if (!k)
			break;
		if (!(cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xA0))
			blank = false;
		p += k;
	}
	free(t);
	return blank;
}

bool month_valid(const char *s)
{
	if (strlen(s) != 7 || s[4] != '-')
		return false;
	for (int i = 0; i < 7; i++)
		if (i != 4 && !isdigit((unsigned char)s[i]))
			return false;
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	return m >= 1 && m <= 12 && strncmp(s, "1900", 4) >= 0;
}

bool https_link_valid(const char *s)
{
	if (strncmp(s, "https://", 8) != 0 || !s[8] || s[8] == '/' || s[8] == '.')
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' || *p == '>')
			return false;
	return strchr(s + 8, '.') != NULL;
}

bool email_valid(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@'))
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || strchr("<>()[]\\,;:\"", *p))
			return false;
	const char *dot = strrchr(at + 1, '.');
	return dot && dot > at + 1 && dot[1] && strlen(dot + 1) >= 2;
}

bool contact_looks_personal(const char *s)
{
	static const char *roles[] = { "info", "algoritme", "privacy", "contact", "team", "servicedesk",
	                               "helpdesk", "communicatie", "klant", "fg", "avg", "data", "noreply",
	                               "secretariaat", "postbus", "register", "functionaris", "support",
	                               "service", "loket", "balie", "publiek", "burger", "gemeente" };
	const char *at = strchr(s, '@');
	if (!at || !email_valid(s))
		return false;
	size_t n = (size_t)(at - s);
	char *local = xstrndup(s, n);
	for (char *p = local; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	bool personal = false;
	/* firstname.lastname, j.jansen, jan.de.vries: letters separated by dots. */
	const char *dot = strchr(local, '.');
	if (dot && dot != local && dot[1]) {
		personal = true;
		for (const char *p = local; *p; p++)
			if (!(isalpha((unsigned char)*p) || *p == '.' || *p == '-') || (p[0] == '.' && p[1] == '.'))
				personal = false;
		for (size_t i = 0; personal && i < sizeof roles / sizeof *roles; i++)
			if (strstr(local, roles[i]))
				personal = false;
	}
	free(local);
	return personal;
}

static const char *type_name(const ynode *n)
{
	switch (n->type) {
	case Y_NULL: return _("empty (null)");
	case Y_STR: return _("text");
	case Y_NUM: return _("a number");
	case Y_BOOL: return _("true/false");
	case Y_SEQ: return _("a list");
	case Y_MAP: return _("a set of \"key: value\" lines");
	}
	return "?";
}

static void add(findings *o, severity sev, origin org, const char *rule, const description *d,
                const std_field *f, const ynode *n, const char *fmt, ...) __attribute__((format(printf, 8, 9)));

static void add(findings *o, severity sev, origin org, const char *rule, const description *d,
                const std_field *f, const ynode *n, const char *fmt, ...)
{
	int line, col;
	pos(d, f, n, &line, &col);
	/* Whole, however long the value quoted in it: a cut could split a
	 * character and leave the message not UTF-8. */
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *buf = xmalloc(len > 0 ? (size_t)len + 1 : 1);
	buf[0] = '\0';
	va_start(ap, fmt);
	if (len > 0)
		vsnprintf(buf, (size_t)len + 1, fmt, ap);
	va_end(ap);
	findings_add(o, sev, org, rule, f, f->key, line, col, "%s: %s", label(f), buf);
	free(buf);
}

static void check_length(const description *d, const std_field *f, const ynode *n, findings *o,
                         const field_length *known)
{
	if (!f->max_length || n->type != Y_STR)
		return;
	size_t l = known && known->f == f && known->len == n->len ? known->count
	           : field_register_length(d, f, n->str, n->len);
	if (l > (size_t)f->max_length)
		add(o, SEV_ERROR, ORIGIN_REGISTER, "max-length", d, f, n,
		    _("%zu characters, the register accepts at most %d; shorten it by %zu"),
		    l, f->max_length, l - (size_t)f->max_length);
}

/* The first control character in a value (C0, DEL, C1, bidi and invisible
 * format controls; newline and tab too unless flags has ESC_MULTILINE): its
 * visible form as base/escape.h writes it, and its position in characters
 * from 1. Such a character could add lines to a commit message or steer a
 * terminal. */
static bool first_control(const char *s, size_t n, unsigned flags, char vis[12], size_t *at)
{
	*at = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		++*at;
		if (k <= 0) {
			i++;
			continue;
		}
		/* CR LF and a lone CR are line breaks as LF is: the register takes
		 * all three and keeps them as sent. */
		if (cp == '\r' && (flags & ESC_MULTILINE)) {
			i++;
			continue;
		}
		if (esc_cp(cp, flags, vis))
			return true;
		i += (size_t)k;
	}
	return false;
}

static void check_text_rules(const description *d, const std_field *f, const ynode *n, findings *o)
{
	const char *s = n->str;
	if (field_text_blank(d, s, n->len))
		return;
	if (memchr(s, '\0', n->len))
		return;
	size_t errors = findings_count(o, SEV_ERROR);
	switch (f->kind) {
	case FK_MONTH:
		if (!month_valid(s)) {
			char m[8];
			if (month_normalize(s, m))
				add(o, SEV_ERROR, ORIGIN_STANDARD, "month", d, f, n,
				    _("write the month \"%s\" as YYYY-MM: %s"), s, m);
			else if (strlen(s) == 4 && strspn(s, "0123456789") == 4)
				add(o, SEV_ERROR, ORIGIN_STANDARD, "month", d, f, n,
				    _("\"%s\" is a year without a month; write year and month as YYYY-MM, for example %s-03"), s, s);
			else
				add(o, SEV_ERROR, ORIGIN_STANDARD, "month", d, f, n,
				    _("\"%s\" is not a month; write year and month as YYYY-MM, for example 2024-03"), s);
		}
		break;
	case FK_LINK:
		if (!https_link_valid(s))
			add(o, SEV_ERROR, ORIGIN_STANDARD, "https", d, f, n, "%s",
			    _("write a full web address that starts with https://"));
		break;
	case FK_CONTACT:
		if (!email_valid(s) && !https_link_valid(s))
			add(o, SEV_ERROR, ORIGIN_STANDARD, "contact", d, f, n, "%s",
			    _("write an e-mail address (name@organisation.nl) or a web address that starts with https://"));
		else if (contact_looks_personal(s))
			add(o, SEV_WARNING, ORIGIN_ADVICE, "personal-contact", d, f, n, "%s",
			    _("this looks like a personal address; a team mailbox keeps working when people change jobs and protects their privacy"));
		break;
	default:
		break;
	}
	/* After the rules above: "write a full web address" says more about a
	 * link with a line break in it than the line break does. */
	if (findings_count(o, SEV_ERROR) != errors)
		return;
	/* The name heads commit messages and lists, and addresses and months
	 * are one line; other short texts may have line breaks, as several
	 * published short descriptions do. */
	unsigned lines = f->kind == FK_TEXT && strcmp(f->key, "name") ? ESC_MULTILINE : 0;
	char vis[12];
	size_t at;
	if (f->kind != FK_RICH && first_control(s, n->len, lines, vis, &at)) {
		if (!strcmp(vis, "^J") || !strcmp(vis, "^M"))
			add(o, SEV_ERROR, ORIGIN_STANDARD, "control-character", d, f, n, "%s",
			    _("has a line break, but this field is one line of text; put it all on one line"));
		else
			add(o, SEV_ERROR, ORIGIN_STANDARD, "control-character", d, f, n,
			    _("has the invisible control character %s at character %zu, which can change how the text is shown; remove it"),
			    vis, at);
	}
}

static void check_items(const description *d, const std_field *f, const ynode *n, findings *o)
{
	if (n->type != Y_SEQ) {
		add(o, SEV_ERROR, ORIGIN_REGISTER, "type", d, f, n,
		    _("is %s, but must be a list of items, each with a title and a link"), type_name(n));
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		const ynode *it = n->kids[i];
		if (it->type != Y_MAP) {
			add(o, SEV_ERROR, ORIGIN_REGISTER, "type", d, f, it,
			    _("item %zu is %s, but must have a title and a link"), i + 1, type_name(it));
			continue;
		}
		for (size_t k = 0; k < f->nitems; k++) {
			const std_subfield *sf = &f->items[k];
			const ynode *v = ynode_get(it, sf->key);
			const ynode *at = v ? v : it;
			if (!v || v->type == Y_NULL) {
				if (sf->required)
					add(o, SEV_ERROR, ORIGIN_REGISTER, !strcmp(sf->key, "title") ? "item-title" : "item-link",
					    d, f, at, _("item %zu has no %s; the register requires it"), i + 1, sublabel(sf));
				continue;
			}
			if (v->type != Y_STR) {
				add(o, SEV_ERROR, ORIGIN_REGISTER, "type", d, f, v,
				    _("item %zu: %s is %s, but must be text"), i + 1, sublabel(sf), type_name(v));
				continue;
			}
			if (field_text_blank(d, v->str, v->len)) {
				if (sf->required)
					add(o, SEV_ERROR, ORIGIN_STANDARD, "item-empty", d, f, v,
					    _("item %zu: %s is empty; fill it in or remove the item"), i + 1, sublabel(sf));
				continue;
			}
			size_t had = o->n; /* only errors follow, up to the last check */
			if (sf->max_length) {
				size_t l = d->format == DESC_API ? utf8_count(v->str, v->len) : text_register_length(v->str);
				if (l > (size_t)sf->max_length)
					add(o, SEV_ERROR, ORIGIN_STANDARD, "max-length", d, f, v,
					    _("item %zu: %s has %zu characters, the standard allows at most %d"),
					    i + 1, sublabel(sf), l, sf->max_length);
			}
			if (sf->kind == FK_LINK && !https_link_valid(v->str))
				add(o, SEV_ERROR, ORIGIN_STANDARD, "https", d, f, v,
				    _("item %zu: %s must be a full web address that starts with https://"), i + 1, sublabel(sf));
			char vis[12];
			size_t pos_c;
			if (o->n == had && first_control(v->str, v->len, 0, vis, &pos_c)) {
				if (!strcmp(vis, "^J") || !strcmp(vis, "^M"))
					add(o, SEV_ERROR, ORIGIN_STANDARD, "control-character", d, f, v,
					    _("item %zu: %s has a line break at character %zu; it must be one line of text: put it all on one line"),
					    i + 1, sublabel(sf), pos_c);
				else
					add(o, SEV_ERROR, ORIGIN_STANDARD, "control-character", d, f, v,
					    _("item %zu: %s has the invisible control character %s at character %zu; it must be one line of plain text: remove it"),
					    i + 1, sublabel(sf), vis, pos_c);
			}
		}
		for (size_t k = 0; k < it->n; k++) {
			bool known = false;
			for (size_t j = 0; j < f->nitems; j++)
				known |= !strcmp(f->items[j].key, it->keys[k]);
			if (!known)
				add(o, SEV_WARNING, ORIGIN_ADVICE, "unknown-key", d, f, it->kids[k],
				    _("item %zu has \"%s\", which the standard does not know; the register drops it"),
				    i + 1, it->keys[k]);
		}
	}
}

static void check_multi(const description *d, const std_field *f, const ynode *n, findings *o)
{
	if (n->type != Y_SEQ) {
		add(o, SEV_ERROR, ORIGIN_REGISTER, "type", d, f, n,
		    _("is %s, but must be a list (one value per line starting with \"- \"), even for one value"),
		    type_name(n));
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		const ynode *v = n->kids[i];
		if (v->type != Y_STR) {
			add(o, SEV_ERROR, ORIGIN_REGISTER, "type", d, f, v, _("value %zu is %s, but must be text"),
			    i + 1, type_name(v));
		} else if (f->nvalues && !std_field_has_value(f, v->str)) {
			add(o, SEV_ERROR, ORIGIN_REGISTER, "value-list", d, f, v,
			    _("\"%s\" is not one of the register's values; choose from the list (spelling and capitals must match)"),
			    v->str);
		} else {
			for (size_t j = 0; j < i; j++)
				if (n->kids[j]->type == Y_STR && !strcmp(n->kids[j]->str, v->str)) {
					add(o, SEV_WARNING, ORIGIN_ADVICE, "duplicate-value", d, f, v,
					    _("\"%s\" is listed twice; remove one"), v->str);
					break;
				}
		}
	}
}

static void check_field(const description *d, const std_field *f, findings *o, const field_length *known)
{
	const ynode *n = d->vals[f->index];
	bool api = d->format == DESC_API;
	if (!n || (n->type == Y_NULL && (!api || !f->required))) {
		if (f->required)
			add(o, SEV_ERROR, ORIGIN_REGISTER, "required", d, f, n, "%s",
			    _("the register requires this field; fill it in"));
		else if (f->show_always)
			add(o, SEV_WARNING, ORIGIN_ADVICE, "show-always-empty", d, f, n, "%s",
			    _("still empty; the register always shows this field, so readers will see it is missing"));
		return;
	}
	switch (f->kind) {
	case FK_ITEMS:
		check_items(d, f, n, o);
		return;
	case FK_MULTI:
		check_multi(d, f, n, o);
		if (n->type == Y_SEQ && n->n == 0 && f->show_always)
			add(o, SEV_WARNING, ORIGIN_ADVICE, "show-always-empty", d, f, n, "%s",
			    _("no value chosen; the register always shows this field, so readers will see it is missing"));
		return;
	default:
		break;
	}
	if (n->type != Y_STR) {
		add(o, SEV_ERROR, ORIGIN_REGISTER, "type", d, f, n, _("is %s, but must be text"), type_name(n));
		return;
	}
	if (f->kind == FK_CHOICE) {
		if (!std_field_has_value(f, n->str)) {
			strbuf vals = STRBUF_INIT;
			for (size_t i = 0; i < f->nvalues; i++)
				sb_printf(&vals, "%s\"%s\"", i ? ", " : "", f->values[i]);
			add(o, SEV_ERROR, ORIGIN_REGISTER, "value-list", d, f, n,
			    _("\"%s\" is not allowed; choose one of %s (spelling and capitals must match)"), n->str,
			    sb_str(&vals));
			sb_done(&vals);
		}
		return;
	}
	if (api && html_register_parse_fails(n->str, n->len, f->kind == FK_RICH)) {
		add(o, SEV_ERROR, ORIGIN_REGISTER, "html-parse", d, f, n, "%s",
		    _("the register cannot read this value (only spaces, a comment or a closing tag); write text or leave it out"));
		return;
	}
	check_length(d, f, n, o, known);
	if (field_text_blank(d, n->str, n->len)) {
		if (f->required)
			add(o, SEV_ERROR, ORIGIN_STANDARD, "required-empty", d, f, n, "%s",
			    _("is empty; the standard requires it, so fill it in"));
		else if (f->show_always)
			add(o, SEV_WARNING, ORIGIN_ADVICE, "show-always-empty", d, f, n, "%s",
			    _("still empty; the register always shows this field, so readers will see it is missing"));
		return;
	}
	check_text_rules(d, f, n, o);
}

void rules_check_field(const description *d, const std_field *f, findings *o)
{
	check_field(d, f, o, NULL);
}

static const std_field *field_of(const description *d, const char *key)
{
	return standard_field(d->std, key);
}

static void check_dates(const description *d, findings *o)
{
	const std_field *fs = field_of(d, "status"), *fb = field_of(d, "begin_date"), *fe = field_of(d, "end_date");
	if (!fs || !fb || !fe)
		return;
	const char *status = desc_text(d, fs), *begin = desc_text(d, fb), *end = desc_text(d, fe);
	bool has_end = end && !field_text_blank(d, end, strlen(end));
	bool out_of_use = status && !strcmp(status, "Buiten gebruik");
	if (has_end && !out_of_use)
		add(o, SEV_ERROR, ORIGIN_STANDARD, "end-date-status", d, fe, desc_get(d, fe), "%s",
		    _("an end date belongs only to an algorithm with status \"Buiten gebruik\"; remove it or change the status"));
	else if (out_of_use && !has_end)
		add(o, SEV_WARNING, ORIGIN_ADVICE, "end-date-missing", d, fe, desc_get(d, fe), "%s",
		    _("the status is \"Buiten gebruik\"; add the month in which use ended"));
	if (has_end && begin && month_valid(begin) && month_valid(end) && strcmp(end, begin) < 0)
		add(o, SEV_ERROR, ORIGIN_STANDARD, "end-before-begin", d, fe, desc_get(d, fe),
		    _("%s is before the start date %s; check both months"), end, begin);
}

void rules_check(const description *d, findings *o)
{
	rules_check_known(d, o, NULL);
}

void rules_check_known(const description *d, findings *o, const field_length *known)
{
	for (size_t i = 0; i < d->std->nfields; i++)
		check_field(d, &d->std->fields[i], o, known);
	check_dates(d, o);
	for (size_t i = 0; i < d->nextra; i++) {
		const desc_extra *x = &d->extra[i];
		if (standard_is_managed(d->std, x->key)) {
			if (x->val->type != Y_STR && x->val->type != Y_NULL)
				findings_add(o, SEV_ERROR, ORIGIN_REGISTER, "type", NULL, x->key, x->val->line, x->val->col,
				             _("\"%s\" is %s, but the register accepts only text here"), x->key,
				             type_name(x->val));
			continue;
		}
		findings_add(o, SEV_WARNING, ORIGIN_ADVICE, "unknown-key", NULL, x->key, x->line, x->col,
		             _("\"%s\" is not a field of standard %s; algedit keeps it, but the register ignores it"),
		             x->key, d->std->version);
	}
}
