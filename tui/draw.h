/* draw: drawing primitives for the views (curses). All text, from a file
 * or from the standard, goes through put_text, which escapes control
 * characters: nothing from a file reaches the terminal raw. Internal to
 * tui/. */
#ifndef ALGEDIT_TUI_DRAW_H
#define ALGEDIT_TUI_DRAW_H

#include <curses.h>

#include "tui/app.h"

enum { P_ERROR = 1, P_OK, P_WARN, P_TITLE, P_SEL, P_CAPTION, P_BASE };

attr_t pair_attr(const app *a, int pair);
/* Draws s[0..n) at (y, x), at most w columns; returns the columns used. */
int put_text(const app *a, int y, int x, int w, const char *s, size_t n, attr_t attr);
int puts_at(const app *a, int y, int x, int w, const char *s, attr_t attr);
/* A name in w columns, cut in the middle with "…" when it does not fit. */
int put_cut(const app *a, int y, int x, int w, const char *s, attr_t attr);
void fill(int y, int x, int w, attr_t attr);
/* Text wrapped into rows of width w, rows [skip, skip+maxrows) drawn from
 * y; returns the rows the whole text needs. */
int wrapped_tb(const app *a, int y, int x, int w, int maxrows, int skip, const textbuf *t, attr_t attr);
int wrapped(const app *a, int y, int x, int w, int maxrows, int skip, const char *text, attr_t attr);
int wrapped_rows(const char *text, int w);
const char *marker(const app *a, field_mark m);
/* The signs the views draw, in one place: each has an ASCII form for a
 * terminal whose font lacks it (the Linux console, a non-UTF-8 locale:
 * a->utf8 false, see tui_term_glyphs). */
typedef enum glyph_id {
	G_FILLED,     /* a field filled in: ✓ or + */
	G_NOTE,       /* open review comments or suggestions: ✎ or # */
	G_ELLIPSIS,   /* text cut: … or ~ */
	G_BULLET,     /* an item of guidance: • or - */
} glyph_id;
const char *glyph(const app *a, glyph_id g);
attr_t mark_attr(const app *a, field_mark m);
/* The title row: left, and at the right edge right, or where that does not
 * fit right2 (the short form). Returns 1 or 2 for which was shown (0: neither), with its column
 * in *rx (NULL: not wanted). */
int title_bar(const app *a, const char *left, const char *right, const char *right2, int *rx);
void frame(int y, int x, int w, int h);
void dialog_box(const app *a, int y, int x, int w, int h, const char *title);
/* A question box in the middle of the screen; hides the cursor. */
void question(const app *a, const char *title, const char *text, int *cy, int *cx);

#endif
