/* diff: what changed between two versions of a description, field by field,
 * and the three-way merge of two descriptions that share an ancestor. Works on
 * models, never on lines of YAML, so the review screen, `algedit diff`, the
 * commit messages and sync all see the same changes. Pure. */
#ifndef ALGEDIT_DIFF_H
#define ALGEDIT_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/desc.h"
#include "base/base.h"

typedef enum diff_op {
	DIFF_SAME,
	DIFF_DEL,     /* only in the old version */
	DIFF_ADD,     /* only in the new version */
	DIFF_CHANGE,  /* list item: same item, changed (title or link) */
} diff_op;

/* A run of text in a word diff. */
typedef struct diff_word {
	diff_op op;   /* SAME, DEL or ADD */
	char *text;
} diff_word;

/* One item of a list value: a choice of a multi-choice field or a
 * {title, link} item. Pointers borrow from the models. */
typedef struct diff_item {
	diff_op op;   /* DEL, ADD or CHANGE (unchanged items are not listed) */
	const ynode *old, *new;
} diff_item;

typedef struct field_diff {
	const std_field *field;  /* NULL for a key the standard does not know */
	const char *key;
	const ynode *old, *new;  /* borrowed; NULL = absent */
	diff_word *words;        /* both sides text: the word diff */
	size_t nwords;
	diff_item *items;        /* both sides lists: items added, removed, changed */
	size_t nitems;
} field_diff;

typedef struct desc_diff {
	field_diff *v;           /* changed fields only, in the form's order */
	size_t n;
} desc_diff;

/* Diff of two models of one description; either may be NULL (not there yet,
 * or removed). The result borrows from a and b: free it before them. */
desc_diff *desc_diff_new(const description *a, const description *b);
void desc_diff_free(desc_diff **dd);

/* The label the form shows for a changed field (lang: LANG_NL or LANG_EN). */
const char *field_diff_label(const field_diff *fd, int lang);
/* "Label, Label, ..." of the changed fields; "" when nothing changed. */
char *desc_diff_labels(const desc_diff *dd, int lang);

/* Renders the diff for people: every changed field with its label; long text
 * with the changed words marked, lists item by item. With color, ANSI colours
 * (red removed, green added); without, [-removed-] and {+added+}. */
void desc_diff_render(strbuf *out, const desc_diff *dd, int lang, bool color);

/* Word diff of two texts (words, spaces and punctuation are the units).
 * Returns the runs; *n their number. */
diff_word *diff_words(const char *a, const char *b, size_t *n);
void diff_words_free(diff_word **w, size_t n);

/* ---- three-way merge ---- */

typedef struct merge_conflict {
	const std_field *field;  /* NULL for a key the standard does not know */
	char *key;
} merge_conflict;

typedef struct merge_result {
	description *merged;     /* the merge; a conflicting field holds mine */
	merge_conflict *conflicts;
	size_t nconflicts;
} merge_result;

/* Merges field by field: a field changed on one side only takes that change;
 * changed alike on both sides, it takes it once; multi-choice lists merge by
 * item (added on either side, removed on either side) where that is
 * unambiguous; anything else changed differently on both sides is a conflict.
 * base may be NULL (added on both sides). Returns 0 or -1 when mine or theirs
 * is NULL. */
int desc_merge(const description *base, const description *mine, const description *theirs,
               merge_result *out);
void merge_result_done(merge_result *r);

/* The value of key in d (a standard field or an unknown key), or NULL. */
const ynode *desc_value(const description *d, const char *key);
/* Sets the value of key (copying v; NULL removes it), standard field or not. */
void desc_set_value(description *d, const char *key, const ynode *v);

#endif
