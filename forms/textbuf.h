/* textbuf: the editor's text model, without a terminal. A UTF-8 buffer with a
 * cursor that moves by character cluster (a code point with its combining
 * marks, joiners and variation selectors), word and line; insert and delete
 * that never split a sequence; undo/redo; and soft wrapping by display width
 * (wide characters and emoji take two columns, control characters are shown
 * escaped). The editor's widgets only draw what this computes. */
#ifndef ALGEDIT_TEXTBUF_H
#define ALGEDIT_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Display width of one code point as the editor shows it: 0 for combining
 * marks and joiners, 2 for wide and emoji characters, and the width of the
 * escaped form for control characters. Pure: independent of the locale, so
 * the wrapping is the same in tests and on every terminal. */
int tb_cp_width(uint32_t cp);
/* The escaped form of a code point that must never reach the terminal raw
 * (C0/C1 controls, DEL, bidi overrides), written to buf (at least 12 bytes);
 * returns NULL when the code point may be shown as it is. */
const char *tb_cp_escape(uint32_t cp, char buf[12]);
/* True for code points that attach to the one before (combining marks, ZWJ,
 * variation selectors, emoji modifiers). */
bool tb_cp_attaches(uint32_t cp);
/* Display width of the text s[0..n). */
int tb_text_width(const char *s, size_t n);

/* Length in bytes of the cluster starting at byte off (0 at the end). */
size_t tb_next_cluster(const char *s, size_t len, size_t off);
/* Start of the cluster that ends at byte off (off itself at 0). */
size_t tb_prev_cluster(const char *s, size_t len, size_t off);

typedef struct tb_edit {
	size_t pos;           /* where the change happened */
	char *del;            /* bytes removed (NULL when none) */
	size_t ndel;
	char *ins;            /* bytes inserted (NULL when none) */
	size_t nins;
	size_t cur_before, cur_after;
	bool typing;          /* a run of typed characters, which later typing may extend */
} tb_edit;

typedef struct tb_line {
	size_t start, end;    /* byte range shown on this row (end excludes the newline) */
	bool hard;            /* ends at a newline (or the end of the text) */
} tb_line;

typedef struct textbuf {
	char *s;              /* always NUL-terminated, valid UTF-8 */
	size_t len, cap;
	size_t cur;           /* cursor: a byte offset on a cluster boundary */
	int goal_col;         /* column kept by up/down; -1 when unset */
	bool single_line;     /* newlines typed or pasted become spaces */
	size_t max_bytes;     /* refuse inserts beyond this (0 = no limit) */
	tb_edit *undo;        /* done edits, oldest first */
	size_t nundo, capundo;
	tb_edit *redo;        /* undone edits, most recent last */
	size_t nredo, capredo;
	bool seal;            /* the next typed character starts a new undo step */
	bool burst;           /* typed keys arrive faster than a hand types (a paste the
	                         terminal did not mark): the run is one step, words and all */
	unsigned long version; /* bumped on every change, so views can cache */
	/* Wrapped layout, recomputed when version or width changed. */
	tb_line *lines;
	size_t nlines, caplines;
	int layout_width;
	unsigned long layout_version;
} textbuf;

void tb_init(textbuf *tb);
void tb_done(textbuf *tb);
/* Replaces the whole text (invalid UTF-8 becomes U+FFFD), cursor at the end,
 * and forgets the undo history. */
void tb_set(textbuf *tb, const char *s, size_t n);
const char *tb_text(const textbuf *tb);

/* Inserts at the cursor; invalid UTF-8 becomes U+FFFD, "\r\n" and "\r" become
 * "\n". `typing` merges runs of typed characters into one undo step. Returns
 * false when nothing could be inserted (max_bytes). */
bool tb_insert(textbuf *tb, const char *s, size_t n, bool typing);
/* Replaces [from, to) by s as one undo step (a spelling fix), cursor after
 * it. False when nothing changed or max_bytes refuses it. */
bool tb_replace(textbuf *tb, size_t from, size_t to, const char *s, size_t n);
/* Deletes the cluster before / after the cursor. False at the edge. */
bool tb_backspace(textbuf *tb);
bool tb_delete(textbuf *tb);
/* Deletes back to the start of the word before the cursor. */
bool tb_delete_word_back(textbuf *tb);
/* Deletes from the cursor to the end of its logical line (or the newline). */
bool tb_delete_to_eol(textbuf *tb);

bool tb_left(textbuf *tb);
bool tb_right(textbuf *tb);
void tb_word_left(textbuf *tb);
void tb_word_right(textbuf *tb);
/* Start and end of the cursor's row in the layout for width (soft wrapped);
 * pressed again at the start of a row, Home goes to the start of the
 * logical line. */
void tb_home(textbuf *tb, int width);
void tb_end(textbuf *tb, int width);
void tb_top(textbuf *tb);
void tb_bottom(textbuf *tb);
/* Up and down one row of the layout for width, keeping the goal column. */
bool tb_up(textbuf *tb, int width);
bool tb_down(textbuf *tb, int width);
/* Moves the cursor to byte off (snapped back to a cluster boundary). */
void tb_set_cursor(textbuf *tb, size_t off);

bool tb_undo(textbuf *tb);
bool tb_redo(textbuf *tb);
/* Ends the current undo step (a cursor move or a pause ends a run of typing). */
void tb_seal(textbuf *tb);

/* A field's undo history kept aside while other text is edited in the same
 * buffer: the editor has one buffer for the current field, and this lets
 * undo reach back past leaving the field and coming back to it. */
typedef struct tb_history {
	char *text;           /* the text the history applies to */
	size_t len, cur;
	tb_edit *undo, *redo;
	size_t nundo, capundo, nredo, capredo;
} tb_history;
/* Moves tb's undo and redo steps into h (replacing what h held), with a
 * copy of the text and the cursor; tb keeps its text, without history. */
void tb_history_save(textbuf *tb, tb_history *h);
/* When tb holds exactly the text h was saved with, gives the steps and the
 * cursor back to tb (replacing tb's own) and returns true; otherwise the
 * history no longer applies and is dropped. h is empty afterwards. */
bool tb_history_restore(textbuf *tb, tb_history *h);
void tb_history_done(tb_history *h);

/* Wraps the text into rows of at most width columns, breaking after spaces
 * where possible. Always at least one row. The result is cached in tb. */
const tb_line *tb_layout(textbuf *tb, int width, size_t *nlines);
/* Row and column of the cursor in the layout for width. */
void tb_cursor_pos(textbuf *tb, int width, size_t *row, int *col);

/* Number of characters (code points), as a person counts them. */
size_t tb_chars(const textbuf *tb);

#endif
