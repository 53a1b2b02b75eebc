/* draw: the drawing primitives every view uses, the status line and the key
 * bar, and draw(), which paints the whole state once per turn of the loop:
 * the view under (list or form), the dialog over it. Sizes come from the
 * layout of the turn, so a resize needs nothing but a repaint. All text, from the file or
 * from the standard, goes through put_text, which escapes control
 * characters so nothing from a file ever reaches the terminal raw. Meaning
 * is carried by markers and words; colour (off with NO_COLOR) only repeats it. */
#include "config.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/demo.h"
#include "tui/input.h"
#include "tui/persist.h"
#include "forms/progress.h"
#include "forms/rules.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <wchar.h>


attr_t pair_attr(const app *a, int pair)
{
	return a->color ? (attr_t)COLOR_PAIR(pair) : 0;
}

void draw_init_colors(app *a)
{
	const char *nc = getenv("NO_COLOR");
	a->color = has_colors() && !(nc && *nc);
	if (!a->color)
		return;
	start_color();
	use_default_colors();
	if (a->high_contrast) {
		/* For a projector: white on black, the strongest pairs, bold. */
		init_pair(P_BASE, COLOR_WHITE, COLOR_BLACK);
		init_pair(P_ERROR, COLOR_WHITE, COLOR_RED);
		init_pair(P_OK, COLOR_GREEN, COLOR_BLACK);
		init_pair(P_WARN, COLOR_BLACK, COLOR_YELLOW);
		init_pair(P_TITLE, COLOR_BLACK, COLOR_WHITE);
		init_pair(P_SEL, COLOR_BLACK, COLOR_YELLOW);
		init_pair(P_CAPTION, COLOR_BLACK, COLOR_YELLOW);
		bkgd((chtype)(COLOR_PAIR(P_BASE) | A_BOLD));
		return;
	}
	init_pair(P_ERROR, COLOR_RED, -1);
	init_pair(P_OK, COLOR_GREEN, -1);
	init_pair(P_WARN, COLOR_YELLOW, -1);
	init_pair(P_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_SEL, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_CAPTION, COLOR_BLACK, COLOR_YELLOW);
}

/* Whether the locale's character set has cp (ncursesw writes it in that set). */
static bool locale_has(uint32_t cp)
{
	char buf[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	return wcrtomb(buf, (wchar_t)cp, &st) != (size_t)-1;
}

/* Draws s[0..n) at (y, x), at most w columns; returns the columns used. */
int put_text(const app *a, int y, int x, int w, const char *s, size_t n, attr_t attr)
{
	int used = 0;
	for (size_t p = 0; p < n && used < w;) {
		size_t k = tb_next_cluster(s, n, p);
		wchar_t wc[CCHARW_MAX + 1];
		int nw = 0, cw = 0;
		bool escaped = false;
		char esc[12];
		const char *e = NULL;
		for (size_t q = p; q < p + k;) {
			uint32_t cp;
			int l = utf8_decode(s + q, n - q, &cp);
			if (l <= 0) {
				cp = 0xFFFD;
				l = 1;
			}
			q += (size_t)l;
			e = tb_cp_escape(cp, esc);
			if (e) {
				escaped = true;
				break;
			}
			/* A terminal in an 8-bit set (ISO-8859-1) shows what
			 * that set has (é, ë); the rest is a "?". */
			if (!a->utf8 && cp >= 0x80 && !locale_has(cp))
				cp = '?';
			if (nw < CCHARW_MAX)
				wc[nw++] = (wchar_t)cp;
			int t = tb_cp_width(cp);
			if (t > cw)
				cw = t;
		}
		if (escaped) {
			int el = (int)strlen(e);
			if (used + el > w)
				break;
			attrset(attr | A_REVERSE);
			mvaddstr(y, x + used, e);
			used += el;
		} else if (nw > 0) {
			if (cw == 0) {
				/* A lone combining mark: show it on a space. */
				memmove(wc + 1, wc, (size_t)(nw < CCHARW_MAX ? nw : CCHARW_MAX - 1) * sizeof *wc);
				wc[0] = ' ';
				nw = nw < CCHARW_MAX ? nw + 1 : CCHARW_MAX;
				cw = 1;
			}
			if (used + cw > w)
				break;
			wc[nw] = 0;
			cchar_t cc;
			/* The pair separately: setcchar sets it from its own
			 * argument, so a pair left in attr would be lost. */
			setcchar(&cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
			mvadd_wch(y, x + used, &cc);
			used += cw;
		}
		p += k;
	}
	attrset(A_NORMAL);
	return used;
}

int puts_at(const app *a, int y, int x, int w, const char *s, attr_t attr)
{
	return put_text(a, y, x, w, s, strlen(s), attr);
}

/* A name in w columns: whole when it fits, else cut in the middle with "…"
 * so that its end stays visible: names that share a long beginning
 * ("Kentekencamerahandhaving M", "... Z") still differ on screen. */
int put_cut(const app *a, int y, int x, int w, const char *s, attr_t attr)
{
	size_t n = strlen(s);
	int total = tb_text_width(s, n);
	if (total <= w || w < 8)
		return put_text(a, y, x, w, s, n, attr);
	int tail_w = (w - 1) / 3, head_w = w - 1 - tail_w;
	/* The tail: the longest end of s at most tail_w columns wide. */
	size_t start = 0;
	int rest = total;
	while (start < n && rest > tail_w) {
		size_t k = tb_next_cluster(s, n, start);
		rest -= tb_text_width(s + start, k);
		start += k;
	}
	int used = put_text(a, y, x, head_w, s, n, attr);
	used += puts_at(a, y, x + used, 1, glyph(a, G_ELLIPSIS), attr);
	used += put_text(a, y, x + used, w - used, s + start, n - start, attr);
	return used;
}

void fill(int y, int x, int w, attr_t attr)
{
	attrset(attr);
	for (int i = 0; i < w; i++)
		mvaddch(y, x + i, ' ');
	attrset(A_NORMAL);
}

/* Draws the text of t wrapped into rows of width w (by display width), rows
 * [skip, skip+maxrows) from y. Returns the rows the whole text needs. */
int wrapped_tb(const app *a, int y, int x, int w, int maxrows, int skip, const textbuf *t, attr_t attr)
{
	if (w < 1)
		return 0;
	size_t n;
	/* The layout is a memo in t; filling it changes nothing on screen. */
	const tb_line *l = tb_layout((textbuf *)t, w, &n);
	if (n == 1 && l[0].end == 0 && !t->len)
		n = 0;
	for (size_t r = (size_t)skip; r < n && (int)(r - (size_t)skip) < maxrows; r++)
		put_text(a, y + (int)(r - (size_t)skip), x, w, t->s + l[r].start, l[r].end - l[r].start, attr);
	return (int)n;
}

/* The same for a string. */
int wrapped(const app *a, int y, int x, int w, int maxrows, int skip, const char *text, attr_t attr)
{
	if (!text || w < 1)
		return 0;
	textbuf t;
	tb_init(&t);
	tb_set(&t, text, strlen(text));
	int n = wrapped_tb(a, y, x, w, maxrows, skip, &t, attr);
	tb_done(&t);
	return n;
}

int wrapped_rows(const char *text, int w)
{
	if (!text || !*text || w < 1)
		return 0;
	textbuf t;
	tb_init(&t);
	tb_set(&t, text, strlen(text));
	size_t n;
	tb_layout(&t, w, &n);
	tb_done(&t);
	return (int)n;
}

const char *glyph(const app *a, glyph_id g)
{
	static const char *const sign[][2] = {
		[G_FILLED] = { "✓", "+" },
		[G_NOTE] = { "✎", "#" },
		[G_ELLIPSIS] = { "…", "~" },
		[G_BULLET] = { "•", "-" },
	};
	return sign[g][a->utf8 ? 0 : 1];
}

const char *marker(const app *a, field_mark m)
{
	switch (m) {
	case FM_MISSING: return "*";
	case FM_ERROR: return "!";
	case FM_WARNING: return "?";
	case FM_FILLED: return glyph(a, G_FILLED);
	case FM_EMPTY: break;
	}
	return " ";
}

attr_t mark_attr(const app *a, field_mark m)
{
	switch (m) {
	case FM_MISSING:
	case FM_ERROR: return pair_attr(a, P_ERROR) | A_BOLD;
	case FM_WARNING: return pair_attr(a, P_WARN);
	case FM_FILLED: return pair_attr(a, P_OK);
	case FM_EMPTY: break;
	}
	return 0;
}

/* ---- bars ---- */

static void key_bar(const app *a, int y)
{
	unsigned ctx = app_context(a);
	bool shown[A_COUNT] = { false };
	int x = 0, cols = a->cols;
	fill(y, 0, a->cols, 0);
	if (a->bar_mark) {
		/* Always seen, so the keys give way to it. */
		int mw = tb_text_width(a->bar_mark, strlen(a->bar_mark));
		if (mw + 1 < a->cols) {
			cols = a->cols - mw - 1;
			puts_at(a, y, cols + 1, mw, a->bar_mark, a->color ? pair_attr(a, P_ERROR) | A_BOLD : A_BOLD);
		}
	}
	for (size_t i = 0; i < nkeys; i++) {
		const key_binding *k = &keys[i];
		if (!k->bar || !(k->ctx & ctx) || shown[k->id] || key_action(k->key, ctx) != k->id)
			continue;
		/* A function key this terminal lacks (vt100 has no F11): the
		 * action's next key that works here instead. */
		int key = k->key;
		if (!input_has_key(key)) {
			key = 0;
			for (size_t j = 0; j < nkeys && !key; j++)
				if (keys[j].id == k->id && (keys[j].ctx & ctx) && input_has_key(keys[j].key) &&
				    key_action(keys[j].key, ctx) == k->id)
					key = keys[j].key;
			if (!key)
				continue;
		}
		shown[k->id] = true;
		char buf[32];
		const char *kn = keyname_of(key, buf);
		const char *name = bar_name(k->id, ctx);
		int need = tb_text_width(kn, strlen(kn)) + 1 + tb_text_width(name, strlen(name));
		if (x + need > cols)
			break;
		x += puts_at(a, y, x, cols - x, kn, A_REVERSE);
		x += 1;
		x += puts_at(a, y, x, cols - x, name, 0);
		x += 2;
	}
}

/* The status message, wrapped into the rows the layout gave it (two when
 * it is long), so that its advice is never cut. */
static void status_line(const app *a, int y, int h)
{
	for (int r = 0; r < h; r++)
		fill(y + r, 0, a->cols, 0);
	if (!a->status)
		return;
	attr_t at = a->status_error ? pair_attr(a, P_ERROR) | A_BOLD : 0;
	int x = a->status_error ? puts_at(a, y, 0, a->cols, "! ", at) : 0;
	wrapped(a, y, x, a->cols - x, h, 0, a->status, at);
}

int title_bar(const app *a, const char *left, const char *right, const char *right2, int *rx)
{
	attr_t t = a->color ? pair_attr(a, P_TITLE) : A_REVERSE;
	fill(0, 0, a->cols, t);
	int lw = puts_at(a, 0, 1, a->cols - 2, left, t | A_BOLD);
	int rw = tb_text_width(right, strlen(right));
	const char *shown = NULL;
	if (lw + 3 + rw < a->cols)
		shown = right;
	else if (right2 && lw + 3 + (rw = tb_text_width(right2, strlen(right2))) < a->cols)
		shown = right2;
	if (rx)
		*rx = shown ? a->cols - rw - 1 : -1;
	if (shown)
		puts_at(a, 0, a->cols - rw - 1, rw, shown, t);
	return shown == right ? 1 : shown ? 2 : 0;
}

/* ---- the form ---- */

void frame(int y, int x, int w, int h)
{
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
}

/* ---- the list ---- */

/* ---- overlays ---- */

void dialog_box(const app *a, int y, int x, int w, int h, const char *title)
{
	for (int r = 0; r < h; r++)
		fill(y + r, x, w, 0);
	frame(y, x, w, h);
	if (title) {
		int tx = x + 2;
		tx += puts_at(a, y, tx, w - 4, " ", 0);
		tx += puts_at(a, y, tx, w - 6, title, A_BOLD);
		puts_at(a, y, tx, 1, " ", 0);
	}
}

void question(const app *a, const char *title, const char *text, int *cy, int *cx)
{
	int w = a->cols - 4 < 70 ? a->cols - 4 : 70;
	int rows = wrapped_rows(text, w - 4);
	int h = rows + 2;
	int y = (a->rows - h) / 2, x = (a->cols - w) / 2;
	dialog_box(a, y, x, w, h, title);
	wrapped(a, y + 1, x + 2, w - 4, rows, 0, text, 0);
	*cy = -1;
	*cx = -1;
}

/* Paints the whole state, once per turn: the list or the form, the dialog
 * over it, the status line and the key bar. */
void draw(const app *a)
{
	/* The loop laid out the turn and settled the views (app_relayout,
	 * app_settle); the painter only reads. */
	erase();
	int cy = -1, cx = -1;
	if (a->lay.too_small) {
		/* Wrapped, so the size it asks for shows at 30×8 too. */
		wrapped(a, 0, 0, a->cols, a->rows, 0, _("The window is too small: make it at least 40×10."), A_BOLD);
		refresh();
		return;
	}
	/* The help and the full-screen guidance cover the view under them. */
	if (a->dlg.ov != OV_HELP && a->dlg.ov != OV_GUIDE) {
		const view *under = a->review ? &review_view : a->in_list || !a->form.d ? &list_view : a->tutor ? &tutor_view : &form_view;
		under->draw(a, &cy, &cx);
	}
	if (a->dlg.ov != OV_NONE)
		dialog_view.draw(a, &cy, &cx);
	status_line(a, a->lay.status_y, a->lay.status_h);
	if (a->lay.keybar_y >= 0 && !a->demo_bar)
		key_bar(a, a->lay.keybar_y);
	demo_draw(a, &cy, &cx);
	if (cy >= 0 && cx >= 0) {
		move(cy, cx);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}
