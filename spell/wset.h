/* wset: an open-addressing hash map from words (byte strings) to a small
 * value, private to spell/. It serves as the word cache (word -> verdict) and
 * as the sets of extra words (domain list, team, personal, ignored). */
#ifndef ALGEDIT_SPELL_WSET_H
#define ALGEDIT_SPELL_WSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct wset_entry {
	char *key;      /* NUL-terminated copy; NULL for an empty slot */
	uint32_t len;
	uint32_t hash;
	int val;
} wset_entry;

typedef struct wset {
	wset_entry *slots;
	size_t cap;     /* a power of two, or 0 */
	size_t n;
} wset;

void wset_init(wset *s);
void wset_done(wset *s);
void wset_clear(wset *s);
/* The value stored for the word, or -1 when it is absent. */
int wset_get(const wset *s, const char *w, size_t n);
/* Stores (or overwrites) the value for the word. */
void wset_put(wset *s, const char *w, size_t n, int val);
/* Iteration: *i starts at 0; returns NULL at the end. */
const wset_entry *wset_next(const wset *s, size_t *i);

#endif
