/* input: turns what the terminal sends into events: keys (with the codes
 * ncurses assigns at run time for Ctrl-arrows and Alt-arrows mapped to our
 * own), Alt-combinations (Esc then a key), text, and bracketed pastes, which
 * arrive whole so that a 5,000-character paste is one change, not 5,000.
 * The key sequences terminfo does not name are decoded here whatever TERM
 * says (PuTTY's and rxvt's ESC [11~, the Linux console's ESC [[A, ESC [Z);
 * one nobody knows, or a mouse report, is dropped whole, never typed. The
 * characters are decoded here too, in the locale, a byte that is none
 * kept as Windows-1252 (read_wch). */
#include "config.h"
#include "tui/input.h"
#include "base/base.h"

#include <curses.h>
#include <limits.h>
#include <stdint.h>
#include <wchar.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>

typedef struct dyn_key {
	const char *cap;      /* terminfo extended capability */
	const char *seq;      /* xterm sequence when terminfo does not know it */
	int ours;
	int code;             /* assigned by ncurses */
} dyn_key;

static dyn_key dyn[] = {
	{ "kLFT5", "\033[1;5D", TK_CTRL_LEFT, 0 },
	{ "kRIT5", "\033[1;5C", TK_CTRL_RIGHT, 0 },
	{ "kHOM5", "\033[1;5H", TK_CTRL_HOME, 0 },
	{ "kEND5", "\033[1;5F", TK_CTRL_END, 0 },
	{ "kUP3", "\033[1;3A", TK_ALT_UP, 0 },
	{ "kDN3", "\033[1;3B", TK_ALT_DOWN, 0 },
	{ "kUP5", "\033[1;5A", TK_CTRL_UP, 0 },
	{ "kDN5", "\033[1;5B", TK_CTRL_DOWN, 0 },
	{ "kPRV3", "\033[5;3~", TK_ALT_PGUP, 0 },
	{ "kNXT3", "\033[6;3~", TK_ALT_PGDN, 0 },
	{ NULL, "\033[200~", TK_PASTE_START, 0 },
	{ NULL, "\033[201~", TK_PASTE_END, 0 },
};
#define NDYN (sizeof dyn / sizeof dyn[0])

void input_init(void)
{
	int next = KEY_MAX + 1;
	for (size_t i = 0; i < NDYN; i++) {
		const char *s = NULL;
		if (dyn[i].cap) {
			char *t = tigetstr((char *)dyn[i].cap);
			if (t && t != (char *)-1)
				s = t;
		}
		if (!s)
			s = dyn[i].seq;
		int code = key_defined(s);
		if (code <= 0) {
			code = next++;
			define_key(s, code);
		}
		dyn[i].code = code;
	}
	/* Mouse reports a program before us left on (every click would arrive
	 * as "\e[<0;40;4M"): off. The editor has no use for the mouse; a
	 * report that still comes is read whole and dropped (csi_key). */
	putp("\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?1015l");
	/* Ask for bracketed paste; the terminal then wraps pasted text. */
	putp("\033[?2004h");
	fflush(stdout);
}

void input_done(void)
{
	putp("\033[?2004l");
	fflush(stdout);
}

static int map_code(int code)
{
	/* Terminfo entries of the VT220 kind (xterm-mono, vt220) name the keys
	 * that send ESC [1~ and ESC [4~ Find and Select: Home and End on every
	 * keyboard that sends them today. */
	if (code == KEY_FIND)
		return KEY_HOME;
	if (code == KEY_SELECT)
		return KEY_END;
	/* putty's and linux's entries name ^Z the suspend key (kspd): here it
	 * is Ctrl-Z, undo, as the help and the key bar say. */
	if (code == KEY_SUSPEND)
		return 0x1A;
	for (size_t i = 0; i < NDYN; i++)
		if (dyn[i].code == code)
			return dyn[i].ours;
	return code;
}

/* The wait of the read in progress (curses cannot be asked for it). */
static int wait_ms = -1;

/* The first byte since the last event that was not a character of the
 * locale (0: none), for the status line. */
static int bad_byte;

/* Where the bytes come from: the terminal through curses, or bytes a test
 * or the fuzz target gave (input_feed), read by the same decoder. */
static const unsigned char *feed;
static size_t feed_len, feed_pos;
static int feed_back[64];
static size_t feed_nback;

static int src_get(void)
{
	if (!feed)
		return getch();
	if (feed_nback)
		return feed_back[--feed_nback];
	return feed_pos < feed_len ? feed[feed_pos++] : ERR;
}

static void src_unget(int c)
{
	if (!feed) {
		ungetch(c);
	} else if (feed_nback < sizeof feed_back / sizeof feed_back[0]) {
		feed_back[feed_nback++] = c;
	}
}

static void src_wait(int ms)
{
	if (!feed)
		timeout(ms);
}

void input_feed(const unsigned char *bytes, size_t n)
{
	feed = bytes;
	feed_len = n;
	feed_pos = 0;
	feed_nback = 0;
}

/* Windows-1252's letters at 0x80-0x9F, where Latin-1 has control codes:
 * what PuTTY sends in that character set (€ is 0x80). 0: none there. */
static const uint16_t cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* What get_wch does, done here: given a byte that is not a character of
 * the locale (ë from a Latin-1 terminal under a UTF-8 locale, any letter
 * under C), ncursesw's get_wch keeps it and the bytes after it in its
 * buffer and gives up, and what was typed next vanished. Here the bytes
 * of one character are gathered and decoded in the locale (UTF-8, or an
 * 8-bit set such as ISO-8859-1); a byte that is none is read as the
 * Windows-1252 (Latin-1) letter it most likely is, and noted in bad_byte,
 * and the bytes after it are read again. */
static int read_wch(wint_t *ch)
{
	int c = src_get();
	if (c == ERR)
		return ERR;
	if (c > 0xFF) {
		*ch = (wint_t)c;
		return KEY_CODE_YES;
	}
	if (c < 0x80) {
		*ch = (wint_t)c;
		return OK;
	}
	char buf[MB_LEN_MAX];
	size_t n = 0;
	buf[n++] = (char)c;
	for (;;) {
		mbstate_t st;
		memset(&st, 0, sizeof st);
		wchar_t wc = 0;
		size_t r = mbrtowc(&wc, buf, n, &st);
		/* glibc's UTF-8 takes the old forms past U+10FFFF, and
		 * surrogates: no character, here as in the files. */
		bool scalar = (uint32_t)wc <= 0x10FFFF && !((uint32_t)wc >= 0xD800 && (uint32_t)wc <= 0xDFFF);
		if (r != (size_t)-1 && r != (size_t)-2 && scalar) {
			*ch = (wint_t)wc;
			return OK;
		}
		if (r != (size_t)-2)
			break;
		if (r == (size_t)-2 && n < sizeof buf) {
			/* The rest of the character follows at once. */
			src_wait(50);
			int d = src_get();
			src_wait(wait_ms);
			if (d != ERR && d <= 0xFF) {
				buf[n++] = (char)d;
				continue;
			}
			if (d != ERR)
				src_unget(d);
		}
		break;
	}
	for (size_t i = n; i-- > 1;)
		src_unget((unsigned char)buf[i]);
	unsigned b = (unsigned char)buf[0];
	if (!bad_byte)
		bad_byte = (int)b;
	*ch = b >= 0xA0 ? (wint_t)b : cp1252[b - 0x80] ? (wint_t)cp1252[b - 0x80] : (wint_t)0xFFFD;
	return OK;
}

/* A character read too far, back for the next read: in the locale's bytes,
 * last byte first. */
static void unget_char(wint_t c)
{
	char buf[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(buf, (wchar_t)c, &st);
	if (n == (size_t)-1)
		return;
	while (n-- > 0)
		src_unget((unsigned char)buf[n]);
}

static void set_wait(int ms)
{
	wait_ms = ms;
	src_wait(ms);
}

/* What an unknown sequence looked like ("ESC [ 3 5 ~"), for the hint. */
static char unknown_seq[64];

static void seq_note(bool ss3, const char *par, size_t np, wint_t fin)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, ss3 ? "ESC O" : "ESC [");
	for (size_t i = 0; i < np; i++)
		sb_printf(&b, " %c", par[i]);
	if (fin >= 0x20 && fin < 0x7F)
		sb_printf(&b, " %c", (int)fin);
	snprintf(unknown_seq, sizeof unknown_seq, "%s", b.s ? b.s : "");
	sb_done(&b);
}

/* The function key numbered n in the VT220 way (ESC [ n ~): PuTTY's
 * default, rxvt, the Linux console and xterm for F5 and up. */
static int vt_fkey(int n)
{
	switch (n) {
	case 11: case 12: case 13: case 14: case 15: return KEY_F(n - 10);
	case 17: case 18: case 19: case 20: case 21: return KEY_F(n - 11);
	case 23: case 24: return KEY_F(n - 12);
	default: return 0;
	}
}

/* A mouse report a program before us left switched on: read to its end
 * and dropped, so "0;40;4M" is never typed. sgr: the ESC [ < form (up to
 * its M or m), else the three bytes of the X10 form. */
static void skip_mouse(bool sgr)
{
	wint_t c;
	for (int i = 0; i < (sgr ? 32 : 3); i++) {
		if (read_wch(&c) == ERR)
			return;
		if (sgr && (c == 'M' || c == 'm'))
			return;
	}
}

/* The rest of a CSI or SS3 sequence after "\e[" or "\eO": its parameters and
 * final byte. Returns our key code, 0 for a sequence dropped quietly (a
 * mouse report), TK_UNKNOWN for one we do not know: dropped whole, never
 * typed as text, and named in unknown_seq for the status line. */
static int csi_key(bool ss3)
{
	char par[16];
	size_t np = 0;
	wint_t c;
	for (;;) {
		if (read_wch(&c) != OK) {
			seq_note(ss3, par, np, 0);
			return TK_UNKNOWN;
		}
		/* The Linux console's F1-F5 (and PuTTY's "Linux" mode): ESC [ [ A..E. */
		if (!ss3 && np == 0 && c == '[') {
			if (read_wch(&c) == OK && c >= 'A' && c <= 'E')
				return KEY_F((int)(c - 'A') + 1);
			seq_note(ss3, "[", 1, c);
			return TK_UNKNOWN;
		}
		/* rxvt ends its Shift and Ctrl function keys with $ ^ @. */
		if ((c >= 0x40 && c <= 0x7E) || c == '$')
			break;
		if (c < 0x20 || c > 0x7E) {
			/* Not part of a sequence: keep the key for the next read. */
			unget_char(c);
			seq_note(ss3, par, np, 0);
			return TK_UNKNOWN;
		}
		if (np + 1 < sizeof par)
			par[np++] = (char)c;
	}
	par[np] = '\0';
	if (!ss3 && np == 0 && c == 'M') {
		skip_mouse(false);
		return 0;
	}
	if (!ss3 && np > 0 && par[0] == '<' && (c == 'M' || c == 'm'))
		return 0;
	/* "1;5" is Ctrl, "1;3" Alt (xterm's modifier parameter). */
	const char *semi = strchr(par, ';');
	int mod = semi ? semi[1] - '0' : 1;
	bool ctrl = mod == 5, alt = mod == 3;
	int k = 0;
	switch (c) {
	case 'A': k = ctrl ? TK_CTRL_UP : alt ? TK_ALT_UP : KEY_UP; break;
	case 'B': k = ctrl ? TK_CTRL_DOWN : alt ? TK_ALT_DOWN : KEY_DOWN; break;
	case 'C': k = ctrl ? TK_CTRL_RIGHT : KEY_RIGHT; break;
	case 'D': k = ctrl ? TK_CTRL_LEFT : KEY_LEFT; break;
	case 'H': k = ctrl ? TK_CTRL_HOME : KEY_HOME; break;
	case 'F': k = ctrl ? TK_CTRL_END : KEY_END; break;
	/* Shift-Tab, whether or not terminfo names it (vt100, xterm-mono). */
	case 'Z': k = ss3 ? 0 : KEY_BTAB; break;
	/* F1-F4: xterm's SS3 form, and its CSI form with a modifier. */
	case 'P': case 'Q': case 'R': case 'S': k = mod == 1 ? KEY_F((int)(c - 'P') + 1) : 0; break;
	case 'M': k = ss3 ? '\r' : 0; break;  /* the keypad's Enter */
	case '~':
		switch (atoi(par)) {
		case 1: case 7: k = KEY_HOME; break;
		case 2: k = KEY_IC; break;
		case 3: k = KEY_DC; break;
		case 4: case 8: k = KEY_END; break;
		case 5: k = alt ? TK_ALT_PGUP : KEY_PPAGE; break;
		case 6: k = alt ? TK_ALT_PGDN : KEY_NPAGE; break;
		case 200: k = TK_PASTE_START; break;
		default: k = mod == 1 ? vt_fkey(atoi(par)) : 0; break;
		}
		break;
	default: break;
	}
	if (ss3 && np && c != 'P' && c != 'Q' && c != 'R' && c != 'S')
		k = 0;
	if (!k) {
		seq_note(ss3, par, np, c);
		return TK_UNKNOWN;
	}
	return k;
}

/* The terminal's own mouse sequence (kmous) was read by ncurses: the rest
 * of the report follows. */
static void skip_kmous(void)
{
	const char *km = tigetstr((char *)"kmous");
	bool sgr = km && km != (char *)-1 && *km && km[strlen(km) - 1] == '<';
	skip_mouse(sgr);
}

bool input_has_key(int key)
{
	if (key < KEY_F(1) || key > KEY_F(12))
		return true;
	char cap[8];
	snprintf(cap, sizeof cap, "kf%d", key - KEY_F(0));
	const char *s = tigetstr(cap);
	return s && s != (char *)-1 && *s;
}

/* After the start marker of a bracketed paste: everything up to the end
 * marker is text, newlines included. The marker comes as the key curses
 * knows it as, or as its bytes (ESC [201~). */
static int read_paste(tui_event *ev, strbuf *paste)
{
	static const char end_marker[] = "[201~";
	sb_reset(paste);
	sb_add(paste, "", 0);
	set_wait(1000);
	wint_t ch;
	for (;;) {
		int r = read_wch(&ch);
		if (r == ERR)
			break;
		if (r == KEY_CODE_YES) {
			if (map_code((int)ch) == TK_PASTE_END)
				break;
			continue;
		}
		if (ch == 27) {
			size_t m = 0;
			wint_t got[sizeof end_marker];
			int rm = OK;
			while (m < sizeof end_marker - 1 && (rm = read_wch(&got[m])) == OK && got[m] == (wint_t)end_marker[m])
				m++;
			if (m == sizeof end_marker - 1)
				break;
			/* Not the end: the bytes are text after all (the one that
			 * differed is read again). */
			if (rm == OK)
				unget_char(got[m]);
			else if (rm == KEY_CODE_YES)
				src_unget((int)got[m]);
			sb_add_utf8(paste, 27);
			for (size_t i = 0; i < m; i++)
				sb_add_utf8(paste, (uint32_t)got[i]);
			continue;
		}
		/* A tab would show as ^I and reach the register as one: it
		 * becomes a space, as between words. */
		sb_add_utf8(paste, ch == '\r' ? '\n' : ch == '\t' ? ' ' : (uint32_t)ch);
	}
	ev->kind = EV_PASTE;
	ev->text = paste->s;
	ev->len = paste->len;
	return 1;
}

int input_read(tui_event *ev, int timeout_ms, strbuf *paste)
{
	wint_t ch;
	memset(ev, 0, sizeof *ev);
	set_wait(timeout_ms);
	int r = read_wch(&ch);
	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES) {
		int k = map_code((int)ch);
		if (k == KEY_RESIZE) {
			ev->kind = EV_RESIZE;
			return 1;
		}
		if (k == KEY_MOUSE) {
			skip_kmous();
			return 0;
		}
		if (k == TK_PASTE_START)
			return read_paste(ev, paste);
		ev->kind = EV_KEY;
		ev->key = k;
		return 1;
	}
	if (ch == 27) {
		/* Esc alone, or Alt+key sent as Esc then the key. */
		set_wait(30);
		wint_t c2;
		int r2 = read_wch(&c2);
		ev->kind = EV_KEY;
		if (r2 == OK && (c2 == '[' || c2 == 'O')) {
			/* A cursor key the terminal sent in the other cursor mode
			 * than terminfo says (\e[D where kcub1 is \eOD): decoded
			 * here, so it moves instead of typing "[D". */
			ev->key = csi_key(c2 == 'O');
			if (ev->key == TK_PASTE_START)
				return read_paste(ev, paste);
			if (!ev->key)
				ev->kind = EV_NONE;
			else if (ev->key == TK_UNKNOWN)
				ev->text = unknown_seq;
		} else if (r2 == OK && c2 == '\t') {
			/* Esc Tab: Shift-Tab on the Linux console (kcbt). */
			ev->key = KEY_BTAB;
		} else if (r2 == OK && c2 < 128 && c2 != 27) {
			ev->key = (c2 == '\r' || c2 == '\n') ? TK_ALT_ENTER : TK_ALT((int)c2);
		} else if (r2 == KEY_CODE_YES) {
			int k = map_code((int)c2);
			ev->key = k == KEY_UP ? TK_ALT_UP : k == KEY_DOWN ? TK_ALT_DOWN : k == KEY_PPAGE ? TK_ALT_PGUP
			          : k == KEY_NPAGE ? TK_ALT_PGDN : k;
		} else {
			if (r2 == OK)
				unget_char(c2);
			ev->key = 27;
		}
		return 1;
	}
	if (ch < 0x20 || ch == 0x7F) {
		ev->kind = EV_KEY;
		ev->key = (int)ch;
		return 1;
	}
	ev->kind = EV_CHAR;
	ev->ch = (uint32_t)ch;
	return 1;
}

int input_bad_byte(void)
{
	int b = bad_byte;
	bad_byte = 0;
	return b;
}
