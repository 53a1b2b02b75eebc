/* paths: decides once whether we run installed or from the build tree. */
#include "config.h"
#include "base/paths.h"
#include "base/base.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int uninstalled = -1;

static int run_uninstalled(void)
{
	if (uninstalled >= 0)
		return uninstalled;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	uninstalled = 0;
	if (n > 0) {
		exe[n] = '\0';
		size_t bl = strlen(ALGEDIT_BUILDDIR);
		if (strncmp(exe, ALGEDIT_BUILDDIR, bl) == 0 && exe[bl] == '/')
			uninstalled = 1;
	}
	return uninstalled;
}

const char *algedit_datadir(void)
{
	const char *env = getenv("ALGEDIT_DATADIR");
	if (env && *env)
		return env;
	return run_uninstalled() ? ALGEDIT_SRCDIR : ALGEDIT_DATADIR;
}

const char *algedit_localedir(void)
{
	const char *env = getenv("ALGEDIT_LOCALEDIR");
	if (env && *env)
		return env;
	return run_uninstalled() ? ALGEDIT_BUILDDIR "/locale" : ALGEDIT_LOCALEDIR;
}

char *xdg_path(xdg_kind kind, const char *sub)
{
	static const char *const var[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME" };
	static const char *const under_home[] = { ".local/share", ".config", ".local/state" };
	const char *x = getenv(var[kind]);
	char *base;
	if (x && x[0] == '/') {
		base = xasprintf("%s/algedit", x);
	} else {
		const char *home = getenv("HOME");
		if (!home || home[0] != '/') {
			struct passwd *pw = getpwuid(getuid());
			home = pw && pw->pw_dir && pw->pw_dir[0] == '/' ? pw->pw_dir : "/";
		}
		base = xasprintf("%s/%s/algedit", strcmp(home, "/") ? home : "", under_home[kind]);
	}
	if (!sub)
		return base;
	char *r = xasprintf("%s/%s", base, sub);
	free(base);
	return r;
}

int mkdir_p(const char *dir, unsigned mode)
{
	char *p = xstrdup(dir);
	int rc = 0;
	for (char *q = p + 1; *q && rc == 0; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		if (mkdir(p, (mode_t)mode) < 0 && errno != EEXIST)
			rc = -1;
		*q = '/';
	}
	if (rc == 0 && mkdir(p, (mode_t)mode) < 0 && errno != EEXIST)
		rc = -1;
	int e = errno;
	free(p);
	errno = e;
	return rc;
}

int mkdir_parent(const char *file, unsigned mode)
{
	char *p = xstrdup(file);
	char *slash = strrchr(p, '/');
	int rc = 0;
	if (slash && slash != p) {
		*slash = '\0';
		rc = mkdir_p(p, mode);
	}
	int e = errno;
	free(p);
	errno = e;
	return rc;
}
