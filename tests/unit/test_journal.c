/* journal: what the drafts repository keeps of text not yet saved. A new
 * description that was never saved is found again (journal_unsaved); the
 * sweep of a killed writer's temp files never takes another description's
 * journal (a slug may look like "plan.tmp.99999") nor the temp file of a
 * writer it may not signal; the drafts are readable by their owner alone
 * (folders 0700, files 0600), the default repository included. */
#include "config.h"
#include "store/store.h"
#include "base/base.h"
#include "unit.h"
#include "repo_fixture.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static description *sample(const char *name, const char *goal)
{
	description *d = desc_new(std);
	desc_set_text(d, standard_field(std, "name"), name);
	desc_set_text(d, standard_field(std, "status"), "In gebruik");
	if (goal)
		desc_set_text(d, standard_field(std, "goal"), goal);
	return d;
}

/* The permission bits of a followed by b. */
static int mode_of(const char *a, const char *b)
{
	char *p = xasprintf("%s%s", a, b);
	struct stat st;
	int m = lstat(p, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
	free(p);
	return m;
}

static bool exists(const char *dir, const char *name)
{
	char *p = xasprintf("%s/.git/algedit/journal/%s", dir, name);
	struct stat st;
	bool r = lstat(p, &st) == 0;
	free(p);
	return r;
}

START_TEST(unsaved_listed)
{
	store *s = open_repo("u", true);
	char *dir = xasprintf("%s/u", tmp);
	size_t n = 0;
	char **slugs = NULL;
	ck_assert_int_eq(journal_unsaved(s, &slugs, &n), STORE_OK);
	ck_assert_uint_eq(n, 0);
	store_slugs_free(&slugs, n);
	/* Saved, then typed on: not in the list (the list shows the file). */
	description *d = sample("Opgeslagen", "Eerste.");
	ck_assert_int_eq(store_save(s, "opgeslagen", d, NULL), STORE_OK);
	const char *more = "name: Opgeslagen\ngoal: Eerste en meer.\n";
	ck_assert_int_eq(journal_write(s, "opgeslagen", more, strlen(more)), STORE_OK);
	/* Never saved: listed, sorted. */
	const char *t1 = "name: Nieuw plan\ngoal: Nog niet opgeslagen.\n";
	const char *t2 = "name: Zorg\n";
	ck_assert_int_eq(journal_write(s, "zorg", t2, strlen(t2)), STORE_OK);
	ck_assert_int_eq(journal_write(s, "nieuw-plan", t1, strlen(t1)), STORE_OK);
	/* A torn journal and a temp file are not descriptions. */
	ck_assert_int_eq(sh("cd '%s/.git/algedit/journal' && printf 'algedit-journal 1 99 0\\nab' > kapot && "
	                    "printf x > .zorg.tmp.12345", dir), 0);
	ck_assert_int_eq(journal_unsaved(s, &slugs, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(slugs[0], "nieuw-plan");
	ck_assert_str_eq(slugs[1], "zorg");
	store_slugs_free(&slugs, n);
	/* Each is offered back on opening. */
	char *p = journal_pending(s, "nieuw-plan", &n);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p, t1);
	free(p);
	/* Once saved it leaves the list. */
	description *d2 = sample("Nieuw plan", "Nog niet opgeslagen.");
	ck_assert_int_eq(store_save(s, "nieuw-plan", d2, NULL), STORE_OK);
	ck_assert_int_eq(journal_unsaved(s, &slugs, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(slugs[0], "zorg");
	store_slugs_free(&slugs, n);
	/* Removed with text typed since: its journal waits for a restore and
	 * is not listed as a new description. */
	ck_assert_int_eq(store_remove(s, "opgeslagen", NULL), STORE_OK);
	ck_assert_int_eq(sh("test -s '%s/.git/algedit/journal/opgeslagen'", dir), 0);
	ck_assert_int_eq(journal_unsaved(s, &slugs, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(slugs[0], "zorg");
	store_slugs_free(&slugs, n);
	desc_free(&d);
	desc_free(&d2);
	free(dir);
	store_free(&s);
}
END_TEST

/* A pid that surely has ended: a child waited for. */
static pid_t dead_pid(void)
{
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return pid;
}

START_TEST(sweep_spares_others)
{
	store *s = open_repo("w", true);
	char *dir = xasprintf("%s/w", tmp);
	/* "plan.tmp.<dead pid>" is a valid slug: its text is a description's. */
	char other[64];
	snprintf(other, sizeof other, "plan.tmp.%ld", (long)dead_pid());
	const char *t = "name: Plan, tijdelijk\n";
	ck_assert_int_eq(journal_write(s, other, t, strlen(t)), STORE_OK);
	const char *mine = "name: Plan\n";
	ck_assert_int_eq(journal_write(s, "plan", mine, strlen(mine)), STORE_OK);
	/* A killed writer's temp file goes, the running one's stays. */
	char dead[64];
	snprintf(dead, sizeof dead, ".plan.tmp.%ld", (long)dead_pid());
	ck_assert_int_eq(sh("cd '%s/.git/algedit/journal' && printf x > '%s' && printf x > .plan.tmp.%ld", dir, dead,
	                    (long)getppid()), 0);
	size_t n = 0;
	char *p = journal_pending(s, "plan", &n);
	ck_assert_ptr_nonnull(p);
	free(p);
	ck_assert_msg(exists(dir, other), "the journal of %s was swept away as a temp file", other);
	ck_assert(!exists(dir, dead));
	char live[64];
	snprintf(live, sizeof live, ".plan.tmp.%ld", (long)getppid());
	ck_assert(exists(dir, live));
	p = journal_pending(s, other, &n);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p, t);
	free(p);
	store_free(&s);

	/* A writer we may not signal (kill gives EPERM) is alive: pid 1 seen
	 * by an ordinary user. As root the sweep runs as nobody. */
	ck_assert_int_eq(sh("cd '%s/.git/algedit/journal' && printf x > .plan.tmp.1", dir), 0);
	if (getuid() == 0)
		ck_assert_int_eq(sh("chmod 755 '%s' '%s/home' && chown -R 65534 '%s'", tmp, tmp, dir), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (getuid() == 0 && setuid(65534) < 0)
			_exit(10);
		if (kill(1, 0) == 0 || errno != EPERM)
			_exit(0); /* nothing to show here */
		store *cs = NULL;
		char *err = NULL;
		if (store_open(std, dir, &cs, &err) != STORE_OK)
			_exit(11);
		size_t m = 0;
		free(journal_pending(cs, "plan", &m));
		store_free(&cs);
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	if (getuid() == 0)
		ck_assert_int_eq(sh("chown -R 0 '%s'", dir), 0);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child said %d", WEXITSTATUS(st));
	ck_assert_msg(exists(dir, ".plan.tmp.1"), "the temp file of a process we may not signal was removed");
	free(dir);
}
END_TEST

START_TEST(private_modes)
{
	/* The default repository, created on first use. */
	char *data = xasprintf("%s/data", tmp);
	setenv("XDG_DATA_HOME", data, 1);
	char *def = store_default_dir();
	store *s = NULL;
	char *err = NULL;
	ck_assert_int_eq(store_open(std, NULL, &s, &err), STORE_OK);
	ck_assert_int_eq(mode_of(def, ""), 0700);
	ck_assert_int_eq(store_set_author(s, "Anna de Vries", "anna@example.nl"), STORE_OK);
	const char *t = "name: Vertrouwelijk\n";
	ck_assert_int_eq(journal_write(s, "vertrouwelijk", t, strlen(t)), STORE_OK);
	ck_assert_int_eq(mode_of(def, "/.git/algedit"), 0700);
	ck_assert_int_eq(mode_of(def, "/.git/algedit/journal"), 0700);
	ck_assert_int_eq(mode_of(def, "/.git/algedit/journal/vertrouwelijk"), 0600);
	store_free(&s);
	unsetenv("XDG_DATA_HOME");

	/* A repository someone made with git, and .git/algedit/ left 0755 by
	 * an older version: closed at the next write. */
	ck_assert_int_eq(sh("umask 022 && git init -q '%s/g' && mkdir -p '%s/g/.git/algedit/journal'", tmp, tmp), 0);
	char *g = xasprintf("%s/g", tmp);
	ck_assert_int_eq(store_open(std, g, &s, &err), STORE_OK);
	ck_assert_int_eq(journal_write(s, "vertrouwelijk", t, strlen(t)), STORE_OK);
	ck_assert_int_eq(mode_of(g, "/.git/algedit"), 0700);
	ck_assert_int_eq(mode_of(g, "/.git/algedit/journal"), 0700);
	ck_assert_int_eq(mode_of(g, "/.git/algedit/journal/vertrouwelijk"), 0600);
	/* The changed-paths cache written by a log, too. */
	ck_assert_int_eq(store_set_author(s, "Anna de Vries", "anna@example.nl"), STORE_OK);
	description *d = sample("Vertrouwelijk", "Tekst.");
	ck_assert_int_eq(store_save(s, "vertrouwelijk", d, NULL), STORE_OK);
	store_version *v = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_log(s, NULL, "vertrouwelijk", 0, LANG_NL, &v, &n), STORE_OK);
	store_versions_free(&v, n);
	char *loose = sh_out("find '%s/.git/algedit' -perm /077 -print", g);
	ck_assert_msg(!*loose, "readable by others: %s", loose);
	free(loose);
	desc_free(&d);
	store_free(&s);
	free(g);
	free(def);
	free(data);
}
END_TEST

static Suite *suite(void)
{
	Suite *su = suite_create("journal");
	TCase *t = tcase_create("journal");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 60);
	tcase_add_test(t, unsaved_listed);
	tcase_add_test(t, sweep_spares_others);
	tcase_add_test(t, private_modes);
	suite_add_tcase(su, t);
	return su;
}

int main(void)
{
	return unit_run(suite());
}
