/* Fuzz target: forms/keyscript over arbitrary bytes. What it accepts it
 * writes back as a script it reads again to the same text; what it refuses
 * it names with a message; it never reads past the data. */
#include "config.h"
#include "forms/keyscript.h"
#include "base/base.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = xmalloc(size ? size : 1);
	memcpy(copy, data, size);
	keyscript s;
	char *err = NULL;
	if (ks_parse(&s, "fuzz.keys", copy, size, &err) == 0) {
		char *out = ks_format(&s);
		keyscript t;
		char *err2 = NULL;
		if (ks_parse(&t, "again.keys", out, strlen(out), &err2) != 0) {
			fprintf(stderr, "own output refused: %s\n", err2);
			abort();
		}
		char *again = ks_format(&t);
		if (strcmp(out, again) || t.n > s.n) {
			fprintf(stderr, "not stable:\n%s---\n%s", out, again);
			abort();
		}
		free(again);
		free(out);
		ks_done(&t);
		ks_done(&s);
	} else if (!err || !strstr(err, "fuzz.keys, line ")) {
		fprintf(stderr, "refused without a file and line: %s\n", err ? err : "(none)");
		abort();
	}
	free(err);
	free(copy);
	return 0;
}
