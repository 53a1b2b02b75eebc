/* progress: which fields of a description are filled, counted one way for
 * every screen (the list's columns, the form's title bar and sidebar), so
 * that they agree. Pure. */
#ifndef ALGEDIT_PROGRESS_H
#define ALGEDIT_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/desc.h"

/* True when f has a value in d: text that is not blank (as the register
 * counts blank: markup alone is blank), a list with an entry, a map with a
 * key. Null and an empty list are not filled. */
bool field_filled(const description *d, const std_field *f);

typedef struct desc_counts {
	size_t req_filled, req_total;       /* required fields */
	size_t always_filled, always_total; /* fields the register always shows */
} desc_counts;

void desc_count_filled(const description *d, desc_counts *c);
/* The filled fields of section s, and how many fields it has. */
size_t section_filled(const description *d, size_t s, size_t *total);

#endif
