/* store: the drafts repository, through libgit2. Opens or creates it, reads
 * and saves descriptions (a save is a commit), keeps the journal that makes
 * sure no typed text is lost, reads the history of a description, and syncs
 * with remotes, merging field by field. Only this layer includes git2.h.
 *
 * Every function returning store_status leaves a translated message that says
 * what happened and what to do in store_error() when it is not STORE_OK. */
#ifndef ALGEDIT_STORE_H
#define ALGEDIT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "forms/desc.h"
#include "forms/diff.h"
#include "forms/review.h"

typedef struct store store;

typedef enum store_status {
	STORE_OK = 0,
	STORE_UNCHANGED,    /* save: the saved version is the same; no commit made */
	STORE_ERROR,        /* anything else; the message says what */
	STORE_NOT_FOUND,    /* no such description, revision or remote branch */
	STORE_BUSY,         /* a merge, rebase, cherry-pick... is in progress */
	STORE_LOCKED,       /* another program holds the index lock */
	STORE_DETACHED,     /* HEAD is not on a branch */
	STORE_NO_AUTHOR,    /* no user.name/user.email: ask, then store_set_author */
	STORE_IO,           /* disk full, read-only, no permission: nothing changed */
	STORE_CONFLICT,     /* sync: fields changed on both sides; see store_conflicts */
	STORE_NO_REMOTE,
	STORE_UNREACHABLE,
	STORE_AUTH,         /* sync: credentials refused, or the ssh server's key not confirmed */
	STORE_REJECTED,     /* push refused again after the retries */
} store_status;

/* The embedded default: $XDG_DATA_HOME/algedit/register, else
 * ~/.local/share/algedit/register (caller frees). */
char *store_default_dir(void);

/* Opens the drafts repository at dir (NULL: the default). A folder that does
 * not exist or is empty becomes a new repository with a first commit (a
 * README for people who open it with other tools, and .algedit/); an existing
 * repository is used as it is. std must outlive the store. On failure returns
 * the status and, in *err, a translated message (caller frees). */
store_status store_open(const standard *std, const char *dir, store **out, char **err);
void store_free(store **s);

const char *store_error(const store *s);

/* What the store read since it was opened, counted where the cost grows
 * with the repository: for tests that check the work stays in proportion
 * (one tree walk per list, one history walk for many new names), not for
 * timing. */
typedef struct store_counts {
	size_t tree_reads;      /* tree objects looked up, by the lists' walk */
	size_t path_lookups;    /* files looked up by path from a root tree
	                         * (each reads every folder on the way) */
	size_t commit_reads;    /* commits looked up */
	size_t history_walks;   /* walks from HEAD over the whole history */
} store_counts;
store_counts store_counts_get(const store *s);
const char *store_workdir(const store *s);   /* ends in '/' */
const standard *store_standard(const store *s);

/* ---- descriptions: algoritmes/<slug>.yaml ---- */

/* "algoritmes/<slug>.yaml", or NULL when slug is not valid (caller frees). */
char *store_relpath(const char *slug);
bool store_exists(store *s, const char *slug);
/* A slug for a new description called name: from the name, unique among the
 * files in the work tree and in HEAD, and not one a removed description had
 * (in the history) or one with a journal of unsaved text (adds -2, -3, ...),
 * so a newcomer is never offered another description's text and restore
 * keeps working. Caller frees. */
char *store_new_slug(store *s, const char *name);
/* The slugs in the work tree, sorted (caller frees with store_slugs_free):
 * the regular files algoritmes/<slug>.yaml. Symbolic links are left out
 * (and never followed); algoritmes/ itself a link gives STORE_ERROR. */
store_status store_list(store *s, char ***slugs, size_t *n);
/* What store_list leaves out, one translated line each, sorted: "algoritmes/
 * x.yaml is a symbolic link (symlink) to somewhere else; algedit does not
 * open it", or one line for algoritmes/ itself. For a note to the user
 * (free with store_slugs_free). */
void store_list_refused(store *s, char ***lines, size_t *n);
void store_slugs_free(char ***slugs, size_t n);

/* Reads the work-tree file. A file that is not a description gives
 * STORE_ERROR with the reader's findings in fs (may be NULL); a symbolic
 * link (the file or algoritmes/) is never followed: STORE_ERROR, and the
 * message names it. Saving never writes through or over a link either. */
store_status store_load(store *s, const char *slug, description **out, findings *fs);
/* Reads the description as it was at rev (any git revision: HEAD~2, a
 * commit id, a branch). Absent there: STORE_NOT_FOUND; no such revision:
 * STORE_ERROR. */
store_status store_load_rev(store *s, const char *rev, const char *slug, description **out);

/* ---- saving ---- */

/* The author saves are made with: user.name/user.email from git config
 * (repository, then global and system), else the name algedit asked once
 * (store_identity_path). STORE_NO_AUTHOR when unset. */
store_status store_author(store *s, char **name, char **email);
/* Keeps the author in the user's algedit config (mode 0600), for every
 * repository: asked once, not once per repository. */
store_status store_set_author(store *s, const char *name, const char *email);
/* $XDG_CONFIG_HOME/algedit/config, else ~/.config/algedit/config (caller
 * frees). */
char *store_identity_path(void);

typedef struct store_saved {
	char commit[41];      /* the new commit's id */
	char *message;        /* its message */
} store_saved;

/* Writes d to algoritmes/<slug>.yaml and commits that file alone on the
 * current branch, with a message naming the description and the changed
 * fields (labels in the user's language). Anything else staged in the index
 * stays staged. No change since HEAD: STORE_UNCHANGED, no commit. Refuses,
 * changing nothing, during a merge or rebase (STORE_BUSY), on a locked index
 * (STORE_LOCKED), on a detached HEAD (STORE_DETACHED), without an author
 * (STORE_NO_AUTHOR). On success the journal of slug is discarded. info may
 * be NULL; free its message with store_saved_done. */
store_status store_save(store *s, const char *slug, const description *d, store_saved *info);
/* The same for several descriptions in one commit (a bulk change): only
 * those that changed are written; none changed: STORE_UNCHANGED. */
store_status store_save_many(store *s, const char *const *slugs, const description *const *ds,
                             size_t n, store_saved *info);
void store_saved_done(store_saved *info);
/* Many saves in a row (an import): between begin and end, saves keep their
 * objects in memory and write them as one pack, and move the branch and
 * git's index once at the end (and on the way when much is held, so memory
 * stays flat). The store's own reads see every save; other programs see
 * them at the end. End reports a failure to write them (nothing of the
 * unwritten part is kept). */
store_status store_batch_begin(store *s);
store_status store_batch_end(store *s);

/* Deletes algoritmes/<slug>.yaml as a commit ("Removed: NAME" in the user's
 * language): the file leaves the work tree and the index, and its history
 * stays, so store_restore can bring it back. A file that was never committed
 * is simply deleted (no commit; info->commit stays empty). Refuses like
 * store_save does, changing nothing. Text in the work tree that no commit
 * holds is kept in the journal, to be offered again after a restore. */
store_status store_remove(store *s, const char *slug, store_saved *info);
/* Brings back the last committed version of a removed description as a new
 * commit ("Restored: NAME"). Present in HEAD: STORE_UNCHANGED (when only the
 * file was missing from the folder it is written back, no commit). Never in
 * the history (first parents from HEAD): STORE_NOT_FOUND. */
store_status store_restore(store *s, const char *slug, store_saved *info);

/* ---- the journal: text typed since the last save, in .git/algedit/journal ---- */

/* Journals the current text of slug: atomic write (temp file, fsync,
 * rename), so a crash at any moment leaves the previous or the new version,
 * never a torn one. Writing the same bytes again costs a comparison only.
 * STORE_IO on a full or read-only disk (the caller keeps the text). */
store_status journal_write(store *s, const char *slug, const char *data, size_t len);
/* The journaled text when it differs from the saved file (to offer for
 * recovery), else NULL. A journal equal to the file is discarded. */
char *journal_pending(store *s, const char *slug, size_t *len);
void journal_discard(store *s, const char *slug);
/* The slugs whose journal holds text but that have no file in the work tree
 * and never had a version in the history (a new description never saved,
 * the editor killed; a removed one's journal waits for a restore instead):
 * sorted, to be listed as not saved and offered back on opening. Free with
 * store_slugs_free. */
store_status journal_unsaved(store *s, char ***slugs, size_t *n);
/* 0 when saves can be written (the work tree, algoritmes/, .git and its
 * objects are writable), else the errno that stops them (EACCES, EROFS...),
 * so the editor can say so when a description is opened. */
int store_write_errno(store *s);
/* When the journal of slug was last written (seconds since the epoch), or 0
 * when there is none. */
int64_t journal_time(store *s, const char *slug);

/* ---- history ---- */

typedef struct store_version {
	char commit[41];
	char *author, *email;
	int64_t time;          /* seconds since the epoch */
	int tz_minutes;        /* the author's UTC offset */
	char *summary;         /* the commit message's first line */
	char *fields;          /* labels of the fields changed, ", "-separated */
	bool removed;          /* the description was removed in this version */
} store_version;

/* The versions of slug that changed it, newest first, following first
 * parents from rev (NULL: HEAD); at most max (0: all). Field labels in lang;
 * lang -1: no labels (fields ""), which is several times faster. */
store_status store_log(store *s, const char *rev, const char *slug, size_t max, int lang,
                       store_version **out, size_t *n);
void store_versions_free(store_version **v, size_t n);

/* ---- sync ---- */

/* Asked for a user name and password (https): return 0 and fill *user and
 * *password (caller of the callback frees them), or -1 to give up. */
typedef int (*store_ask_cred)(void *ctx, const char *url, const char *user_from_url,
                              char **user, char **password);

typedef struct store_sync_opts {
	const char *remote;     /* NULL: "origin", or the only remote */
	store_ask_cred ask;     /* NULL: never ask (scripts) */
	void *ctx;
	int retries;            /* pushes retried after "the remote moved"; 0: 3 */
} store_sync_opts;

typedef struct store_sync_report {
	size_t merged_files;    /* descriptions merged field by field */
	bool fast_forward;
	bool pushed;
	bool up_to_date;
	int retries_used;
	/* The team server's side: the branch synced with there ("main", or
	 * "master" on a server that already had that one), whether it held no
	 * branch at all before (ours was sent as the first), and whether its
	 * default branch (HEAD) names no branch it has, as with a plain
	 * git init --bare that another branch was sent to: a git clone of it
	 * then holds no files (algedit join and sync find them anyway). */
	char team_branch[128];
	bool server_empty;
	bool server_head_unset;
	bool server_head_unknown; /* sent first to an http(s) server: not asked again */
} store_sync_report;

/* Connects the repository to a team server: the remote "origin" with url
 * (an existing local folder is made absolute; a password written in the
 * address is left out, never stored: it is asked when needed). Already
 * connected to that address: STORE_OK, *added false. Connected to another
 * one: STORE_ERROR saying so, nothing changed. */
store_status store_connect(store *s, const char *url, bool *added);
/* Whether a remote called name exists. */
bool store_has_remote(store *s, const char *name);
/* The address of the remote sync would use (NULL: none), without a
 * password; caller frees. */
char *store_remote_url(store *s);

/* Opens dir (NULL: the default) to join a team: like store_open, but a
 * folder that does not exist or is empty becomes a repository without a
 * first commit, so the team's history can be taken as it is. */
store_status store_open_join(const standard *std, const char *dir, store **out, char **err);

/* Fetches, merges field by field, pushes. The branch on the server is the
 * one this branch synced with before, else the server's default branch,
 * else the one with this branch's name, else the server's only branch;
 * a server without any gets this branch. A branch with no versions yet
 * takes the server's as they are, and so does one holding only the
 * repository's first commit (no descriptions). Then pushes; on a push refused because the
 * remote moved, fetches, merges and pushes again. Conflicting fields stop it
 * with STORE_CONFLICT before anything is committed: resolve them with
 * store_resolve, then sync again. report may be NULL. */
store_status store_sync(store *s, const store_sync_opts *o, store_sync_report *report);

typedef enum store_choice { CHOICE_NONE, CHOICE_MINE, CHOICE_THEIRS, CHOICE_EDIT } store_choice;

typedef struct store_conflict {
	char *slug, *key;
	const std_field *field;      /* NULL for a key the standard does not know */
	ynode *base, *mine, *theirs; /* the values (NULL: absent) */
	store_choice choice;         /* made so far */
	ynode *edited;               /* the value for CHOICE_EDIT */
} store_conflict;

/* The conflicts of the last sync that stopped on them (none: *n = 0). */
store_status store_conflicts(store *s, store_conflict **out, size_t *n);
void store_conflicts_free(store_conflict **c, size_t n);
/* Records the choice for one conflicting field (value for CHOICE_EDIT is
 * copied; NULL removes the field). When the last one is chosen the merge is
 * committed locally; the next sync sends it. */
store_status store_resolve(store *s, const char *slug, const char *key, store_choice choice,
                           const ynode *value, bool *finished);
/* Forgets the pending merge and its choices. */
store_status store_sync_abort(store *s);

/* ---- review records: reviews/<slug>/<time>-<id>-<kind>.yaml (store/review.c) ---- */

typedef struct store_review {
	store *s;
	char *slug;
	review_rec *recs;            /* sorted by time; bad ones have problem set */
	size_t n;
	store_version *versions;     /* of the description, newest first; fields
	                              * empty until store_review_fields */
	char **keys;                 /* per version: ",key,key," it changed, or NULL */
	bool *fresh;                 /* keys[i] computed now, not yet in the cache */
	bool cache_dirty;
	int lang;
	size_t nversions;
	review_version *rv;          /* the same for forms/review */
	description **descs;         /* loaded on demand, per version */
	review_ctx ctx;
	review_summary sum;          /* the state, threads, suggestions, marks */
} store_review;

/* Loads the records of slug and its versions, and computes the review. A
 * description without records is a concept; symbolic links in reviews/ are
 * never followed. Field labels of the versions in lang. */
store_status store_review_load(store *s, const char *slug, int lang, store_review *out);
void store_review_done(store_review *r);
/* The description at one of r's versions (cached), or NULL. */
const description *store_review_at(store_review *r, const char *commit);
/* The labels of the fields version i (of r->versions) changed, computed
 * on first use from the cached descriptions. */
const char *store_review_fields(store_review *r, size_t i);
/* The review state of every description in the work tree, for lists and
 * CI: from its records, the versions they name and HEAD, without walking the
 * history (a record naming a commit that does not hold the description is
 * not used). waiting_for_me: in review, asked by someone else, naming you
 * (user.name or user.email) or no one. */
typedef struct store_review_brief {
	char *slug;
	review_state state;
	review_note note;
	size_t open_comments, open_suggestions;
	size_t records, bad;
	bool waiting_for_me;
	char *approver;              /* who gave the approval that stands, or NULL */
	int sig;                     /* its signature: REVIEW_SIG_* */
} store_review_brief;
store_status store_review_briefs(store *s, store_review_brief **out, size_t *n);
void store_review_briefs_free(store_review_brief **v, size_t n);

/* The version of slug the reviewer (email) last saw in the review screen,
 * kept in .git/algedit/review-seen (never shared): a commit id (caller
 * frees), or NULL. set: records commit as seen now. */
char *store_review_seen(store *s, const char *slug, const char *email);
void store_review_set_seen(store *s, const char *slug, const char *email, const char *commit);
/* The review settings, from the user's own config only
 * ($XDG_CONFIG_HOME/algedit/config, [review] section): a repository's
 * .algedit/config comes from others through sync and may not weaken the
 * four eyes rule. */
typedef struct store_review_policy {
	bool self_approve;          /* review.self-approve: a team of one */
	bool require_signatures;    /* review.require-signatures: publish needs a verified signature */
	char *allowed_signers;      /* review.allowed-signers: ssh-keygen's allowed signers file */
	char *signing_key;          /* review.signing-key: the SSH key approvals are signed with */
} store_review_policy;
void store_review_policy_read(store_review_policy *p);
void store_review_policy_done(store_review_policy *p);
/* Whether the user's own config says review.self-approve = true. */
bool store_review_self_approve(store *s);
/* Whether the repository's .algedit/config names self-approve (it is not
 * used: said so to whom it concerns). */
bool store_review_repo_self_approve(store *s);
/* An SSH signature (ssh-keygen -Y sign, namespace REVIEW_SIG_NAMESPACE) of
 * payload with the key file, armoured; NULL with a translated *err. */
char *store_sign(const char *key, const char *payload, size_t len, char **err);
/* REVIEW_SIG_*: sig over payload verified for principal against the
 * allowed signers file (UNCHECKED when there is none, or ssh-keygen is
 * missing). */
int store_sig_verify(const char *allowed, const char *principal, const char *payload, size_t len, const char *sig);
/* Signs an approval before it is added, when the user's config names
 * review.signing-key: 1 signed, 0 no key (and none required), -1 with a
 * translated *err (caller frees). */
int store_review_sign(store *s, review_rec *rec, char **err);
/* Sets sig on each approval of recs from its signature and p. */
void store_review_verify(review_rec *recs, size_t n, const store_review_policy *p);
/* Adds a record as a new file and commits it with message; with d, d is
 * saved in the same commit as the new version of rec->slug (an accepted
 * suggestion). Fills rec's id, time and author (from the git config) when
 * unset. Refuses like store_save. */
store_status store_review_add(store *s, review_rec *rec, const description *d, const char *message,
                              store_saved *info);
/* Fills rec's id, time and author as store_review_add would (so that it can
 * be signed before it is added). */
store_status store_review_fill(store *s, review_rec *rec);

/* ---- what the register holds (store/fromreg.c) ---- */

/* Saves d, what the register holds of the description in algoritmes/<slug>.
 * yaml, as a version by "Algoritmeregister", and merges it into the current
 * branch as sync merges a teammate's work: a field changed only in the
 * register takes its value, one changed only in the drafts keeps it, one
 * changed differently on both sides stops with STORE_CONFLICT (choose with
 * store_resolve, as after sync). The register's versions of slug are kept
 * on refs/algedit/register/<slug>, so the next read merges from the last one
 * read. The first time, the version it grows from is since (the commit publish
 * sent, NULL when none), else HEAD when the drafts do not have slug; a
 * description in the drafts that was never sent nor read has no version in
 * common with the register's, so every field that differs is a choice.
 * *same is set when the register holds what was read last time. */
store_status store_from_register(store *s, const char *slug, const description *d, const char *since,
                                 store_sync_report *rep, bool *same);

#endif
