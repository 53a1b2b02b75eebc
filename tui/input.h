/* input: reading the terminal into events (curses). */
#ifndef ALGEDIT_TUI_INPUT_H
#define ALGEDIT_TUI_INPUT_H

#include "tui/app.h"
#include "base/base.h"

void input_init(void);
void input_done(void);
/* Waits up to timeout_ms (-1: forever) for one event. Returns 0 on timeout
 * or interruption by a signal. Pasted text is kept in paste. */
int input_read(tui_event *ev, int timeout_ms, strbuf *paste);
/* Whether this terminal has key (its terminfo names the function key; other
 * keys: true). The key bar and hints offer only keys the terminal has. */
bool input_has_key(int key);
/* The first byte read since the last call that was not a character of the
 * locale (it was read as Windows-1252), or 0; cleared by the call. */
int input_bad_byte(void);
/* From now on input_read reads these bytes (the fuzz target, tests), not
 * the terminal; ERR (no event) at their end. NULL: the terminal again. */
void input_feed(const unsigned char *bytes, size_t n);

#endif
