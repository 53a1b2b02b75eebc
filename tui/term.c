/* term: whether curses can drive the terminal the editor would start on,
 * asked before the full screen starts (cli/edit.c), so a terminal that
 * cannot place the cursor (TERM=dumb, an unknown TERM, a printing terminal)
 * gets the plain mode instead of a screen nobody can use. */
#include "config.h"
#include "tui/tui.h"

#include <curses.h>
#include <term.h>
#include <stdlib.h>

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
