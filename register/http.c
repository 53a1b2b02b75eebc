/* http: one request to the register through libcurl, the only file that
 * includes curl. HTTPS only, no redirects followed (the token must not go
 * anywhere else), bounded times and answer size. The library is opened here
 * (dlopen) when a request is sent, so that the commands that never send
 * one do not load it and the twenty libraries it needs. */
#include "config.h"
#include "register/register.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct sink {
	strbuf b;
	long retry_after;
} sink;

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
	sink *s = arg;
	size_t k = size * n;
	if (s->b.len + k > REG_MAX_ANSWER)
		return 0; /* ends the transfer: CURLE_WRITE_ERROR */
	sb_add(&s->b, data, k);
	return k;
}

static size_t on_header(char *data, size_t size, size_t n, void *arg)
{
	sink *s = arg;
	size_t k = size * n;
	static const char name[] = "retry-after:";
	if (k > sizeof name - 1 && !strncasecmp(data, name, sizeof name - 1)) {
		char tmp[32];
		size_t m = k - (sizeof name - 1);
		if (m >= sizeof tmp)
			m = sizeof tmp - 1;
		memcpy(tmp, data + sizeof name - 1, m);
		tmp[m] = '\0';
		char *end;
		long v = strtol(tmp, &end, 10);
		/* Seconds; an HTTP date is not waited for to the second: a short pause. */
		s->retry_after = end != tmp && v >= 0 ? v : 5;
	}
	return k;
}

/* The functions of libcurl algedit uses, from the opened library. */
static struct {
	CURLcode (*global_init)(long flags);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *c, CURLoption opt, ...);
	CURLcode (*easy_perform)(CURL *c);
	CURLcode (*easy_getinfo)(CURL *c, CURLINFO info, ...);
	const char *(*easy_strerror)(CURLcode rc);
	void (*easy_cleanup)(CURL *c);
	struct curl_slist *(*slist_append)(struct curl_slist *l, const char *s);
	void (*slist_free_all)(struct curl_slist *l);
	bool tried, ok;
} cu;

static bool curl_open(char **err)
{
	if (!cu.tried) {
		cu.tried = true;
		void *lib = dlopen(CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
		if (!lib) /* the development link, where the configured name is not there */
			lib = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
		if (lib) {
#define CU_SYM(field, name) (*(void **)&cu.field = dlsym(lib, name))
			CU_SYM(global_init, "curl_global_init");
			CU_SYM(easy_init, "curl_easy_init");
			CU_SYM(easy_setopt, "curl_easy_setopt");
			CU_SYM(easy_perform, "curl_easy_perform");
			CU_SYM(easy_getinfo, "curl_easy_getinfo");
			CU_SYM(easy_strerror, "curl_easy_strerror");
			CU_SYM(easy_cleanup, "curl_easy_cleanup");
			CU_SYM(slist_append, "curl_slist_append");
			CU_SYM(slist_free_all, "curl_slist_free_all");
#undef CU_SYM
		}
		cu.ok = lib && cu.global_init && cu.easy_init && cu.easy_setopt && cu.easy_perform && cu.easy_getinfo &&
		        cu.easy_strerror && cu.easy_cleanup && cu.slist_append && cu.slist_free_all &&
		        cu.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
	}
	if (!cu.ok)
		*err = xasprintf(_("cannot load the network library %s, which publishing needs; install it (on Debian: apt install libcurl4)"),
		                 CURL_SONAME);
	return cu.ok;
}

void reg_answer_done(reg_answer *ans)
{
	free(ans->body);
	ans->body = NULL;
	ans->len = 0;
}

static char *tls_advice(const reg_request *rq, const char *what)
{
	if (rq->cacert)
		return xasprintf(_("the register's certificate is not trusted: %s. Only the certificates in %s are trusted "
		                   "(named by --cacert, CURL_CA_BUNDLE or register.cacert); check that file, or leave it out to "
		                   "trust the system's certificates"), what, rq->cacert);
	return xasprintf(_("the register's certificate is not trusted: %s. For a test environment with its own "
	                   "certificate authority, name its CA file with --cacert FILE (or CURL_CA_BUNDLE, or "
	                   "register.cacert in the config)"), what);
}

int reg_send(const reg_request *rq, reg_answer *ans, char **err)
{
	memset(ans, 0, sizeof *ans);
	ans->retry_after = -1;
	*err = NULL;
	if (!curl_open(err))
		return -1;
	CURL *c = cu.easy_init();
	if (!c) {
		*err = xstrdup(_("cannot start the network library (libcurl)"));
		return -1;
	}
	sink s = { STRBUF_INIT, -1 };
	char ebuf[CURL_ERROR_SIZE] = "";
	struct curl_slist *h = NULL;
	char *auth = rq->token ? xasprintf("Authorization: Bearer %s", rq->token) : NULL;
	if (auth)
		h = cu.slist_append(h, auth);
	h = cu.slist_append(h, "Content-Type: application/json");
	h = cu.slist_append(h, "Accept: application/json");
	h = cu.slist_append(h, "Expect:");
	cu.easy_setopt(c, CURLOPT_URL, rq->url);
	cu.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
	cu.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	cu.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	cu.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
	cu.easy_setopt(c, CURLOPT_TIMEOUT, 120L);
	cu.easy_setopt(c, CURLOPT_USERAGENT, "algedit/" PACKAGE_VERSION);
	cu.easy_setopt(c, CURLOPT_HTTPHEADER, h);
	if (rq->body) {
		cu.easy_setopt(c, CURLOPT_CUSTOMREQUEST, rq->method);
		cu.easy_setopt(c, CURLOPT_POSTFIELDS, rq->body);
		cu.easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)rq->len);
	} else {
		cu.easy_setopt(c, CURLOPT_HTTPGET, 1L); /* a GET: no body */
	}
	cu.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	cu.easy_setopt(c, CURLOPT_WRITEDATA, &s);
	cu.easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	cu.easy_setopt(c, CURLOPT_HEADERDATA, &s);
	cu.easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	if (rq->cacert)
		cu.easy_setopt(c, CURLOPT_CAINFO, rq->cacert);
	CURLcode rc = cu.easy_perform(c);
	int out = 0;
	if (rc == CURLE_OK) {
		cu.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &ans->status);
		ans->retry_after = s.retry_after;
		ans->len = s.b.len;
		ans->body = sb_take(&s.b);
	} else {
		const char *what = *ebuf ? ebuf : cu.easy_strerror(rc);
		switch (rc) {
		case CURLE_PEER_FAILED_VERIFICATION:
		case CURLE_SSL_CACERT_BADFILE:
		case CURLE_SSL_CERTPROBLEM:
			*err = tls_advice(rq, what);
			break;
		case CURLE_UNSUPPORTED_PROTOCOL:
			*err = xstrdup(_("the register's address must start with https:// (the token is never sent unencrypted)"));
			break;
		case CURLE_WRITE_ERROR:
			*err = xstrdup(_("the register's answer is larger than any answer it gives; nothing was read of it"));
			break;
		case CURLE_OPERATION_TIMEDOUT:
			*err = xasprintf(_("the register did not answer in time (%s); check your network connection and try again later"), what);
			break;
		default:
			*err = xasprintf(_("cannot reach the register: %s; check the address (--url, register.url) and your network connection"), what);
		}
		out = -1;
	}
	sb_done(&s.b);
	cu.slist_free_all(h);
	if (auth) {
		reg_token_free(&auth);
	}
	cu.easy_cleanup(c);
	return out;
}
