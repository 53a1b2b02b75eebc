/* links: the link check (see links.h), through libcurl's multi interface,
 * opened with dlopen like register/http.c so that commands that never check
 * a link do not load it. */
#include "config.h"
#include "register/links.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

static struct {
	CURLcode (*global_init)(long flags);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *c, CURLoption opt, ...);
	CURLcode (*easy_getinfo)(CURL *c, CURLINFO info, ...);
	const char *(*easy_strerror)(CURLcode rc);
	void (*easy_cleanup)(CURL *c);
	CURLM *(*multi_init)(void);
	CURLMcode (*multi_add_handle)(CURLM *m, CURL *c);
	CURLMcode (*multi_remove_handle)(CURLM *m, CURL *c);
	CURLMcode (*multi_perform)(CURLM *m, int *running);
	CURLMcode (*multi_poll)(CURLM *m, struct curl_waitfd *extra, unsigned n, int timeout_ms, int *numfds);
	CURLMsg *(*multi_info_read)(CURLM *m, int *left);
	CURLMcode (*multi_cleanup)(CURLM *m);
	bool tried, ok;
} cu;

static bool curl_open(char **err)
{
	if (!cu.tried) {
		cu.tried = true;
		void *lib = dlopen(CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
		if (lib) {
#define CU_SYM(field, name) (*(void **)&cu.field = dlsym(lib, name))
			CU_SYM(global_init, "curl_global_init");
			CU_SYM(easy_init, "curl_easy_init");
			CU_SYM(easy_setopt, "curl_easy_setopt");
			CU_SYM(easy_getinfo, "curl_easy_getinfo");
			CU_SYM(easy_strerror, "curl_easy_strerror");
			CU_SYM(easy_cleanup, "curl_easy_cleanup");
			CU_SYM(multi_init, "curl_multi_init");
			CU_SYM(multi_add_handle, "curl_multi_add_handle");
			CU_SYM(multi_remove_handle, "curl_multi_remove_handle");
			CU_SYM(multi_perform, "curl_multi_perform");
			CU_SYM(multi_poll, "curl_multi_poll");
			CU_SYM(multi_info_read, "curl_multi_info_read");
			CU_SYM(multi_cleanup, "curl_multi_cleanup");
#undef CU_SYM
		}
		cu.ok = lib && cu.global_init && cu.easy_init && cu.easy_setopt && cu.easy_getinfo && cu.easy_strerror &&
		        cu.easy_cleanup && cu.multi_init && cu.multi_add_handle && cu.multi_remove_handle &&
		        cu.multi_perform && cu.multi_poll && cu.multi_info_read && cu.multi_cleanup &&
		        cu.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
	}
	if (!cu.ok)
		*err = xasprintf(_("cannot load the network library %s, which the link check needs; install it (on Debian: apt install libcurl4)"),
		                 CURL_SONAME);
	return cu.ok;
}

/* The body of a GET is not wanted: the status line is enough. Ending the
 * transfer at the first byte keeps a large page from being downloaded. */
static size_t no_body(char *data, size_t size, size_t n, void *arg)
{
	(void)data, (void)size, (void)n, (void)arg;
	return 0;
}

typedef struct job {
	size_t i;          /* index into the addresses */
	bool get;          /* the second try */
} job;

static CURL *start(const desc_link *l, job *j, long timeout)
{
	CURL *c = cu.easy_init();
	if (!c)
		return NULL;
	cu.easy_setopt(c, CURLOPT_URL, l->url);
	cu.easy_setopt(c, CURLOPT_PRIVATE, (void *)j);
	/* https for the register's own link fields (which hold nothing else by
	 * then), http and https for addresses in text. */
	cu.easy_setopt(c, CURLOPT_PROTOCOLS_STR, l->register_field ? "https" : "http,https");
	cu.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	cu.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	cu.easy_setopt(c, CURLOPT_MAXREDIRS, 10L);
	cu.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	cu.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout);
	cu.easy_setopt(c, CURLOPT_TIMEOUT, timeout);
	cu.easy_setopt(c, CURLOPT_USERAGENT, "algedit/" PACKAGE_VERSION " (link check)");
	/* Nothing of the user's: no cookies (the engine stays off), no .netrc,
	 * no credentials in a redirect. */
	cu.easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_IGNORED);
	cu.easy_setopt(c, CURLOPT_UNRESTRICTED_AUTH, 0L);
	cu.easy_setopt(c, CURLOPT_WRITEFUNCTION, no_body);
	if (j->get)
		cu.easy_setopt(c, CURLOPT_HTTPGET, 1L);
	else
		cu.easy_setopt(c, CURLOPT_NOBODY, 1L);
	return c;
}

int links_check(const desc_link *l, size_t n, link_result *out, char **err)
{
	*err = NULL;
	memset(out, 0, n * sizeof *out);
	for (size_t i = 0; i < n; i++)
		if (l[i].register_field && strncmp(l[i].url, "https://", 8))
			out[i].state = LINK_NOT_HTTPS;
	if (!curl_open(err)) {
		for (size_t i = 0; i < n; i++)
			if (out[i].state != LINK_NOT_HTTPS) {
				out[i].state = LINK_UNCHECKED;
				out[i].why = xstrdup(*err);
			}
		return -1;
	}
	long timeout = LINKS_TIMEOUT;
	const char *env = getenv("ALGEDIT_LINK_TIMEOUT");
	if (env && atol(env) > 0 && atol(env) <= 60)
		timeout = atol(env);
	CURLM *m = cu.multi_init();
	job *jobs = xcalloc(n ? n : 1, sizeof *jobs);
	size_t next = 0, active = 0, resolved = 0, unresolved = 0;
	for (;;) {
		while (active < LINKS_PARALLEL && next < n) {
			size_t i = next++;
			if (out[i].state == LINK_NOT_HTTPS)
				continue;
			jobs[i] = (job){ i, false };
			CURL *c = start(&l[i], &jobs[i], timeout);
			if (c && cu.multi_add_handle(m, c) == CURLM_OK) {
				active++;
			} else {
				out[i].state = LINK_UNCHECKED;
				out[i].why = xstrdup(_("cannot start the network library (libcurl)"));
				if (c)
					cu.easy_cleanup(c);
			}
		}
		if (!active)
			break;
		int running = 0;
		cu.multi_perform(m, &running);
		CURLMsg *msg;
		int left;
		while ((msg = cu.multi_info_read(m, &left))) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			CURL *c = msg->easy_handle;
			CURLcode rc = msg->data.result;
			char *pv = NULL;
			cu.easy_getinfo(c, CURLINFO_PRIVATE, &pv);
			job *j = (job *)(void *)pv;
			link_result *r = &out[j->i];
			long status = 0, redirects = 0;
			char *eff = NULL;
			cu.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
			cu.easy_getinfo(c, CURLINFO_REDIRECT_COUNT, &redirects);
			cu.easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
			bool answered = status > 0 && (rc == CURLE_OK || rc == CURLE_WRITE_ERROR);
			cu.multi_remove_handle(m, c);
			if (!j->get && ((answered && status >= 400) || rc == CURLE_GOT_NOTHING || rc == CURLE_RECV_ERROR ||
			                rc == CURLE_WEIRD_SERVER_REPLY)) {
				/* HEAD refused (405, 501, another error status, or a
				 * server that drops the connection on it): ask with GET
				 * once. Not after a timeout or a name that does not
				 * resolve: GET would fare no better. */
				cu.easy_cleanup(c);
				j->get = true;
				c = start(&l[j->i], j, timeout);
				if (c && cu.multi_add_handle(m, c) == CURLM_OK)
					continue;
				if (c)
					cu.easy_cleanup(c);
				c = NULL;
			}
			active--;
			free(r->final_url);
			r->final_url = NULL;
			r->used_get = j->get;
			r->status = answered ? status : 0;
			r->redirects = redirects;
			if (redirects > 0 && eff)
				r->final_url = xstrdup(eff);
			if (answered) {
				resolved++;
				r->state = status >= 400 ? LINK_BROKEN : LINK_OK;
			} else if (rc == CURLE_COULDNT_RESOLVE_HOST) {
				unresolved++;
				r->state = LINK_UNRESOLVED;
			} else {
				if (rc != CURLE_COULDNT_CONNECT)
					resolved++; /* it found the name, and a server, but no answer */
				r->state = LINK_UNCHECKED;
				free(r->why);
				r->why = rc == CURLE_OPERATION_TIMEDOUT
				                 ? xasprintf(_("no answer within %ld seconds"), timeout)
				                 : xstrdup(cu.easy_strerror(rc));
			}
			if (c)
				cu.easy_cleanup(c);
		}
		if (active)
			cu.multi_poll(m, NULL, 0, 200, NULL);
	}
	/* Every name failed to resolve and nothing answered: offline, most
	 * likely; that is "could not check", not "broken". */
	if (unresolved && !resolved)
		for (size_t i = 0; i < n; i++)
			if (out[i].state == LINK_UNRESOLVED) {
				out[i].state = LINK_UNCHECKED;
				out[i].why = xstrdup(_("no name could be looked up: is this computer offline?"));
			}
	free(jobs);
	cu.multi_cleanup(m);
	return 0;
}
