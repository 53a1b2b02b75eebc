/* migrate: descriptions written for something other than the register's 1.0
 * API naming, brought to it. The standard's JSON Schema naming (theme,
 * start_date, purpose_and_impact, ...) is renamed key by key; the older
 * standards 0.1-0.4 are migrated: what has a place in 1.0 is renamed, moved
 * into the 1.0 field or list that took it over, or its value rewritten
 * ("Nederlands" -> "nld"); what has no place is kept aside as a readable YAML
 * comment block for the file's first version; a report per description says
 * what was renamed, moved and left out, and what the user must still fill in.
 * Pure. */
#ifndef ALGEDIT_MIGRATE_H
#define ALGEDIT_MIGRATE_H

#include "forms/desc.h"
#include "forms/finding.h"
#include "base/base.h"

/* What one object in an imported file is. */
typedef enum import_kind {
	KIND_API,       /* a body in the register's API naming (standard 1.0) */
	KIND_TEMPLATE,  /* a supplier template: API naming with an "id" */
	KIND_SCHEMA,    /* the standard's JSON Schema naming */
	KIND_OLD,       /* an older standard, 0.1 to 0.4 */
	KIND_LISTING,   /* a row of the register's public listing (title, organisatie, doel, ...) */
} import_kind;

/* The kind of obj (a mapping). */
import_kind import_kind_of(const ynode *obj);
/* "API body (standard 1.0)", ... translated. */
const char *import_kind_label(import_kind k);

typedef struct migrate_report {
	import_kind kind;
	char *from;        /* the version it said it followed ("0.2", "1.0.0"); NULL when none */
	strbuf lines;      /* the report, translated, one "  - ..." line each */
	strbuf aside;      /* "key: value" YAML of what has no place (no comment marks yet) */
	char **fill;       /* keys of the fields the user must still fill in or correct */
	size_t nfill;
	/* Texts to move into a rich field once the model is built (internal). */
	struct migrate_move *moves;
	size_t nmoves;
} migrate_report;

void migrate_report_init(migrate_report *r);
void migrate_report_done(migrate_report *r);

/* obj in the 1.0 API naming (a new tree the caller frees), the report filled
 * with what was renamed, rewritten and left out. For KIND_API and
 * KIND_TEMPLATE a plain copy. */
ynode *migrate_to_api(const standard *std, const ynode *obj, migrate_report *r);

/* After desc_import_api on the result: the texts that move into a rich
 * field are added to it (as a paragraph of its own; kept aside instead when
 * the field would then be longer than the register allows), and the fields
 * the register still refuses or the standard requires are listed as to be
 * filled in (r->fill, and a line each). */
void migrate_finish(description *d, migrate_report *r);

/* The YAML comment block with what was kept aside ("" when nothing), to be
 * appended to the description's file: readable, every line starts "# ". */
char *migrate_aside_comment(const migrate_report *r);

#endif
