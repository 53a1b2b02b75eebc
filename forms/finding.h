/* finding: one thing to tell the user about a description (an error, a
 * warning, a spelling note), with where it is and what to do. Readers, rules
 * and the spell-checker all produce them; check prints them, the editor shows
 * them next to the field. */
#ifndef ALGEDIT_FINDING_H
#define ALGEDIT_FINDING_H

#include <stddef.h>

#include "standard/standard.h"

typedef enum severity { SEV_ERROR, SEV_WARNING, SEV_NOTE } severity;

/* Whose rule it is: the register's submission API rejects ORIGIN_REGISTER
 * errors; ORIGIN_STANDARD are the standard's documented rules that the
 * register does not enforce; ORIGIN_INPUT are problems reading the file. */
typedef enum origin { ORIGIN_INPUT, ORIGIN_REGISTER, ORIGIN_STANDARD, ORIGIN_ADVICE, ORIGIN_SPELL } origin;

typedef struct finding {
	int line, col;             /* 1-based; 0 when the whole file is meant */
	long byte;                 /* byte offset for encoding problems, else -1 */
	char *key;                 /* field key, NULL for the whole file */
	const std_field *field;    /* NULL for unknown keys and whole-file findings */
	const char *rule;          /* stable id, e.g. "max-length" */
	severity sev;
	origin org;
	char *msg;                 /* translated: what is wrong and what to do */
} finding;

typedef struct findings {
	finding *v;
	size_t n, cap;
} findings;

void findings_init(findings *fs);
void findings_done(findings *fs);
/* Adds a finding; msg is printf-formatted (already translated by the caller). */
finding *findings_add(findings *fs, severity sev, origin org, const char *rule,
                      const std_field *f, const char *key, int line, int col,
                      const char *fmt, ...) __attribute__((format(printf, 9, 10)));
size_t findings_count(const findings *fs, severity sev);
/* Sorts by line, column, then severity. */
void findings_sort(findings *fs);
const char *severity_name(severity s);   /* "error", "warning", "note" (untranslated, for JSON) */
const char *severity_label(severity s);  /* translated */
const char *origin_name(origin o);       /* "register", "standard", ... */

#endif
