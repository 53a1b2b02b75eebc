/* tutor: `algedit tutor`, lessons on the standard done in a sandbox
 * repository and checked by the rules (forms/lessons.h), on the full screen
 * (a view over the form) or as line prompts (--plain). Callers need no
 * curses. */
#ifndef ALGEDIT_TUI_TUTOR_H
#define ALGEDIT_TUI_TUTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "standard/standard.h"

typedef struct tutor_opts {
	const char *sandbox;   /* the sandbox repository's folder (made when missing) */
	const char *progress;  /* the progress file (mode 0600) */
	size_t lesson;         /* 1-based lesson to start at; 0: where the learner left off */
	bool plain;            /* line prompts on in/out instead of the full screen */
	FILE *in, *out;
} tutor_opts;

/* Runs the tutor; returns the process exit code. */
int tui_tutor(const standard *std, const tutor_opts *o);

#endif
