/* base/paths: the one XDG look-up (an absolute variable wins; else HOME,
 * else the account's home, never the current folder) and the one mkdir -p
 * (every folder it makes has the mode asked for; what exists stays). */
#include "config.h"
#include "base/paths.h"
#include "unit.h"

#include <errno.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

static void want(xdg_kind k, const char *sub, const char *expect)
{
	char *got = xdg_path(k, sub);
	ck_assert_msg(strcmp(got, expect) == 0, "xdg_path = \"%s\", want \"%s\"", got, expect);
	free(got);
}

START_TEST(xdg_variables_and_home)
{
	setenv("HOME", "/home/anna", 1);
	setenv("XDG_DATA_HOME", "/x/data", 1);
	setenv("XDG_CONFIG_HOME", "/x/config", 1);
	setenv("XDG_STATE_HOME", "/x/state", 1);
	want(XDG_DATA, "register", "/x/data/algedit/register");
	want(XDG_CONFIG, "config", "/x/config/algedit/config");
	want(XDG_STATE, NULL, "/x/state/algedit");
	/* A relative value is ignored, as the XDG specification says. */
	setenv("XDG_DATA_HOME", "data", 1);
	setenv("XDG_CONFIG_HOME", "", 1);
	unsetenv("XDG_STATE_HOME");
	want(XDG_DATA, "register", "/home/anna/.local/share/algedit/register");
	want(XDG_CONFIG, "dictionary.txt", "/home/anna/.config/algedit/dictionary.txt");
	want(XDG_STATE, "journal", "/home/anna/.local/state/algedit/journal");
	/* Without HOME, or with a relative one: the account's home, never the
	 * current folder. */
	struct passwd *pw = getpwuid(getuid());
	ck_assert_ptr_nonnull(pw);
	const char *h = strcmp(pw->pw_dir, "/") ? pw->pw_dir : "";
	char expect[4096];
	snprintf(expect, sizeof expect, "%s/.local/state/algedit/journal", h);
	unsetenv("HOME");
	want(XDG_STATE, "journal", expect);
	setenv("HOME", "relative/home", 1);
	want(XDG_STATE, "journal", expect);
}
END_TEST

START_TEST(mkdir_p_modes)
{
	char tmpl[] = "/tmp/algedit-paths.XXXXXX";
	char *top = mkdtemp(tmpl);
	ck_assert_ptr_nonnull(top);
	mode_t old = umask(0);
	char a[4096], abc[4096], file[4096];
	snprintf(a, sizeof a, "%s/a", top);
	snprintf(abc, sizeof abc, "%s/a/b/c", top);
	ck_assert_int_eq(mkdir_p(abc, 0700), 0);
	struct stat st;
	ck_assert_int_eq(stat(abc, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	ck_assert_int_eq(stat(a, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	/* Again: nothing to do, not an error; an existing folder keeps its mode. */
	ck_assert_int_eq(chmod(a, 0755), 0);
	ck_assert_int_eq(mkdir_p(abc, 0700), 0);
	ck_assert_int_eq(stat(a, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0755);
	/* The folder of a file. */
	snprintf(file, sizeof file, "%s/d/e/config", top);
	ck_assert_int_eq(mkdir_parent(file, 0700), 0);
	snprintf(file, sizeof file, "%s/d/e", top);
	ck_assert_int_eq(stat(file, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	snprintf(file, sizeof file, "%s/d/e/config", top);
	ck_assert_int_eq(stat(file, &st), -1);
	/* A file in the way: -1 with errno. */
	snprintf(file, sizeof file, "%s/plain", top);
	FILE *f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	snprintf(file, sizeof file, "%s/plain/sub", top);
	errno = 0;
	ck_assert_int_eq(mkdir_p(file, 0700), -1);
	ck_assert_int_eq(errno, ENOTDIR);
	umask(old);
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("paths");
	TCase *t = tcase_create("paths");
	tcase_add_test(t, xdg_variables_and_home);
	tcase_add_test(t, mkdir_p_modes);
	suite_add_tcase(s, t);
	return unit_run(s);
}
