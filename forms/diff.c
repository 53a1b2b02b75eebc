/* diff: field diff, word diff and three-way merge of descriptions (see diff.h).
 * The word diff is a longest-common-subsequence over tokens after the common
 * head and tail are cut off; edits in a description are local, so the middle
 * left over is small. A middle too large for the table is shown as replaced
 * as a whole rather than spending seconds on it. */
#include "config.h"
#include "forms/diff.h"
#include "base/base.h"
#include "base/escape.h"
#include "i18n/i18n.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Largest LCS table (cells) the word diff builds: 4M cells = 16 MB. */
#define DIFF_MAX_CELLS (4u * 1024 * 1024)

/* ---- values by key ---- */

const ynode *desc_value(const description *d, const char *key)
{
	if (!d)
		return NULL;
	const std_field *f = standard_field(d->std, key);
	if (f)
		return d->vals[f->index];
	for (size_t i = 0; i < d->nextra; i++)
		if (!strcmp(d->extra[i].key, key))
			return d->extra[i].val;
	return NULL;
}

void desc_set_value(description *d, const char *key, const ynode *v)
{
	const std_field *f = standard_field(d->std, key);
	if (f) {
		desc_set(d, f, v ? ynode_copy(v) : NULL);
		return;
	}
	for (size_t i = 0; i < d->nextra; i++) {
		if (strcmp(d->extra[i].key, key))
			continue;
		ynode_free(&d->extra[i].val);
		if (v) {
			d->extra[i].val = ynode_copy(v);
		} else {
			free(d->extra[i].key);
			memmove(&d->extra[i], &d->extra[i + 1], (d->nextra - i - 1) * sizeof *d->extra);
			d->nextra--;
		}
		d->dirty = true;
		return;
	}
	if (!v)
		return;
	d->extra = xrealloc(d->extra, (d->nextra + 1) * sizeof *d->extra);
	desc_extra *x = &d->extra[d->nextra++];
	x->key = xstrdup(key);
	x->val = ynode_copy(v);
	x->line = x->col = 0;
	d->dirty = true;
}

/* ---- word diff ---- */

typedef struct token {
	const char *s;
	size_t n;
} token;

static bool is_word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_space_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Words (letters, digits, any non-ASCII), runs of white space, and single
 * other characters are the units. */
static token *tokenize(const char *s, size_t *n)
{
	token *t = NULL;
	size_t nt = 0, cap = 0;
	for (const char *p = s; *p;) {
		const char *q = p;
		if (is_word_byte((unsigned char)*q))
			while (*q && is_word_byte((unsigned char)*q))
				q++;
		else if (is_space_byte((unsigned char)*q))
			while (*q && is_space_byte((unsigned char)*q))
				q++;
		else
			q++;
		if (nt == cap) {
			cap = cap ? cap * 2 : 64;
			t = xrealloc(t, cap * sizeof *t);
		}
		t[nt].s = p;
		t[nt].n = (size_t)(q - p);
		nt++;
		p = q;
	}
	*n = nt;
	return t;
}

static bool tok_eq(const token *a, const token *b)
{
	return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* The runs being built, with the length and room of each one's text, so
 * that appending a token costs its own length, not the run's so far. */
typedef struct wbuild {
	diff_word *w;
	size_t *len, *room;
	size_t n, cap;
} wbuild;

static void wb_add(wbuild *b, diff_op op, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (b->n && b->w[b->n - 1].op == op) {
		size_t k = b->n - 1;
		if (b->len[k] + n + 1 > b->room[k]) {
			b->room[k] = (b->len[k] + n + 1) * 2;
			b->w[k].text = xrealloc(b->w[k].text, b->room[k]);
		}
		memcpy(b->w[k].text + b->len[k], s, n);
		b->len[k] += n;
		b->w[k].text[b->len[k]] = '\0';
		return;
	}
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		b->w = xrealloc(b->w, b->cap * sizeof *b->w);
		b->len = xrealloc(b->len, b->cap * sizeof *b->len);
		b->room = xrealloc(b->room, b->cap * sizeof *b->room);
	}
	b->w[b->n].op = op;
	b->w[b->n].text = xstrndup(s, n);
	b->len[b->n] = n;
	b->room[b->n] = n + 1;
	b->n++;
}

/* Moves the runs of from to the end of b and empties from. */
static void wb_flush(wbuild *b, wbuild *from)
{
	for (size_t k = 0; k < from->n; k++)
		wb_add(b, from->w[k].op, from->w[k].text, from->len[k]);
	diff_words_free(&from->w, from->n);
	free(from->len);
	free(from->room);
	*from = (wbuild){ 0 };
}

/* Tokens are consecutive in their text: a run of them is one append. */
static void wb_tokens(wbuild *b, diff_op op, const token *t, size_t n)
{
	if (n)
		wb_add(b, op, t[0].s, (size_t)(t[n - 1].s + t[n - 1].n - t[0].s));
}

/* A deletion is listed before the insertion that replaces it. */
static void wb_middle(wbuild *b, const token *a, size_t na, const token *c, size_t nc)
{
	if ((uint64_t)(na + 1) * (nc + 1) > DIFF_MAX_CELLS) {
		wb_tokens(b, DIFF_DEL, a, na);
		wb_tokens(b, DIFF_ADD, c, nc);
		return;
	}
	size_t w = nc + 1;
	uint32_t *L = xcalloc((na + 1) * w, sizeof *L);
	for (size_t i = na; i-- > 0;)
		for (size_t j = nc; j-- > 0;)
			L[i * w + j] = tok_eq(&a[i], &c[j]) ? L[(i + 1) * w + j + 1] + 1
			               : L[(i + 1) * w + j] >= L[i * w + j + 1] ? L[(i + 1) * w + j]
			                                                        : L[i * w + j + 1];
	size_t i = 0, j = 0;
	/* Pending deletions and insertions are flushed together so a replaced
	 * phrase reads as [-old-]{+new+} rather than interleaved words. */
	wbuild del = { 0 }, add = { 0 };
	while (i < na || j < nc) {
		if (i < na && j < nc && tok_eq(&a[i], &c[j])) {
			wb_flush(b, &del);
			wb_flush(b, &add);
			wb_add(b, DIFF_SAME, a[i].s, a[i].n);
			i++, j++;
		} else if (j < nc && (i == na || L[i * w + j + 1] >= L[(i + 1) * w + j])) {
			wb_add(&add, DIFF_ADD, c[j].s, c[j].n);
			j++;
		} else {
			wb_add(&del, DIFF_DEL, a[i].s, a[i].n);
			i++;
		}
	}
	wb_flush(b, &del);
	wb_flush(b, &add);
	free(L);
}

/* One token of the word diff with its side. */
typedef struct tokop {
	diff_op op;
	const char *s;
	size_t n;
} tokop;

static bool tok_is_word(const tokop *t)
{
	return t->n && is_word_byte((unsigned char)t->s[0]);
}

/* A token that ends a sentence: . ! ? or a line break. */
static bool tok_ends_sentence(const tokop *t)
{
	return (t->n == 1 && t->s[0] && strchr(".!?", t->s[0])) || memchr(t->s, '\n', t->n) != NULL;
}

/* A rewritten sentence reads better whole, old then new, than as word by
 * word swaps: where fewer than half of a sentence's words stayed (of the
 * old one and of the new one), its runs become the old sentence removed
 * and the new one added. Small edits keep their marks. */
static diff_word *by_sentence(diff_word *w, size_t nw, size_t *n)
{
	tokop *t = NULL;
	size_t nt = 0, cap = 0;
	for (size_t i = 0; i < nw; i++) {
		size_t k;
		token *tk = tokenize(w[i].text, &k);
		for (size_t j = 0; j < k; j++) {
			if (nt == cap) {
				cap = cap ? cap * 2 : 64;
				t = xrealloc(t, cap * sizeof *t);
			}
			t[nt++] = (tokop){ w[i].op, tk[j].s, tk[j].n };
		}
		free(tk);
	}
	wbuild out = { 0 };
	for (size_t s = 0; s < nt;) {
		/* The sentence: up to a SAME or ADD token that ends one, and the
		 * blanks kept after it. */
		size_t e = s;
		while (e < nt && !(t[e].op != DIFF_DEL && tok_ends_sentence(&t[e])))
			e++;
		if (e < nt)
			e++;
		size_t same = 0, del = 0, add = 0;
		for (size_t i = s; i < e; i++)
			if (tok_is_word(&t[i]))
				*(t[i].op == DIFF_SAME ? &same : t[i].op == DIFF_DEL ? &del : &add) += 1;
		/* Fewer than half of the words kept, of the old sentence and of
		 * the new one: words only added or only taken out keep marks. */
		bool rewrite = del && add && same + del >= 3 && same + add >= 3 && same * 2 < same + del &&
		               same * 2 < same + add;
		if (!rewrite) {
			for (size_t i = s; i < e; i++)
				wb_add(&out, t[i].op, t[i].s, t[i].n);
		} else {
			/* Blanks before it stay outside the marks. */
			size_t b = s;
			while (b < e && t[b].op == DIFF_SAME && !tok_is_word(&t[b]) && t[b].n && t[b].s[0] == ' ')
				wb_add(&out, DIFF_SAME, t[b].s, t[b].n), b++;
			for (size_t i = b; i < e; i++)
				if (t[i].op != DIFF_ADD)
					wb_add(&out, DIFF_DEL, t[i].s, t[i].n);
			for (size_t i = b; i < e; i++)
				if (t[i].op != DIFF_DEL)
					wb_add(&out, DIFF_ADD, t[i].s, t[i].n);
		}
		s = e;
	}
	/* The texts the tokens point into go with w. */
	diff_word *r = out.w;
	*n = out.n;
	free(out.len);
	free(out.room);
	free(t);
	diff_words_free(&w, nw);
	return r;
}

diff_word *diff_words(const char *a, const char *b, size_t *n)
{
	size_t na, nb;
	token *ta = tokenize(a ? a : "", &na), *tb = tokenize(b ? b : "", &nb);
	size_t head = 0;
	while (head < na && head < nb && tok_eq(&ta[head], &tb[head]))
		head++;
	size_t tail = 0;
	while (tail < na - head && tail < nb - head && tok_eq(&ta[na - 1 - tail], &tb[nb - 1 - tail]))
		tail++;
	wbuild w = { 0 };
	wb_tokens(&w, DIFF_SAME, ta, head);
	wb_middle(&w, ta + head, na - head - tail, tb + head, nb - head - tail);
	wb_tokens(&w, DIFF_SAME, ta + na - tail, tail);
	free(ta);
	free(tb);
	free(w.len);
	free(w.room);
	return by_sentence(w.w, w.n, n);
}

void diff_words_free(diff_word **w, size_t n)
{
	if (!*w)
		return;
	for (size_t i = 0; i < n; i++)
		free((*w)[i].text);
	xfree(w);
}

/* ---- field diff ---- */

static bool is_list(const ynode *v)
{
	return v && v->type == Y_SEQ;
}

static bool item_in(const ynode *item, const ynode *seq)
{
	for (size_t i = 0; seq && i < seq->n; i++)
		if (ynode_equal(item, seq->kids[i]))
			return true;
	return false;
}

/* Two {title, link} items are "the same item, changed" when one part is equal. */
static bool item_related(const ynode *a, const ynode *b)
{
	if (!a || !b || a->type != Y_MAP || b->type != Y_MAP)
		return false;
	const char *ta = ynode_str(ynode_get(a, "title")), *tb = ynode_str(ynode_get(b, "title"));
	const char *la = ynode_str(ynode_get(a, "link")), *lb = ynode_str(ynode_get(b, "link"));
	return (ta && tb && !strcmp(ta, tb)) || (la && lb && !strcmp(la, lb));
}

static void add_item(field_diff *fd, diff_op op, const ynode *o, const ynode *n)
{
	fd->items = xrealloc(fd->items, (fd->nitems + 1) * sizeof *fd->items);
	fd->items[fd->nitems++] = (diff_item){ op, o, n };
}

static void diff_lists(field_diff *fd, const ynode *a, const ynode *b)
{
	size_t na = a ? a->n : 0, nb = b ? b->n : 0;
	bool *used = xcalloc(nb + 1, sizeof *used);
	for (size_t j = 0; j < nb; j++)
		used[j] = item_in(b->kids[j], a);
	for (size_t i = 0; i < na; i++) {
		const ynode *x = a->kids[i];
		if (item_in(x, b))
			continue;
		size_t j = 0;
		while (j < nb && (used[j] || !item_related(x, b->kids[j])))
			j++;
		if (j < nb) {
			used[j] = true;
			add_item(fd, DIFF_CHANGE, x, b->kids[j]);
		} else {
			add_item(fd, DIFF_DEL, x, NULL);
		}
	}
	for (size_t j = 0; j < nb; j++)
		if (!used[j])
			add_item(fd, DIFF_ADD, NULL, b->kids[j]);
	free(used);
}

static void diff_field(desc_diff *dd, const std_field *f, const char *key, const ynode *a,
                       const ynode *b)
{
	if (ynode_equal(a, b))
		return;
	dd->v = xrealloc(dd->v, (dd->n + 1) * sizeof *dd->v);
	field_diff *fd = &dd->v[dd->n++];
	memset(fd, 0, sizeof *fd);
	fd->field = f;
	fd->key = key;
	fd->old = a;
	fd->new = b;
	if ((is_list(a) || !a) && (is_list(b) || !b) && (a || b))
		diff_lists(fd, a, b);
	else if (ynode_str(a) && ynode_str(b) &&
	         (!f || f->kind == FK_TEXT || f->kind == FK_RICH)) /* choices and links change as a whole */
		fd->words = diff_words(ynode_str(a), ynode_str(b), &fd->nwords);
}

static bool seen_key(const description *d, size_t upto, const char *key)
{
	for (size_t i = 0; i < upto; i++)
		if (!strcmp(d->extra[i].key, key))
			return true;
	return false;
}

desc_diff *desc_diff_new(const description *a, const description *b)
{
	desc_diff *dd = xcalloc(1, sizeof *dd);
	const description *any = a ? a : b;
	if (!any)
		return dd;
	const standard *std = any->std;
	for (size_t i = 0; i < std->nfields; i++) {
		const std_field *f = &std->fields[i];
		diff_field(dd, f, f->key, a ? a->vals[i] : NULL, b ? b->vals[i] : NULL);
	}
	for (size_t i = 0; a && i < a->nextra; i++)
		if (!seen_key(a, i, a->extra[i].key))
			diff_field(dd, NULL, a->extra[i].key, a->extra[i].val, desc_value(b, a->extra[i].key));
	for (size_t i = 0; b && i < b->nextra; i++)
		if (!desc_value(a, b->extra[i].key) && !seen_key(b, i, b->extra[i].key))
			diff_field(dd, NULL, b->extra[i].key, NULL, b->extra[i].val);
	return dd;
}

void desc_diff_free(desc_diff **pdd)
{
	desc_diff *dd = *pdd;
	if (!dd)
		return;
	for (size_t i = 0; i < dd->n; i++) {
		diff_words_free(&dd->v[i].words, dd->v[i].nwords);
		free(dd->v[i].items);
	}
	free(dd->v);
	xfree(pdd);
}

const char *field_diff_label(const field_diff *fd, int lang)
{
	if (fd->field)
		return fd->field->label[lang == LANG_EN ? LANG_EN : LANG_NL];
	return fd->key;
}

char *desc_diff_labels(const desc_diff *dd, int lang)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	for (size_t i = 0; i < dd->n; i++) {
		if (i)
			sb_adds(&b, ", ");
		sb_adds(&b, field_diff_label(&dd->v[i], lang));
	}
	return sb_take(&b);
}

/* ---- rendering ---- */

#define C_DEL "\033[31m"
#define C_ADD "\033[32m"
#define C_LABEL "\033[1m"
#define C_OFF "\033[m"

/* Text from a file never reaches the terminal raw: control characters other
 * than newline and tab, C1 controls, bidi controls and invalid UTF-8 are
 * shown as base/escape.h does. Newlines continue at the indent. */
static void put_text(strbuf *out, const char *s, int indent)
{
	for (;;) {
		size_t n = strcspn(s, "\n");
		sb_add_escaped(out, s, n, ESC_MULTILINE);
		if (!s[n])
			break;
		sb_addc(out, '\n');
		for (int i = 0; i < indent; i++)
			sb_addc(out, ' ');
		s += n + 1;
	}
}

static void put_marked(strbuf *out, diff_op op, const char *s, int indent, bool color)
{
	if (op == DIFF_SAME) {
		put_text(out, s, indent);
		return;
	}
	if (color)
		sb_adds(out, op == DIFF_DEL ? C_DEL : C_ADD);
	else
		sb_adds(out, op == DIFF_DEL ? "[-" : "{+");
	put_text(out, s, indent);
	sb_adds(out, color ? C_OFF : op == DIFF_DEL ? "-]" : "+}");
}

/* One line for a list item or a value that is not plain text. */
static char *item_summary(const ynode *v)
{
	if (!v)
		return xstrdup("");
	if (ynode_str(v))
		return xstrdup(ynode_str(v));
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	if (v->type == Y_MAP) {
		const char *t = ynode_str(ynode_get(v, "title")), *l = ynode_str(ynode_get(v, "link"));
		if (t || l) {
			sb_adds(&b, t ? t : "");
			if (l)
				sb_printf(&b, "%s<%s>", t ? " " : "", l);
			return sb_take(&b);
		}
		for (size_t i = 0; i < v->n; i++) {
			char *k = item_summary(v->kids[i]);
			sb_printf(&b, "%s%s: %s", i ? ", " : "", v->keys[i], k);
			free(k);
		}
	} else if (v->type == Y_SEQ) {
		for (size_t i = 0; i < v->n; i++) {
			char *k = item_summary(v->kids[i]);
			sb_printf(&b, "%s%s", i ? "; " : "", k);
			free(k);
		}
	}
	return sb_take(&b);
}

static bool is_long(const field_diff *fd)
{
	const char *a = ynode_str(fd->old), *b = ynode_str(fd->new);
	if (fd->field && fd->field->kind == FK_RICH)
		return true;
	return (a && (strlen(a) > 60 || strchr(a, '\n'))) || (b && (strlen(b) > 60 || strchr(b, '\n')));
}

static void render_field(strbuf *out, const field_diff *fd, int lang, bool color)
{
	const int ind = 4;
	if (color)
		sb_adds(out, C_LABEL);
	put_text(out, field_diff_label(fd, lang), 0);
	sb_adds(out, ":");
	if (color)
		sb_adds(out, C_OFF);
	if (fd->items || (is_list(fd->old) || is_list(fd->new))) {
		sb_addc(out, '\n');
		for (size_t i = 0; i < fd->nitems; i++) {
			const diff_item *it = &fd->items[i];
			sb_adds(out, "    ");
			if (it->op == DIFF_CHANGE) {
				char *a = item_summary(it->old), *b = item_summary(it->new);
				size_t n;
				diff_word *w = diff_words(a, b, &n);
				for (size_t k = 0; k < n; k++)
					put_marked(out, w[k].op, w[k].text, ind, color);
				diff_words_free(&w, n);
				free(a);
				free(b);
			} else {
				char *s = item_summary(it->op == DIFF_DEL ? it->old : it->new);
				put_marked(out, it->op, s, ind, color);
				free(s);
			}
			sb_addc(out, '\n');
		}
		if (!fd->nitems) { /* a list against a value of another shape */
			char *a = item_summary(fd->old), *b = item_summary(fd->new);
			sb_adds(out, "    ");
			if (fd->old)
				put_marked(out, DIFF_DEL, a, ind, color);
			if (fd->new)
				put_marked(out, DIFF_ADD, b, ind, color);
			sb_addc(out, '\n');
			free(a);
			free(b);
		}
		return;
	}
	bool lng = is_long(fd);
	sb_adds(out, lng ? "\n    " : " ");
	if (fd->words) {
		for (size_t k = 0; k < fd->nwords; k++)
			put_marked(out, fd->words[k].op, fd->words[k].text, ind, color);
	} else {
		char *a = item_summary(fd->old), *b = item_summary(fd->new);
		if (fd->old)
			put_marked(out, DIFF_DEL, a, ind, color);
		if (fd->old && fd->new)
			sb_addc(out, lng ? '\n' : ' ');
		if (fd->old && fd->new && lng)
			sb_adds(out, "    ");
		if (fd->new)
			put_marked(out, DIFF_ADD, b, ind, color);
		free(a);
		free(b);
	}
	sb_addc(out, '\n');
}

/* Appends s without trailing spaces on its lines and without blank lines
 * at its end (block text ends in newlines; the indent adds spaces). */
static void add_trimmed(strbuf *out, const char *s, size_t n)
{
	while (n > 1 && (s[n - 1] == '\n' || s[n - 1] == ' ') && (s[n - 2] == '\n' || s[n - 2] == ' '))
		n--;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ') {
			size_t j = i;
			while (j < n && s[j] == ' ')
				j++;
			if (j < n && s[j] == '\n') {
				i = j - 1;
				continue;
			}
		}
		sb_addc(out, s[i]);
	}
}

void desc_diff_render(strbuf *out, const desc_diff *dd, int lang, bool color)
{
	sb_adds(out, "");
	strbuf one = STRBUF_INIT;
	for (size_t i = 0; i < dd->n; i++) {
		sb_reset(&one);
		render_field(&one, &dd->v[i], lang, color);
		add_trimmed(out, one.s, one.len);
	}
	sb_done(&one);
}

/* ---- merge ---- */

/* Set merge of two lists against their ancestor: mine's items in mine's
 * order, without those theirs removed, then those theirs added. Returns NULL
 * when that is ambiguous: both sides dropped an item and put different ones
 * in (an item changed differently on each side). */
static ynode *merge_lists(const ynode *b, const ynode *m, const ynode *t)
{
	bool mine_replaced = false, theirs_replaced = false, both_dropped = false;
	for (size_t i = 0; b && i < b->n; i++) {
		bool gone_m = !item_in(b->kids[i], m), gone_t = !item_in(b->kids[i], t);
		both_dropped |= gone_m && gone_t;
	}
	for (size_t i = 0; m && i < m->n; i++)
		mine_replaced |= !item_in(m->kids[i], b) && !item_in(m->kids[i], t);
	for (size_t i = 0; t && i < t->n; i++)
		theirs_replaced |= !item_in(t->kids[i], b) && !item_in(t->kids[i], m);
	if (both_dropped && mine_replaced && theirs_replaced)
		return NULL;
	ynode *r = ynode_new(Y_SEQ, 0, 0);
	for (size_t i = 0; m && i < m->n; i++) {
		const ynode *x = m->kids[i];
		if (item_in(x, b) && !item_in(x, t))
			continue; /* theirs removed it */
		if (!item_in(x, r))
			ynode_push(r, ynode_copy(x));
	}
	for (size_t i = 0; t && i < t->n; i++) {
		const ynode *x = t->kids[i];
		if (!item_in(x, b) && !item_in(x, r))
			ynode_push(r, ynode_copy(x));
	}
	return r;
}

static void merge_key(merge_result *r, const std_field *f, const char *key, const ynode *b,
                      const ynode *m, const ynode *t)
{
	const ynode *take;
	if (ynode_equal(m, t) || ynode_equal(b, t))
		take = m;
	else if (ynode_equal(b, m))
		take = t;
	else {
		bool listy = (!b || is_list(b)) && (!m || is_list(m)) && (!t || is_list(t));
		ynode *l = listy && (!f || f->kind == FK_MULTI || f->kind == FK_ITEMS) ? merge_lists(b, m, t) : NULL;
		if (l) {
			desc_set_value(r->merged, key, l->n ? l : NULL);
			ynode_free(&l);
			return;
		}
		r->conflicts = xrealloc(r->conflicts, (r->nconflicts + 1) * sizeof *r->conflicts);
		r->conflicts[r->nconflicts++] = (merge_conflict){ f, xstrdup(key) };
		take = m;
	}
	desc_set_value(r->merged, key, take);
}

int desc_merge(const description *base, const description *mine, const description *theirs,
               merge_result *out)
{
	memset(out, 0, sizeof *out);
	if (!mine || !theirs)
		return -1;
	const standard *std = mine->std;
	out->merged = desc_new(std);
	out->merged->format = mine->format;
	for (size_t i = 0; i < std->nfields; i++) {
		const std_field *f = &std->fields[i];
		merge_key(out, f, f->key, base ? base->vals[i] : NULL, mine->vals[i], theirs->vals[i]);
	}
	/* Unknown keys: every key mine has, in mine's order, then theirs' others.
	 * A key only the ancestor has was removed on both sides. */
	for (size_t i = 0; i < mine->nextra; i++) {
		const char *k = mine->extra[i].key;
		merge_key(out, NULL, k, desc_value(base, k), mine->extra[i].val, desc_value(theirs, k));
	}
	for (size_t i = 0; i < theirs->nextra; i++) {
		const char *k = theirs->extra[i].key;
		if (!desc_value(mine, k))
			merge_key(out, NULL, k, desc_value(base, k), NULL, theirs->extra[i].val);
	}
	out->merged->dirty = true;
	return 0;
}

void merge_result_done(merge_result *r)
{
	desc_free(&r->merged);
	for (size_t i = 0; i < r->nconflicts; i++)
		free(r->conflicts[i].key);
	free(r->conflicts);
	memset(r, 0, sizeof *r);
}
