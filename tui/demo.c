/* demo: replayable demos. With --record the keys the person types go into
 * a key script (forms/keyscript.h) with their timing, and F12 asks for a
 * caption, a trainer's note shown in the caption bar when the script is
 * played. Playing, the script is the source of events: its keys reach the
 * handler as if typed, at the chosen speed, while the keyboard steers the
 * demo (Space pauses and continues, n does one step, r starts again, q
 * stops). The presentation view (--present) hides the key bar, gives the
 * guidance the whole width and uses the high-contrast theme. The loop calls
 * demo_input instead of input_read, and draw() calls demo_draw; nothing
 * else changes, so a played demo is the real editor. */
#include "config.h"
#include "tui/demo.h"
#include "tui/draw.h"
#include "tui/input.h"
#include "forms/keyscript.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A text is typed at this pace (ms a character) at speed 1. */
enum { TEXT_CHAR_MS = 45 };
/* Keys typed within this time of the last one join its text line. */
enum { TEXT_JOIN_MS = 1500 };
/* A recording is written this often (ms) while it grows. */
enum { REC_WRITE_MS = 5000 };

static struct {
	tui_demo_opts o;
	/* playing */
	size_t pos, text_off;
	long long due;
	bool paused, ended, restart, step;
	char *caption;
	/* recording */
	keyscript rec;
	size_t quit_from;        /* the steps from here ended the session; 0: none */
	long long last;
	long long written;       /* when the recording was last written (ms) */
	bool asking;
	strbuf ask;
	char *prompt;            /* the caption bar while asking */
	char *mark;              /* "● recording" in the key bar */
	bool acted;              /* a key or text was recorded or played */
} D;

void tui_demo_set(const tui_demo_opts *o)
{
	D.o = *o;
	if (D.o.speed <= 0)
		D.o.speed = 1;
}

bool tui_demo_restart(void)
{
	bool r = D.restart;
	D.restart = false;
	D.pos = D.text_off = 0;
	D.paused = D.ended = D.step = D.acted = false;
	D.due = 0;
	xfree(&D.caption);
	return r;
}

/* Writes the recording as it is now (atomically: a reader never sees half). */
static int rec_write(void)
{
	char when[32] = "";
	time_t t = time(NULL);
	struct tm tm;
	if (localtime_r(&t, &tm))
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	char *body = ks_format(&D.rec);
	char *all = xasprintf("# algedit --record, %s\n# wait: ms since the step before; key, text, caption: "
	                      "see man algedit, DEMOS\n%s", when, body);
	int r = write_file_atomic(D.o.record, all, strlen(all));
	free(all);
	free(body);
	return r;
}

int tui_demo_save_record(void)
{
	if (!D.o.record || !D.rec.n)
		return 0;
	/* The keys that ended the session (quit, and the answer to "save?")
	 * are left out: played, the demo ends on the screen the trainer saw,
	 * and the sandbox is closed by the person watching. */
	if (D.quit_from) {
		for (size_t i = D.quit_from; i < D.rec.n; i++)
			free(D.rec.v[i].text);
		D.rec.n = D.quit_from;
	}
	int r = rec_write();
	ks_done(&D.rec);
	sb_done(&D.ask);
	xfree(&D.prompt);
	xfree(&D.caption);
	xfree(&D.mark);
	return r;
}

/* ---- keys between the script and the editor ---- */

void demo_key_event(const ks_key *k, tui_event *ev)
{
	memset(ev, 0, sizeof *ev);
	ev->kind = EV_KEY;
	bool c = k->mods & KSM_CTRL, m = k->mods & KSM_ALT;
	switch (k->named) {
	case KSK_CHAR: ev->key = c ? TK_CTRL((int)k->ch) : TK_ALT((int)k->ch); break;
	case KSK_ENTER: ev->key = m ? TK_ALT_ENTER : '\r'; break;
	case KSK_TAB: ev->key = k->mods & KSM_SHIFT ? KEY_BTAB : '\t'; break;
	case KSK_ESC: ev->key = 27; break;
	case KSK_SPACE: ev->kind = EV_CHAR; ev->ch = ' '; break;
	case KSK_BACKSPACE: ev->key = KEY_BACKSPACE; break;
	case KSK_DELETE: ev->key = KEY_DC; break;
	case KSK_UP: ev->key = c ? TK_CTRL_UP : m ? TK_ALT_UP : KEY_UP; break;
	case KSK_DOWN: ev->key = c ? TK_CTRL_DOWN : m ? TK_ALT_DOWN : KEY_DOWN; break;
	case KSK_LEFT: ev->key = c ? TK_CTRL_LEFT : KEY_LEFT; break;
	case KSK_RIGHT: ev->key = c ? TK_CTRL_RIGHT : KEY_RIGHT; break;
	case KSK_HOME: ev->key = c ? TK_CTRL_HOME : KEY_HOME; break;
	case KSK_END: ev->key = c ? TK_CTRL_END : KEY_END; break;
	case KSK_PAGEUP: ev->key = m ? TK_ALT_PGUP : KEY_PPAGE; break;
	case KSK_PAGEDOWN: ev->key = m ? TK_ALT_PGDN : KEY_NPAGE; break;
	default: ev->key = KEY_F(1 + (int)(k->named - KSK_F1)); break;
	}
}

bool demo_event_key(int key, ks_key *k)
{
	memset(k, 0, sizeof *k);
	static const struct { int key; ks_named n; unsigned mods; } map[] = {
		{ '\r', KSK_ENTER, 0 }, { '\n', KSK_ENTER, 0 }, { KEY_ENTER, KSK_ENTER, 0 },
		{ TK_ALT_ENTER, KSK_ENTER, KSM_ALT }, { '\t', KSK_TAB, 0 }, { KEY_BTAB, KSK_TAB, KSM_SHIFT },
		{ 27, KSK_ESC, 0 }, { KEY_BACKSPACE, KSK_BACKSPACE, 0 }, { 127, KSK_BACKSPACE, 0 },
		{ 8, KSK_BACKSPACE, 0 }, { KEY_DC, KSK_DELETE, 0 }, { KEY_UP, KSK_UP, 0 },
		{ KEY_DOWN, KSK_DOWN, 0 }, { KEY_LEFT, KSK_LEFT, 0 }, { KEY_RIGHT, KSK_RIGHT, 0 },
		{ KEY_HOME, KSK_HOME, 0 }, { KEY_END, KSK_END, 0 }, { KEY_PPAGE, KSK_PAGEUP, 0 },
		{ KEY_NPAGE, KSK_PAGEDOWN, 0 }, { TK_CTRL_UP, KSK_UP, KSM_CTRL }, { TK_CTRL_DOWN, KSK_DOWN, KSM_CTRL },
		{ TK_CTRL_LEFT, KSK_LEFT, KSM_CTRL }, { TK_CTRL_RIGHT, KSK_RIGHT, KSM_CTRL },
		{ TK_CTRL_HOME, KSK_HOME, KSM_CTRL }, { TK_CTRL_END, KSK_END, KSM_CTRL },
		{ TK_ALT_UP, KSK_UP, KSM_ALT }, { TK_ALT_DOWN, KSK_DOWN, KSM_ALT },
		{ TK_ALT_PGUP, KSK_PAGEUP, KSM_ALT }, { TK_ALT_PGDN, KSK_PAGEDOWN, KSM_ALT },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].key == key) {
			k->named = map[i].n;
			k->mods = map[i].mods;
			return true;
		}
	if (key >= KEY_F(1) && key <= KEY_F(12)) {
		k->named = (ks_named)(KSK_F1 + (key - KEY_F(1)));
		return true;
	}
	if (key >= 1 && key <= 26) {
		k->ch = (uint32_t)('a' + key - 1);
		k->mods = KSM_CTRL;
		return true;
	}
	if (key > TK_ALT(' ') && key < TK_ALT(0x7f)) {
		k->ch = (uint32_t)(key - TK_ALT(0));
		k->mods = KSM_ALT;
		return true;
	}
	return false;
}

/* ---- recording ---- */

/* The pause before the first key or caption of a demo (a blank screen):
 * however long the trainer took to start, a replay starts at once. */
enum { START_WAIT_MS = 500 };

static void rec_wait(long long now)
{
	long long ms = now - D.last;
	D.last = now;
	if (!D.acted && ms > START_WAIT_MS)
		ms = START_WAIT_MS;
	D.acted = true;
	if (ms <= 0)
		return;
	ks_step w = { .kind = KS_WAIT, .ms = ms > KS_MAX_WAIT_MS ? KS_MAX_WAIT_MS : (long)ms };
	ks_add(&D.rec, &w);
}

/* Typed text, without what a script cannot hold (control characters). */
static void rec_text(const char *s, size_t n, long long now)
{
	strbuf b = STRBUF_INIT;
	for (size_t p = 0; p < n;) {
		uint32_t cp;
		int l = utf8_decode(s + p, n - p, &cp);
		if (l <= 0) {
			p++;
			continue;
		}
		p += (size_t)l;
		if (cp == '\t')
			cp = ' ';
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			continue;
		sb_add_utf8(&b, cp);
	}
	if (b.len) {
		ks_step *last = D.rec.n ? &D.rec.v[D.rec.n - 1] : NULL;
		if (last && last->kind == KS_TEXT && now - D.last < TEXT_JOIN_MS &&
		    strlen(last->text) + b.len < KS_MAX_LINE) {
			char *j = xasprintf("%s%s", last->text, b.s);
			free(last->text);
			last->text = j;
			D.last = now;
		} else {
			rec_wait(now);
			ks_step t = { .kind = KS_TEXT, .text = b.s };
			ks_add(&D.rec, &t);
		}
	}
	sb_done(&b);
}

static void record(const tui_event *ev)
{
	long long now = app_now_ms();
	if (ev->kind == EV_CHAR) {
		char u[4];
		rec_text(u, app_utf8_encode(ev->ch, u), now);
	} else if (ev->kind == EV_PASTE) {
		/* A pasted text, line by line, each new line an Enter. */
		const char *s = ev->text, *end = ev->text + ev->len;
		while (s < end) {
			const char *nl = memchr(s, '\n', (size_t)(end - s));
			size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
			rec_text(s, n, now);
			if (nl) {
				rec_wait(now);
				ks_step k = { .kind = KS_KEY, .key = { .named = KSK_ENTER } };
				ks_add(&D.rec, &k);
			}
			s += n + (nl ? 1 : 0);
		}
	} else if (ev->kind == EV_KEY) {
		ks_step k = { .kind = KS_KEY };
		if (!demo_event_key(ev->key, &k.key))
			return;
		rec_wait(now);
		ks_add(&D.rec, &k);
	}
}

static void ask_prompt(app *a)
{
	free(D.prompt);
	D.prompt = xasprintf("%s %s", _("Caption (Enter: record it, Esc: cancel):"), D.ask.s ? D.ask.s : "");
	a->caption = D.prompt;
	a->dirty = true;
}

/* A key while the caption is being typed. */
static void ask_key(app *a, const tui_event *ev)
{
	if (ev->kind == EV_CHAR && ev->ch >= 0x20 && !(ev->ch >= 0x7f && ev->ch < 0xa0) && D.ask.len < 1000) {
		sb_add_utf8(&D.ask, ev->ch);
	} else if (ev->kind == EV_KEY && (ev->key == KEY_BACKSPACE || ev->key == 127 || ev->key == 8)) {
		while (D.ask.len && ((unsigned char)D.ask.s[D.ask.len - 1] & 0xC0) == 0x80)
			D.ask.len--;
		if (D.ask.len)
			D.ask.len--;
		sb_add(&D.ask, "", 0);
		D.ask.s[D.ask.len] = '\0';
	} else if (ev->kind == EV_KEY && (ev->key == '\r' || ev->key == '\n' || ev->key == KEY_ENTER)) {
		D.asking = false;
		a->caption = D.caption;
		/* Only blanks: nothing to record. */
		if (D.ask.len && strspn(D.ask.s, " ") < D.ask.len) {
			rec_wait(app_now_ms());
			ks_step c = { .kind = KS_CAPTION, .text = D.ask.s };
			ks_add(&D.rec, &c);
			free(D.caption);
			D.caption = xstrdup(D.ask.s);
			a->caption = D.caption;
			app_status(a, false, "%s", _("Caption recorded; it is shown here when the demo is played."));
		}
		a->dirty = true;
		return;
	} else if (ev->kind == EV_KEY && (ev->key == 27 || ev->key == TK_CTRL('c'))) {
		D.asking = false;
		a->caption = D.caption;
		a->dirty = true;
		return;
	}
	ask_prompt(a);
}

/* ---- playing ---- */

static void set_caption(app *a, const char *text)
{
	free(D.caption);
	D.caption = text ? xstrdup(text) : NULL;
	a->caption = D.caption;
	a->dirty = true;
}

/* After a step: the captions up to the next key, which speak of the
 * screen the step led to (the waits between are skipped). */
static void absorb(app *a)
{
	const keyscript *s = D.o.play;
	for (; D.pos < s->n; D.pos++) {
		const ks_step *st = &s->v[D.pos];
		if (st->kind == KS_KEY || st->kind == KS_TEXT)
			break;
		if (st->kind == KS_CAPTION)
			set_caption(a, st->text);
	}
}

/* The script's next event when it is due (or at once when stepping):
 * 1 with *ev, or 0 with D.due saying when to look again. */
static int next_event(app *a, tui_event *ev, long long now)
{
	const keyscript *s = D.o.play;
	while (D.pos < s->n) {
		if (now < D.due && !D.step)
			return 0;
		const ks_step *st = &s->v[D.pos];
		switch (st->kind) {
		case KS_WAIT:
			/* Idle time before the first key or caption (in a demo
			 * recorded before that was trimmed) is cut to a moment. */
			D.due = now + (long long)((double)(!D.acted && st->ms > START_WAIT_MS ? START_WAIT_MS : st->ms) / D.o.speed);
			D.pos++;
			continue;
		case KS_CAPTION:
			D.acted = true; /* a pause after it is time to read it */
			set_caption(a, st->text);
			D.pos++;
			continue;
		case KS_SIZE:
			/* A smaller window wraps and scrolls otherwise: say so. */
			if (a->cols < st->cols || a->rows < st->rows)
				app_status(a, false, _("This demo was made for a window of %d×%d; this one is %d×%d, so the screens differ a little."),
				           st->cols, st->rows, a->cols, a->rows);
			D.pos++;
			continue;
		case KS_KEY:
			D.acted = true;
			demo_key_event(&st->key, ev);
			D.pos++;
			if (D.step)
				absorb(a);
			D.step = false;
			return 1;
		case KS_TEXT: {
			D.acted = true;
			uint32_t cp;
			size_t n = strlen(st->text);
			int l = utf8_decode(st->text + D.text_off, n - D.text_off, &cp);
			memset(ev, 0, sizeof *ev);
			ev->kind = EV_CHAR;
			ev->ch = l > 0 ? cp : 0xFFFD;
			D.text_off += l > 0 ? (size_t)l : 1;
			if (D.text_off >= n) {
				D.text_off = 0;
				D.pos++;
				if (D.step)
					absorb(a);
				D.step = false;
			}
			D.due = now + (long long)(TEXT_CHAR_MS / D.o.speed);
			return 1;
		}
		}
	}
	if (!D.ended) {
		D.ended = true;
		D.step = false;
		a->dirty = true;
	}
	return 0;
}

/* A key of the keyboard while a demo plays: it steers the demo. */
static void steer(app *a, const tui_event *ev)
{
	int k = ev->kind == EV_CHAR ? (int)ev->ch : ev->kind == EV_KEY ? ev->key : 0;
	if (k == ' ' && !D.ended) {
		D.paused = !D.paused;
	} else if ((k == 'n' || k == 'N' || k == KEY_RIGHT) && !D.ended) {
		D.paused = true;
		D.step = true;
	} else if (k == 'r' || k == 'R' || k == KEY_HOME) {
		D.restart = true;
		a->quit = true;
	} else if (k == 'q' || k == 'Q' || k == 27 || k == KEY_F(10) || k == TK_CTRL('q') || k == TK_CTRL('c')) {
		a->quit = true;
	} else if (k == '+' && D.o.speed < 64) {
		D.o.speed *= 2;
	} else if (k == '-' && D.o.speed > 0.125) {
		D.o.speed /= 2;
	}
	a->dirty = true;
}

int demo_input(app *a, tui_event *ev, int timeout_ms, strbuf *paste)
{
	if (!D.o.play) {
		int r = input_read(ev, timeout_ms, paste);
		if (!r)
			return 0;
		if (D.asking) {
			if (ev->kind == EV_RESIZE)
				return 1;
			ask_key(a, ev);
			return 0;
		}
		if (ev->kind == EV_KEY && key_action(ev->key, app_context(a)) == A_CAPTION) {
			if (!D.o.record) {
				app_status(a, false, "%s", _("Captions are for recorded demos: start with algedit --record FILE."));
				return 0;
			}
			D.asking = true;
			sb_reset(&D.ask);
			sb_add(&D.ask, "", 0);
			ask_prompt(a);
			return 0;
		}
		if (D.o.record) {
			/* Where the quitting began (a key that quits, then the
			 * answers to the question about unsaved changes). */
			unsigned ctx = app_context(a);
			bool quitting = (ev->kind == EV_KEY && key_action(ev->key, ctx) == A_QUIT) || (ctx & CX_ASK_QUIT);
			if (!quitting)
				D.quit_from = 0;
			else if (!D.quit_from)
				D.quit_from = D.rec.n;
			record(ev);
			/* Written as it grows too, so a closed terminal or a
			 * crash keeps all but the last seconds. */
			long long now = app_now_ms();
			if (now - D.written >= REC_WRITE_MS) {
				rec_write();
				D.written = now;
			}
		}
		return r;
	}
	long long now = app_now_ms();
	if (!D.paused || D.step) {
		if (next_event(a, ev, now))
			return 1;
		if (!D.ended && !D.paused) {
			long long left = D.due - now;
			if (left < timeout_ms || timeout_ms < 0)
				timeout_ms = left < 0 ? 0 : (int)left;
		}
	}
	tui_event k;
	if (!input_read(&k, timeout_ms, paste))
		return 0;
	if (k.kind == EV_RESIZE) {
		*ev = k;
		return 1;
	}
	steer(a, &k);
	return 0;
}

void demo_attach(app *a)
{
	a->present = D.o.present;
	a->high_contrast = D.o.high_contrast || D.o.present;
	a->demo_bar = D.o.play != NULL;
	a->caption = D.caption;
	/* Recording shows that it records, on every screen. */
	if (D.o.record && !D.o.play) {
		free(D.mark);
		D.mark = xasprintf("%s %s", a->utf8 ? "●" : "*", _("recording"));
		a->bar_mark = D.mark;
	}
	D.due = app_now_ms() + (long long)(300 / D.o.speed);
	if (D.o.record && !D.rec.n) {
		int rows, cols;
		getmaxyx(stdscr, rows, cols);
		ks_step sz = { .kind = KS_SIZE, .cols = cols, .rows = rows };
		ks_add(&D.rec, &sz);
		D.last = D.written = app_now_ms();
	}
}

/* ---- painting ---- */

int demo_caption_rows(const app *a, int cols)
{
	if (!a->caption)
		return 0;
	if (D.asking)
		return 1;
	/* Wrapped in cols - 3 columns after "» "; a word that goes to the
	 * next row leaves some room unused, hence the margin for two rows. */
	int w = tb_text_width(a->caption, strlen(a->caption)), row = cols - 3;
	return w <= row ? 1 : w <= 2 * row - 12 ? 2 : 3;
}

static attr_t caption_attr(const app *a)
{
	return a->color ? pair_attr(a, P_CAPTION) | A_BOLD : A_REVERSE | A_BOLD;
}

void demo_draw(const app *a, int *cy, int *cx)
{
	const layout *l = &a->lay;
	if (l->caption_h > 0 && a->caption) {
		attr_t at = caption_attr(a);
		for (int r = 0; r < l->caption_h; r++)
			fill(l->caption_y + r, 0, a->cols, at);
		if (D.asking) {
			/* The prompt's end, with the cursor after it. */
			const char *s = a->caption;
			size_t n = strlen(s);
			while (tb_text_width(s, n) > a->cols - 2) {
				size_t k = tb_next_cluster(s, n, 0);
				s += k;
				n -= k;
			}
			int x = puts_at(a, l->caption_y, 1, a->cols - 2, s, at);
			*cy = l->caption_y;
			*cx = 1 + x;
		} else {
			puts_at(a, l->caption_y, 0, 2, a->utf8 ? "» " : "> ", at);
			wrapped(a, l->caption_y, 2, a->cols - 3, l->caption_h, 0, a->caption, at);
		}
	}
	if (a->demo_bar && l->keybar_y >= 0) {
		int y = l->keybar_y;
		fill(y, 0, a->cols, 0);
		char head[160];
		const char *state = D.ended ? (a->utf8 ? "■ " : "[] ") : D.paused ? (a->utf8 ? "❚❚ " : "|| ") : (a->utf8 ? "▶ " : "> ");
		const char *word = D.ended ? _("End of the demo") : D.paused ? _("Paused") : _("Playing");
		snprintf(head, sizeof head, " %s%s %g× ", state, word, D.o.speed);
		int x = puts_at(a, y, 0, a->cols, head, A_REVERSE | A_BOLD);
		x += 1;
		/* Each key whole or not at all: "+/-: sn" helps no one. */
		const char *hint = D.ended ? _("r: start again  q: stop")
		                           : _("Space: pause/continue  n: one step  r: start again  q: stop  +/-: faster/slower");
		for (const char *p = hint; *p;) {
			const char *gap = strstr(p, "  ");
			size_t n = gap ? (size_t)(gap - p) : strlen(p);
			int pw = tb_text_width(p, n);
			if (x + pw > a->cols)
				break;
			put_text(a, y, x, pw, p, n, 0);
			x += pw + 2;
			p += n;
			while (*p == ' ')
				p++;
		}
	}
}
