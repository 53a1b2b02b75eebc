/* review: review records (read, write, bad and foreign ones) and the review
 * state computed from them: concept -> in review -> approved, changes
 * requested, an approval voided by a later change, four eyes, threads,
 * suggestions and reviewed marks. Pure: the history is a table here. */
#include "config.h"
#include "forms/review.h"
#include "forms/desc.h"
#include "base/base.h"
#include "unit.h"

#include <string.h>

static standard *std;

static void setup(void)
{
	std = unit_standard();
}

static void teardown(void)
{
	standard_free(&std);
}

/* ---- a history of up to 8 versions, newest first ---- */

typedef struct hist {
	review_version v[8];
	description *d[8];
	char commit[8][41];
	char keys[8][256];
	size_t n;
} hist;

/* With the faster "changed" callback (the store's cache) or without. */
static bool use_changed;

#include "forms/diff.h"

static const char *hist_changed(void *ctx, size_t i)
{
	hist *h = ctx;
	if (i >= h->n)
		return NULL;
	desc_diff *dd = desc_diff_new(i + 1 < h->n ? h->d[i + 1] : NULL, h->d[i]);
	snprintf(h->keys[i], sizeof h->keys[i], ",");
	for (size_t k = 0; k < dd->n; k++) {
		strncat(h->keys[i], dd->v[k].key, sizeof h->keys[i] - strlen(h->keys[i]) - 2);
		strcat(h->keys[i], ",");
	}
	desc_diff_free(&dd);
	return h->keys[i];
}

static const description *hist_at(void *ctx, const char *commit)
{
	hist *h = ctx;
	for (size_t i = 0; i < h->n; i++)
		if (!strcmp(h->v[i].commit, commit))
			return h->d[i];
	return NULL;
}

/* Adds a version on top: a copy of the latest with key set to text. */
static const char *hist_save(hist *h, const char *email, const char *key, const char *text)
{
	memmove(&h->v[1], &h->v[0], h->n * sizeof h->v[0]);
	memmove(&h->d[1], &h->d[0], h->n * sizeof h->d[0]);
	memmove(&h->commit[1], &h->commit[0], h->n * sizeof h->commit[0]);
	h->n++;
	description *d = desc_new(std);
	if (h->n > 1)
		for (size_t f = 0; f < std->nfields; f++)
			if (h->d[1]->vals[f])
				desc_set(d, &std->fields[f], ynode_copy(h->d[1]->vals[f]));
	if (key)
		desc_set_text(d, standard_field(std, key), text);
	h->d[0] = d;
	snprintf(h->commit[0], 41, "%040zu", h->n);
	memset(h->commit[0], 'a' + (int)h->n, 7);
	for (size_t i = 0; i < h->n; i++)
		h->v[i].commit = h->commit[i];
	h->v[0].author = email;
	h->v[0].email = email;
	h->v[0].time = 1000 * (int64_t)h->n;
	return h->commit[0];
}

static void hist_done(hist *h)
{
	for (size_t i = 0; i < h->n; i++)
		desc_free(&h->d[i]);
}

static review_ctx ctx_of(hist *h)
{
	review_ctx c = { std, "parkeren", h->v, h->n, false, hist_at, use_changed ? hist_changed : NULL, h, NULL, false, NULL, NULL };
	return c;
}

/* ---- records ---- */

static review_rec recs[32];
static size_t nrecs;

static review_rec *add(review_kind k, const char *email, const char *field, const char *version, const char *text,
                       const char *ref)
{
	review_rec *r = &recs[nrecs];
	memset(r, 0, sizeof *r);
	r->id = xasprintf("%08zx", nrecs + 0xa0);
	r->kind = k;
	r->slug = xstrdup("parkeren");
	r->field = field ? xstrdup(field) : NULL;
	r->version = version ? xstrdup(version) : NULL;
	r->author = xstrdup(email);
	r->email = xstrdup(email);
	r->time = 100000 + (int64_t)nrecs;
	r->text = text ? xstrdup(text) : NULL;
	r->ref = ref ? xstrdup(ref) : NULL;
	nrecs++;
	return r;
}

static void recs_done(void)
{
	for (size_t i = 0; i < nrecs; i++)
		review_rec_done(&recs[i]);
	nrecs = 0;
}

START_TEST(write_read)
{
	review_rec r;
	memset(&r, 0, sizeof r);
	r.id = xstrdup("1a2b3c4d");
	r.kind = RK_REQUEST;
	r.slug = xstrdup("parkeren");
	r.version = xstrdup("3f1c6976a1b2c3d4e5f60718293a4b5c6d7e8f90");
	r.author = xstrdup("Anna de Vries");
	r.email = xstrdup("anna@example.nl");
	r.time = review_time_parse("2026-12-02T04:06:21Z", NULL);
	r.text = xstrdup("Graag kijken naar de risico's.\nVooral: bewaartermijn.");
	r.reviewers = xcalloc(2, sizeof *r.reviewers);
	r.reviewers[r.nreviewers++] = xstrdup("Bea Jansen");
	size_t len;
	char *y = review_rec_write(&r, &len);
	ck_assert_ptr_nonnull(strstr(y, "kind: ask-review\n"));
	ck_assert_ptr_nonnull(strstr(y, "text: |-\n  Graag kijken naar de risico's.\n  Vooral: bewaartermijn.\n"));
	char *name = review_rec_filename(&r);
	ck_assert_str_eq(name, "20261202T040621Z-1a2b3c4d-ask-review.yaml");
	char *id = review_id_from_filename(name);
	ck_assert_str_eq(id, "1a2b3c4d");
	review_rec back;
	review_rec_parse(y, len, id, name, &back);
	ck_assert_ptr_null(back.problem);
	ck_assert_int_eq(back.kind, RK_REQUEST);
	ck_assert_str_eq(back.text, r.text);
	ck_assert_str_eq(back.version, r.version);
	ck_assert_int_eq(back.time, r.time);
	ck_assert_ptr_nonnull(strstr(y, "time: \"2026-12-02T04:06:21.000000Z\"\n"));
	int us;
	ck_assert_int_eq(review_time_parse("2026-12-02T04:06:21.5Z", &us), r.time);
	ck_assert_int_eq(us, 500000);
	ck_assert_int_eq(review_time_parse("2026-12-02T04:06:21+01:00", &us), -1);
	ck_assert_uint_eq(back.nreviewers, 1);
	ck_assert_str_eq(back.reviewers[0], "Bea Jansen");
	review_rec_done(&back);
	review_rec_done(&r);
	free(y);
	free(name);
	free(id);
}
END_TEST

/* Every text comes back as written, whether the fast reader or libyaml
 * reads it. */
START_TEST(roundtrip_texts)
{
	static const char *const texts[] = {
		"gewoon", "met: dubbele punt", "\"aanhalingstekens\"", "back\\slash", "# geen commentaar",
		"- geen lijst", "regel 1\n\nregel 3", "eindigt op newline\n", "twee\n\n", "  spaties vooraf",
		"yes", "no", "1.0", "2023-01", "~", "null", "", "é ĳ ’ € 😀", "tab\tin", "|", ">", "'enkel'",
		"a\n  ingesprongen\nb", "[x]", "{y}", "&anker", "*alias", "!tag", "%proc", "@at", "`tick`",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		review_rec r;
		memset(&r, 0, sizeof r);
		r.id = xstrdup("00000000");
		r.kind = RK_COMMENT;
		r.slug = xstrdup("parkeren");
		r.field = xstrdup("goal");
		r.version = xstrdup("3f1c6976a1b2c3d4e5f60718293a4b5c6d7e8f90");
		r.author = xstrdup(texts[i]);
		r.email = xstrdup("a@b.nl");
		r.time = 1800000000;
		r.usec = 42;
		r.text = xstrdup(texts[i]);
		r.quote = xstrdup(texts[i]);
		size_t len;
		char *y = review_rec_write(&r, &len);
		review_rec back;
		review_rec_parse(y, len, "00000000", NULL, &back);
		ck_assert_msg(back.problem == NULL, "%zu: %s", i, back.problem);
		ck_assert_msg(back.text && !strcmp(back.text, texts[i]), "text %zu: [%s] in\n%s", i, back.text, y);
		ck_assert_msg(back.author && !strcmp(back.author, texts[i]), "author %zu: [%s] in\n%s", i, back.author, y);
		ck_assert_str_eq(back.quote, texts[i]);
		ck_assert_int_eq(back.usec, 42);
		review_rec_done(&back);
		review_rec_done(&r);
		free(y);
	}
}
END_TEST

START_TEST(bad_records)
{
	static const char *const bad[] = {
		"kind: high-five\ndescription: parkeren\ntime: 2026-12-02T04:06:21Z\n",
		"kind: comment\ndescription: parkeren\n",
		"kind: comment\ntime: yesterday\ndescription: parkeren\n",
		"- just\n- a list\n",
		"kind: [unclosed\n",
		"kind: comment\ntext: \"\xff\"\n",
		"",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		review_rec r;
		review_rec_parse(bad[i], strlen(bad[i]), "x", "f.yaml", &r);
		ck_assert_msg(r.problem != NULL, "record %zu accepted", i);
		review_rec_done(&r);
	}
	review_rec r;
	review_rec_parse(bad[0], strlen(bad[0]), "x", NULL, &r);
	ck_assert_ptr_nonnull(strstr(r.problem, "high-five"));
	review_rec_done(&r);
	/* A foreign key is ignored; the record stays good. */
	const char *ok = "kind: comment\ndescription: parkeren\nfield: goal\ntime: 2026-12-02T04:06:21Z\nmood: happy\n";
	review_rec_parse(ok, strlen(ok), "x", NULL, &r);
	ck_assert_ptr_null(r.problem);
	review_rec_done(&r);
}
END_TEST

START_TEST(states)
{
	hist h = { 0 };
	const char *v1 = hist_save(&h, "anna@x.nl", "goal", "Wij controleren parkeren.");
	review_ctx c = ctx_of(&h);
	review_summary s;
	review_compute(recs, nrecs, &c, &s);
	ck_assert_int_eq(s.state, REVIEW_CONCEPT);
	review_summary_done(&s);

	add(RK_REQUEST, "anna@x.nl", NULL, v1, "Graag kijken", NULL);
	review_compute(recs, nrecs, &c, &s);
	ck_assert_int_eq(s.state, REVIEW_IN_REVIEW);
	review_summary_done(&s);

	add(RK_CHANGES, "bea@x.nl", NULL, v1, "Noem de termijn", NULL);
	review_compute(recs, nrecs, &c, &s);
	ck_assert_int_eq(s.state, REVIEW_CONCEPT);
	ck_assert_int_eq(s.note, NOTE_CHANGES_REQUESTED);
	review_summary_done(&s);

	const char *v2 = hist_save(&h, "anna@x.nl", "goal", "Wij controleren parkeren; 48 uur bewaard.");
	c = ctx_of(&h);
	add(RK_REQUEST, "anna@x.nl", NULL, v2, NULL, NULL);
	/* Four eyes: the author of the latest change may not approve. */
	ck_assert_ptr_nonnull(review_may_approve(&c, NULL, "anna@x.nl"));
	ck_assert_ptr_nonnull(strstr(review_may_approve(&c, NULL, "ANNA@x.nl"), "review.self-approve"));
	ck_assert_ptr_null(review_may_approve(&c, NULL, "bea@x.nl"));
	review_rec *self = add(RK_APPROVE, "anna@x.nl", NULL, v2, NULL, NULL);
	review_compute(recs, nrecs, &c, &s);
	ck_assert_int_eq(s.state, REVIEW_IN_REVIEW);
	ck_assert_ptr_nonnull(self->problem);
	ck_assert_uint_eq(s.nbad, 1);
	review_summary_done(&s);
	/* Allowed by the repository's config. */
	c.self_approve = true;
	ck_assert_ptr_null(review_may_approve(&c, NULL, "anna@x.nl"));
	c.self_approve = false;

	add(RK_APPROVE, "bea@x.nl", NULL, v2, "Akkoord", NULL);
	review_compute(recs, nrecs, &c, &s);
	ck_assert_int_eq(s.state, REVIEW_APPROVED);
	ck_assert_str_eq(s.approval->text, "Akkoord");
	review_summary_done(&s);

	/* A later version with the same values keeps the approval... */
	hist_save(&h, "anna@x.nl", NULL, NULL);
	c = ctx_of(&h);
	review_compute(recs, nrecs, &c, &s);
	ck_assert_int_eq(s.state, REVIEW_APPROVED);
	review_summary_done(&s);
	/* ...a changed field voids it. */
	hist_save(&h, "anna@x.nl", "description_short", "Nieuw.");
	c = ctx_of(&h);
	review_compute(recs, nrecs, &c, &s);
	ck_assert_int_eq(s.state, REVIEW_CONCEPT);
	ck_assert_int_eq(s.note, NOTE_CHANGED_AFTER_APPROVAL);
	ck_assert_ptr_nonnull(s.approval);
	review_summary_done(&s);
	recs_done();
	hist_done(&h);
}
END_TEST

START_TEST(foreign)
{
	hist h = { 0 };
	const char *v1 = hist_save(&h, "anna@x.nl", "goal", "Doel.");
	review_ctx c = ctx_of(&h);
	review_rec *a = add(RK_COMMENT, "bea@x.nl", "colour", v1, "?", NULL);
	review_rec *b = add(RK_COMMENT, "bea@x.nl", "goal", "0123456789abcdef", "?", NULL);
	review_rec *d = add(RK_REPLY, "bea@x.nl", NULL, v1, "?", "deadbeef");
	review_rec *e = add(RK_UNKNOWN, "bea@x.nl", NULL, v1, "?", NULL);
	e->problem = xstrdup("unknown kind of record \"x\"");
	review_summary s;
	review_compute(recs, nrecs, &c, &s);
	ck_assert_ptr_nonnull(strstr(a->problem, "colour"));
	ck_assert_ptr_nonnull(strstr(b->problem, "not in the history"));
	ck_assert_ptr_nonnull(d->problem);
	ck_assert_uint_eq(s.nbad, 4);
	ck_assert_uint_eq(s.nthreads, 0);
	ck_assert_int_eq(s.state, REVIEW_CONCEPT);
	review_summary_done(&s);
	recs_done();
	hist_done(&h);
}
END_TEST

START_TEST(threads_suggestions_marks)
{
	use_changed = _i == 1;
	hist h = { 0 };
	hist_save(&h, "anna@x.nl", "goal", "Wij controleren parkeren.");
	const char *v1 = hist_save(&h, "anna@x.nl", "description_short", "Scanauto's.");
	review_ctx c = ctx_of(&h);
	review_rec *c1 = add(RK_COMMENT, "bea@x.nl", "goal", v1, "Hoe lang bewaard?", NULL);
	c1->quote = xstrdup("Wij controleren parkeren.");
	review_rec *c2 = add(RK_COMMENT, "bea@x.nl", "name", v1, "Naam?", NULL);
	review_rec *s1 = add(RK_SUGGEST, "bea@x.nl", "description_short", v1, "Scanauto's controleren kentekens.", NULL);
	review_rec *s2 = add(RK_SUGGEST, "carl@x.nl", "description_short", v1, "Auto's met camera's.", NULL);
	add(RK_MARK, "bea@x.nl", "goal", v1, NULL, NULL);
	add(RK_MARK, "bea@x.nl", "name", v1, NULL, NULL);
	add(RK_REPLY, "anna@x.nl", NULL, v1, "48 uur.", c1->id);
	add(RK_RESOLVE, "bea@x.nl", NULL, v1, NULL, c2->id);
	review_summary s;
	review_compute(recs, nrecs, &c, &s);
	ck_assert_uint_eq(s.nbad, 0);
	ck_assert_uint_eq(s.nthreads, 2);
	ck_assert_uint_eq(s.threads[0].nreplies, 1);
	ck_assert(!s.threads[0].resolved && s.threads[1].resolved);
	ck_assert(!s.threads[0].outdated);
	ck_assert_uint_eq(s.open_comments, 1);
	ck_assert_uint_eq(s.open_suggestions, 2);
	ck_assert_uint_eq(s.nmarks, 2);
	ck_assert(s.marks[0].valid && s.marks[1].valid);
	review_summary_done(&s);

	/* Accepting s1 changes the field: s2 becomes outdated. Then the goal
	 * changes: the comment on it is outdated and its mark reset. */
	add(RK_ACCEPT, "anna@x.nl", NULL, v1, NULL, s1->id);
	hist_save(&h, "anna@x.nl", "description_short", s1->text);
	hist_save(&h, "anna@x.nl", "goal", "Wij controleren parkeren. Bewaard: 48 uur.");
	c = ctx_of(&h);
	review_compute(recs, nrecs, &c, &s);
	ck_assert_int_eq(s.suggs[0].status, SUGG_ACCEPTED);
	ck_assert_int_eq(s.suggs[1].status, SUGG_OUTDATED);
	ck_assert_ptr_eq(s.suggs[1].rec, s2);
	ck_assert_uint_eq(s.open_suggestions, 0);
	ck_assert(s.threads[0].outdated);
	ck_assert_str_eq(s.threads[0].root->quote, "Wij controleren parkeren.");
	ck_assert(!s.marks[0].valid);   /* goal */
	ck_assert(s.marks[1].valid);    /* name: unchanged */
	review_summary_done(&s);
	/* A new mark on the goal counts again; a reject with a reason. */
	add(RK_MARK, "bea@x.nl", "goal", h.v[0].commit, NULL, NULL);
	review_compute(recs, nrecs, &c, &s);
	ck_assert_uint_eq(s.nmarks, 2);
	ck_assert(s.marks[0].valid && s.marks[1].valid);
	review_summary_done(&s);
	recs_done();
	hist_done(&h);
}
END_TEST

START_TEST(apply)
{
	description *d = desc_new(std);
	ck_assert_int_eq(review_apply(d, "goal", 0, "Nieuw doel."), 0);
	char *t = review_field_text(d, "goal", 0);
	ck_assert_str_eq(t, "Nieuw doel.");
	free(t);
	ck_assert_int_eq(review_apply(d, "lawful_basis_grouping", 0, "Wet A <https://a.nl>\nWet B|https://b.nl"), 0);
	ck_assert_int_eq(review_apply(d, "lawful_basis_grouping", 2, "Wet C <https://c.nl>"), 0);
	t = review_field_text(d, "lawful_basis_grouping", 0);
	ck_assert_str_eq(t, "Wet A <https://a.nl>\nWet C <https://c.nl>");
	free(t);
	ck_assert_int_eq(review_apply(d, "lawful_basis_grouping", 5, "x"), -1);
	ck_assert_int_eq(review_apply(d, "goal", 1, "x"), -1);
	desc_free(&d);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("review");
	TCase *t = tcase_create("review");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, write_read);
	tcase_add_test(t, roundtrip_texts);
	tcase_add_test(t, bad_records);
	tcase_add_test(t, states);
	tcase_add_test(t, foreign);
	tcase_add_loop_test(t, threads_suggestions_marks, 0, 2);
	tcase_add_test(t, apply);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return unit_run(suite());
}
