/* http: one request to the register through libcurl, the only file that
 * includes curl. HTTPS only, no redirects followed (the token must not go
 * anywhere else), bounded times and answer size. */
#include "config.h"
#include "register/register.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <curl/curl.h>
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
	static bool inited;
	if (!inited) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			*err = xstrdup(_("cannot start the network library (libcurl)"));
			return -1;
		}
		inited = true;
	}
	CURL *c = curl_easy_init();
	if (!c) {
		*err = xstrdup(_("cannot start the network library (libcurl)"));
		return -1;
	}
	sink s = { STRBUF_INIT, -1 };
	char ebuf[CURL_ERROR_SIZE] = "";
	struct curl_slist *h = NULL;
	char *auth = rq->token ? xasprintf("Authorization: Bearer %s", rq->token) : NULL;
	if (auth)
		h = curl_slist_append(h, auth);
	h = curl_slist_append(h, "Content-Type: application/json");
	h = curl_slist_append(h, "Accept: application/json");
	h = curl_slist_append(h, "Expect:");
	curl_easy_setopt(c, CURLOPT_URL, rq->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 120L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "algedit/" PACKAGE_VERSION);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, rq->method);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, rq->body);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)rq->len);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &s);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	if (rq->cacert)
		curl_easy_setopt(c, CURLOPT_CAINFO, rq->cacert);
	CURLcode rc = curl_easy_perform(c);
	int out = 0;
	if (rc == CURLE_OK) {
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &ans->status);
		ans->retry_after = s.retry_after;
		ans->len = s.b.len;
		ans->body = sb_take(&s.b);
	} else {
		const char *what = *ebuf ? ebuf : curl_easy_strerror(rc);
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
	curl_slist_free_all(h);
	if (auth) {
		reg_token_free(&auth);
	}
	curl_easy_cleanup(c);
	return out;
}
