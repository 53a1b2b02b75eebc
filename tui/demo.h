/* demo: recording and playing key scripts in the editor, the caption bar
 * and the presentation view (tui/demo.c). Internal to tui/. */
#ifndef ALGEDIT_TUI_DEMO_H
#define ALGEDIT_TUI_DEMO_H

#include "tui/app.h"
#include "forms/keyscript.h"
#include "base/base.h"

/* At screen start: presentation, theme, and the demo's bar. */
void demo_attach(app *a);
/* The loop's source of events: the keyboard (recorded with --record), or
 * the script being played, with the keyboard steering it (pause, step,
 * start again, stop). Same contract as input_read. */
int demo_input(app *a, tui_event *ev, int timeout_ms, strbuf *paste);
/* Paints the caption bar and the demo's bar (after the view). */
void demo_draw(const app *a, int *cy, int *cx);
/* A script's key as the editor's event, and an editor key as the script
 * writes it (false for one it cannot write). */
void demo_key_event(const ks_key *k, tui_event *ev);
bool demo_event_key(int key, ks_key *k);
/* The sandbox of the demo being played, or NULL when none plays. */
const char *demo_sandbox(void);
/* For a prompt that opens a file: path itself, or, while a demo plays, the
 * file's real path when it lies in the sandbox (a relative path is taken
 * from the sandbox), else NULL with errno EACCES (caller frees). */
char *demo_file_path(const char *path);
/* The caption bar's rows at this width (layout). */
int demo_caption_rows(const app *a, int cols);

#endif
