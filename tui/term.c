/* term: whether curses can drive the terminal the editor would start on,
 * asked before the full screen starts (cli/edit.c), so a terminal that
 * cannot place the cursor (TERM=dumb, an unknown TERM, a printing terminal)
 * gets the plain mode instead of a screen nobody can use; and the locale the
 * screen reads and writes characters in (tui_term_locale). */
#include "config.h"
#include "tui/tui.h"
#include "i18n/i18n.h"

#include <curses.h>
#include <term.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

bool tui_terminal_usable(void)
{
	const char *t = getenv("TERM");
	if (!t || !*t)
		return false;
	int err = 0;
	if (setupterm(NULL, 1, &err) != OK)
		return false;
	/* Without cursor addressing and clearing nothing can be drawn in place;
	 * a hard-copy terminal prints every repaint on paper. */
	const char *cup = tigetstr("cup"), *clear = tigetstr("clear");
	bool ok = cup && cup != (char *)-1 && clear && clear != (char *)-1 && tigetflag("hc") <= 0;
	del_curterm(cur_term);
	return ok;
}

static bool codeset_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
}

/* The screen reads keys and writes text through the locale's character
 * set (ncursesw's get_wch and add_wch convert with it). Under C, POSIX or a
 * locale that is not installed that set is ASCII: a typed "ë" is not a
 * character there, and ncurses held its bytes back and swallowed what came
 * after. The drafts are UTF-8 whatever the locale, so the screen then takes
 * a UTF-8 locale that exists (C.UTF-8 is on every Debian). A locale with an
 * 8-bit set of its own (nl_NL with ISO-8859-1) is kept: the terminal sends
 * and shows that set, and ncursesw converts é and ë to and from it. */
int tui_term_locale(const char **used)
{
	static const char *const utf8[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "nl_NL.UTF-8", "en_GB.UTF-8", NULL };
	*used = NULL;
	if (codeset_utf8())
		return 0;
	const char *cs = nl_langinfo(CODESET);
	if (cs && strcmp(cs, "ANSI_X3.4-1968") && strcmp(cs, "ASCII") && strcmp(cs, "US-ASCII") && *cs)
		return 0;
	/* Messages keep their language: LANGUAGE (or --lang) chose it, but
	 * gettext ignores LANGUAGE while LC_MESSAGES is C. */
	const char *msg = setlocale(LC_MESSAGES, NULL);
	const char *language = getenv("LANGUAGE");
	bool msg_c = !msg || !strcmp(msg, "C") || !strcmp(msg, "POSIX");
	for (int i = 0; utf8[i]; i++) {
		if (!setlocale(LC_CTYPE, utf8[i]))
			continue;
		if (!codeset_utf8())
			continue;
		*used = utf8[i];
		if (msg_c && language && *language && setlocale(LC_MESSAGES, utf8[i])) {
			i18n_changed();
		} else if (msg_c && (!language || !*language)) {
			/* LANG=nl_NL.UTF-8 on a server without that locale: the
			 * person asked for Dutch, and Dutch needs no nl_NL locale. */
			const char *want = getenv("LC_ALL");
			if (!want || !*want)
				want = getenv("LC_MESSAGES");
			if (!want || !*want)
				want = getenv("LANG");
			if (want && !strncmp(want, "nl", 2) && (!want[2] || want[2] == '_' || want[2] == '.'))
				i18n_choose("nl");
		}
		return 1;
	}
	setlocale(LC_CTYPE, "");
	return -1;
}

bool tui_term_glyphs(void)
{
	/* The Linux console's fonts have 256 or 512 glyphs: letters such as ë
	 * but no ✓ or ✎, which all show as one replacement sign. */
	const char *t = getenv("TERM");
	if (t && !strncmp(t, "linux", 5))
		return false;
	return codeset_utf8();
}
