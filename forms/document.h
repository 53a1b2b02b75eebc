/* document: readable documents for people who do not use algedit: one or more
 * descriptions grouped by the standard's sections with the form's labels
 * (`algedit export --format markdown|html`), and the standard itself with its
 * rules and our guidance, as a handout (`algedit standard --format ...`).
 * Pure: builds a string, no I/O. Every value from a description is escaped for
 * the format (HTML: & < > " '; Markdown: its special characters), and control
 * characters, bidi controls and bytes that are not UTF-8 are shown in the same
 * visible form as on the terminal (base/escape.h), never raw. */
#ifndef ALGEDIT_DOCUMENT_H
#define ALGEDIT_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/desc.h"
#include "standard/standard.h"

typedef enum doc_format {
	DOC_TEXT,      /* plain text for a terminal or a printer */
	DOC_MARKDOWN,  /* CommonMark */
	DOC_HTML,      /* a complete HTML5 document */
} doc_format;

/* "text", "markdown" (or "md"), "html". */
bool doc_format_parse(const char *name, doc_format *out);

typedef struct doc_entry {
	const description *d;
	const char *name;          /* where it came from: the slug or the file name */
	/* The review state of this version (concept, ter review, goedgekeurd,
	 * gepubliceerd), already translated, or NULL: nothing is shown. Filled
	 * in by the caller once the review records exist. */
	const char *review_state;
} doc_entry;

/* A document of n descriptions (n >= 1) in the language lang (LANG_NL,
 * LANG_EN): each under its name, by section, every field with its label and
 * its value as readable text (long text as paragraphs and lists), empty fields
 * marked as such. Caller frees. */
char *doc_descriptions(const standard *std, const doc_entry *v, size_t n, doc_format fmt, int lang);

/* The standard as a handout: every section and field with its label, whether
 * it is required, its limits and value list, the rules it must follow, and
 * our guidance (what to write, tips, an example) in language lang. Caller
 * frees. */
char *doc_standard(const standard *std, doc_format fmt, int lang);

/* A field's kind in words ("long text", "one choice", ...), translated. */
const char *doc_kind_label(field_kind k);

#endif
