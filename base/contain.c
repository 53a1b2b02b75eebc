/* contain: reading and writing inside a folder without following a symbolic
 * link out of it (see contain.h). Each of the last components is opened
 * with openat(O_NOFOLLOW) from the descriptor of the one before, so a link
 * put in place between a check and the open is refused as well. */
#include "config.h"
#include "base/contain.h"
#include "base/base.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The components of path that are walked: comp[0..*n) from the outermost,
 * each a NUL-terminated piece of the copy *buf, and the folder they start
 * in (a piece of *buf too, or "." or "/"). */
static const char *split(const char *path, int ncomp, char **buf, char **comp, int *n)
{
	char *p = *buf = xstrdup(path);
	size_t i = strlen(p);
	while (i > 1 && p[i - 1] == '/')
		p[--i] = '\0';
	*n = 0;
	if (ncomp < 1)
		ncomp = 1;
	size_t start = i;
	while (*n < ncomp && i > 0) {
		size_t j = i;
		while (j > 0 && p[j - 1] != '/')
			j--;
		if (j == i)
			break; /* only slashes left: the root */
		p[i] = '\0';
		comp[(*n)++] = p + j;
		start = j;
		i = j;
		while (i > 0 && p[i - 1] == '/')
			i--;
	}
	/* Outermost first. */
	for (int a = 0, b = *n - 1; a < b; a++, b--) {
		char *t = comp[a];
		comp[a] = comp[b];
		comp[b] = t;
	}
	if (start == 0)
		return ".";
	if (i == 0)
		return "/";
	p[i] = '\0';
	return p;
}

/* ELOOP when name in dfd is a symbolic link, else errno as it was. */
static void note_link(int dfd, const char *name)
{
	int e = errno;
	struct stat st;
	errno = fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode) ? ELOOP : e;
}

/* The descriptor of the folder holding the last component, reached through
 * no link, and that component's name (caller frees *name); -1 on refusal. */
static int walk(const char *path, int ncomp, char **name)
{
	char *buf, *comp[64];
	int n;
	*name = NULL;
	if (ncomp > 64)
		ncomp = 64;
	const char *root = split(path, ncomp, &buf, comp, &n);
	if (n == 0) {
		free(buf);
		errno = EINVAL;
		return -1;
	}
	int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (int k = 0; fd >= 0 && k < n - 1; k++) {
		if (!strcmp(comp[k], "..")) {
			close(fd);
			fd = -1;
			errno = EINVAL;
			break;
		}
		int next = openat(fd, comp[k], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (next < 0)
			note_link(fd, comp[k]);
		int e = errno;
		close(fd);
		errno = e;
		fd = next;
	}
	if (fd >= 0 && !strcmp(comp[n - 1], "..")) {
		close(fd);
		fd = -1;
		errno = EINVAL;
	}
	if (fd >= 0)
		*name = xstrdup(comp[n - 1]);
	int e = errno;
	free(buf);
	errno = e;
	return fd;
}

int contain_open(const char *path, int ncomp, int flags, unsigned mode)
{
	char *name;
	int dfd = walk(path, ncomp, &name);
	if (dfd < 0)
		return -1;
	bool ronly = (flags & O_ACCMODE) == O_RDONLY && !(flags & O_CREAT);
	/* Not blocking on a FIFO before it can be refused. */
	int fd = openat(dfd, name, flags | O_NOFOLLOW | O_CLOEXEC | (ronly ? O_NONBLOCK : 0), (mode_t)mode);
	if (fd < 0)
		note_link(dfd, name);
	int e = errno;
	close(dfd);
	free(name);
	errno = e;
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) < 0 || (!S_ISREG(st.st_mode) && !(S_ISDIR(st.st_mode) && (flags & O_DIRECTORY)))) {
		e = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		close(fd);
		errno = e;
		return -1;
	}
	if (ronly)
		(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

int contain_read(const char *path, int ncomp, size_t max, char **out, size_t *len)
{
	int fd = contain_open(path, ncomp, O_RDONLY, 0);
	if (fd < 0)
		return -1;
	strbuf b = STRBUF_INIT;
	sb_add(&b, "", 0);
	char buf[65536];
	for (;;) {
		ssize_t r = read(fd, buf, sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || (r > 0 && b.len + (size_t)r > max)) {
			int e = r < 0 ? errno : EFBIG;
			close(fd);
			sb_done(&b);
			errno = e;
			return -1;
		}
		if (r == 0)
			break;
		sb_add(&b, buf, (size_t)r);
	}
	close(fd);
	*len = b.len;
	*out = sb_take(&b);
	return 0;
}

static int write_all(int fd, const char *data, size_t len)
{
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		off += (size_t)w;
	}
	return 0;
}

int contain_write(const char *path, int ncomp, const char *data, size_t len)
{
	return contain_write_opt(path, ncomp, data, len, true);
}

int contain_write_opt(const char *path, int ncomp, const char *data, size_t len, bool sync)
{
	char *name;
	int dfd = walk(path, ncomp, &name);
	if (dfd < 0)
		return -1;
	struct stat st;
	char *tmp = NULL;
	int fd = -1;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode)) {
		errno = S_ISLNK(st.st_mode) ? ELOOP : S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		goto fail;
	}
	/* A name no description can have (they do not start with a dot). */
	tmp = xasprintf(".%s.tmp.%ld", name, (long)getpid());
	for (int tries = 0; fd < 0 && tries < 2; tries++) {
		fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd < 0 && errno == EEXIST)
			(void)unlinkat(dfd, tmp, 0); /* left by a crash of a process with our number */
		else if (fd < 0)
			goto fail;
	}
	if (fd < 0)
		goto fail;
	if (sync ? write_all_sync(fd, data, len) < 0 : write_all(fd, data, len) < 0)
		goto fail_tmp;
	int c = close(fd);
	fd = -1;
	if (c < 0 || renameat(dfd, tmp, dfd, name) < 0)
		goto fail_tmp;
	if (sync)
		(void)fsync(dfd);
	close(dfd);
	free(tmp);
	free(name);
	return 0;
fail_tmp:;
	int e = errno;
	if (fd >= 0)
		close(fd);
	(void)unlinkat(dfd, tmp, 0);
	errno = e;
fail:
	e = errno;
	close(dfd);
	free(tmp);
	free(name);
	errno = e;
	return -1;
}

DIR *contain_opendir(const char *path, int ncomp)
{
	int fd = contain_open(path, ncomp, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0)
		return NULL;
	DIR *d = fdopendir(fd);
	if (!d) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return d;
}

size_t contain_walked_at(const char *path, int ncomp)
{
	char *buf, *comp[64];
	int n;
	split(path, ncomp > 64 ? 64 : ncomp, &buf, comp, &n);
	size_t at = n ? (size_t)(comp[0] - buf) : 0;
	free(buf);
	return at;
}

size_t contain_link_at(const char *path, int ncomp)
{
	char *buf, *comp[64];
	int n;
	if (ncomp > 64)
		ncomp = 64;
	split(path, ncomp, &buf, comp, &n);
	size_t at = 0;
	for (int k = 0; k < n && !at; k++) {
		size_t end = (size_t)(comp[k] - buf) + strlen(comp[k]);
		char *prefix = xstrndup(path, end);
		struct stat st;
		if (lstat(prefix, &st) == 0 && S_ISLNK(st.st_mode))
			at = end;
		free(prefix);
	}
	free(buf);
	return at;
}
