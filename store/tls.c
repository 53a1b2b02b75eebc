/* store/tls: the certificates that https needs (and libssh2), set up when a
 * sync needs them.
 *
 * Debian's libgit2 (built with mbedTLS) parses the system's whole CA bundle
 * inside git_libgit2_init: some 140 certificates, about 50 million
 * instructions, more than half of what a save by `algedit set` costs, spent
 * before anything knows whether a connection will ever be made. libgit2 has no
 * option to skip it. So this file defines mbedtls_x509_crt_parse_file and
 * mbedtls_x509_crt_parse_path itself; the dynamic linker binds libgit2's calls
 * to the executable's definitions first. While store_open runs
 * git_libgit2_init on this thread, a call only records the chain and the path;
 * at any other time it is the real function (dlsym RTLD_NEXT). Before a sync's
 * first connection, store_tls_prepare parses the recorded file into the
 * recorded chain, which libgit2's TLS configuration already points to, or
 * installs the CA file or folder the user named, as git does
 * (GIT_SSL_CAINFO / GIT_SSL_CAPATH, then http.sslCAInfo / http.sslCAPath).
 * With a libgit2 built against another TLS library nothing is recorded and
 * nothing changes. tests/e2e/store-https.sh proves that verification still
 * uses the system bundle, and that a save no longer opens it.
 *
 * libssh2_init, which git_libgit2_init also calls, sets up OpenSSL's engines
 * for ssh remotes (another million instructions); it is put off the same way
 * until store_ssh_prepare, before a sync. (libssh2 also sets itself up when
 * a session starts, so a path that forgot it would still work.) */
#include "config.h"
#include "store/store_int.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef int (*parse_fn)(void *chain, const char *path);
typedef int (*ssh_init_fn)(int flags);

/* What git_libgit2_init asked to parse, and did not get yet. */
static struct {
	pthread_mutex_t lock;
	void *chain;     /* libgit2's ca_chain, alive while libgit2 is initialised */
	char *path;
	bool is_dir;
	bool ssh;        /* libssh2_init(ssh_flags) is still to be called */
	int ssh_flags;
} deferred = { PTHREAD_MUTEX_INITIALIZER, NULL, NULL, false, false, 0 };

static _Thread_local bool deferring;

static parse_fn real_fn[2];  /* [0] the file parser, [1] the folder parser */
static ssh_init_fn real_ssh_init;
static pthread_once_t real_once = PTHREAD_ONCE_INIT;

static void find_real(void)
{
	real_fn[0] = (parse_fn)dlsym(RTLD_NEXT, "mbedtls_x509_crt_parse_file");
	real_fn[1] = (parse_fn)dlsym(RTLD_NEXT, "mbedtls_x509_crt_parse_path");
	real_ssh_init = (ssh_init_fn)dlsym(RTLD_NEXT, "libssh2_init");
}

static int real_ssh(int flags)
{
	pthread_once(&real_once, find_real);
	return real_ssh_init ? real_ssh_init(flags) : -1;
}

static int real_parse(bool is_dir, void *chain, const char *path)
{
	pthread_once(&real_once, find_real);
	/* Without mbedTLS nobody calls these; -1 is the library's own "failed". */
	return real_fn[is_dir] ? real_fn[is_dir](chain, path) : -1;
}

static int parse_or_defer(bool is_dir, void *chain, const char *path)
{
	if (!deferring)
		return real_parse(is_dir, chain, path);
	pthread_mutex_lock(&deferred.lock);
	free(deferred.path);
	deferred.chain = chain;
	deferred.path = xstrdup(path);
	deferred.is_dir = is_dir;
	pthread_mutex_unlock(&deferred.lock);
	return 0;
}

/* The interposed functions: the declarations are mbedTLS's own, with the
 * chain opaque (mbedtls_x509_crt *) so that no mbedTLS header is needed. */
int mbedtls_x509_crt_parse_file(void *chain, const char *path);
int mbedtls_x509_crt_parse_path(void *chain, const char *path);

int mbedtls_x509_crt_parse_file(void *chain, const char *path)
{
	return parse_or_defer(false, chain, path);
}

int mbedtls_x509_crt_parse_path(void *chain, const char *path)
{
	return parse_or_defer(true, chain, path);
}

int libssh2_init(int flags);
int libssh2_init(int flags)
{
	if (!deferring)
		return real_ssh(flags);
	pthread_mutex_lock(&deferred.lock);
	deferred.ssh = true;
	deferred.ssh_flags = flags;
	pthread_mutex_unlock(&deferred.lock);
	return 0;
}

void store_ssh_prepare(void)
{
	pthread_mutex_lock(&deferred.lock);
	if (deferred.ssh)
		(void)real_ssh(deferred.ssh_flags);
	deferred.ssh = false;
	pthread_mutex_unlock(&deferred.lock);
}

bool store_ssh_pending(void)
{
	pthread_mutex_lock(&deferred.lock);
	bool p = deferred.ssh;
	pthread_mutex_unlock(&deferred.lock);
	return p;
}

void store_tls_init(void)
{
	deferring = true;
	git_libgit2_init();
	deferring = false;
}

/* Drops the certificates still to be parsed (the chain goes with libgit2's
 * last shutdown, or is replaced by what the user named). */
static void forget(void)
{
	pthread_mutex_lock(&deferred.lock);
	xfree(&deferred.path);
	deferred.chain = NULL;
	pthread_mutex_unlock(&deferred.lock);
}

void store_tls_shutdown(void)
{
	if (git_libgit2_shutdown() == 0) {
		forget();
		/* libgit2 has called libssh2_exit, which ignores a libssh2 that was
		 * never set up. */
		pthread_mutex_lock(&deferred.lock);
		deferred.ssh = false;
		pthread_mutex_unlock(&deferred.lock);
	}
}

bool store_tls_pending(void)
{
	pthread_mutex_lock(&deferred.lock);
	bool p = deferred.path != NULL;
	pthread_mutex_unlock(&deferred.lock);
	return p;
}

/* The CA file and folder the user named, as git reads them: the environment
 * first, then the repository's (and global) config. */
static void user_locations(store *s, char **file, char **dir, const char **from)
{
	*file = *dir = NULL;
	*from = NULL;
	const char *ef = getenv("GIT_SSL_CAINFO"), *ed = getenv("GIT_SSL_CAPATH");
	if ((ef && *ef) || (ed && *ed)) {
		*file = ef && *ef ? xstrdup(ef) : NULL;
		*dir = ed && *ed ? xstrdup(ed) : NULL;
		*from = *file ? "GIT_SSL_CAINFO" : "GIT_SSL_CAPATH";
		return;
	}
	git_config *cfg = NULL;
	if (git_repository_config_snapshot(&cfg, s->repo) < 0) {
		git_error_clear();
		return;
	}
	git_buf b = { 0 };
	if (git_config_get_path(&b, cfg, "http.sslCAInfo") == 0 && b.ptr && *b.ptr) {
		*file = xstrdup(b.ptr);
		*from = "http.sslCAInfo";
	}
	git_buf_dispose(&b);
	if (git_config_get_path(&b, cfg, "http.sslCAPath") == 0 && b.ptr && *b.ptr) {
		*dir = xstrdup(b.ptr);
		if (!*from)
			*from = "http.sslCAPath";
	}
	git_buf_dispose(&b);
	git_error_clear();
	git_config_free(cfg);
}

store_status store_tls_prepare(store *s)
{
	char *file, *dir;
	const char *from;
	user_locations(s, &file, &dir, &from);
	store_status rc = STORE_OK;
	xfree(&s->ca_path);
	s->ca_from = NULL;
	if (file || dir) {
		s->ca_path = xstrdup(file ? file : dir);
		s->ca_from = from;
		/* Replaces the system's certificates, as in git; the deferred chain
		 * is freed by libgit2 on the way, so it is forgotten first. */
		forget();
		if (git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, dir) < 0) {
			if (str_starts(from, "GIT_"))
				rc = store_fail(s, STORE_ERROR, _("cannot read the certificates in %s, named by the environment variable %s: %s; correct it or unset it (unset %s), and sync again; nothing was changed"),
				                s->ca_path, from, store_git_msg(), from);
			else
				rc = store_fail(s, STORE_ERROR, _("cannot read the certificates in %s, named by git config %s: %s; correct it or remove it (git config --unset %s), and sync again; nothing was changed"),
				                s->ca_path, from, store_git_msg(), from);
		}
	} else {
		pthread_mutex_lock(&deferred.lock);
		if (deferred.path) {
			/* A bundle that does not parse leaves the chain short, as it
			 * would have at start-up: the server is then not trusted, and
			 * the sync says so. */
			(void)real_parse(deferred.is_dir, deferred.chain, deferred.path);
			xfree(&deferred.path);
			deferred.chain = NULL;
		}
		pthread_mutex_unlock(&deferred.lock);
	}
	free(file);
	free(dir);
	return rc;
}
