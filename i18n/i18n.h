/* i18n: the gettext macros. Every user-visible string goes through _() or, in
 * static tables, N_() and is translated where it is shown. Message ids are
 * English; i18n/nl.po carries Dutch, i18n/en.po English. */
#ifndef ALGEDIT_I18N_H
#define ALGEDIT_I18N_H

#include <stdbool.h>

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(s, p, n) ngettext((s), (p), (n))
#else
/* configure --disable-nls: the English message ids are the messages. */
#define _(s) ((char *)(s))
#define P_(s, p, n) ((n) == 1 ? (char *)(s) : (char *)(p))
#endif
#define N_(s) (s)

/* setlocale + bindtextdomain. Safe to call more than once. */
void i18n_init(void);
/* Messages in LANG ("nl" or "en") whatever the locale says: 1 done, 0 LANG
 * is neither, -1 no UTF-8 locale to show them in (they stay English). */
int i18n_choose(const char *lang);
/* True when messages are shown in Dutch (LC_MESSAGES or LANGUAGE says nl). */
bool i18n_dutch(void);
/* 0 for Dutch, 1 for English: the index into the standard's nl/en texts. */
int i18n_lang(void);
/* After LC_MESSAGES changed: the language is asked again. */
void i18n_changed(void);

#endif
