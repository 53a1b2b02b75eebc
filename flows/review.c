/* review: asking for a review, and what the drafter must see when the
 * reviewer sent a description back, for the command line and the editor. */
#include "config.h"
#include "flows/flows.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

store_status flow_ask_review(store *s, const char *slug, const char *message, const char *const *reviewers,
                             size_t nreviewers, char **said, char **error)
{
	*said = *error = NULL;
	store_review r;
	memset(&r, 0, sizeof r);
	store_status st = store_review_load(s, slug, i18n_lang(), &r);
	if (st != STORE_OK || !r.nversions) {
		*error = xstrdup(st != STORE_OK ? store_error(s) : _("the description has no saved version yet; save it first"));
		if (st == STORE_OK)
			store_review_done(&r);
		return st != STORE_OK ? st : STORE_NOT_FOUND;
	}
	review_rec rec;
	memset(&rec, 0, sizeof rec);
	rec.kind = RK_REQUEST;
	rec.slug = xstrdup(slug);
	rec.version = xstrdup(r.versions[0].commit);
	rec.text = message && *message ? xstrdup(message) : NULL;
	rec.reviewers = xcalloc(nreviewers + 1, sizeof *rec.reviewers);
	for (size_t k = 0; k < nreviewers; k++)
		rec.reviewers[rec.nreviewers++] = xstrdup(reviewers[k]);
	char *msg = xasprintf(_("Review asked: %s"), slug);
	store_saved info;
	st = store_review_add(s, &rec, NULL, msg, &info);
	if (st == STORE_OK) {
		*said = xasprintf(_("Review asked for %s; sync to send the request to the team."), slug);
		store_saved_done(&info);
	} else {
		*error = xstrdup(store_error(s));
	}
	free(msg);
	review_rec_done(&rec);
	store_review_done(&r);
	return st;
}

char *flow_changes_banner(store *s, const char *slug)
{
	store_review r;
	memset(&r, 0, sizeof r);
	if (store_review_load(s, slug, -1, &r) != STORE_OK)
		return NULL;
	char *out = NULL;
	const review_rec *c = r.sum.changes;
	if (r.sum.note == NOTE_CHANGES_REQUESTED && c)
		out = c->text && *c->text ? xasprintf(_("Changes asked by %s: %s"), c->author ? c->author : "?", c->text)
		                          : xasprintf(_("Changes asked by %s."), c->author ? c->author : "?");
	store_review_done(&r);
	return out;
}
