/* draw: paints the whole state, once per turn of the loop. Sizes are read
 * here, so a resize needs nothing but a repaint. All text, from the file or
 * from the standard, goes through put_text, which escapes control
 * characters so nothing from a file ever reaches the terminal raw. Meaning
 * is carried by markers and words; colour (off with NO_COLOR) only repeats it. */
#include "config.h"
#include "tui/app.h"
#include "tui/persist.h"
#include "forms/progress.h"
#include "forms/rules.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

enum { P_ERROR = 1, P_OK, P_WARN, P_TITLE, P_SEL };

static attr_t pair_attr(const app *a, int pair)
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
	init_pair(P_ERROR, COLOR_RED, -1);
	init_pair(P_OK, COLOR_GREEN, -1);
	init_pair(P_WARN, COLOR_YELLOW, -1);
	init_pair(P_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_SEL, COLOR_BLACK, COLOR_CYAN);
}

/* Draws s[0..n) at (y, x), at most w columns; returns the columns used. */
static int put_text(const app *a, int y, int x, int w, const char *s, size_t n, attr_t attr)
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
			if (!a->utf8 && cp >= 0x80)
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
			setcchar(&cc, wc, attr, 0, NULL);
			mvadd_wch(y, x + used, &cc);
			used += cw;
		}
		p += k;
	}
	attrset(A_NORMAL);
	return used;
}

static int puts_at(const app *a, int y, int x, int w, const char *s, attr_t attr)
{
	return put_text(a, y, x, w, s, strlen(s), attr);
}

/* A name in w columns: whole when it fits, else cut in the middle with "…"
 * so that its end stays visible: names that share a long beginning
 * ("Kentekencamerahandhaving M", "... Z") still differ on screen. */
static int put_cut(const app *a, int y, int x, int w, const char *s, attr_t attr)
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
	used += put_text(a, y, x + used, 1, a->utf8 ? "…" : "~", a->utf8 ? strlen("…") : 1, attr);
	used += put_text(a, y, x + used, w - used, s + start, n - start, attr);
	return used;
}

static void fill(int y, int x, int w, attr_t attr)
{
	attrset(attr);
	for (int i = 0; i < w; i++)
		mvaddch(y, x + i, ' ');
	attrset(A_NORMAL);
}

/* Draws the text of t wrapped into rows of width w (by display width), rows
 * [skip, skip+maxrows) from y. Returns the rows the whole text needs. */
static int wrapped_tb(const app *a, int y, int x, int w, int maxrows, int skip, textbuf *t, attr_t attr)
{
	if (w < 1)
		return 0;
	size_t n;
	const tb_line *l = tb_layout(t, w, &n);
	if (n == 1 && l[0].end == 0 && !t->len)
		n = 0;
	for (size_t r = (size_t)skip; r < n && (int)(r - (size_t)skip) < maxrows; r++)
		put_text(a, y + (int)(r - (size_t)skip), x, w, t->s + l[r].start, l[r].end - l[r].start, attr);
	return (int)n;
}

/* The same for a string. */
static int wrapped(const app *a, int y, int x, int w, int maxrows, int skip, const char *text, attr_t attr)
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

static int wrapped_rows(const char *text, int w)
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

static const char *marker(const app *a, field_mark m)
{
	switch (m) {
	case FM_MISSING: return "*";
	case FM_ERROR: return "!";
	case FM_WARNING: return "?";
	case FM_FILLED: return a->utf8 ? "✓" : "+";
	case FM_EMPTY: break;
	}
	return " ";
}

static attr_t mark_attr(const app *a, field_mark m)
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

static void key_bar(app *a, int y)
{
	unsigned ctx = app_context(a);
	bool shown[A_COUNT] = { false };
	int x = 0;
	fill(y, 0, a->cols, 0);
	for (size_t i = 0; i < nkeys; i++) {
		const key_binding *k = &keys[i];
		if (!k->bar || !(k->ctx & ctx) || shown[k->id] || key_action(k->key, ctx) != k->id)
			continue;
		shown[k->id] = true;
		char buf[32];
		const char *kn = keyname_of(k->key, buf);
		const char *name = bar_name(k->id, ctx);
		int need = tb_text_width(kn, strlen(kn)) + 1 + tb_text_width(name, strlen(name));
		if (x + need > a->cols)
			break;
		x += puts_at(a, y, x, a->cols - x, kn, A_REVERSE);
		x += 1;
		x += puts_at(a, y, x, a->cols - x, name, 0);
		x += 2;
	}
}

/* The status message, wrapped into the rows the layout gave it (two when
 * it is long), so that its advice is never cut. */
static void status_line(app *a, int y, int h)
{
	for (int r = 0; r < h; r++)
		fill(y + r, 0, a->cols, 0);
	if (!a->status)
		return;
	attr_t at = a->status_error ? pair_attr(a, P_ERROR) | A_BOLD : 0;
	int x = a->status_error ? puts_at(a, y, 0, a->cols, "! ", at) : 0;
	wrapped(a, y, x, a->cols - x, h, 0, a->status, at);
}

static void title_bar(app *a, const char *left, const char *right, const char *right2)
{
	attr_t t = a->color ? pair_attr(a, P_TITLE) : A_REVERSE;
	fill(0, 0, a->cols, t);
	int x = puts_at(a, 0, 1, a->cols - 2, left, t | A_BOLD);
	int rw = tb_text_width(right, strlen(right));
	if (x + 3 + rw < a->cols)
		puts_at(a, 0, a->cols - rw - 1, rw, right, t);
	else if (right2 && x + 3 + (rw = tb_text_width(right2, strlen(right2))) < a->cols)
		puts_at(a, 0, a->cols - rw - 1, rw, right2, t);
}

/* ---- the form ---- */

static const std_field *cur(const app *a)
{
	return &a->std->fields[a->field];
}

static void left_panel(app *a, int top, int h, int w)
{
	typedef struct row { const char *text; const std_field *f; size_t sec; } row;
	row rows[128];
	int n = 0, cur_row = 0;
	size_t cs = cur(a)->section;
	for (size_t s = 0; s < a->std->nsections && n < 120; s++) {
		rows[n++] = (row){ a->std->sections[s].label[a->lang], NULL, s };
		if (s != cs)
			continue;
		const std_section *sec = &a->std->sections[s];
		for (size_t i = sec->first; i < sec->first + sec->count && n < 120; i++) {
			if (i == a->field)
				cur_row = n;
			rows[n++] = (row){ a->std->fields[i].label[a->lang], &a->std->fields[i], s };
		}
	}
	int first = 0;
	if (cur_row >= h)
		first = cur_row - h + 1;
	for (int r = first; r < n && r - first < h; r++) {
		int y = top + r - first;
		const row *rw = &rows[r];
		if (!rw->f) {
			size_t total, filled = section_filled(a->d, rw->sec, &total);
			char cnt[32];
			snprintf(cnt, sizeof cnt, " %zu/%zu", filled, total);
			const char *arrow = rw->sec == cs ? (a->utf8 ? "▾ " : "v ") : (a->utf8 ? "▸ " : "> ");
			int x = puts_at(a, y, 0, w, arrow, A_BOLD);
			int cw = (int)strlen(cnt);
			x += put_cut(a, y, x, w - x - cw, rw->text, A_BOLD);
			puts_at(a, y, w - cw, cw, cnt, 0);
			continue;
		}
		bool is_cur = rw->f->index == a->field;
		field_mark m = app_field_mark(a, rw->f);
		attr_t sel = is_cur ? A_REVERSE : 0;
		if (is_cur)
			fill(y, 0, w, A_REVERSE);
		puts_at(a, y, 0, 2, is_cur ? ">" : " ", sel | A_BOLD);
		puts_at(a, y, 1, 1, marker(a, m), sel | mark_attr(a, m));
		put_cut(a, y, 3, w - 3, rw->text, sel);
	}
}

/* The lines of this field's findings, most severe first. */
static int field_findings(const app *a, const std_field *f, const finding **out, int max)
{
	int n = 0;
	for (int sev = SEV_ERROR; sev <= SEV_NOTE; sev++)
		for (size_t i = 0; i < a->fs.n && n < max; i++)
			if (a->fs.v[i].field == f && (int)a->fs.v[i].sev == sev)
				out[n++] = &a->fs.v[i];
	return n;
}

/* The guidance of f as one text: what to write, tips, example, limits. */
static void guidance_text(app *a, const std_field *f)
{
	const std_guidance *g = &f->guide[a->lang];
	strbuf b = STRBUF_INIT;
	if (g->what)
		sb_printf(&b, "%s\n", g->what);
	for (size_t i = 0; i < g->ntips; i++)
		sb_printf(&b, "%s %s\n", a->utf8 ? "•" : "-", g->tips[i]);
	if (g->example)
		sb_printf(&b, "%s\n%s\n", _("Example:"), g->example);
	if (f->max_length && f->kind != FK_MONTH)
		sb_printf(&b, _("At most %d characters, counted as the register counts them."), f->max_length);
	else if (f->kind == FK_MONTH)
		sb_adds(&b, _("Year and month, e.g. 2024-03."));
	if (f->max_length)
		sb_addc(&b, ' ');
	if (f->required)
		sb_adds(&b, _("The register requires this field."));
	else if (f->show_always)
		sb_adds(&b, _("Optional, but the register always shows it, also when empty."));
	else
		sb_adds(&b, _("Optional; the register shows it only when filled."));
	tb_set(&a->guide, b.s, b.len);
	sb_done(&b);
}

/* The guidance of f in h rows from y, from row skip; skip < 0: the pane
 * beside or below the field, which scrolls by a->guide_top and says in its
 * heading when there is more, and which key shows it. */
static void guidance(app *a, const std_field *f, int y, int x, int w, int h, int skip)
{
	int hx = puts_at(a, y, x, w, _("Guidance"), A_BOLD | A_UNDERLINE);
	if (a->guide_field != f || a->guide_lang != a->lang) {
		guidance_text(a, f);
		a->guide_field = f;
		a->guide_lang = a->lang;
	}
	if (skip < 0 && w > 0) {
		size_t total;
		tb_layout(&a->guide, w, &total);
		size_t rows = h > 1 ? (size_t)(h - 1) : 0;
		size_t max_top = total > rows ? total - rows : 0;
		if (a->guide_top > max_top)
			a->guide_top = max_top;
		skip = (int)a->guide_top;
		const char *more = a->guide_top < max_top ? (a->guide_top ? _(" (more: Alt-PgDn, back: Alt-PgUp)") : _(" (more: Alt-PgDn)"))
		                   : a->guide_top ? _(" (back: Alt-PgUp)") : NULL;
		if (more)
			puts_at(a, y, x + hx, w - hx, more, A_DIM);
	}
	wrapped_tb(a, y + 1, x, w, h - 1, skip, &a->guide, 0);
}

static int guidance_rows(const app *a, const std_field *f, int w)
{
	const std_guidance *g = &f->guide[a->lang];
	int n = 2 + wrapped_rows(g->what, w) + 2;
	for (size_t i = 0; i < g->ntips; i++)
		n += wrapped_rows(g->tips[i], w - 2);
	if (g->example)
		n += 1 + wrapped_rows(g->example, w);
	return n;
}

static void frame(int y, int x, int w, int h)
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

static bool in_marks(const app *a, size_t off)
{
	for (size_t i = 0; i < a->nmarks; i++)
		if (off >= a->marks[i].start && off < a->marks[i].end)
			return true;
	return false;
}

/* The text editor's rows; sets the cursor position. */
static void text_area(app *a, int y, int x, int w, int h, int *cy, int *cx)
{
	textbuf *tb = &a->tb;
	int tw = w - 1 > 1 ? w - 1 : 1;
	a->text_width = tw;
	size_t n, row;
	int col;
	const tb_line *l = tb_layout(tb, tw, &n);
	tb_cursor_pos(tb, tw, &row, &col);
	l = tb->lines;
	if (row < a->text_top)
		a->text_top = row;
	if (row >= a->text_top + (size_t)h)
		a->text_top = row - (size_t)h + 1;
	if (a->text_top + (size_t)h > n)
		a->text_top = n > (size_t)h ? n - (size_t)h : 0;
	for (size_t r = a->text_top; r < n && r < a->text_top + (size_t)h; r++) {
		int yy = y + (int)(r - a->text_top);
		if (!a->nmarks) {
			put_text(a, yy, x, w, tb->s + l[r].start, l[r].end - l[r].start, 0);
			continue;
		}
		/* Underline the spans the spell-checker marked, cluster by cluster. */
		int used = 0;
		for (size_t p = l[r].start; p < l[r].end;) {
			size_t k = tb_next_cluster(tb->s, tb->len, p);
			if (p + k > l[r].end)
				k = l[r].end - p;
			used += put_text(a, yy, x + used, w - used, tb->s + p, k,
			                 in_marks(a, p) ? A_UNDERLINE | pair_attr(a, P_ERROR) : 0);
			p += k;
		}
	}
	*cy = y + (int)(row - a->text_top);
	*cx = x + (col < w ? col : w - 1);
	if (n > (size_t)h) {
		char more[32];
		snprintf(more, sizeof more, "%zu-%zu/%zu", a->text_top + 1,
		         a->text_top + (size_t)h < n ? a->text_top + (size_t)h : n, n);
		(void)more;
	}
}

static void choice_area(app *a, const std_field *f, int y, int x, int w, int h)
{
	const ynode *v = desc_get(a->d, f);
	size_t top = a->sel >= (size_t)h ? a->sel - (size_t)h + 1 : 0;
	for (size_t i = top; i < f->nvalues && i < top + (size_t)h; i++) {
		bool on = false;
		if (f->kind == FK_CHOICE)
			on = v && v->type == Y_STR && !strcmp(v->str, f->values[i]);
		else
			for (size_t k = 0; v && v->type == Y_SEQ && k < v->n; k++)
				on |= v->kids[k]->type == Y_STR && !strcmp(v->kids[k]->str, f->values[i]);
		const char *box = f->kind == FK_CHOICE ? (on ? "(•) " : "( ) ") : (on ? "[x] " : "[ ] ");
		if (f->kind == FK_CHOICE && !a->utf8 && on)
			box = "(*) ";
		attr_t at = i == a->sel ? A_REVERSE : 0;
		int yy = y + (int)(i - top);
		if (i == a->sel)
			fill(yy, x, w, at);
		int xx = puts_at(a, yy, x, w, i == a->sel ? ">" : " ", at | A_BOLD);
		xx += puts_at(a, yy, x + xx, w - xx, box, at | (on ? A_BOLD : 0));
		puts_at(a, yy, x + xx, w - xx, f->values[i], at | (on ? A_BOLD : 0));
	}
}

static void items_area(app *a, const std_field *f, int y, int x, int w, int h, int *cy, int *cx)
{
	const ynode *v = desc_get(a->d, f);
	size_t n = v && v->type == Y_SEQ ? v->n : 0;
	int row = 0;
	/* Scrolled only as far as the highlighted item (all its rows while it
	 * is edited) needs: item 1 stays in view while a row is free. */
	size_t sel_rows = a->editing_item ? f->nitems : 1;
	size_t top = a->sel + sel_rows > (size_t)h ? a->sel + sel_rows - (size_t)h : 0;
	for (size_t i = top; i <= n && row < h; i++) {
		attr_t at = i == a->sel && !a->editing_item ? A_REVERSE : 0;
		if (at)
			fill(y + row, x, w, at);
		if (i == n) {
			if (!(a->editing_item && a->sel == n))
			{
				int ax = puts_at(a, y + row, x, w, i == a->sel ? ">" : " ", at | A_BOLD);
				puts_at(a, y + row++, x + ax, w - ax, _("+ add an item (Enter)"), at);
			}
			if (!a->editing_item || a->sel != n)
				continue;
		}
		const ynode *it = i < n ? v->kids[i] : NULL;
		char num[16];
		snprintf(num, sizeof num, "%zu. ", i + 1);
		int xx = puts_at(a, y + row, x, w, i == a->sel ? ">" : " ", at | A_BOLD);
		xx += puts_at(a, y + row, x + xx, w - xx, num, at);
		for (size_t k = 0; k < f->nitems; k++) {
			const char *t = ynode_str(ynode_get(it, f->items[k].key));
			if (a->editing_item && a->sel == i) {
				if (k > 0)
					row++;
				if (row >= h)
					break;
				const char *lab = f->items[k].label[a->lang];
				int lx = puts_at(a, y + row, x + xx, w - xx, lab, A_BOLD);
				lx += puts_at(a, y + row, x + xx + lx, w - xx - lx, ": ", A_BOLD);
				int ex = x + xx + lx, ew = w - xx - lx;
				if (k == a->item_part) {
					/* The part being edited scrolls to keep the cursor in view. */
					int col = tb_text_width(a->tb.s, a->tb.cur);
					size_t start = 0;
					while (col >= ew - 1 && start < a->tb.cur) {
						size_t nk = tb_next_cluster(a->tb.s, a->tb.len, start);
						col -= tb_text_width(a->tb.s + start, nk);
						start += nk;
					}
					put_text(a, y + row, ex, ew, a->tb.s + start, a->tb.len - start, A_UNDERLINE);
					*cy = y + row;
					*cx = ex + col;
					/* The register's known names for this part, as
					 * completions: ↓ ↑ highlight one, Enter takes it. */
					size_t m[APP_MAX_SUGGESTIONS];
					size_t nm = app_item_suggestions(a, m, APP_MAX_SUGGESTIONS);
					const std_subfield *sf = &f->items[k];
					/* Under the label, with the width of the box. */
					int sx = x + xx, sw = w - xx;
					if (nm && row + 1 < h) {
						row++;
						puts_at(a, y + row, sx, sw, _("Suggestions (↓ ↑ choose, Enter takes it):"), A_DIM);
					}
					for (size_t s = 0; s < nm && row + 1 < h; s++) {
						row++;
						attr_t sa = s + 1 == a->sugg_sel ? A_REVERSE : 0;
						if (sa)
							fill(y + row, sx, sw, sa);
						put_cut(a, y + row, sx + 2, sw - 2, sf->suggestions[m[s]], sa);
					}
				} else if (t) {
					puts_at(a, y + row, ex, ew, t, 0);
				}
			} else {
				if (k > 0)
					xx += puts_at(a, y + row, x + xx, w - xx, " — ", at);
				xx += puts_at(a, y + row, x + xx, w - xx, t ? t : "…", at);
			}
		}
		row++;
	}
}

static void middle(app *a, int top, int h, int x, int w, bool guide_below, int *cy, int *cx)
{
	const std_field *f = cur(a);
	const std_section *sec = &a->std->sections[f->section];
	char crumb[256];
	snprintf(crumb, sizeof crumb, _("Section %zu/%zu %s · field %zu/%zu"), f->section + 1,
	         a->std->nsections, sec->label[a->lang], f->index - sec->first + 1, sec->count);
	puts_at(a, top, x, w, crumb, A_DIM);

	const finding *fnd[8];
	int nf = field_findings(a, f, fnd, 8);
	int frows = 0;
	for (int i = 0; i < nf; i++)
		frows += wrapped_rows(fnd[i]->msg, w - 2);
	if (frows > 4)
		frows = 4;

	int avail = h - 1;
	int want;
	size_t nit = 0;
	switch (f->kind) {
	case FK_RICH: {
		size_t nl;
		tb_layout(&a->tb, w - 3 > 1 ? w - 3 : 1, &nl);
		want = (int)nl + 1 < 6 ? 6 : (int)nl + 1;
		break;
	}
	case FK_CHOICE:
	case FK_MULTI: want = (int)f->nvalues; break;
	case FK_ITEMS: {
		const ynode *v = desc_get(a->d, f);
		nit = v && v->type == Y_SEQ ? v->n : 0;
		want = (int)nit + 1 + (a->editing_item ? (int)f->nitems : 0);
		size_t sm[APP_MAX_SUGGESTIONS];
		size_t ns = app_item_suggestions(a, sm, APP_MAX_SUGGESTIONS);
		if (ns)
			want += (int)ns + 1;
		break;
	}
	case FK_TEXT:
	case FK_LINK:
	case FK_CONTACT: {
		/* One row, growing as the text wraps, so that a long name or
		 * address is seen whole while it is typed: as far as the room
		 * there is, or four rows where the guidance is below. */
		size_t nl;
		tb_layout(&a->tb, w - 3 > 1 ? w - 3 : 1, &nl);
		size_t cap = guide_below ? 4 : nl;
		want = nl > cap ? (int)cap : nl < 1 ? 1 : (int)nl;
		break;
	}
	default: want = 1; break;
	}
	int max_ed = avail - 2 - frows - (guide_below ? 6 : 0);
	if (f->kind == FK_RICH && guide_below && max_ed > 10)
		max_ed = 10;
	int ed = want < max_ed ? want : max_ed;
	if (ed < 1)
		ed = 1;

	/* The frame: label on top, counter below. */
	int fy = top + 1;
	frame(fy, x, w, ed + 2);
	int lx = x + 2;
	lx += puts_at(a, fy, lx, w - 4, " ", 0);
	lx += puts_at(a, fy, lx, w - 6, f->label[a->lang], A_BOLD);
	const char *tag = f->required ? _("required") : f->show_always ? _("always shown") : _("optional");
	lx += puts_at(a, fy, lx, x + w - 2 - lx, " · ", 0);
	lx += puts_at(a, fy, lx, x + w - 2 - lx, tag, f->required ? A_BOLD : 0);
	puts_at(a, fy, lx, x + w - 2 - lx, " ", 0);

	if (app_field_is_text(f)) {
		text_area(a, fy + 1, x + 1, w - 2, ed, cy, cx);
		int cw = 0;
		if (f->max_length && f->kind != FK_MONTH) {
			size_t count = a->len_cache.f == f && a->len_cache.version == a->tb.version
			                       ? a->len_cache.count
			                       : field_register_length(a->d, f, a->tb.s, a->tb.len);
			char cnt[96];
			bool over = count > (size_t)f->max_length;
			if (over)
				snprintf(cnt, sizeof cnt, _(" ! %zu/%d, %zu too many "), count, f->max_length,
				         count - (size_t)f->max_length);
			else
				snprintf(cnt, sizeof cnt, " %zu/%d ", count, f->max_length);
			cw = tb_text_width(cnt, strlen(cnt));
			puts_at(a, fy + ed + 1, x + w - 2 - cw, cw, cnt,
			        over ? pair_attr(a, P_ERROR) | A_BOLD | A_REVERSE : 0);
		}
		if (f->kind == FK_RICH && !a->editing_item)
			puts_at(a, fy + ed + 1, x + 2, w - 5 - cw, _(" Enter: new line · Tab: next field "), A_DIM);
	} else if (f->kind == FK_CHOICE || f->kind == FK_MULTI) {
		choice_area(a, f, fy + 1, x + 1, w - 2, ed);
		puts_at(a, fy + ed + 1, x + 2, w - 4,
		        f->kind == FK_CHOICE ? _(" ↑↓ move · Enter: choose and go on ") : _(" ↑↓ move · Space: tick · Enter: next field "),
		        A_DIM);
	} else if (f->kind == FK_ITEMS) {
		items_area(a, f, fy + 1, x + 1, w - 2, ed, cy, cx);
		char cnt[64];
		snprintf(cnt, sizeof cnt, P_(" %zu item ", " %zu items ", nit), nit);
		int cw = tb_text_width(cnt, strlen(cnt));
		puts_at(a, fy + ed + 1, x + w - 2 - cw, cw, cnt, 0);
	}

	/* Live findings right under the field. */
	int y = fy + ed + 2;
	int used = 0;
	for (int i = 0; i < nf && used < frows; i++) {
		const char *m = fnd[i]->sev == SEV_ERROR ? "!" : fnd[i]->sev == SEV_WARNING ? "?" : "~";
		attr_t at = fnd[i]->sev == SEV_ERROR ? pair_attr(a, P_ERROR) | A_BOLD
		            : fnd[i]->sev == SEV_WARNING ? pair_attr(a, P_WARN) : 0;
		puts_at(a, y + used, x, 2, m, at);
		used += wrapped(a, y + used, x + 2, w - 2, frows - used, 0, fnd[i]->msg, at);
	}
	if (guide_below) {
		int gy = y + frows;
		int gh = top + h - gy;
		if (gh >= 3) {
			mvhline(gy, x, ACS_HLINE, w);
			guidance(a, f, gy + 1, x, w, gh - 1, -1);
		}
	}
}

static void form_screen(app *a, int *cy, int *cx)
{
	size_t rf, rt, af, at, errors;
	app_progress(a, &rf, &rt, &af, &at, &errors);
	char right[160];
	snprintf(right, sizeof right, _("required %zu/%zu · always shown %zu/%zu · %zu errors"), rf, rt, af, at,
	         errors);
	const char *base = strrchr(a->path, '/');
	base = base ? base + 1 : a->path;
	char left[300];
	snprintf(left, sizeof left, "algedit · %s%s", base, a->modified ? _(" (not saved)") : "");
	char right2[100];
	snprintf(right2, sizeof right2, _("required %zu/%zu · %zu errors"), rf, rt, errors);
	title_bar(a, left, right, right2);

	const layout *l = &a->lay;
	int top = l->body_top, h = l->body_h;
	int lw = l->side_w;
	if (lw) {
		left_panel(a, top, h, lw - 1);
		mvvline(top, lw - 1, ACS_VLINE, h);
	}
	int x = l->main_x, w = l->main_w;
	bool guide_right = l->guide_shown && l->guide_right_fits;
	bool guide_below = l->guide_shown && l->guide_below_fits;
	if (guide_right) {
		mvvline(top, x + w + 1, ACS_VLINE, h);
		guidance(a, cur(a), top, l->guide_x, l->guide_w, h, -1);
	}
	middle(a, top, h, x, w, guide_below, cy, cx);
}

/* ---- the list ---- */

static void list_screen(app *a)
{
	char left[256], right[128];
	snprintf(left, sizeof left, _("algedit · descriptions in %s"), a->repo);
	if (a->nloaded < a->nentries)
		snprintf(right, sizeof right, _("%zu of %zu (reading %zu)"), a->nshown, a->nentries, a->nloaded);
	else
		snprintf(right, sizeof right, _("%zu of %zu"), a->nshown, a->nentries);
	title_bar(a, left, right, NULL);
	int x = puts_at(a, 1, 0, a->cols, _("Filter (type): "), A_BOLD);
	put_text(a, 1, x, a->cols - x, a->filter.s, a->filter.len, A_UNDERLINE);
	int w = a->cols;
	int cw_status = 16, cw_req = 14, cw_err = 7, cw_date = 11;
	int cw_name = w - cw_status - cw_req - cw_err - cw_date - 4;
	if (cw_name < 16) {
		cw_date = 0;
		cw_name = w - cw_status - cw_req - cw_err - 3;
	}
	int y = 2;
	int cx = 0;
	cx += puts_at(a, y, 2, cw_name - 2, _("Name"), A_BOLD);
	cx = cw_name + 1;
	puts_at(a, y, cx, cw_status, _("Status"), A_BOLD);
	cx += cw_status + 1;
	puts_at(a, y, cx, cw_req, _("Req./shown"), A_BOLD);
	cx += cw_req + 1;
	puts_at(a, y, cx, cw_err, _("Errors"), A_BOLD);
	cx += cw_err + 1;
	if (cw_date)
		puts_at(a, y, cx, cw_date, _("Changed"), A_BOLD);
	int h = a->lay.status_y - 3;
	if (a->list_sel < a->list_top)
		a->list_top = a->list_sel;
	if (a->list_sel >= a->list_top + (size_t)h)
		a->list_top = a->list_sel - (size_t)h + 1;
	if (a->nshown == 0)
		puts_at(a, 3, 0, a->cols, a->nentries ? _("Nothing matches the filter; Esc clears it.")
		                                     : _("No descriptions yet. Ctrl-N starts a new one."), 0);
	for (size_t k = a->list_top; k < a->nshown && k < a->list_top + (size_t)h; k++) {
		const list_entry *e = &a->entries[a->shown[k]];
		int yy = 3 + (int)(k - a->list_top);
		attr_t at = k == a->list_sel ? A_REVERSE : 0;
		if (at)
			fill(yy, 0, a->cols, at);
		const char *name = e->name ? e->name : e->slug;
		puts_at(a, yy, 0, 2, k == a->list_sel ? ">" : " ", at | A_BOLD);
		put_cut(a, yy, 2, cw_name - 2, name, at | (e->name ? 0 : A_DIM));
		cx = cw_name + 1;
		if (!e->loaded) {
			puts_at(a, yy, cx, cw_status, "…", at);
			continue;
		}
		puts_at(a, yy, cx, cw_status, e->status ? e->status : "-", at);
		cx += cw_status + 1;
		char buf[64];
		snprintf(buf, sizeof buf, "%zu/%zu %zu/%zu", e->req_filled, e->req_total, e->always_filled, e->always_total);
		puts_at(a, yy, cx, cw_req, buf, at);
		cx += cw_req + 1;
		snprintf(buf, sizeof buf, "%s%zu", e->errors ? "! " : "  ", e->errors);
		puts_at(a, yy, cx, cw_err, buf, at | (e->errors ? pair_attr(a, P_ERROR) | A_BOLD : 0));
		cx += cw_err + 1;
		if (cw_date) {
			struct tm tm;
			localtime_r(&e->mtime, &tm);
			strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
			puts_at(a, yy, cx, cw_date, buf, at);
		}
	}
}

/* ---- overlays ---- */

static void dialog_box(app *a, int y, int x, int w, int h, const char *title)
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

static void question(app *a, const char *title, const char *text, int *cy, int *cx)
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

static void help_screen(app *a)
{
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "%s\n", _("The marks before each field:"));
	sb_printf(&b, "  *  %s\n  !  %s\n  ?  %s\n  %s  %s\n     %s\n\n", _("required and still missing"),
	          _("an error: the register would refuse it, or the standard does not allow it"),
	          _("a warning: allowed, but worth a look"), a->utf8 ? "✓" : "+", _("filled in"),
	          _("optional and empty"));
	char *keys_text = help_keys_text();
	sb_adds(&b, keys_text);
	free(keys_text);
	title_bar(a, _("algedit · help (Esc closes, arrows scroll)"), "", NULL);
	int h = a->lay.body_h;
	int total = wrapped_rows(b.s, a->cols - 2);
	if ((int)a->help_top > total - h)
		a->help_top = total > h ? (size_t)(total - h) : 0;
	wrapped(a, 1, 1, a->cols - 2, h, (int)a->help_top, b.s, 0);
	sb_done(&b);
}

static void guide_screen(app *a)
{
	const std_field *f = cur(a);
	title_bar(a, f->label[a->lang], _("Esc closes"), NULL);
	int h = a->lay.body_h;
	int total = guidance_rows(a, f, a->cols - 2);
	if ((int)a->help_top > total - h)
		a->help_top = total > h ? (size_t)(total - h) : 0;
	guidance(a, f, 1, 1, a->cols - 2, h, (int)a->help_top);
}

static void jump_box(app *a, int *cy, int *cx)
{
	int w = a->cols - 4 < 60 ? a->cols - 4 : 60;
	int h = a->rows - 6 < 16 ? a->rows - 6 : 16;
	int y = 2, x = (a->cols - w) / 2;
	dialog_box(a, y, x, w, h, _("Go to field"));
	int px = puts_at(a, y + 1, x + 2, w - 4, _("Part of the field's name: "), A_BOLD);
	put_text(a, y + 1, x + 2 + px, w - 4 - px, a->prompt.s, a->prompt.len, A_UNDERLINE);
	*cy = y + 1;
	*cx = x + 2 + px + tb_text_width(a->prompt.s, a->prompt.cur);
	size_t m[64];
	size_t n = app_jump_matches(a, m, 64);
	if (a->prompt_sel >= n && n)
		a->prompt_sel = n - 1;
	int rows = h - 3;
	size_t first = a->prompt_sel >= (size_t)rows ? a->prompt_sel - (size_t)rows + 1 : 0;
	for (size_t i = first; i < n && (int)(i - first) < rows; i++) {
		const std_field *f = &a->std->fields[m[i]];
		attr_t at = i == a->prompt_sel ? A_REVERSE : 0;
		int yy = y + 2 + (int)(i - first);
		if (at)
			fill(yy, x + 1, w - 2, at);
		field_mark mk = app_field_mark(a, f);
		puts_at(a, yy, x + 2, 1, marker(a, mk), at | mark_attr(a, mk));
		int lx = puts_at(a, yy, x + 4, w - 6, f->label[a->lang], at);
		char sec[128];
		snprintf(sec, sizeof sec, " (%s)", a->std->sections[f->section].label[a->lang]);
		puts_at(a, yy, x + 4 + lx, w - 6 - lx, sec, at | A_DIM);
	}
}

/* The templates of a file, filtered by what is typed. */
static void template_box(app *a, int *cy, int *cx)
{
	int w = a->cols - 4 < 70 ? a->cols - 4 : 70;
	int h = a->rows - 6 < 16 ? a->rows - 6 : 16;
	int y = 2, x = (a->cols - w) / 2;
	dialog_box(a, y, x, w, h, _("Choose a template"));
	int px = puts_at(a, y + 1, x + 2, w - 4, _("Filter: "), A_BOLD);
	put_text(a, y + 1, x + 2 + px, w - 4 - px, a->prompt.s, a->prompt.len, A_UNDERLINE);
	*cy = y + 1;
	*cx = x + 2 + px + tb_text_width(a->prompt.s, a->prompt.cur);
	size_t m[256];
	size_t n = list_template_matches(a, m, 256);
	if (a->prompt_sel >= n && n)
		a->prompt_sel = n - 1;
	int rows = h - 3;
	size_t first = a->prompt_sel >= (size_t)rows ? a->prompt_sel - (size_t)rows + 1 : 0;
	for (size_t i = first; i < n && (int)(i - first) < rows; i++) {
		const template_entry *t = &a->tpl[m[i]];
		attr_t at = i == a->prompt_sel ? A_REVERSE : 0;
		int yy = y + 2 + (int)(i - first);
		if (at)
			fill(yy, x + 1, w - 2, at);
		puts_at(a, yy, x + 2, 2, at ? ">" : " ", at | A_BOLD);
		int lx = puts_at(a, yy, x + 4, w - 6, t->name ? t->name : "-", at);
		if (t->id) {
			char *id = xasprintf(" (%s)", t->id);
			puts_at(a, yy, x + 4 + lx, w - 6 - lx, id, at | A_DIM);
			free(id);
		}
	}
}

static void prompt_box(app *a, const char *title, const char *label, int *cy, int *cx)
{
	int w = a->cols - 4 < 70 ? a->cols - 4 : 70;
	int y = a->rows / 2 - 2, x = (a->cols - w) / 2;
	dialog_box(a, y, x, w, 3, title);
	int px = puts_at(a, y + 1, x + 2, w - 4, label, A_BOLD);
	int ew = w - 4 - px;
	int col = tb_text_width(a->prompt.s, a->prompt.cur);
	size_t start = 0;
	while (col >= ew - 1 && start < a->prompt.cur) {
		size_t k = tb_next_cluster(a->prompt.s, a->prompt.len, start);
		col -= tb_text_width(a->prompt.s + start, k);
		start += k;
	}
	put_text(a, y + 1, x + 2 + px, ew, a->prompt.s + start, a->prompt.len - start, A_UNDERLINE);
	*cy = y + 1;
	*cx = x + 2 + px + col;
}

void draw(app *a)
{
	/* The loop lays out each turn; a caller without a loop gets it here. */
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	if (a->lay.rows != rows || a->lay.cols != cols)
		app_relayout(a, rows, cols);
	erase();
	int cy = -1, cx = -1;
	if (a->lay.too_small) {
		puts_at(a, 0, 0, a->cols, _("The window is too small: make it at least 40×10."), A_BOLD);
		refresh();
		return;
	}
	if (a->ov == OV_HELP) {
		help_screen(a);
	} else if (a->ov == OV_GUIDE) {
		guide_screen(a);
	} else if (a->in_list || !a->d) {
		list_screen(a);
		if (a->ov == OV_NEWNAME)
			prompt_box(a, _("New description"), _("Name: "), &cy, &cx);
		else if (a->ov == OV_TPLFILE)
			prompt_box(a, _("New description from a template"), _("Template file: "), &cy, &cx);
		else if (a->ov == OV_TPLPICK)
			template_box(a, &cy, &cx);
		else if (a->ov == OV_REMOVE && a->list_sel < a->nshown) {
			const list_entry *e = &a->entries[a->shown[a->list_sel]];
			char *t = persist->remove_restorable
			                  ? xasprintf(_("Delete \"%s\" (%s)? Enter or Ctrl-D deletes it, algedit restore %s brings it back; Esc keeps it."),
			                              e->name ? e->name : e->slug, e->path, e->slug)
			                  : xasprintf(_("Delete \"%s\" (%s)? Enter or Ctrl-D deletes it; Esc keeps it."),
			                              e->name ? e->name : e->slug, e->path);
			question(a, _("Delete description"), t, &cy, &cx);
			free(t);
		}
	} else {
		form_screen(a, &cy, &cx);
		if (a->ov == OV_JUMP)
			jump_box(a, &cy, &cx);
		else if (a->ov == OV_QUIT)
			question(a, _("Unsaved changes"),
			         _("This description has changes that are not saved. Ctrl-S saves and closes; Ctrl-Q closes without saving; Esc goes back."),
			         &cy, &cx);
		else if (a->ov == OV_SPELL) {
			char *t = spell_ui_menu_text(a);
			question(a, _("Spelling"), t, &cy, &cx);
			free(t);
		} else if (a->ov == OV_RECOVER) {
			char when[64];
			struct tm tm;
			localtime_r(&a->recover_when, &tm);
			strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
			char *t = a->recover_fields
			                  ? xasprintf(_("Text typed on %s was not saved (the editor was closed or the computer stopped). It is in: %s. Enter or Ctrl-R takes it back; Esc opens the saved version."),
			                              when, a->recover_fields)
			                  : xasprintf(_("Text typed on %s was not saved (the editor was closed or the computer stopped). Enter or Ctrl-R takes it back; Esc opens the saved version."),
			                              when);
			question(a, _("Unsaved text found"), t, &cy, &cx);
			free(t);
		}
	}
	status_line(a, a->lay.status_y, a->lay.status_h);
	key_bar(a, a->lay.keybar_y);
	if (cy >= 0 && cx >= 0) {
		move(cy, cx);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}
