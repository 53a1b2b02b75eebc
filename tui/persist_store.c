/* persist_store: the editor's persistence over the drafts repository (see
 * persist.h). A save is a commit naming the changed fields, the journal is
 * the store's (inside .git/, so git never sees half-typed text), a deletion
 * is a commit that `algedit restore` undoes. The editor speaks in paths; a
 * path names a description when it is <workdir>algoritmes/<slug>.yaml,
 * however it is spelt (relative, through a symbolic link). Anything else is
 * handed to the plain-file table, so no path is ever refused. */
#include "config.h"
#include "tui/persist.h"
#include "store/store.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static store *cur;
static char *desc_dir;   /* realpath of <workdir>algoritmes, or of workdir + "/algoritmes" */

void persist_use_store(store *s)
{
	cur = s;
	xfree(&desc_dir);
	if (!s) {
		persist = &persist_files;
		return;
	}
	char *w = realpath(store_workdir(s), NULL);
	desc_dir = xasprintf("%s/algoritmes", w ? w : store_workdir(s));
	free(w);
	persist = &persist_store;
}

/* The slug path names in the repository, or NULL (caller frees). */
static char *slug_of(const char *path)
{
	if (!cur || !desc_dir)
		return NULL;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t bl = strlen(base);
	if (bl <= 5 || !str_ends(base, ".yaml"))
		return NULL;
	char *slug = xstrndup(base, bl - 5);
	char *dir = base == path ? xstrdup(".") : xstrndup(path, (size_t)(base - path));
	char *real = realpath(dir, NULL);
	if (!real || strcmp(real, desc_dir)) {
		/* algoritmes/ may not exist yet in a new repository, or be a
		 * symbolic link to elsewhere: the store refuses to save through it. */
		xfree(&real);
		size_t dl = strlen(dir);
		while (dl > 1 && dir[dl - 1] == '/')
			dir[--dl] = '\0';
		const char *last = strrchr(dir, '/');
		if (!strcmp(last ? last + 1 : dir, "algoritmes")) {
			char *parent = last ? xstrndup(dir, (size_t)(last - dir) + 1) : xstrdup(".");
			char *rp = realpath(parent, NULL);
			if (rp)
				real = xasprintf("%s/algoritmes", rp);
			free(rp);
			free(parent);
		}
	}
	bool ours = real && !strcmp(real, desc_dir) && slug_valid(slug);
	free(real);
	free(dir);
	if (!ours)
		xfree(&slug);
	return slug;
}

store *persist_store_current(void)
{
	return cur;
}

char *persist_store_slug(const char *path)
{
	return slug_of(path);
}

static char *store_msg(void)
{
	const char *m = store_error(cur);
	return xstrdup(*m ? m : _("could not save"));
}

static int st_save(const char *path, const description *d, char **err)
{
	char *slug = slug_of(path);
	if (!slug)
		return persist_files.save(path, d, err);
	store_saved info;
	store_status st = store_save(cur, slug, d, &info);
	free(slug);
	if (st == STORE_OK)
		store_saved_done(&info);
	if (st == STORE_OK || st == STORE_UNCHANGED)
		return 0;
	/* A repository that cannot be written to: said in the user's words,
	 * not in the library's. */
	int e = st == STORE_IO || st == STORE_ERROR ? store_write_errno(cur) : 0;
	if (e) {
		char *why = persist_write_reason(e), *jd = persist_journal_dir();
		*err = xasprintf(_("cannot save (%s); your text is kept in %s"), why, jd);
		free(why);
		free(jd);
	} else {
		*err = store_msg();
	}
	return -1;
}

static int st_journal(const char *path, const char *bytes, size_t len)
{
	char *slug = slug_of(path);
	if (!slug)
		return persist_files.journal(path, bytes, len);
	store_status st = journal_write(cur, slug, bytes, len);
	free(slug);
	if (st == STORE_OK)
		return 0;
	/* The repository cannot take it (read-only): the plain-file journal
	 * under XDG_STATE_HOME keeps it, and recovery looks there too. */
	if (persist_files.journal(path, bytes, len) == 0)
		return 1;
	if (!errno)
		errno = EIO;
	return -1;
}

static int st_pending(const char *path, char **bytes, size_t *len, time_t *when)
{
	char *slug = slug_of(path);
	if (!slug)
		return persist_files.pending_recovery(path, bytes, len, when);
	size_t n = 0;
	char *text = journal_pending(cur, slug, &n);
	int r = 0;
	if (text && n > 0) {
		*bytes = text;
		*len = n;
		*when = (time_t)journal_time(cur, slug);
		text = NULL;
		r = 1;
	}
	free(text);
	free(slug);
	if (r == 0)
		r = persist_files.pending_recovery(path, bytes, len, when);
	return r;
}

static void st_discard(const char *path)
{
	char *slug = slug_of(path);
	if (!slug) {
		persist_files.discard(path);
		return;
	}
	journal_discard(cur, slug);
	free(slug);
	persist_files.discard(path);
}

static int st_remove(const char *path, char **err)
{
	char *slug = slug_of(path);
	if (!slug)
		return persist_files.remove(path, err);
	store_status st = store_remove(cur, slug, NULL);
	free(slug);
	if (st == STORE_OK)
		return 0;
	*err = store_msg();
	return -1;
}

static char *st_new_path(const char *repo, const char *name)
{
	char *real = cur ? realpath(repo, NULL) : NULL;
	char *dir = real ? xasprintf("%s/algoritmes", real) : NULL;
	bool ours = dir && desc_dir && !strcmp(dir, desc_dir);
	free(dir);
	free(real);
	if (!ours)
		return persist_files.new_path(repo, name);
	char *slug = store_new_slug(cur, name);
	char *path = xasprintf("%s/algoritmes/%s.yaml", repo, slug);
	free(slug);
	return path;
}

static char **st_unsaved(const char *repo, size_t *n)
{
	*n = 0;
	char *real = cur ? realpath(repo, NULL) : NULL;
	char *dir = real ? xasprintf("%s/algoritmes", real) : NULL;
	bool ours = dir && desc_dir && !strcmp(dir, desc_dir);
	free(dir);
	free(real);
	char **slugs = NULL;
	if (!ours || journal_unsaved(cur, &slugs, n) != STORE_OK)
		*n = 0;
	return slugs;
}

static char *st_cannot_save(const char *path)
{
	char *slug = slug_of(path);
	if (!slug)
		return persist_files.cannot_save(path);
	free(slug);
	int e = store_write_errno(cur);
	if (!e)
		return NULL;
	char *why = persist_write_reason(e), *jd = persist_journal_dir();
	char *r = xasprintf(_("This description cannot be saved (%s). What you type is kept in %s."), why, jd);
	free(why);
	free(jd);
	return r;
}

const persist_ops persist_store = {
	.save = st_save,
	.journal = st_journal,
	.pending_recovery = st_pending,
	.discard = st_discard,
	.remove = st_remove,
	.new_path = st_new_path,
	.unsaved = st_unsaved,
	.cannot_save = st_cannot_save,
	.remove_restorable = true,
};
