/* desc: the description model. One value per field of the standard, kept as a
 * small tree (ynode) so that wrong shapes from outside input (a list where
 * text belongs, a number from JSON) survive until the rules report them. Reads
 * YAML description files and the register's API JSON; writes canonical YAML. */
#ifndef ALGEDIT_DESC_H
#define ALGEDIT_DESC_H

#include <stdbool.h>
#include <stddef.h>

#include "standard/standard.h"
#include "standard/ytree.h"
#include "forms/finding.h"
#include "base/base.h"

#define DESC_MAX_FILE (1024 * 1024)

typedef enum desc_format {
	DESC_YAML,   /* algedit's file: rich text as paragraphs and "- " items */
	DESC_API,    /* the register's API body: rich text is HTML, plain text as sent */
} desc_format;

typedef struct desc_extra {
	char *key;
	ynode *val;
	int line, col;
} desc_extra;

typedef struct description {
	const standard *std;
	ynode **vals;            /* std->nfields entries; NULL = key absent */
	int *key_line, *key_col; /* where each key stood in the file (0 = not from a file) */
	desc_extra *extra;       /* keys the standard does not know, kept in file order */
	size_t nextra;
	desc_format format;
	char *source;            /* the bytes read, so an unchanged model writes them back */
	size_t source_len;
	bool dirty;              /* changed since read */
} description;

description *desc_new(const standard *std);
void desc_free(description **d);

/* Builds a description from a parsed tree (a mapping). Unknown keys are kept
 * and reported as warnings; a root that is not a mapping is an ORIGIN_INPUT
 * error. Returns NULL only when root is not a mapping. */
description *desc_from_tree(const standard *std, const ynode *root, desc_format fmt,
                            findings *out);

/* Reads a file: YAML, or the register's JSON when fmt is DESC_API. Problems
 * with the file itself (too big, invalid UTF-8, empty, syntax, duplicate keys,
 * not a mapping) become one ORIGIN_INPUT error and NULL is returned. */
description *desc_read(const standard *std, const char *data, size_t len, desc_format fmt,
                       findings *out);
/* One ORIGIN_INPUT error for a file the reader refused (syntax, or one of
 * its limits: size, depth, keys in a mapping); json picks the wording. */
void desc_read_error(findings *out, const yerror *ye, bool json);
/* Values are text: a NUL character (JSON "\u0000", YAML "\0") or bytes that
 * are not UTF-8 in any key or value of the tree is an ORIGIN_INPUT error
 * naming the field and its line. Returns false after adding it. */
bool desc_tree_text_ok(const standard *std, const ynode *root, findings *out);
/* Same, from a path (name used in messages is the caller's). */
description *desc_read_file(const standard *std, const char *path, desc_format fmt,
                            findings *out);
/* Same, reading the file as a regular file reached through no symbolic link
 * in its last ncomp components (base/contain.h): a description in a
 * repository is <repo>/algoritmes/<slug>.yaml, read with ncomp 2. A link
 * gives the one ORIGIN_INPUT error desc_link_msg words (rule "symlink"). */
description *desc_read_file_at(const standard *std, const char *path, int ncomp, desc_format fmt,
                               findings *out);
/* "LINK is a symbolic link (symlink) to somewhere else; algedit does not
 * open it", translated (caller frees). */
char *desc_link_msg(const char *link);
/* Canonical YAML: keys in the standard's order, then unknown keys; long text as
 * block scalars; values other YAML readers would mistype are quoted. When the
 * model was read and not changed, the bytes read come back unchanged. */
char *desc_write_yaml(const description *d, size_t *len);
/* Always the canonical form, even when unchanged. */
char *desc_format_yaml(const description *d, size_t *len);

/* A new description starts with what every description has: the language
 * "nld", the standard's version, and the value of every choice that permits
 * only one. Keys already set are left alone. The one prefill: the editor,
 * its list, templates and algedit new all use it. */
void desc_fill_defaults(description *d);

/* True when both hold the same values (positions and layout aside). */
bool desc_equal(const description *a, const description *b);

/* Access by field. */
const ynode *desc_get(const description *d, const std_field *f);
/* The text of a scalar field, or NULL when absent, null or not text. */
const char *desc_text(const description *d, const std_field *f);
/* Sets (takes ownership of v; NULL removes the key) and marks dirty. */
void desc_set(description *d, const std_field *f, ynode *v);
/* Sets a text typed by a person; a month field's value is written as
 * YYYY-MM when month_normalize reads it ("maart 2021" -> 2021-03). */
void desc_set_text(description *d, const std_field *f, const char *text);

#endif
