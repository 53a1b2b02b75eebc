/* The shape of the work on large repositories, counted, not timed: the
 * list's review states read each folder once however many descriptions
 * there are (a return to a lookup from the root per description would
 * count as many tree reads as descriptions); the cache of those states is
 * keyed on the records' content, so a record that sync rewrote in place is
 * seen; new names for many descriptions walk the history once. */
#include "config.h"
#include "store/store.h"
#include "forms/review.h"
#include "base/base.h"
#include "i18n/i18n.h"
#include "unit.h"
#include "repo_fixture.h"

#include <string.h>
#include <unistd.h>

/* tmp/name: n descriptions in one commit (git fast-import), then for each an
 * ask-review and an approval of that commit by someone else. */
static void make_listed(const char *name, int n)
{
	char *dir = xasprintf("%s/%s", tmp, name), *stream = xasprintf("%s/%s.stream", tmp, name);
	FILE *f = fopen(stream, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "commit refs/heads/main\nauthor Anna de Vries <anna@example.nl> 1700000000 +0100\n"
	           "committer Anna de Vries <anna@example.nl> 1700000000 +0100\ndata 5\nfirst\n");
	for (int i = 0; i < n; i++) {
		char *body = xasprintf("name: Algoritme %d\norganization: Gemeente %d\nstatus: In gebruik\n", i, i % 7);
		fprintf(f, "M 100644 inline algoritmes/algoritme-%d.yaml\ndata %zu\n%s\n", i, strlen(body), body);
		free(body);
	}
	fprintf(f, "\n");
	fclose(f);
	ck_assert_int_eq(sh("git init -q -b main '%s' && git -C '%s' fast-import --quiet < '%s'", dir, dir, stream), 0);
	char *head = sh_out("git -C '%s' rev-parse main", dir);
	head[strcspn(head, "\n")] = '\0';
	f = fopen(stream, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "commit refs/heads/main\nauthor Anna de Vries <anna@example.nl> 1700000100 +0100\n"
	           "committer Anna de Vries <anna@example.nl> 1700000100 +0100\ndata 8\nrecords\nfrom refs/heads/main^0\n");
	for (int i = 0; i < n; i++) {
		char *ask = xasprintf("kind: ask-review\ndescription: algoritme-%d\nauthor: Anna de Vries\nemail: anna@example.nl\n"
		                      "time: \"2027-01-15T00:00:00.000000Z\"\n", i);
		char *ok = xasprintf("kind: approve\ndescription: algoritme-%d\nversion: \"%s\"\nauthor: Bea Jansen\n"
		                     "email: bea@example.nl\ntime: \"2027-01-15T00:00:01.000000Z\"\n", i, head);
		fprintf(f, "M 100644 inline reviews/algoritme-%d/20270115T000000Z-%07x0-ask-review.yaml\ndata %zu\n%s\n", i, i,
		        strlen(ask), ask);
		fprintf(f, "M 100644 inline reviews/algoritme-%d/20270115T000001Z-%07x1-approve.yaml\ndata %zu\n%s\n", i, i,
		        strlen(ok), ok);
		free(ask);
		free(ok);
	}
	fprintf(f, "\n");
	fclose(f);
	ck_assert_int_eq(sh("git -C '%s' fast-import --quiet < '%s' && git -C '%s' checkout -q -f main", dir, stream, dir), 0);
	free(head);
	free(dir);
	free(stream);
}

/* Tree and commit reads of one list, without the cache. */
static size_t list_reads(const char *name, int n)
{
	make_listed(name, n);
	store *s = open_repo(name, true);
	store_counts c0 = store_counts_get(s);
	store_review_brief *b = NULL;
	size_t nb = 0;
	ck_assert_int_eq(store_review_briefs(s, &b, &nb), STORE_OK);
	store_counts c1 = store_counts_get(s);
	ck_assert_uint_eq(nb, (size_t)n);
	for (size_t i = 0; i < nb; i++) {
		ck_assert_msg(b[i].state == REVIEW_APPROVED, "%s: state %d", b[i].slug, (int)b[i].state);
		ck_assert_uint_eq(b[i].records, 2);
	}
	store_review_briefs_free(&b, nb);
	store_free(&s);
	return (c1.tree_reads - c0.tree_reads) + (c1.path_lookups - c0.path_lookups) + (c1.commit_reads - c0.commit_reads);
}

START_TEST(briefs_one_walk)
{
	size_t small = list_reads("small", 10), big = list_reads("big", 300);
	/* The same few folders and commits whether 10 or 300 descriptions. */
	ck_assert_msg(big == small, "10 descriptions: %zu reads, 300: %zu", small, big);
	ck_assert_msg(small <= 12, "%zu reads for one list", small);
}
END_TEST

static review_state state_of(store *s, const char *slug)
{
	store_review_brief *b = NULL;
	size_t n = 0;
	review_state st = REVIEW_CONCEPT;
	ck_assert_int_eq(store_review_briefs(s, &b, &n), STORE_OK);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(b[i].slug, slug))
			st = b[i].state;
	store_review_briefs_free(&b, n);
	return st;
}

/* A teammate withdraws an approval by rewriting its record in place (same
 * name, same size: "approve" becomes "changes"); after the sync the list
 * says what the review says. The records folder keeps its time and size
 * (nothing was added or removed; its time is put back as a file system
 * with coarse times or a quick sync leaves it), so only a key on content
 * sees the change. */
START_TEST(briefs_record_rewritten_by_sync)
{
	make_listed("a", 3);
	ck_assert_int_eq(sh("git clone -q --bare '%s/a' '%s/hub.git' && git -C '%s/a' remote add origin '%s/hub.git' && "
	                    "git -C '%s/a' fetch -q origin && git -C '%s/a' branch -q -u origin/main && "
	                    "git clone -q '%s/hub.git' '%s/b'",
	                    tmp, tmp, tmp, tmp, tmp, tmp, tmp, tmp),
	                 0);
	store *s = open_repo("a", true);
	ck_assert_int_eq(state_of(s, "algoritme-1"), REVIEW_APPROVED);
	ck_assert_int_eq(state_of(s, "algoritme-1"), REVIEW_APPROVED); /* from the cache */
	const char *rec = "reviews/algoritme-1/20270115T000001Z-00000011-approve.yaml";
	ck_assert_int_eq(sh("cd '%s/b' && sed -i 's/^kind: approve$/kind: changes/' '%s' && git add -A && "
	                    "git -c user.name=Bea -c user.email=bea@example.nl commit -qm withdrawn && git push -q origin main",
	                    tmp, rec),
	                 0);
	char *folder = xasprintf("%s/a/reviews/algoritme-1", tmp);
	ck_assert_int_eq(sh("touch -r '%s' '%s/stamp'", folder, tmp), 0);
	ck_assert_int_eq(store_sync(s, NULL, NULL), STORE_OK);
	ck_assert_int_eq(sh("grep -q '^kind: changes$' '%s/a/%s'", tmp, rec), 0);
	ck_assert_int_eq(sh("touch -r '%s/stamp' '%s'", tmp, folder), 0);
	ck_assert_int_ne(state_of(s, "algoritme-1"), REVIEW_APPROVED);
	ck_assert_int_eq(state_of(s, "algoritme-2"), REVIEW_APPROVED);
	free(folder);
	store_free(&s);
}
END_TEST

/* n records: every fourth a comment, the others replies to it. Returns the
 * id comparisons review_compute made; the threads are checked. */
static size_t answers(size_t n)
{
	static const char commit[] = "0123456789abcdef0123456789abcdef01234567";
	review_version v = { commit, "Anna de Vries", "anna@example.nl", 1700000000 };
	review_rec *r = xcalloc(n, sizeof *r);
	for (size_t i = 0; i < n; i++) {
		bool comment = i % 4 == 0;
		r[i].id = xasprintf("%08zx", 0x20000000 + i);
		r[i].kind = comment ? RK_COMMENT : RK_REPLY;
		r[i].kind_name = xstrdup(comment ? "comment" : "reply");
		r[i].slug = xstrdup("parkeren");
		r[i].field = comment ? xstrdup("goal") : NULL;
		r[i].version = comment ? xstrdup(commit) : NULL;
		r[i].ref = comment ? NULL : xasprintf("%08zx", 0x20000000 + i - i % 4);
		r[i].author = xstrdup("Bea Jansen");
		r[i].email = xstrdup("bea@example.nl");
		r[i].time = 1800000000 + (int64_t)i;
		r[i].text = xstrdup("Antwoord.");
	}
	review_ctx c = { std, "parkeren", &v, 1, false, NULL, NULL, NULL, NULL, true, NULL };
	review_summary sm;
	size_t before = review_id_compares();
	review_compute(r, n, &c, &sm);
	size_t used = review_id_compares() - before;
	ck_assert_uint_eq(sm.nbad, 0);
	ck_assert_uint_eq(sm.nthreads, n / 4);
	for (size_t k = 0; k < sm.nthreads; k++)
		ck_assert_uint_eq(sm.threads[k].nreplies, 3);
	review_summary_done(&sm);
	for (size_t i = 0; i < n; i++)
		review_rec_done(&r[i]);
	free(r);
	return used;
}

/* Answers find the comment they answer by an index: four times the records
 * cost about four times the comparisons (n log n), not sixteen (a scan of
 * all records per answer). */
START_TEST(answers_by_index)
{
	size_t a = answers(1000), b = answers(4000);
	ck_assert_msg(b <= 6 * a, "1,000 records: %zu comparisons; 4,000: %zu", a, b);
}
END_TEST

/* tmp/name: n commits, each adding one description, the last removing
 * algoritme-5 again. */
static void make_history(const char *name, int n)
{
	char *dir = xasprintf("%s/%s", tmp, name), *stream = xasprintf("%s/%s.stream", tmp, name);
	FILE *f = fopen(stream, "w");
	ck_assert_ptr_nonnull(f);
	for (int i = 0; i <= n; i++) {
		fprintf(f, "commit refs/heads/main\nauthor Anna de Vries <anna@example.nl> %d +0100\n"
		           "committer Anna de Vries <anna@example.nl> %d +0100\ndata 4\nsave\n",
		        1700000000 + i, 1700000000 + i);
		if (i == n) {
			fprintf(f, "D algoritmes/algoritme-5.yaml\n\n");
			continue;
		}
		char *body = xasprintf("name: Algoritme %d\norganization: Gemeente %d\nstatus: In gebruik\n", i, i % 7);
		fprintf(f, "M 100644 inline algoritmes/algoritme-%d.yaml\ndata %zu\n%s\n\n", i, strlen(body), body);
		free(body);
	}
	fclose(f);
	ck_assert_int_eq(sh("git init -q -b main '%s' && git -C '%s' fast-import --quiet < '%s' && git -C '%s' checkout -q -f main",
	                    dir, dir, stream, dir),
	                 0);
	free(dir);
	free(stream);
}

/* New names for many descriptions, each saved (as import does): one walk of
 * the history for all of them, however long it is; the commits read grow
 * with the history plus the saves, not with their product. A removed
 * description's name stays spoken for. */
START_TEST(new_names_one_walk)
{
	make_history("h", 300);
	store *s = open_repo("h", true);
	store_counts c0 = store_counts_get(s);
	char *five = store_new_slug(s, "Algoritme 5");
	ck_assert_str_eq(five, "algoritme-5-2");
	free(five);
	for (int i = 0; i < 40; i++) {
		char *name = xasprintf("Nieuw %d", i), *slug = store_new_slug(s, name);
		char *want = xasprintf("nieuw-%d", i);
		ck_assert_str_eq(slug, want);
		free(want);
		description *d = desc_new(std);
		desc_set_text(d, standard_field(std, "name"), name);
		ck_assert_int_eq(store_save(s, slug, d, NULL), STORE_OK);
		desc_free(&d);
		free(slug);
		free(name);
	}
	store_counts c1 = store_counts_get(s);
	ck_assert_uint_eq(c1.history_walks - c0.history_walks, 1);
	ck_assert_msg(c1.commit_reads - c0.commit_reads <= 301 + 40 + 5, "%zu commits read",
	              c1.commit_reads - c0.commit_reads);
	/* A walk that looked the file up in each commit's tree: 300 per name. */
	ck_assert_msg(c1.path_lookups - c0.path_lookups <= 10 * 41, "%zu path lookups", c1.path_lookups - c0.path_lookups);
	five = store_new_slug(s, "Algoritme 5");
	ck_assert_str_eq(five, "algoritme-5-2");
	free(five);
	store_free(&s);
	/* The index is kept beside the changed-paths cache: the next program
	 * walks nothing while HEAD stays, and only the new commits after. */
	s = open_repo("h", true);
	five = store_new_slug(s, "Algoritme 5");
	ck_assert_str_eq(five, "algoritme-5-2");
	free(five);
	ck_assert_uint_eq(store_counts_get(s).history_walks, 0);
	ck_assert_uint_eq(store_counts_get(s).commit_reads, 0);
	store_free(&s);
	ck_assert_int_eq(sh("cd '%s/h' && git rm -q algoritmes/algoritme-7.yaml && "
	                    "git -c user.name=A -c user.email=a@x commit -qm weg", tmp), 0);
	s = open_repo("h", true);
	char *seven = store_new_slug(s, "Algoritme 7");
	ck_assert_str_eq(seven, "algoritme-7-2");
	free(seven);
	ck_assert_uint_eq(store_counts_get(s).history_walks, 0);
	ck_assert_uint_le(store_counts_get(s).commit_reads, 2);
	store_free(&s);
	/* A damaged file is built again, the answer the same. */
	ck_assert_int_eq(sh("printf 'garbage\\n' > '%s/h/.git/algedit/last-versions'", tmp), 0);
	s = open_repo("h", true);
	seven = store_new_slug(s, "Algoritme 7");
	ck_assert_str_eq(seven, "algoritme-7-2");
	free(seven);
	ck_assert_uint_eq(store_counts_get(s).history_walks, 1);
	store_free(&s);
}
END_TEST

/* Many saves in a batch (import): one pack, no loose objects, the branch
 * and git's index moved at the end, every save a commit of its own; reads
 * in between see the saves. */
START_TEST(batch_one_pack)
{
	store *s = open_repo("b", true);
	char *loose = sh_out("git -C '%s/b' count-objects -v | sed -n 's/^count: //p'", tmp);
	ck_assert_int_eq(store_batch_begin(s), STORE_OK);
	char *before = sh_out("git -C '%s/b' rev-parse HEAD", tmp);
	for (int i = 0; i < 60; i++) {
		char *name = xasprintf("Beschrijving %d", i), *slug = store_new_slug(s, name);
		description *d = desc_new(std);
		desc_set_text(d, standard_field(std, "name"), name);
		ck_assert_int_eq(store_save(s, slug, d, NULL), STORE_OK);
		ck_assert(store_exists(s, slug));
		desc_free(&d);
		free(slug);
		free(name);
	}
	char *during = sh_out("git -C '%s/b' rev-parse HEAD", tmp);
	ck_assert_str_eq(during, before);
	ck_assert_int_eq(store_batch_end(s), STORE_OK);
	ck_assert_int_eq(sh("test \"$(git -C '%s/b' rev-list --count HEAD)\" -eq 61", tmp), 0);
	ck_assert_int_eq(sh("test -z \"$(git -C '%s/b' status --porcelain)\"", tmp), 0);
	ck_assert_int_eq(sh("git -C '%s/b' fsck --no-progress 2>&1 | grep -q . && exit 1 || exit 0", tmp), 0);
	char *loose2 = sh_out("git -C '%s/b' count-objects -v | sed -n 's/^count: //p'", tmp);
	ck_assert_str_eq(loose2, loose);
	free(loose);
	free(loose2);
	ck_assert_int_eq(sh("test \"$(ls '%s/b/.git/objects/pack/'*.pack | wc -l)\" -eq 1", tmp), 0);
	/* After the batch, saves are as ever. */
	description *d = desc_new(std);
	desc_set_text(d, standard_field(std, "name"), "Daarna");
	ck_assert_int_eq(store_save(s, "daarna", d, NULL), STORE_OK);
	desc_free(&d);
	ck_assert_int_eq(sh("test \"$(git -C '%s/b' rev-list --count HEAD)\" -eq 62", tmp), 0);
	free(before);
	free(during);
	store_free(&s);
}
END_TEST

int main(void)
{
	i18n_init();
	Suite *su = suite_create("store_scale");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, briefs_one_walk);
	tcase_add_test(tc, briefs_record_rewritten_by_sync);
	tcase_add_test(tc, answers_by_index);
	tcase_add_test(tc, new_names_one_walk);
	tcase_add_test(tc, batch_one_pack);
	suite_add_tcase(su, tc);
	return unit_run(su);
}
