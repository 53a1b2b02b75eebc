/* review: the review screen, a view (see view.h). It shows what changed in
 * one description since the last approval (or since the version the
 * reviewer last answered, or --since REV), one changed field at a time,
 * with the changed words marked, as one combined change or version by
 * version; and takes the reviewer's comments, suggestions, reviewed marks,
 * approval or request for changes as review records. Internal to tui/. */
#ifndef ALGEDIT_TUI_REVIEW_H
#define ALGEDIT_TUI_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

struct app;
struct store;

/* Where the review screen's keys apply (beside the CX_* of app.h). */
enum {
	CX_REVIEW = 1 << 20,      /* the review screen */
	CX_REVIEW_EDIT = 1 << 21, /* typing a comment, a suggestion, a message */
};

extern const struct view review_view;
/* Opens the review screen of slug over the list or the form; since: a
 * version (commit, or ~N) to start from, or NULL. Returns 0, or -1 with
 * the reason in the status line. */
int review_open(struct app *a, struct store *s, const char *slug, const char *since);
/* Closes it (nothing when it is not open). */
void review_close(struct app *a);
/* Closing the screen ends the editor (it was opened on its own). */
void review_quit_on_close(struct app *a);
unsigned review_context(const struct app *a);
void review_settle(struct app *a);

/* The form's side: the open comments and suggestions of the description
 * in the form. review_notes_sync (the settle step) loads them when the
 * description or the records changed and returns true then; gen counts
 * the loads. count: open comments and suggestions on field key. text:
 * them as text for the guidance pane (the suggestions as word diffs). */
#include "base/base.h"
bool review_notes_sync(struct app *a);
unsigned review_notes_gen(void);
size_t review_notes_count(const char *key);
void review_notes_text(const struct app *a, const char *key, strbuf *out);
void review_notes_forget(void);
/* Reply, resolve, accept, reject in the form; false: not such a key. */
bool review_form_key(struct app *a, action act);

#endif
