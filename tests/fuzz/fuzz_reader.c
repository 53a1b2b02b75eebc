/* Fuzz target: the YAML/JSON reader (ytree) with its file-level limits, and
 * the description reader on top of it. The first byte picks the syntax ('J'
 * JSON, else YAML). Whatever the input: the reader either refuses it with
 * one error of a known kind and a sane position, or gives a tree within the
 * limits (depth, keys per mapping) without duplicate keys; and desc_read
 * gives one input error or a description whose values are all text. */
#include "config.h"
#include "standard/ytree.h"
#include "forms/desc.h"
#include "base/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static standard *std;

static int key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void within_limits(const ynode *n, int depth)
{
	if (!n)
		return;
	bool coll = n->type == Y_SEQ || n->type == Y_MAP;
	if (coll && depth > YTREE_MAX_DEPTH)
		abort();
	if (!coll && n->n)
		abort();
	if (n->type == Y_MAP) {
		if (n->n > YTREE_MAX_KEYS)
			abort();
		/* Duplicates were refused: sorted, the keys all differ. */
		char **k = xcalloc(n->n + 1, sizeof *k);
		if (n->n)
			memcpy(k, n->keys, n->n * sizeof *k);
		qsort(k, n->n, sizeof *k, key_cmp);
		for (size_t i = 1; i < n->n; i++)
			if (!strcmp(k[i - 1], k[i]))
				abort();
		free(k);
	}
	if ((n->type == Y_STR || n->type == Y_NUM || n->type == Y_BOOL) && !n->str)
		abort();
	for (size_t i = 0; i < n->n; i++)
		within_limits(n->kids[i], depth + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!std) {
		char *err = NULL;
		setenv("ALGEDIT_DATADIR", ALGEDIT_SRCDIR, 0);
		std = standard_load_version("1.0", &err);
		if (!std)
			abort();
	}
	bool json = size > 0 && data[0] == 'J';
	if (json) {
		data++;
		size--;
	}
	const char *text = (const char *)data;
	ynode *root = NULL;
	yerror ye = { 0 };
	int rc = json ? ytree_parse_json(text, size, &root, &ye) : ytree_parse_yaml(text, size, &root, &ye);
	if (rc < 0) {
		if (root || !ye.msg || ye.line < 0 || ye.col < 0 || ye.kind > YERR_KEYS)
			abort();
		/* A limit's error is where the limit is passed: inside the input. */
		if ((ye.kind == YERR_DEPTH || ye.kind == YERR_KEYS) && ye.line < 1)
			abort();
	} else if (rc != 0) {
		abort();
	} else {
		within_limits(root, 1);
	}
	ynode_free(&root);
	yerror_done(&ye);

	findings fs;
	findings_init(&fs);
	description *d = desc_read(std, text, size, json ? DESC_API : DESC_YAML, &fs);
	if (!d) {
		if (fs.n != 1 || fs.v[0].org != ORIGIN_INPUT || fs.v[0].sev != SEV_ERROR)
			abort(); /* one clear message for bad input */
	} else {
		/* Only text was let in: no NUL, nothing that is not UTF-8. */
		findings chk;
		findings_init(&chk);
		for (size_t i = 0; i < std->nfields; i++)
			if (!desc_tree_text_ok(std, d->vals[i], &chk))
				abort();
		for (size_t i = 0; i < d->nextra; i++)
			if (!desc_tree_text_ok(std, d->extra[i].val, &chk))
				abort();
		findings_done(&chk);
	}
	desc_free(&d);
	findings_done(&fs);
	return 0;
}
