/* suggest: completions for a value from a list of suggested values (the
 * register's known impact assessment names for an item title). Pure. */
#ifndef ALGEDIT_SUGGEST_H
#define ALGEDIT_SUGGEST_H

#include <stddef.h>

/* The suggestions that fit what is typed: every one when nothing is typed,
 * else those that contain it (letters A-Z in either case; "iama" finds
 * "... (IAMA)"), except one equal to it. Their indexes go to out, at most
 * max; returns how many. */
size_t suggest_matches(const char *const *sugg, size_t n, const char *typed, size_t *out, size_t max);

#endif
