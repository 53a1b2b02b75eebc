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
	bindtextdomain(PACKAGE, algedit_localedir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	dutch = -1;
}

bool i18n_dutch(void)
{
	if (dutch >= 0)
		return dutch;
	/* Ask the catalogue itself: its header names the language actually in use,
	 * which respects LANGUAGE, LC_ALL, LC_MESSAGES and LANG as gettext does. */
	const char *hdr = gettext("");
	dutch = 0;
	if (hdr && *hdr) {
		const char *l = strstr(hdr, "Language: ");
		if (l && strncmp(l + 10, "nl", 2) == 0)
			dutch = 1;
	}
	return dutch;
}

int i18n_lang(void)
{
	return i18n_dutch() ? 0 : 1;
}
