/* store: a real repository in a temporary folder, real libgit2. Opening and
 * creating, slugs, saving as commits and the refusals, the journal (including
 * a writer killed at random moments), read-only folders, history. */
#include "config.h"
#include "store/store.h"
#include "store/store_int.h"
#include "forms/slug.h"
#include "forms/diff.h"
#include "base/base.h"
#include "unit.h"
#include "repo_fixture.h"

#include <errno.h>
#include <stdarg.h>
#include <signal.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* libgit2 1.5.1 leaks PCRE2 match data when a refspec pattern does not match
 * (fixed upstream in libgit2 pull request 6382), in the sync of tls_user_ca;
 * under LeakSanitizer that is not ours. Unused without it. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libpcre2-8.so\n";
}

static store *open_new(const char *name)
{
	return open_repo(name, true);
}

static description *sample(const char *name, const char *goal)
{
	description *d = desc_new(std);
	desc_set_text(d, standard_field(std, "name"), name);
	desc_set_text(d, standard_field(std, "organization"), "Gemeente Voorbeeld");
	desc_set_text(d, standard_field(std, "status"), "In gebruik");
	if (goal)
		desc_set_text(d, standard_field(std, "goal"), goal);
	return d;
}

START_TEST(slugs)
{
	char *s;
	ck_assert_str_eq(s = slug_from_name("Parkeerhandhaving"), "parkeerhandhaving");
	free(s);
	ck_assert_str_eq(s = slug_from_name("Café-toezicht  én Rijswijk"), "cafe-toezicht-en-rijswijk");
	free(s);
	ck_assert_str_eq(s = slug_from_name("\xc4\xb3sbaan van de Ĳssel"), "ijsbaan-van-de-ijssel");
	free(s);
	ck_assert_str_eq(s = slug_from_name("zo’n algoritme"), "zon-algoritme");
	free(s);
	ck_assert_str_eq(s = slug_from_name("../../etc/passwd"), "etc-passwd");
	free(s);
	ck_assert_str_eq(s = slug_from_name("/"), "beschrijving");
	free(s);
	ck_assert_str_eq(s = slug_from_name(""), "beschrijving");
	free(s);
	ck_assert_str_eq(s = slug_from_name("a\nb\tc\x01" "d"), "a-b-c-d");
	free(s);
	ck_assert_str_eq(s = slug_from_name("Straße Œuvre Ærø"), "strasse-oeuvre-aero");
	free(s);
	ck_assert_str_eq(s = slug_from_name("\xff\xfe invalid"), "invalid");
	free(s);
	char longname[2000];
	for (size_t i = 0; i < sizeof longname - 1; i++)
		longname[i] = i % 7 == 6 ? ' ' : 'x';
	longname[sizeof longname - 1] = '\0';
	s = slug_from_name(longname);
	ck_assert_uint_le(strlen(s), SLUG_MAX);
	ck_assert(slug_valid(s));
	ck_assert(s[strlen(s) - 1] != '-');
	free(s);
	/* An embedded NUL ends the name as C sees it; nothing after it leaks. */
	const char withnul[] = "abc\0/../x";
	ck_assert_str_eq(s = slug_from_name(withnul), "abc");
	free(s);
	ck_assert(!slug_valid(".."));
	ck_assert(!slug_valid("../x"));
	ck_assert(!slug_valid("a/b"));
	ck_assert(!slug_valid(""));
	ck_assert(!slug_valid(".hidden"));
	ck_assert(!slug_valid("-rf"));
	ck_assert(slug_valid("Old_Name.v2"));
	ck_assert_ptr_null(slug_from_arg("algoritmes/../x.yaml"));
	ck_assert_str_eq(s = slug_from_arg("algoritmes/abc.yaml"), "abc");
	free(s);
	char *rel = store_relpath("../evil");
	ck_assert_ptr_null(rel);
	ck_assert_str_eq(rel = store_relpath("ok"), "algoritmes/ok.yaml");
	free(rel);
}
END_TEST

START_TEST(default_repository)
{
	char *data = xasprintf("%s/data", tmp);
	setenv("XDG_DATA_HOME", data, 1);
	char *dir = store_default_dir();
	char *want = xasprintf("%s/algedit/register", data);
	ck_assert_str_eq(dir, want);
	store *s = NULL;
	char *err = NULL;
	ck_assert_int_eq(store_open(std, NULL, &s, &err), STORE_OK);
	ck_assert_int_eq(sh("test -f '%s/README.md' && test -f '%s/.algedit/dictionary.txt'", dir, dir), 0);
	char *log = sh_out("git -C '%s' log --oneline | wc -l", dir);
	ck_assert_int_eq(atoi(log), 1);
	free(log);
	char *status = sh_out("git -C '%s' status --porcelain", dir);
	ck_assert_str_eq(status, "");
	free(status);
	store_free(&s);
	/* Opening again does not make another first commit. */
	ck_assert_int_eq(store_open(std, NULL, &s, &err), STORE_OK);
	log = sh_out("git -C '%s' log --oneline | wc -l", dir);
	ck_assert_int_eq(atoi(log), 1);
	free(log);
	store_free(&s);
	unsetenv("XDG_DATA_HOME");
	char *d2 = store_default_dir();
	ck_assert(str_ends(d2, "/home/.local/share/algedit/register"));
	free(d2);
	/* No HOME (env -i, a bare chroot): the account's home, never the
	 * current folder. */
	char *home = xstrdup(getenv("HOME"));
	unsetenv("HOME");
	d2 = store_default_dir();
	ck_assert_msg(d2[0] == '/', "without HOME the drafts go to %s", d2);
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_dir && pw->pw_dir[0] == '/' && strcmp(pw->pw_dir, "/"))
		ck_assert(str_starts(d2, pw->pw_dir));
	free(d2);
	setenv("HOME", home, 1);
	free(home);
	free(want);
	free(dir);
	free(data);
}
END_TEST

START_TEST(existing_repository)
{
	ck_assert_int_eq(sh("cd '%s' && git init -q -b trunk other && cd other && echo hi > notes.txt && "
	                    "git add . && git -c user.name=X -c user.email=x@y commit -qm first", tmp), 0);
	char *dir = xasprintf("%s/other", tmp), *err = NULL;
	store *s = NULL;
	ck_assert_int_eq(store_open(std, dir, &s, &err), STORE_OK);
	ck_assert_int_eq(store_set_author(s, "Bo", "bo@example.nl"), STORE_OK);
	description *d = sample("Subsidietoets", NULL);
	store_saved info;
	ck_assert_int_eq(store_save(s, "subsidietoets", d, &info), STORE_OK);
	store_saved_done(&info);
	char *files = sh_out("git -C '%s' ls-tree -r --name-only trunk", dir);
	ck_assert_str_eq(files, "algoritmes/subsidietoets.yaml\nnotes.txt\n");
	free(files);
	/* Not a repository and not empty: refused, nothing created. */
	ck_assert_int_eq(sh("mkdir '%s/stuff' && touch '%s/stuff/x'", tmp, tmp), 0);
	char *d2 = xasprintf("%s/stuff", tmp);
	store *s2 = NULL;
	ck_assert_int_ne(store_open(std, d2, &s2, &err), STORE_OK);
	ck_assert_ptr_nonnull(strstr(err, "stuff"));
	free(err);
	ck_assert_int_ne(sh("test -d '%s/stuff/.git'", tmp), 0);
	free(d2);
	desc_free(&d);
	store_free(&s);
	free(dir);
}
END_TEST

START_TEST(save_commits)
{
	store *s = open_new("r");
	description *d = sample("Parkeerhandhaving", "Handhaving van parkeren.");
	char *slug = store_new_slug(s, "Parkeerhandhaving");
	ck_assert_str_eq(slug, "parkeerhandhaving");
	store_saved info;
	ck_assert_int_eq(store_save(s, slug, d, &info), STORE_OK);
	ck_assert_ptr_nonnull(strstr(info.message, "Parkeerhandhaving"));
	store_saved_done(&info);
	/* Same name again: a unique slug. */
	char *slug2 = store_new_slug(s, "Parkeerhandhaving");
	ck_assert_str_eq(slug2, "parkeerhandhaving-2");
	free(slug2);
	/* No change: no commit. */
	char *before = sh_out("git -C '%s/r' rev-parse HEAD", tmp);
	ck_assert_int_eq(store_save(s, slug, d, NULL), STORE_UNCHANGED);
	char *after = sh_out("git -C '%s/r' rev-parse HEAD", tmp);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	/* A change names the changed fields (English labels under LANGUAGE=en,
	 * Dutch ones otherwise; either way the field is there). */
	desc_set_text(d, standard_field(std, "status"), "Buiten gebruik");
	desc_set_text(d, standard_field(std, "goal"), "Handhaving van betaald parkeren.");
	ck_assert_int_eq(store_save(s, slug, d, &info), STORE_OK);
	const std_field *goal = standard_field(std, "goal");
	ck_assert_msg(strstr(info.message, "Status") && (strstr(info.message, goal->label[LANG_NL]) || strstr(info.message, goal->label[LANG_EN])),
	              "%s", info.message);
	store_saved_done(&info);
	char *msg = sh_out("git -C '%s/r' log -1 --format=%%s%%n%%an", tmp);
	ck_assert_ptr_nonnull(strstr(msg, "Parkeerhandhaving:"));
	ck_assert_ptr_nonnull(strstr(msg, "Anna de Vries"));
	free(msg);
	char *status = sh_out("git -C '%s/r' status --porcelain", tmp);
	ck_assert_str_eq(status, "");
	free(status);
	/* Loaded back, it is the same model. */
	description *back = NULL;
	ck_assert_int_eq(store_load(s, slug, &back, NULL), STORE_OK);
	desc_diff *dd = desc_diff_new(d, back);
	ck_assert_uint_eq(dd->n, 0);
	desc_diff_free(&dd);
	desc_free(&back);
	/* Something another tool staged stays staged and out of our commit. */
	ck_assert_int_eq(sh("cd '%s/r' && echo x > other.txt && git add other.txt", tmp), 0);
	desc_set_text(d, standard_field(std, "status"), "In gebruik");
	ck_assert_int_eq(store_save(s, slug, d, NULL), STORE_OK);
	char *files = sh_out("git -C '%s/r' show --name-only --format= HEAD", tmp);
	ck_assert_str_eq(files, "algoritmes/parkeerhandhaving.yaml\n");
	free(files);
	status = sh_out("git -C '%s/r' status --porcelain", tmp);
	ck_assert_str_eq(status, "A  other.txt\n");
	free(status);
	store_version *v = NULL;
	size_t nv = 0;
	ck_assert_int_eq(store_log(s, NULL, slug, 0, LANG_NL, &v, &nv), STORE_OK);
	ck_assert_uint_eq(nv, 3);
	ck_assert_str_eq(v[0].fields, "Status");
	ck_assert_str_eq(v[0].author, "Anna de Vries");
	ck_assert_ptr_nonnull(strstr(v[1].fields, "Status"));
	store_versions_free(&v, nv);
	/* A conflict left in the index on the description (a stash that did
	 * not apply, say): the next save settles it, as git add would. */
	ck_assert_int_eq(sh("cd '%s/r' && f=algoritmes/parkeerhandhaving.yaml && b=$(git rev-parse HEAD:$f) && "
	                    "git rm -q --cached $f && printf '100644 %%s 1\t%%s\n100644 %%s 2\t%%s\n100644 %%s 3\t%%s\n' "
	                    "$b $f $b $f $b $f | git update-index --index-info", tmp), 0);
	char *stages = sh_out("git -C '%s/r' ls-files -s algoritmes/parkeerhandhaving.yaml | wc -l", tmp);
	ck_assert_str_eq(stages, "3\n");
	free(stages);
	desc_set_text(d, standard_field(std, "status"), "Buiten gebruik");
	ck_assert_int_eq(store_save(s, slug, d, NULL), STORE_OK);
	stages = sh_out("git -C '%s/r' ls-files -s algoritmes/parkeerhandhaving.yaml", tmp);
	char *want = sh_out("printf '100644 %%s 0\talgoritmes/parkeerhandhaving.yaml\n' "
	                    "$(git -C '%s/r' rev-parse HEAD:algoritmes/parkeerhandhaving.yaml)", tmp);
	ck_assert_str_eq(stages, want);
	free(want);
	free(stages);
	status = sh_out("git -C '%s/r' status --porcelain", tmp);
	ck_assert_str_eq(status, "A  other.txt\n");
	free(status);
	desc_free(&d);
	free(slug);
	store_free(&s);
}
END_TEST

START_TEST(author_missing)
{
	char *dir = xasprintf("%s/noauthor", tmp), *err = NULL;
	store *s = NULL;
	ck_assert_int_eq(store_open(std, dir, &s, &err), STORE_OK);
	description *d = sample("X", NULL);
	ck_assert_int_eq(store_save(s, "x", d, NULL), STORE_NO_AUTHOR);
	ck_assert_ptr_nonnull(strstr(store_error(s), "user.name"));
	ck_assert_int_ne(sh("test -e '%s/algoritmes/x.yaml'", dir), 0);
	ck_assert_int_eq(store_set_author(s, "Bad <name>", "a@b"), STORE_ERROR);
	ck_assert_int_eq(store_set_author(s, "Cor", "cor@example.nl"), STORE_OK);
	ck_assert_int_eq(store_save(s, "x", d, NULL), STORE_OK);
	char *name = sh_out("git -C '%s' log -1 --format=%%an", dir);
	ck_assert_str_eq(name, "Cor\n");
	free(name);
	desc_free(&d);
	store_free(&s);
	free(dir);
	/* Kept once for the person, privately, not in this repository: a
	 * second new repository knows the author without asking. */
	char *mode = sh_out("stat -c %%a '%s/home/algedit/config'", tmp);
	ck_assert_str_eq(mode, "600\n");
	free(mode);
	ck_assert_int_ne(sh("git -C '%s/noauthor' config --local user.name", tmp), 0);
	dir = xasprintf("%s/second", tmp);
	ck_assert_int_eq(store_open(std, dir, &s, &err), STORE_OK);
	char *n = NULL, *e = NULL;
	ck_assert_int_eq(store_author(s, &n, &e), STORE_OK);
	ck_assert_str_eq(n, "Cor");
	ck_assert_str_eq(e, "cor@example.nl");
	free(n);
	free(e);
	/* git's own config comes first where it is set. */
	ck_assert_int_eq(sh("git config -f '%s/home/.gitconfig' user.name 'Git Naam' && "
	                    "git config -f '%s/home/.gitconfig' user.email git@example.nl", tmp, tmp), 0);
	ck_assert_int_eq(store_author(s, &n, &e), STORE_OK);
	ck_assert_str_eq(n, "Git Naam");
	free(n);
	free(e);
	/* Quotes and backslashes survive git's config syntax. */
	ck_assert_int_eq(sh("rm '%s/home/.gitconfig'", tmp), 0);
	store_free(&s);
	ck_assert_int_eq(store_open(std, dir, &s, &err), STORE_OK);
	ck_assert_int_eq(store_set_author(s, "Anne \"An\" de \\ Wit", "a@example.nl"), STORE_OK);
	ck_assert_int_eq(store_author(s, &n, &e), STORE_OK);
	ck_assert_str_eq(n, "Anne \"An\" de \\ Wit");
	free(n);
	free(e);
	store_free(&s);
	free(dir);
}
END_TEST

static void assert_refused(store *s, const char *dir, store_status want, const char *word)
{
	char *before = sh_out("git -C '%s' rev-parse HEAD; git -C '%s' status --porcelain; cat '%s/algoritmes/a.yaml'", dir, dir, dir);
	description *d = sample("A", "Nieuwe tekst die niet opgeslagen mag worden.");
	ck_assert_int_eq(store_save(s, "a", d, NULL), want);
	ck_assert_msg(strstr(store_error(s), word), "%s", store_error(s));
	char *after = sh_out("git -C '%s' rev-parse HEAD; git -C '%s' status --porcelain; cat '%s/algoritmes/a.yaml'", dir, dir, dir);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	desc_free(&d);
}

START_TEST(refusals)
{
	store *s = open_new("busy");
	char *dir = xasprintf("%s/busy", tmp);
	description *d = sample("A", "Eerste.");
	ck_assert_int_eq(store_save(s, "a", d, NULL), STORE_OK);
	/* Locked index. */
	repo_enter(dir, RS_LOCKED);
	assert_refused(s, dir, STORE_LOCKED, "index.lock");
	repo_leave(dir, RS_LOCKED);
	/* Detached HEAD. */
	repo_enter(dir, RS_DETACHED);
	assert_refused(s, dir, STORE_DETACHED, "git switch");
	repo_leave(dir, RS_DETACHED);
	/* A merge in progress. */
	repo_enter(dir, RS_MERGING);
	assert_refused(s, dir, STORE_BUSY, "merge --abort");
	repo_leave(dir, RS_MERGING);
	ck_assert_int_eq(store_save(s, "a", d, NULL), STORE_UNCHANGED);
	desc_free(&d);
	free(dir);
	store_free(&s);
}
END_TEST

START_TEST(journal_basics)
{
	store *s = open_new("j");
	description *d = sample("Journaal", "Tekst.");
	ck_assert_int_eq(store_save(s, "journaal", d, NULL), STORE_OK);
	size_t n = 0;
	ck_assert_ptr_null(journal_pending(s, "journaal", &n));
	const char *typed = "name: Journaal\nstatus: In gebruik\ngoal: Tekst die nog niet is opgeslagen.\n";
	ck_assert_int_eq(journal_write(s, "journaal", typed, strlen(typed)), STORE_OK);
	ck_assert_int_eq(journal_write(s, "journaal", typed, strlen(typed)), STORE_OK);
	/* Outside the work tree: git does not see it. */
	char *status = sh_out("git -C '%s/j' status --porcelain --ignored", tmp);
	ck_assert_str_eq(status, "");
	free(status);
	/* A new handle (the next start) finds it. */
	store_free(&s);
	s = open_new("j");
	char *p = journal_pending(s, "journaal", &n);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p, typed);
	free(p);
	/* A torn file is never offered. */
	ck_assert_int_eq(sh("cd '%s/j/.git/algedit/journal' && head -c 40 journaal > t && mv t journaal", tmp), 0);
	ck_assert_ptr_null(journal_pending(s, "journaal", &n));
	ck_assert_int_eq(journal_write(s, "journaal", typed, strlen(typed)), STORE_OK);
	p = journal_pending(s, "journaal", &n);
	ck_assert_ptr_nonnull(p);
	free(p);
	/* Saving discards it. */
	desc_set_text(d, standard_field(std, "goal"), "Tekst die nog niet is opgeslagen.");
	ck_assert_int_eq(store_save(s, "journaal", d, NULL), STORE_OK);
	ck_assert_ptr_null(journal_pending(s, "journaal", &n));
	ck_assert_int_ne(sh("test -e '%s/j/.git/algedit/journal/journaal'", tmp), 0);
	/* Journal equal to the saved file: nothing to recover. */
	size_t len;
	char *bytes = desc_write_yaml(d, &len);
	ck_assert_int_eq(journal_write(s, "journaal", bytes, len), STORE_OK);
	ck_assert_ptr_null(journal_pending(s, "journaal", &n));
	free(bytes);
	ck_assert_int_eq(journal_write(s, "../evil", "x", 1), STORE_ERROR);
	desc_free(&d);
	store_free(&s);
}
END_TEST

/* Version v of the text: its number, then a body whose length and bytes
 * depend on v, so a torn or mixed file cannot pass as a version. */
static char *version_text(unsigned v, size_t *len)
{
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "version %u\n", v);
	size_t n = 200 + (v * 7919u) % 20000;
	for (size_t i = 0; i < n; i++)
		sb_addc(&b, (char)('a' + (v + i) % 26));
	sb_addc(&b, '\n');
	*len = b.len;
	return sb_take(&b);
}

START_TEST(journal_sigkill)
{
	store *s = open_new("k");
	char *dir = xasprintf("%s/k", tmp);
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	const int rounds = 60;
	unsigned last_seen = 0;
	for (int r = 0; r < rounds; r++) {
		int fds[2];
		ck_assert_int_eq(pipe(fds), 0);
		pid_t pid = fork();
		ck_assert_int_ge(pid, 0);
		if (pid == 0) {
			close(fds[0]);
			store *cs = NULL;
			char *err = NULL;
			if (store_open(std, dir, &cs, &err) != STORE_OK)
				_exit(3);
			for (unsigned v = (unsigned)r * 100000u + 1;; v++) {
				size_t len;
				char *t = version_text(v, &len);
				if (journal_write(cs, "doorlopend", t, len) != STORE_OK)
					_exit(4);
				free(t);
				if (v == (unsigned)r * 100000u + 1 && write(fds[1], "x", 1) != 1)
					_exit(5);
			}
		}
		close(fds[1]);
		char c;
		ck_assert_int_eq(read(fds[0], &c, 1), 1);
		close(fds[0]);
		struct timespec ts = { 0, (long)(rand() % 25000) * 1000L };
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		int st;
		waitpid(pid, &st, 0);
		ck_assert(WIFSIGNALED(st));
		size_t n = 0;
		char *p = journal_pending(s, "doorlopend", &n);
		ck_assert_msg(p != NULL, "round %d: no complete journal after SIGKILL", r);
		unsigned v = 0;
		ck_assert_int_eq(sscanf(p, "version %u", &v), 1);
		size_t len;
		char *want = version_text(v, &len);
		ck_assert_msg(n == len && !memcmp(p, want, n), "round %d: journal of version %u is torn", r, v);
		ck_assert_uint_ge(v, last_seen);
		last_seen = v;
		free(want);
		free(p);
	}
	/* Temp files of killed writers are cleaned up. */
	char *left = sh_out("ls '%s/.git/algedit/journal' | grep -c tmp", dir);
	ck_assert_int_eq(atoi(left), 0);
	free(left);
	free(dir);
	store_free(&s);
}
END_TEST

/* Read-only: as root chmod does not stop writes, so the child drops to an
 * ordinary user first, who owns the (read-only) repository so that git's
 * ownership check lets it open it. */
START_TEST(read_only)
{
	store *s = open_new("ro");
	char *dir = xasprintf("%s/ro", tmp);
	description *d = sample("Alleen lezen", "Eerste versie.");
	ck_assert_int_eq(store_save(s, "alleen-lezen", d, NULL), STORE_OK);
	const char *typed = "name: Alleen lezen\n";
	ck_assert_int_eq(journal_write(s, "alleen-lezen", typed, strlen(typed)), STORE_OK);
	store_free(&s);
	char *before = sh_out("cd '%s' && git rev-parse HEAD && git status --porcelain && cat algoritmes/alleen-lezen.yaml && git fsck --no-progress 2>&1", dir);
	ck_assert_int_eq(sh("chmod -R a+rX '%s' && chmod 755 '%s' '%s/home' && chmod -R a-w '%s' && (test $(id -u) -ne 0 || chown -R 65534 '%s')", tmp, tmp, tmp, dir, dir), 0);
	pid_t pid = fork();
	if (pid == 0) {
		if (getuid() == 0 && setuid(65534) < 0)
			_exit(10);
		store *cs = NULL;
		char *err = NULL;
		if (store_open(std, dir, &cs, &err) != STORE_OK)
			_exit(11);
		description *d2 = sample("Alleen lezen", "Tweede versie.");
		store_status a = store_save(cs, "alleen-lezen", d2, NULL);
		if (a != STORE_IO && a != STORE_NO_AUTHOR)
			_exit(12);
		if (a == STORE_IO && !strstr(store_error(cs), "your text is kept") && !strstr(store_error(cs), "je tekst"))
			_exit(13);
		const char *more = "name: Alleen lezen, meer\n";
		if (journal_write(cs, "alleen-lezen", more, strlen(more)) != STORE_IO)
			_exit(14);
		desc_free(&d2);
		store_free(&cs);
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	ck_assert_int_eq(sh("(test $(id -u) -ne 0 || chown -R 0 '%s') && chmod -R u+w '%s'", dir, dir), 0);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child said %d", WEXITSTATUS(st));
	char *after = sh_out("cd '%s' && git rev-parse HEAD && git status --porcelain && cat algoritmes/alleen-lezen.yaml && git fsck --no-progress 2>&1", dir);
	ck_assert_str_eq(before, after);
	/* And once writable again, a retry works and the journal is intact. */
	s = open_new("ro");
	size_t n;
	char *p = journal_pending(s, "alleen-lezen", &n);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p, typed);
	free(p);
	desc_set_text(d, standard_field(std, "goal"), "Tweede versie.");
	ck_assert_int_eq(store_save(s, "alleen-lezen", d, NULL), STORE_OK);
	store_free(&s);
	desc_free(&d);
	free(before);
	free(after);
	free(dir);
}
END_TEST

/* The changed-paths cache never changes what log answers: the same versions
 * without it, with it, with a torn or damaged file, and for commits made by
 * another tool after the cache was written. */
static char *log_text(store *s, const char *slug)
{
	store_version *v = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_log(s, NULL, slug, 0, LANG_EN, &v, &n), STORE_OK);
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++)
		sb_printf(&b, "%s %s %d [%s]\n", v[i].commit, v[i].summary, v[i].removed, v[i].fields);
	store_versions_free(&v, n);
	return sb_take(&b);
}

START_TEST(log_cache)
{
	store *s = open_new("c");
	const char *names[] = { "Alpha", "Beta", "Gamma" };
	for (int round = 0; round < 4; round++)
		for (int k = 0; k < 3; k++) {
			if ((round + k) % 2)
				continue;
			char *goal = xasprintf("Doel %d van %s.", round, names[k]);
			description *d = sample(names[k], goal);
			char *slug = store_new_slug(s, names[k]);
			if (round > 0) {
				free(slug);
				slug = xasprintf("%c%s", names[k][0] + 32, names[k] + 1);
			}
			ck_assert_int_eq(store_save(s, slug, d, NULL), STORE_OK);
			free(slug);
			free(goal);
			desc_free(&d);
		}
	char *cache = xasprintf("%s/c/.git/algedit/changed-paths", tmp);
	unlink(cache);
	char *cold = log_text(s, "beta");
	ck_assert_int_eq(access(cache, F_OK), 0);
	char *warm = log_text(s, "beta");
	ck_assert_str_eq(cold, warm);
	char *alpha = log_text(s, "alpha");
	/* A torn last line and a garbage line are ignored. */
	ck_assert_int_eq(sh("printf 'garbage line\\n0123' >> '%s'", cache), 0);
	char *damaged = log_text(s, "beta");
	ck_assert_str_eq(cold, damaged);
	/* A commit by git itself after the cache was written. */
	ck_assert_int_eq(sh("cd '%s/c' && sed -i 's/^name: Beta$/name: Beta B/' algoritmes/beta.yaml && "
	                    "git -c user.name=X -c user.email=x@example.nl commit -qam edit", tmp), 0);
	char *later = log_text(s, "beta");
	ck_assert_uint_gt(strlen(later), strlen(cold));
	ck_assert_str_eq(later + strlen(later) - strlen(cold), cold);
	unlink(cache);
	char *fresh = log_text(s, "beta");
	ck_assert_str_eq(later, fresh);
	char *alpha2 = log_text(s, "alpha");
	ck_assert_str_eq(alpha, alpha2);
	free(cold);
	free(warm);
	free(alpha);
	free(alpha2);
	free(damaged);
	free(later);
	free(fresh);
	free(cache);
	store_free(&s);
}
END_TEST

/* A CA file the user names replaces the system's certificates for a sync
 * over http(s) (store/tls.c, through libgit2's own option), with a message
 * naming it and what named it when it cannot be read. */
START_TEST(tls_user_ca)
{
	unsetenv("GIT_SSL_CAINFO");
	unsetenv("GIT_SSL_CAPATH");
	store *s = open_new("tls");
	/* A second repository while the first is open: libgit2 is initialised. */
	store *other = open_new("tls-other");
	store_free(&other);
	/* Nothing listens on port 9: the sync cannot reach the server. */
	ck_assert_int_eq(sh("git -C '%s/tls' remote add origin http://127.0.0.1:9/hub.git", tmp), 0);
	ck_assert_int_eq(store_sync(s, NULL, NULL), STORE_UNREACHABLE);
	/* A CA file named by the user that is not there. */
	setenv("GIT_SSL_CAINFO", "/nonexistent/team-ca.pem", 1);
	ck_assert_int_eq(store_sync(s, NULL, NULL), STORE_ERROR);
	ck_assert_msg(strstr(store_error(s), "/nonexistent/team-ca.pem") && strstr(store_error(s), "GIT_SSL_CAINFO"),
	              "%s", store_error(s));
	unsetenv("GIT_SSL_CAINFO");
	ck_assert_int_eq(sh("git -C '%s/tls' config http.sslCAInfo /nonexistent/config-ca.pem", tmp), 0);
	ck_assert_int_eq(store_sync(s, NULL, NULL), STORE_ERROR);
	ck_assert_msg(strstr(store_error(s), "/nonexistent/config-ca.pem") && strstr(store_error(s), "http.sslCAInfo"),
	              "%s", store_error(s));
	store_free(&s);
	/* After the last repository closed, libgit2 starts again for the next. */
	s = open_new("tls-again");
	ck_assert_ptr_nonnull(s);
	store_free(&s);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("store");
	TCase *t = tcase_create("store");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 120);
	tcase_add_test(t, slugs);
	tcase_add_test(t, default_repository);
	tcase_add_test(t, existing_repository);
	tcase_add_test(t, save_commits);
	tcase_add_test(t, author_missing);
	tcase_add_test(t, refusals);
	tcase_add_test(t, journal_basics);
	tcase_add_test(t, journal_sigkill);
	tcase_add_test(t, read_only);
	tcase_add_test(t, log_cache);
	tcase_add_test(t, tls_user_ca);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return unit_run(suite());
}
