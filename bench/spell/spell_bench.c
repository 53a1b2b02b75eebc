/* spell_bench: the figures of bench/spell, measured through the public
 * spell.h API on real register text. bench/spell/run prepares the inputs
 * (corpus, raw hunspell's count, planted typos) and calls this program.
 *
 *   spell_bench CORPUS RAW_FLAGGED PLANTED.txt PLANTED.pos RAW_TYPOS_FLAGGED
 *
 * Prints metric<TAB>value<TAB>unit<TAB>baseline<TAB>its value<TAB>target lines;
 * the 20 most frequent flagged words go to stderr. */
#include "config.h"
#include "spell/spell.h"
#include "base/base.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
	char *d;
	if (read_file(path, 256 << 20, &d, len) < 0) {
		fprintf(stderr, "spell_bench: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	return d;
}

/* Words as `wc -w` would count them, keeping only items with a letter or a
 * digit: the same denominator for algedit and raw hunspell. */
static size_t count_words(const char *s, size_t len)
{
	size_t n = 0;
	bool in = false, alnum = false;
	for (size_t i = 0; i <= len; i++) {
		unsigned char c = i < len ? (unsigned char)s[i] : ' ';
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			if (in && alnum)
				n++;
			in = alnum = false;
		} else {
			in = true;
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				alnum = true;
			else if (c >= '0' && c <= '9')
				alnum = true;
			else if (c >= 0xC0)
				alnum = true;
		}
	}
	return n;
}

typedef struct wc {
	char *w;
	size_t n;
} wc;

static int by_count(const void *a, const void *b)
{
	const wc *x = a, *y = b;
	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->w, y->w);
}

static int by_word(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void top_words(const char *text, const spell_range *r, size_t n)
{
	char **w = xcalloc(n ? n : 1, sizeof *w);
	for (size_t i = 0; i < n; i++)
		w[i] = xstrndup(text + r[i].start, r[i].len);
	qsort(w, n, sizeof *w, by_word);
	wc *c = xcalloc(n ? n : 1, sizeof *c);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k && strcmp(c[k - 1].w, w[i]) == 0)
			c[k - 1].n++;
		else
			c[k++] = (wc){ w[i], 1 };
	}
	qsort(c, k, sizeof *c, by_count);
	fprintf(stderr, "spell: most frequent flagged words:");
	for (size_t i = 0; i < k && i < 20; i++)
		fprintf(stderr, "%s %s (%zu)", i ? "," : "", c[i].w, c[i].n);
	fputc('\n', stderr);
	for (size_t i = 0; i < n; i++)
		free(w[i]);
	free(w);
	free(c);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: spell_bench CORPUS RAW_FLAGGED PLANTED.txt PLANTED.pos RAW_TYPOS_FLAGGED\n");
		return 2;
	}
	size_t len;
	char *text = slurp(argv[1], &len);
	long raw = atol(argv[2]);

	speller_opts o = { 0 };
	o.personal_path = ""; /* the figures must not depend on whoever runs them */
	double t0 = now();
	speller *sp = speller_new(&o);
	double t_new = now() - t0;
	if (speller_wait(sp) != SPELL_OK) {
		fprintf(stderr, "spell: %s\n", speller_notice(sp));
		return 1;
	}
	double t_load = now() - t0;

	/* Flagged share, first pass (cold cache). */
	size_t words = count_words(text, len);
	spell_range *r;
	size_t n;
	t0 = now();
	speller_check_text(sp, text, len, &r, &n);
	double t_cold = now() - t0;
	top_words(text, r, n);
	free(r);
	printf("flagged words on register texts\t%.2f\t%%\traw hunspell -l\t%.2f\t<= 0.5\n",
	       100.0 * (double)n / (double)words, 100.0 * (double)raw / (double)words);
	printf("flagged words (count)\t%zu\twords\traw hunspell -l\t%ld\tof %zu\n", n, raw, words);

	/* Warm speed: the same text again, from the cache. */
	int passes = 5;
	t0 = now();
	for (int i = 0; i < passes; i++) {
		speller_check_text(sp, text, len, &r, &n);
		free(r);
	}
	double t_warm = now() - t0;
	printf("check speed, warm\t%.0f\twords/s\tfirst pass (cold)\t%.0f\t>= 200000\n",
	       (double)words * passes / t_warm, (double)words / t_cold);

	/* One key in a 5,000-character field: a letter typed inside a word
	 * makes a word the cache has not seen, the worst common case. */
	size_t flen = 0, chars = 0;
	while (flen < len && chars < 5000) {
		flen++;
		while (flen < len && ((unsigned char)text[flen] & 0xC0) == 0x80)
			flen++;
		chars++;
	}
	char *field = xmalloc(flen + 2);
	memcpy(field, text, flen);
	speller_check_text(sp, field, flen, &r, &n);
	free(r);
	enum { KEYS = 300 };
	double times[KEYS];
	size_t at = 0;
	for (int k = 0; k < KEYS; k++) {
		/* the next letter position after at, wrapping */
		do
			at = (at + 37) % flen;
		while (!((field[at] | 0x20) >= 'a' && (field[at] | 0x20) <= 'z'));
		memmove(field + at + 1, field + at, flen - at);
		field[at] = "qxzjkv"[k % 6];
		t0 = now();
		speller_check_text(sp, field, flen + 1, &r, &n);
		times[k] = now() - t0;
		free(r);
		memmove(field + at, field + at + 1, flen - at); /* and backspace */
	}
	qsort(times, KEYS, sizeof *times, cmp_double);
	printf("re-check 5,000-char field after a key\t%.3f\tms\tworst of %d keys\t%.3f\t<= 2\n",
	       times[KEYS / 2] * 1e3, KEYS, times[KEYS - 1] * 1e3);
	free(field);

	/* Recall on planted typos. */
	size_t plen, poslen;
	char *planted = slurp(argv[3], &plen);
	char *pos = slurp(argv[4], &poslen);
	long raw_typos = atol(argv[5]);
	size_t total = 0, hit = 0;
	char *line = planted, *pp = pos;
	while (line < planted + plen) {
		char *nl = memchr(line, '\n', (size_t)(planted + plen - line));
		size_t ll = nl ? (size_t)(nl - line) : (size_t)(planted + plen - line);
		char *end;
		unsigned long ts = strtoul(pp, &end, 10);
		unsigned long tl = strtoul(end, &end, 10);
		pp = end;
		total++;
		speller_check_text(sp, line, ll, &r, &n);
		for (size_t i = 0; i < n; i++)
			if (r[i].start < ts + tl && ts < r[i].start + r[i].len)
				hit++, i = n;
		free(r);
		line += ll + 1;
	}
	printf("recall on planted typos\t%.1f\t%%\traw hunspell -l\t%.1f\t>= 95\n",
	       total ? 100.0 * (double)hit / (double)total : 0.0,
	       total ? 100.0 * (double)raw_typos / (double)total : 0.0);
	printf("planted typos (count)\t%zu\ttypos\tflagged\t%zu\t-\n", total, hit);
	printf("dictionary load, background\t%.0f\tms\tspeller_new returns in\t%.3f\t-\n",
	       t_load * 1e3, t_new * 1e3);

	/* Suggestions, for the record: they run on the worker thread. */
	spell_suggestion *s;
	t0 = now();
	if (speller_suggest_async(sp, "beoordeeling", 12, &s) == SPELL_OK) {
		char *const *list;
		size_t ns;
		spell_suggestion_wait(s, &list, &ns);
		printf("first suggestion list (worker loads its copy)\t%.0f\tms\t-\t-\t-\n",
		       (now() - t0) * 1e3);
		spell_suggestion_free(&s);
		t0 = now();
		speller_suggest_async(sp, "algortime", 9, &s);
		spell_suggestion_wait(s, &list, &ns);
		printf("suggestion list, warm worker\t%.0f\tms\t-\t-\t-\n", (now() - t0) * 1e3);
		spell_suggestion_free(&s);
	}
	free(planted);
	free(pos);
	free(text);
	speller_free(&sp);
	return 0;
}
