/* quality: the register's completeness score, plain-Dutch advice and the
 * web addresses of a description (see quality.h). */
#include "config.h"
#include "forms/quality.h"
#include "forms/exchange.h"
#include "forms/html.h"
#include "forms/progress.h"
#include "forms/rules.h"
#include "base/base.h"
#include "base/paths.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- completeness ---- */

/* The weights of standard 1.0, facts from the register's public source:
 * frontend-beheer-2024/src/config/score.ts (MinBZK/Algoritmeregister, also
 * in reference/standard/score-weights.json). Their sum is 140. */
static const struct {
	const char *key;
	int weight;
} weights_1_0[] = {
	{ "name", 8 }, { "description_short", 8 }, { "organization", 8 }, { "category", 8 },
	{ "status", 8 }, { "begin_date", 8 }, { "end_date", 0 }, { "contact_email", 8 },
	{ "website", 2 }, { "publication_category", 8 }, { "url", 2 }, { "goal", 8 },
	{ "proportionality", 8 }, { "human_intervention", 8 }, { "risks", 8 }, { "lawful_basis", 2 },
	{ "lawful_basis_grouping", 2 }, { "process_index_url", 2 }, { "impacttoetsen", 8 },
	{ "impacttoetsen_grouping", 2 }, { "source_data", 8 }, { "source_data_grouping", 2 },
	{ "methods_and_models", 2 }, { "provider", 8 }, { "publiccode", 0 }, { "lang", 2 },
	{ "standard_version", 0 }, { "source_id", 0 }, { "tags", 2 },
};
#define NWEIGHTS (sizeof weights_1_0 / sizeof weights_1_0[0])

int completeness_weight(const char *key)
{
	for (size_t i = 0; i < NWEIGHTS; i++)
		if (!strcmp(weights_1_0[i].key, key))
			return weights_1_0[i].weight;
	return -1;
}

/* The register's test (store/score.ts): not null, not undefined, not "",
 * and not of length 0 (a string or a list). A number, a boolean or an
 * object has no length and counts. */
static bool register_counts(const ynode *v)
{
	if (!v || v->type == Y_NULL)
		return false;
	if (v->type == Y_STR)
		return v->len > 0;
	if (v->type == Y_SEQ)
		return v->n > 0;
	return true;
}

/* Whether a list of items carries anything: an item with a title or link
 * that is not blank. */
static bool items_carry(const description *d, const ynode *v)
{
	for (size_t i = 0; i < v->n; i++) {
		const ynode *it = v->kids[i];
		if (it->type == Y_STR && !field_text_blank(d, it->str, it->len))
			return true;
		if (it->type != Y_MAP)
			continue;
		for (size_t k = 0; k < it->n; k++) {
			const ynode *x = it->kids[k];
			if (x && x->type == Y_STR && !field_text_blank(d, x->str, x->len))
				return true;
			if (x && (x->type == Y_NUM || x->type == Y_BOOL))
				return true;
		}
	}
	return false;
}

static bool really_filled(const description *d, const std_field *f)
{
	const ynode *v = desc_get(d, f);
	if (v && v->type == Y_SEQ && f->kind == FK_ITEMS)
		return items_carry(d, v);
	if (v && v->type == Y_SEQ) {
		for (size_t i = 0; i < v->n; i++)
			if (v->kids[i]->type != Y_STR || !field_text_blank(d, v->kids[i]->str, v->kids[i]->len))
				return true;
		return false;
	}
	return field_filled(d, f);
}

/* Whether the register's count of a YAML value can be read off the value
 * itself: absent or null (no), text with content, a list of plain values
 * (yes). Only a value that carries nothing but is not empty (spaces, a
 * list of empty items) depends on what export makes of it. */
static bool plain_to_count(const description *d, const std_field *f)
{
	const ynode *v = desc_get(d, f);
	if (!v || v->type == Y_NULL)
		return true;
	if (v->type == Y_STR)
		return !v->len || !field_text_blank(d, v->str, v->len);
	if (v->type == Y_SEQ)
		return !v->n || really_filled(d, f);
	return false;
}

void completeness_compute(const description *d, completeness *out)
{
	memset(out, 0, sizeof *out);
	/* What the register sees: the body export sends for a YAML file. The
	 * list scores every description, so export is asked only where the
	 * value alone does not tell. */
	description *sent = NULL;
	const description *reg = d;
	bool need_export = false;
	if (d->format != DESC_API)
		for (size_t i = 0; i < NWEIGHTS && !need_export; i++) {
			const std_field *f = standard_field(d->std, weights_1_0[i].key);
			need_export = f && !plain_to_count(d, f);
		}
	if (need_export) {
		char *json = desc_export_api_json(d);
		findings tmp;
		findings_init(&tmp);
		sent = desc_read(d->std, json, strlen(json), DESC_API, &tmp);
		findings_done(&tmp);
		free(json);
		if (sent)
			reg = sent;
	}
	for (size_t i = 0; i < NWEIGHTS; i++) {
		int w = weights_1_0[i].weight;
		out->total += w;
		const std_field *f = standard_field(d->std, weights_1_0[i].key);
		if (!f)
			continue;
		if (!register_counts(desc_get(reg, f)))
			continue;
		out->counted += w;
		if (w > 0 && !really_filled(d, f) && out->nlooks < sizeof out->looks / sizeof out->looks[0])
			out->looks[out->nlooks++] = f;
	}
	/* Rounded up, as Math.ceil: exact in integers. */
	out->score = out->total ? (out->counted * 100 + out->total - 1) / out->total : 0;
	desc_free(&sent);
}

completeness_band completeness_band_of(int score)
{
	return score < 60 ? CB_LOW : score < 85 ? CB_MIDDLE : CB_HIGH;
}

void completeness_findings(const description *d, const completeness *c, findings *out)
{
	for (size_t i = 0; i < c->nlooks; i++) {
		const std_field *f = c->looks[i];
		int line = d->key_line[f->index] ? d->key_line[f->index] : 1;
		int col = d->key_line[f->index] ? d->key_col[f->index] : 1;
		findings_add(out, SEV_NOTE, ORIGIN_ADVICE, "looks-filled", f, NULL, line, col,
		             _("%s only looks filled: it holds no text, yet the register counts it in its completeness "
		               "score (%d%%); write its text or leave the field out"),
		             f->label[i18n_lang()], c->score);
	}
}

/* ---- plain words ---- */

void plain_words_init(plain_words *pw)
{
	memset(pw, 0, sizeof *pw);
}

void plain_words_done(plain_words *pw)
{
	for (size_t i = 0; i < pw->n; i++) {
		free(pw->v[i].from);
		free(pw->v[i].to);
	}
	free(pw->v);
	memset(pw, 0, sizeof *pw);
}

/* Lower case for ASCII and the accented Latin-1 capitals (UTF-8 C3 80..9E). */
static char *lower_dup(const char *s, size_t n)
{
	char *r = xstrndup(s, n);
	for (size_t i = 0; r[i]; i++) {
		unsigned char c = (unsigned char)r[i];
		if (c >= 'A' && c <= 'Z')
			r[i] = (char)(c - 'A' + 'a');
		else if (c == 0xC3 && r[i + 1] && (unsigned char)r[i + 1] >= 0x80 && (unsigned char)r[i + 1] <= 0x9E &&
		         (unsigned char)r[i + 1] != 0x97)
			r[++i] |= 0x20;
	}
	return r;
}

static char *trim_dup(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	/* Inner runs of spaces become one, so "dienen  te" is "dienen te". */
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if ((s[i] == ' ' || s[i] == '\t') && b.len && b.s[b.len - 1] == ' ')
			continue;
		sb_addc(&b, s[i] == '\t' ? ' ' : s[i]);
	}
	return sb_take(&b);
}

size_t plain_words_parse(plain_words *pw, const char *text, size_t len, int *bad_line)
{
	size_t added = 0;
	int line = 0;
	*bad_line = 0;
	for (size_t p = 0; p < len;) {
		const char *s = text + p;
		const char *nl = memchr(s, '\n', len - p);
		size_t n = nl ? (size_t)(nl - s) : len - p;
		p += n + 1;
		line++;
		const char *hash = memchr(s, '#', n);
		if (hash)
			n = (size_t)(hash - s);
		char *t = trim_dup(s, n);
		if (!*t) {
			free(t);
			continue;
		}
		char *eq = strchr(t, '=');
		char *from = eq ? trim_dup(t, (size_t)(eq - t)) : NULL;
		char *to = eq ? trim_dup(eq + 1, strlen(eq + 1)) : NULL;
		free(t);
		if (!from || !*from || !to || !*to || utf8_invalid_offset(from, strlen(from)) >= 0 || utf8_invalid_offset(to, strlen(to)) >= 0) {
			if (!*bad_line)
				*bad_line = line;
			free(from);
			free(to);
			continue;
		}
		char *low = lower_dup(from, strlen(from));
		free(from);
		size_t i;
		for (i = 0; i < pw->n; i++)
			if (!strcmp(pw->v[i].from, low))
				break;
		if (i < pw->n) {
			free(pw->v[i].to);
			free(low);
			pw->v[i].to = to;
		} else {
			if (pw->n == pw->cap) {
				pw->cap = pw->cap ? pw->cap * 2 : 64;
				pw->v = xrealloc(pw->v, pw->cap * sizeof *pw->v);
			}
			pw->v[pw->n++] = (plain_word){ low, to };
		}
		added++;
	}
	return added;
}

int plain_words_load(plain_words *pw, const char *path, int *bad_line)
{
	char *data = NULL;
	size_t len = 0;
	*bad_line = 0;
	if (read_file(path, 1024 * 1024, &data, &len) < 0)
		return errno == ENOENT ? 0 : -1;
	size_t n = plain_words_parse(pw, data, len, bad_line);
	free(data);
	return (int)n;
}

static bool load_one(plain_words *pw, const char *path, char **err)
{
	int bad = 0;
	if (plain_words_load(pw, path, &bad) < 0) {
		*err = xasprintf(_("cannot read the list of plain words %s: %s"), path, strerror(errno));
		return false;
	}
	if (bad) {
		*err = xasprintf(_("%s:%d: a line of the list of plain words is not \"officialese = plain\"; it was skipped"),
		                 path, bad);
		return false;
	}
	return true;
}

bool plain_words_load_all(plain_words *pw, const char *algedit_dir, char **err)
{
	*err = NULL;
	const char *env = getenv("ALGEDIT_STANDARD_DIR");
	char *path = NULL;
	if (env && *env) {
		path = xasprintf("%s/plain-words-nl.txt", env);
		if (access(path, F_OK) != 0)
			xfree(&path);
	}
	if (!path)
		path = xasprintf("%s/standard/1.0/plain-words-nl.txt", algedit_datadir());
	bool ok = load_one(pw, path, err);
	free(path);
	if (ok && algedit_dir) {
		path = xasprintf("%s/plain-words.txt", algedit_dir);
		ok = load_one(pw, path, err);
		free(path);
	}
	return ok;
}

/* ---- words, sentences, syllables ---- */

/* A letter or digit: ASCII ones, and any non-ASCII character (é, ë, ĳ)
 * except the punctuation Dutch text uses (quotes, dashes, ellipsis, bullet). */
static size_t word_char(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return 1;
	if (c < 0x80)
		return 0;
	uint32_t cp;
	int k = utf8_decode(s + i, n - i, &cp);
	if (k <= 0)
		return 0;
	if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xB7 || cp == 0x2022)
		return 0;
	return (size_t)k;
}

/* Vowel groups: each run of vowels is one syllable, and a vowel with a
 * diaeresis (ideeën, geïnteresseerd) starts a new one. */
static size_t syllables(const char *w, size_t n)
{
	size_t count = 0;
	bool in = false;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)w[i];
		bool vowel = false, split = false;
		size_t k = 1;
		if (c < 0x80) {
			vowel = strchr("aeiouyAEIOUY", c) != NULL && c;
		} else {
			uint32_t cp;
			int l = utf8_decode(w + i, n - i, &cp);
			k = l > 0 ? (size_t)l : 1;
			if (l > 0 && ((cp >= 0xC0 && cp <= 0xC6) || (cp >= 0xC8 && cp <= 0xCF) || (cp >= 0xD2 && cp <= 0xD6) ||
			              (cp >= 0xD9 && cp <= 0xDC) || (cp >= 0xE0 && cp <= 0xE6) || (cp >= 0xE8 && cp <= 0xEF) ||
			              (cp >= 0xF2 && cp <= 0xF6) || (cp >= 0xF9 && cp <= 0xFC)))
				vowel = true;
			split = cp == 0xEB || cp == 0xEF || cp == 0xF6 || cp == 0xFC || cp == 0xE4 || cp == 0xCB || cp == 0xCF;
		}
		if (vowel && (!in || split))
			count++;
		in = vowel;
		i += k;
	}
	return count ? count : 1;
}

/* Abbreviations whose dot does not end a sentence. */
static bool abbreviation(const char *w, size_t n)
{
	static const char *const ab[] = { "bijv", "bv", "o.a", "d.w.z", "m.b.t", "i.v.m", "t.o.v", "a.d.h.v", "i.c.m", "m.u.v",
		                          "nr", "art", "resp", "incl", "excl", "ca", "dhr", "mevr", "jl", "blz", "enz",
		                          "e.d", "o.b.v", "t.b.v", "n.a.v", "z.s.m", "vs", "etc", "e.g", "i.e", "lid", "mr",
		                          "dr", "ir", "ing", "drs", "prof", "sv", "st", "stb", "stcrt", "kamerstukken" };
	if (n == 1)
		return true; /* an initial: J. de Vries */
	char low[16];
	if (n >= sizeof low)
		return false;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] - 'A' + 'a' : w[i]);
	low[n] = '\0';
	for (size_t i = 0; i < sizeof ab / sizeof ab[0]; i++)
		if (!strcmp(ab[i], low))
			return true;
	return false;
}

typedef struct tword {
	size_t at, len;        /* in the text */
	bool ends;             /* the last word of its sentence */
} tword;

/* The words of a plain text (our rich format: a blank line or a list item
 * starts a new sentence). */
static size_t split_words(const char *s, size_t n, tword **out)
{
	tword *v = NULL;
	size_t k = 0, cap = 0;
	size_t i = 0;
	while (i < n) {
		size_t c = word_char(s, n, i);
		if (!c) {
			/* Punctuation and breaks between words. */
			bool end = false;
			if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && k && !v[k - 1].ends) {
				size_t j = i + 1;
				while (j < n && (s[j] == '.' || s[j] == '!' || s[j] == '?' || s[j] == ')' || s[j] == '"' || s[j] == '\''))
					j++;
				if (j >= n || s[j] == ' ' || s[j] == '\n' || s[j] == '\t') {
					const tword *w = &v[k - 1];
					bool abbr = s[i] == '.' && w->at + w->len == i && abbreviation(s + w->at, w->len);
					/* A digit after the dot ("1.5") or a lower-case word after
					 * an abbreviation keeps the sentence going. */
					size_t q = j;
					while (q < n && (s[q] == ' ' || s[q] == '\t'))
						q++;
					bool lower_next = q < n && s[q] >= 'a' && s[q] <= 'z';
					end = !abbr || !lower_next;
					if (abbr && q < n && s[q] == '\n')
						end = true;
				}
			} else if (s[i] == '\n' && k && !v[k - 1].ends) {
				/* A blank line, a list item or a line after a colon ends it. */
				size_t j = i + 1;
				while (j < n && (s[j] == ' ' || s[j] == '\t'))
					j++;
				size_t d = j;
				while (d < n && d - j < 3 && s[d] >= '0' && s[d] <= '9')
					d++;
				bool item = (j + 1 < n && (s[j] == '-' || s[j] == '*') && s[j + 1] == ' ') ||
				            (d > j && d + 1 < n && s[d] == '.' && s[d + 1] == ' ');
				size_t b = i;
				while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\t'))
					b--;
				end = j >= n || s[j] == '\n' || item || (b > 0 && s[b - 1] == ':');
			}
			if (end)
				v[k - 1].ends = true;
			i++;
			continue;
		}
		size_t start = i;
		while (i < n) {
			size_t c2 = word_char(s, n, i);
			if (c2) {
				i += c2;
				continue;
			}
			/* Inner hyphens and apostrophes: AI-verordening, zo'n, auto's. */
			if ((s[i] == '-' || s[i] == '\'') && i + 1 < n && word_char(s, n, i + 1)) {
				i++;
				continue;
			}
			if (i + 3 < n && !memcmp(s + i, "\xE2\x80\x99", 3) && word_char(s, n, i + 3)) {
				i += 3;
				continue;
			}
			break;
		}
		if (k == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[k++] = (tword){ start, i - start, false };
	}
	if (k)
		v[k - 1].ends = true;
	*out = v;
	return k;
}

void readability_of(const char *text, size_t len, readability *out)
{
	memset(out, 0, sizeof *out);
	tword *w = NULL;
	size_t n = split_words(text, len, &w);
	size_t in_sentence = 0;
	for (size_t i = 0; i < n; i++) {
		out->words++;
		out->syllables += syllables(text + w[i].at, w[i].len);
		in_sentence++;
		if (w[i].ends) {
			out->sentences++;
			if (in_sentence > QUALITY_LONG_SENTENCE)
				out->long_sentences++;
			if (in_sentence > out->longest)
				out->longest = in_sentence;
			in_sentence = 0;
		}
	}
	free(w);
	/* Flesch-Douma reading ease: W.H. Douma (1960), "De leesbaarheid van
	 * landbouwbladen: een onderzoek naar en een toepassing van
	 * leesbaarheidsformules", Bulletin 17, Afdeling Sociologie en
	 * Sociografie, Landbouwhogeschool Wageningen; Flesch's reading ease
	 * (R. Flesch, "A new readability yardstick", Journal of Applied
	 * Psychology 32, 1948) with the weights fitted to Dutch:
	 *   206.835 - 0.93 * (words / sentences) - 77 * (syllables / words).
	 * 0-30 very difficult, 30-50 difficult, 50-60 fairly difficult, 60-70
	 * standard, 70-80 fairly easy, 80-90 easy, 90-100 very easy. Syllables
	 * are counted as groups of vowels, which is close for Dutch. */
	if (out->words && out->sentences)
		out->score = 206.835 - 0.93 * ((double)out->words / (double)out->sentences) -
		             77.0 * ((double)out->syllables / (double)out->words);
}

const char *readability_level(double score)
{
	if (score < 30)
		return _("very difficult");
	if (score < 50)
		return _("difficult");
	if (score < 60)
		return _("fairly difficult");
	if (score < 70)
		return _("standard");
	if (score < 80)
		return _("fairly easy");
	if (score < 90)
		return _("easy");
	return _("very easy");
}

/* ---- advice ---- */

/* The first words of a sentence, for "where it starts". */
static char *sentence_start(const char *text, const tword *w, size_t first, size_t n)
{
	size_t last = first + (n < 6 ? n : 6) - 1;
	size_t a = w[first].at, b = w[last].at + w[last].len;
	strbuf s = STRBUF_INIT;
	for (size_t i = a; i < b; i++)
		sb_addc(&s, text[i] == '\n' || text[i] == '\t' ? ' ' : text[i]);
	if (n > 6)
		sb_adds(&s, "...");
	return sb_take(&s);
}

static void field_pos(const description *d, const std_field *f, int *line, int *col)
{
	const ynode *v = desc_get(d, f);
	if (v && v->line) {
		*line = v->line;
		*col = v->col;
	} else {
		*line = d->key_line[f->index] ? d->key_line[f->index] : 1;
		*col = d->key_line[f->index] ? d->key_col[f->index] : 1;
	}
}

static bool phrase_at(const char *text, const tword *w, size_t nw, size_t i, const char *phrase, size_t *used)
{
	size_t k = 0;
	const char *p = phrase;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t pl = sp ? (size_t)(sp - p) : strlen(p);
		if (i + k >= nw || w[i + k].len != pl)
			return false;
		/* Case-blind for ASCII, which the first letter of a sentence
		 * needs ("Middels"); the list itself is lower case. */
		const char *t = text + w[i + k].at;
		for (size_t c = 0; c < pl; c++) {
			char x = t[c] >= 'A' && t[c] <= 'Z' ? (char)(t[c] - 'A' + 'a') : t[c];
			if (x != p[c])
				return false;
		}
		/* The words of a phrase stand in one sentence. */
		if (sp && w[i + k].ends)
			return false;
		k++;
		p += pl;
		if (*p == ' ')
			p++;
	}
	*used = k;
	return true;
}

void language_check_field(const description *d, const std_field *f, const plain_words *pw, findings *out)
{
	if (!(f->kind == FK_RICH || !strcmp(f->key, "description_short")))
		return;
	const ynode *v = desc_get(d, f);
	if (!v || v->type != Y_STR || !v->len)
		return;
	char *text = d->format == DESC_API && f->kind == FK_RICH ? register_to_rich(v->str) : NULL;
	if (!text)
		text = xstrndup(v->str, v->len);
	if (!text)
		return;
	size_t len = strlen(text);
	const char *lab = f->label[i18n_lang()];
	int line, col;
	field_pos(d, f, &line, &col);
	tword *w = NULL;
	size_t nw = split_words(text, len, &w);
	size_t added = 0;

	/* long-sentence: the first sentence over the limit, and how many more. */
	size_t first_long = (size_t)-1, first_len = 0, more = 0;
	for (size_t i = 0, start = 0; i < nw; i++) {
		if (!w[i].ends)
			continue;
		size_t n = i - start + 1;
		if (n > QUALITY_LONG_SENTENCE) {
			if (first_long == (size_t)-1) {
				first_long = start;
				first_len = n;
			} else {
				more++;
			}
		}
		start = i + 1;
	}
	if (first_long != (size_t)-1 && added < QUALITY_MAX_ADVICE) {
		char *st = sentence_start(text, w, first_long, first_len);
		if (more)
			findings_add(out, SEV_NOTE, ORIGIN_ADVICE, "long-sentence", f, NULL, line, col,
			             P_("%s: the sentence that starts with \"%s\" has %zu words; sentences of at most %d words are "
			                "easier to read, so split it (%zu more sentence here is that long)",
			                "%s: the sentence that starts with \"%s\" has %zu words; sentences of at most %d words are "
			                "easier to read, so split it (%zu more sentences here are that long)", more),
			             lab, st, first_len, QUALITY_LONG_SENTENCE, more);
		else
			findings_add(out, SEV_NOTE, ORIGIN_ADVICE, "long-sentence", f, NULL, line, col,
			             _("%s: the sentence that starts with \"%s\" has %zu words; sentences of at most %d words are "
			               "easier to read, so split it"),
			             lab, st, first_len, QUALITY_LONG_SENTENCE);
		free(st);
		added++;
	}

	/* plain-word: up to three pairs in one piece of advice. */
	if (pw && pw->n && added < QUALITY_MAX_ADVICE) {
		const plain_word *hit[3];
		size_t nhit = 0, extra = 0;
		for (size_t i = 0; i < nw; i++) {
			for (size_t j = 0; j < pw->n; j++) {
				size_t used;
				if (!phrase_at(text, w, nw, i, pw->v[j].from, &used))
					continue;
				bool seen = false;
				for (size_t h = 0; h < nhit; h++)
					seen |= hit[h] == &pw->v[j];
				if (!seen) {
					if (nhit < 3)
						hit[nhit++] = &pw->v[j];
					else
						extra++;
				}
				break;
			}
		}
		if (nhit) {
			strbuf pairs = STRBUF_INIT;
			for (size_t h = 0; h < nhit; h++)
				sb_printf(&pairs, _("%s\"%s\" (plainer: \"%s\")"), h ? ", " : "", hit[h]->from, hit[h]->to);
			if (extra)
				findings_add(out, SEV_NOTE, ORIGIN_ADVICE, "plain-word", f, NULL, line, col,
				             P_("%s: plain words are easier to read: %s (and %zu more)",
				                "%s: plain words are easier to read: %s (and %zu more)", extra),
				             lab, sb_str(&pairs), extra);
			else
				findings_add(out, SEV_NOTE, ORIGIN_ADVICE, "plain-word", f, NULL, line, col,
				             _("%s: plain words are easier to read: %s"), lab, sb_str(&pairs));
			sb_done(&pairs);
			added++;
		}
	}

	/* reading-level, for a field long enough to score. */
	readability r;
	readability_of(text, len, &r);
	if (r.words >= QUALITY_READING_WORDS && r.score < QUALITY_READING_MIN && added < QUALITY_MAX_ADVICE) {
		char score[16], asl[16], asw[16];
		snprintf(score, sizeof score, "%.0f", r.score < 0 ? 0.0 : r.score);
		snprintf(asl, sizeof asl, "%.0f", (double)r.words / (double)r.sentences);
		snprintf(asw, sizeof asw, "%.1f", (double)r.syllables / (double)r.words);
		findings_add(out, SEV_NOTE, ORIGIN_ADVICE, "reading-level", f, NULL, line, col,
		             _("%s: reading ease %s of 100 (Flesch-Douma), %s to read; aim for %d or more: sentences here "
		               "have %s words on average and words %s syllables; shorter sentences and shorter, everyday words raise it"),
		             lab, score, readability_level(r.score), QUALITY_READING_MIN, asl, asw);
		added++;
	}
	free(w);
	free(text);
}

void language_check(const description *d, const plain_words *pw, findings *out)
{
	for (size_t i = 0; i < d->std->nfields; i++)
		language_check_field(d, &d->std->fields[i], pw, out);
}

/* ---- web addresses ---- */

static void add_link(desc_link **v, size_t *n, size_t *cap, const char *s, size_t len, const std_field *f,
                     bool reg, int line, int col)
{
	for (size_t i = 0; i < *n; i++)
		if (strlen((*v)[i].url) == len && !memcmp((*v)[i].url, s, len))
			return;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	(*v)[(*n)++] = (desc_link){ xstrndup(s, len), f, reg, line, col };
}

static bool url_start(const char *s, size_t n)
{
	return (n >= 8 && !strncmp(s, "https://", 8)) || (n >= 7 && !strncmp(s, "http://", 7));
}

/* Addresses inside running text: from http(s):// to a space, a quote or a
 * tag, without the punctuation that ends a sentence. */
static void scan_text(desc_link **v, size_t *n, size_t *cap, const ynode *t, const std_field *f)
{
	const char *s = t->str;
	size_t len = t->len;
	for (size_t i = 0; i < len; i++) {
		if (!url_start(s + i, len - i) || (i && (word_char(s, len, i - 1) || s[i - 1] == '/')))
			continue;
		size_t j = i;
		while (j < len && (unsigned char)s[j] > ' ' && !strchr("\"'<>`", s[j]))
			j++;
		while (j > i && strchr(".,;:!?)]", s[j - 1]))
			j--;
		if (j - i > 8 && j - i < 2048)
			add_link(v, n, cap, s + i, j - i, f, false, t->line, t->col);
		i = j;
	}
}

size_t desc_links(const description *d, desc_link **out)
{
	desc_link *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < d->std->nfields; i++) {
		const std_field *f = &d->std->fields[i];
		const ynode *val = d->vals[i];
		if (!val)
			continue;
		if ((f->kind == FK_LINK || f->kind == FK_CONTACT) && val->type == Y_STR) {
			if (url_start(val->str, val->len))
				add_link(&v, &n, &cap, val->str, val->len, f, f->kind == FK_LINK, val->line, val->col);
		} else if (f->kind == FK_ITEMS && val->type == Y_SEQ) {
			for (size_t k = 0; k < val->n; k++) {
				const ynode *l = ynode_get(val->kids[k], "link");
				if (l && l->type == Y_STR && url_start(l->str, l->len))
					add_link(&v, &n, &cap, l->str, l->len, f, true, l->line, l->col);
			}
		} else if ((f->kind == FK_TEXT || f->kind == FK_RICH) && val->type == Y_STR) {
			scan_text(&v, &n, &cap, val, f);
		}
	}
	*out = v;
	return n;
}

void desc_links_free(desc_link **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free((*v)[i].url);
	free(*v);
	*v = NULL;
}

void link_result_done(link_result *r)
{
	free(r->final_url);
	free(r->why);
	memset(r, 0, sizeof *r);
}

void link_findings(const desc_link *l, const link_result *r, size_t n, findings *out)
{
	for (size_t i = 0; i < n; i++) {
		const std_field *f = l[i].field;
		const char *lab = f ? f->label[i18n_lang()] : "";
		int line = l[i].line ? l[i].line : 1, col = l[i].col ? l[i].col : 1;
		switch (r[i].state) {
		case LINK_OK:
			if (r[i].redirects && r[i].final_url)
				findings_add(out, SEV_NOTE, ORIGIN_ADVICE, "link-redirected", f, NULL, line, col,
				             _("%s: %s leads on to %s; consider writing that address"), lab, l[i].url,
				             r[i].final_url);
			break;
		case LINK_BROKEN:
			findings_add(out, SEV_WARNING, ORIGIN_ADVICE, "broken-link", f, NULL, line, col,
			             _("%s: %s does not work: the site answers %ld%s%s; correct the address or remove it"), lab,
			             l[i].url, r[i].status, r[i].final_url ? _(" at ") : "", r[i].final_url ? r[i].final_url : "");
			break;
		case LINK_UNRESOLVED:
			findings_add(out, SEV_WARNING, ORIGIN_ADVICE, "broken-link", f, NULL, line, col,
			             _("%s: %s does not work: no site has that name; correct the address or remove it"), lab,
			             l[i].url);
			break;
		case LINK_UNCHECKED:
			findings_add(out, SEV_NOTE, ORIGIN_ADVICE, "link-unchecked", f, NULL, line, col,
			             _("%s: could not check %s (%s); this does not mean it is broken"), lab, l[i].url,
			             r[i].why ? r[i].why : _("no answer"));
			break;
		case LINK_NOT_HTTPS:
			findings_add(out, SEV_WARNING, ORIGIN_ADVICE, "link-not-https", f, NULL, line, col,
			             _("%s: the register accepts only addresses that start with https:// here; %s was not checked"),
			             lab, l[i].url);
			break;
		}
	}
}
