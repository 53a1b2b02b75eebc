/* jsonsplit: see jsonsplit.h. A small state machine over the bytes: before
 * the '[', between elements (',' and blanks), inside an element (counting
 * nesting outside strings), after the ']'. */
#include "config.h"
#include "forms/jsonsplit.h"

#include <stdio.h>
#include <string.h>

enum { S_START, S_BEFORE_ELEM, S_ELEM, S_AFTER_ELEM, S_DONE };

void json_split_init(json_split *j, size_t max)
{
	memset(j, 0, sizeof *j);
	j->max = max;
	j->line = 1;
	j->state = S_START;
	sb_init(&j->cur);
}

void json_split_done(json_split *j)
{
	sb_done(&j->cur);
}

static int fail(json_split *j, int kind, const char *what)
{
	j->err_kind = kind;
	snprintf(j->err, sizeof j->err, "%s", what);
	return -1;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The element ends here: hand it over. */
static int emit(json_split *j, json_split_cb cb, void *ctx)
{
	j->count++;
	int r = cb(ctx, j->cur.s ? j->cur.s : "", j->cur.len, j->elem_line);
	sb_reset(&j->cur);
	j->state = S_AFTER_ELEM;
	return r;
}

/* One byte inside an element: 0, or what stops the split. */
static int elem_byte(json_split *j, char c, json_split_cb cb, void *ctx)
{
	bool end = false;
	if (j->in_str) {
		if (j->esc)
			j->esc = false;
		else if (c == '\\')
			j->esc = true;
		else if (c == '"')
			j->in_str = false;
	} else if (c == '"') {
		j->in_str = true;
	} else if (c == '{' || c == '[') {
		j->depth++;
	} else if (c == '}' || c == ']') {
		if (j->depth == 0 && c == ']' && j->cur.len) {
			/* The list ends right after a scalar element. */
			int r = emit(j, cb, ctx);
			j->state = S_DONE;
			return r;
		}
		if (j->depth == 0)
			return fail(j, JSPLIT_ERR_SYNTAX, "a closing bracket without its opening one");
		j->depth--;
		end = j->depth == 0;
	} else if (j->depth == 0 && (c == ',' || blank(c))) {
		/* A scalar element (a number, true...) ends here. */
		int r = emit(j, cb, ctx);
		if (!r && c == ',')
			j->state = S_BEFORE_ELEM;
		return r;
	}
	if (j->cur.len >= j->max)
		return fail(j, JSPLIT_ERR_TOO_LARGE, "one element is too large");
	sb_addc(&j->cur, c);
	return end ? emit(j, cb, ctx) : 0;
}

int json_split_feed(json_split *j, const char *p, size_t n, json_split_cb cb, void *ctx)
{
	if (j->err_kind)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		switch (j->state) {
		case S_START:
			/* A byte order mark is allowed before the array. */
			if (blank(c) || (j->line == 1 && (unsigned char)c >= 0x80 && j->cur.len < 3)) {
				if (!blank(c))
					sb_addc(&j->cur, c);
				break;
			}
			if (j->cur.len && (j->cur.len != 3 || memcmp(j->cur.s, "\xef\xbb\xbf", 3)))
				return fail(j, JSPLIT_ERR_NOT_ARRAY, "not a JSON list");
			sb_reset(&j->cur);
			if (c != '[')
				return fail(j, JSPLIT_ERR_NOT_ARRAY, "not a JSON list");
			j->state = S_BEFORE_ELEM;
			break;
		case S_BEFORE_ELEM:
		case S_AFTER_ELEM:
			if (blank(c))
				break;
			if (c == ']' && (j->state == S_AFTER_ELEM || j->count == 0)) {
				j->state = S_DONE;
				break;
			}
			if (j->state == S_AFTER_ELEM) {
				if (c != ',')
					return fail(j, JSPLIT_ERR_SYNTAX, "expected , or ] after an element");
				j->state = S_BEFORE_ELEM;
				break;
			}
			if (c == ',' || c == ']')
				return fail(j, JSPLIT_ERR_SYNTAX, "an empty element");
			j->state = S_ELEM;
			j->elem_line = j->line;
			j->depth = 0;
			j->in_str = j->esc = false;
			{
				/* The byte starts the element. */
				int r = elem_byte(j, c, cb, ctx);
				if (r)
					return r;
			}
			break;
		case S_ELEM: {
			int r = elem_byte(j, c, cb, ctx);
			if (r)
				return r;
			break;
		}
		case S_DONE:
			if (!blank(c))
				return fail(j, JSPLIT_ERR_SYNTAX, "something after the end of the list");
			break;
		}
		if (c == '\n')
			j->line++;
	}
	return 0;
}

int json_split_end(json_split *j)
{
	if (j->err_kind)
		return -1;
	if (j->state != S_DONE)
		return fail(j, JSPLIT_ERR_TRUNCATED, "the list is not closed (the file ends early)");
	return 0;
}
