/* paths: where algedit finds its own data (the standard files, the message
 * catalogues, the domain word list), installed or run from the build tree. */
#ifndef ALGEDIT_PATHS_H
#define ALGEDIT_PATHS_H

/* The folder holding standard/, spell/ data: $ALGEDIT_DATADIR, else the source
 * tree when this binary runs from its build tree, else the installed pkgdatadir. */
const char *algedit_datadir(void);
/* The folder holding <lang>/LC_MESSAGES/algedit.mo. */
const char *algedit_localedir(void);

#endif
