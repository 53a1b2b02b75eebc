/* store on a full disk: the repository lives on a small tmpfs mounted in a
 * private mount namespace of the test's own process (root only; skipped
 * visibly elsewhere). A save and a journal write on a full disk give a clear
 * message, keep the text (the model in memory, the previous journal),
 * corrupt nothing (git fsck, HEAD), and work again once space is back; the
 * same with every small amount of space left, so that the disk fills at
 * each step of a save in turn. */
#include "config.h"
#include "store/store.h"
#include "base/base.h"
#include "unit.h"
#include "repo_fixture.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
#define SLUG "vol"

/* A private mount namespace (mounts made here are seen by this process and
 * its children only, and vanish with them), and a tmpfs of size on dir. */
static int mount_small(const char *dir, const char *size)
{
	char opts[64];
	snprintf(opts, sizeof opts, "size=%s,nr_inodes=1000,mode=0755", size);
	if (unshare(CLONE_NEWNS) < 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
	    mount("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0)
		return -1;
	return 0;
}

/* Fills the file system of path to the last byte, then gives back leave
 * bytes. */
static void fill(const char *path, size_t leave)
{
	static char buf[1 << 16];
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	ck_assert_int_ge(fd, 0);
	for (size_t chunk = sizeof buf; chunk >= 1; chunk /= 2)
		while (write(fd, buf, chunk) > 0)
			;
	ck_assert_int_eq(errno, ENOSPC);
	off_t size = lseek(fd, 0, SEEK_END);
	ck_assert_int_eq(ftruncate(fd, size > (off_t)leave ? size - (off_t)leave : 0), 0);
	close(fd);
}

/* Uses up every free inode with empty files in the folder path, then gives
 * back leave of them. */
static void fill_inodes(const char *path, int leave)
{
	ck_assert_int_eq(mkdir(path, 0755), 0);
	int n = 0;
	for (;; n++) {
		char *f = xasprintf("%s/%d", path, n);
		int fd = open(f, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
		free(f);
		if (fd < 0) {
			ck_assert_int_eq(errno, ENOSPC);
			break;
		}
		close(fd);
	}
	for (int i = 0; i < leave && i < n; i++) {
		char *f = xasprintf("%s/%d", path, i);
		ck_assert_int_eq(unlink(f), 0);
		free(f);
	}
}

static description *sample(const char *goal)
{
	description *d = desc_new(std);
	desc_set_text(d, standard_field(std, "name"), "Vol");
	desc_set_text(d, standard_field(std, "organization"), "Gemeente Voorbeeld");
	desc_set_text(d, standard_field(std, "status"), "In gebruik");
	desc_set_text(d, standard_field(std, "goal"), goal);
	return d;
}

static char *head(const char *dir)
{
	return sh_out("git -C '%s' rev-parse HEAD", dir);
}

/* git fsck finds nothing wrong (objects no commit uses are not wrong), and
 * no temporary or lock file is left behind. */
static void intact(const char *dir, const char *when)
{
	char *out = sh_out("git -C '%s' fsck --no-dangling --no-progress 2>&1 || echo fsck failed; "
	                   "find '%s' \\( -name '*.lock' -o -name '*.tmp.*' -o -name 'tmp_*' \\) -print", dir, dir);
	ck_assert_msg(!*out, "%s: git fsck or files left behind: %s", when, out);
	free(out);
}

static char *file_text(const char *dir)
{
	return sh_out("cat '%s/algoritmes/" SLUG ".yaml'", dir);
}

/* Leaves only left pages (or, with files, left inodes) free and saves a new
 * version. Whatever the outcome, it says so truthfully: STORE_IO leaves
 * HEAD where it was, STORE_OK moved it to the new text; the journal holds
 * one complete version; nothing is damaged or left behind; and a retry
 * once space is back works with the same store. */
static void squeezed_save(store *s, const char *dir, const char *filler, bool files, int left)
{
	static int nround;
	char goal[96], typed[96];
	nround++;
	snprintf(goal, sizeof goal, "Versie %d, met %d vrij%s.", nround, left, files ? "e bestanden" : "e bladzijden");
	snprintf(typed, sizeof typed, "goal: getypt in ronde %d\n", nround);
	description *d = sample(goal);
	size_t len, n;
	char *want = desc_write_yaml(d, &len);
	char *before = head(dir), *jbefore = journal_pending(s, SLUG, &n);
	if (files)
		fill_inodes(filler, left);
	else
		fill(filler, (size_t)left * PAGE);
	store_status rc = store_save(s, SLUG, d, NULL);
	char *after = head(dir), *when = xasprintf("%d %s left", left, files ? "files" : "pages");
	if (rc == STORE_IO) {
		ck_assert_msg(!strcmp(before, after), "%s: save failed (%s) but HEAD moved", when, store_error(s));
	} else {
		ck_assert_msg(rc == STORE_OK, "%s: save gave %d: %s", when, rc, store_error(s));
		ck_assert_str_ne(before, after);
		char *committed = sh_out("git -C '%s' show HEAD:algoritmes/" SLUG ".yaml", dir);
		ck_assert_str_eq(committed, want);
		free(committed);
	}
	store_status jr = journal_write(s, SLUG, typed, strlen(typed));
	ck_assert(jr == STORE_OK || jr == STORE_IO);
	char *p = journal_pending(s, SLUG, &n);
	if (jr == STORE_OK) {
		ck_assert_ptr_nonnull(p);
		ck_assert_str_eq(p, typed);
	} else if (jbefore) {
		ck_assert_msg(p && !strcmp(p, jbefore), "%s: journal lost", when);
	}
	free(p);
	ck_assert_int_eq(sh("rm -rf '%s'", filler), 0);
	intact(dir, when);
	if (rc == STORE_IO)
		ck_assert_msg(store_save(s, SLUG, d, NULL) == STORE_OK, "%s: retry: %s", when, store_error(s));
	char *committed = sh_out("git -C '%s' show HEAD:algoritmes/" SLUG ".yaml", dir);
	ck_assert_str_eq(committed, want);
	char *status = sh_out("git -C '%s' status --porcelain", dir);
	ck_assert_msg(!*status, "%s: after the retry git status says %s", when, status);
	free(status);
	free(committed);
	free(when);
	free(jbefore);
	free(before);
	free(after);
	free(want);
	desc_free(&d);
}

START_TEST(full_disk)
{
	char *dir = xasprintf("%s/full", tmp), *filler = xasprintf("%s/full/filler", tmp);
	ck_assert_int_eq(mkdir(dir, 0755), 0);
	ck_assert_msg(mount_small(dir, "2m") == 0, "mount: %s", strerror(errno));
	store *s = open_repo("full", true);
	description *d1 = sample("Eerste versie.");
	ck_assert_int_eq(store_save(s, SLUG, d1, NULL), STORE_OK);
	const char *typed1 = "name: Vol\ngoal: Eerste versie, getypt.\n";
	ck_assert_int_eq(journal_write(s, SLUG, typed1, strlen(typed1)), STORE_OK);
	char *head1 = head(dir), *file1 = file_text(dir);

	/* Full to the last byte. */
	fill(filler, 0);
	description *d2 = sample("Tweede versie, met een langere tekst die niet verloren mag gaan.");
	size_t len_before, len_after;
	char *model_before = desc_write_yaml(d2, &len_before);
	ck_assert_int_eq(store_save(s, SLUG, d2, NULL), STORE_IO);
	ck_assert_msg(strstr(store_error(s), "your text is kept"), "save message: %s", store_error(s));
	char *model_after = desc_write_yaml(d2, &len_after);
	ck_assert_str_eq(model_before, model_after);
	const char *typed2 = "name: Vol\ngoal: Tweede versie, getypt op een volle schijf.\n";
	ck_assert_int_eq(journal_write(s, SLUG, typed2, strlen(typed2)), STORE_IO);
	ck_assert_msg(strstr(store_error(s), "the text stays in the editor"), "journal message: %s", store_error(s));
	size_t n;
	char *p = journal_pending(s, SLUG, &n);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p, typed1);
	free(p);
	char *h = head(dir), *f = file_text(dir);
	ck_assert_str_eq(h, head1);
	ck_assert_str_eq(f, file1);
	free(h);
	free(f);
	intact(dir, "full disk");

	/* Space back: the same store, the same model, and the retry works. */
	ck_assert_int_eq(unlink(filler), 0);
	ck_assert_int_eq(journal_write(s, SLUG, typed2, strlen(typed2)), STORE_OK);
	p = journal_pending(s, SLUG, &n);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p, typed2);
	free(p);
	ck_assert_int_eq(store_save(s, SLUG, d2, NULL), STORE_OK);
	h = head(dir);
	f = file_text(dir);
	ck_assert_str_ne(h, head1);
	ck_assert_str_eq(f, model_before);
	free(h);
	free(f);
	intact(dir, "after the retry");

	/* Every small amount of space left, in bytes and in files: the disk
	 * fills at a different step of the save each time (objects, the file,
	 * the commit, the branch and its log, the index). */
	for (int pages = 1; pages <= 8; pages++)
		squeezed_save(s, dir, filler, false, pages);
	/* Whether the commit needs a new objects/xx folder (one inode more)
	 * depends on its hash: three rounds make it likely that one of them
	 * runs out of inodes exactly there, where libgit2 1.5.1 reports
	 * success for a commit it did not write. */
	for (int rounds = 0; rounds < 3; rounds++)
		for (int files = 0; files <= 10; files++)
			squeezed_save(s, dir, filler, true, files);

	store_free(&s);
	ck_assert_int_eq(umount2(dir, MNT_DETACH), 0);
	desc_free(&d1);
	desc_free(&d2);
	free(model_before);
	free(model_after);
	free(head1);
	free(file1);
	free(filler);
	free(dir);
}
END_TEST

/* Whether this machine lets the test make a private mount namespace and
 * mount a tmpfs in it (root, and unshare not forbidden). */
static bool can_mount(void)
{
	char d[] = "/tmp/algedit-mnt-XXXXXX";
	if (!mkdtemp(d))
		return false;
	pid_t pid = fork();
	if (pid == 0)
		_exit(mount_small(d, "64k") == 0 ? 0 : 1);
	int st = 1;
	waitpid(pid, &st, 0);
	rmdir(d);
	return pid > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static Suite *suite(void)
{
	Suite *s = suite_create("store_full");
	TCase *t = tcase_create("store_full");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 240);
	tcase_add_test(t, full_disk);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	if (!can_mount()) {
		printf("SKIP: a full disk is simulated with a tmpfs in a private mount namespace (unshare -m), which needs root\n");
		return 77;
	}
	return unit_run(suite());
}
