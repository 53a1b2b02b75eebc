/* review_bench: the computation behind the review of one description, in
 * process: load its versions and review records, compute the state, threads
 * and suggestions, the field diff since the approval, rendered as text.
 * Prints the median of ROUNDS runs (tab-separated, as bench/run-all.sh
 * reads). With --list as SLUG: the states of every description, as the
 * list shows them. Usage: review_bench REPO SLUG|--list ROUNDS */
#include "config.h"
#include "store/store.h"
#include "forms/diff.h"
#include "forms/review.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: review_bench REPO SLUG ROUNDS\n");
		return 2;
	}
	i18n_init();
	int rounds = atoi(argv[3]);
	if (rounds < 1)
		rounds = 1;
	char *err = NULL;
	standard *std = standard_load_facts("1.0", &err);
	if (!std) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	double *load = xcalloc((size_t)rounds, sizeof *load), *total = xcalloc((size_t)rounds, sizeof *total);
	double *cpu = xcalloc((size_t)rounds, sizeof *cpu);
	if (!strcmp(argv[2], "--list")) {
		size_t nd = 0, inrev = 0;
		for (int r = 0; r < rounds; r++) {
			store *s = NULL;
			double t0 = now_ms(), c0 = cpu_ms();
			if (store_open(std, argv[1], &s, &err) != STORE_OK) {
				fprintf(stderr, "%s\n", err);
				return 1;
			}
			store_review_brief *b;
			if (store_review_briefs(s, &b, &nd) != STORE_OK) {
				fprintf(stderr, "%s\n", store_error(s));
				return 1;
			}
			total[r] = now_ms() - t0;
			cpu[r] = cpu_ms() - c0;
			inrev = 0;
			for (size_t i = 0; i < nd; i++)
				inrev += b[i].state == REVIEW_APPROVED;
			store_review_briefs_free(&b, nd);
			store_free(&s);
		}
		qsort(total, (size_t)rounds, sizeof *total, cmp_d);
		qsort(cpu, (size_t)rounds, sizeof *cpu, cmp_d);
		printf("list: review states of %zu descriptions (%zu approved)\t%.1f\tms\t-\t-\t< 30 ms\n", nd, inrev,
		       total[rounds / 2]);
		printf("list: review states, CPU time\t%.1f\tms\t-\t-\t-\n", cpu[rounds / 2]);
		free(cpu);
		free(load);
		free(total);
		standard_free(&std);
		return 0;
	}
	size_t nrecs = 0, nversions = 0, nchanged = 0;
	for (int r = 0; r < rounds; r++) {
		store *s = NULL;
		double t0 = now_ms(), c0 = cpu_ms();
		if (store_open(std, argv[1], &s, &err) != STORE_OK) {
			fprintf(stderr, "%s\n", err);
			return 1;
		}
		store_review rv;
		if (store_review_load(s, argv[2], LANG_NL, &rv) != STORE_OK) {
			fprintf(stderr, "%s\n", store_error(s));
			return 1;
		}
		double t1 = now_ms();
		const description *old = rv.sum.approval ? store_review_at(&rv, rv.sum.approval->version) : NULL;
		const description *cur = rv.nversions ? store_review_at(&rv, rv.versions[0].commit) : NULL;
		desc_diff *dd = desc_diff_new(old, cur);
		strbuf out = STRBUF_INIT;
		desc_diff_render(&out, dd, LANG_NL, false);
		/* Who and when per change: the versions since the approval. */
		for (size_t k = 0; k < rv.nversions; k++) {
			if (old && !strcmp(rv.versions[k].commit, rv.sum.approval->version))
				break;
			sb_adds(&out, store_review_fields(&rv, k));
		}
		for (size_t k = 0; k < rv.sum.nthreads; k++)
			sb_adds(&out, rv.sum.threads[k].root->text ? rv.sum.threads[k].root->text : "");
		double t2 = now_ms();
		load[r] = t1 - t0;
		total[r] = t2 - t0;
		cpu[r] = cpu_ms() - c0;
		nrecs = rv.n;
		nversions = rv.nversions;
		nchanged = dd->n;
		sb_done(&out);
		desc_diff_free(&dd);
		store_review_done(&rv);
		store_free(&s);
	}
	qsort(load, (size_t)rounds, sizeof *load, cmp_d);
	qsort(total, (size_t)rounds, sizeof *total, cmp_d);
	qsort(cpu, (size_t)rounds, sizeof *cpu, cmp_d);
	printf("review load: %zu records, %zu versions\t%.1f\tms\t-\t-\t-\n", nrecs, nversions, load[rounds / 2]);
	printf("review computed and rendered (%zu fields changed)\t%.1f\tms\t-\t-\t well below 100 ms\n", nchanged,
	       total[rounds / 2]);
	printf("review computed and rendered, CPU time\t%.1f\tms\t-\t-\t-\n", cpu[rounds / 2]);
	free(cpu);
	free(load);
	free(total);
	standard_free(&std);
	return 0;
}
