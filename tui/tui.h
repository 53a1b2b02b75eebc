/* tui: the editor's entry points for the command line, and the hooks other
 * modules fill in (the spell engine). Callers need no curses. */
#ifndef ALGEDIT_TUI_H
#define ALGEDIT_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "standard/standard.h"

/* Each entry point works on the standard std, loaded once by the caller
 * (the same copy the drafts repository was opened with), which must
 * outlive the call. */

/* Opens the editor on one description file (created on save when it does
 * not exist). Returns the process exit code. */
int tui_edit_file(const standard *std, const char *path);
/* Opens the list of the .yaml files in <repo>/algoritmes, and the editor
 * from it. With a template ("FILE" or "FILE#ID", else NULL) it starts on a
 * new description made from that register template file (a picker first
 * when the file holds several and no ID is given); a template that cannot
 * be read is reported on stderr before the screen starts (exit code 2). */
int tui_list(const standard *std, const char *repo, const char *template_arg);
/* When set, the list's title names this place instead of the folder (a
 * demo's sandbox: its temporary path means nothing to the room). */
extern const char *tui_list_place;
/* The same walk as questions and answers on in/out, without curses. */
int tui_plain(const standard *std, const char *path, FILE *in, FILE *out);
/* Plain mode without a file: lists the repository and asks which one. */
int tui_plain_list(const standard *std, const char *repo, FILE *in, FILE *out);
/* Opens the review screen of slug in the drafts repository repo (the
 * store in use: persist_use_store), over the list; since: a version to
 * start from (commit or ~N), or NULL. Returns the process exit code. */
int tui_review(const standard *std, const char *repo, const char *slug, const char *since);
/* The same review as text and line prompts on in/out (screen readers). */
int tui_review_plain(const standard *std, const char *slug, const char *since, FILE *in, FILE *out);
/* True when curses can draw the full screen on standard output's terminal
 * ($TERM known, with cursor addressing); false for TERM=dumb and the like. */
bool tui_terminal_usable(void);
/* The locale the full screen reads keys and shows text in (before it
 * starts): 0 the locale's own (UTF-8, or an 8-bit set such as ISO-8859-1
 * that ncursesw converts), 1 a UTF-8 locale put in place of an ASCII one
 * (C, POSIX, a locale that is not installed; *used names it), -1 no UTF-8
 * locale exists to put there (the screen would lose typed text). */
int tui_term_locale(const char **used);
/* Whether the screen can show signs such as ✓ ✎ … (a UTF-8 locale on a
 * terminal other than the Linux console); else their ASCII forms. */
bool tui_term_glyphs(void);

/* Demos (tui/demo.c). Set before tui_list or tui_edit_file: record the
 * session's keys to record (a key script, see forms/keyscript.h, written
 * when the editor ends), or play the script play (the keyboard then steers
 * it) at speed times its pace; present: the presentation view. */
struct keyscript;
typedef struct tui_demo_opts {
	const char *record;
	const struct keyscript *play;
	double speed;
	bool present;
	bool high_contrast;
} tui_demo_opts;
void tui_demo_set(const tui_demo_opts *o);
/* After the editor ended: true when the person asked for the demo to
 * start again (the caller makes a fresh sandbox and plays it again). */
bool tui_demo_restart(void);
/* Writes the recorded script; 0, or -1 with errno set. */
int tui_demo_save_record(void);

/* Spell-check hook: the spell engine sets it when a dictionary is loaded.
 * It reports byte ranges of text (the value of field f) to underline, as a
 * malloc'd array in *out; returns how many. Must be fast (it runs as the
 * user types) and must not block on the dictionary. NULL: no marks. */
typedef struct spell_mark {
	size_t start, end;
} spell_mark;
typedef size_t (*tui_spell_fn)(void *ctx, const std_field *f, const char *text, size_t len,
                               spell_mark **out);
extern tui_spell_fn tui_spell_check;
extern void *tui_spell_ctx;

#endif
