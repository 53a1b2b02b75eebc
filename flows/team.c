/* team: connect a repository to the team server, sync with it, join a
 * team. The decisions a person meets (is this an address or a remote's
 * name, what to say about an empty server or one whose default branch
 * points nowhere) are made here once, for the command line and the editor. */
#include "config.h"
#include "flows/flows.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static void add_line(char ***v, size_t *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add_line(char ***v, size_t *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *m = xmalloc(len > 0 ? (size_t)len + 1 : 1);
	*m = '\0';
	va_start(ap, fmt);
	if (len > 0)
		vsnprintf(m, (size_t)len + 1, fmt, ap);
	va_end(ap);
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = m;
}

void flow_sync_result_done(flow_sync_result *r)
{
	for (size_t i = 0; i < r->nlines; i++)
		free(r->lines[i]);
	for (size_t i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	free(r->lines);
	free(r->notes);
	free(r->error);
	free(r->url);
	memset(r, 0, sizeof *r);
}

bool flow_is_address(store *s, const char *where)
{
	if (!where || !*where || store_has_remote(s, where))
		return false;
	struct stat st;
	return strstr(where, "://") || strchr(where, ':') || strchr(where, '/') || (stat(where, &st) == 0 && S_ISDIR(st.st_mode));
}

/* After a successful sync: the lines that say what happened. */
static void report(store *s, flow_sync_result *r)
{
	const store_sync_report *rep = &r->rep;
	if (r->connected)
		add_line(&r->lines, &r->nlines, _("connected to the team server %s; algedit sync alone syncs with it from now on"), r->url);
	if (rep->merged_files)
		add_line(&r->lines, &r->nlines, P_("%zu description merged field by field", "%zu descriptions merged field by field", rep->merged_files), rep->merged_files);
	if (rep->retries_used)
		add_line(&r->lines, &r->nlines, P_("the team server changed while syncing; merged again %d time", "the team server changed while syncing; merged again %d times", rep->retries_used), rep->retries_used);
	if (rep->pushed && rep->server_empty)
		add_line(&r->lines, &r->nlines, "%s", _("the team server was empty; your descriptions are the first on it"));
	if (rep->pushed)
		add_line(&r->lines, &r->nlines, "%s", _("synced: your versions are sent"));
	else if (rep->fast_forward)
		add_line(&r->lines, &r->nlines, "%s", _("synced: the new versions from the team server are here"));
	else if (rep->server_empty)
		add_line(&r->lines, &r->nlines, "%s", _("the team server is empty: there is nothing to take yet; the first one to sync sends descriptions to it"));
	else
		add_line(&r->lines, &r->nlines, "%s", _("synced: already up to date"));
	/* A server whose default branch names a branch it does not have (a
	 * plain git init --bare points at master): a git clone of it holds no
	 * files. algedit finds them; IT can set it right once. On a server that
	 * was empty it is asked after sending, except over http(s) (see
	 * store_sync). */
	const char *b = rep->team_branch[0] ? rep->team_branch : "main";
	bool worth = r->connected || rep->pushed;
	if (worth && rep->server_head_unset && !rep->server_head_unknown)
		add_line(&r->notes, &r->nnotes, _("the team server's default branch (HEAD) does not point at %s, where the descriptions are, "
		                                  "so git clone gives an empty folder (algedit join and algedit sync find them anyway). "
		                                  "Ask IT to run this once in the server's repository: git symbolic-ref HEAD refs/heads/%s"),
		         b, b);
	else if (worth && rep->server_head_unknown)
		add_line(&r->notes, &r->nnotes, _("if the team server was made with a plain git init --bare, its default branch is master, not %s, "
		                                  "and git clone gives an empty folder (algedit join finds the descriptions anyway); "
		                                  "then ask IT to run this once in the server's repository: git symbolic-ref HEAD refs/heads/%s"),
		         b, b);
	(void)s;
}

static void refused_notes(store *s, flow_sync_result *r)
{
	/* What came in as a symbolic link stays unopened: said after every sync. */
	char **refused;
	size_t n;
	store_list_refused(s, &refused, &n);
	for (size_t i = 0; i < n; i++)
		add_line(&r->notes, &r->nnotes, "%s", refused[i]);
	store_slugs_free(&refused, n);
}

static void sync_named(store *s, const char *remote, store_ask_cred ask, void *ctx, flow_sync_result *r)
{
	store_sync_opts o = { .remote = remote, .ask = ask, .ctx = ctx };
	r->status = store_sync(s, &o, &r->rep);
	if (!r->url)
		r->url = store_remote_url(s);
	if (r->status == STORE_OK) {
		report(s, r);
	} else {
		r->error = xstrdup(store_error(s));
		if (r->status == STORE_CONFLICT) {
			store_conflict *c;
			store_conflicts(s, &c, &r->conflicts);
			store_conflicts_free(&c, r->conflicts);
		}
	}
	refused_notes(s, r);
}

void flow_sync(store *s, const char *where, store_ask_cred ask, void *ctx, flow_sync_result *r)
{
	memset(r, 0, sizeof *r);
	const char *remote = where;
	if (flow_is_address(s, where)) {
		r->status = store_connect(s, where, &r->connected);
		if (r->status != STORE_OK) {
			r->error = xstrdup(store_error(s));
			return;
		}
		r->url = store_remote_url(s);
		remote = "origin";
	} else if (where && !store_has_remote(s, where)) {
		r->status = STORE_NO_REMOTE;
		r->error = xasprintf(_("there is no team server called %s; give its address instead: algedit sync URL"), where);
		return;
	}
	sync_named(s, remote, ask, ctx, r);
}

void flow_join(const standard *std, const char *dir, const char *url, store_ask_cred ask, void *ctx,
               flow_sync_result *r, char **workdir)
{
	memset(r, 0, sizeof *r);
	*workdir = NULL;
	store *s = NULL;
	char *err = NULL;
	r->status = store_open_join(std, dir, &s, &err);
	if (r->status != STORE_OK) {
		r->error = err;
		return;
	}
	*workdir = xstrdup(store_workdir(s));
	r->status = store_connect(s, url, &r->connected);
	if (r->status != STORE_OK) {
		r->error = xasprintf(_("%s; to join this team in a folder of its own: algedit join %s -C FOLDER"), store_error(s), url);
	} else {
		r->url = store_remote_url(s);
		sync_named(s, "origin", ask, ctx, r);
	}
	store_free(&s);
}
