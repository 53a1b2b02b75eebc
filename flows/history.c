/* history: the versions of a description as a person reads them (date,
 * author, the fields changed), what one version changed, and bringing an
 * earlier version back as a new one, for the editor's history view. */
#include "config.h"
#include "flows/flows.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void flow_version_when(const store_version *v, char out[32])
{
	/* In the author's time zone; a time that is no date is said so. */
	int64_t secs = v->time, off = (int64_t)v->tz_minutes * 60;
	struct tm tm;
	time_t t = (time_t)(secs + off);
	if (secs > -62135596800LL && secs < 253402300799LL && off > -86400 * 2 && off < 86400 * 2 && gmtime_r(&t, &tm) &&
	    tm.tm_year >= 1 - 1900 && tm.tm_year <= 9999 - 1900)
		strftime(out, 32, "%Y-%m-%d %H:%M", &tm);
	else
		snprintf(out, 32, "%s", _("unknown date"));
}

char *flow_version_diff(store *s, const char *slug, const store_version *v, size_t i, size_t n)
{
	description *now = NULL, *before = NULL;
	if (!v[i].removed && store_load_rev(s, v[i].commit, slug, &now) != STORE_OK)
		now = NULL;
	if (i + 1 < n && !v[i + 1].removed && store_load_rev(s, v[i + 1].commit, slug, &before) != STORE_OK)
		before = NULL;
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	if (v[i].removed) {
		sb_adds(&b, _("This version removed the description."));
	} else {
		desc_diff *dd = desc_diff_new(before, now);
		if (!dd->n)
			sb_adds(&b, _("This version changed no field (only how the file is written)."));
		else
			desc_diff_render(&b, dd, i18n_lang(), false);
		desc_diff_free(&dd);
	}
	desc_free(&now);
	desc_free(&before);
	return sb_take(&b);
}

store_status flow_bring_back(store *s, const char *slug, const store_version *v, char **said, char **error)
{
	*said = *error = NULL;
	if (v->removed) {
		*error = xstrdup(_("This version is the removal itself; choose an earlier one."));
		return STORE_ERROR;
	}
	size_t len = 0;
	char *pending = journal_pending(s, slug, &len);
	if (pending) {
		free(pending);
		*error = xstrdup(_("There is unsaved text for this description: open it and save or discard that first."));
		return STORE_BUSY;
	}
	description *d = NULL;
	store_status st = store_load_rev(s, v->commit, slug, &d);
	if (st != STORE_OK) {
		*error = xstrdup(store_error(s));
		return st;
	}
	store_saved info;
	st = store_save(s, slug, d, &info);
	char when[32];
	flow_version_when(v, when);
	if (st == STORE_OK) {
		*said = xasprintf(_("The version of %s by %s is back, as a new version; sync to send it."), when, v->author ? v->author : "?");
		store_saved_done(&info);
	} else if (st == STORE_UNCHANGED) {
		*said = xasprintf(_("The version of %s by %s is the same as the current one; nothing to do."), when, v->author ? v->author : "?");
		st = STORE_OK;
	} else {
		*error = xstrdup(store_error(s));
	}
	desc_free(&d);
	return st;
}
