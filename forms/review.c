/* review: review records and the review state of a description (see
 * review.h). A record file is a small YAML mapping, e.g.
 *
 *   kind: comment
 *   description: parkeerhandhaving
 *   field: goal
 *   version: 3f1c6976a1...
 *   author: Bea Jansen
 *   email: bea@example.nl
 *   time: 2026-12-02T04:06:21Z
 *   text: |-
 *     Noem ook de bewaartermijn.
 *   quote: |-
 *     (the field's text at that version)
 *
 * Keys this version does not know are ignored, so newer records stay
 * readable; a record that cannot be used keeps a problem text and is shown
 * as such. */
#include "config.h"
#include "forms/review.h"
#include "forms/diff.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char *const kind_names[RK_COUNT] = {
	[RK_UNKNOWN] = "unknown", [RK_REQUEST] = "ask-review", [RK_COMMENT] = "comment",
	[RK_REPLY] = "reply", [RK_RESOLVE] = "resolve", [RK_SUGGEST] = "suggestion",
	[RK_ACCEPT] = "accept", [RK_REJECT] = "reject", [RK_APPROVE] = "approve",
	[RK_CHANGES] = "request-changes", [RK_MARK] = "reviewed-mark", [RK_PUBLISH] = "publish",
};

const char *review_kind_name(review_kind k)
{
	return k < RK_COUNT ? kind_names[k] : "unknown";
}

review_kind review_kind_parse(const char *name)
{
	for (int k = 1; name && k < RK_COUNT; k++)
		if (!strcmp(name, kind_names[k]))
			return (review_kind)k;
	return RK_UNKNOWN;
}

void review_rec_done(review_rec *r)
{
	free(r->id);
	free(r->file);
	free(r->kind_name);
	free(r->slug);
	free(r->field);
	free(r->version);
	free(r->author);
	free(r->email);
	free(r->text);
	free(r->quote);
	free(r->ref);
	for (size_t i = 0; i < r->nreviewers; i++)
		free(r->reviewers[i]);
	free(r->reviewers);
	free(r->problem);
	memset(r, 0, sizeof *r);
}

/* Days since 1970-01-01 of a civil date, and back (proleptic Gregorian);
 * plain arithmetic, as every record's time is read and written. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

void review_time_format(int64_t t, char out[32])
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400), secs = t - days * 86400, y;
	int m, d;
	civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(out, 32, "?");
		return;
	}
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)y, m, d, (int)(secs / 3600), (int)(secs / 60 % 60),
	         (int)(secs % 60));
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int64_t review_time_parse(const char *s, int *usec)
{
	if (usec)
		*usec = 0;
	/* 2026-12-02T04:06:21[.ffffff]Z */
	if (!s || strlen(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
		return -1;
	int y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2), h = digits(s + 11, 2), mi = digits(s + 14, 2),
	    se = digits(s + 17, 2);
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60)
		return -1;
	const char *e = s + 19;
	int us = 0;
	if (*e == '.') {
		int nd = 0;
		for (e++; *e >= '0' && *e <= '9'; e++)
			if (nd++ < 6)
				us = us * 10 + (*e - '0');
		if (!nd)
			return -1;
		for (; nd < 6; nd++)
			us *= 10;
	}
	if (strcmp(e, "Z"))
		return -1;
	if (usec)
		*usec = us;
	return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
}

/* A scalar's text, copied; NULL when absent or not a scalar. */
static char *get_str(const ynode *m, const char *key)
{
	const ynode *v = ynode_get(m, key);
	return v && v->type != Y_SEQ && v->type != Y_MAP && v->str ? xstrndup(v->str, v->len) : NULL;
}

/* The record's fields from its parsed mapping. */
static void from_tree(const ynode *root, review_rec *r)
{
	r->kind_name = get_str(root, "kind");
	r->kind = review_kind_parse(r->kind_name);
	r->slug = get_str(root, "description");
	r->field = get_str(root, "field");
	r->version = get_str(root, "version");
	r->author = get_str(root, "author");
	r->email = get_str(root, "email");
	r->text = get_str(root, "text");
	r->quote = get_str(root, "quote");
	r->ref = get_str(root, "ref");
	char *item = get_str(root, "item");
	if (item) {
		char *end;
		long v = strtol(item, &end, 10);
		if (*end || v < 1 || v > 100000)
			r->problem = xasprintf(_("item \"%s\" is not a number from 1"), item);
		else
			r->item = (int)v;
		free(item);
	}
	char *ts = get_str(root, "time");
	r->time = review_time_parse(ts, &r->usec);
	const ynode *rv = ynode_get(root, "reviewers");
	if (rv && rv->type == Y_SEQ) {
		r->reviewers = xcalloc(rv->n + 1, sizeof *r->reviewers);
		for (size_t i = 0; i < rv->n; i++)
			if (ynode_str(rv->kids[i]))
				r->reviewers[r->nreviewers++] = xstrdup(ynode_str(rv->kids[i]));
	}
	if (!r->problem) {
		if (r->kind == RK_UNKNOWN)
			r->problem = r->kind_name ? xasprintf(_("unknown kind of record \"%s\""), r->kind_name)
			                          : xstrdup(_("the record has no kind"));
		else if (r->time < 0)
			r->problem = ts ? xasprintf(_("time \"%s\" is not like 2026-01-31T12:00:00Z"), ts)
			                : xstrdup(_("the record has no time"));
		else if (!r->slug)
			r->problem = xstrdup(_("the record names no description"));
	}
	free(ts);
}

/* Records as review_rec_write writes them ("key: value" lines, "|-" blocks,
 * double quotes without escapes, the reviewers' list) read without libyaml,
 * which costs ten times as much. NULL for anything else. Only a fast path:
 * the caller keeps the result only when writing it back gives the same
 * bytes, and otherwise reads the file with libyaml. */
static ynode *fast_tree(const char *data, size_t len)
{
	ynode *m = ynode_new(Y_MAP, 1, 1);
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			goto no;
		const char *colon = memchr(p, ':', (size_t)(nl - p));
		if (!colon || colon == p || *p == ' ' || *p == '-' || *p == '#')
			goto no;
		char key[32];
		if ((size_t)(colon - p) >= sizeof key)
			goto no;
		memcpy(key, p, (size_t)(colon - p));
		key[colon - p] = '\0';
		const char *v = colon + 1;
		if (v == nl && !strcmp(key, "reviewers")) {
			ynode *seq = ynode_new(Y_SEQ, 0, 0);
			p = nl + 1;
			while (p + 4 < end && !memcmp(p, "  - ", 4)) {
				const char *e = memchr(p, '\n', (size_t)(end - p));
				if (!e) {
					ynode_free(&seq);
					goto no;
				}
				ynode_push(seq, ynode_new_str(p + 4, (size_t)(e - p - 4), 0, 0));
				p = e + 1;
			}
			ynode_put(m, key, seq, 0, 0);
			continue;
		}
		if (*v != ' ')
			goto no;
		v++;
		if ((size_t)(nl - v) == 2 && !memcmp(v, "|-", 2)) {
			strbuf b = STRBUF_INIT;
			sb_adds(&b, "");
			bool first = true;
			p = nl + 1;
			while (p < end && (*p == '\n' || (p + 2 <= end && p[0] == ' ' && p[1] == ' '))) {
				const char *e = memchr(p, '\n', (size_t)(end - p));
				if (!e)
					break;
				if (!first)
					sb_addc(&b, '\n');
				first = false;
				if (*p != '\n')
					sb_add(&b, p + 2, (size_t)(e - p - 2));
				p = e + 1;
			}
			ynode_put(m, key, ynode_new_str(b.s, b.len, 0, 0), 0, 0);
			sb_done(&b);
			continue;
		}
		if (*v == '|' || *v == '>' || *v == '\'' || *v == '[' || *v == '{' || *v == '&' || *v == '*' || *v == '!')
			goto no;
		if (*v == '"') {
			if (nl - v < 2 || nl[-1] != '"' || memchr(v + 1, '"', (size_t)(nl - v - 2)) ||
			    memchr(v, '\\', (size_t)(nl - v)))
				goto no;
			ynode_put(m, key, ynode_new_str(v + 1, (size_t)(nl - v - 2), 0, 0), 0, 0);
		} else {
			ynode_put(m, key, ynode_new_str(v, (size_t)(nl - v), 0, 0), 0, 0);
		}
		p = nl + 1;
	}
	return m;
no:
	ynode_free(&m);
	return NULL;
}

void review_rec_parse(const char *data, size_t len, const char *id, const char *file, review_rec *r)
{
	memset(r, 0, sizeof *r);
	r->id = xstrdup(id ? id : "?");
	r->file = file ? xstrdup(file) : NULL;
	r->time = -1;
	long bad = utf8_invalid_offset(data, len);
	if (bad >= 0) {
		r->problem = xasprintf(_("not UTF-8 text (byte %ld)"), bad + 1);
		return;
	}
	ynode *root = fast_tree(data, len);
	if (root) {
		from_tree(root, r);
		ynode_free(&root);
		size_t wlen;
		char *w = review_rec_write(r, &wlen);
		bool same = wlen == len && !memcmp(w, data, len);
		free(w);
		if (same)
			return;
		char *keep_id = r->id, *keep_file = r->file;
		r->id = r->file = NULL;
		review_rec_done(r);
		r->id = keep_id;
		r->file = keep_file;
		r->time = -1;
	}
	yerror err = { 0 };
	if (ytree_parse_yaml(data, len, &root, &err) < 0) {
		r->problem = xasprintf(_("not readable as YAML (line %d: %s)"), err.line, err.msg ? err.msg : "?");
		yerror_done(&err);
		return;
	}
	if (!root || root->type != Y_MAP) {
		r->problem = xstrdup(_("not a review record (no key: value lines)"));
		ynode_free(&root);
		return;
	}
	from_tree(root, r);
	ynode_free(&root);
}

static void put(strbuf *b, const char *key, const char *v, bool block)
{
	if (!v)
		return;
	sb_adds(b, key);
	sb_adds(b, ": ");
	yaml_emit_scalar(b, v, strlen(v), 2, block);
	sb_addc(b, '\n');
}

static void put_quoted(strbuf *b, const char *key, const char *v)
{
	if (!v)
		return;
	sb_adds(b, key);
	sb_adds(b, ": ");
	yaml_emit_quoted(b, v, strlen(v));
	sb_addc(b, '\n');
}

char *review_rec_write(const review_rec *r, size_t *len)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	put(&b, "kind", r->kind == RK_UNKNOWN && r->kind_name ? r->kind_name : review_kind_name(r->kind), false);
	put(&b, "description", r->slug, false);
	put(&b, "field", r->field, false);
	if (r->item > 0)
		sb_printf(&b, "item: \"%d\"\n", r->item);
	/* Ids always quoted: one that is all digits, or looks like a number,
	 * must stay a string for every YAML reader. */
	put_quoted(&b, "version", r->version);
	put_quoted(&b, "ref", r->ref);
	put(&b, "author", r->author, false);
	put(&b, "email", r->email, false);
	char ts[32], full[48];
	review_time_format(r->time, ts);
	if (strlen(ts) == 20) {
		snprintf(full, sizeof full, "%.19s.%06dZ", ts, r->usec);
		put(&b, "time", full, false);
	} else {
		put(&b, "time", ts, false);
	}
	if (r->nreviewers) {
		sb_adds(&b, "reviewers:\n");
		for (size_t i = 0; i < r->nreviewers; i++) {
			sb_adds(&b, "  - ");
			yaml_emit_scalar(&b, r->reviewers[i], strlen(r->reviewers[i]), 4, false);
			sb_addc(&b, '\n');
		}
	}
	put(&b, "text", r->text, true);
	put(&b, "quote", r->quote, true);
	if (len)
		*len = b.len;
	return sb_take(&b);
}

char *review_rec_filename(const review_rec *r)
{
	time_t tt = (time_t)r->time;
	struct tm tm;
	char ts[32] = "00000000T000000Z";
	if (gmtime_r(&tt, &tm))
		strftime(ts, sizeof ts, "%Y%m%dT%H%M%SZ", &tm);
	return xasprintf("%s-%s-%s.yaml", ts, r->id, review_kind_name(r->kind));
}

char *review_id_from_filename(const char *name)
{
	size_t n = strlen(name);
	if (n > 5 && str_ends(name, ".yaml"))
		n -= 5;
	/* 20261202T040621Z-1a2b3c4d-kind */
	if (n > 17 + REVIEW_ID_LEN + 1 && name[16] == '-' && name[17 + REVIEW_ID_LEN] == '-') {
		bool hex = true;
		for (size_t i = 17; i < 17 + REVIEW_ID_LEN; i++)
			hex = hex && strchr("0123456789abcdef", name[i]) && name[i];
		if (hex)
			return xstrndup(name + 17, REVIEW_ID_LEN);
	}
	return xstrndup(name, n);
}

static int rec_cmp(const void *pa, const void *pb)
{
	const review_rec *a = pa, *b = pb;
	if (a->time != b->time)
		return a->time < b->time ? -1 : 1;
	if (a->usec != b->usec)
		return a->usec < b->usec ? -1 : 1;
	return strcmp(a->id, b->id);
}

void review_recs_sort(review_rec *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof *v, rec_cmp);
}

/* ---- states ---- */

const char *review_state_name(review_state s)
{
	switch (s) {
	case REVIEW_CONCEPT: return _("concept");
	case REVIEW_IN_REVIEW: return _("in review");
	case REVIEW_APPROVED: return _("approved");
	case REVIEW_PUBLISHED: return _("published");
	}
	return "?";
}

const char *review_state_key(review_state s)
{
	static const char *const k[] = { "concept", "in-review", "approved", "published" };
	return (unsigned)s < 4 ? k[s] : "?";
}

const char *review_note_name(review_note n)
{
	switch (n) {
	case NOTE_NONE: return "";
	case NOTE_CHANGES_REQUESTED: return _("changes requested");
	case NOTE_CHANGED_AFTER_APPROVAL: return _("changed after approval");
	case NOTE_CHANGED_AFTER_PUBLICATION: return _("changed after publication");
	}
	return "";
}

const char *review_note_key(review_note n)
{
	static const char *const k[] = { "", "changes-requested", "changed-after-approval", "changed-after-publication" };
	return (unsigned)n < 4 ? k[n] : "";
}

/* ---- field text ---- */

static void item_text(strbuf *b, const ynode *it)
{
	if (!it)
		return;
	if (it->type == Y_MAP) {
		const char *t = ynode_str(ynode_get(it, "title")), *l = ynode_str(ynode_get(it, "link"));
		sb_adds(b, t ? t : "");
		if (l)
			sb_printf(b, "%s<%s>", t ? " " : "", l);
	} else if (it->type == Y_SEQ) {
		for (size_t i = 0; i < it->n; i++) {
			if (i)
				sb_addc(b, '\n');
			item_text(b, it->kids[i]);
		}
	} else if (it->str) {
		sb_add(b, it->str, it->len);
	}
}

char *review_field_text(const description *d, const char *key, int item)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	const ynode *v = d && key ? desc_value(d, key) : NULL;
	if (v && item > 0)
		v = v->type == Y_SEQ && (size_t)item <= v->n ? v->kids[item - 1] : NULL;
	item_text(&b, v);
	return sb_take(&b);
}

bool review_field_same(const description *a, const description *b, const char *key, int item)
{
	const ynode *va = desc_value(a, key), *vb = desc_value(b, key);
	if (item > 0) {
		va = va && va->type == Y_SEQ && (size_t)item <= va->n ? va->kids[item - 1] : NULL;
		vb = vb && vb->type == Y_SEQ && (size_t)item <= vb->n ? vb->kids[item - 1] : NULL;
	}
	if (!va || !vb)
		return !va && !vb;
	return ynode_equal(va, vb);
}

static ynode *item_from_text(const std_field *f, const char *s, size_t n)
{
	if (f && f->kind == FK_ITEMS) {
		/* "Title <link>", as review_field_text writes it, or "Title|link". */
		ynode *m = ynode_new(Y_MAP, 0, 0);
		const char *lt = memchr(s, '<', n), *bar = memchr(s, '|', n);
		const char *sep = bar ? bar : lt;
		size_t tl = sep ? (size_t)(sep - s) : n;
		while (tl && s[tl - 1] == ' ')
			tl--;
		if (tl)
			ynode_put(m, "title", ynode_new_str(s, tl, 0, 0), 0, 0);
		if (sep) {
			const char *l = sep + 1, *e = s + n;
			while (l < e && *l == ' ')
				l++;
			if (!bar && e > l && e[-1] == '>')
				e--;
			if (e > l)
				ynode_put(m, "link", ynode_new_str(l, (size_t)(e - l), 0, 0), 0, 0);
		}
		return m;
	}
	return ynode_new_str(s, n, 0, 0);
}

int review_apply(description *d, const char *key, int item, const char *text)
{
	const std_field *f = standard_field(d->std, key);
	bool list = f && (f->kind == FK_MULTI || f->kind == FK_ITEMS);
	if (!list) {
		if (item > 0)
			return -1;
		ynode *v = *text ? ynode_new_str(text, strlen(text), 0, 0) : NULL;
		desc_set_value(d, key, v);
		ynode_free(&v);
		return 0;
	}
	const ynode *cur = desc_value(d, key);
	ynode *seq = ynode_new(Y_SEQ, 0, 0);
	if (item > 0) {
		if (!cur || cur->type != Y_SEQ || (size_t)item > cur->n) {
			ynode_free(&seq);
			return -1;
		}
		for (size_t i = 0; i < cur->n; i++)
			ynode_push(seq, i + 1 == (size_t)item ? item_from_text(f, text, strlen(text)) : ynode_copy(cur->kids[i]));
	} else {
		for (const char *p = text; *p;) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			if (n)
				ynode_push(seq, item_from_text(f, p, n));
			p += n + (nl ? 1 : 0);
		}
	}
	desc_set_value(d, key, seq->n ? seq : NULL);
	ynode_free(&seq);
	return 0;
}

/* ---- computing the review ---- */

static const review_version *find_version(const review_ctx *c, const char *commit)
{
	if (!commit)
		return NULL;
	size_t n = strlen(commit);
	if (n < 7)
		return NULL;
	if (!c->sorted) {
		for (size_t i = 0; i < c->nversions; i++)
			if (!strncmp(c->versions[i].commit, commit, n))
				return &c->versions[i];
		return NULL;
	}
	/* The first commit not below the prefix, in commit order. */
	size_t lo = 0, hi = c->nversions;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strncmp(c->versions[c->sorted[mid]].commit, commit, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < c->nversions && !strncmp(c->versions[c->sorted[lo]].commit, commit, n))
		return &c->versions[c->sorted[lo]];
	return NULL;
}

typedef struct vent {
	const char *commit;
	size_t i;
} vent;

static int by_commit(const void *a, const void *b)
{
	return strcmp(((const vent *)a)->commit, ((const vent *)b)->commit);
}

const char *review_may_approve(const review_ctx *c, const char *email)
{
	if (!c->nversions)
		return _("there is no saved version to approve yet");
	if (c->self_approve || !email || !c->versions[0].email)
		return NULL;
	if (!strcasecmp(email, c->versions[0].email))
		return _("you made the latest change yourself, and another person must approve it (four eyes); "
		         "a team of one can allow it with the line \"self-approve: yes\" in .algedit/config");
	return NULL;
}

/* Counted for review_id_compares. */
static size_t id_compares;

const review_rec *review_find(const review_rec *recs, size_t n, const char *id, bool *ambiguous)
{
	const review_rec *hit = NULL;
	size_t il = strlen(id);
	if (ambiguous)
		*ambiguous = false;
	if (il < 4)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if ((id_compares++, !strncmp(recs[i].id, id, il))) {
			if (hit && ambiguous)
				*ambiguous = true;
			hit = &recs[i];
		}
	return hit;
}

static const description *at(const review_ctx *c, const char *commit)
{
	const review_version *v = find_version(c, commit);
	return v && c->at ? c->at(c->actx, v->commit) : NULL;
}

/* Per field of the standard: the newest version (index, 0 = latest) that
 * changed it, from c->changed; nversions when none did. NULL without it. */
static size_t *newest_changes(const review_ctx *c)
{
	if (!c->changed || !c->nversions)
		return NULL;
	size_t nf = c->std->nfields, left = nf;
	size_t *nw = xcalloc(nf + 1, sizeof *nw);
	for (size_t f = 0; f < nf; f++)
		nw[f] = c->nversions;
	for (size_t j = 0; j < c->nversions && left; j++) {
		const char *keys = c->changed(c->actx, j);
		if (!keys) {
			free(nw);
			return NULL;
		}
		for (const char *p = keys; *p;) {
			while (*p == ',')
				p++;
			const char *e = strchr(p, ',');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			if (!n)
				break;
			char key[128];
			if (n < sizeof key) {
				memcpy(key, p, n);
				key[n] = '\0';
				const std_field *f = standard_field(c->std, key);
				if (f && nw[f->index] == c->nversions) {
					nw[f->index] = j;
					left--;
				}
			}
			p += n;
		}
	}
	return nw;
}

/* True when the field of r changed between r's version and the latest. */
static bool changed_since(const review_ctx *c, const size_t *newest, const review_rec *r)
{
	if (!c->nversions || !r->field)
		return false;
	const review_version *v = find_version(c, r->version);
	const std_field *f = standard_field(c->std, r->field);
	if (v && f && newest && r->item == 0)
		return newest[f->index] < (size_t)(v - c->versions);
	const description *then = at(c, r->version), *now = at(c, c->versions[0].commit);
	if (!then || !now)
		return false;
	return !review_field_same(then, now, r->field, r->item);
}

static bool needs_field(review_kind k)
{
	return k == RK_COMMENT || k == RK_SUGGEST || k == RK_MARK;
}

static bool needs_version(review_kind k)
{
	return k == RK_COMMENT || k == RK_SUGGEST || k == RK_MARK || k == RK_APPROVE || k == RK_PUBLISH;
}

static review_kind ref_kind(review_kind k)
{
	switch (k) {
	case RK_REPLY:
	case RK_RESOLVE: return RK_COMMENT;
	case RK_ACCEPT:
	case RK_REJECT: return RK_SUGGEST;
	default: return RK_UNKNOWN;
	}
}

/* ---- records by id: an answer finds what it answers in log time ----
 * 40,000 replies each scanning every record took 45 s. */

size_t review_id_compares(void)
{
	return id_compares;
}

static const char *rec_id(const review_rec *r)
{
	return r->id ? r->id : "";
}

typedef struct ident {
	const char *id;
	size_t i;
} ident;

static int by_id(const void *a, const void *b)
{
	const ident *x = a, *y = b;
	id_compares++;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* The positions in ids (the records sorted by id) of the records whose id
 * starts with ref: [*lo, return value). */
static size_t id_range(const review_rec *recs, size_t n, const size_t *ids, const char *ref, size_t *lo)
{
	size_t pl = strlen(ref), a = 0, b = n;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		id_compares++;
		if (strncmp(rec_id(&recs[ids[mid]]), ref, pl) < 0)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = a;
	while (b < n && (id_compares++, !strncmp(rec_id(&recs[ids[b]]), ref, pl)))
		b++;
	return b;
}

/* review_find through the index: the last record (in recs' order) whose
 * id starts with ref, ref of 4 characters or more. */
static const review_rec *find_by_id(const review_rec *recs, size_t n, const size_t *ids, const char *ref)
{
	if (!ref || strlen(ref) < 4)
		return NULL;
	size_t lo, hi = id_range(recs, n, ids, ref, &lo);
	return lo < hi ? &recs[ids[hi - 1]] : NULL;
}

static void check_rec(review_rec *recs, size_t n, size_t i, const review_ctx *c, const size_t *ids)
{
	review_rec *r = &recs[i];
	if (r->problem)
		return;
	if (c->slug && strcmp(r->slug, c->slug)) {
		r->problem = xasprintf(_("it is about another description (%s)"), r->slug);
		return;
	}
	if (needs_field(r->kind)) {
		if (!r->field)
			r->problem = xstrdup(_("it names no field"));
		else if (!standard_field(c->std, r->field))
			r->problem = xasprintf(_("\"%s\" is not a field of the standard"), r->field);
		if (r->problem)
			return;
	}
	if (needs_version(r->kind) && !find_version(c, r->version)) {
		r->problem = r->version ? xasprintf(_("version %.12s is not in the history of this description"), r->version)
		                        : xstrdup(_("it names no version"));
		return;
	}
	review_kind rk = ref_kind(r->kind);
	if (rk != RK_UNKNOWN) {
		/* Any record, not only earlier ones: clocks of two computers differ. */
		const review_rec *t = r->ref ? find_by_id(recs, n, ids, r->ref) : NULL;
		if (!t || t->kind != rk || t->problem)
			r->problem = xasprintf(_("it answers %s, which is not a %s here"), r->ref ? r->ref : "?",
			                       review_kind_name(rk));
		return;
	}
	if (r->kind == RK_APPROVE && !c->self_approve) {
		const review_version *v = find_version(c, r->version);
		if (v && v->email && r->email && !strcasecmp(v->email, r->email))
			r->problem = xstrdup(_("approved by the author of that version (four eyes)"));
	}
}

void review_compute(review_rec *recs, size_t n, const review_ctx *cin, review_summary *o)
{
	memset(o, 0, sizeof *o);
	/* Versions sorted by commit id, so each record finds its version in
	 * log time: 1,000 records on 500 versions. */
	size_t *sorted = xcalloc(cin->nversions + 1, sizeof *sorted);
	vent *ve = xcalloc(cin->nversions + 1, sizeof *ve);
	for (size_t i = 0; i < cin->nversions; i++)
		ve[i] = (vent){ cin->versions[i].commit, i };
	qsort(ve, cin->nversions, sizeof *ve, by_commit);
	for (size_t i = 0; i < cin->nversions; i++)
		sorted[i] = ve[i].i;
	free(ve);
	review_ctx cc = *cin;
	const review_ctx *c = &cc;
	cc.sorted = sorted;
	/* The records by id (ties in their order), and per record the thread or
	 * suggestion it starts, so answers find theirs in log time. */
	ident *idv = xcalloc(n + 1, sizeof *idv);
	for (size_t i = 0; i < n; i++)
		idv[i] = (ident){ rec_id(&recs[i]), i };
	qsort(idv, n, sizeof *idv, by_id);
	size_t *ids = xcalloc(n + 1, sizeof *ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = idv[i].i;
	free(idv);
	size_t *starts = xcalloc(n + 1, sizeof *starts);
	o->state = REVIEW_CONCEPT;
	for (size_t i = 0; i < n; i++)
		check_rec(recs, n, i, c, ids);
	o->threads = xcalloc(n + 1, sizeof *o->threads);
	o->suggs = xcalloc(n + 1, sizeof *o->suggs);
	o->marks = xcalloc(n + 1, sizeof *o->marks);
	o->bad = xcalloc(n + 1, sizeof *o->bad);
	/* Answers (replies, accepts, ...) after everything they can answer. */
	for (size_t step = 0; step < 2 * n; step++) {
		size_t i = step % n, pass = step / n;
		const review_rec *r = &recs[i];
		bool answer = ref_kind(r->kind) != RK_UNKNOWN;
		if (r->problem) {
			if (pass == 0)
				o->bad[o->nbad++] = r;
			continue;
		}
		if (answer != (pass == 1))
			continue;
		switch (r->kind) {
		case RK_REQUEST:
			o->state = REVIEW_IN_REVIEW;
			o->note = NOTE_NONE;
			o->request = o->last_event = r;
			break;
		case RK_APPROVE:
			o->state = REVIEW_APPROVED;
			o->note = NOTE_NONE;
			o->approval = o->last_event = r;
			break;
		case RK_PUBLISH:
			o->state = REVIEW_PUBLISHED;
			o->note = NOTE_NONE;
			o->published = o->last_event = r;
			break;
		case RK_CHANGES:
			o->state = REVIEW_CONCEPT;
			o->note = NOTE_CHANGES_REQUESTED;
			o->changes = o->last_event = r;
			break;
		case RK_COMMENT:
			starts[i] = o->nthreads + 1;
			o->threads[o->nthreads++].root = r;
			break;
		case RK_SUGGEST:
			starts[i] = o->nsuggs + 1;
			o->suggs[o->nsuggs++].rec = r;
			break;
		case RK_MARK:
			/* The latest mark per field and reviewer counts. */
			for (size_t k = 0; k < o->nmarks; k++)
				if (!strcmp(o->marks[k].rec->field, r->field) && o->marks[k].rec->email && r->email &&
				    !strcasecmp(o->marks[k].rec->email, r->email)) {
					memmove(&o->marks[k], &o->marks[k + 1], (o->nmarks - k - 1) * sizeof *o->marks);
					o->nmarks--;
					break;
				}
			o->marks[o->nmarks++].rec = r;
			break;
		case RK_REPLY:
		case RK_RESOLVE: {
			/* The first thread whose comment's id starts with ref. */
			size_t lo, hi = id_range(recs, n, ids, r->ref, &lo), k = SIZE_MAX;
			for (size_t p = lo; p < hi; p++)
				if (recs[ids[p]].kind == RK_COMMENT && starts[ids[p]] && starts[ids[p]] - 1 < k)
					k = starts[ids[p]] - 1;
			if (k != SIZE_MAX) {
				review_thread *t = &o->threads[k];
				if (r->kind == RK_RESOLVE) {
					t->resolved = true;
				} else {
					t->replies = xrealloc(t->replies, (t->nreplies + 1) * sizeof *t->replies);
					t->replies[t->nreplies++] = r;
					t->resolved = false; /* a reply opens it again */
				}
			}
			break;
		}
		case RK_ACCEPT:
		case RK_REJECT: {
			/* The first open suggestion whose id starts with ref. */
			size_t lo, hi = id_range(recs, n, ids, r->ref, &lo), k = SIZE_MAX;
			for (size_t p = lo; p < hi; p++) {
				size_t q = starts[ids[p]];
				if (recs[ids[p]].kind == RK_SUGGEST && q && q - 1 < k && o->suggs[q - 1].status == SUGG_OPEN)
					k = q - 1;
			}
			if (k != SIZE_MAX) {
				review_sugg *sg = &o->suggs[k];
				sg->status = r->kind == RK_ACCEPT ? SUGG_ACCEPTED : SUGG_REJECTED;
				sg->decision = r;
			}
			break;
		}
		default:
			break;
		}
	}
	size_t *newest = newest_changes(c);
	/* An approval (and a publication) is of one version: a later change
	 * voids it. */
	const review_rec *base = o->state == REVIEW_APPROVED ? o->approval : o->state == REVIEW_PUBLISHED ? o->published : NULL;
	const review_version *av = base ? find_version(c, base->version) : NULL;
	if (av && c->same && c->same(c->actx, av->commit, c->versions[0].commit)) {
		/* the approved file itself */
	} else if (base && c->nversions) {
		const description *then = at(c, base->version), *now = at(c, c->versions[0].commit);
		if (!then || !now || !desc_equal(then, now)) {
			o->note = o->state == REVIEW_PUBLISHED ? NOTE_CHANGED_AFTER_PUBLICATION : NOTE_CHANGED_AFTER_APPROVAL;
			o->state = REVIEW_CONCEPT;
		}
	}
	for (size_t k = 0; k < o->nthreads; k++) {
		o->threads[k].outdated = !c->counts_only && changed_since(c, newest, o->threads[k].root);
		if (!o->threads[k].resolved)
			o->open_comments++;
	}
	for (size_t k = 0; k < o->nsuggs; k++) {
		if (o->suggs[k].status == SUGG_OPEN && changed_since(c, newest, o->suggs[k].rec))
			o->suggs[k].status = SUGG_OUTDATED;
		if (o->suggs[k].status == SUGG_OPEN)
			o->open_suggestions++;
	}
	for (size_t k = 0; k < o->nmarks; k++)
		o->marks[k].valid = !c->counts_only && !changed_since(c, newest, o->marks[k].rec);
	free(newest);
	free(sorted);
	free(ids);
	free(starts);
}

void review_summary_done(review_summary *s)
{
	for (size_t k = 0; k < s->nthreads; k++)
		free(s->threads[k].replies);
	free(s->threads);
	free(s->suggs);
	free(s->marks);
	free(s->bad);
	memset(s, 0, sizeof *s);
}
