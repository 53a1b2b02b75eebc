/* persist: the plain-file persistence (see persist.h). The journal lives
 * outside the drafts folder so that a half-typed draft never shows up as a
 * change to the description, and is named after the file's absolute path so
 * that two descriptions with the same name in different folders do not mix. */
#include "config.h"
#include "tui/persist.h"
#include "tui/app.h"
#include "base/base.h"
#include "base/paths.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <limits.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The absolute path, also for a file that does not exist yet. */
static char *abs_path(const char *path)
{
	char buf[PATH_MAX];
	if (realpath(path, buf))
		return xstrdup(buf);
	char *dcopy = xstrdup(path), *bcopy = xstrdup(path);
	char *r;
	if (realpath(dirname(dcopy), buf))
		r = xasprintf("%s/%s", buf, basename(bcopy));
	else
		r = xstrdup(path);
	free(dcopy);
	free(bcopy);
	return r;
}

static char *journal_dir(void)
{
	return xdg_path(XDG_STATE, "journal");
}

char *persist_journal_dir(void)
{
	return journal_dir();
}

/* Where the text of a never-saved draft goes when it is deleted: a file of
 * its own beside the journal, never one that exists (a second deletion of
 * the same name gets -2, -3...), so deleting it loses nothing typed. */
char *persist_deleted_copy_path(const char *slug)
{
	char *dir = xdg_path(XDG_STATE, "deleted");
	char *p = xasprintf("%s/%s.yaml", dir, slug);
	struct stat st;
	for (int n = 2; lstat(p, &st) == 0; n++) {
		free(p);
		p = xasprintf("%s/%s-%d.yaml", dir, slug, n);
	}
	free(dir);
	return p;
}

int persist_keep_deleted_copy(const char *copy, const char *bytes, size_t len)
{
	int r = mkdir_parent(copy, 0700);
	if (r == 0)
		r = write_file_private(copy, bytes, len);
	return r;
}

char *persist_write_reason(int e)
{
	if (e == EROFS)
		return xstrdup(_("the disk is read-only"));
	if (e == EACCES || e == EPERM)
		return xstrdup(_("no permission to write"));
	return xstrdup(strerror(e));
}

/* A folder the editor cannot write a file to. */
static char *files_cannot_save(const char *path)
{
	char *dcopy = xstrdup(path);
	char *dir = dirname(dcopy);
	int e = 0;
	if (access(path, W_OK) < 0 && errno != ENOENT)
		e = errno;
	else if (access(dir, W_OK) < 0 && errno != ENOENT)
		e = errno;
	char *r = NULL;
	if (e) {
		char *why = persist_write_reason(e), *jd = journal_dir();
		r = xasprintf(_("This description cannot be saved (%s). What you type is kept in %s."), why, jd);
		free(why);
		free(jd);
	}
	free(dcopy);
	return r;
}

char *persist_journal_path(const char *path)
{
	char *a = abs_path(path);
	uint64_t h = 1469598103934665603ULL;
	for (const unsigned char *p = (const unsigned char *)a; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	char *bcopy = xstrdup(a);
	char *base = basename(bcopy);
	char *dir = journal_dir();
	char *r = xasprintf("%s/%.64s-%016llx.journal", dir, base, (unsigned long long)h);
	free(dir);
	free(bcopy);
	free(a);
	return r;
}

static int files_save(const char *path, const description *d, char **err)
{
	size_t len;
	char *y = desc_write_yaml(d, &len);
	char *dcopy = xstrdup(path);
	int r = mkdir_p(dirname(dcopy), 0700);
	free(dcopy);
	if (r == 0)
		r = write_file_atomic(path, y, len);
	if (r < 0)
		*err = xasprintf(_("could not save %s: %s; check that the folder exists and you may write there"),
		                 path, strerror(errno));
	free(y);
	return r;
}

static int files_journal(const char *path, const char *bytes, size_t len)
{
	char *jp = persist_journal_path(path);
	char *dcopy = xstrdup(jp);
	int r = mkdir_p(dirname(dcopy), 0700);
	free(dcopy);
	if (r == 0)
		r = write_file_private(jp, bytes, len);
	free(jp);
	return r;
}

/* Whether to offer depends on the text alone: a journal that differs from
 * the file is offered, whatever the clocks say (a save and a hang-up in the
 * same tick of a coarse file-system clock have equal times). */
static int files_pending(const char *path, char **bytes, size_t *len, time_t *when)
{
	char *jp = persist_journal_path(path);
	struct stat js;
	int r = 0;
	char *j = NULL, *f = NULL;
	size_t jl = 0, fl = 0;
	if (stat(jp, &js) == 0 && read_file(jp, DESC_MAX_FILE, &j, &jl) == 0 && jl > 0) {
		bool same = read_file(path, DESC_MAX_FILE, &f, &fl) == 0 && fl == jl && memcmp(f, j, jl) == 0;
		if (same) {
			/* Nothing to offer: the saved file holds the same text. */
			unlink(jp);
		} else {
			*bytes = j;
			*len = jl;
			*when = js.st_mtim.tv_sec;
			j = NULL;
			r = 1;
		}
	}
	free(j);
	free(f);
	free(jp);
	return r;
}

static void files_discard(const char *path)
{
	char *jp = persist_journal_path(path);
	unlink(jp);
	free(jp);
}

static int files_remove(const char *path, char **err)
{
	if (unlink(path) < 0) {
		*err = xasprintf(_("could not delete %s: %s"), path, strerror(errno));
		return -1;
	}
	files_discard(path);
	return 0;
}

static char *files_new_path(const char *repo, const char *name)
{
	char *slug = list_slug(name);
	char *path = xasprintf("%s/algoritmes/%s.yaml", repo, slug);
	struct stat st;
	for (int n = 2;; n++) {
		char *jp = persist_journal_path(path);
		bool taken = stat(path, &st) == 0 || stat(jp, &st) == 0;
		free(jp);
		if (!taken)
			break;
		free(path);
		path = xasprintf("%s/algoritmes/%s-%d.yaml", repo, slug, n);
	}
	free(slug);
	return path;
}

const persist_ops persist_files = {
	.save = files_save,
	.journal = files_journal,
	.pending_recovery = files_pending,
	.discard = files_discard,
	.remove = files_remove,
	.new_path = files_new_path,
	.cannot_save = files_cannot_save,
};

const persist_ops *persist = &persist_files;
