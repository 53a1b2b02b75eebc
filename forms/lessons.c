/* lessons: loads the tutor's lessons and checks them (see lessons.h). */
#include "config.h"
#include "forms/lessons.h"
#include "forms/rules.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LESSONS_MAX_FILE (256 * 1024)

static void free_strs(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void lesson_done(lesson *l)
{
	free(l->id);
	free(l->section);
	free(l->title);
	free(l->why);
	free(l->task);
	free(l->hint);
	free(l->comment);
	free(l->fields);
	free(l->start_f);
	free_strs(l->start_v, l->nstart);
	free(l->check.filled);
	free(l->check.no_findings);
	free_strs(l->check.no_words, l->check.nno_words);
	free_strs(l->check.some_word, l->check.nsome_word);
	free(l->check.words_f);
	free(l->check.words_min);
	for (size_t i = 0; i < l->check.nmentions; i++)
		free_strs(l->check.mentions[i].stems, l->check.mentions[i].n);
	free(l->check.mentions);
	free_strs(l->check.reply_stems, l->check.nreply_stems);
}

void lessons_free(lessons **ls)
{
	if (!*ls)
		return;
	for (size_t i = 0; i < (*ls)->n; i++)
		lesson_done(&(*ls)->v[i]);
	free((*ls)->v);
	free((*ls)->example);
	free(*ls);
	*ls = NULL;
}

typedef struct loader {
	const standard *std;
	const char *path;
	char *err;
} loader;

static bool refuse(loader *L, const ynode *n, const char *what)
{
	if (!L->err)
		L->err = xasprintf("%s:%d: %s", L->path, n ? n->line : 0, what);
	return false;
}

static bool text(loader *L, const ynode *map, const char *key, bool need, char **out)
{
	const ynode *n = ynode_get(map, key);
	if (!n) {
		if (need)
			return refuse(L, map, key);
		return true;
	}
	const char *s = ynode_str(n);
	if (!s || n->type != Y_STR || strlen(s) != n->len || utf8_invalid_offset(s, n->len) >= 0)
		return refuse(L, n, key);
	*out = xstrdup(s);
	return true;
}

static bool field_list(loader *L, const ynode *map, const char *key, const std_field ***out, size_t *n)
{
	const ynode *seq = ynode_get(map, key);
	if (!seq)
		return true;
	if (seq->type != Y_SEQ)
		return refuse(L, seq, key);
	*out = xcalloc(seq->n ? seq->n : 1, sizeof **out);
	for (size_t i = 0; i < seq->n; i++) {
		const char *k = ynode_str(seq->kids[i]);
		const std_field *f = k ? standard_field(L->std, k) : NULL;
		if (!f)
			return refuse(L, seq->kids[i], k ? k : key);
		(*out)[(*n)++] = f;
	}
	return true;
}

static bool word_list(loader *L, const ynode *map, const char *key, char ***out, size_t *n)
{
	const ynode *seq = ynode_get(map, key);
	if (!seq)
		return true;
	if (seq->type != Y_SEQ)
		return refuse(L, seq, key);
	*out = xcalloc(seq->n ? seq->n : 1, sizeof **out);
	for (size_t i = 0; i < seq->n; i++) {
		const char *w = ynode_str(seq->kids[i]);
		if (!w || !*w || seq->kids[i]->len != strlen(w))
			return refuse(L, seq->kids[i], key);
		(*out)[(*n)++] = xstrdup(w);
	}
	return true;
}

static bool flag(loader *L, const ynode *map, const char *key, bool *out)
{
	const ynode *n = ynode_get(map, key);
	if (!n)
		return true;
	const char *s = ynode_str(n);
	if (s && (!strcmp(s, "true") || !strcmp(s, "yes")))
		*out = true;
	else if (s && (!strcmp(s, "false") || !strcmp(s, "no")))
		*out = false;
	else
		return refuse(L, n, key);
	return true;
}

static bool small_number(loader *L, const ynode *n, const char *key, int *out)
{
	const char *s = ynode_str(n);
	char *end = NULL;
	long v = s ? strtol(s, &end, 10) : 0;
	if (!s || *end || v <= 0 || v > 100000)
		return refuse(L, n, key);
	*out = (int)v;
	return true;
}

/* min_words: {field: N, ...} */
static bool words_map(loader *L, const ynode *c, lesson_check *k)
{
	const ynode *m = ynode_get(c, "min_words");
	if (!m)
		return true;
	if (m->type != Y_MAP || !m->n)
		return refuse(L, m, "min_words");
	k->words_f = xcalloc(m->n, sizeof *k->words_f);
	k->words_min = xcalloc(m->n, sizeof *k->words_min);
	for (size_t i = 0; i < m->n; i++) {
		const std_field *f = standard_field(L->std, m->keys[i]);
		if (!f)
			return refuse(L, m->kids[i], m->keys[i]);
		if (!small_number(L, m->kids[i], "min_words", &k->words_min[k->nwords]))
			return false;
		k->words_f[k->nwords++] = f;
	}
	return true;
}

/* mentions / mentions_all: {field: [stem, ...], ...} */
static bool stems_map(loader *L, const ynode *c, const char *key, bool all, lesson_check *k)
{
	const ynode *m = ynode_get(c, key);
	if (!m)
		return true;
	if (m->type != Y_MAP || !m->n)
		return refuse(L, m, key);
	k->mentions = xrealloc(k->mentions, (k->nmentions + m->n) * sizeof *k->mentions);
	for (size_t i = 0; i < m->n; i++) {
		struct lesson_stems *st = &k->mentions[k->nmentions];
		memset(st, 0, sizeof *st);
		st->field = standard_field(L->std, m->keys[i]);
		st->all = all;
		if (!st->field)
			return refuse(L, m->kids[i], m->keys[i]);
		k->nmentions++;
		const ynode *seq = m->kids[i];
		if (seq->type != Y_SEQ || !seq->n)
			return refuse(L, seq, key);
		st->stems = xcalloc(seq->n, sizeof *st->stems);
		for (size_t j = 0; j < seq->n; j++) {
			const char *w = ynode_str(seq->kids[j]);
			if (!w || !*w || seq->kids[j]->len != strlen(w))
				return refuse(L, seq->kids[j], key);
			st->stems[st->n++] = xstrdup(w);
		}
	}
	return true;
}

static bool load_lesson(loader *L, const ynode *m, lesson *l)
{
	l->line = m->line;
	if (m->type != Y_MAP)
		return refuse(L, m, "lesson");
	if (!text(L, m, "id", true, &l->id) || !text(L, m, "section", true, &l->section) ||
	    !text(L, m, "title", true, &l->title) || !text(L, m, "why", true, &l->why) ||
	    !text(L, m, "task", true, &l->task) || !text(L, m, "hint", true, &l->hint) ||
	    !text(L, m, "comment", false, &l->comment) || !field_list(L, m, "fields", &l->fields, &l->nfields))
		return false;
	if (!l->nfields)
		return refuse(L, m, "fields");
	bool known = !strcmp(l->section, "review");
	for (size_t i = 0; i < L->std->nsections && !known; i++)
		known = !strcmp(L->std->sections[i].key, l->section);
	if (!known)
		return refuse(L, ynode_get(m, "section"), "section");
	const ynode *st = ynode_get(m, "start");
	if (st) {
		if (st->type != Y_MAP)
			return refuse(L, st, "start");
		l->start_f = xcalloc(st->n ? st->n : 1, sizeof *l->start_f);
		l->start_v = xcalloc(st->n ? st->n : 1, sizeof *l->start_v);
		for (size_t i = 0; i < st->n; i++) {
			const std_field *f = standard_field(L->std, st->keys[i]);
			const ynode *v = st->kids[i];
			const char *s = v->type == Y_NULL ? "" : ynode_str(v);
			if (!f || !s || (v->type == Y_STR && strlen(s) != v->len))
				return refuse(L, v, st->keys[i]);
			l->start_f[l->nstart] = f;
			l->start_v[l->nstart++] = xstrdup(s);
		}
	}
	const ynode *c = ynode_get(m, "check");
	if (!c || c->type != Y_MAP)
		return refuse(L, c ? c : m, "check");
	lesson_check *k = &l->check;
	const ynode *ml = ynode_get(c, "max_length");
	if (ml) {
		const char *s = ynode_str(ml);
		char *end = NULL;
		long v = s ? strtol(s, &end, 10) : 0;
		if (!s || *end || v <= 0 || v > 100000)
			return refuse(L, ml, "max_length");
		k->max_length = (int)v;
	}
	if (!field_list(L, c, "filled", &k->filled, &k->nfilled) ||
	    !field_list(L, c, "no_findings", &k->no_findings, &k->nno_findings) ||
	    !word_list(L, c, "no_words", &k->no_words, &k->nno_words) ||
	    !word_list(L, c, "some_word", &k->some_word, &k->nsome_word) ||
	    !flag(L, c, "spelling", &k->spelling) || !flag(L, c, "reply", &k->reply) || !words_map(L, c, k) ||
	    !stems_map(L, c, "mentions", false, k) || !stems_map(L, c, "mentions_all", true, k))
		return false;
	const ynode *rw = ynode_get(c, "reply_min_words");
	if (rw && !small_number(L, rw, "reply_min_words", &k->reply_min_words))
		return false;
	if (!word_list(L, c, "reply_mentions", &k->reply_stems, &k->nreply_stems))
		return false;
	if ((k->reply_min_words || k->nreply_stems) && !k->reply)
		return refuse(L, rw ? rw : c, "reply");
	if (k->reply && !l->comment)
		return refuse(L, c, "comment");
	if (!k->nfilled && !k->nwords && !k->nmentions && !k->nno_findings && !k->max_length && !k->nno_words && !k->nsome_word &&
	    !k->spelling && !k->reply)
		return refuse(L, c, "check");
	return true;
}

lessons *lessons_load_file(const standard *std, const char *path, const char *example_path, char **err)
{
	loader L = { std, path, NULL };
	char *data = NULL;
	size_t len = 0;
	*err = NULL;
	if (read_file(path, LESSONS_MAX_FILE, &data, &len) < 0) {
		*err = xasprintf(_("%s: cannot read the lessons: %s"), path, strerror(errno));
		return NULL;
	}
	ynode *root = NULL;
	yerror ye = { 0 };
	lessons *ls = xcalloc(1, sizeof *ls);
	ls->std = std;
	ls->example = xstrdup(example_path);
	if (ytree_parse_yaml(data, len, &root, &ye) < 0) {
		L.err = xasprintf("%s:%d: %s", path, ye.line, ye.msg ? ye.msg : "");
		yerror_done(&ye);
		goto out;
	}
	const ynode *seq = root && root->type == Y_MAP ? ynode_get(root, "lessons") : NULL;
	if (!seq || seq->type != Y_SEQ || !seq->n) {
		refuse(&L, seq ? seq : root, "lessons");
		goto out;
	}
	ls->v = xcalloc(seq->n, sizeof *ls->v);
	for (size_t i = 0; i < seq->n; i++) {
		ls->n++;
		if (!load_lesson(&L, seq->kids[i], &ls->v[i]))
			break;
	}
out:
	free(data);
	ynode_free(&root);
	if (L.err) {
		/* The detail names what was wrong: the key, the field or the value. */
		*err = xasprintf(_("%s (in the lessons file: a key missing, or a value of the wrong kind)"), L.err);
		free(L.err);
		lessons_free(&ls);
	}
	return ls;
}

lessons *lessons_load(const standard *std, int lang, char **err)
{
	const char *code = lang == LANG_EN ? "en" : "nl";
	char *path = xasprintf("%s/lessons-%s.yaml", std->dir, code);
	char *ex = xasprintf("%s/tutor-example-%s.yaml", std->dir, code);
	lessons *ls = lessons_load_file(std, path, ex, err);
	free(path);
	free(ex);
	return ls;
}

description *lesson_start(const lessons *ls, const lesson *l, char **err)
{
	findings fs;
	findings_init(&fs);
	*err = NULL;
	description *d = desc_read_file(ls->std, ls->example, DESC_YAML, &fs);
	if (!d) {
		*err = xasprintf("%s: %s", ls->example, fs.n ? fs.v[0].msg : _("cannot read the example"));
		findings_done(&fs);
		return NULL;
	}
	findings_done(&fs);
	for (size_t i = 0; i < l->nstart; i++) {
		if (*l->start_v[i])
			desc_set_text(d, l->start_f[i], l->start_v[i]);
		else
			desc_set(d, l->start_f[i], NULL);
	}
	return d;
}

/* ---- checks ---- */

static bool word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
	       c == '-';
}

/* Whether w occurs in s as a whole word. A word with a capital (an
 * abbreviation) must match exactly, others in any case. */
static bool has_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	bool exact = false;
	for (const char *p = w; *p; p++)
		exact |= *p >= 'A' && *p <= 'Z';
	for (const char *p = s; *p; p++) {
		if (p > s && word_byte((unsigned char)p[-1]))
			continue;
		if ((exact ? strncmp(p, w, n) : strncasecmp(p, w, n)) == 0 && !word_byte((unsigned char)p[n]))
			return true;
	}
	return false;
}

size_t lesson_plain_words(const char *s)
{
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		if (!word_byte(*p) && *p != '\'') {
			p++;
			continue;
		}
		int letters = 0;
		bool abbrev = false, prev_cap = false;
		while (*p && (word_byte(*p) || *p == '\'')) {
			bool cap = *p >= 'A' && *p <= 'Z';
			abbrev |= cap && prev_cap;
			prev_cap = cap;
			if ((*p >= 'a' && *p <= 'z') || cap)
				letters++;
			else if (*p >= 0xC0) /* the first byte of a non-ASCII letter */
				letters++;
			p++;
		}
		n += letters >= 2 && !abbrev;
	}
	return n;
}

/* Whether s has a word that begins with stem (any case). */
static bool has_stem(const char *s, const char *stem)
{
	size_t n = strlen(stem);
	for (const char *p = s; *p; p++) {
		if (p > s && word_byte((unsigned char)p[-1]))
			continue;
		if (strncasecmp(p, stem, n) == 0)
			return true;
	}
	return false;
}

static bool field_filled(const description *d, const std_field *f)
{
	const ynode *n = desc_get(d, f);
	if (!n)
		return false;
	if (n->type == Y_SEQ)
		return n->n > 0;
	const char *s = desc_text(d, f);
	return s && !field_text_blank(d, s, strlen(s));
}

static const char *label(const std_field *f)
{
	return f->label[i18n_lang() == LANG_EN ? LANG_EN : LANG_NL];
}

bool lesson_check_run(const lesson *l, const description *d, const lesson_env *env, findings *out)
{
	findings scratch;
	findings_init(&scratch);
	if (!out)
		out = &scratch;
	size_t before = out->n;
	const lesson_check *k = &l->check;
	for (size_t i = 0; i < k->nfilled; i++)
		if (!field_filled(d, k->filled[i]))
			findings_add(out, SEV_ERROR, ORIGIN_ADVICE, "lesson-filled", k->filled[i], k->filled[i]->key, 0, 0,
			             _("%s: is still empty; the lesson asks you to fill it in"), label(k->filled[i]));
	if (k->nno_findings) {
		findings all;
		findings_init(&all);
		rules_check(d, &all);
		for (size_t i = 0; i < all.n; i++) {
			const finding *f = &all.v[i];
			if (f->sev == SEV_NOTE || !f->field)
				continue;
			for (size_t j = 0; j < k->nno_findings; j++)
				if (f->field == k->no_findings[j]) {
					/* Its message names the field already. */
					findings_add(out, f->sev, f->org, f->rule, f->field, f->key, f->line, f->col, "%s", f->msg);
					break;
				}
		}
		findings_done(&all);
	}
	const std_field *first = l->fields[0], *last = l->fields[l->nfields - 1];
	if (k->max_length) {
		const char *s = desc_text(d, first);
		size_t n = s ? field_register_length(d, first, s, strlen(s)) : 0;
		if (n > (size_t)k->max_length)
			findings_add(out, SEV_ERROR, ORIGIN_ADVICE, "lesson-length", first, first->key, 0, 0,
			             _("%s: has %zu characters; the lesson asks for at most %d"), label(first), n,
			             k->max_length);
	}
	for (size_t w = 0; w < k->nno_words; w++)
		for (size_t i = 0; i < l->nfields; i++) {
			const char *s = desc_text(d, l->fields[i]);
			if (s && has_word(s, k->no_words[w]))
				findings_add(out, SEV_ERROR, ORIGIN_ADVICE, "lesson-word", l->fields[i], l->fields[i]->key, 0, 0,
				             _("%s: still holds \"%s\"; write it in full or correct it"), label(l->fields[i]),
				             k->no_words[w]);
		}
	if (k->nsome_word) {
		const char *s = desc_text(d, last);
		bool found = false;
		for (size_t w = 0; w < k->nsome_word && s && !found; w++)
			found = has_word(s, k->some_word[w]);
		if (!found)
			findings_add(out, SEV_ERROR, ORIGIN_ADVICE, "lesson-why", last, last->key, 0, 0,
			             _("%s: does not say why yet; use a word such as \"%s\""), label(last), k->some_word[0]);
	}
	for (size_t i = 0; i < k->nwords; i++) {
		const char *s = desc_text(d, k->words_f[i]);
		if (s && *s && lesson_plain_words(s) < (size_t)k->words_min[i])
			findings_add(out, SEV_ERROR, ORIGIN_ADVICE, "lesson-words", k->words_f[i], k->words_f[i]->key, 0, 0,
			             P_("%s: says too little for this lesson; write at least %d word in full (abbreviations do not count)",
			                "%s: says too little for this lesson; write at least %d words in full (abbreviations do not count)",
			                k->words_min[i]),
			             label(k->words_f[i]), k->words_min[i]);
	}
	for (size_t i = 0; i < k->nmentions; i++) {
		const struct lesson_stems *st = &k->mentions[i];
		const char *s = desc_text(d, st->field);
		if (!s || !*s)
			continue; /* "still empty" says it already, where the lesson asks */
		bool any = false;
		for (size_t j = 0; j < st->n; j++) {
			bool has = has_stem(s, st->stems[j]);
			any |= has;
			if (st->all && !has) {
				findings_add(out, SEV_ERROR, ORIGIN_ADVICE, "lesson-mention", st->field, st->field->key, 0, 0,
				             _("%s: \"%s\" is missing; the lesson asks you to keep it, spelt correctly"),
				             label(st->field), st->stems[j]);
			}
		}
		if (!st->all && !any)
			findings_add(out, SEV_ERROR, ORIGIN_ADVICE, "lesson-mention", st->field, st->field->key, 0, 0,
			             _("%s: does not say what the lesson asks about yet; it could mention \"%s\""),
			             label(st->field), st->stems[0]);
	}
	if (k->spelling && env && env->misspelt)
		for (size_t i = 0; i < l->nfields; i++) {
			const char *s = desc_text(d, l->fields[i]);
			size_t n = s ? env->misspelt(env->spell_ctx, l->fields[i], s, strlen(s)) : 0;
			if (n)
				findings_add(out, SEV_ERROR, ORIGIN_SPELL, "lesson-spelling", l->fields[i], l->fields[i]->key, 0, 0,
				             P_("%s: the spelling check still finds %zu misspelt word",
				                      "%s: the spelling check still finds %zu misspelt words", n),
				             label(l->fields[i]), n);
		}
	if (k->reply && !(env && env->has_reply))
		findings_add(out, SEV_ERROR, ORIGIN_ADVICE, "lesson-reply", first, first->key, 0, 0,
		             _("%s: the reviewer's comment has no reply yet"), label(first));
	else if (k->reply_min_words && env && env->reply && lesson_plain_words(env->reply) < (size_t)k->reply_min_words)
		findings_add(out, SEV_ERROR, ORIGIN_ADVICE, "lesson-reply-words", first, first->key, 0, 0,
		             P_("%s: the reply says too little; answer the reviewer's question in at least %d word",
		                "%s: the reply says too little; answer the reviewer's question in at least %d words",
		                k->reply_min_words),
		             label(first), k->reply_min_words);
	else if (k->nreply_stems && env && env->reply) {
		bool any = false;
		for (size_t j = 0; j < k->nreply_stems && !any; j++)
			any = has_stem(env->reply, k->reply_stems[j]);
		if (!any)
			findings_add(out, SEV_ERROR, ORIGIN_ADVICE, "lesson-reply-point", first, first->key, 0, 0,
			             _("%s: the reply does not answer the reviewer's question yet; say, for instance, \"%s\" and why"),
			             label(first), k->reply_stems[0]);
	}
	bool done = out->n == before;
	findings_done(&scratch);
	return done;
}
