/* input: turns what the terminal sends into events: keys (with the codes
 * ncurses assigns at run time for Ctrl-arrows and Alt-arrows mapped to our
 * own), Alt-combinations (Esc then a key), text, and bracketed pastes, which
 * arrive whole so that a 5,000-character paste is one change, not 5,000. */
#include "config.h"
#include "tui/input.h"
#include "base/base.h"

#include <curses.h>
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
	for (size_t i = 0; i < NDYN; i++)
		if (dyn[i].code == code)
			return dyn[i].ours;
	return code;
}

/* The rest of a CSI or SS3 sequence after "\e[" or "\eO": its parameters and
 * final byte. Returns our key code, 0 for a sequence we do not know (it is
 * dropped: never typed as text). */
static int csi_key(bool ss3)
{
	char par[16];
	size_t np = 0;
	wint_t c;
	for (;;) {
		if (get_wch(&c) != OK)
			return 0;
		if (c >= 0x40 && c <= 0x7E)
			break;
		if (np + 1 < sizeof par)
			par[np++] = (char)c;
	}
	par[np] = '\0';
	/* "1;5" is Ctrl, "1;3" Alt (xterm's modifier parameter). */
	const char *semi = strchr(par, ';');
	int mod = semi ? semi[1] - '0' : 1;
	bool ctrl = mod == 5, alt = mod == 3;
	switch (ss3 && np ? 0 : c) {
	case 'A': return ctrl ? TK_CTRL_UP : alt ? TK_ALT_UP : KEY_UP;
	case 'B': return ctrl ? TK_CTRL_DOWN : alt ? TK_ALT_DOWN : KEY_DOWN;
	case 'C': return ctrl ? TK_CTRL_RIGHT : KEY_RIGHT;
	case 'D': return ctrl ? TK_CTRL_LEFT : KEY_LEFT;
	case 'H': return ctrl ? TK_CTRL_HOME : KEY_HOME;
	case 'F': return ctrl ? TK_CTRL_END : KEY_END;
	case '~':
		switch (atoi(par)) {
		case 1: case 7: return KEY_HOME;
		case 2: return KEY_IC;
		case 3: return KEY_DC;
		case 4: case 8: return KEY_END;
		case 5: return alt ? TK_ALT_PGUP : KEY_PPAGE;
		case 6: return alt ? TK_ALT_PGDN : KEY_NPAGE;
		default: return 0;
		}
	default: return 0;
	}
}

int input_read(tui_event *ev, int timeout_ms, strbuf *paste)
{
	wint_t ch;
	memset(ev, 0, sizeof *ev);
	timeout(timeout_ms);
	int r = get_wch(&ch);
	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES) {
		int k = map_code((int)ch);
		if (k == KEY_RESIZE) {
			ev->kind = EV_RESIZE;
			return 1;
		}
		if (k == TK_PASTE_START) {
			/* Everything up to the end marker is text, newlines included. */
			sb_reset(paste);
			sb_add(paste, "", 0);
			timeout(1000);
			for (;;) {
				r = get_wch(&ch);
				if (r == ERR)
					break;
				if (r == KEY_CODE_YES) {
					if (map_code((int)ch) == TK_PASTE_END)
						break;
					continue;
				}
				sb_add_utf8(paste, ch == '\r' ? '\n' : (uint32_t)ch);
			}
			ev->kind = EV_PASTE;
			ev->text = paste->s;
			ev->len = paste->len;
			return 1;
		}
		ev->kind = EV_KEY;
		ev->key = k;
		return 1;
	}
	if (ch == 27) {
		/* Esc alone, or Alt+key sent as Esc then the key. */
		timeout(30);
		wint_t c2;
		int r2 = get_wch(&c2);
		ev->kind = EV_KEY;
		if (r2 == OK && (c2 == '[' || c2 == 'O')) {
			/* A cursor key the terminal sent in the other cursor mode
			 * than terminfo says (\e[D where kcub1 is \eOD): decoded
			 * here, so it moves instead of typing "[D". */
			ev->key = csi_key(c2 == 'O');
			if (!ev->key)
				ev->kind = EV_NONE;
		} else if (r2 == OK && c2 < 128 && c2 != 27) {
			ev->key = (c2 == '\r' || c2 == '\n') ? TK_ALT_ENTER : TK_ALT((int)c2);
		} else if (r2 == KEY_CODE_YES) {
			int k = map_code((int)c2);
			ev->key = k == KEY_UP ? TK_ALT_UP : k == KEY_DOWN ? TK_ALT_DOWN : k == KEY_PPAGE ? TK_ALT_PGUP
			          : k == KEY_NPAGE ? TK_ALT_PGDN : k;
		} else {
			if (r2 == OK)
				unget_wch(c2);
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
