/* jsonsplit: a JSON array read piece by piece, handed over one element at a
 * time, so an import file of any size is read with memory for one record
 * (a 29 MB list of 10,000 descriptions is not held whole). It only finds
 * where each element begins and ends (strings, escapes, nesting); the
 * element itself is parsed by its reader. Pure: bytes in, callbacks out. */
#ifndef ALGEDIT_JSONSPLIT_H
#define ALGEDIT_JSONSPLIT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"

typedef struct json_split {
	size_t max;        /* the largest element taken, in bytes */
	strbuf cur;        /* the element being read */
	size_t depth;      /* nesting inside the element */
	size_t line;       /* 1-based line of the input read so far */
	size_t elem_line;  /* where the current element began */
	size_t count;      /* elements handed over */
	int state;         /* private */
	bool in_str, esc;
	char err[160];     /* why it stopped (English; the caller words it) */
	int err_kind;      /* JSPLIT_ERR_... */
} json_split;

enum { JSPLIT_ERR_NONE, JSPLIT_ERR_NOT_ARRAY, JSPLIT_ERR_SYNTAX, JSPLIT_ERR_TOO_LARGE, JSPLIT_ERR_TRUNCATED };

/* Called with each element's bytes (not NUL-terminated), and the line it
 * began on; a nonzero return stops the split (json_split_feed returns it). */
typedef int (*json_split_cb)(void *ctx, const char *elem, size_t len, size_t line);

void json_split_init(json_split *j, size_t max);
void json_split_done(json_split *j);
/* Feeds n more bytes. Returns 0, the callback's nonzero value, or -1 when
 * the input is not a JSON array of elements of at most max bytes (err and
 * err_kind say why and line where). */
int json_split_feed(json_split *j, const char *p, size_t n, json_split_cb cb, void *ctx);
/* After the last piece: 0 when the array was closed, else -1. */
int json_split_end(json_split *j);

#endif
