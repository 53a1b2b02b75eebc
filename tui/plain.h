/* plain.h: the line reading of plain mode (plain.c), shared with the
 * tutor's plain lessons (tutor.c), so both read answers the same way. */
#ifndef ALGEDIT_TUI_PLAIN_H
#define ALGEDIT_TUI_PLAIN_H

#include <stdbool.h>
#include <stdio.h>

/* One line from in without its newline (and a CR before it); caller frees.
 * NULL at the end of input: *eof is set and a newline ends the prompt on
 * out. Nothing is read once *eof is set. */
char *plain_read_line(FILE *in, FILE *out, bool *eof);
/* A long text: first (taken over) and the lines after it up to one that
 * holds only ".", joined with newlines, empty lines at its end dropped.
 * NULL when nothing is left (caller frees). */
char *plain_read_block(FILE *in, FILE *out, bool *eof, char *first);

#endif
