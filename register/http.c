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
	CURLU *(*url)(void);
	void (*url_cleanup)(CURLU *u);
	CURLUcode (*url_set)(CURLU *u, CURLUPart what, const char *part, unsigned int flags);
	CURLUcode (*url_get)(const CURLU *u, CURLUPart what, char **part, unsigned int flags);
	void (*free)(void *p);
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
			CU_SYM(url, "curl_url");
			CU_SYM(url_cleanup, "curl_url_cleanup");
			CU_SYM(url_set, "curl_url_set");
			CU_SYM(url_get, "curl_url_get");
			CU_SYM(free, "curl_free");
#undef CU_SYM
		}
		cu.ok = lib && cu.global_init && cu.easy_init && cu.easy_setopt && cu.easy_perform && cu.easy_getinfo &&
		        cu.easy_strerror && cu.easy_cleanup && cu.slist_append && cu.slist_free_all &&
		        cu.url && cu.url_cleanup && cu.url_set && cu.url_get && cu.free &&
		        cu.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
	}
	if (!cu.ok)
		*err = xasprintf(_("cannot load the network library %s, which publishing needs; install it (on Debian: apt install libcurl4)"),
		                 CURL_SONAME);
	return cu.ok;
}

/* A part of the parsed URL, copied (NULL when absent). */
static char *url_part(CURLU *u, CURLUPart what)
{
	char *p = NULL;
	if (cu.url_get(u, what, &p, 0) != CURLUE_OK || !p)
		return NULL;
	char *c = xstrdup(p);
	cu.free(p);
	return c;
}

/* True for the register's own hosts: overheid.nl and the names under it,
 * written in plain ASCII (an international name as its xn-- form), without
 * a dot at the end, no IP address. */
static bool register_host(const char *h)
{
	size_t n = strlen(h);
	if (!n || h[0] == '.' || h[n - 1] == '.' || strstr(h, ".."))
		return false;
	for (const char *p = h; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= '0' && *p <= '9') && *p != '-' && *p != '.')
			return false;
	return !strcmp(h, "overheid.nl") || (n > 12 && !strcmp(h + n - 12, ".overheid.nl"));
}

/* Parses url with libcurl's own parser (the one that connects) and applies
 * the rules; the parsed URL in *out, or NULL with *err. */
static CURLU *url_parse(const char *url, bool register_only, char **host_out, char **err)
{
	*err = NULL;
	if (host_out)
		*host_out = NULL;
	if (!curl_open(err))
		return NULL;
	/* Blanks, control characters, bytes outside ASCII and \ are read
	 * differently by different programs; a register address has none. */
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= ' ' || *p >= 0x7f || *p == '\\') {
			*err = xstrdup(_("the register's address holds a blank, a backslash or a character outside plain ASCII; "
			                 "write it as https://host/path (an international name in its xn-- form)"));
			return NULL;
		}
	CURLU *u = cu.url();
	if (!u || cu.url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK) {
		if (u)
			cu.url_cleanup(u);
		*err = xstrdup(_("the register's address is not a web address that can be read; write it as https://host/path"));
		return NULL;
	}
	char *scheme = url_part(u, CURLUPART_SCHEME), *user = url_part(u, CURLUPART_USER),
	     *pass = url_part(u, CURLUPART_PASSWORD), *opts = url_part(u, CURLUPART_OPTIONS),
	     *host = url_part(u, CURLUPART_HOST), *query = url_part(u, CURLUPART_QUERY),
	     *frag = url_part(u, CURLUPART_FRAGMENT);
	if (!scheme || strcasecmp(scheme, "https"))
		*err = xstrdup(_("the register's address must start with https:// (the token is never sent unencrypted)"));
	else if (user || pass || opts || strchr(url, '@'))
		*err = xstrdup(_("the register's address holds a name or password before an @; a register address never "
		                 "does, and your token would go to the host after the @. Write it as https://host/path"));
	else if (!host || !*host)
		*err = xstrdup(_("the register's address names no host; write it as https://host/path"));
	else if (query || frag)
		*err = xstrdup(_("the register's address ends in a ? or # part; give only https://host/path"));
	if (!*err && register_only) {
		for (char *p = host; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		if (!register_host(host))
			*err = xasprintf(_("%s is not one of the register's own hosts (*.overheid.nl)"), host);
	}
	if (!*err && host_out) {
		*host_out = host;
		host = NULL;
	}
	free(scheme);
	free(user);
	reg_token_free(&pass);
	free(opts);
	free(host);
	free(query);
	free(frag);
	if (*err) {
		cu.url_cleanup(u);
		return NULL;
	}
	return u;
}

int reg_url_check(const char *url, bool register_only, char **host, char **err)
{
	CURLU *u = url_parse(url, register_only, host, err);
	if (!u)
		return -1;
	cu.url_cleanup(u);
	return 0;
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
	return reg_send_ex(rq, ans, NULL, err);
}

int reg_send_ex(const reg_request *rq, reg_answer *ans, bool *sent, char **err)
{
	if (sent)
		*sent = false;
	memset(ans, 0, sizeof *ans);
	ans->retry_after = -1;
	*err = NULL;
	if (!curl_open(err))
		return -1;
	/* The URL that connects is the one checked: libcurl gets the parsed
	 * handle, not the text again. */
	CURLU *u = url_parse(rq->url, rq->register_only, NULL, err);
	if (!u)
		return -1;
	CURL *c = cu.easy_init();
	if (!c) {
		cu.url_cleanup(u);
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
	cu.easy_setopt(c, CURLOPT_CURLU, u);
	cu.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
	cu.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
	/* Never follow a redirect: the token would go along to wherever it
	 * points. A 3xx answer is reported as it is. */
	cu.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	cu.easy_setopt(c, CURLOPT_MAXREDIRS, 0L);
	cu.easy_setopt(c, CURLOPT_UNRESTRICTED_AUTH, 0L);
	cu.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	cu.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
	cu.easy_setopt(c, CURLOPT_TIMEOUT, rq->timeout > 0 ? rq->timeout : 120L);
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
	if (sent) {
		/* Connected and past the handshake: the request may have arrived. */
		double pre = 0;
		cu.easy_getinfo(c, CURLINFO_PRETRANSFER_TIME, &pre);
		*sent = rc == CURLE_OK || pre > 0;
	}
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
			/* No advice to try again here: a POST may have been stored
			 * (the caller looks it up first). */
			*err = xasprintf(_("the register did not answer in time (%s)"), what);
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
	cu.url_cleanup(u);
	return out;
}
