/* sign: signed approvals and the review settings of the user's own config.
 * An approval is signed with the reviewer's SSH key as git signs with
 * gpg.format=ssh: `ssh-keygen -Y sign` over the record's payload
 * (review_rec_payload) in a namespace of algedit's own, and verified with
 * `ssh-keygen -Y verify` against the allowed-signers file the user names,
 * for the principal that is the record's e-mail address. The settings that
 * weaken or strengthen a safety rule (review.self-approve,
 * review.require-signatures, review.allowed-signers, review.signing-key)
 * are read from the user's own config only, never from a repository, which
 * arrives from others through sync. */
#include "config.h"
#include "store/store_int.h"
#include "forms/review.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char *cfg_string(git_config *cfg, const char *key)
{
	git_buf b = { 0 };
	char *out = NULL;
	if (git_config_get_path(&b, cfg, key) == 0 && b.ptr && *b.ptr)
		out = xstrdup(b.ptr);
	git_buf_dispose(&b);
	git_error_clear();
	return out;
}

static bool cfg_bool(git_config *cfg, const char *key)
{
	int v = 0;
	if (git_config_get_bool(&v, cfg, key) < 0)
		v = 0;
	git_error_clear();
	return v != 0;
}

void store_review_policy_read(store_review_policy *p)
{
	memset(p, 0, sizeof *p);
	char *path = store_identity_path();
	struct stat st;
	git_config *cfg = NULL;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && git_config_open_ondisk(&cfg, path) == 0) {
		p->self_approve = cfg_bool(cfg, "review.self-approve");
		p->require_signatures = cfg_bool(cfg, "review.require-signatures");
		p->allowed_signers = cfg_string(cfg, "review.allowed-signers");
		p->signing_key = cfg_string(cfg, "review.signing-key");
	}
	git_error_clear();
	git_config_free(cfg);
	free(path);
}

void store_review_policy_done(store_review_policy *p)
{
	free(p->allowed_signers);
	free(p->signing_key);
	memset(p, 0, sizeof *p);
}

bool store_review_self_approve(store *s)
{
	(void)s;
	store_review_policy p;
	store_review_policy_read(&p);
	bool yes = p.self_approve;
	store_review_policy_done(&p);
	return yes;
}

bool store_review_repo_self_approve(store *s)
{
	char *path = xasprintf("%s.algedit/config", s->workdir);
	char *data = NULL;
	size_t len = 0;
	bool named = false;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0) {
		close(fd);
		if (read_file(path, 64 * 1024, &data, &len) == 0)
			named = memmem(data, len, "self-approve", 12) != NULL;
	}
	free(data);
	free(path);
	return named;
}

/* A temporary file holding data; its name in path (64 bytes). */
static int temp_with(char path[64], const char *data, size_t len)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(path, 64, "%s/algedit-sig.XXXXXX", tmp && tmp[0] == '/' && strlen(tmp) < 40 ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	size_t off = 0;
	while (off < len) {
		ssize_t k = write(fd, data + off, len - off);
		if (k < 0) {
			close(fd);
			unlink(path);
			return -1;
		}
		off += (size_t)k;
	}
	if (lseek(fd, 0, SEEK_SET) < 0) {
		close(fd);
		unlink(path);
		return -1;
	}
	return fd;
}

/* Runs argv (ssh-keygen from PATH) with stdin from in_fd; what it prints on
 * stdout in *out (may be NULL), on stderr in *errout (may be NULL). Returns
 * its exit status, -1 when it could not run. */
static int run(const char *const argv[], int in_fd, char **out, char **errout)
{
	char opath[64], epath[64];
	int ofd = temp_with(opath, "", 0), efd = temp_with(epath, "", 0);
	if (ofd >= 0)
		unlink(opath);
	if (efd >= 0)
		unlink(epath);
	if (ofd < 0 || efd < 0) {
		if (ofd >= 0)
			close(ofd);
		if (efd >= 0)
			close(efd);
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(in_fd, 0);
		dup2(ofd, 1);
		dup2(efd, 2);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	int status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	for (int k = 0; k < 2; k++) {
		int fd = k ? efd : ofd;
		char **dst = k ? errout : out;
		if (dst) {
			strbuf b = STRBUF_INIT;
			sb_adds(&b, "");
			char buf[4096];
			ssize_t n;
			lseek(fd, 0, SEEK_SET);
			while ((n = read(fd, buf, sizeof buf)) > 0 && b.len < 1024 * 1024)
				sb_add(&b, buf, (size_t)n);
			*dst = sb_take(&b);
		}
		close(fd);
	}
	if (pid < 0 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status) == 127 ? -1 : WEXITSTATUS(status);
}

char *store_sign(const char *key, const char *payload, size_t len, char **err)
{
	*err = NULL;
	char ppath[64];
	int pfd = temp_with(ppath, payload, len);
	if (pfd < 0) {
		*err = xasprintf(_("cannot sign the approval: %s"), strerror(errno));
		return NULL;
	}
	unlink(ppath);
	const char *const argv[] = { "ssh-keygen", "-q", "-Y", "sign", "-f", key, "-n", REVIEW_SIG_NAMESPACE, NULL };
	char *out = NULL, *eout = NULL;
	int rc = run(argv, pfd, &out, &eout);
	close(pfd);
	if (rc != 0 || !out || !strstr(out, "-----BEGIN SSH SIGNATURE-----")) {
		eout[strcspn(eout, "\n")] = '\0';
		*err = rc < 0 ? xstrdup(_("cannot sign the approval: ssh-keygen cannot be run (on Debian: apt install openssh-client)"))
		              : xasprintf(_("ssh-keygen could not sign the approval with the key %s (review.signing-key): %s"), key,
		                          *eout ? eout : "?");
		free(out);
		free(eout);
		return NULL;
	}
	free(eout);
	/* The armoured block only, without the line break at its end. */
	size_t n = strlen(out);
	while (n && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = '\0';
	return out;
}

int store_sig_verify(const char *allowed, const char *principal, const char *payload, size_t len, const char *sig)
{
	if (!sig || !*sig)
		return REVIEW_SIG_NONE;
	if (!allowed || !principal || !*principal)
		return REVIEW_SIG_UNCHECKED;
	struct stat st;
	if (stat(allowed, &st) < 0 || !S_ISREG(st.st_mode))
		return REVIEW_SIG_UNCHECKED;
	char ppath[64], spath[64];
	int pfd = temp_with(ppath, payload, len);
	if (pfd < 0)
		return REVIEW_SIG_UNCHECKED;
	unlink(ppath);
	char *armour = xasprintf("%s\n", sig);
	int sfd = temp_with(spath, armour, strlen(armour));
	free(armour);
	if (sfd < 0) {
		close(pfd);
		return REVIEW_SIG_UNCHECKED;
	}
	close(sfd);
	const char *const argv[] = { "ssh-keygen", "-Y", "verify", "-f", allowed, "-I", principal,
	                 "-n", REVIEW_SIG_NAMESPACE, "-s", spath, NULL };
	int rc = run(argv, pfd, NULL, NULL);
	close(pfd);
	unlink(spath);
	return rc == 0 ? REVIEW_SIG_VERIFIED : rc < 0 ? REVIEW_SIG_UNCHECKED : REVIEW_SIG_BAD;
}

void store_review_verify(review_rec *recs, size_t n, const store_review_policy *p)
{
	for (size_t i = 0; i < n; i++) {
		review_rec *r = &recs[i];
		if (r->kind != RK_APPROVE || r->problem || !r->signature) {
			r->sig = REVIEW_SIG_NONE;
			continue;
		}
		char *who = review_ident(r->email);
		size_t len;
		char *payload = review_rec_payload(r, &len);
		r->sig = store_sig_verify(p->allowed_signers, who, payload, len, r->signature);
		free(payload);
		free(who);
	}
}

int store_review_sign(store *s, review_rec *rec, char **err)
{
	*err = NULL;
	store_review_policy pol;
	store_review_policy_read(&pol);
	int rc = 0;
	if (pol.signing_key) {
		/* Signed over the record as it will be written: author, time and id set. */
		if (store_review_fill(s, rec) != STORE_OK) {
			*err = xstrdup(store_error(s));
			rc = -1;
		} else {
			size_t plen;
			char *payload = review_rec_payload(rec, &plen);
			free(rec->signature);
			rec->signature = store_sign(pol.signing_key, payload, plen, err);
			free(payload);
			rc = rec->signature ? 1 : -1;
		}
	} else if (pol.require_signatures) {
		*err = xstrdup(_("your config requires signed approvals (review.require-signatures), but names no key to sign "
		                 "with; set it once with: git config -f ~/.config/algedit/config review.signing-key ~/.ssh/id_ed25519"));
		rc = -1;
	}
	store_review_policy_done(&pol);
	return rc;
}
