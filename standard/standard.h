/* standard: the publication standard as data. Loads the files in standard/<version>/
 * (fields.yaml with the facts, guidance-nl.yaml and guidance-en.yaml with our
 * guidance) into an immutable struct that every other layer reads. */
#ifndef ALGEDIT_STANDARD_H
#define ALGEDIT_STANDARD_H

#include <stdbool.h>
#include <stddef.h>

enum { LANG_NL = 0, LANG_EN = 1, LANG_COUNT = 2 };

typedef enum field_kind {
	FK_TEXT,    /* one line of plain text */
	FK_RICH,    /* paragraphs and lists; exported as the register's HTML */
	FK_CHOICE,  /* one of values[] */
	FK_MULTI,   /* any of values[], a list */
	FK_MONTH,   /* YYYY-MM */
	FK_LINK,    /* https:// address */
	FK_CONTACT, /* e-mail address or https:// link */
	FK_ITEMS,   /* list of {title, link} */
} field_kind;

typedef struct std_guidance {
	char *what;     /* what to write, a few sentences */
	char **tips;    /* short tips */
	size_t ntips;
	char *example;  /* an example value (rich: plain text with blank lines, "- ") */
} std_guidance;

typedef struct std_subfield {
	char *key;                /* "title" or "link" */
	char *label[LANG_COUNT];
	field_kind kind;          /* FK_TEXT or FK_LINK */
	int max_length;           /* 0 = none */
	bool required;            /* the register rejects an item without it */
	char **suggestions;       /* e.g. recommended assessment names */
	size_t nsuggestions;
} std_subfield;

typedef struct std_field {
	char *key;                /* the register's API key */
	char *label[LANG_COUNT];
	field_kind kind;
	int max_length;           /* in the register's count; 0 = none */
	bool required;            /* the register's submission API requires the key */
	bool show_always;         /* the register's site always shows it, even empty */
	char **values;            /* permitted values (FK_CHOICE, FK_MULTI) */
	size_t nvalues;
	std_subfield *items;      /* FK_ITEMS: title, link */
	size_t nitems;
	std_guidance guide[LANG_COUNT];
	size_t section;           /* index into standard.sections */
	size_t index;             /* position in standard.fields */
	int line;                 /* where it is declared in fields.yaml */
} std_field;

typedef struct std_section {
	char *key;
	char *label[LANG_COUNT];
	size_t first, count;      /* fields[first .. first+count) */
} std_section;

typedef struct standard {
	char *version;            /* "1.0" */
	char *dir;                /* folder it was loaded from */
	std_section *sections;
	size_t nsections;
	std_field *fields;        /* in the standard's order (section by section) */
	size_t nfields;
	char **managed;           /* keys the register fills in itself (lars, ...) */
	size_t nmanaged;
} standard;

/* Loads <dir>/fields.yaml and the guidance files. On failure returns NULL and
 * sets *err to a message naming the file, line and problem (caller frees). */
standard *standard_load(const char *dir, char **err);
/* Loads the shipped standard <datadir>/standard/<version>. */
standard *standard_load_version(const char *version, char **err);
/* The same without the guidance files (guide[] stays empty): for commands
 * that never show guidance, which then start faster. */
standard *standard_load_facts(const char *version, char **err);
void standard_free(standard **s);

const std_field *standard_field(const standard *s, const char *key);
bool standard_is_managed(const standard *s, const char *key);
const char *field_kind_name(field_kind k);
bool field_kind_parse(const char *name, field_kind *out);
bool std_field_has_value(const std_field *f, const char *v);

/* Converts the register's own field config (config-v1_0.json format) into
 * fields.yaml text. `base` (may be NULL) supplies English labels, kinds and
 * sections for keys it knows; `layout_json` (may be NULL) the register's tab
 * layout. Returns NULL and sets *err on failure. */
char *standard_from_register_config(const char *config_json, size_t len,
                                    const char *config_name,
                                    const char *layout_json, size_t layout_len,
                                    const standard *base, char **err);

#endif
