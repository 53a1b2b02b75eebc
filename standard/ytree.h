/* ytree: a YAML (or JSON) document read into a small tree of nodes that keep
 * their line and column. Shared by the standard loader and the description
 * reader. Scalars stay strings (no type resolution); anchors and aliases are
 * refused (they have no place in a description and invite alias bombs);
 * duplicate mapping keys are refused. */
#ifndef ALGEDIT_YTREE_H
#define ALGEDIT_YTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"

typedef enum ynode_type {
	Y_NULL,   /* `~`, `null`, empty plain scalar, JSON null */
	Y_STR,    /* any other scalar; `plain` says whether it was unquoted */
	Y_NUM,    /* JSON only: a number token */
	Y_BOOL,   /* JSON only: true/false */
	Y_SEQ,
	Y_MAP,
} ynode_type;

typedef struct ynode {
	ynode_type type;
	char *str;             /* scalars: the text (Y_NULL: NULL) */
	size_t len;            /* scalars: byte length (may hold NUL from JSON) */
	bool plain;            /* YAML: scalar was unquoted, plain style */
	struct ynode **kids;   /* Y_SEQ items, Y_MAP values */
	char **keys;           /* Y_MAP keys */
	int *key_lines, *key_cols;
	size_t n;
	int line, col;         /* 1-based start of the node */
} ynode;

/* The reader's limits on one file, far above any description or template
 * file, so that a crafted file costs little before it is refused. */
#define YTREE_MAX_SIZE (16u * 1024 * 1024)  /* bytes (the largest file import reads) */
#define YTREE_MAX_DEPTH 32                   /* nested lists and mappings */
#define YTREE_MAX_KEYS 10000                 /* keys in one mapping */

typedef enum yerror_kind {
	YERR_SYNTAX,           /* not YAML/JSON, duplicate key, alias, ... (msg says) */
	YERR_SIZE,             /* larger than YTREE_MAX_SIZE */
	YERR_DEPTH,            /* nested deeper than YTREE_MAX_DEPTH */
	YERR_KEYS,             /* a mapping with more than YTREE_MAX_KEYS keys */
} yerror_kind;

typedef struct yerror {
	int line, col;         /* 1-based; 0 when unknown */
	char *msg;             /* English, untranslated detail from the parser */
	yerror_kind kind;      /* the callers word limits in their own language */
} yerror;

/* Parses YAML (JSON is accepted as the YAML subset libyaml reads). An empty
 * document yields *out = NULL and returns 0. Returns -1 and fills *err on error. */
int ytree_parse_yaml(const char *data, size_t len, ynode **out, yerror *err);
/* Parses JSON through the same reader: surrogate-pair escapes (which libyaml
 * refuses) become UTF-8 first, tabs between tokens spaces, and unquoted
 * scalars become Y_NUM / Y_BOOL / Y_NULL as JSON means them. */
int ytree_parse_json(const char *data, size_t len, ynode **out, yerror *err);
void ynode_free(ynode **n);
void yerror_done(yerror *e);

ynode *ynode_new(ynode_type t, int line, int col);
ynode *ynode_new_str(const char *s, size_t len, int line, int col);
ynode *ynode_copy(const ynode *n);
bool ynode_equal(const ynode *a, const ynode *b);
/* Appends to a Y_SEQ, or key/value to a Y_MAP (key copied). */
void ynode_push(ynode *seq, ynode *kid);
void ynode_put(ynode *map, const char *key, ynode *val, int line, int col);
/* Mapping lookup; NULL when absent. */
ynode *ynode_get(const ynode *map, const char *key);
const char *ynode_str(const ynode *n);  /* scalar text or NULL */

/* Emits one scalar: plain when every YAML reader reads it back as this same
 * string, else a literal block (allow_block, multi-line text, content indented
 * by indent) or double quotes. */
void yaml_emit_scalar(strbuf *b, const char *s, size_t len, int indent, bool allow_block);
void yaml_emit_quoted(strbuf *b, const char *s, size_t len);

#endif
