/* view: what a screen of the editor is, and where its parts go.
 *
 * A view is {context, handle, draw}: the key context it is in (for the key
 * table), the handler of an event there (changes state, never paints) and
 * the painter, which takes a const app and changes no state (what it
 * would scroll or cache is settled before it, by app_settle). The list,
 * the form and the dialogs are views; the loop picks the one on top.
 *
 * The layout says where the sidebar, the field box, the guidance, the
 * status line and the key bar go and what fits. The loop computes it once
 * per turn, before the handler runs and before the painter draws, so that a
 * key never decides on a screen other than the one the user sees (Ctrl-T
 * hides the guidance only where it is shown, else opens it full size). */
#ifndef ALGEDIT_TUI_VIEW_H
#define ALGEDIT_TUI_VIEW_H

#include <stdbool.h>

/* Included by app.h, after the actions and the events. */
struct app;

typedef struct layout {
	int rows, cols;
	bool too_small;       /* below 40×10: only a message is drawn */
	int body_top, body_h; /* the rows between the title bar and the status line */
	int side_w;           /* the form's field list, its separator included; 0: none */
	int main_x, main_w;   /* the field column */
	/* Where the guidance pane would go with the room there is; neither: it
	 * only opens full screen. guide_shown: and the user has not hidden it. */
	bool guide_right_fits, guide_below_fits;
	bool guide_shown;
	int guide_x, guide_w; /* guide_right: its column */
	int status_y, status_h; /* 1 row, 2 when the message needs them */
	int keybar_y;         /* -1: no key bar (the presentation view) */
	int caption_y, caption_h; /* the caption bar above it; 0 rows: none */
} layout;

/* The layout of app a on a rows × cols terminal. Reads, never changes, a. */
void layout_compute(layout *l, const struct app *a, int rows, int cols);

typedef struct view {
	unsigned (*context)(const struct app *a);      /* CX_* for the key table */
	void (*handle)(struct app *a, const tui_event *ev, action act);
	void (*draw)(const struct app *a, int *cy, int *cx); /* changes no state; sets the cursor, or -1 */
} view;

#endif
