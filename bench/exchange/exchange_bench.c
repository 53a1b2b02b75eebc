/* exchange_bench: the figures of bench/exchange. Import (JSON file -> models,
 * older standards migrated), check (every rule) and export (the API body) of
 * N descriptions taken from the given files in turn, next to check alone on
 * the same descriptions written as algedit files (read YAML + every rule, as
 * `algedit check` does per file). Median of 3 runs each.
 *
 *   exchange_bench N FILE.json...
 *
 * Prints metric<TAB>value<TAB>unit<TAB>baseline<TAB>its value<TAB>target lines. */
#include "config.h"
#include "forms/exchange.h"
#include "forms/rules.h"
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

typedef struct input {
	char *data;
	size_t len, n;  /* n: descriptions it holds */
} input;

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: exchange_bench N FILE.json...\n");
		return 2;
	}
	size_t want = strtoul(argv[1], NULL, 10), nin = (size_t)argc - 2;
	char *err = NULL;
	standard *std = standard_load_facts("1.0", &err);
	if (!std) {
		fprintf(stderr, "exchange_bench: %s\n", err);
		return 2;
	}
	input *in = xcalloc(nin, sizeof *in);
	for (size_t i = 0; i < nin; i++) {
		if (read_file(argv[i + 2], 64u << 20, &in[i].data, &in[i].len) < 0) {
			fprintf(stderr, "exchange_bench: %s: %s\n", argv[i + 2], strerror(errno));
			return 2;
		}
		findings fs;
		findings_init(&fs);
		import_result r;
		if (import_file(std, in[i].data, in[i].len, NULL, &r, &fs) == 0)
			in[i].n = r.n;
		import_result_done(&r);
		findings_done(&fs);
	}
	/* The files in turn until want descriptions: the run's work list. */
	size_t *order = NULL, norder = 0, total = 0;
	for (size_t k = 0; total < want; k = (k + 1) % nin) {
		if (!in[k].n)
			continue;
		order = xrealloc(order, (norder + 1) * sizeof *order);
		order[norder++] = k;
		total += in[k].n;
	}
	char **yaml = xcalloc(total, sizeof *yaml);
	size_t *ylen = xcalloc(total, sizeof *ylen);
	double full[3], alone[3];
	size_t bytes = 0;
	for (int run = 0; run < 3; run++) {
		double t0 = now();
		size_t at = 0;
		for (size_t o = 0; o < norder; o++) {
			findings fs;
			findings_init(&fs);
			import_result r;
			import_file(std, in[order[o]].data, in[order[o]].len, NULL, &r, &fs);
			for (size_t i = 0; i < r.n; i++, at++) {
				findings c;
				findings_init(&c);
				rules_check(r.v[i].d, &c);
				findings_done(&c);
				char *json = desc_export_api_json(r.v[i].d);
				bytes += strlen(json);
				free(json);
				if (run == 0)
					yaml[at] = desc_format_yaml(r.v[i].d, &ylen[at]);
			}
			import_result_done(&r);
			findings_done(&fs);
		}
		full[run] = now() - t0;
	}
	for (int run = 0; run < 3; run++) {
		double t0 = now();
		for (size_t i = 0; i < total; i++) {
			findings fs;
			findings_init(&fs);
			description *d = desc_read(std, yaml[i], ylen[i], DESC_YAML, &fs);
			if (d)
				rules_check(d, &fs);
			desc_free(&d);
			findings_done(&fs);
		}
		alone[run] = now() - t0;
	}
	qsort(full, 3, sizeof *full, cmp);
	qsort(alone, 3, sizeof *alone, cmp);
	printf("import+check+export %zu descriptions\t%.4f\ts\tcheck alone\t%.4f\t< 1 s\n", total, full[1], alone[1]);
	printf("import+check+export / check alone\t%.1f\tx\t-\t-\t-\n", full[1] / alone[1]);
	for (size_t i = 0; i < total; i++)
		free(yaml[i]);
	free(yaml);
	free(ylen);
	free(order);
	for (size_t i = 0; i < nin; i++)
		free(in[i].data);
	free(in);
	standard_free(&std);
	return bytes ? 0 : 1;
}
