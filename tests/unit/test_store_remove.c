/* store: deleting a description as a commit and bringing it back, in a real
 * repository in a temporary folder, with real libgit2. Also the refusals,
 * a file that was never committed, text only the work tree held, and the
 * journal's time. */
#include "config.h"
#include "store/store.h"
#include "base/base.h"
#include "unit.h"
#include "repo_fixture.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static store *open_new(const char *name, bool author)
{
	return open_repo(name, author);
}

static description *sample(const char *name, const char *goal)
{
	description *d = desc_new(std);
	desc_set_text(d, standard_field(std, "name"), name);
	desc_set_text(d, standard_field(std, "status"), "In gebruik");
	if (goal)
		desc_set_text(d, standard_field(std, "goal"), goal);
	return d;
}

static int commits(const char *repo)
{
	char *n = sh_out("git -C '%s/%s' rev-list --count HEAD", tmp, repo);
	int r = atoi(n);
	free(n);
	return r;
}

START_TEST(remove_and_restore)
{
	store *s = open_new("r", true);
	description *d = sample("Parkeerhandhaving", "Eerste versie.");
	ck_assert_int_eq(store_save(s, "parkeren", d, NULL), STORE_OK);
	desc_set_text(d, standard_field(std, "goal"), "Tweede versie.");
	ck_assert_int_eq(store_save(s, "parkeren", d, NULL), STORE_OK);
	char *saved = sh_out("cat '%s/r/algoritmes/parkeren.yaml'", tmp);
	int before = commits("r");

	store_saved info;
	ck_assert_int_eq(store_remove(s, "parkeren", &info), STORE_OK);
	ck_assert_msg(strstr(info.message, "Verwijderd: Parkeerhandhaving") || strstr(info.message, "Removed: Parkeerhandhaving"),
	              "%s", info.message);
	ck_assert_uint_eq(strlen(info.commit), 40);
	store_saved_done(&info);
	ck_assert_int_eq(commits("r"), before + 1);
	ck_assert_int_ne(sh("test -e '%s/r/algoritmes/parkeren.yaml'", tmp), 0);
	ck_assert(!store_exists(s, "parkeren"));
	char *files = sh_out("git -C '%s/r' ls-files algoritmes", tmp);
	ck_assert_str_eq(files, "");
	free(files);
	char *status = sh_out("git -C '%s/r' status --porcelain", tmp);
	ck_assert_str_eq(status, "");
	free(status);
	char *changed = sh_out("git -C '%s/r' show --name-status --format= HEAD", tmp);
	ck_assert_str_eq(changed, "D\talgoritmes/parkeren.yaml\n");
	free(changed);
	/* The history shows the removal. */
	store_version *v = NULL;
	size_t nv = 0;
	ck_assert_int_eq(store_log(s, NULL, "parkeren", 0, LANG_NL, &v, &nv), STORE_OK);
	ck_assert_uint_eq(nv, 3);
	ck_assert(v[0].removed);
	store_versions_free(&v, nv);
	/* Removing again: nothing to remove. */
	ck_assert_int_eq(store_remove(s, "parkeren", NULL), STORE_NOT_FOUND);
	ck_assert_int_eq(commits("r"), before + 1);

	/* Restore: the last committed version, as a new commit. */
	ck_assert_int_eq(store_restore(s, "parkeren", &info), STORE_OK);
	ck_assert_msg(strstr(info.message, "Teruggezet: Parkeerhandhaving") || strstr(info.message, "Restored: Parkeerhandhaving"),
	              "%s", info.message);
	store_saved_done(&info);
	ck_assert_int_eq(commits("r"), before + 2);
	char *back = sh_out("cat '%s/r/algoritmes/parkeren.yaml'", tmp);
	ck_assert_str_eq(back, saved);
	free(back);
	status = sh_out("git -C '%s/r' status --porcelain", tmp);
	ck_assert_str_eq(status, "");
	free(status);
	ck_assert_int_eq(store_log(s, NULL, "parkeren", 0, LANG_NL, &v, &nv), STORE_OK);
	ck_assert_uint_eq(nv, 4);
	ck_assert(!v[0].removed);
	store_versions_free(&v, nv);
	/* Present: nothing to restore, no commit. */
	ck_assert_int_eq(store_restore(s, "parkeren", NULL), STORE_UNCHANGED);
	ck_assert_int_eq(commits("r"), before + 2);
	/* Never existed. */
	ck_assert_int_eq(store_restore(s, "nooit", NULL), STORE_NOT_FOUND);
	ck_assert_int_eq(store_restore(s, "../x", NULL), STORE_ERROR);
	ck_assert_int_eq(store_remove(s, "../x", NULL), STORE_ERROR);
	/* Deleted with rm only: restore writes it back without a commit. */
	ck_assert_int_eq(sh("rm '%s/r/algoritmes/parkeren.yaml'", tmp), 0);
	ck_assert_int_eq(store_restore(s, "parkeren", NULL), STORE_OK);
	ck_assert_int_eq(commits("r"), before + 2);
	back = sh_out("cat '%s/r/algoritmes/parkeren.yaml'", tmp);
	ck_assert_str_eq(back, saved);
	free(back);
	free(saved);
	desc_free(&d);
	store_free(&s);
}
END_TEST

START_TEST(remove_uncommitted)
{
	store *s = open_new("u", true);
	int before = commits("u");
	/* A file that was never committed simply goes. */
	ck_assert_int_eq(sh("mkdir -p '%s/u/algoritmes' && printf 'name: Los\\n' > '%s/u/algoritmes/los.yaml'", tmp, tmp), 0);
	ck_assert_int_eq(journal_write(s, "los", "name: Los bis\n", 14), STORE_OK);
	ck_assert_int_eq(store_remove(s, "los", NULL), STORE_OK);
	ck_assert_int_ne(sh("test -e '%s/u/algoritmes/los.yaml'", tmp), 0);
	ck_assert_int_eq(commits("u"), before);
	ck_assert_int_eq(journal_time(s, "los"), 0);
	/* Also when it was staged by another tool. */
	ck_assert_int_eq(sh("printf 'name: Los\\n' > '%s/u/algoritmes/los.yaml' && git -C '%s/u' add algoritmes", tmp, tmp), 0);
	ck_assert_int_eq(store_remove(s, "los", NULL), STORE_OK);
	char *status = sh_out("git -C '%s/u' status --porcelain", tmp);
	ck_assert_str_eq(status, "");
	free(status);
	ck_assert_int_eq(store_remove(s, "los", NULL), STORE_NOT_FOUND);

	/* Text only the work tree held comes back through the journal. */
	description *d = sample("Bijstand", "Opgeslagen.");
	ck_assert_int_eq(store_save(s, "bijstand", d, NULL), STORE_OK);
	ck_assert_int_eq(sh("printf 'name: Bijstand\\ngoal: Alleen in de map.\\n' > '%s/u/algoritmes/bijstand.yaml'", tmp), 0);
	ck_assert_int_eq(store_remove(s, "bijstand", NULL), STORE_OK);
	ck_assert_int_eq(store_restore(s, "bijstand", NULL), STORE_OK);
	size_t n = 0;
	char *p = journal_pending(s, "bijstand", &n);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p, "name: Bijstand\ngoal: Alleen in de map.\n");
	free(p);
	desc_free(&d);
	store_free(&s);
}
END_TEST

static void assert_refused(store *s, const char *dir, store_status want, const char *word)
{
	char *before = sh_out("git -C '%s' rev-parse HEAD; git -C '%s' status --porcelain; cat '%s/algoritmes/a.yaml'", dir, dir, dir);
	ck_assert_int_eq(store_remove(s, "a", NULL), want);
	ck_assert_msg(strstr(store_error(s), word), "%s", store_error(s));
	char *after = sh_out("git -C '%s' rev-parse HEAD; git -C '%s' status --porcelain; cat '%s/algoritmes/a.yaml'", dir, dir, dir);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
}

START_TEST(remove_refusals)
{
	store *s = open_new("busy", true);
	char *dir = xasprintf("%s/busy", tmp);
	description *d = sample("A", "Eerste.");
	ck_assert_int_eq(store_save(s, "a", d, NULL), STORE_OK);
	repo_enter(dir, RS_LOCKED);
	assert_refused(s, dir, STORE_LOCKED, "index.lock");
	repo_leave(dir, RS_LOCKED);
	repo_enter(dir, RS_DETACHED);
	assert_refused(s, dir, STORE_DETACHED, "git switch");
	repo_leave(dir, RS_DETACHED);
	repo_enter(dir, RS_MERGING);
	assert_refused(s, dir, STORE_BUSY, "merge --abort");
	repo_leave(dir, RS_MERGING);
	/* The same refusals hold for a restore. */
	ck_assert_int_eq(store_remove(s, "a", NULL), STORE_OK);
	repo_enter(dir, RS_LOCKED);
	ck_assert_int_eq(store_restore(s, "a", NULL), STORE_LOCKED);
	ck_assert_int_ne(sh("test -e '%s/algoritmes/a.yaml'", dir), 0);
	repo_leave(dir, RS_LOCKED);
	ck_assert_int_eq(store_restore(s, "a", NULL), STORE_OK);
	desc_free(&d);
	free(dir);
	store_free(&s);

	/* No author: refused, the file stays. The name given above is kept for
	 * every repository (the user's algedit config): forget it first. */
	ck_assert_int_eq(sh("rm '%s/home/algedit/config'", tmp), 0);
	s = open_new("noauthor", false);
	ck_assert_int_eq(sh("cd '%s/noauthor' && mkdir algoritmes && printf 'name: A\\n' > algoritmes/a.yaml && git add . && "
	                    "git -c user.name=X -c user.email=x@y commit -qm a", tmp), 0);
	dir = xasprintf("%s/noauthor", tmp);
	assert_refused(s, dir, STORE_NO_AUTHOR, "user.name");
	free(dir);
	store_free(&s);
}
END_TEST

START_TEST(journal_times)
{
	store *s = open_new("j", true);
	ck_assert_int_eq(journal_time(s, "x"), 0);
	ck_assert_int_eq(journal_time(s, "../x"), 0);
	time_t t0 = time(NULL);
	ck_assert_int_eq(journal_write(s, "x", "name: X\n", 8), STORE_OK);
	int64_t t = journal_time(s, "x");
	ck_assert(t >= (int64_t)t0 - 1 && t <= (int64_t)time(NULL) + 1);
	journal_discard(s, "x");
	ck_assert_int_eq(journal_time(s, "x"), 0);
	store_free(&s);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("store_remove");
	TCase *t = tcase_create("store_remove");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 120);
	tcase_add_test(t, remove_and_restore);
	tcase_add_test(t, remove_uncommitted);
	tcase_add_test(t, remove_refusals);
	tcase_add_test(t, journal_times);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return unit_run(suite());
}
