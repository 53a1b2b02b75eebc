/* repo_fixture: what the unit tests of store/ share: a temporary folder with
 * its own HOME (no git config of the person running the tests leaks in), the
 * standard, shell helpers, and opening a repository with an author. Include
 * after unit.h, in one test program each. */
#ifndef ALGEDIT_REPO_FIXTURE_H
#define ALGEDIT_REPO_FIXTURE_H

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "store/store.h"

static standard *std;
static char tmp[256];

static void setup(void)
{
	char *err = NULL;
	std = standard_load_version("1.0", &err);
	ck_assert_msg(std != NULL, "%s", err);
	snprintf(tmp, sizeof tmp, "/tmp/algedit-store-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	char *home = xasprintf("%s/home", tmp);
	mkdir(home, 0755);
	setenv("HOME", home, 1);
	setenv("XDG_CONFIG_HOME", home, 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	unsetenv("XDG_DATA_HOME");
	free(home);
}

static void teardown(void)
{
	char *cmd = xasprintf("chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'", tmp, tmp);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmp);
	free(cmd);
	standard_free(&std);
}

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2), unused));
static int sh(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[4096];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	int r = system(buf);
	return WIFEXITED(r) ? WEXITSTATUS(r) : -1;
}

/* The output of a shell command (never NULL). */
static char *sh_out(const char *fmt, ...) __attribute__((format(printf, 1, 2), unused));
static char *sh_out(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[4096];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	FILE *p = popen(buf, "r");
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	char line[1024];
	while (p && fgets(line, sizeof line, p))
		sb_adds(&b, line);
	if (p)
		pclose(p);
	return sb_take(&b);
}

/* Opens (creating) tmp/name; with an author unless author is false. */
static store *open_repo(const char *name, bool author)
{
	char *dir = xasprintf("%s/%s", tmp, name), *err = NULL;
	store *s = NULL;
	ck_assert_msg(store_open(std, dir, &s, &err) == STORE_OK, "%s", err ? err : "");
	if (author)
		ck_assert_int_eq(store_set_author(s, "Anna de Vries", "anna@example.nl"), STORE_OK);
	free(dir);
	return s;
}

/* States in which no commit may be made, and their way back. */
typedef enum repo_state { RS_LOCKED, RS_DETACHED, RS_MERGING } repo_state;

static void __attribute__((unused)) repo_enter(const char *dir, repo_state st)
{
	switch (st) {
	case RS_LOCKED:
		ck_assert_int_eq(sh("touch '%s/.git/index.lock'", dir), 0);
		break;
	case RS_DETACHED:
		ck_assert_int_eq(sh("git -C '%s' checkout -q --detach", dir), 0);
		break;
	case RS_MERGING:
		ck_assert_int_eq(sh("cd '%s' && git checkout -q -b side && echo one > f.txt && git add f.txt && "
		                    "git -c user.name=X -c user.email=x@y commit -qm side && git checkout -q main && "
		                    "echo two > f.txt && git add f.txt && git -c user.name=X -c user.email=x@y commit -qm main && "
		                    "(git -c user.name=X -c user.email=x@y merge side >/dev/null 2>&1; true)", dir), 0);
		break;
	}
}

static void __attribute__((unused)) repo_leave(const char *dir, repo_state st)
{
	switch (st) {
	case RS_LOCKED:
		ck_assert_int_eq(sh("rm '%s/.git/index.lock'", dir), 0);
		break;
	case RS_DETACHED:
		ck_assert_int_eq(sh("git -C '%s' checkout -q main", dir), 0);
		break;
	case RS_MERGING:
		ck_assert_int_eq(sh("git -C '%s' merge --abort", dir), 0);
		break;
	}
}

#endif
