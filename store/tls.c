/* store/tls: libgit2's start and end, and the certificates a sync over
 * https trusts.
 *
 * libgit2 sets up its TLS library, and with mbedTLS (Debian's libgit2) parses
 * the system's CA bundle, inside git_libgit2_init; libssh2 is set up there
 * too. Before a sync connects over http(s), store_tls_prepare installs the CA
 * file or folder the user named instead, as git does (GIT_SSL_CAINFO /
 * GIT_SSL_CAPATH, then http.sslCAInfo / http.sslCAPath), through libgit2's
 * own option (GIT_OPT_SET_SSL_CERT_LOCATIONS); without one, the system's
 * bundle that libgit2 loaded is what is trusted. */
#include "config.h"
#include "store/store_int.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

void store_tls_init(void)
{
	git_libgit2_init();
}

void store_tls_shutdown(void)
{
	git_libgit2_shutdown();
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
		/* Replaces the system's certificates, as in git. */
		if (git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, dir) < 0) {
			if (str_starts(from, "GIT_"))
				rc = store_fail(s, STORE_ERROR, _("cannot read the certificates in %s, named by the environment variable %s: %s; correct it or unset it (unset %s), and sync again; nothing was changed"),
				                s->ca_path, from, store_git_msg(), from);
			else
				rc = store_fail(s, STORE_ERROR, _("cannot read the certificates in %s, named by git config %s: %s; correct it or remove it (git config --unset %s), and sync again; nothing was changed"),
				                s->ca_path, from, store_git_msg(), from);
		}
	}
	free(file);
	free(dir);
	return rc;
}
