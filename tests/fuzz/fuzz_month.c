/* Fuzz target: forms/month over arbitrary bytes. Whatever it accepts it
 * writes as a month the rules accept (YYYY-MM, 01..12, from 1900), and it
 * reads its own output back unchanged; it never reads past the string. */
#include "config.h"
#include "forms/month.h"
#include "forms/rules.h"
#include "base/base.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	char out[8], again[8];
	if (month_normalize(s, out)) {
		if (!month_valid(out) || !month_normalize(out, again) || strcmp(out, again)) {
			fprintf(stderr, "invariant broken: \"%s\" -> \"%s\"\n", s, out);
			abort();
		}
	}
	free(s);
	return 0;
}
