/* Fuzz target: the splitter of large import lists (forms/jsonsplit). The
 * input is fed in pieces of every size the first byte picks; the elements
 * it hands over are the same however it is cut, each is at most the
 * maximum, and, joined with commas inside [ ], they split into themselves
 * again. */
#include "config.h"
#include "forms/jsonsplit.h"
#include "base/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct got {
	strbuf all;   /* elements, each followed by a NUL */
	size_t n;
} got;

static int take(void *ctx, const char *e, size_t len, size_t line)
{
	got *g = ctx;
	if (len == 0 || len > 4096 || line == 0)
		abort();
	sb_add(&g->all, e, len);
	sb_addc(&g->all, '\0');
	g->n++;
	return 0;
}

static int split(const char *p, size_t n, size_t piece, got *g)
{
	json_split j;
	json_split_init(&j, 4096);
	sb_init(&g->all);
	g->n = 0;
	int r = 0;
	for (size_t off = 0; !r && off < n; off += piece)
		r = json_split_feed(&j, p + off, n - off < piece ? n - off : piece, take, g);
	if (!r)
		r = json_split_end(&j);
	json_split_done(&j);
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t piece = (size_t)data[0] % 17 + 1;
	const char *p = (const char *)data + 1;
	size_t n = size - 1;
	got a, b;
	int ra = split(p, n, n ? n : 1, &a), rb = split(p, n, piece, &b);
	/* However it is cut: the same elements and the same answer. */
	if (ra != rb || a.n != b.n || a.all.len != b.all.len || (a.all.len && memcmp(a.all.s, b.all.s, a.all.len)))
		abort();
	if (ra == 0) {
		strbuf again = STRBUF_INIT;
		sb_addc(&again, '[');
		size_t k = 0;
		for (const char *e = a.all.s; a.all.s && e < a.all.s + a.all.len; e += strlen(e) + 1, k++) {
			if (k)
				sb_addc(&again, ',');
			sb_adds(&again, e);
		}
		sb_addc(&again, ']');
		got c;
		if (split(again.s, again.len, 7, &c) != 0 || c.n != a.n || c.all.len != a.all.len ||
		    (c.all.len && memcmp(c.all.s, a.all.s, a.all.len)))
			abort();
		sb_done(&c.all);
		sb_done(&again);
	}
	sb_done(&a.all);
	sb_done(&b.all);
	return 0;
}
