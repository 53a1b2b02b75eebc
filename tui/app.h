/* app: the editor's state and the pieces of the loop that share it: the
 * action and key tables, the handlers (which change state and mark it
 * dirty, never paint) and the painter (which draws the whole state once per
 * turn). Internal to tui/. */
#ifndef ALGEDIT_TUI_APP_H
#define ALGEDIT_TUI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "forms/desc.h"
#include "forms/exchange.h"
#include "forms/finding.h"
#include "forms/rules.h"
#include "forms/textbuf.h"
#include "standard/standard.h"
#include "tui/tui.h"

/* ---- actions and keys ---- */

/* The actions, once: the enum here, the table of names and help texts in
 * actions.c, which asserts that it has one entry per name, in this order.
 * No name may be a curses macro (curses.h defines A_LEFT, A_RIGHT and
 * A_TOP as attributes: a key table that saw those bound the arrows to
 * nothing), which actions.c asserts too. */
#define ACTION_NAMES(X) \
	X(A_NONE) \
	X(A_HELP) X(A_SAVE) X(A_QUIT) X(A_NEXT_FIELD) X(A_PREV_FIELD) X(A_NEXT_SECTION) X(A_PREV_SECTION) \
	X(A_NEXT_PROBLEM) X(A_JUMP) X(A_GUIDE) X(A_UNDO) X(A_REDO) X(A_REDRAW) X(A_CANCEL) \
	X(A_NEWLINE) X(A_SELECT) X(A_SELECT_NEXT) X(A_CLEAR) \
	X(A_CHAR_LEFT) X(A_CHAR_RIGHT) X(A_UP) X(A_DOWN) X(A_WORD_LEFT) X(A_WORD_RIGHT) X(A_HOME) X(A_END) \
	X(A_TEXT_TOP) X(A_TEXT_BOTTOM) \
	X(A_BACKSPACE) X(A_DELETE) X(A_DELETE_WORD) X(A_CUT_EOL) \
	X(A_ITEM_EDIT) X(A_ITEM_ADD) X(A_ITEM_DELETE) X(A_ITEM_UP) X(A_ITEM_DOWN) X(A_ITEM_PART) X(A_ITEM_DONE) \
	X(A_OPEN) X(A_NEW) X(A_REMOVE) X(A_PAGE_UP) X(A_PAGE_DOWN) X(A_CONFIRM) X(A_RECOVER) X(A_SPELL) \
	X(A_TEMPLATE) X(A_GUIDE_FULL) X(A_GUIDE_UP) X(A_GUIDE_DOWN) \
	X(A_TUTOR_CHECK) X(A_TUTOR_HINT) X(A_TUTOR_NEXT) X(A_TUTOR_PREV) X(A_TUTOR_REPLY) \
	X(A_CAPTION) X(A_LINKS) \
	X(A_REVIEW) X(A_REV_NEXT_COMMIT) X(A_REV_PREV_COMMIT) X(A_REV_MODE) X(A_REV_MARK) X(A_COMMENT) \
	X(A_SUGGEST) X(A_APPROVE) X(A_CHANGES) X(A_REPLY) X(A_RESOLVE) X(A_ACCEPT) X(A_REJECT) X(A_REV_MINE) \
	X(A_SYNC) X(A_ASK_REVIEW) X(A_TAKE_MINE) X(A_TAKE_THEIRS) X(A_OWN_TEXT) \
	X(A_HISTORY) X(A_BRING_BACK)

#define ACTION_ENUM_(name) name,
typedef enum action {
	ACTION_NAMES(ACTION_ENUM_)
	A_COUNT
} action;
#undef ACTION_ENUM_

/* Where an action applies: the current state's mask is matched against
 * each key binding, the first match wins, so specific bindings come first. */
enum {
	CX_FORM = 1 << 0,     /* the form, any field */
	CX_TEXT = 1 << 1,     /* a text editor has the cursor */
	CX_RICH = 1 << 2,     /* ... a multi-line one */
	CX_PICK = 1 << 3,     /* single choice */
	CX_CHECK = 1 << 4,    /* multiple choice */
	CX_ITEMS = 1 << 5,    /* list of items, not editing one */
	CX_ITEMEDIT = 1 << 6, /* editing one item */
	CX_LIST = 1 << 7,     /* the list of descriptions */
	CX_PROMPT = 1 << 8,   /* a one-line question (jump to field, new name) */
	CX_HELP = 1 << 9,     /* the help screen */
	CX_GUIDE = 1 << 11,   /* the guidance shown full size */
	/* The questions with fixed answers, each with its own keys and bar. */
	CX_ASK_QUIT = 1 << 12,    /* unsaved changes: save, close, back */
	CX_ASK_RECOVER = 1 << 13, /* unsaved text found: take back, saved version */
	CX_ASK_REMOVE = 1 << 14,  /* delete a description: delete, keep */
	CX_ASK_SPELL = 1 << 15,   /* the spelling menu: its letters, close */
	/* deleting a draft that was never saved: Enter keeps it, only Ctrl-D
	 * deletes (a copy of its text is kept); a high bit, apart from the rest */
	CX_ASK_DROP = 1 << 24,
	CX_CONFIRM = CX_ASK_QUIT | CX_ASK_RECOVER | CX_ASK_REMOVE | CX_ASK_SPELL,
	CX_TUTOR = 1 << 16,       /* the form in algedit tutor (tutor.c) */
	CX_SETTLE = 1 << 17,      /* settling a conflict field by field (settle.c) */
	CX_HISTORY = 1 << 18,     /* the history of a description (history.c) */
};

typedef struct action_info {
	action id;
	const char *name;    /* N_(): short, for the key bar */
	const char *help;    /* N_(): one sentence, for the help screen */
} action_info;

typedef struct key_binding {
	action id;
	int key;             /* curses key code, control character, TK_ALT(c) or TK_* */
	unsigned ctx;        /* CX_* where it applies */
	bool bar;            /* shown in the key bar for that context */
} key_binding;

/* The bar's word for an action in a context, where it is not the action's
 * name (a question's answers: "Save and close", "Keep it"). */
typedef struct bar_label {
	action id;
	unsigned ctx;
	const char *label;   /* N_() */
} bar_label;

extern const action_info actions[];
extern const key_binding keys[];
extern const size_t nkeys;
/* The help screen's list of keys, grouped by where they work, aligned by
 * display width; generated from the action and key tables. */
char *help_keys_text(void);
/* The help's heading for the keys that work in ctx (the first group that
 * matches), translated; NULL: none. */
const char *help_group_title(unsigned ctx);
/* The key bar's word for action id in context ctx. */
const char *bar_name(action id, unsigned ctx);

#define TK_CTRL(c) ((c) & 0x1f)
#define TK_ALT(c) (0x110000 + (c))
/* Keys ncurses reports with codes assigned at run time. */
enum {
	TK_CTRL_LEFT = 0x120000, TK_CTRL_RIGHT, TK_CTRL_HOME, TK_CTRL_END, TK_ALT_UP, TK_ALT_DOWN,
	TK_CTRL_UP, TK_CTRL_DOWN, TK_ALT_ENTER, TK_PASTE_START, TK_PASTE_END, TK_ALT_PGUP, TK_ALT_PGDN,
	TK_UNKNOWN,           /* an escape sequence not known: dropped, ev->text names it */
};

const action_info *action_get(action a);
/* The action bound to key in context mask ctx, or A_NONE. */
action key_action(int key, unsigned ctx);
/* The display name of a key ("F2", "^S", "Alt-↑", "Enter"). */
const char *keyname_of(int key, char buf[32]);

/* ---- events ---- */

typedef enum ev_kind { EV_NONE, EV_KEY, EV_CHAR, EV_PASTE, EV_RESIZE } ev_kind;

typedef struct tui_event {
	ev_kind kind;
	int key;              /* EV_KEY */
	uint32_t ch;          /* EV_CHAR */
	const char *text;     /* EV_PASTE: UTF-8 */
	size_t len;
} tui_event;

#include "tui/view.h"
#include "tui/review.h"

/* ---- state ---- */

typedef enum ov_kind {
	OV_NONE, OV_HELP, OV_JUMP, OV_QUIT, OV_RECOVER, OV_GUIDE, OV_NEWNAME, OV_REMOVE, OV_SPELL,
	OV_TPLFILE,   /* the path of a template file */
	OV_TPLPICK,   /* one of the templates in it */
	OV_CONNECT,   /* the team server's address (sync_ui.c) */
	OV_ASKREVIEW, /* the message with a request for review (sync_ui.c) */
	OV_SETTLE,    /* the fields of a conflict, one by one (settle.c) */
	OV_SETTLE_EDIT, /* ... your own text for one */
	OV_HISTORY,   /* the versions of a description (history.c) */
} ov_kind;

typedef struct list_entry {
	char *path, *slug;
	char *name, *status;
	size_t req_filled, req_total, always_filled, always_total, errors;
	int score;                /* the register's completeness score; -1: unread */
	time_t mtime;
	bool loaded;
	bool unsaved;             /* no file: only the journal holds its text */
	/* The review (list_review_load): state, note, open comments and
	 * suggestions, and whether it waits for this user's review. */
	signed char rstate;       /* -1: no records */
	unsigned char rnote;
	unsigned ropen;
	bool rwait;
	bool conflict;            /* the last sync found fields changed on both sides */
} list_entry;

/* The list of descriptions (list.c). */
typedef struct list_state {
	char *repo;               /* NULL: the editor was opened on one file */
	list_entry *entries;
	size_t nentries, nloaded;
	size_t *shown;            /* indexes of entries that pass the filter */
	size_t nshown;
	size_t sel, top;
	textbuf filter;
	bool has_reviews;         /* some description has review records: the column shows */
	bool only_mine;           /* the filter "waiting for my review" */
} list_state;

/* Where the form's parts go in the field column: the box's rows, the
 * findings under it and the guidance pane below; computed once per turn by
 * form_settle, read by the painter. */
typedef struct form_geom {
	int top, h, x, w;     /* the field column */
	bool guide_below;
	int frows;            /* rows of findings under the box */
	int ed;               /* rows inside the box */
	int fy;               /* the box's top row */
	int gy, gh;           /* the guidance below: its separator row and rows */
} form_geom;

/* The form: one description being edited (form.c). */
typedef struct form_state {
	description *d;
	char *path;
	bool modified;            /* differs from the saved file (undo back to it: not modified) */
	ynode **saved_vals;       /* the fields as saved (or as opened); NULL: never saved */
	bool journaled;           /* this session wrote the journal since the last save */
	size_t field;
	textbuf tb;               /* the text of the current field (or item part) */
	tb_history *hist;         /* per field: its undo steps while another is edited */
	int text_width;           /* the wrap width the painter used last */
	size_t text_top;          /* first row of the text shown */
	size_t sel;               /* highlighted value / item */
	bool editing_item;
	size_t item_part;         /* 0 title, 1 link */
	size_t sugg_sel;          /* the highlighted suggestion for the part, from 1; 0: none */
	bool item_new;
	findings fs;              /* every finding, kept current */
	field_length len_cache;   /* the register length of tb, keyed on its version */
	form_geom geom;           /* this turn's (form_settle) */
	spell_mark *marks;
	size_t nmarks;
	bool spell_ready;         /* marks were computed with the dictionary */
	bool spell_wanted;        /* F7 was pressed while the dictionary loaded */
	size_t spell_start, spell_end;      /* OV_SPELL: the word */
	struct spell_suggestion *spell_sugg;
	char *const *spell_list;  /* owned by spell_sugg */
	size_t spell_nlist;
	size_t spell_pick;        /* a number typed before the list came (0: none) */
	bool guide_hidden;        /* the user hid the guidance */
	size_t guide_top;         /* the first row of the guidance pane shown */
	/* The guidance text of guide_field, laid out by the painter; built
	 * again only when the field or the language changes (not every key). */
	textbuf guide;
	const std_field *guide_field;
	int guide_lang;
	/* journal */
	bool journal_pending;
	long long journal_last;   /* ms, monotonic */
	bool journal_elsewhere;   /* the last write went to the plain-file journal */
	char *banner;             /* the reviewer sent it back: who and what (sync_ui_opened) */
} form_state;

/* The dialog on top of the list or the form, if any (dialog.c). */
typedef struct dialog_state {
	ov_kind ov;
	textbuf prompt;           /* OV_JUMP, OV_NEWNAME, OV_TPLFILE; OV_TPLPICK filters with it */
	size_t prompt_sel;
	size_t help_top;
	char *tpl_file;           /* the template file being chosen from */
	char *tpl_data;
	size_t tpl_len;
	template_entry *tpl;      /* its templates */
	size_t ntpl;
	struct tpl_catalog *tpl_cat; /* OV_TPLPICK on the register's templates that come with algedit, else NULL */
	char *recover_fields;     /* OV_RECOVER: the labels of the fields the unsaved text changes */
	char *recover_bytes;
	size_t recover_len;
	time_t recover_when;
	char *ask_slug;           /* OV_ASKREVIEW: the description */
	struct settle_state *settle; /* OV_SETTLE: its state (settle.c) */
	struct history_state *history; /* OV_HISTORY: its state (history.c) */
} dialog_state;

typedef struct app {
	const standard *std;
	int lang;                 /* 0 nl, 1 en: the standard's texts */
	bool utf8;                /* the terminal shows ✓ ✎ … (else ASCII marks; tui_term_glyphs) */
	bool color;
	int rows, cols;           /* terminal size, as of the last layout */
	layout lay;               /* this turn's layout (app_relayout) */
	bool in_list;             /* the list is the view (else the form) */
	list_state list;
	form_state form;
	dialog_state dlg;
	struct review_screen *review; /* the review screen, when open (review.c) */

	char *status;             /* one line of feedback */
	bool status_error;
	bool status_tip;          /* it is the opening tip, which a hint may replace */
	size_t status_field;      /* the field it was given in: it goes when the user leaves it */
	bool spell_hinted;        /* the F7 hint was shown (once a session) */

	struct tutor_ui *tutor;   /* algedit tutor: the lesson over the form (tutor.c); else NULL */

	bool quit;
	bool dirty;               /* something to repaint */
	bool bench;               /* no terminal: the bench drives handlers */

	/* Demos (demo.c): the presentation view, the theme, the caption bar. */
	bool present;             /* guidance full width, no key bar */
	bool high_contrast;       /* the high-contrast theme */
	bool demo_bar;            /* a demo plays: its bar takes the key bar's row */
	const char *caption;      /* the caption bar's text (demo.c owns it), or NULL */
	const char *bar_mark;     /* at the key bar's right end ("● recording"), or NULL */
	bool key_queued;          /* the last key came in a burst (waiting, or just after another) */
	long long key_last_ms;    /* when the key before it came */
} app;

/* app.c: the shared state and the dispatch */
void app_init(app *a, const standard *std);
void app_done(app *a);
/* The view that takes events now: a dialog, else the list or the form. */
const view *app_view(const app *a);
extern const view list_view, form_view, dialog_view, tutor_view;
/* Runs the full screen on a prepared app until it quits (loop.c); returns
 * the exit code. */
int app_run_screen(app *a);
/* The state's context mask for the key table. */
unsigned app_context(const app *a);
/* Handles one event: changes state, marks dirty, never paints. */
void app_handle(app *a, const tui_event *ev);
void app_status(app *a, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
long long app_now_ms(void);
/* UTF-8 of code point c in buf; returns its length (form.c). */
size_t app_utf8_encode(uint32_t c, char buf[4]);

/* form.c: the form's handlers and painting */
void form_handle(app *a, const tui_event *ev, action act);
void form_draw(const app *a, int *cy, int *cx);
void form_settle(app *a);
void form_go_field(app *a, size_t i);
bool form_save(app *a);
/* Back to the list (or the end, without one); discard_journal: the text in
 * the journal is no longer wanted. */
void form_close(app *a, bool discard_journal);
/* Takes the journal's text back (the recovery dialog's yes). */
void form_recover(app *a);
/* Drops the undo steps of non-text values (at the end). */
void form_forget_undo(void);
/* The current field's guidance in h rows from (y, x); skip < 0: the pane,
 * scrolled by a->form.guide_top; built first by form_guidance_build (the
 * settle step); the rows it needs at width w. */
void form_guidance_build(app *a);
void form_guidance(const app *a, int y, int x, int w, int h, int skip);
int form_guidance_rows(const app *a, const std_field *f, int w);

/* dialog.c: every dialog's handler and painting */
void dialog_handle(app *a, const tui_event *ev, action act);
void dialog_draw(const app *a, int *cy, int *cx);
void dialog_settle(app *a);

/* form.c: opening and closing a description, the journal, and the model
 * questions the views share (marks, progress, matches). */
/* Opens path (missing file: a new description). Returns 0, or -1 with a
 * message in the status line. Offers recovery when the journal has newer text. */
int app_open(app *a, const char *path, description *fresh);
void app_close_form(app *a);
/* Typed text reaches the journal at most this long (ms) after the change:
 * half the second the design promises, so a slow disk or a busy machine
 * still keeps everything typed more than a second before a crash. */
#define JOURNAL_DELAY_MS 500
/* Writes the journal when due (now in ms) or when forced. */
void app_journal_tick(app *a, long long now, bool force);
/* Field helpers for the painter. */
typedef enum field_mark { FM_EMPTY, FM_FILLED, FM_WARNING, FM_ERROR, FM_MISSING } field_mark;
field_mark app_field_mark(const app *a, const std_field *f);
bool app_field_filled(const app *a, const std_field *f);
void app_progress(const app *a, size_t *req_filled, size_t *req_total, size_t *always_filled,
                  size_t *always_total, size_t *errors);
enum { APP_MAX_SUGGESTIONS = 8 };
/* The suggestions that fit the item part being edited (indexes into its
 * suggestions), at most max; returns how many (0: none, or not editing). */
size_t app_item_suggestions(const app *a, size_t *out, size_t max);
/* Fields that match the jump prompt, in order; returns how many. */
size_t app_jump_matches(const app *a, size_t *out, size_t max);
/* True when the current field is edited as text. */
bool app_field_is_text(const std_field *f);

/* Recomputes the spelling marks of the current field (and findings). */
void app_refresh_marks(app *a);
/* The current field's text changed outside the key handlers: store it. */
void app_text_changed(app *a);

/* Opens the help at the keys of ctx, the screen it was asked from
 * (dialog.c). */
void app_help_open(app *a, unsigned ctx);

/* spell_ui.c */
void spell_ui_start(const char *repo);
void spell_ui_stop(void);
/* Blocks until the dictionary is loaded (benches and tests). */
void spell_ui_wait_ready(void);
char *spell_ui_report(const char *text, size_t len);
bool spell_ui_tick(app *a);
void spell_ui_open(app *a);
void spell_ui_close(app *a);
void spell_ui_opened(void);
bool spell_ui_key(app *a, action act, const tui_event *ev);
char *spell_ui_menu_text(const app *a);

/* list.c: the list of descriptions, its handler and painting */
void list_draw(const app *a, int *cy, int *cx);
void list_settle(app *a);
int list_open(app *a, const char *repo);
void list_load_some(app *a, size_t max);
void list_handle(app *a, const tui_event *ev, action act);
void list_refilter(app *a);
void list_reload_entry(app *a, const char *path);
void list_done(app *a);
/* The review state of every description, from the store in use (the
 * column and the filter "waiting for my review"). */
void list_review_load(app *a);
/* A new description from a register template file, "FILE" or "FILE#ID":
 * opens the form on it, not yet saved, or shows the picker when the file
 * holds several templates. Returns 0, or -1 with the reason in the status
 * line. */
int list_from_template(app *a, const char *arg);
/* The templates of the picker that match its filter; returns how many. */
size_t list_template_matches(const app *a, size_t *out, size_t max);
void list_template_forget(app *a);
/* A file name from a title, for plain files (the store names its own). */
char *list_slug(const char *name);

/* sync_ui.c: the team in the editor: sync (asking the team server's
 * address the first time), the conflicts it found in the list, asking for
 * a review. Through flows/, like the command line. */
void sync_ui_start(app *a);
void sync_ui_ask_review(app *a);
/* OV_CONNECT and OV_ASKREVIEW: Enter. */
void sync_ui_confirm(app *a);
void sync_ui_draw(const app *a, int *cy, int *cx);
/* A description was opened from the list: when the reviewer sent it back,
 * the status line says so with the reviewer's message. */
void sync_ui_opened(app *a, const char *slug);
/* Marks the entries with conflicts (after list_open and each sync). */
void sync_ui_mark_conflicts(app *a);
/* settle.c: a conflict settled field by field. settle_open: false when
 * the description has no conflict left. */
typedef struct settle_state settle_state;
bool settle_open(app *a, const char *slug, const char *name);
void settle_handle(app *a, const tui_event *ev, action act);
void settle_draw(const app *a, int *cy, int *cx);
void settle_done(app *a);
/* history.c: the versions of the highlighted description. */
typedef struct history_state history_state;
void history_open(app *a);
void history_handle(app *a, const tui_event *ev, action act);
void history_settle(app *a);
void history_draw(const app *a, int *cy, int *cx);
void history_done(app *a);
/* dialog.c: a one-line question in a box over the view (the prompt). */
void dialog_prompt_box(const app *a, const char *title, const char *label, int *cy, int *cx);

/* layout.c: the layout of a for a rows × cols screen, into a->lay; the
 * loop calls it once per turn, before the painter and the handler. */
void app_relayout(app *a, int rows, int cols);
/* After the handler, before the painter: each view on screen settles what
 * the painter would otherwise change (scroll positions within their text,
 * wrap widths, caches), so that draw() only reads. */
void app_settle(app *a);

/* draw.c: paints the whole state (curses), by a->lay; changes no state.
 * The caller lays out and settles first (app_relayout, app_settle). */
void draw(const app *a);
void draw_init_colors(app *a);

#endif
