/* quality_bench: the figures of bench/quality. How many text fields of the
 * real published descriptions get each piece of plain-Dutch advice
 * (long-sentence, plain-word, reading-level), how many get more than three
 * (must be none), the register's completeness score of the descriptions of
 * standard 1.0 among them, the same advice on plain B1 texts written for
 * this benchmark (must be none), and the time it takes.
 *
 *   quality_bench B1-TEXTS.txt FILE.json...
 *
 * A FILE is a list of descriptions in the register's keys (a template file,
 * pub_data), the site-data export ({"algoritme_versions": [...]}) or the
 * schellevis listing ({"algoritmes": [...]}, whose "doel" is the goal).
 * B1-TEXTS.txt holds texts separated by lines "---".
 * Prints metric<TAB>value<TAB>unit<TAB>baseline<TAB>its value<TAB>target lines. */
#include "config.h"
#include "forms/desc.h"
#include "forms/quality.h"
#include "base/base.h"

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

typedef struct tally {
	size_t descs, fields, long_s, plain, level, any, over3;
	size_t scored, score_sum, low, middle, high;
} tally;

static bool text_field(const std_field *f)
{
	return f->kind == FK_RICH || !strcmp(f->key, "description_short");
}

static void one(const standard *std, const plain_words *pw, const ynode *rec, tally *t)
{
	if (!rec || rec->type != Y_MAP)
		return;
	ynode *copy = NULL;
	const ynode *doel = ynode_get(rec, "doel");
	if (doel) { /* schellevis: title and doel */
		copy = ynode_new(Y_MAP, 0, 0);
		const ynode *title = ynode_get(rec, "title");
		if (title)
			ynode_put(copy, "name", ynode_copy(title), 0, 0);
		ynode_put(copy, "goal", ynode_copy(doel), 0, 0);
		rec = copy;
	}
	findings fs;
	findings_init(&fs);
	description *d = desc_from_tree(std, rec, DESC_API, &fs);
	findings_done(&fs);
	if (!d) {
		ynode_free(&copy);
		return;
	}
	t->descs++;
	for (size_t i = 0; i < std->nfields; i++) {
		const std_field *f = &std->fields[i];
		const ynode *v = d->vals[i];
		if (!text_field(f) || !v || v->type != Y_STR || !v->len)
			continue;
		t->fields++;
		findings_init(&fs);
		language_check_field(d, f, pw, &fs);
		size_t ls = 0, pl = 0, lv = 0;
		for (size_t k = 0; k < fs.n; k++) {
			ls += !strcmp(fs.v[k].rule, "long-sentence");
			pl += !strcmp(fs.v[k].rule, "plain-word");
			lv += !strcmp(fs.v[k].rule, "reading-level");
		}
		t->long_s += ls > 0;
		t->plain += pl > 0;
		t->level += lv > 0;
		t->any += fs.n > 0;
		t->over3 += fs.n > QUALITY_MAX_ADVICE;
		findings_done(&fs);
	}
	const std_field *sv = standard_field(std, "standard_version");
	const char *ver = sv ? desc_text(d, sv) : NULL;
	if (ver && !strcmp(ver, "1.0")) {
		completeness c;
		completeness_compute(d, &c);
		t->scored++;
		t->score_sum += (size_t)c.score;
		completeness_band b = completeness_band_of(c.score);
		t->low += b == CB_LOW;
		t->middle += b == CB_MIDDLE;
		t->high += b == CB_HIGH;
	}
	desc_free(&d);
	ynode_free(&copy);
}

static void line(const char *metric, double v, const char *unit, const char *target)
{
	printf("%s\t%g\t%s\t-\t-\t%s\n", metric, v, unit, target);
}

static double pct(size_t a, size_t b)
{
	return b ? (double)(size_t)(1000.0 * (double)a / (double)b + 0.5) / 10.0 : 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: quality_bench B1-TEXTS.txt FILE.json...\n");
		return 2;
	}
	char *err = NULL;
	standard *std = standard_load_facts("1.0", &err);
	if (!std) {
		fprintf(stderr, "quality_bench: %s\n", err);
		return 2;
	}
	plain_words pw;
	plain_words_init(&pw);
	if (!plain_words_load_all(&pw, NULL, &err)) {
		fprintf(stderr, "quality_bench: %s\n", err);
		return 2;
	}
	tally t = { 0 };
	double t0 = now();
	for (int a = 2; a < argc; a++) {
		char *data = NULL;
		size_t len = 0;
		if (read_file(argv[a], 64u * 1024 * 1024, &data, &len) < 0) {
			fprintf(stderr, "quality_bench: cannot read %s\n", argv[a]);
			return 2;
		}
		ynode *root = NULL;
		yerror ye = { 0 };
		if (ytree_parse_json(data, len, &root, &ye) < 0) {
			fprintf(stderr, "quality_bench: %s: %s\n", argv[a], ye.msg);
			return 2;
		}
		const ynode *list = root;
		if (root && root->type == Y_MAP) {
			list = ynode_get(root, "algoritme_versions");
			if (!list)
				list = ynode_get(root, "algoritmes");
		}
		if (list && list->type == Y_SEQ)
			for (size_t i = 0; i < list->n; i++)
				one(std, &pw, list->kids[i], &t);
		ynode_free(&root);
		free(data);
	}
	double secs = now() - t0;

	/* The plain texts. */
	char *b1 = NULL;
	size_t b1len = 0;
	if (read_file(argv[1], 1024 * 1024, &b1, &b1len) < 0) {
		fprintf(stderr, "quality_bench: cannot read %s\n", argv[1]);
		return 2;
	}
	size_t b1n = 0, b1advice = 0;
	double b1min = 1000;
	const std_field *goal = standard_field(std, "goal");
	for (char *p = b1; p && *p;) {
		char *sep = strstr(p, "\n---\n");
		if (sep)
			*sep = '\0';
		while (*p == '\n')
			p++;
		if (*p) {
			description *d = desc_new(std);
			desc_set_text(d, goal, p);
			findings fs;
			findings_init(&fs);
			language_check_field(d, goal, &pw, &fs);
			for (size_t k = 0; k < fs.n; k++)
				fprintf(stderr, "quality_bench: B1 text %zu: %s\n", b1n + 1, fs.v[k].msg);
			b1advice += fs.n;
			readability r;
			readability_of(p, strlen(p), &r);
			if (r.score < b1min)
				b1min = r.score;
			findings_done(&fs);
			desc_free(&d);
			b1n++;
		}
		p = sep ? sep + 5 : NULL;
	}
	free(b1);

	line("published descriptions read", (double)t.descs, "count", "-");
	line("their text fields", (double)t.fields, "count", "-");
	line("fields with long-sentence", (double)t.long_s, "count", "-");
	line("fields with long-sentence", pct(t.long_s, t.fields), "%", "-");
	line("fields with plain-word", (double)t.plain, "count", "-");
	line("fields with plain-word", pct(t.plain, t.fields), "%", "-");
	line("fields with reading-level", (double)t.level, "count", "-");
	line("fields with reading-level", pct(t.level, t.fields), "%", "-");
	line("fields with any advice", pct(t.any, t.fields), "%", "-");
	line("fields with more than 3 advice", (double)t.over3, "count", "0");
	line("standard 1.0 descriptions scored", (double)t.scored, "count", "-");
	line("their mean completeness", t.scored ? (double)t.score_sum / (double)t.scored : 0, "%", "-");
	line("completeness below 60 (orange)", (double)t.low, "count", "-");
	line("completeness 60-84 (yellow)", (double)t.middle, "count", "-");
	line("completeness 85+ (green)", (double)t.high, "count", "-");
	line("plain B1 texts", (double)b1n, "count", "-");
	line("advice on plain B1 texts", (double)b1advice, "count", "0");
	line("lowest Flesch-Douma of the B1 texts", (double)(long)(b1min + 0.5), "score", ">= 45");
	line("advice for all published fields", secs * 1000, "ms", "-");
	plain_words_done(&pw);
	standard_free(&std);
	return 0;
}
