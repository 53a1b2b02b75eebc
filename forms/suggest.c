/* suggest: completions from suggested values (see suggest.h). */
#include "config.h"
#include "forms/suggest.h"

#include <string.h>
#include <strings.h>

static int contains_ci(const char *hay, const char *needle, size_t n)
{
	for (const char *p = hay; *p; p++)
		if (strncasecmp(p, needle, n) == 0)
			return 1;
	return 0;
}

size_t suggest_matches(const char *const *sugg, size_t n, const char *typed, size_t *out, size_t max)
{
	size_t k = 0, tl = typed ? strlen(typed) : 0;
	/* Leading blanks are not part of what is asked for. */
	while (tl && (*typed == ' ' || *typed == '\t')) {
		typed++;
		tl--;
	}
	for (size_t i = 0; i < n && k < max; i++) {
		if (tl && (!strcmp(sugg[i], typed) || !contains_ci(sugg[i], typed, tl)))
			continue;
		out[k++] = i;
	}
	return k;
}
