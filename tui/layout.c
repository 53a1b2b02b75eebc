/* layout: where the parts of the screen go (see view.h). Computed once per
 * turn by the loop, read by the handlers and the painter, so that both
 * decide on the same screen. No curses: the bench and the unit tests
 * compute it for any size. */
#include "config.h"
#include "tui/app.h"
#include "tui/view.h"
#include "tui/demo.h"

#include <string.h>

/* Rows the status message needs at this width: one, or as many as its
 * words wrap into where there is room (two; three on a screen of 20 rows
 * or more), so that its end, often the instruction, is never cut. */
static int status_rows(const app *a, int rows, int cols)
{
	if (!a->status || rows < 14)
		return 1;
	int w = tb_text_width(a->status, strlen(a->status)) + (a->status_error ? 2 : 0);
	if (w <= cols)
		return 1;
	textbuf t;
	tb_init(&t);
	tb_set(&t, a->status, strlen(a->status));
	size_t n = 0;
	tb_layout(&t, cols - (a->status_error ? 2 : 0), &n);
	tb_done(&t);
	int most = rows >= 20 ? 3 : 2;
	return n < 2 ? 2 : (int)n > most ? most : (int)n;
}

void layout_compute(layout *l, const app *a, int rows, int cols)
{
	memset(l, 0, sizeof *l);
	l->rows = rows;
	l->cols = cols;
	l->too_small = rows < 10 || cols < 40;
	/* The presentation view hides the key bar (a playing demo's own bar
	 * takes its row); a caption goes above it. */
	bool bar = !a->present || a->demo_bar;
	l->keybar_y = bar ? rows - 1 : -1;
	l->caption_h = a->caption ? demo_caption_rows(a, cols) : 0;
	l->caption_y = rows - (bar ? 1 : 0) - l->caption_h;
	l->status_h = status_rows(a, rows, cols);
	l->status_y = l->caption_y - l->status_h;
	l->body_top = 1;
	l->body_h = l->status_y - 1;
	/* The form: the field list on the left where it fits, the field, and
	 * the guidance beside it (wide), below it (tall) or only full screen. */
	l->side_w = a->present ? 0 : cols >= 100 ? 32 : cols >= 70 ? 28 : 0;
	l->main_x = l->side_w ? l->side_w + 1 : 0;
	l->main_w = cols - l->main_x - 1;
	/* Presenting: the guidance below the field, the whole width, large. */
	l->guide_right_fits = cols >= 110 && !a->present;
	/* Judged as with a one-row status line, so that a long message does
	 * not make the pane come and go. */
	l->guide_below_fits = !l->guide_right_fits && rows - 3 >= 17 && cols >= 60;
	l->guide_shown = (l->guide_right_fits || l->guide_below_fits) && !a->form.guide_hidden;
	if (l->guide_right_fits && l->guide_shown) {
		/* Half of what is right of the field list: the guidance is read
		 * in sentences, the field mostly holds a line or a few (at 120
		 * columns two fifths squeezed it into 31 columns); but the field
		 * keeps 48 columns, room for an item's suggestions. */
		int rest = cols - l->main_x;
		int gw = rest / 2;
		if (rest - gw - 1 < 48)
			gw = rest - 49 > rest * 2 / 5 ? rest - 49 : rest * 2 / 5;
		l->main_w -= gw + 1;
		l->guide_x = l->main_x + l->main_w + 3;
		l->guide_w = gw - 3;
	}
}

void app_relayout(app *a, int rows, int cols)
{
	a->rows = rows;
	a->cols = cols;
	layout_compute(&a->lay, a, rows, cols);
}

void app_settle(app *a)
{
	if (a->review)
		review_settle(a);
	else if (a->in_list || !a->form.d)
		list_settle(a);
	else
		form_settle(a);
	if (a->dlg.ov != OV_NONE)
		dialog_settle(a);
}
