/* store_review: review records in the repository: added as files under
 * reviews/<slug>/ and committed; loaded with the state computed; symbolic
 * links never followed; an accepted suggestion saved with its record in one
 * commit; .algedit/config's self-approve; two clones adding records at the
 * same time sync without conflict. */
#include "config.h"
#include "store/store.h"
#include "forms/review.h"
#include "base/base.h"
#include "unit.h"
#include "repo_fixture.h"

#include <string.h>
#include <unistd.h>

const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libpcre2-8.so\n";
}

static description *sample(const char *goal)
{
	description *d = desc_new(std);
	desc_set_text(d, standard_field(std, "name"), "Parkeren");
	desc_set_text(d, standard_field(std, "goal"), goal);
	return d;
}

static void save(store *s, const char *goal)
{
	description *d = sample(goal);
	ck_assert_int_eq(store_save(s, "parkeren", d, NULL), STORE_OK);
	desc_free(&d);
}

static review_rec *rec_new(review_kind k, const char *field, const char *text)
{
	review_rec *r = xcalloc(1, sizeof *r);
	r->kind = k;
	r->slug = xstrdup("parkeren");
	r->field = field ? xstrdup(field) : NULL;
	r->text = text ? xstrdup(text) : NULL;
	return r;
}

static void rec_free(review_rec *r)
{
	review_rec_done(r);
	free(r);
}

static void add(store *s, review_rec *r, const description *d)
{
	store_review rv;
	ck_assert_int_eq(store_review_load(s, "parkeren", LANG_EN, &rv), STORE_OK);
	ck_assert_uint_gt(rv.nversions, 0);
	free(r->version);
	r->version = xstrdup(rv.versions[0].commit);
	store_review_done(&rv);
	store_saved info;
	ck_assert_msg(store_review_add(s, r, d, "Review: test", &info) == STORE_OK, "%s", store_error(s));
	store_saved_done(&info);
}

START_TEST(add_load)
{
	store *s = open_repo("a", true);
	save(s, "Wij controleren parkeren.");
	review_rec *r = rec_new(RK_COMMENT, "goal", "Hoe lang bewaard?");
	add(s, r, NULL);
	ck_assert_uint_eq(strlen(r->id), REVIEW_ID_LEN);
	char *name = review_rec_filename(r);
	char *out = sh_out("cd '%s/a' && git status --porcelain && git log -1 --format=%%s --name-only", tmp);
	ck_assert_msg(strstr(out, "Review: test") && strstr(out, name) && out[0] == 'R', "%s", out);
	free(out);
	free(name);
	store_review rv;
	ck_assert_int_eq(store_review_load(s, "parkeren", LANG_EN, &rv), STORE_OK);
	ck_assert_uint_eq(rv.n, 1);
	ck_assert_ptr_null(rv.recs[0].problem);
	ck_assert_str_eq(rv.recs[0].author, "Anna de Vries");
	ck_assert_str_eq(rv.recs[0].text, "Hoe lang bewaard?");
	ck_assert_uint_eq(rv.sum.nthreads, 1);
	store_review_done(&rv);
	rec_free(r);
	store_free(&s);
}
END_TEST

START_TEST(symlinks)
{
	store *s = open_repo("l", true);
	save(s, "Doel.");
	ck_assert_int_eq(sh("cd '%s' && mkdir -p secret && printf 'kind: comment\\n' > secret/x.yaml && "
	                    "mkdir -p l/reviews/parkeren && ln -s ../../../secret/x.yaml l/reviews/parkeren/20260101T000000Z-0000abcd-comment.yaml && "
	                    "mkdir -p l/reviews/other-link && ln -s ../../secret l/reviews/linked", tmp), 0);
	store_review rv;
	ck_assert_int_eq(store_review_load(s, "parkeren", LANG_EN, &rv), STORE_OK);
	ck_assert_uint_eq(rv.n, 1);
	ck_assert_ptr_nonnull(strstr(rv.recs[0].problem, "symbolic link"));
	ck_assert_uint_eq(rv.sum.nbad, 1);
	store_review_done(&rv);
	/* A folder of records that is a link is not read, nor written into. */
	ck_assert_int_eq(store_review_load(s, "linked", LANG_EN, &rv), STORE_OK);
	ck_assert_uint_eq(rv.n, 0);
	store_review_done(&rv);
	ck_assert_int_eq(sh("rm -r '%s/l/reviews/parkeren' && ln -s ../../secret '%s/l/reviews/parkeren'", tmp, tmp), 0);
	review_rec *r = rec_new(RK_COMMENT, "goal", "x");
	r->version = xstrdup("0000000000000000000000000000000000000000");
	ck_assert_int_eq(store_review_add(s, r, NULL, "Review: test", NULL), STORE_IO);
	ck_assert_int_eq(sh("test $(ls '%s/secret' | wc -l) -eq 1", tmp), 0);
	rec_free(r);
	store_free(&s);
}
END_TEST

START_TEST(accept_commits_both)
{
	store *s = open_repo("c", true);
	save(s, "Oud doel.");
	description *d = sample("Nieuw doel.");
	review_rec *r = rec_new(RK_ACCEPT, NULL, NULL);
	r->ref = xstrdup("1234abcd");
	add(s, r, d);
	char *out = sh_out("cd '%s/c' && git status --porcelain && git show --stat --format=%%s HEAD", tmp);
	ck_assert_msg(strstr(out, "algoritmes/parkeren.yaml") && strstr(out, "-accept.yaml") && out[0] == 'R', "%s", out);
	free(out);
	store_review rv;
	ck_assert_int_eq(store_review_load(s, "parkeren", LANG_EN, &rv), STORE_OK);
	ck_assert_uint_eq(rv.nversions, 2);
	ck_assert_str_eq(store_review_fields(&rv, 0), "Purpose and impact");
	store_review_done(&rv);
	rec_free(r);
	desc_free(&d);
	store_free(&s);
}
END_TEST

START_TEST(self_approve)
{
	store *s = open_repo("sa", true);
	ck_assert(!store_review_self_approve(s));
	/* The repository's config comes from others through sync: never used. */
	ck_assert_int_eq(sh("printf 'self-approve: yes\\n[review]\\n\\tself-approve = true\\n' > '%s/sa/.algedit/config'", tmp), 0);
	ck_assert(!store_review_self_approve(s));
	ck_assert(store_review_repo_self_approve(s));
	/* The user's own config may allow it. */
	const char *cfg = getenv("XDG_CONFIG_HOME");
	ck_assert_int_eq(sh("mkdir -p '%s/algedit' && git config -f '%s/algedit/config' review.self-approve true", cfg, cfg), 0);
	ck_assert(store_review_self_approve(s));
	ck_assert_int_eq(sh("git config -f '%s/algedit/config' review.self-approve false", cfg), 0);
	ck_assert(!store_review_self_approve(s));
	store_free(&s);
}
END_TEST

/* Two reviewers comment at the same time in two clones: both sync, and
 * both records are there, with no conflict. */
START_TEST(two_clones)
{
	store *a = open_repo("one", true);
	save(a, "Doel.");
	ck_assert_int_eq(sh("cd '%s' && git clone -q --bare one hub.git && git -C one remote add origin \"$PWD/hub.git\" && "
	                    "git -C one fetch -q origin && git -C one branch -q -u origin/main && git clone -q hub.git two", tmp), 0);
	store *b = open_repo("two", false);
	ck_assert_int_eq(store_set_author(b, "Bea Jansen", "bea@example.nl"), STORE_OK);
	review_rec *ra = rec_new(RK_COMMENT, "goal", "Van A"), *rb = rec_new(RK_COMMENT, "goal", "Van B");
	add(a, ra, NULL);
	add(b, rb, NULL);
	ck_assert_msg(store_sync(a, NULL, NULL) == STORE_OK, "%s", store_error(a));
	ck_assert_msg(store_sync(b, NULL, NULL) == STORE_OK, "%s", store_error(b));
	ck_assert_msg(store_sync(a, NULL, NULL) == STORE_OK, "%s", store_error(a));
	store *both[2] = { a, b };
	for (int i = 0; i < 2; i++) {
		store_review rv;
		ck_assert_int_eq(store_review_load(both[i], "parkeren", LANG_EN, &rv), STORE_OK);
		ck_assert_uint_eq(rv.n, 2);
		ck_assert_uint_eq(rv.sum.nthreads, 2);
		ck_assert_uint_eq(rv.sum.nbad, 0);
		store_review_done(&rv);
	}
	rec_free(ra);
	rec_free(rb);
	store_free(&a);
	store_free(&b);
}
END_TEST

/* The list's states agree with the full review's, without the history. */
START_TEST(briefs)
{
	store *s = open_repo("b", true);
	save(s, "Doel.");
	description *other = sample("Ander doel.");
	ck_assert_int_eq(store_save(s, "ander", other, NULL), STORE_OK);
	desc_free(&other);
	review_rec *ask = rec_new(RK_REQUEST, NULL, "Graag");
	ask->reviewers = xcalloc(2, sizeof *ask->reviewers);
	ask->reviewers[ask->nreviewers++] = xstrdup("Bea Jansen");
	add(s, ask, NULL);
	ck_assert_int_eq(store_set_author(s, "Bea Jansen", "bea@example.nl"), STORE_OK);
	review_rec *c = rec_new(RK_COMMENT, "goal", "Hoe lang?"), *ok = rec_new(RK_APPROVE, NULL, "Akkoord");
	for (int step = 0; step < 4; step++) {
		if (step == 1)
			add(s, c, NULL);
		if (step == 2)
			add(s, ok, NULL);
		if (step == 3) {
			ck_assert_int_eq(store_set_author(s, "Anna de Vries", "anna@example.nl"), STORE_OK);
			save(s, "Nieuw doel.");
		}
		store_review_brief *b;
		size_t n;
		ck_assert_int_eq(store_review_briefs(s, &b, &n), STORE_OK);
		ck_assert_uint_eq(n, 2);
		ck_assert_str_eq(b[0].slug, "ander");
		ck_assert_int_eq(b[0].state, REVIEW_CONCEPT);
		ck_assert_uint_eq(b[0].records, 0);
		store_review rv;
		ck_assert_int_eq(store_review_load(s, "parkeren", LANG_EN, &rv), STORE_OK);
		ck_assert_int_eq(b[1].state, rv.sum.state);
		ck_assert_int_eq(b[1].note, rv.sum.note);
		ck_assert_uint_eq(b[1].open_comments, rv.sum.open_comments);
		ck_assert_uint_eq(b[1].bad, rv.sum.nbad);
		ck_assert_int_eq(b[1].waiting_for_me, step < 2);
		ck_assert_int_eq(b[1].state, step < 2 ? REVIEW_IN_REVIEW : step == 2 ? REVIEW_APPROVED : REVIEW_CONCEPT);
		store_review_done(&rv);
		store_review_briefs_free(&b, n);
	}
	/* The review's caches sit beside the journal: private, like it. */
	store_review_set_seen(s, "parkeren", "bea@example.nl", "0123456789abcdef0123456789abcdef01234567");
	char *open_to_others = sh_out("cd '%s/b/.git/algedit' && find . -perm /077 | sort | tr '\\n' ' '", tmp);
	ck_assert_msg(!strcmp(open_to_others, ""), "readable by others under .git/algedit: %s", open_to_others);
	free(open_to_others);
	char *files = sh_out("cd '%s/b/.git/algedit' && ls | tr '\\n' ' '", tmp);
	ck_assert_msg(strstr(files, "review-briefs") && strstr(files, "review-seen") && strstr(files, "review-fields"),
	              "the review's caches were not written: %s", files);
	free(files);
	rec_free(ask);
	rec_free(c);
	rec_free(ok);
	store_free(&s);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("store_review");
	TCase *t = tcase_create("store_review");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, add_load);
	tcase_add_test(t, symlinks);
	tcase_add_test(t, accept_commits_both);
	tcase_add_test(t, self_approve);
	tcase_add_test(t, two_clones);
	tcase_add_test(t, briefs);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return unit_run(suite());
}
