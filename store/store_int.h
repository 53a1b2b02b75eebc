/* store_int: what the files of store/ share and nobody else sees: the store
 * struct and the helpers for errors and git objects. */
#ifndef ALGEDIT_STORE_INT_H
#define ALGEDIT_STORE_INT_H

#include <git2.h>

#include "store/store.h"
#include "base/base.h"

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
	store_counts counts;
	struct store_lv *lv; /* store_last_version's index (store/history.c) */
	struct store_batch *batch; /* between store_batch_begin and _end (store/batch.c) */
};

/* Makes <gitdir>algedit/ and, when sub is not NULL, algedit/<sub>/, only
 * for the owner (0700; an older, wider folder is closed). 0 or -1 (errno). */
int store_private_dir(store *s, const char *sub);

/* Sets the message (printf format, translated by the caller). Returns st. */
store_status store_fail(store *s, store_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The message that abs (in the work tree) is, or lies behind, a symbolic
 * link algedit does not follow, naming the link. Returns STORE_ERROR. */
store_status store_link_fail(store *s, const char *abs);
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
/* store/identity.c: the name and address algedit asked once, kept in the
 * user's algedit config for every repository. False when none is kept;
 * write returns -1 with errno. */
bool store_identity_read(char **name, char **email);
int store_identity_write(const char *name, const char *email);
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
 * it, and that commit; false when no commit ever had it. From an index of
 * every name, built in one walk of the history and kept with the store
 * (store/history.c); rel is a description's (algoritmes/...). */
bool store_last_version(store *s, const char *rel, git_oid *blob, git_oid *where);
void store_lv_free(struct store_lv **x);
/* Keeps the index in .git/algedit/last-versions when it changed. */
void store_lv_save(store *s);
/* store/batch.c: the commit a batch has reached, when the branch is not
 * there yet; a save in a batch reports its commit, the bytes it wrote and
 * its files (for git's index); flush writes what is held. */
bool store_batch_head(store *s, git_oid *out);
void store_batch_saved(store *s, const git_oid *commit, size_t bytes, char **rels, char **abss, const git_oid *ids,
                       size_t n);
store_status store_batch_flush(store *s);
/* Puts the file abs, saved as blob id, in git's index as rel. */
int store_index_add_written(git_index *idx, const char *abs, const char *rel, const git_oid *id);

/* store/sync.c: merges the commit theirs into HEAD as sync merges a
 * remote's, its conflicts named as coming from name (store/fromreg.c). */
store_status store_integrate(store *s, const git_oid *theirs, const char *name, store_sync_report *rep);

/* store/statefile.c: the files in .git/algedit/ that hold names from a
 * repository. A name's bytes below 0x20, 0x7f, ',' and '\\' are written as
 * \xHH, so no name can cut or forge a line. */
void store_name_escape(strbuf *b, const char *s, size_t len);
/* The name back, or NULL when s is not as store_name_escape writes (a raw
 * control character or comma, a bad or NUL escape). Caller frees. */
char *store_name_unescape(const char *s, size_t len);
/* The sync state: a line "theirs <oid>" gives cb(ctx, &oid, NULL, NULL,
 * NULL); a line "slug<TAB>key[<TAB>choice]" cb(ctx, NULL, slug, key,
 * choice or NULL), unescaped. Lines that are neither are passed over;
 * returns -1 when there were any. */
typedef void (*store_state_rec_cb)(void *ctx, const git_oid *theirs, const char *slug, const char *key,
                                   const char *choice);
int store_state_parse(const char *data, size_t len, store_state_rec_cb cb, void *ctx);
/* Appends one record line, escaped; choice may be NULL. */
void store_state_line(strbuf *b, const char *slug, const char *key, const char *choice);
/* The changed-paths cache (store/history.c): STORE_CP_HEADER, then lines
 * "<commit id> ,<name>,<name>,\n" (",": none) with escaped names. cb gets
 * each commit and its ",...," text (not NUL-terminated); returning < 0
 * stops. Returns -1 for anything it would not have written: no header, a
 * bad line, a torn last line (the cache is then built again). */
#define STORE_CP_HEADER "algedit changed-paths 2\n"
typedef int (*store_cp_cb)(void *ctx, const git_oid *commit, const char *names, size_t len);
int store_cp_parse(const char *data, size_t len, store_cp_cb cb, void *ctx);

/* store/tls.c. git_libgit2_init and git_libgit2_shutdown. */
void store_tls_init(void);
void store_tls_shutdown(void);
/* Before connecting to a remote over http(s): the certificates the user
 * named (GIT_SSL_CAINFO, http.sslCAInfo, ...) replace the system's. */
store_status store_tls_prepare(store *s);

#endif
