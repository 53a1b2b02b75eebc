/* catalog: the register's supplier templates that ship with algedit (the
 * folder standard/1.0/templates of algedit's data: the register's JSON files
 * unchanged, and templates.yaml naming their source, date and suppliers), as
 * one list by supplier and name, for `algedit templates`, `algedit new
 * --template ID` and the editor's picker. */
#ifndef ALGEDIT_CATALOG_H
#define ALGEDIT_CATALOG_H

#include <stddef.h>

typedef struct tpl_item {
	char *supplier, *id, *name;   /* name may be "" */
	char *file;                   /* the JSON file it is in (a path) */
} tpl_item;

typedef struct tpl_catalog {
	char *dir;                    /* where it was read */
	int user;                     /* the user's own copy (templates --update), not the shipped one */
	char *source, *commit, *date, *licence;
	tpl_item *v;                  /* by supplier, then in the file's order */
	size_t n, nsuppliers;
} tpl_catalog;

/* The folder of the templates: the user's own copy when there is one
 * (tpl_catalog_user_dir, made by algedit templates --update), else the
 * shipped one (caller frees). */
char *tpl_catalog_dir(void);
/* $XDG_DATA_HOME/algedit/templates, else ~/.local/share/algedit/templates
 * (caller frees). */
char *tpl_catalog_user_dir(void);
/* Reads dir (NULL: tpl_catalog_dir()). 0, or -1 with a translated *err
 * (caller frees) naming the file that is missing or broken. */
int tpl_catalog_load(const char *dir, tpl_catalog *c, char **err);
void tpl_catalog_done(tpl_catalog *c);
/* The template with this id (ids are unique in the shipped copy), or NULL. */
const tpl_item *tpl_catalog_find(const tpl_catalog *c, const char *id);
/* True when filter (case-insensitive, any part) is in its supplier, name or id;
 * an empty filter matches all. */
int tpl_item_matches(const tpl_item *t, const char *filter);

/* "FILE[#ID]" as the person gave it, or the id of a shipped template:
 * the latter (no '/', no such file) becomes its file and id. Returns a new
 * "FILE#ID" for a shipped one (caller frees), else NULL (take arg as it is). */
char *tpl_catalog_resolve(const char *arg);

#endif
