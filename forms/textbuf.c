/* textbuf: the editor's text model (see textbuf.h). Widths come from our own
 * small tables rather than wcwidth(3) because wcwidth answers by the current
 * locale: the model must wrap the same way in a unit test under "C" as in the
 * editor under nl_NL.UTF-8. */
#include "config.h"
#include "forms/textbuf.h"
#include "base/base.h"
#include "base/escape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct range { uint32_t lo, hi; } range;

/* Combining marks and other code points that attach to the one before. */
static const range attach_tab[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x05BF, 0x05BF },
	{ 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 }, { 0x05C7, 0x05C7 }, { 0x0610, 0x061A },
	{ 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06DC }, { 0x06DF, 0x06E4 },
	{ 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED }, { 0x0711, 0x0711 }, { 0x0730, 0x074A },
	{ 0x0900, 0x0902 }, { 0x093A, 0x093A }, { 0x093C, 0x093C }, { 0x0941, 0x0948 },
	{ 0x094D, 0x094D }, { 0x0951, 0x0957 }, { 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A },
	{ 0x0E47, 0x0E4E }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200C, 0x200D },
	{ 0x20D0, 0x20FF }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, { 0x1F3FB, 0x1F3FF },
	{ 0xE0020, 0xE007F }, { 0xE0100, 0xE01EF },
};

/* Wide (East Asian) and emoji-presentation code points: two columns. */
static const range wide_tab[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A }, { 0x23E9, 0x23EC },
	{ 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 }, { 0x25FD, 0x25FE }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 }, { 0x26CE, 0x26CE },
	{ 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA }, { 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 },
	{ 0x26FA, 0x26FA }, { 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF },
	{ 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF },
	{ 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 },
	{ 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FE4 },
	{ 0x17000, 0x18AFF }, { 0x1B000, 0x1B2FF }, { 0x1F004, 0x1F004 }, { 0x1F0CF, 0x1F0CF },
	{ 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A }, { 0x1F200, 0x1F202 }, { 0x1F210, 0x1F23B },
	{ 0x1F240, 0x1F248 }, { 0x1F250, 0x1F251 }, { 0x1F260, 0x1F265 }, { 0x1F300, 0x1F320 },
	{ 0x1F32D, 0x1F335 }, { 0x1F337, 0x1F37C }, { 0x1F37E, 0x1F393 }, { 0x1F3A0, 0x1F3CA },
	{ 0x1F3CF, 0x1F3D3 }, { 0x1F3E0, 0x1F3F0 }, { 0x1F3F4, 0x1F3F4 }, { 0x1F3F8, 0x1F3FA },
	{ 0x1F400, 0x1F43E }, { 0x1F440, 0x1F440 }, { 0x1F442, 0x1F4FC }, { 0x1F4FF, 0x1F53D },
	{ 0x1F54B, 0x1F54E }, { 0x1F550, 0x1F567 }, { 0x1F57A, 0x1F57A }, { 0x1F595, 0x1F596 },
	{ 0x1F5A4, 0x1F5A4 }, { 0x1F5FB, 0x1F64F }, { 0x1F680, 0x1F6C5 }, { 0x1F6CC, 0x1F6CC },
	{ 0x1F6D0, 0x1F6D2 }, { 0x1F6D5, 0x1F6D7 }, { 0x1F6EB, 0x1F6EC }, { 0x1F6F4, 0x1F6FC },
	{ 0x1F7E0, 0x1F7EB }, { 0x1F90C, 0x1F93A }, { 0x1F93C, 0x1F945 }, { 0x1F947, 0x1F9FF },
	{ 0x1FA70, 0x1FAFF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

static bool in_table(uint32_t cp, const range *t, size_t n)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

bool tb_cp_attaches(uint32_t cp)
{
	return cp >= 0x300 && in_table(cp, attach_tab, NELEM(attach_tab));
}

/* The same forms as every command's output (base/escape.h); a newline is
 * the buffer's own line break, not a character to show. */
const char *tb_cp_escape(uint32_t cp, char buf[12])
{
	return cp == '\n' ? NULL : esc_cp(cp, 0, buf);
}

int tb_cp_width(uint32_t cp)
{
	char buf[12];
	if (cp < 0x7F && cp >= 0x20)
		return 1;
	const char *e = tb_cp_escape(cp, buf);
	if (e)
		return (int)strlen(e);
	if (cp == '\n')
		return 0;
	if (tb_cp_attaches(cp))
		return 0;
	if (cp >= 0x1100 && in_table(cp, wide_tab, NELEM(wide_tab)))
		return 2;
	return 1;
}

/* Decodes at off; an invalid byte counts as one code point U+FFFD. */
static size_t dec(const char *s, size_t len, size_t off, uint32_t *cp)
{
	int n = utf8_decode(s + off, len - off, cp);
	if (n <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	return (size_t)n;
}

static bool is_ri(uint32_t cp)
{
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

size_t tb_next_cluster(const char *s, size_t len, size_t off)
{
	if (off >= len)
		return 0;
	/* An ASCII byte before another ASCII byte (or the end) is a cluster of
	 * its own: ASCII never attaches, joins or pairs. Most of Dutch prose,
	 * and the layout of a long field asks for every character. */
	if ((unsigned char)s[off] < 0x80 && (off + 1 >= len || (unsigned char)s[off + 1] < 0x80))
		return 1;
	uint32_t cp, prev;
	size_t p = off + dec(s, len, off, &cp);
	if (cp == '\n')
		return p - off;
	bool ri_open = is_ri(cp);
	prev = cp;
	while (p < len) {
		uint32_t next;
		size_t n = dec(s, len, p, &next);
		if (next == '\n')
			break;
		if (tb_cp_attaches(next) || prev == 0x200D) {
			/* part of the cluster */
		} else if (ri_open && is_ri(next)) {
			ri_open = false;
		} else {
			break;
		}
		prev = next;
		p += n;
	}
	return p - off;
}

/* The start of the code point that ends at off. */
static size_t cp_back(const char *s, size_t off)
{
	if (off == 0)
		return 0;
	size_t p = off - 1;
	while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80 && off - p < 4)
		p--;
	return p;
}

size_t tb_prev_cluster(const char *s, size_t len, size_t off)
{
	if (off == 0)
		return 0;
	/* Back to a point that surely starts a cluster: the text start, just
	 * after a newline, or a non-attaching code point after an ASCII byte
	 * (ASCII is never a joiner or half of a flag). Then walk forward. */
	size_t safe = cp_back(s, off);
	while (safe > 0) {
		unsigned char b = (unsigned char)s[safe - 1];
		if (b == '\n')
			break;
		if (b < 0x80) {
			uint32_t cp;
			dec(s, len, safe, &cp);
			if (!tb_cp_attaches(cp))
				break;
		}
		safe = cp_back(s, safe);
	}
	size_t p = safe, last = safe;
	while (p < off) {
		last = p;
		size_t n = tb_next_cluster(s, len, p);
		if (n == 0)
			break;
		p += n;
	}
	return last;
}

int tb_text_width(const char *s, size_t n)
{
	int w = 0;
	for (size_t p = 0; p < n;) {
		uint32_t cp;
		p += dec(s, n, p, &cp);
		w += tb_cp_width(cp);
	}
	return w;
}

/* ---- buffer ---- */

void tb_init(textbuf *tb)
{
	memset(tb, 0, sizeof *tb);
	tb->s = xmalloc(16);
	tb->s[0] = 0;
	tb->cap = 16;
	tb->goal_col = -1;
	tb->layout_width = -1;
	tb->version = 1;
}

static void edit_free(tb_edit *e)
{
	free(e->del);
	free(e->ins);
}

static void clear_redo(textbuf *tb)
{
	for (size_t i = 0; i < tb->nredo; i++)
		edit_free(&tb->redo[i]);
	tb->nredo = 0;
}

static void clear_undo(textbuf *tb)
{
	for (size_t i = 0; i < tb->nundo; i++)
		edit_free(&tb->undo[i]);
	tb->nundo = 0;
	clear_redo(tb);
}

void tb_done(textbuf *tb)
{
	clear_undo(tb);
	free(tb->undo);
	free(tb->redo);
	free(tb->lines);
	free(tb->s);
	memset(tb, 0, sizeof *tb);
}

const char *tb_text(const textbuf *tb)
{
	return tb->s;
}

/* Cleans outside text: valid UTF-8, no NUL, newlines as "\n" (or spaces in a
 * single-line buffer). */
static char *clean(const textbuf *tb, const char *s, size_t n, size_t *out_len)
{
	strbuf b = STRBUF_INIT;
	sb_add(&b, "", 0);
	for (size_t p = 0; p < n;) {
		uint32_t cp;
		int k = utf8_decode(s + p, n - p, &cp);
		if (k <= 0) {
			sb_add_utf8(&b, 0xFFFD);
			p++;
			continue;
		}
		p += (size_t)k;
		if (cp == 0)
			continue;
		if (cp == '\r') {
			if (p < n && s[p] == '\n')
				continue;
			cp = '\n';
		}
		if (cp == '\n' && tb->single_line)
			cp = ' ';
		sb_add_utf8(&b, cp);
	}
	*out_len = b.len;
	return sb_take(&b);
}

static void reserve(textbuf *tb, size_t need)
{
	if (need + 1 <= tb->cap)
		return;
	size_t cap = tb->cap * 2;
	while (cap < need + 1)
		cap *= 2;
	tb->s = xrealloc(tb->s, cap);
	tb->cap = cap;
}

static void raw_insert(textbuf *tb, size_t pos, const char *s, size_t n)
{
	reserve(tb, tb->len + n);
	memmove(tb->s + pos + n, tb->s + pos, tb->len - pos + 1);
	memcpy(tb->s + pos, s, n);
	tb->len += n;
	tb->version++;
}

static void raw_delete(textbuf *tb, size_t pos, size_t n)
{
	memmove(tb->s + pos, tb->s + pos + n, tb->len - pos - n + 1);
	tb->len -= n;
	tb->version++;
}

void tb_set(textbuf *tb, const char *s, size_t n)
{
	size_t len;
	char *c = clean(tb, s ? s : "", s ? n : 0, &len);
	free(tb->s);
	tb->s = c;
	tb->len = len;
	tb->cap = len + 1;
	tb->cur = len;
	tb->goal_col = -1;
	tb->seal = true;
	tb->version++;
	clear_undo(tb);
}

/* A cleared slot at the end of an undo or redo stack. */
static tb_edit *push_edit(tb_edit **v, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	tb_edit *e = &(*v)[(*n)++];
	memset(e, 0, sizeof *e);
	return e;
}

static tb_edit *push_undo(textbuf *tb)
{
	return push_edit(&tb->undo, &tb->nundo, &tb->capundo);
}

static bool is_space_byte(char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

bool tb_insert(textbuf *tb, const char *s, size_t n, bool typing)
{
	size_t len;
	char *c = clean(tb, s, n, &len);
	if (len == 0 || (tb->max_bytes && tb->len + len > tb->max_bytes)) {
		free(c);
		return false;
	}
	clear_redo(tb);
	tb_edit *last = tb->nundo ? &tb->undo[tb->nundo - 1] : NULL;
	/* A run of typing is one undo step, cut where a new word starts. */
	bool merge = typing && !tb->seal && last && last->typing && last->ndel == 0 &&
	             last->pos + last->nins == tb->cur &&
	             (tb->burst || !(last->nins && is_space_byte(last->ins[last->nins - 1]) && !is_space_byte(c[0])));
	raw_insert(tb, tb->cur, c, len);
	if (merge) {
		last->ins = xrealloc(last->ins, last->nins + len);
		memcpy(last->ins + last->nins, c, len);
		last->nins += len;
		free(c);
		last->cur_after = tb->cur + len;
	} else {
		tb_edit *e = push_undo(tb);
		e->pos = tb->cur;
		e->ins = c;
		e->nins = len;
		e->cur_before = tb->cur;
		e->cur_after = tb->cur + len;
		e->typing = typing;
	}
	tb->cur += len;
	tb->goal_col = -1;
	tb->seal = !typing;
	return true;
}

bool tb_replace(textbuf *tb, size_t from, size_t to, const char *s, size_t n)
{
	if (from > to || to > tb->len)
		return false;
	size_t len;
	char *c = clean(tb, s, n, &len);
	if ((to - from == len && !memcmp(tb->s + from, c, len)) ||
	    (tb->max_bytes && tb->len - (to - from) + len > tb->max_bytes)) {
		free(c);
		return false;
	}
	clear_redo(tb);
	tb_edit *e = push_undo(tb);
	e->pos = from;
	e->del = to > from ? xstrndup(tb->s + from, to - from) : NULL;
	e->ndel = to - from;
	e->ins = len ? c : NULL;
	e->nins = len;
	e->cur_before = tb->cur;
	e->cur_after = from + len;
	if (!len)
		free(c);
	raw_delete(tb, from, to - from);
	if (len)
		raw_insert(tb, from, e->ins, len);
	tb->cur = from + len;
	tb->goal_col = -1;
	tb->seal = true;
	return true;
}

/* Deletes [from, to) as an undo step; backspacing runs merge into one. */
static void delete_range(textbuf *tb, size_t from, size_t to, bool run)
{
	if (to <= from)
		return;
	clear_redo(tb);
	tb_edit *last = tb->nundo ? &tb->undo[tb->nundo - 1] : NULL;
	if (run && !tb->seal && last && last->typing && last->nins == 0 && last->pos == to) {
		char *d = xmalloc(last->ndel + (to - from));
		memcpy(d, tb->s + from, to - from);
		memcpy(d + (to - from), last->del, last->ndel);
		free(last->del);
		last->del = d;
		last->ndel += to - from;
		last->pos = from;
		last->cur_after = from;
	} else {
		tb_edit *e = push_undo(tb);
		e->pos = from;
		e->del = xstrndup(tb->s + from, to - from);
		e->ndel = to - from;
		e->cur_before = tb->cur;
		e->cur_after = from;
		e->typing = run;
	}
	raw_delete(tb, from, to - from);
	tb->cur = from;
	tb->goal_col = -1;
	tb->seal = !run;
}

bool tb_backspace(textbuf *tb)
{
	if (tb->cur == 0)
		return false;
	/* The whole cluster goes: a letter with its accent, a joined emoji. */
	size_t start = tb_prev_cluster(tb->s, tb->len, tb->cur);
	delete_range(tb, start, tb->cur, true);
	return true;
}

bool tb_delete(textbuf *tb)
{
	size_t n = tb_next_cluster(tb->s, tb->len, tb->cur);
	if (n == 0)
		return false;
	tb->seal = true;
	delete_range(tb, tb->cur, tb->cur + n, false);
	return true;
}

/* Word characters: letters and digits of any script, and an apostrophe
 * between two of them (zo’n, auto's are one word). */
static bool word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return false;
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || cp >= 0x1F000)
		return false;
	return true;
}

static bool word_at(const textbuf *tb, size_t off)
{
	if (off >= tb->len)
		return false;
	uint32_t cp;
	dec(tb->s, tb->len, off, &cp);
	if (word_cp(cp))
		return true;
	if (cp == '\'' || cp == 0x2019) {
		size_t n = tb_next_cluster(tb->s, tb->len, off);
		if (off == 0 || off + n >= tb->len)
			return false;
		uint32_t a, b;
		dec(tb->s, tb->len, cp_back(tb->s, off), &a);
		dec(tb->s, tb->len, off + n, &b);
		return word_cp(a) && word_cp(b);
	}
	return false;
}

static size_t word_left_pos(const textbuf *tb)
{
	size_t p = tb->cur;
	while (p > 0) {
		size_t q = tb_prev_cluster(tb->s, tb->len, p);
		if (word_at(tb, q))
			break;
		p = q;
	}
	while (p > 0) {
		size_t q = tb_prev_cluster(tb->s, tb->len, p);
		if (!word_at(tb, q))
			break;
		p = q;
	}
	return p;
}

bool tb_delete_word_back(textbuf *tb)
{
	if (tb->cur == 0)
		return false;
	tb->seal = true;
	delete_range(tb, word_left_pos(tb), tb->cur, false);
	return true;
}

bool tb_delete_to_eol(textbuf *tb)
{
	size_t e = tb->cur;
	while (e < tb->len && tb->s[e] != '\n')
		e++;
	if (e == tb->cur && e < tb->len)
		e++;
	if (e == tb->cur)
		return false;
	tb->seal = true;
	delete_range(tb, tb->cur, e, false);
	return true;
}

static void moved(textbuf *tb)
{
	tb->seal = true;
	tb->goal_col = -1;
}

bool tb_left(textbuf *tb)
{
	moved(tb);
	if (tb->cur == 0)
		return false;
	tb->cur = tb_prev_cluster(tb->s, tb->len, tb->cur);
	return true;
}

bool tb_right(textbuf *tb)
{
	moved(tb);
	size_t n = tb_next_cluster(tb->s, tb->len, tb->cur);
	tb->cur += n;
	return n > 0;
}

void tb_word_left(textbuf *tb)
{
	moved(tb);
	tb->cur = word_left_pos(tb);
}

void tb_word_right(textbuf *tb)
{
	moved(tb);
	size_t p = tb->cur;
	while (p < tb->len && word_at(tb, p))
		p += tb_next_cluster(tb->s, tb->len, p);
	while (p < tb->len && !word_at(tb, p))
		p += tb_next_cluster(tb->s, tb->len, p);
	tb->cur = p;
}

void tb_top(textbuf *tb)
{
	moved(tb);
	tb->cur = 0;
}

void tb_bottom(textbuf *tb)
{
	moved(tb);
	tb->cur = tb->len;
}

void tb_set_cursor(textbuf *tb, size_t off)
{
	moved(tb);
	if (off >= tb->len) {
		tb->cur = tb->len;
		return;
	}
	size_t p = tb_prev_cluster(tb->s, tb->len, off);
	size_t n = tb_next_cluster(tb->s, tb->len, p);
	tb->cur = p + n == off ? off : p;
}

/* ---- undo ---- */

bool tb_undo(textbuf *tb)
{
	if (tb->nundo == 0)
		return false;
	tb_edit e = tb->undo[--tb->nundo];
	if (e.nins)
		raw_delete(tb, e.pos, e.nins);
	if (e.ndel)
		raw_insert(tb, e.pos, e.del, e.ndel);
	tb->cur = e.cur_before;
	*push_edit(&tb->redo, &tb->nredo, &tb->capredo) = e;
	moved(tb);
	return true;
}

void tb_history_done(tb_history *h)
{
	for (size_t i = 0; i < h->nundo; i++)
		edit_free(&h->undo[i]);
	for (size_t i = 0; i < h->nredo; i++)
		edit_free(&h->redo[i]);
	free(h->undo);
	free(h->redo);
	free(h->text);
	memset(h, 0, sizeof *h);
}

void tb_history_save(textbuf *tb, tb_history *h)
{
	tb_history_done(h);
	if (tb->nundo == 0 && tb->nredo == 0)
		return;
	h->text = xstrndup(tb->s, tb->len);
	h->len = tb->len;
	h->cur = tb->cur;
	h->undo = tb->undo;
	h->nundo = tb->nundo;
	h->capundo = tb->capundo;
	h->redo = tb->redo;
	h->nredo = tb->nredo;
	h->capredo = tb->capredo;
	tb->undo = tb->redo = NULL;
	tb->nundo = tb->capundo = tb->nredo = tb->capredo = 0;
	tb->seal = true;
}

bool tb_history_restore(textbuf *tb, tb_history *h)
{
	bool same = h->text && h->len == tb->len && !memcmp(h->text, tb->s, tb->len);
	if (!same) {
		tb_history_done(h);
		return false;
	}
	clear_undo(tb);
	free(tb->undo);
	free(tb->redo);
	tb->undo = h->undo;
	tb->nundo = h->nundo;
	tb->capundo = h->capundo;
	tb->redo = h->redo;
	tb->nredo = h->nredo;
	tb->capredo = h->capredo;
	h->undo = h->redo = NULL;
	h->nundo = h->nredo = 0;
	tb_set_cursor(tb, h->cur);
	tb->seal = true;
	tb_history_done(h);
	return true;
}

bool tb_redo(textbuf *tb)
{
	if (tb->nredo == 0)
		return false;
	tb_edit e = tb->redo[--tb->nredo];
	if (e.ndel)
		raw_delete(tb, e.pos, e.ndel);
	if (e.nins)
		raw_insert(tb, e.pos, e.ins, e.nins);
	tb->cur = e.cur_after;
	*push_undo(tb) = e;
	moved(tb);
	return true;
}

void tb_seal(textbuf *tb)
{
	tb->seal = true;
}

/* ---- layout ---- */

static void add_line(textbuf *tb, size_t start, size_t end, bool hard)
{
	if (tb->nlines == tb->caplines) {
		tb->caplines = tb->caplines ? tb->caplines * 2 : 32;
		tb->lines = xrealloc(tb->lines, tb->caplines * sizeof *tb->lines);
	}
	tb->lines[tb->nlines++] = (tb_line){ start, end, hard };
}

static int cluster_width(const char *s, size_t len, size_t off, size_t n)
{
	/* A cluster shows as wide as its widest code point (a flag pair and a
	 * ZWJ sequence are one glyph of two columns). */
	if (n == 1 && (unsigned char)s[off] >= 0x20 && (unsigned char)s[off] < 0x7F)
		return 1;
	int w = 0, sum = 0;
	for (size_t p = off; p < off + n;) {
		uint32_t cp;
		p += dec(s, len, p, &cp);
		int cw = tb_cp_width(cp);
		char buf[12];
		if (tb_cp_escape(cp, buf))
			sum += cw;
		else if (cw > w)
			w = cw;
	}
	return w + sum;
}

const tb_line *tb_layout(textbuf *tb, int width, size_t *nlines)
{
	if (width < 1)
		width = 1;
	if (tb->layout_width == width && tb->layout_version == tb->version) {
		*nlines = tb->nlines;
		return tb->lines;
	}
	tb->nlines = 0;
	size_t start = 0, p = 0, brk = 0;
	int col = 0, col_at_brk = 0;
	while (p < tb->len) {
		if (tb->s[p] == '\n') {
			add_line(tb, start, p, true);
			p++;
			start = brk = p;
			col = col_at_brk = 0;
			continue;
		}
		size_t n = tb_next_cluster(tb->s, tb->len, p);
		int w = cluster_width(tb->s, tb->len, p, n);
		bool space = tb->s[p] == ' ';
		if (col + w > width && !space && p > start) {
			if (brk > start) {
				/* Wrap after the last space; the rest moves down. */
				add_line(tb, start, brk, false);
				col -= col_at_brk;
				start = brk;
			} else {
				add_line(tb, start, p, false);
				start = p;
				col = 0;
			}
			brk = start;
			col_at_brk = 0;
		}
		p += n;
		col += w;
		if (space) {
			/* A space may hang past the edge; the row breaks after it. */
			brk = p;
			col_at_brk = col;
			if (col >= width) {
				add_line(tb, start, p, false);
				start = brk = p;
				col = col_at_brk = 0;
			}
		}
	}
	add_line(tb, start, tb->len, true);
	tb->layout_width = width;
	tb->layout_version = tb->version;
	*nlines = tb->nlines;
	return tb->lines;
}

static size_t row_of(const tb_line *l, size_t n, size_t cur)
{
	/* The first row whose end is past the cursor, or that ends hard at it. */
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (l[mid].end < cur || (l[mid].end == cur && !l[mid].hard && mid + 1 < n))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n ? lo : n - 1;
}

void tb_cursor_pos(textbuf *tb, int width, size_t *row, int *col)
{
	size_t n;
	const tb_line *l = tb_layout(tb, width, &n);
	size_t r = row_of(l, n, tb->cur);
	*row = r;
	*col = tb_text_width(tb->s + l[r].start, tb->cur - l[r].start);
}

/* The offset in row r closest to column goal, never past the row. */
static size_t offset_at_col(textbuf *tb, const tb_line *l, size_t r, int goal, size_t n)
{
	size_t p = l[r].start;
	int col = 0;
	while (p < l[r].end) {
		size_t k = tb_next_cluster(tb->s, tb->len, p);
		int w = cluster_width(tb->s, tb->len, p, k);
		if (col + w > goal)
			break;
		if (!l[r].hard && p + k >= l[r].end && r + 1 < n)
			break;
		col += w;
		p += k;
	}
	return p;
}

static bool vertical(textbuf *tb, int width, int dir)
{
	size_t n, r;
	int col;
	tb_cursor_pos(tb, width, &r, &col);
	const tb_line *l = tb->lines;
	int goal = tb->goal_col >= 0 ? tb->goal_col : col;
	tb->seal = true;
	if ((dir < 0 && r == 0) || (dir > 0 && r + 1 >= tb->nlines)) {
		tb->cur = dir < 0 ? 0 : tb->len;
		tb->goal_col = -1;
		return false;
	}
	n = tb->nlines;
	tb->cur = offset_at_col(tb, l, dir < 0 ? r - 1 : r + 1, goal, n);
	tb->goal_col = goal;
	return true;
}

bool tb_up(textbuf *tb, int width)
{
	return vertical(tb, width, -1);
}

bool tb_down(textbuf *tb, int width)
{
	return vertical(tb, width, 1);
}

void tb_home(textbuf *tb, int width)
{
	size_t n;
	const tb_line *l = tb_layout(tb, width, &n);
	size_t r = row_of(l, n, tb->cur);
	moved(tb);
	if (tb->cur != l[r].start) {
		tb->cur = l[r].start;
		return;
	}
	while (tb->cur > 0 && tb->s[tb->cur - 1] != '\n')
		tb->cur--;
}

void tb_end(textbuf *tb, int width)
{
	size_t n;
	const tb_line *l = tb_layout(tb, width, &n);
	size_t r = row_of(l, n, tb->cur);
	moved(tb);
	size_t e = l[r].hard ? l[r].end : tb_prev_cluster(tb->s, tb->len, l[r].end);
	if (tb->cur != e) {
		tb->cur = e;
		return;
	}
	while (tb->cur < tb->len && tb->s[tb->cur] != '\n')
		tb->cur++;
}

size_t tb_chars(const textbuf *tb)
{
	return utf8_count(tb->s, tb->len);
}
