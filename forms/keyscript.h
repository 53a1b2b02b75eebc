/* keyscript: the plain-text key scripts of recorded and prepared demos, one
 * step a line, which a trainer can read and edit:
 *
 *   # a comment            (blank lines too are skipped)
 *   size 100 30            the terminal size the script was made for
 *   wait 300               ms since the previous step, as recorded
 *   key C-n                one key: C-x, M-x, Enter, Tab, S-Tab, Esc, Space,
 *                          Backspace, Delete, Up, Down, Left, Right, Home, End,
 *                          PageUp, PageDown, F1..F12, C-Left, C-Right, C-Up,
 *                          C-Down, C-Home, C-End, M-Up, M-Down, M-PageUp,
 *                          M-PageDown, M-Enter
 *   text Parkeervergunning typed text (UTF-8, the rest of the line)
 *   caption Waarom ...     a note shown in the caption bar
 *
 * Pure: no curses. The editor maps the key names to its own codes. */
#ifndef ALGEDIT_FORMS_KEYSCRIPT_H
#define ALGEDIT_FORMS_KEYSCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Named keys; a key is a name or a printable character, with modifiers. */
typedef enum ks_named {
	KSK_CHAR = 0,   /* ch holds the character (C-x, M-x) */
	KSK_ENTER, KSK_TAB, KSK_ESC, KSK_SPACE, KSK_BACKSPACE, KSK_DELETE,
	KSK_UP, KSK_DOWN, KSK_LEFT, KSK_RIGHT, KSK_HOME, KSK_END, KSK_PAGEUP, KSK_PAGEDOWN,
	KSK_F1, /* ... KSK_F1 + 11 is F12 */
	KSK_F12 = KSK_F1 + 11,
} ks_named;

enum { KSM_CTRL = 1, KSM_ALT = 2, KSM_SHIFT = 4 };

typedef struct ks_key {
	ks_named named;
	uint32_t ch;      /* KSK_CHAR: a lower-case ASCII letter, digit or sign */
	unsigned mods;    /* KSM_* */
} ks_key;

typedef enum ks_kind { KS_WAIT, KS_KEY, KS_TEXT, KS_CAPTION, KS_SIZE } ks_kind;

typedef struct ks_step {
	ks_kind kind;
	unsigned line;    /* in the file, from 1 */
	long ms;          /* KS_WAIT */
	ks_key key;       /* KS_KEY */
	char *text;       /* KS_TEXT, KS_CAPTION: UTF-8, no control characters */
	int cols, rows;   /* KS_SIZE */
} ks_step;

typedef struct keyscript {
	ks_step *v;
	size_t n, cap;
} keyscript;

/* Limits: what a demo needs, and no more (a script is outside input). */
enum { KS_MAX_BYTES = 1 << 20, KS_MAX_LINE = 4096, KS_MAX_WAIT_MS = 600000 };

void ks_init(keyscript *s);
void ks_done(keyscript *s);
/* Parses data (len bytes); name is the file's name for messages. Returns 0,
 * or -1 with *err a message naming file, line and what is wrong (caller
 * frees) and s left empty. */
int ks_parse(keyscript *s, const char *name, const char *data, size_t len, char **err);
/* The name of key k as the script writes it ("C-n", "F2", "Enter"), in buf.
 * Returns buf, or NULL for a key a script cannot write. */
const char *ks_key_name(const ks_key *k, char buf[24]);
/* Reads one key name; true when it is one. */
bool ks_key_parse(const char *name, ks_key *k);
/* Appends the steps as script text to out (malloc'd, NUL-terminated). */
char *ks_format(const keyscript *s);
/* Adds a step (text copied). */
void ks_add(keyscript *s, const ks_step *st);

#endif
