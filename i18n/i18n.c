/* i18n: locale set-up and the question "Dutch or English?" (see i18n.h). */
#include "config.h"
#include "i18n/i18n.h"
#include "base/paths.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static int dutch = -1;

void i18n_init(void)
{
	setlocale(LC_ALL, "");
	/* LANGUAGE=nl where the locale is plain C (LANG unset over ssh, a
	 * server's POSIX default): gettext would ignore it; the messages take
	 * a UTF-8 locale that exists instead, as with --lang. */
	const char *language = getenv("LANGUAGE");
	const char *msg = setlocale(LC_MESSAGES, NULL);
	if (language && *language && (!msg || !strcmp(msg, "C") || !strcmp(msg, "POSIX"))) {
		static const char *const try[] = { "C.UTF-8", "C.utf8", NULL };
		for (int i = 0; try[i] && !setlocale(LC_MESSAGES, try[i]); i++)
			;
	}
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, algedit_localedir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	dutch = -1;
}

int i18n_choose(const char *lang)
{
	if (strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0)
		return 0;
	/* LANGUAGE outranks LC_ALL, LC_MESSAGES and LANG, but gettext ignores it
	 * under the plain C locale: then messages take a UTF-8 locale that exists
	 * everywhere (C.UTF-8), so the choice works without nl_NL installed. */
	setenv("LANGUAGE", lang, 1);
	const char *cur = setlocale(LC_MESSAGES, NULL);
	int ok = 1;
	if (!cur || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0) {
		static const char *const try[] = { "C.UTF-8", "C.utf8", "nl_NL.UTF-8", "en_US.UTF-8", "en_GB.UTF-8", NULL };
		ok = -1;
		for (int i = 0; try[i] && ok < 0; i++)
			if (setlocale(LC_MESSAGES, try[i]))
				ok = 1;
	}
#ifdef ENABLE_NLS
	/* A new textdomain call makes gettext forget what it looked up before. */
	textdomain(PACKAGE);
#endif
	dutch = -1;
	return ok;
}

bool i18n_dutch(void)
{
	if (dutch >= 0)
		return dutch;
	dutch = 0;
#ifdef ENABLE_NLS
	/* Ask the catalogue itself: its header names the language actually in use,
	 * which respects LANGUAGE, LC_ALL, LC_MESSAGES and LANG as gettext does. */
	const char *hdr = gettext("");
	if (hdr && *hdr) {
		const char *l = strstr(hdr, "Language: ");
		if (l && strncmp(l + 10, "nl", 2) == 0)
			dutch = 1;
	}
#endif
	return dutch;
}

int i18n_lang(void)
{
	return i18n_dutch() ? 0 : 1;
}

void i18n_changed(void)
{
#ifdef ENABLE_NLS
	textdomain(PACKAGE);
#endif
	dutch = -1;
}
