/* quality_ui: the quality of a description in the editor: the register's
 * completeness score ("Vulling 72%") in the form's title bar and the list,
 * in the register's colours; the plain-Dutch advice beside the spelling
 * marks; and the link check on a key (Alt-L), run beside the loop so that
 * typing goes on while the addresses are asked. */
#ifndef ALGEDIT_QUALITY_UI_H
#define ALGEDIT_QUALITY_UI_H

#include "tui/app.h"

#include <curses.h>

/* "Completeness 72%", translated, into buf. */
const char *quality_ui_label(int score, char *buf, size_t n);
/* Adds the plain-Dutch advice on field f, and the link check's findings
 * for the description, to a->form.fs; keeps the score current. */
void quality_ui_refresh(app *a, const std_field *f);
/* The form's score (as of the last refresh). */
int quality_ui_score(const app *a);
/* The score of a description read for the list. */
int quality_ui_score_of(const description *d);
/* Colours the cells [x, x+w) of row y in the register's colour for score,
 * keeping the attributes at (reverse for the highlighted row). */
void quality_ui_paint(const app *a, int y, int x, int w, int score, attr_t at);
/* Colours the completeness label at the start of the title bar's right
 * text, where title_bar put it. */
void quality_ui_paint_title(const app *a, bool shown, int x, int score);
/* Alt-L: starts the link check of the form's description. */
void quality_ui_links(app *a);
/* Once per turn: takes in the link check's answer. True while it runs. */
bool quality_ui_tick(app *a);
/* The form was closed: its link findings go. */
void quality_ui_forget(void);

#endif
