/* paths: decides once whether we run installed or from the build tree. */
#include "config.h"
#include "base/paths.h"
#include "base/base.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
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
