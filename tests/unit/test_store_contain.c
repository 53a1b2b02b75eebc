/* A teammate's repository must not reach outside it: symbolic links are
 * never followed when reading or writing descriptions (base/contain and
 * store/), names from a repository cannot forge lines in the history's
 * changed-paths cache or cut records in the sync state. Real repositories
 * in a temporary folder, real libgit2. */
#include "config.h"
#include "store/store.h"
#include "store/store_int.h"
#include "base/base.h"
#include "base/contain.h"
#include "forms/diff.h"
#include "unit.h"
#include "repo_fixture.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* libgit2 1.5.1 leaks PCRE2 match data when a refspec pattern does not
 * match (libgit2 pull request 6382); under LeakSanitizer not ours. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libpcre2-8.so\n";
}

static description *sample(const char *name)
{
	description *d = desc_new(std);
	desc_set_text(d, standard_field(std, "name"), name);
	desc_set_text(d, standard_field(std, "organization"), "Gemeente Voorbeeld");
	desc_set_text(d, standard_field(std, "status"), "In gebruik");
	return d;
}

static char *slurp(const char *path)
{
	char *data = NULL;
	size_t len;
	if (read_file(path, 1 << 20, &data, &len) < 0)
		return NULL;
	return data;
}

START_TEST(contain_basics)
{
	ck_assert_int_eq(sh("cd '%s' && mkdir -p w/algoritmes out && echo secret > out/f.yaml && echo mine > w/algoritmes/ok.yaml && "
	                    "ln -s ../../out/f.yaml w/algoritmes/leak.yaml && ln -s ../out w/linked && mkfifo w/algoritmes/fifo.yaml",
	                    tmp), 0);
	char *ok = xasprintf("%s/w/algoritmes/ok.yaml", tmp), *leak = xasprintf("%s/w/algoritmes/leak.yaml", tmp);
	char *through = xasprintf("%s/w/linked/f.yaml", tmp), *fifo = xasprintf("%s/w/algoritmes/fifo.yaml", tmp);
	char *data = NULL;
	size_t len;
	ck_assert_int_eq(contain_read(ok, 2, 1000, &data, &len), 0);
	ck_assert_str_eq(data, "mine\n");
	free(data);
	errno = 0;
	ck_assert_int_eq(contain_read(leak, 2, 1000, &data, &len), -1);
	ck_assert_int_eq(errno, ELOOP);
	ck_assert_int_eq(contain_read(through, 2, 1000, &data, &len), -1);
	ck_assert_int_eq(errno, ELOOP);
	/* One component checked: the folder above is the caller's to trust. */
	ck_assert_int_eq(contain_read(through, 1, 1000, &data, &len), 0);
	free(data);
	/* A FIFO is refused, not waited on. */
	alarm(10);
	ck_assert_int_eq(contain_read(fifo, 2, 1000, &data, &len), -1);
	ck_assert_int_eq(errno, EINVAL);
	alarm(0);
	/* Writing: never through a linked folder, never over a link. */
	ck_assert_int_eq(contain_write(leak, 2, "x", 1), -1);
	ck_assert_int_eq(errno, ELOOP);
	char *via = xasprintf("%s/w/linked/new.yaml", tmp);
	ck_assert_int_eq(contain_write(via, 2, "x", 1), -1);
	ck_assert_int_eq(errno, ELOOP);
	ck_assert_int_eq(sh("test ! -e '%s/out/new.yaml' && test -L '%s' && grep -qx secret '%s/out/f.yaml'", tmp, leak, tmp), 0);
	ck_assert_int_eq(contain_write(ok, 2, "new\n", 4), 0);
	ck_assert_str_eq(data = slurp(ok), "new\n");
	free(data);
	ck_assert_int_eq(sh("! ls -a '%s/w/algoritmes' | grep -q tmp", tmp), 0); /* no temp file left */
	/* Naming the link. */
	size_t at = contain_link_at(leak, 2);
	ck_assert_uint_eq(at, strlen(leak));
	at = contain_link_at(via, 2);
	ck_assert_uint_eq(at, strlen(tmp) + strlen("/w/linked"));
	ck_assert_uint_eq(contain_link_at(ok, 2), 0);
	ck_assert_uint_eq(contain_walked_at(ok, 2), strlen(tmp) + strlen("/w/"));
	ck_assert_uint_eq(contain_walked_at("x.yaml", 2), 0);
	DIR *d = contain_opendir(via, 2);
	ck_assert_ptr_null(d);
	free(via);
	free(ok);
	free(leak);
	free(through);
	free(fifo);
}
END_TEST

START_TEST(store_refuses_links)
{
	store *s = open_repo("r", true);
	description *d = sample("Parkeren");
	ck_assert_int_eq(store_save(s, "parkeren", d, NULL), STORE_OK);
	ck_assert_int_eq(sh("cd '%s' && mkdir -p home/.kube && printf 'name: Cluster\\ntoken: s3cr3t\\n' > home/.kube/config && "
	                    "ln -s ../../home/.kube/config r/algoritmes/leak.yaml", tmp), 0);
	char **slugs;
	size_t n;
	ck_assert_int_eq(store_list(s, &slugs, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(slugs[0], "parkeren");
	store_slugs_free(&slugs, n);
	store_list_refused(s, &slugs, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_msg(strstr(slugs[0], "algoritmes/leak.yaml is a symbolic link"), "%s", slugs[0]);
	store_slugs_free(&slugs, n);
	description *got = NULL;
	ck_assert_int_eq(store_load(s, "leak", &got, NULL), STORE_ERROR);
	ck_assert_ptr_null(got);
	ck_assert_msg(strstr(store_error(s), "algoritmes/leak.yaml is a symbolic link"), "%s", store_error(s));
	ck_assert_int_eq(store_save(s, "leak", d, NULL), STORE_ERROR);
	ck_assert_msg(strstr(store_error(s), "symbolic link"), "%s", store_error(s));
	ck_assert_int_eq(sh("cd '%s' && test -L r/algoritmes/leak.yaml && grep -q s3cr3t home/.kube/config && "
	                    "! git -C r log --all -p | grep -q s3cr3t", tmp), 0);
	/* A bulk save with the link among others changes nothing. */
	const char *both[] = { "parkeren", "leak" };
	description *d2 = sample("Parkeren twee");
	const description *ds[] = { d2, d };
	ck_assert_int_eq(store_save_many(s, both, ds, 2, NULL), STORE_ERROR);
	ck_assert_int_eq(sh("grep -q 'name: Parkeren$' '%s/r/algoritmes/parkeren.yaml'", tmp), 0);
	ck_assert_int_eq(store_remove(s, "leak", NULL), STORE_ERROR);
	/* algoritmes/ itself a link to a folder elsewhere. */
	ck_assert_int_eq(sh("cd '%s' && mkdir private && printf 'name: Geheim\\n' > private/x.yaml && rm -rf r/algoritmes && "
	                    "ln -s ../private r/algoritmes", tmp), 0);
	ck_assert_int_eq(store_list(s, &slugs, &n), STORE_ERROR);
	ck_assert_msg(strstr(store_error(s), "algoritmes is a symbolic link"), "%s", store_error(s));
	store_list_refused(s, &slugs, &n);
	ck_assert_uint_eq(n, 1);
	store_slugs_free(&slugs, n);
	ck_assert_int_eq(store_load(s, "x", &got, NULL), STORE_ERROR);
	ck_assert_int_eq(store_save(s, "nieuw", d, NULL), STORE_ERROR);
	ck_assert_int_eq(store_save(s, "x", d, NULL), STORE_ERROR);
	/* Nor does a restore write a removed description through it. */
	ck_assert_int_eq(store_restore(s, "parkeren", NULL), STORE_ERROR);
	ck_assert_msg(strstr(store_error(s), "algoritmes is a symbolic link"), "%s", store_error(s));
	ck_assert_int_eq(sh("cd '%s' && test \"$(ls private)\" = x.yaml && test \"$(cat private/x.yaml)\" = 'name: Geheim'", tmp), 0);
	desc_free(&d);
	desc_free(&d2);
	store_free(&s);
}
END_TEST

/* A commit whose algoritmes/ holds a file named "z\n<hide> ,other": written
 * raw into the cache, the line after the break claims commit hide changed
 * only "other", and the history of parkeren loses hide. */
START_TEST(log_cache_poison)
{
	store *s = open_repo("r", true);
	description *d = sample("Parkeren");
	ck_assert_int_eq(store_save(s, "parkeren", d, NULL), STORE_OK);
	desc_set_text(d, standard_field(std, "status"), "Buiten gebruik");
	store_saved info;
	ck_assert_int_eq(store_save(s, "parkeren", d, &info), STORE_OK);
	char hide[41];
	memcpy(hide, info.commit, sizeof hide);
	store_saved_done(&info);
	ck_assert_int_eq(sh("cd '%s/r' && b=$(echo x | git hash-object -w --stdin) && "
	                    "a=$({ git ls-tree -z HEAD:algoritmes; printf '100644 blob %%s\\tz\\n%%s ,other\\0' $b %s; } | git mktree -z) && "
	                    "t=$({ git ls-tree -z HEAD | grep -zv '\talgoritmes$'; printf '040000 tree %%s\\talgoritmes\\0' $a; } | git mktree -z) && "
	                    "c=$(git -c user.name=M -c user.email=m@x commit-tree $t -p HEAD -m poison) && git update-ref refs/heads/main $c",
	                    tmp, hide), 0);
	for (int run = 0; run < 3; run++) {
		store_version *v = NULL;
		size_t n = 0;
		ck_assert_int_eq(store_log(s, NULL, "parkeren", 0, 1, &v, &n), STORE_OK);
		ck_assert_msg(n == 2, "run %d: %zu versions", run, n);
		ck_assert_str_eq(v[0].commit, hide);
		store_versions_free(&v, n);
	}
	char *cache = xasprintf("%s/r/.git/algedit/changed-paths", tmp), *data = slurp(cache);
	ck_assert_ptr_nonnull(data);
	ck_assert(str_starts(data, STORE_CP_HEADER));
	ck_assert_msg(strstr(data, ",z\\x0a") != NULL, "%s", data);
	free(data);
	/* A damaged cache is thrown away and built again. */
	ck_assert_int_eq(sh("printf '" STORE_CP_HEADER "%s ,nothing,\\n%s ,nothing,\\ngarbage' > '%s'", hide, hide, cache), 0);
	store_version *v = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_log(s, NULL, "parkeren", 0, 1, &v, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	store_versions_free(&v, n);
	ck_assert_int_eq(sh("printf '%s ,nothing,\\n' > '%s'", hide, cache), 0); /* the old kind */
	ck_assert_int_eq(store_log(s, NULL, "parkeren", 0, 1, &v, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	store_versions_free(&v, n);
	ck_assert(!strstr(data = slurp(cache), "nothing"));
	free(data);
	free(cache);
	desc_free(&d);
	store_free(&s);
}
END_TEST

static void set_extra(description *d, const char *key, const char *val)
{
	ynode *v = ynode_new_str(val, strlen(val), 0, 0);
	desc_set_value(d, key, v);
	ynode_free(&v);
}

/* A conflict on a key holding a tab and one holding a line break: kept
 * whole in the sync state, so resolve can settle them. */
START_TEST(sync_state_odd_keys)
{
	static const char *keys[] = { "x\ty", "a\nb\\c" };
	ck_assert_int_eq(sh("git init -q --bare '%s/hub.git'", tmp), 0);
	store *a = open_repo("a", true);
	description *d = sample("Parkeren");
	for (size_t k = 0; k < 2; k++)
		set_extra(d, keys[k], "begin");
	ck_assert_int_eq(store_save(a, "parkeren", d, NULL), STORE_OK);
	ck_assert_int_eq(sh("git -C '%s/a' remote add origin '%s/hub.git'", tmp, tmp), 0);
	ck_assert_int_eq(store_sync(a, NULL, NULL), STORE_OK);
	ck_assert_int_eq(sh("git clone -q -b main '%s/hub.git' '%s/b'", tmp, tmp), 0);
	store *b = open_repo("b", true);
	for (size_t k = 0; k < 2; k++)
		set_extra(d, keys[k], "van a");
	ck_assert_int_eq(store_save(a, "parkeren", d, NULL), STORE_OK);
	ck_assert_int_eq(store_sync(a, NULL, NULL), STORE_OK);
	for (size_t k = 0; k < 2; k++)
		set_extra(d, keys[k], "van b");
	ck_assert_int_eq(store_save(b, "parkeren", d, NULL), STORE_OK);
	ck_assert_int_eq(store_sync(b, NULL, NULL), STORE_CONFLICT);
	store_conflict *c = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_conflicts(b, &c, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	for (size_t k = 0; k < 2; k++) {
		bool found = false;
		for (size_t i = 0; i < n; i++)
			found |= !strcmp(c[i].key, keys[k]);
		ck_assert_msg(found, "key %zu not read back whole", k);
	}
	store_conflicts_free(&c, n);
	bool finished = false;
	ck_assert_int_eq(store_resolve(b, "parkeren", keys[0], CHOICE_MINE, NULL, &finished), STORE_OK);
	ck_assert(!finished);
	ck_assert_int_eq(store_resolve(b, "parkeren", keys[1], CHOICE_THEIRS, NULL, &finished), STORE_OK);
	ck_assert(finished);
	ck_assert_int_eq(store_sync(b, NULL, NULL), STORE_OK);
	ck_assert_int_eq(store_conflicts(b, &c, &n), STORE_OK);
	ck_assert_uint_eq(n, 0);
	description *got = NULL;
	ck_assert_int_eq(store_load(b, "parkeren", &got, NULL), STORE_OK);
	ck_assert_str_eq(ynode_str(desc_value(got, keys[0])), "van b");
	ck_assert_str_eq(ynode_str(desc_value(got, keys[1])), "van a");
	desc_free(&got);
	desc_free(&d);
	store_free(&a);
	store_free(&b);
}
END_TEST

START_TEST(state_format)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	store_state_line(&b, "p", "k\t\n,\\\x7f", "mine");
	ck_assert_str_eq(b.s, "p\tk\\x09\\x0a\\x2c\\x5c\\x7f\tmine\n");
	char *back = store_name_unescape("k\\x09\\x0a\\x2c\\x5c\\x7f", strlen("k\\x09\\x0a\\x2c\\x5c\\x7f"));
	ck_assert_str_eq(back, "k\t\n,\\\x7f");
	free(back);
	ck_assert_ptr_null(store_name_unescape("a\\x00", 5));
	ck_assert_ptr_null(store_name_unescape("a\\x1", 4));
	ck_assert_ptr_null(store_name_unescape("a\\y41", 5));
	ck_assert_ptr_null(store_name_unescape("a,b", 3));
	sb_done(&b);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("store_contain");
	TCase *t = tcase_create("contain");
	tcase_set_timeout(t, 120);
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, contain_basics);
	tcase_add_test(t, store_refuses_links);
	tcase_add_test(t, log_cache_poison);
	tcase_add_test(t, sync_state_odd_keys);
	tcase_add_test(t, state_format);
	suite_add_tcase(su, t);
	return unit_run(su);
}
