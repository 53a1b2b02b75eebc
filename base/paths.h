/* paths: where algedit finds its own data (the standard files, the message
 * catalogues, the domain word list), installed or run from the build tree;
 * where it keeps a user's own (XDG base folders); making folders. */
#ifndef ALGEDIT_PATHS_H
#define ALGEDIT_PATHS_H

/* The folder holding standard/, spell/ data: $ALGEDIT_DATADIR, else the source
 * tree when this binary runs from its build tree, else the installed pkgdatadir. */
const char *algedit_datadir(void);
/* The folder holding <lang>/LC_MESSAGES/algedit.mo. */
const char *algedit_localedir(void);


/* The XDG base folders algedit keeps a user's things in. */
typedef enum { XDG_DATA, XDG_CONFIG, XDG_STATE } xdg_kind;

/* $XDG_DATA_HOME, $XDG_CONFIG_HOME or $XDG_STATE_HOME followed by
 * "/algedit" and "/SUB" (SUB may be NULL), where the variable holds an
 * absolute path; else the same under HOME's .local/share, .config or
 * .local/state. HOME is $HOME when absolute, else the account's home from
 * the password database (a bare chroot, env -i), never the current folder:
 * drafts made inside a source checkout or a shared folder would be lost or
 * seen by others. Never NULL. */
char *xdg_path(xdg_kind kind, const char *sub);

/* mkdir -p: makes DIR and the folders above it that are missing, each with
 * MODE (folders that exist stay as they are). 0, or -1 with errno set. */
int mkdir_p(const char *dir, unsigned mode);
/* The same for the folder that FILE is in. */
int mkdir_parent(const char *file, unsigned mode);

#endif
