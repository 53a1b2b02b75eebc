/* flows: finding a description by the name a person types, the words and
 * field names of a conflict, and a team through a server made with a plain
 * git init --bare (its HEAD on master, which nobody sends): connecting,
 * the first sync, joining, and a git clone's copy taken over by sync. Real
 * repositories in a temporary folder, real libgit2. */
#include "config.h"
#include "flows/flows.h"
#include "base/base.h"
#include "i18n/i18n.h"
#include "unit.h"
#include "repo_fixture.h"

#include <stdlib.h>
#include <string.h>

/* libgit2 1.5.1 leaks PCRE2 match data when a refspec pattern does not
 * match (fixed upstream in libgit2 pull request 6382); not ours. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libpcre2-8.so\n";
}

static description *sample(const char *name)
{
	description *d = desc_new(std);
	desc_set_text(d, standard_field(std, "name"), name);
	desc_set_text(d, standard_field(std, "status"), "In gebruik");
	return d;
}

static void save(store *s, const char *slug, const char *name)
{
	description *d = sample(name);
	ck_assert_int_eq(store_save(s, slug, d, NULL), STORE_OK);
	desc_free(&d);
}

START_TEST(find_by_name)
{
	store *s = open_repo("r", true);
	save(s, "slimme-parkeerhandhaving", "Slimme parkeerhandhaving");
	save(s, "wmo", "Toewijzing Wmo-voorzieningen");
	save(s, "ozb", "Taxatie WOZ-waarde");
	char *err = NULL, *slug;
	/* The name as shown, as typed in other case and accents. */
	slug = flow_find_desc(s, "Slimme parkeerhandhaving", false, &err);
	ck_assert_str_eq(slug, "slimme-parkeerhandhaving");
	free(slug);
	slug = flow_find_desc(s, "toewijzing wmo-voorzieningen", false, &err);
	ck_assert_str_eq(slug, "wmo");
	free(slug);
	slug = flow_find_desc(s, "Taxatie WÖZ-waarde", false, &err);
	ck_assert_str_eq(slug, "ozb");
	free(slug);
	/* The file name, with or without the folder and .yaml. */
	slug = flow_find_desc(s, "algoritmes/wmo.yaml", false, &err);
	ck_assert_str_eq(slug, "wmo");
	free(slug);
	/* A unique start. */
	slug = flow_find_desc(s, "Slimme", false, &err);
	ck_assert_str_eq(slug, "slimme-parkeerhandhaving");
	free(slug);
	slug = flow_find_desc(s, "taxa", false, &err);
	ck_assert_str_eq(slug, "ozb");
	free(slug);
	/* None: the closest is named. */
	slug = flow_find_desc(s, "Slimme parkeerhandhavin", false, &err);
	ck_assert_ptr_nonnull(slug);
	free(slug);
	slug = flow_find_desc(s, "Slime parkeerhandhaving", false, &err);
	ck_assert_ptr_null(slug);
	ck_assert_msg(strstr(err, "Slimme parkeerhandhaving") && strstr(err, "slimme-parkeerhandhaving"), "%s", err);
	free(err);
	slug = flow_find_desc(s, "zzzzzzzzzzzz", false, &err);
	ck_assert_ptr_null(slug);
	ck_assert_ptr_null(strstr(err, "did you mean"));
	free(err);
	/* A removed one keeps its file name for log and restore. */
	slug = flow_find_desc(s, "weg", true, &err);
	ck_assert_str_eq(slug, "weg");
	free(slug);
	/* A removed description's file name stays its own for log and
	 * restore, even when a new one has its name. */
	save(s, "parkeren", "Parkeren");
	ck_assert_int_eq(store_remove(s, "parkeren", NULL), STORE_OK);
	save(s, "parkeren-2", "Parkeren");
	slug = flow_find_desc(s, "parkeren", true, &err);
	ck_assert_str_eq(slug, "parkeren");
	free(slug);
	slug = flow_find_desc(s, "parkeren", false, &err);
	ck_assert_str_eq(slug, "parkeren-2");
	free(slug);
	slug = flow_find_desc(s, "Parkeren", true, &err);
	ck_assert_str_eq(slug, "parkeren-2");
	free(slug);
	store_free(&s);
}
END_TEST

START_TEST(choice_words)
{
	const char *mine[] = { "mine", "mijn", "mijn:", "Mijn", "mijne", "eigen", "van mij", "ours", NULL };
	const char *theirs[] = { "theirs", "hun", "hun:", "HUN", "hunne", "van hen", "server", NULL };
	for (int i = 0; mine[i]; i++)
		ck_assert_msg(flow_choice_word(mine[i]) == CHOICE_MINE, "%s", mine[i]);
	for (int i = 0; theirs[i]; i++)
		ck_assert_msg(flow_choice_word(theirs[i]) == CHOICE_THEIRS, "%s", theirs[i]);
	ck_assert_int_eq(flow_choice_word("misschien"), CHOICE_NONE);
	ck_assert_int_eq(flow_choice_word(""), CHOICE_NONE);
}
END_TEST

START_TEST(conflict_fields)
{
	store_conflict c[2] = {
		{ .slug = (char *)"p", .key = (char *)"provider", .field = standard_field(std, "provider") },
		{ .slug = (char *)"p", .key = (char *)"status", .field = standard_field(std, "status") },
	};
	ck_assert_ptr_eq(flow_conflict_field(c, 2, "p", "provider"), &c[0]);
	ck_assert_ptr_eq(flow_conflict_field(c, 2, "p", "Leverancier"), &c[0]);
	ck_assert_ptr_eq(flow_conflict_field(c, 2, "p", "leverancier"), &c[0]);
	ck_assert_ptr_eq(flow_conflict_field(c, 2, "p", "Leverancier (provider)"), &c[0]);
	ck_assert_ptr_eq(flow_conflict_field(c, 2, "p", "Provider"), &c[0]);
	ck_assert_ptr_eq(flow_conflict_field(c, 2, "p", "Status"), &c[1]);
	ck_assert_ptr_eq(flow_conflict_field(c, 2, "p", "lever"), &c[0]);
	ck_assert_ptr_null(flow_conflict_field(c, 2, "q", "status"));
	ck_assert_ptr_null(flow_conflict_field(c, 2, "p", "goal"));
}
END_TEST

/* The team through a server made with a plain git init --bare whose HEAD
 * names master: connect and send, join, a git clone's empty copy. */
START_TEST(team_on_master_server)
{
	ck_assert_int_eq(sh("git init -q --bare '%s/hub.git' && git -C '%s/hub.git' symbolic-ref HEAD refs/heads/master", tmp, tmp), 0);
	store *a = open_repo("a", true);
	save(a, "parkeren", "Parkeren");
	char *url = xasprintf("%s/hub.git", tmp);
	ck_assert(flow_is_address(a, url));
	ck_assert(!flow_is_address(a, "origin"));
	flow_sync_result r;
	flow_sync(a, url, NULL, NULL, &r);
	ck_assert_msg(r.status == STORE_OK, "%s", r.error ? r.error : "");
	ck_assert(r.connected && r.rep.pushed && r.rep.server_empty && r.rep.server_head_unset);
	ck_assert_str_eq(r.rep.team_branch, "main");
	ck_assert_uint_ge(r.nnotes, 1);
	ck_assert_msg(strstr(r.notes[0], "git symbolic-ref HEAD refs/heads/main"), "%s", r.notes[0]);
	flow_sync_result_done(&r);
	/* Connected once: sync alone now; the same address again is fine,
	 * another one is refused. */
	flow_sync(a, NULL, NULL, NULL, &r);
	ck_assert_int_eq(r.status, STORE_OK);
	ck_assert(!r.connected && r.rep.up_to_date);
	flow_sync_result_done(&r);
	flow_sync(a, "/nowhere/else.git", NULL, NULL, &r);
	ck_assert_int_ne(r.status, STORE_OK);
	ck_assert_msg(strstr(r.error, "already connected"), "%s", r.error);
	flow_sync_result_done(&r);

	/* Joining: a new folder gets the descriptions. */
	char *bdir = xasprintf("%s/b", tmp), *wd = NULL;
	flow_join(std, bdir, url, NULL, NULL, &r, &wd);
	ck_assert_msg(r.status == STORE_OK, "%s", r.error ? r.error : "");
	ck_assert(r.rep.fast_forward);
	ck_assert_int_eq(sh("test -f '%s/algoritmes/parkeren.yaml'", bdir), 0);
	flow_sync_result_done(&r);
	free(wd);
	/* A default repository that holds only its own first commit joins too. */
	store *c = open_repo("c", true);
	store_free(&c);
	char *cdir = xasprintf("%s/c", tmp);
	flow_join(std, cdir, url, NULL, NULL, &r, &wd);
	ck_assert_msg(r.status == STORE_OK, "%s", r.error ? r.error : "");
	ck_assert_int_eq(sh("test -f '%s/algoritmes/parkeren.yaml'", cdir), 0);
	ck_assert_int_eq(sh("test \"$(git -C '%s' rev-list --count HEAD)\" = \"$(git -C '%s/a' rev-list --count HEAD)\"", cdir, tmp), 0);
	flow_sync_result_done(&r);
	free(wd);
	/* git clone gives an empty copy (HEAD names master); sync fills it. */
	ck_assert_int_eq(sh("git clone -q '%s' '%s/d' 2>/dev/null", url, tmp), 0);
	ck_assert_int_ne(sh("test -f '%s/d/algoritmes/parkeren.yaml'", tmp), 0);
	store *d = open_repo("d", true);
	flow_sync(d, NULL, NULL, NULL, &r);
	ck_assert_msg(r.status == STORE_OK, "%s", r.error ? r.error : "");
	ck_assert_int_eq(sh("test -f '%s/d/algoritmes/parkeren.yaml'", tmp), 0);
	flow_sync_result_done(&r);
	/* What d saves goes to main, where the others look. */
	save(d, "wmo", "Wmo");
	flow_sync(d, NULL, NULL, NULL, &r);
	ck_assert_msg(r.status == STORE_OK && r.rep.pushed, "%s", r.error ? r.error : "");
	flow_sync_result_done(&r);
	ck_assert_int_eq(sh("git -C '%s' cat-file -e main:algoritmes/wmo.yaml", url), 0);
	ck_assert_int_ne(sh("git -C '%s' rev-parse -q --verify master >/dev/null", url), 0);
	flow_sync(a, NULL, NULL, NULL, &r);
	ck_assert_int_eq(r.status, STORE_OK);
	ck_assert_int_eq(sh("test -f '%s/a/algoritmes/wmo.yaml'", tmp), 0);
	flow_sync_result_done(&r);
	store_free(&d);
	store_free(&a);
	free(bdir);
	free(cdir);
	free(url);
}
END_TEST

/* A server that already has master (made by git users): algedit's main
 * syncs with it rather than making a second line of work. */
START_TEST(team_on_existing_master)
{
	ck_assert_int_eq(sh("cd '%s' && git init -q --bare hub.git && git -C hub.git symbolic-ref HEAD refs/heads/master && "
	                    "git init -q -b master w && cd w && mkdir algoritmes && printf 'name: Oud\\nstatus: In gebruik\\n' > algoritmes/oud.yaml && "
	                    "git add . && git -c user.name=X -c user.email=x@y commit -qm eerste && git push -q ../hub.git master", tmp), 0);
	store *a = open_repo("a", true);
	save(a, "nieuw", "Nieuw");
	char *url = xasprintf("%s/hub.git", tmp);
	flow_sync_result r;
	flow_sync(a, url, NULL, NULL, &r);
	ck_assert_msg(r.status == STORE_OK, "%s", r.error ? r.error : "");
	ck_assert_str_eq(r.rep.team_branch, "master");
	ck_assert(!r.rep.server_head_unset);
	ck_assert_uint_eq(r.nnotes, 0);
	ck_assert_int_eq(sh("test -f '%s/a/algoritmes/oud.yaml'", tmp), 0);
	ck_assert_int_eq(sh("git -C '%s' cat-file -e master:algoritmes/nieuw.yaml", url), 0);
	ck_assert_int_ne(sh("git -C '%s' rev-parse -q --verify main >/dev/null", url), 0);
	flow_sync_result_done(&r);
	store_free(&a);
	free(url);
}
END_TEST

/* Where a review starts: one decision for the review screen and algedit
 * review, with --since as any revision (here HEAD, a review record's
 * commit, not a version of the description). */
START_TEST(review_start)
{
	store *s = open_repo("r", true);
	description *d = sample("Parkeren");
	ck_assert_int_eq(store_save(s, "parkeren", d, NULL), STORE_OK);
	desc_set_text(d, standard_field(std, "goal"), "Tweede versie.");
	ck_assert_int_eq(store_save(s, "parkeren", d, NULL), STORE_OK);
	desc_free(&d);
	char *said = NULL, *err = NULL;
	ck_assert_int_eq(flow_ask_review(s, "parkeren", "Graag kijken", NULL, 0, &said, &err), STORE_OK);
	ck_assert_msg(strstr(said, "parkeren"), "%s", said);
	free(said);
	store_review r;
	ck_assert_int_eq(store_review_load(s, "parkeren", -1, &r), STORE_OK);
	ck_assert_uint_eq(r.nversions, 2);
	size_t base;
	char *why;
	flow_review_start(s, &r, "HEAD", NULL, &base, &why);
	ck_assert_uint_eq(base, 0);
	ck_assert_msg(strstr(why, "--since HEAD"), "%s", why);
	free(why);
	flow_review_start(s, &r, "~1", NULL, &base, &why);
	ck_assert_uint_eq(base, 1);
	free(why);
	flow_review_start(s, &r, "nergens", NULL, &base, &why);
	ck_assert_uint_eq(base, 2);
	ck_assert_msg(strstr(why, "not a version"), "%s", why);
	free(why);
	flow_review_start(s, &r, NULL, NULL, &base, &why);
	ck_assert_uint_eq(base, 2);
	ck_assert_msg(strstr(why, "since the start"), "%s", why);
	free(why);
	/* Asking for a review is the drafter's side: no review of hers. */
	flow_review_start(s, &r, NULL, "anna@example.nl", &base, &why);
	ck_assert_uint_eq(base, 2);
	ck_assert_msg(strstr(why, "since the start"), "%s", why);
	free(why);
	store_review_done(&r);
	/* Sent back: the banner names who and what. */
	ck_assert_ptr_null(flow_changes_banner(s, "parkeren"));
	store_free(&s);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("flows");
	TCase *t = tcase_create("flows");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 120);
	tcase_add_test(t, find_by_name);
	tcase_add_test(t, choice_words);
	tcase_add_test(t, conflict_fields);
	tcase_add_test(t, team_on_master_server);
	tcase_add_test(t, team_on_existing_master);
	tcase_add_test(t, review_start);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	i18n_choose("en");
	return unit_run(suite());
}
