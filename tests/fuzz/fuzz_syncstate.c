/* Fuzz target: the sync state parser (.git/algedit/sync/state and choices,
 * store/statefile.c). Whatever it reads, written back with the writer, must
 * read back to the same records with nothing passed over; any bytes as a
 * key must survive escaping, and escaped hold no tab, line break or control
 * character that could cut a record. */
#include "config.h"
#include "store/store_int.h"
#include "base/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct rec {
	bool theirs;
	git_oid id;
	char *slug, *key, *choice;
} rec;

typedef struct recs {
	rec *v;
	size_t n;
} recs;

static void collect(void *ctx, const git_oid *theirs, const char *slug, const char *key, const char *choice)
{
	recs *r = ctx;
	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	rec *x = &r->v[r->n++];
	memset(x, 0, sizeof *x);
	if (theirs) {
		x->theirs = true;
		git_oid_cpy(&x->id, theirs);
		return;
	}
	if (!slug || !key || !*slug || !*key)
		abort();
	x->slug = xstrdup(slug);
	x->key = xstrdup(key);
	x->choice = choice ? xstrdup(choice) : NULL;
}

static void recs_done(recs *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].slug);
		free(r->v[i].key);
		free(r->v[i].choice);
	}
	free(r->v);
}

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	recs a = { 0 }, b = { 0 };
	(void)store_state_parse((const char *)data, size, collect, &a);
	strbuf out = STRBUF_INIT;
	sb_adds(&out, "");
	for (size_t i = 0; i < a.n; i++) {
		if (a.v[i].theirs) {
			char hex[GIT_OID_HEXSZ + 1];
			git_oid_tostr(hex, sizeof hex, &a.v[i].id);
			sb_printf(&out, "theirs %s\n", hex);
		} else if (a.v[i].choice && (strchr(a.v[i].choice, '\t') || strchr(a.v[i].choice, '\n'))) {
			abort(); /* a choice never holds a separator */
		} else {
			store_state_line(&out, a.v[i].slug, a.v[i].key, a.v[i].choice);
		}
	}
	if (store_state_parse(out.s, out.len, collect, &b) < 0 || b.n != a.n)
		abort();
	for (size_t i = 0; i < a.n; i++)
		if (a.v[i].theirs != b.v[i].theirs || (a.v[i].theirs && !git_oid_equal(&a.v[i].id, &b.v[i].id)) ||
		    !same(a.v[i].slug, b.v[i].slug) || !same(a.v[i].key, b.v[i].key) || !same(a.v[i].choice, b.v[i].choice))
			abort();
	/* The input as a key (up to a NUL): escaped, one line; back, the same. */
	size_t kl = strnlen((const char *)data, size);
	if (kl) {
		char *key = xstrndup((const char *)data, kl);
		strbuf line = STRBUF_INIT;
		sb_adds(&line, "");
		store_state_line(&line, "p", key, "mine");
		if (memchr(line.s, '\n', line.len) != line.s + line.len - 1)
			abort();
		for (size_t i = 0; i < line.len - 1; i++)
			if ((unsigned char)line.s[i] < 0x20 && line.s[i] != '\t')
				abort();
		recs c = { 0 };
		if (store_state_parse(line.s, line.len, collect, &c) < 0 || c.n != 1 || strcmp(c.v[0].key, key))
			abort();
		recs_done(&c);
		sb_done(&line);
		free(key);
	}
	sb_done(&out);
	recs_done(&a);
	recs_done(&b);
	return 0;
}
