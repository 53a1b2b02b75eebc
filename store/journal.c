/* journal: the text typed since the last save, one file per description in
 * .git/algedit/journal/ (outside the work tree, so git status and other
 * tools never see it). Each write replaces the file atomically (temp file,
 * fsync, rename, fsync of the folder); a header with the length and a hash
 * lets the reader refuse anything that is not one complete version.
 * Drafts can be confidential before publication: the folders are made 0700
 * and the files 0600, and the temp files begin with a dot, which no slug
 * does, so a description is never taken for a writer's leftover. */
#include "config.h"
#include "store/store_int.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define JOURNAL_MAGIC "algedit-journal 1 "

static char *journal_dir(store *s)
{
	return xasprintf("%salgedit/journal", s->gitdir);
}

static char *journal_path(store *s, const char *slug)
{
	return xasprintf("%salgedit/journal/%s", s->gitdir, slug);
}

int store_private_dir(store *s, const char *sub)
{
	char *top = xasprintf("%salgedit", s->gitdir);
	char *dir = sub ? xasprintf("%s/%s", top, sub) : NULL;
	int rc = 0;
	for (int i = 0; i < 2 && rc == 0; i++) {
		const char *d = i ? dir : top;
		if (!d)
			break;
		if (mkdir(d, 0700) < 0) {
			struct stat st;
			if (errno != EEXIST || lstat(d, &st) < 0 || !S_ISDIR(st.st_mode))
				rc = -1;
			/* Made by an older version, readable by all: closed now
			 * (only taking rights away, never giving any). */
			else if ((st.st_mode & 077) && st.st_uid == geteuid())
				chmod(d, st.st_mode & 0700);
		}
	}
	free(dir);
	free(top);
	return rc;
}

static jcache *cache_for(store *s, const char *slug, bool create)
{
	for (size_t i = 0; i < s->njc; i++)
		if (!strcmp(s->jc[i].slug, slug))
			return &s->jc[i];
	if (!create)
		return NULL;
	s->jc = xrealloc(s->jc, (s->njc + 1) * sizeof *s->jc);
	jcache *c = &s->jc[s->njc++];
	c->slug = xstrdup(slug);
	c->hash = 0;
	c->len = SIZE_MAX;
	return c;
}

store_status journal_write(store *s, const char *slug, const char *data, size_t len)
{
	char *rel = store_relpath(slug);
	if (!rel)
		return store_fail(s, STORE_ERROR, _("\"%s\" is not a valid description name; use letters, digits and -"), slug);
	free(rel);
	uint64_t h = store_fnv1a(data, len);
	jcache *c = cache_for(s, slug, true);
	if (c->len == len && c->hash == h)
		return STORE_OK;
	char *dir = journal_dir(s), *path = journal_path(s, slug);
	strbuf b = STRBUF_INIT;
	sb_printf(&b, JOURNAL_MAGIC "%zu %016" PRIx64 "\n", len, h);
	sb_add(&b, data, len);
	store_status rc = STORE_OK;
	if (store_private_dir(s, "journal") < 0 || write_file_private(path, b.s, b.len) < 0) {
		rc = store_fail(s, STORE_IO, _("cannot keep a copy of your text in %s: %s; the text stays in the editor, free some disk space or make the folder writable"),
		                dir, strerror(errno));
		c->len = SIZE_MAX; /* unknown: write again next time */
	} else {
		c->len = len;
		c->hash = h;
	}
	sb_done(&b);
	free(dir);
	free(path);
	return rc;
}

/* Temp files (".<slug>.tmp.<pid>", see write_file_private) left by a writer
 * that was killed mid-write; those of a writer still running are left
 * alone. A process we may not signal (EPERM) is alive. Only names of that
 * exact form are touched: any other file may be another description's text. */
static void remove_stale_temps(store *s, const char *slug)
{
	char *dir = journal_dir(s);
	DIR *d = opendir(dir);
	if (!d) {
		free(dir);
		return;
	}
	size_t n = strlen(slug);
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *nm = e->d_name;
		if (nm[0] != '.' || strncmp(nm + 1, slug, n) || strncmp(nm + 1 + n, ".tmp.", 5))
			continue;
		char *end;
		long pid = strtol(nm + 1 + n + 5, &end, 10);
		if (pid <= 0 || *end)
			continue;
		if (pid != (long)getpid() && (kill((pid_t)pid, 0) == 0 || errno == EPERM))
			continue;
		char *p = xasprintf("%s/%s", dir, e->d_name);
		unlink(p);
		free(p);
	}
	closedir(d);
	free(dir);
}

/* The journaled text of slug when the file is one complete version. */
static char *journal_read(store *s, const char *slug, size_t *len)
{
	char *path = journal_path(s, slug), *data = NULL;
	size_t n = 0;
	int r = read_file(path, 2 * DESC_MAX_FILE, &data, &n);
	free(path);
	if (r < 0)
		return NULL;
	size_t hl = strlen(JOURNAL_MAGIC);
	char *nl = memchr(data, '\n', n);
	size_t want;
	uint64_t h;
	if (!nl || n < hl || memcmp(data, JOURNAL_MAGIC, hl) ||
	    sscanf(data + hl, "%zu %" SCNx64, &want, &h) != 2 || (size_t)(data + n - (nl + 1)) != want ||
	    store_fnv1a(nl + 1, want) != h) {
		free(data);
		return NULL;
	}
	char *text = xmalloc(want + 1);
	memcpy(text, nl + 1, want);
	text[want] = '\0';
	free(data);
	*len = want;
	return text;
}

char *journal_pending(store *s, const char *slug, size_t *len)
{
	char *rel = store_relpath(slug);
	if (!rel)
		return NULL;
	remove_stale_temps(s, slug);
	size_t n = 0;
	char *text = journal_read(s, slug, &n);
	if (!text) {
		free(rel);
		return NULL;
	}
	char *abs = xasprintf("%s%s", s->workdir, rel), *saved = NULL;
	size_t slen = 0;
	bool same = read_file(abs, DESC_MAX_FILE, &saved, &slen) == 0 && slen == n && !memcmp(saved, text, n);
	free(saved);
	free(abs);
	free(rel);
	if (same) {
		journal_discard(s, slug);
		xfree(&text);
		return NULL;
	}
	*len = n;
	return text;
}

void journal_discard(store *s, const char *slug)
{
	char *rel = store_relpath(slug);
	if (!rel)
		return;
	free(rel);
	char *path = journal_path(s, slug);
	unlink(path);
	free(path);
	jcache *c = cache_for(s, slug, false);
	if (c)
		c->len = SIZE_MAX;
}

int64_t journal_time(store *s, const char *slug)
{
	char *rel = store_relpath(slug);
	if (!rel)
		return 0;
	free(rel);
	char *path = journal_path(s, slug);
	struct stat st;
	int64_t t = stat(path, &st) == 0 ? (int64_t)st.st_mtime : 0;
	free(path);
	return t;
}

static int slug_cmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

store_status journal_unsaved(store *s, char ***slugs, size_t *n)
{
	*slugs = NULL;
	*n = 0;
	char *dir = journal_dir(s);
	DIR *d = opendir(dir);
	free(dir);
	if (!d)
		return STORE_OK;
	char **v = NULL;
	size_t k = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		/* Temp files (a leading dot) and anything else that is not a slug
		 * are not journals. */
		char *rel = slug_valid(e->d_name) ? store_relpath(e->d_name) : NULL;
		if (!rel)
			continue;
		char *abs = xasprintf("%s%s", s->workdir, rel);
		struct stat st;
		bool saved = lstat(abs, &st) == 0;
		/* A removed description's journal waits for algedit restore; it
		 * is not a new one. */
		git_oid blob, where;
		saved = saved || store_last_version(s, rel, &blob, &where);
		free(abs);
		free(rel);
		size_t len = 0;
		char *text = saved ? NULL : journal_read(s, e->d_name, &len);
		if (text && len > 0) {
			v = xrealloc(v, (k + 1) * sizeof *v);
			v[k++] = xstrdup(e->d_name);
		}
		free(text);
	}
	closedir(d);
	if (k)
		qsort(v, k, sizeof *v, slug_cmp);
	*slugs = v;
	*n = k;
	return STORE_OK;
}

int store_write_errno(store *s)
{
	char *objects = xasprintf("%sobjects", s->gitdir);
	char *descs = xasprintf("%salgoritmes", s->workdir);
	const char *dirs[] = { s->workdir, s->gitdir, objects, descs };
	int e = 0;
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0] && !e; i++)
		if (access(dirs[i], W_OK) < 0 && errno != ENOENT)
			e = errno;
	free(objects);
	free(descs);
	return e;
}
