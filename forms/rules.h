/* rules: every rule of publication standard 1.0 applied to one description:
 * what the register's submission API rejects (ORIGIN_REGISTER), the
 * standard's documented rules the register does not enforce (ORIGIN_STANDARD)
 * and advice (warnings). Pure: no I/O. */
#ifndef ALGEDIT_RULES_H
#define ALGEDIT_RULES_H

#include "forms/desc.h"
#include "forms/finding.h"

/* A field's register length and what it was counted from. The editor keeps
 * one for the field being typed in, keyed on its text buffer's version, so
 * a key that does not change the text counts nothing, and the rules and the
 * counter under the field share one count. Zeroed: empty. */
typedef struct field_length {
	const std_field *f;
	unsigned long version;
	size_t len, count;
} field_length;
/* The count of text s (n bytes, version `version` of its buffer) of field
 * f: counted again only when the field, the version or the length changed. */
size_t field_length_count(field_length *c, unsigned long version, const description *d, const std_field *f,
                          const char *s, size_t n);

/* Appends the findings for d (translated messages). */
void rules_check(const description *d, findings *out);
/* The same, taking the length of known->f (when its value has known->len
 * bytes) from known instead of counting it again; known may be NULL. */
void rules_check_known(const description *d, findings *out, const field_length *known);
/* Findings for one field only, for the editor's live view. */
void rules_check_field(const description *d, const std_field *f, findings *out);
/* The register's length count of a text value of field f in d's format. */
size_t field_register_length(const description *d, const std_field *f, const char *s, size_t n);
/* True when the text carries no content: empty, only whitespace, or (API
 * format) only tags. */
bool field_text_blank(const description *d, const char *s, size_t n);
/* Rule checks usable on their own (the editor validates while typing). */
bool month_valid(const char *s);
bool https_link_valid(const char *s);
bool email_valid(const char *s);
bool contact_looks_personal(const char *s);

#endif
