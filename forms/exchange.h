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

/* JSON strings are written by json_add_str (base/escape.h). */

#endif
