/* store_int: what the files of store/ share and nobody else sees: the store
 * struct and the helpers for errors and git objects. */
#ifndef ALGEDIT_STORE_INT_H
#define ALGEDIT_STORE_INT_H

#include <git2.h>

#include "store/store.h"

typedef struct jcache {
	char *slug;
	uint64_t hash;
	size_t len;
} jcache;

struct store {
	git_repository *repo;
	const standard *std;
	char *workdir;     /* ends in '/' */
	char *gitdir;      /* ends in '/' */
	char *err;
	jcache *jc;        /* what journal_write wrote last, per slug */
	size_t njc;
	/* The CA file or folder the last sync used when the user named one
	 * (store_tls_prepare), and what named it: GIT_SSL_CAINFO, http.sslCAInfo... */
	char *ca_path;
	const char *ca_from;
};

/* Sets the message (printf format, translated by the caller). Returns st. */
store_status store_fail(store *s, store_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A file of the work tree (abs) could not be written (err: errno): the
 * message says why in words a person can act on: a part of its folder path
 * that is a file, not a folder; a folder that is not writable; a full disk.
 * hint ends the message in the last two cases (what was kept, what to do). */
store_status store_fail_write(store *s, const char *abs, int err, const char *hint);
/* The last libgit2 error message, or "unknown error", on one line: line
 * breaks and other control characters (a server's text among them) become
 * spaces. Valid until the next call on this thread. */
const char *store_git_msg(void);
/* Refuses a change during a merge or rebase, on a detached HEAD, on a locked
 * index: STORE_OK when a commit may be made. */
store_status store_check_state(store *s);
/* The blob of path in tree; false when absent. */
bool store_tree_blob(git_tree *tree, const char *path, git_oid *out);
/* A description from a blob; NULL when absent or unreadable. */
description *store_desc_from_blob(store *s, const git_oid *blob);
/* The signature saves are made with (STORE_NO_AUTHOR when unset). */
store_status store_signature(store *s, git_signature **out);
uint64_t store_fnv1a(const char *data, size_t len);
/* git_commit_create, and a check that the commit object was written:
 * libgit2 1.5.1 returns success when writing the commit object fails (a
 * full disk), leaving update_ref where it was and id naming an object that
 * does not exist. Returns < 0 with the libgit2 error set then. */
int store_commit_create(git_oid *id, git_repository *repo, const char *update_ref, const git_signature *sig,
                        const char *message, const git_tree *tree, size_t nparents, const git_commit *parents[]);
/* HEAD's tree (and its commit when commit_out is not NULL), or NULL on an
 * unborn branch. */
git_tree *store_head_tree(store *s, git_commit **commit_out);
/* The blob of rel in the newest commit (first parents from HEAD) that has
 * it, and that commit; false when no commit ever had it. */
bool store_last_version(store *s, const char *rel, git_oid *blob, git_oid *where);

/* store/tls.c. git_libgit2_init and git_libgit2_shutdown, with the parse of
 * the system's CA bundle and libssh2's set-up put off until a sync needs them. */
void store_tls_init(void);
void store_tls_shutdown(void);
/* Before connecting to a remote over http(s): the certificates the user
 * named (GIT_SSL_CAINFO, http.sslCAInfo, ...), else the system's. */
store_status store_tls_prepare(store *s);
/* Whether the system's bundle is still to be parsed (for tests). */
bool store_tls_pending(void);
/* Before connecting to any remote: libssh2's set-up, put off likewise. */
void store_ssh_prepare(void);
bool store_ssh_pending(void);

#endif
