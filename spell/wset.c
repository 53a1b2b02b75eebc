/* wset: linear probing, FNV-1a hashes kept in the slot so that growing and
 * probing rarely touch the keys themselves. No deletion: the callers only ever
 * clear the whole set (the cache when a word is added), which keeps probing
 * simple. */
#include "config.h"
#include "spell/wset.h"
#include "base/base.h"

#include <stdlib.h>
#include <string.h>

static uint32_t hash_bytes(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)w[i];
		h *= 16777619u;
	}
	return h;
}

void wset_init(wset *s)
{
	s->slots = NULL;
	s->cap = 0;
	s->n = 0;
}

void wset_clear(wset *s)
{
	for (size_t i = 0; i < s->cap; i++)
		xfree(&s->slots[i].key);
	s->n = 0;
}

void wset_done(wset *s)
{
	wset_clear(s);
	xfree(&s->slots);
	s->cap = 0;
}

static wset_entry *find(const wset *s, const char *w, size_t n, uint32_t h)
{
	size_t mask = s->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		wset_entry *e = &s->slots[i];
		if (!e->key || (e->hash == h && e->len == n && memcmp(e->key, w, n) == 0))
			return e;
	}
}

int wset_get(const wset *s, const char *w, size_t n)
{
	if (s->n == 0)
		return -1;
	wset_entry *e = find(s, w, n, hash_bytes(w, n));
	return e->key ? e->val : -1;
}

static void grow(wset *s)
{
	size_t ocap = s->cap;
	wset_entry *old = s->slots;
	s->cap = ocap ? ocap * 2 : 64;
	s->slots = xcalloc(s->cap, sizeof *s->slots);
	for (size_t i = 0; i < ocap; i++)
		if (old[i].key)
			*find(s, old[i].key, old[i].len, old[i].hash) = old[i];
	free(old);
}

void wset_put(wset *s, const char *w, size_t n, int val)
{
	if ((s->n + 1) * 4 > s->cap * 3)
		grow(s);
	uint32_t h = hash_bytes(w, n);
	wset_entry *e = find(s, w, n, h);
	if (!e->key) {
		e->key = xstrndup(w, n);
		e->len = (uint32_t)n;
		e->hash = h;
		s->n++;
	}
	e->val = val;
}

const wset_entry *wset_next(const wset *s, size_t *i)
{
	while (*i < s->cap) {
		const wset_entry *e = &s->slots[(*i)++];
		if (e->key)
			return e;
	}
	return NULL;
}
