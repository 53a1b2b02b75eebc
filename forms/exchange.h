/* exchange: between algedit's description model and the register's formats:
 * the exact JSON body its submission API takes, its API/template objects
 * (rich text as HTML), and supplier template files (a JSON list of objects). */
#ifndef ALGEDIT_EXCHANGE_H
#define ALGEDIT_EXCHANGE_H

#include "forms/desc.h"
#include "forms/migrate.h"

/* An object in the register's API layout (rich fields as HTML, plain fields
 * possibly with entities) -> a model in algedit's file layout (rich text as
 * paragraphs and "- " items). Keys of older standards and template bookkeeping
 * (id, type, uuid, ...) are left out and listed as notes; "NLD" becomes "nld".
 * A value that is not text (a NUL character, bytes that are not UTF-8) makes
 * it NULL, with one ORIGIN_INPUT error naming the field. */
description *desc_import_api(const standard *std, const ynode *obj, findings *out);

/* The JSON body for the register's submission API, keys in the standard's
 * order, rich text as the register's HTML, plain text escaped so the register
 * stores it unchanged. Unknown keys are not sent. Caller frees. */
char *desc_export_api_json(const description *d);

/* Reads a template file (a JSON list of objects with an "id", or one object)
 * and imports the one named by id (NULL: the only one, or the first). The
 * list of ids is reported when id is not found. NULL on failure, with one
 * ORIGIN_INPUT finding. */
description *template_import(const standard *std, const char *data, size_t len, const char *id,
                             findings *out);

/* A template made into a description, as a person would correct it: blanks
 * around links dropped, http:// made https://, a reference's title and link
 * the wrong way round swapped, empty references left out, text where a
 * reference's link belongs moved into the field that explains the list
 * (Legal basis, Data, ...), a "link" that is no web address left out. Each
 * change is a note in notes. algedit new --template and the editor's Ctrl-T
 * do this after template_import, which itself imports the template as it is
 * (as the register reads and scores it). */
void template_tidy(description *d, findings *notes);

/* The templates in a template file, in the file's order, for a person to
 * choose from: each one's id (NULL when it has none; template_import then
 * cannot pick it by id) and name (NULL when none). Returns how many; 0 with
 * one ORIGIN_INPUT finding when the file is not JSON or holds no template.
 * Free with template_entries_free. */
typedef struct template_entry {
	char *id, *name;
} template_entry;
size_t template_list(const char *data, size_t len, template_entry **out, findings *fs);
void template_entries_free(template_entry **v, size_t n);

/* What an imported file holds. */
typedef enum import_file_kind {
	IMPORT_BODY,       /* one object: an API body, a template, schema naming or 0.x */
	IMPORT_LIST,       /* a JSON list of API bodies (of any standard) */
	IMPORT_TEMPLATES,  /* a supplier template file: a list of objects with an "id" */
	IMPORT_SITE,       /* the register's site-data export ("algoritme_versions") */
	IMPORT_LISTING,    /* the register's public listing ("algoritmes": summaries) */
} import_file_kind;

typedef struct imported {
	description *d;      /* NULL when this one could not be read (fs says why) */
	char *where;         /* which one in the file: its id, or "#N" (1-based) */
	migrate_report rep;  /* what was renamed, moved, left out, still to fill in */
	findings fs;         /* notes and errors of the import itself */
} imported;

typedef struct import_result {
	import_file_kind kind;
	imported *v;
	size_t n;
	size_t skipped_rows;   /* rows that are no description (a 0.2 export's labels and help texts) */
	size_t skipped_lang;   /* site export: versions in another language than Dutch */
} import_result;

/* Reads every description in a JSON file of any of the kinds above; pick
 * (may be NULL) chooses one: an "id", a "lars" code or "N" (1-based). Each
 * object is brought to the 1.0 API naming (forms/migrate) and imported as
 * desc_import_api does. Returns 0, or -1 with one ORIGIN_INPUT finding in fs
 * when the file is not JSON, holds nothing to import, or pick matches none.
 * Free with import_result_done. */
int import_file(const standard *std, const char *data, size_t len, const char *pick, import_result *out,
                findings *fs);
void import_result_done(import_result *r);
/* "a list of API bodies", ... translated. */
const char *import_file_kind_label(import_file_kind k);

/* Which description in a drafts repository an imported one is. A record is
 * the same description as one already there when (in this order) it has the
 * same lars code (the register's own number); or the same organisation and
 * name, neither having another lars code; or the same organisation and
 * source_id (the organisation's own number), likewise; without an organisation
 * (a supplier's template) the supplier must be the same too. A name alone never
 * identifies a description: organisations use the same names ("Anonimiseren",
 * "Zivver") for descriptions of their own. Pure. */
typedef struct ident_entry {
	char *slug, *lars, *org, *name, *source_id, *provider; /* "" where the description has none */
} ident_entry;

typedef struct ident_index {
	ident_entry *v;
	size_t n;
} ident_index;

typedef enum ident_how {
	IDENT_NEW,        /* no description there is this one */
	IDENT_LARS,       /* the same lars code */
	IDENT_ORG_NAME,   /* the same organisation and name */
	IDENT_SOURCE_ID,  /* the same organisation and source_id */
} ident_how;

/* Adds (or, for a slug already in x, replaces) the entry for slug. */
void ident_put(ident_index *x, const char *slug, const description *d);
/* How d is one of x's descriptions; *e is that one (NULL for IDENT_NEW). */
ident_how ident_find(const ident_index *x, const description *d, const ident_entry **e);
void ident_done(ident_index *x);
/* "the same lars code", ... translated. */
const char *ident_how_label(ident_how h);
/* Two organisation names (or two names) that are the same: letters compared
 * without case, runs of blanks as one, blanks at the ends ignored. */
bool ident_same(const char *a, const char *b);

/* The slug for a description whose name's own slug is taken by another
 * organisation's: the name and whose it is ("anonimiseren-gemeente-utrecht"),
 * the name cut so that the organisation always fits. Caller frees. */
char *slug_with_owner(const char *name, const char *org);

/* JSON strings are written by json_add_str (base/escape.h). */

#endif
