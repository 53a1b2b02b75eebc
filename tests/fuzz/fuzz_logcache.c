/* Fuzz target: the changed-paths cache parser (.git/algedit/changed-paths,
 * store/statefile.c). A file it accepts, written back, is accepted with the
 * same entries; any bytes as a file name, escaped into a line, give exactly
 * that one entry and that name back: no name can forge another commit's
 * line. */
#include "config.h"
#include "store/store_int.h"
#include "base/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct ents {
	git_oid *id;
	char **names;
	size_t n;
} ents;

static int collect(void *ctx, const git_oid *id, const char *names, size_t len)
{
	ents *e = ctx;
	if (len < 1 || names[0] != ',' || names[len - 1] != ',' || memchr(names, '\n', len))
		abort();
	e->id = xrealloc(e->id, (e->n + 1) * sizeof *e->id);
	e->names = xrealloc(e->names, (e->n + 1) * sizeof *e->names);
	git_oid_cpy(&e->id[e->n], id);
	e->names[e->n++] = xstrndup(names, len);
	return 0;
}

static void ents_done(ents *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->names[i]);
	free(e->names);
	free(e->id);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ents a = { 0 }, b = { 0 };
	if (store_cp_parse((const char *)data, size, collect, &a) == 0) {
		strbuf out = STRBUF_INIT;
		sb_adds(&out, STORE_CP_HEADER);
		for (size_t i = 0; i < a.n; i++) {
			char hex[GIT_OID_HEXSZ + 1];
			git_oid_tostr(hex, sizeof hex, &a.id[i]);
			sb_printf(&out, "%s %s\n", hex, a.names[i]);
		}
		if (store_cp_parse(out.s, out.len, collect, &b) < 0 || b.n != a.n)
			abort();
		for (size_t i = 0; i < a.n; i++)
			if (!git_oid_equal(&a.id[i], &b.id[i]) || strcmp(a.names[i], b.names[i]))
				abort();
		sb_done(&out);
	}
	/* The input as one name in a tree (git names hold no NUL). */
	size_t nl = strnlen((const char *)data, size);
	if (nl) {
		strbuf line = STRBUF_INIT;
		sb_printf(&line, STORE_CP_HEADER "%040d ,", 0);
		store_name_escape(&line, (const char *)data, nl);
		sb_adds(&line, ",\n");
		ents c = { 0 };
		if (store_cp_parse(line.s, line.len, collect, &c) < 0 || c.n != 1)
			abort();
		char *back = store_name_unescape(c.names[0] + 1, strlen(c.names[0]) - 2);
		if (!back || strlen(back) != nl || memcmp(back, data, nl))
			abort();
		free(back);
		ents_done(&c);
		sb_done(&line);
	}
	ents_done(&a);
	ents_done(&b);
	return 0;
}
