/* flows: the things a user does, end to end, one function each, called by
 * cli/ and tui/ alike: connect and sync with the team server, join a team,
 * find a description by the name a person types, settle a conflict field
 * by field. Each returns what happened (translated lines, a status) for
 * its caller to show; none prints or paints. Texts from files and remotes
 * are not escaped here: the caller shows them through base/escape. */
#ifndef ALGEDIT_FLOWS_H
#define ALGEDIT_FLOWS_H

#include "store/store.h"

#include <stdbool.h>
#include <stddef.h>

/* What a sync (or a join) did. */
typedef struct flow_sync_result {
	store_status status;
	bool connected;             /* a team server was connected now */
	char *url;                  /* the team server's address, without a password */
	store_sync_report rep;
	size_t conflicts;           /* fields to settle (status STORE_CONFLICT) */
	char **lines;               /* what happened, translated, one line each */
	size_t nlines;
	char **notes;               /* to know besides (links not opened, a note for IT) */
	size_t nnotes;
	char *error;                /* status not STORE_OK: what went wrong, what to do */
} flow_sync_result;
void flow_sync_result_done(flow_sync_result *r);

/* Whether what a person gave after sync is an address (URL, host:path, a
 * folder) rather than the name of a remote. */
bool flow_is_address(store *s, const char *where);

/* Syncs with the team server. where: NULL (the one connected), the name of
 * a remote, or an address: then the repository is connected to it first
 * (remembered) and synced. ask: asks a user name and password (NULL:
 * never). */
void flow_sync(store *s, const char *where, store_ask_cred ask, void *ctx, flow_sync_result *out);

/* Joins a team: opens (or makes) the drafts repository dir (NULL: the
 * default), connects it to url and takes the team's descriptions. out->url
 * is set; *workdir gets the repository's folder (caller frees), or NULL
 * when it could not be opened. */
void flow_join(const standard *std, const char *dir, const char *url, store_ask_cred ask, void *ctx,
               flow_sync_result *out, char **workdir);

/* ---- a description as a person names it ---- */

/* The slug of the description arg names: its file name (with or without
 * algoritmes/ and .yaml), its name as the list shows it (case and accents
 * as typed or not), or the start of either when only one fits. None: NULL,
 * and *error says so and names the closest one (caller frees). With
 * allow_gone, a valid file name that is not in the folder (a removed
 * description, for log and restore) is given back as it is. */
char *flow_find_desc(store *s, const char *arg, bool allow_gone, char **error);

/* ---- conflicts ---- */

/* The side a word names: mine, my, ours, local, mijn, mijne, eigen, hier
 * (CHOICE_MINE); theirs, their, server, team, hun, hunne, van hen, daar
 * (CHOICE_THEIRS); a trailing ':' (as resolve shows them) is fine. Else
 * CHOICE_NONE. */
store_choice flow_choice_word(const char *word);

/* The conflict of slug whose field `field` names: the key, the label in
 * Dutch or English (case and accents free), "Label (key)" as resolve shows
 * it, or the start of a label when only one fits. NULL when none. */
const store_conflict *flow_conflict_field(const store_conflict *c, size_t n, const char *slug, const char *field);

/* The words of the choices, for showing a conflict: "mine"/"theirs" in the
 * user's language. */
const char *flow_choice_label(store_choice c);

/* ---- review ---- */

/* Asks for a review of the latest saved version of slug, with a message
 * (may be NULL) and the reviewers named (may be none). *said: what
 * happened; *error when it did not (both translated, caller frees). */
store_status flow_ask_review(store *s, const char *slug, const char *message, const char *const *reviewers,
                             size_t nreviewers, char **said, char **error);
/* When the reviewer sent slug back: "Changes asked by NAME: MESSAGE" for
 * the top of the form; else NULL (caller frees). */
char *flow_changes_banner(store *s, const char *slug);
/* Where a review of r starts, for the review screen and algedit review
 * alike: since (~N, or any revision: the newest version at or before it),
 * else the last approval, else the newer of the version the reviewer me
 * (an e-mail address; may be NULL) last saw and the last one they wrote a
 * record about, else the start. *base: an index into r->versions
 * (r->nversions: from nothing); *why: the reason, translated (caller
 * frees). */
void flow_review_start(store *s, const store_review *r, const char *since, const char *me, size_t *base, char **why);

/* ---- history ---- */

/* The date and time of a version in its author's time zone
 * ("2026-03-01 14:05"), or "unknown date". */
void flow_version_when(const store_version *v, char out[32]);
/* What version i of v (newest first, n of them, from store_log) changed
 * against the one before it, field by field, [-removed-] and {+added+}
 * marked; caller frees. */
char *flow_version_diff(store *s, const char *slug, const store_version *v, size_t i, size_t n);
/* Saves version v of slug again as a new version (its fields as they were
 * then). Refuses while the journal holds unsaved text for it. */
store_status flow_bring_back(store *s, const char *slug, const store_version *v, char **said, char **error);

#endif
