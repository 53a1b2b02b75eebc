/* Fuzz target: the description reader (YAML, and JSON when the first byte is
 * 'J') and the canonical writer. Whatever reads must write back to text that
 * reads to the same values, and check must not crash on it. */
#include "config.h"
#include "forms/desc.h"
#include "forms/rules.h"
#include "base/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static standard *std;

/* JSON numbers and booleans are written as quoted text; compare as text. */
static void untype(ynode *n)
{
	if (!n)
		return;
	if (n->type == Y_NUM || n->type == Y_BOOL)
		n->type = Y_STR;
	for (size_t i = 0; i < n->n; i++)
		untype(n->kids[i]);
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
	desc_format fmt = size > 0 && data[0] == 'J' ? DESC_API : DESC_YAML;
	if (fmt == DESC_API) {
		data++;
		size--;
	}
	findings fs;
	findings_init(&fs);
	description *d = desc_read(std, (const char *)data, size, fmt, &fs);
	if (!d) {
		if (fs.n != 1 || fs.v[0].org != ORIGIN_INPUT)
			abort(); /* one clear message for bad input */
		findings_done(&fs);
		return 0;
	}
	rules_check(d, &fs);
	for (size_t i = 0; i < std->nfields; i++)
		untype(d->vals[i]);
	for (size_t i = 0; i < d->nextra; i++)
		untype(d->extra[i].val);
	size_t n;
	char *y = desc_format_yaml(d, &n);
	findings fs2;
	findings_init(&fs2);
	description *d2 = desc_read(std, y, n, DESC_YAML, &fs2);
	/* Keys with NUL bytes cannot be written; everything else must come back. */
	if (!d2) {
		bool nul_key = false;
		for (size_t i = 0; i < d->nextra; i++)
			nul_key |= strlen(d->extra[i].key) == 0;
		if (!nul_key)
			abort();
	} else if (!desc_equal(d, d2)) {
		abort();
	}
	desc_free(&d2);
	findings_done(&fs2);
	free(y);
	desc_free(&d);
	findings_done(&fs);
	return 0;
}
