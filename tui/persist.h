/* persist: where the editor's text goes. Everything the editor does to disk
 * passes through one table of functions, so that the store (a git commit per
 * save, the journal kept inside the repository) replaces the plain-file
 * version here in one place. */
#ifndef ALGEDIT_PERSIST_H
#define ALGEDIT_PERSIST_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "forms/desc.h"

typedef struct persist_ops {
	/* Saves d as the description at path. Returns 0, or -1 and sets *err to
	 * a translated sentence saying what went wrong (caller frees). */
	int (*save)(const char *path, const description *d, char **err);
	/* Records unsaved work for path durably (atomic write and fsync): bytes
	 * are a whole description as YAML. Called at most twice a second while
	 * typing, and on SIGHUP/SIGTERM. Returns 0, 1 when it was kept in the
	 * plain-file journal because the repository cannot take it (read-only),
	 * or -1 (errno set). */
	int (*journal)(const char *path, const char *bytes, size_t len);
	/* Returns 1 and the journalled bytes (caller frees) and their time when
	 * there is unsaved work for path whose text differs from the file's
	 * (never decided by timestamps); 0 when there is none. */
	int (*pending_recovery)(const char *path, char **bytes, size_t *len, time_t *when);
	/* The journal for path is no longer needed (saved, or discarded). */
	void (*discard)(const char *path);
	/* Deletes the description at path. Returns 0, or -1 and *err. */
	int (*remove)(const char *path, char **err);
	/* The path for a new description called name in the drafts folder repo
	 * (<repo>/algoritmes/<slug>.yaml): a file name no description has, and
	 * none whose unsaved text is still journalled, so the newcomer is never
	 * offered another's text. Caller frees. */
	char *(*new_path)(const char *repo, const char *name);
	/* The slugs of descriptions in the drafts folder repo that were never
	 * saved but whose typed text is journalled (a new description, the
	 * editor killed): the list shows them, and opening
	 * <repo>/algoritmes/<slug>.yaml offers the text back. NULL: none (the
	 * table may leave it NULL). Caller frees each and the array. */
	char **(*unsaved)(const char *repo, size_t *n);
	/* NULL when path can be saved; else a translated sentence saying that
	 * it cannot, why, and where typed text is kept instead (caller frees).
	 * May be NULL. */
	char *(*cannot_save)(const char *path);
	/* A deletion is kept in history: `algedit restore SLUG` undoes it. */
	bool remove_restorable;
} persist_ops;

/* Plain files: write_file_atomic for saves, the journal under
 * $XDG_STATE_HOME/algedit/journal/ (default ~/.local/state). */
extern const persist_ops persist_files;
/* The table in use; the store sets it to its own. */
extern const persist_ops *persist;

/* The journal file used for path by persist_files (caller frees). */
char *persist_journal_path(const char *path);
/* The folder of persist_journal_path, and why e stops saves, in words for
 * the user (a read-only disk, no permission), for the messages that say a
 * save cannot be made and where the text is kept. Caller frees both. */
char *persist_journal_dir(void);
char *persist_write_reason(int e);
/* The file that keeps the typed text of a never-saved draft the user
 * deletes ($XDG_STATE_HOME/algedit/deleted/<slug>.yaml, a free name), and
 * writing it there (0, or -1 with errno). Caller frees the path. */
char *persist_deleted_copy_path(const char *slug);
int persist_keep_deleted_copy(const char *copy, const char *bytes, size_t len);

/* The drafts repository (tui/persist_store.c): a save is a commit, the
 * journal lives in .git/algedit/, a deletion is a commit. Paths are
 * <workdir>algoritmes/<slug>.yaml; any other path goes to persist_files. */
struct store;
extern const persist_ops persist_store;
/* Makes persist_store the table in use, over s (which must outlive its use;
 * NULL goes back to plain files). */
void persist_use_store(struct store *s);
/* The store in use (NULL: plain files), and the slug path names in it, or
 * NULL (caller frees): for the review screen. */
struct store *persist_store_current(void);
char *persist_store_slug(const char *path);

#endif
