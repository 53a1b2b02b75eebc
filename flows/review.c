/* review: asking for a review, and what the drafter must see when the
 * reviewer sent a description back, for the command line and the editor. */
#include "config.h"
#include "flows/flows.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

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

static size_t index_of(const store_review *r, const char *commit)
{
	size_t n = commit ? strlen(commit) : 0;
	for (size_t i = 0; n >= 4 && i < r->nversions; i++)
		if (!strncmp(r->versions[i].commit, commit, n))
			return i;
	return (size_t)-1;
}

void flow_review_start(store *s, const store_review *r, const char *since, const char *me, size_t *base, char **why)
{
	*base = r->nversions;
	*why = NULL;
	if (since) {
		/* ~N: N versions back; else any revision: the newest version of
		 * the description at or before it. */
		size_t k = (size_t)-1;
		if (since[0] == '~') {
			k = strtoul(since + 1, NULL, 10);
		} else {
			store_version *v = NULL;
			size_t n = 0;
			if (store_log(s, since, r->slug, 1, -1, &v, &n) == STORE_OK && n)
				k = index_of(r, v[0].commit);
			store_versions_free(&v, n);
		}
		if (k < r->nversions) {
			*base = k;
			*why = xasprintf(_("since version %.7s (--since %s)"), r->versions[k].commit, since);
		} else {
			*why = xasprintf(_("--since %s is not a version of this description; showing all of it"), since);
		}
		return;
	}
	if (r->sum.approval) {
		size_t k = index_of(r, r->sum.approval->version);
		if (k < r->nversions) {
			char date[32];
			time_t tt = (time_t)r->sum.approval->time;
			struct tm tm;
			if (localtime_r(&tt, &tm))
				strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm);
			else
				snprintf(date, sizeof date, "?");
			*base = k;
			*why = xasprintf(_("since the approval of version %.7s (%s, %s)"), r->versions[k].commit,
			                 r->sum.approval->author ? r->sum.approval->author : "?", date);
			return;
		}
	}
	/* The newer of: the version this reviewer last saw in the review
	 * screen, the last version they wrote a record about. Asking for a
	 * review, replying or taking a suggestion is the drafter's side, not
	 * a review. */
	size_t best = r->nversions;
	char *seen = me ? store_review_seen(s, r->slug, me) : NULL;
	if (seen)
		best = index_of(r, seen);
	free(seen);
	for (size_t i = r->n; me && i-- > 0;) {
		const review_rec *x = &r->recs[i];
		if (x->problem || !x->version || !x->email || strcasecmp(x->email, me))
			continue;
		if (x->kind == RK_REQUEST || x->kind == RK_REPLY || x->kind == RK_ACCEPT || x->kind == RK_REJECT ||
		    x->kind == RK_PUBLISH)
			continue;
		size_t k = index_of(r, x->version);
		if (k >= r->nversions)
			continue;
		if (k < best)
			best = k;
		break;
	}
	if (best < r->nversions) {
		*base = best;
		/* Said of what the person did: a drafter looking at her own
		 * work has seen it, not reviewed it. */
		bool own = r->versions[best].email && !strcasecmp(r->versions[best].email, me);
		*why = !own ? xasprintf(_("since version %.7s, the last one you reviewed"), r->versions[best].commit)
		            : xasprintf(_("since version %.7s, the last one you looked at here"), r->versions[best].commit);
		return;
	}
	*why = xstrdup(_("since the start (not approved yet)"));
}
