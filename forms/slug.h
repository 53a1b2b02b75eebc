/* slug: the file name of a description, made from its name. Slugs are plain
 * ASCII (letters folded: é→e, ĳ→ij), so they are the same on every file system
 * and can never name a path outside algoritmes/. Pure. */
#ifndef ALGEDIT_SLUG_H
#define ALGEDIT_SLUG_H

#include <stdbool.h>
#include <stddef.h>

/* Longest slug we make; room is left for a "-NN" suffix that keeps it unique. */
#define SLUG_MAX 80

/* The slug for a name: lower-case a-z, 0-9 and single '-' between words, at
 * most SLUG_MAX bytes. Never empty ("beschrijving" when nothing is left). */
char *slug_from_name(const char *name);

/* True when s can be used as a file name under algoritmes/: 1..200 bytes of
 * A-Z a-z 0-9 '-' '_' '.', not starting with '.' or '-'. Accepts slugs that
 * other tools made, refuses anything that could leave the folder. */
bool slug_valid(const char *s);

/* What the user typed on a command line ("naam", "algoritmes/naam.yaml",
 * "naam.yaml") as a slug (caller frees), or NULL when it is not a valid one. */
char *slug_from_arg(const char *arg);

#endif
