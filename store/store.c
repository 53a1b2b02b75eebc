/* store: opening and creating the drafts repository, reading and saving
 * descriptions, the author, the history of one description (see store.h).
 * A save commits one file by building the new tree from HEAD's tree, so what
 * another tool staged in the index is never swept into the commit. */
#include "config.h"
#include "store/store_int.h"
#include "forms/slug.h"
#include "base/base.h"
#include "base/paths.h"
#include "base/escape.h"
#include "base/contain.h"
#include "i18n/i18n.h"

#include <dirent.h>
#include <pwd.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Folders the program creates for drafts are its owner's alone: a
 * description can be confidential until it is published. */
#define DRAFTS_DIR_MODE 0700

#define DESC_DIR "algoritmes/"

static const char readme_text[] =
	"# Beschrijvingen voor het Algoritmeregister\n"
	"\n"
	"Deze map is een git-repository die algedit bijhoudt. Elke beschrijving staat\n"
	"in `algoritmes/<naam>.yaml`, met de sleutels van de publicatiestandaard van het\n"
	"Algoritmeregister. Elke keer opslaan is een commit, dus `git log` toont de\n"
	"geschiedenis en `algedit diff` wat er per veld veranderde.\n"
	"\n"
	"Je kunt de bestanden met andere programma's lezen. Pas ze bij voorkeur aan met\n"
	"algedit: dat controleert ze tegen de standaard en voegt wijzigingen van\n"
	"collega's per veld samen (`algedit sync`).\n"
	"\n"
	"`.algedit/dictionary.txt` bevat de eigen woorden van het team voor de\n"
	"spellingcontrole, een woord per regel.\n"
	"\n"
	"---\n"
	"\n"
	"Descriptions for the Dutch Algorithm Register, kept by algedit: one file per\n"
	"description in `algoritmes/`, every save a commit. Edit them with algedit,\n"
	"which checks them against the standard and merges colleagues' changes field\n"
	"by field (`algedit sync`).\n";

/* ---- errors ---- */

store_status store_fail(store *s, store_status st, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *m = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	m[0] = '\0';
	if (n > 0)
		vsnprintf(m, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	free(s->err);
	/* Messages name remotes by their URL: never with a password in it. */
	s->err = url_redact(m);
	free(m);
	return st;
}

const char *store_git_msg(void)
{
	static _Thread_local char line[2048];
	const git_error *e = git_error_last();
	const char *m = e && e->message ? e->message : "unknown error";
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)m; *p && n + 1 < sizeof line; p++) {
		bool ctl = *p < 0x20 || *p == 0x7f;
		if (ctl && (n == 0 || line[n - 1] == ' '))
			continue;
		line[n++] = ctl ? ' ' : (char)*p;
	}
	while (n > 0 && line[n - 1] == ' ')
		n--;
	line[n] = '\0';
	return line;
}

int store_commit_create(git_oid *id, git_repository *repo, const char *update_ref, const git_signature *sig,
                        const char *message, const git_tree *tree, size_t nparents, const git_commit *parents[])
{
	git_error_clear();
	if (git_commit_create(id, repo, update_ref, sig, sig, NULL, message, tree, nparents, parents) < 0)
		return -1;
	/* The failed write's message (no space...) is what the user needs. */
	const git_error *e = git_error_last();
	int klass = e ? e->klass : GIT_ERROR_ODB;
	char *why = e && e->message ? xstrdup(e->message) : NULL;
	git_odb *odb = NULL;
	bool written = git_repository_odb(&odb, repo) == 0 && git_odb_exists(odb, id);
	git_odb_free(odb);
	if (!written)
		git_error_set_str(klass, why ? why : "the commit was not written");
	else
		git_error_clear();
	free(why);
	return written ? 0 : -1;
}

/* The index entry for a file just written with the blob id: what
 * git_index_add_bypath makes, without reading and hashing the file again
 * and writing its blob a second time (a file created and removed). */
int store_index_add_written(git_index *idx, const char *abs, const char *rel, const git_oid *id)
{
	struct stat st;
	if (lstat(abs, &st) < 0) {
		git_error_set_str(GIT_ERROR_OS, strerror(errno));
		return -1;
	}
	git_index_entry e;
	memset(&e, 0, sizeof e);
	e.ctime.seconds = (int32_t)st.st_ctim.tv_sec;
	e.ctime.nanoseconds = (uint32_t)st.st_ctim.tv_nsec;
	e.mtime.seconds = (int32_t)st.st_mtim.tv_sec;
	e.mtime.nanoseconds = (uint32_t)st.st_mtim.tv_nsec;
	e.dev = (uint32_t)st.st_dev;
	e.ino = (uint32_t)st.st_ino;
	e.mode = GIT_FILEMODE_BLOB;
	e.uid = (uint32_t)st.st_uid;
	e.gid = (uint32_t)st.st_gid;
	e.file_size = (uint32_t)st.st_size;
	e.path = rel;
	git_oid_cpy(&e.id, id);
	/* As git_index_add_bypath: a conflict left on the path (after a stash
	 * that did not apply, say) is settled by this version. */
	if (git_index_has_conflicts(idx)) {
		(void)git_index_conflict_remove(idx, rel);
		git_error_clear();
	}
	return git_index_add(idx, &e);
}

const char *store_error(const store *s)
{
	return s->err ? s->err : "";
}

const char *store_workdir(const store *s)
{
	return s->workdir;
}

const standard *store_standard(const store *s)
{
	return s->std;
}

uint64_t store_fnv1a(const char *data, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* ---- opening ---- */

char *store_default_dir(void)
{
	return xdg_path(XDG_DATA, "register");
}

static bool dir_is_empty(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return false;
	struct dirent *e;
	bool empty = true;
	while (empty && (e = readdir(d)))
		empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
	closedir(d);
	return empty;
}

static char *with_slash(const char *p)
{
	return str_ends(p, "/") ? xstrdup(p) : xasprintf("%s/", p);
}

/* The first commit of a new repository: the README and .algedit/. */
static int first_commit(store *s)
{
	char *readme = xasprintf("%sREADME.md", s->workdir);
	char *adir = xasprintf("%s.algedit", s->workdir);
	char *dict = xasprintf("%s.algedit/dictionary.txt", s->workdir);
	int rc = -1;
	git_index *idx = NULL;
	git_tree *tree = NULL;
	git_signature *sig = NULL;
	git_oid tree_id, commit_id;
	if (write_file_atomic(readme, readme_text, sizeof readme_text - 1) < 0 ||
	    mkdir_p(adir, DRAFTS_DIR_MODE) < 0 || write_file_atomic(dict, "", 0) < 0) {
		store_fail(s, STORE_IO, _("cannot create the first files in %s: %s; make the folder writable and start again"),
		           s->workdir, strerror(errno));
		goto out;
	}
	if (git_repository_index(&idx, s->repo) < 0 || git_index_add_bypath(idx, "README.md") < 0 ||
	    git_index_add_bypath(idx, ".algedit/dictionary.txt") < 0 ||
	    git_index_write_tree(&tree_id, idx) < 0 || git_index_write(idx) < 0 ||
	    git_tree_lookup(&tree, s->repo, &tree_id) < 0) {
		store_fail(s, STORE_ERROR, _("cannot create the first commit in %s: %s"), s->workdir, store_git_msg());
		goto out;
	}
	/* The author may not be known yet: this commit is the program's own. */
	if (store_signature(s, &sig) != STORE_OK && git_signature_now(&sig, "algedit", "algedit@localhost") < 0) {
		store_fail(s, STORE_ERROR, _("cannot create the first commit in %s: %s"), s->workdir, store_git_msg());
		goto out;
	}
	if (store_commit_create(&commit_id, s->repo, "HEAD", sig, "Nieuwe map voor beschrijvingen (algedit)\n", tree, 0, NULL) < 0) {
		store_fail(s, STORE_ERROR, _("cannot create the first commit in %s: %s"), s->workdir, store_git_msg());
		goto out;
	}
	rc = 0;
out:
	git_signature_free(sig);
	git_tree_free(tree);
	git_index_free(idx);
	free(readme);
	free(adir);
	free(dict);
	return rc;
}

/* True when path holds a repository (.git) that another user owns: libgit2
 * 1.5.1 refuses to open it, but reports "not found" rather than GIT_EOWNER. */
static bool foreign_repo(const char *path)
{
	struct stat top, git;
	char *g = xasprintf("%s/.git", path);
	bool r = stat(path, &top) == 0 && stat(g, &git) == 0 && (top.st_uid != geteuid() || git.st_uid != geteuid());
	free(g);
	return r;
}

/* A repository of another user: git (and libgit2) refuse to work in it, so
 * that its config cannot run programs as the person who opens it. */
static char *owner_message(const char *path)
{
	struct stat st;
	char *git = xasprintf("%s/.git", path);
	uid_t uid = (uid_t)-1;
	if (stat(path, &st) == 0)
		uid = st.st_uid;
	if (uid == geteuid() && stat(git, &st) == 0)
		uid = st.st_uid;
	free(git);
	struct passwd *pw = uid != (uid_t)-1 ? getpwuid(uid) : NULL;
	char *who = pw ? xstrdup(pw->pw_name) : xasprintf("%ld", (long)uid);
	char *abs = realpath(path, NULL);
	char *m = xasprintf(_("the repository in %s belongs to another user (%s), and git does not work in another user's repository. "
	                      "Work in a copy of your own (git clone %s DIR, then -C DIR), or, if you trust that user, allow it once with: "
	                      "git config --global --add safe.directory %s"),
	                    path, who, abs ? abs : path, abs ? abs : path);
	free(abs);
	free(who);
	return m;
}

store_status store_open(const standard *std, const char *dir, store **out, char **err)
{
	*out = NULL;
	*err = NULL;
	store_tls_init();
	/* As git reads objects: the hash of every object read is not computed
	 * again (git fsck does that), and trees of a few thousand entries, like
	 * algoritmes/ itself, stay parsed in the cache instead of being parsed
	 * for every look-up (libgit2 caches trees of at most 4 KiB by default).
	 * Together about a third of the instructions of a save. */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, (int)GIT_OBJECT_TREE, (size_t)(1 << 20));
	store *s = xcalloc(1, sizeof *s);
	s->std = std;
	char *path = dir && *dir ? xstrdup(dir) : store_default_dir();
	bool created = false;
	struct stat st;
	store_status rc = STORE_OK;
	if (stat(path, &st) < 0) {
		if (mkdir_p(path, DRAFTS_DIR_MODE) < 0) {
			*err = xasprintf(_("cannot create the folder %s: %s; choose another with -C DIR"), path, strerror(errno));
			rc = STORE_IO;
			goto fail;
		}
		created = true;
	} else if (!S_ISDIR(st.st_mode)) {
		*err = xasprintf(_("%s is not a folder; give the folder of a drafts repository with -C DIR"), path);
		rc = STORE_ERROR;
		goto fail;
	}
	/* No search upwards: a home folder that is itself a git repository must
	 * not swallow the drafts. */
	int e = git_repository_open_ext(&s->repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
	if (e == GIT_ENOTFOUND && (created || dir_is_empty(path))) {
		git_repository_init_options io;
		git_repository_init_options_init(&io, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
		io.flags = GIT_REPOSITORY_INIT_MKPATH;
		io.initial_head = "main";
		if (git_repository_init_ext(&s->repo, path, &io) < 0) {
			*err = xasprintf(_("cannot create a repository in %s: %s"), path, store_git_msg());
			rc = STORE_ERROR;
			goto fail;
		}
		created = true;
	} else if (e < 0) {
		if (e == GIT_EOWNER || (e == GIT_ENOTFOUND && foreign_repo(path)))
			*err = owner_message(path);
		else if (e == GIT_ENOTFOUND)
			*err = xasprintf(_("%s is neither a git repository nor an empty folder; give an empty folder or a repository with -C DIR"), path);
		else
			*err = xasprintf(_("cannot open the repository in %s: %s"), path, store_git_msg());
		rc = STORE_ERROR;
		goto fail;
	} else {
		created = false;
	}
	if (git_repository_is_bare(s->repo)) {
		*err = xasprintf(_("%s is a bare repository without files to edit; clone it (git clone %s DIR) and use -C DIR"), path, path);
		rc = STORE_ERROR;
		goto fail;
	}
	s->workdir = with_slash(git_repository_workdir(s->repo));
	s->gitdir = with_slash(git_repository_path(s->repo));
	if (created && first_commit(s) < 0) {
		*err = xstrdup(store_error(s));
		rc = STORE_ERROR;
		goto fail;
	}
	free(path);
	*out = s;
	return STORE_OK;
fail:
	free(path);
	store_free(&s);
	return rc;
}

void store_free(store **ps)
{
	store *s = *ps;
	if (!s)
		return;
	(void)store_batch_end(s);
	store_lv_save(s);
	store_lv_free(&s->lv);
	git_repository_free(s->repo);
	free(s->workdir);
	free(s->gitdir);
	free(s->err);
	free(s->ca_path);
	for (size_t i = 0; i < s->njc; i++)
		free(s->jc[i].slug);
	free(s->jc);
	free(s);
	*ps = NULL;
	store_tls_shutdown();
}

/* ---- descriptions ---- */

char *store_relpath(const char *slug)
{
	return slug_valid(slug) ? xasprintf(DESC_DIR "%s.yaml", slug) : NULL;
}

/* store_tree_blob has no store at hand: its calls are counted here, for
 * every store of the process (tests open one at a time). */
static size_t path_lookups;

store_counts store_counts_get(const store *s)
{
	store_counts c = s->counts;
	c.path_lookups = path_lookups;
	return c;
}

bool store_tree_blob(git_tree *tree, const char *path, git_oid *out)
{
	path_lookups++;
	git_tree_entry *e = NULL;
	if (!tree || git_tree_entry_bypath(&e, tree, path) < 0) {
		git_error_clear();
		return false;
	}
	bool ok = git_tree_entry_type(e) == GIT_OBJECT_BLOB;
	if (ok)
		git_oid_cpy(out, git_tree_entry_id(e));
	git_tree_entry_free(e);
	return ok;
}

/* HEAD's tree, or NULL on an unborn branch. */
git_tree *store_head_tree(store *s, git_commit **commit_out)
{
	git_object *o = NULL;
	git_tree *t = NULL;
	if (commit_out)
		*commit_out = NULL;
	git_oid bh;
	if (store_batch_head(s, &bh)) {
		if (git_object_lookup(&o, s->repo, &bh, GIT_OBJECT_COMMIT) < 0) {
			git_error_clear();
			return NULL;
		}
	} else if (git_revparse_single(&o, s->repo, "HEAD^{commit}") < 0) {
		git_error_clear();
		return NULL;
	}
	if (git_commit_tree(&t, (git_commit *)o) < 0)
		t = NULL;
	if (commit_out)
		*commit_out = (git_commit *)o;
	else
		git_object_free(o);
	return t;
}

bool store_exists(store *s, const char *slug)
{
	char *rel = store_relpath(slug);
	if (!rel)
		return false;
	char *abs = xasprintf("%s%s", s->workdir, rel);
	struct stat st;
	bool found = lstat(abs, &st) == 0;
	if (!found) {
		git_tree *t = store_head_tree(s, NULL);
		git_oid id;
		found = store_tree_blob(t, rel, &id);
		git_tree_free(t);
	}
	free(abs);
	free(rel);
	return found;
}

/* A slug a new description must not take: a removed one's (its history and
 * `algedit restore` keep the name) or one whose journal still holds
 * unsaved text (which would be offered to the newcomer). */
static bool slug_spoken_for(store *s, const char *slug)
{
	if (journal_time(s, slug) > 0)
		return true;
	char *rel = store_relpath(slug);
	git_oid blob, where;
	bool old = rel && store_last_version(s, rel, &blob, &where);
	free(rel);
	return old;
}

char *store_new_slug(store *s, const char *name)
{
	char *base = slug_from_name(name);
	char *cand = xstrdup(base);
	for (int i = 2; store_exists(s, cand) || slug_spoken_for(s, cand); i++) {
		free(cand);
		cand = xasprintf("%s-%d", base, i);
	}
	free(base);
	return cand;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

store_status store_link_fail(store *s, const char *abs)
{
	/* Only the components below the work tree are looked at. */
	size_t wl = strlen(s->workdir);
	int ncomp = 1;
	if (!strncmp(abs, s->workdir, wl))
		for (const char *p = abs + wl; *p; p++)
			ncomp += *p == '/' && p[1];
	size_t at = contain_link_at(abs, ncomp);
	char *link = at > wl && !strncmp(abs, s->workdir, wl) ? xstrndup(abs + wl, at - wl) : xstrdup(abs);
	char *m = desc_link_msg(link);
	store_fail(s, STORE_ERROR, "%s", m);
	free(m);
	free(link);
	return STORE_ERROR;
}

/* The descriptions in algoritmes/ (regular files named <slug>.yaml) and, in
 * refused, those algedit leaves alone: symbolic links and the like. */
static store_status list_dir(store *s, char ***slugs, size_t *n, char ***refused, size_t *nref)
{
	*slugs = NULL;
	*n = 0;
	char *dir = xasprintf("%s" DESC_DIR, s->workdir);
	/* Never through a linked folder: its files are not the repository's. */
	DIR *d = contain_opendir(dir, 1);
	if (!d) {
		int e = errno;
		store_status rc = e == ENOENT ? STORE_OK
		                  : e == ELOOP ? store_link_fail(s, dir)
		                               : store_fail(s, STORE_IO, _("cannot read the folder algoritmes: %s"), strerror(e));
		if (e == ELOOP && refused) {
			*refused = xrealloc(*refused, (*nref + 1) * sizeof **refused);
			(*refused)[(*nref)++] = xstrdup(store_error(s));
		}
		free(dir);
		return rc;
	}
	struct dirent *e;
	size_t cap = 0;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len <= 5 || !str_ends(e->d_name, ".yaml"))
			continue;
		char *slug = xstrndup(e->d_name, len - 5);
		struct stat st;
		/* The folder says what kind each entry is (d_type), so 10,000
		 * descriptions cost no stat each; asked only when it does not. */
		memset(&st, 0, sizeof st);
		bool known = e->d_type == DT_REG || e->d_type == DT_LNK || e->d_type == DT_DIR;
		if (known)
			st.st_mode = e->d_type == DT_REG ? S_IFREG : e->d_type == DT_LNK ? S_IFLNK : S_IFDIR;
		if (!slug_valid(slug) || (!known && fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)) {
			free(slug);
			continue;
		}
		if (!S_ISREG(st.st_mode)) {
			if (refused) {
				char *link = xasprintf(DESC_DIR "%s", e->d_name);
				*refused = xrealloc(*refused, (*nref + 1) * sizeof **refused);
				(*refused)[(*nref)++] = S_ISLNK(st.st_mode) ? desc_link_msg(link)
				                        : xasprintf(_("%s is not a regular file; algedit leaves it alone"), link);
				free(link);
			}
			free(slug);
			continue;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*slugs = xrealloc(*slugs, cap * sizeof **slugs);
		}
		(*slugs)[(*n)++] = slug;
	}
	closedir(d);
	free(dir);
	if (*n)
		qsort(*slugs, *n, sizeof **slugs, cmp_str);
	if (refused && *nref)
		qsort(*refused, *nref, sizeof **refused, cmp_str);
	return STORE_OK;
}

store_status store_list(store *s, char ***slugs, size_t *n)
{
	return list_dir(s, slugs, n, NULL, NULL);
}

void store_list_refused(store *s, char ***lines, size_t *n)
{
	char **slugs;
	size_t ns;
	*lines = NULL;
	*n = 0;
	list_dir(s, &slugs, &ns, lines, n);
	store_slugs_free(&slugs, ns);
}

void store_slugs_free(char ***slugs, size_t n)
{
	for (size_t i = 0; *slugs && i < n; i++)
		free((*slugs)[i]);
	xfree(slugs);
}

store_status store_load(store *s, const char *slug, description **out, findings *fs)
{
	*out = NULL;
	char *rel = store_relpath(slug);
	if (!rel)
		return store_fail(s, STORE_NOT_FOUND, _("\"%s\" is not a valid description name; use letters, digits and -"), slug);
	char *abs = xasprintf("%s%s", s->workdir, rel);
	char *data = NULL;
	size_t len = 0;
	store_status rc = STORE_OK;
	if (contain_read(abs, 2, DESC_MAX_FILE, &data, &len) < 0) {
		rc = errno == ENOENT
		         ? store_fail(s, STORE_NOT_FOUND, _("there is no description %s in %s; algedit new NAME makes one"), slug, s->workdir)
		         : errno == ELOOP ? store_link_fail(s, abs)
		                          : store_fail(s, STORE_IO, _("cannot read %s: %s"), abs, strerror(errno));
		goto out;
	}
	findings own;
	findings_init(&own);
	*out = desc_read(s->std, data, len, DESC_YAML, fs ? fs : &own);
	findings_done(&own);
	if (!*out)
		rc = store_fail(s, STORE_ERROR, _("%s is not a readable description; algedit check %s shows why"), rel, abs);
out:
	free(data);
	free(abs);
	free(rel);
	return rc;
}

description *store_desc_from_blob(store *s, const git_oid *id)
{
	git_blob *b = NULL;
	if (git_blob_lookup(&b, s->repo, id) < 0) {
		git_error_clear();
		return NULL;
	}
	findings fs;
	findings_init(&fs);
	description *d = desc_read(s->std, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), DESC_YAML, &fs);
	findings_done(&fs);
	git_blob_free(b);
	return d;
}

store_status store_load_rev(store *s, const char *rev, const char *slug, description **out)
{
	*out = NULL;
	char *rel = store_relpath(slug);
	if (!rel)
		return store_fail(s, STORE_NOT_FOUND, _("\"%s\" is not a valid description name; use letters, digits and -"), slug);
	git_object *o = NULL;
	git_tree *t = NULL;
	store_status rc = STORE_OK;
	if (git_revparse_single(&o, s->repo, rev) < 0 || git_object_peel((git_object **)&t, o, GIT_OBJECT_TREE) < 0) {
		rc = store_fail(s, STORE_ERROR, _("there is no version \"%s\"; algedit log %s lists them"), rev, slug);
		goto out;
	}
	git_oid id;
	if (!store_tree_blob(t, rel, &id)) {
		rc = store_fail(s, STORE_NOT_FOUND, _("the description %s did not exist in version %s"), slug, rev);
		goto out;
	}
	*out = store_desc_from_blob(s, &id);
	if (!*out)
		rc = store_fail(s, STORE_ERROR, _("%s in version %s is not a readable description"), rel, rev);
out:
	git_tree_free(t);
	git_object_free(o);
	free(rel);
	return rc;
}

/* ---- author ---- */

store_status store_signature(store *s, git_signature **out)
{
	if (git_signature_default(out, s->repo) < 0) {
		git_error_clear();
		/* Then what algedit asked once, for every repository. */
		char *name, *email;
		if (store_identity_read(&name, &email)) {
			int rc = git_signature_now(out, name, email);
			free(name);
			free(email);
			if (rc == 0)
				return STORE_OK;
			git_error_clear();
		}
		return store_fail(s, STORE_NO_AUTHOR, "%s",
		                  _("your name and e-mail address for the history are not set; give them once (git config user.name and user.email)"));
	}
	return STORE_OK;
}

store_status store_author(store *s, char **name, char **email)
{
	git_signature *sig = NULL;
	store_status rc = store_signature(s, &sig);
	if (rc != STORE_OK)
		return rc;
	*name = xstrdup(sig->name);
	*email = xstrdup(sig->email);
	git_signature_free(sig);
	return STORE_OK;
}

store_status store_set_author(store *s, const char *name, const char *email)
{
	git_signature *probe = NULL;
	store_status rc = STORE_OK;
	if (!name || !*name || !email || !*email || strchr(name, '<') || strchr(name, '>') ||
	    strchr(email, '<') || strchr(email, '>') || strchr(name, '\n') || strchr(email, '\n'))
		return store_fail(s, STORE_ERROR, "%s", _("give a name and an e-mail address without < > or line breaks"));
	if (git_signature_now(&probe, name, email) < 0) {
		rc = store_fail(s, STORE_ERROR, _("cannot use that name and address: %s"), store_git_msg());
		goto out;
	}
	/* Kept for every repository, not only this one: asked once. */
	if (store_identity_write(name, email) < 0) {
		char *path = store_identity_path();
		rc = store_fail(s, STORE_IO, _("cannot keep your name in %s: %s"), path, strerror(errno));
		free(path);
	}
out:
	git_signature_free(probe);
	return rc;
}

/* ---- saving ---- */

store_status store_check_state(store *s)
{
	int st = git_repository_state(s->repo);
	switch (st) {
	case GIT_REPOSITORY_STATE_NONE:
		break;
	case GIT_REPOSITORY_STATE_MERGE:
		return store_fail(s, STORE_BUSY, _("a git merge is in progress in %s; finish it (git commit) or stop it (git merge --abort), then try again"), s->workdir);
	case GIT_REPOSITORY_STATE_REBASE:
	case GIT_REPOSITORY_STATE_REBASE_INTERACTIVE:
	case GIT_REPOSITORY_STATE_REBASE_MERGE:
	case GIT_REPOSITORY_STATE_APPLY_MAILBOX:
	case GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE:
		return store_fail(s, STORE_BUSY, _("a git rebase is in progress in %s; finish it (git rebase --continue) or stop it (git rebase --abort), then try again"), s->workdir);
	default:
		return store_fail(s, STORE_BUSY, _("a git operation (cherry-pick, revert or bisect) is in progress in %s; finish or abort it with git, then try again"), s->workdir);
	}
	int d = git_repository_head_detached(s->repo);
	if (d == 1)
		return store_fail(s, STORE_DETACHED, _("the repository in %s is not on a branch (detached HEAD); switch to one (git switch main), then try again"), s->workdir);
	if (d < 0 && git_error_last() && git_error_last()->klass != GIT_ERROR_NONE) {
		/* An unborn branch is fine; anything else is reported. */
		if (git_repository_head_unborn(s->repo) != 1)
			return store_fail(s, STORE_ERROR, _("cannot read HEAD in %s: %s"), s->workdir, store_git_msg());
	}
	git_error_clear();
	char *lock = xasprintf("%sindex.lock", s->gitdir);
	struct stat st2;
	bool locked = stat(lock, &st2) == 0;
	store_status rc = locked ? store_fail(s, STORE_LOCKED, _("another program is using the repository (%s exists); wait for it to finish, or remove that file if no git program is running"), lock)
	                         : STORE_OK;
	free(lock);
	return rc;
}

static bool blob_equals(store *s, const git_oid *id, const char *data, size_t len)
{
	git_oid mine;
	if (git_odb_hash(&mine, data, len, GIT_OBJECT_BLOB) < 0)
		return false;
	return git_oid_equal(&mine, id);
}

/* Labels of the fields that changed in one file, and whether it is new. */
static char *changed_labels(store *s, const description *d, git_tree *old_tree, const char *rel, bool *is_new)
{
	git_oid old_id;
	*is_new = !store_tree_blob(old_tree, rel, &old_id);
	description *old = *is_new ? NULL : store_desc_from_blob(s, &old_id);
	desc_diff *dd = desc_diff_new(old, d);
	char *labels = desc_diff_labels(dd, i18n_lang());
	desc_diff_free(&dd);
	desc_free(&old);
	return labels;
}

/* "Name: changed Status, Goal" for one description; for several, how many
 * and the union of the fields, each file listed in the body. */
static char *save_message(store *s, char **slugs, const description **ds, char **rels, size_t n, git_tree *old_tree)
{
	strbuf subject = STRBUF_INIT, body = STRBUF_INIT, all = STRBUF_INIT;
	sb_adds(&all, "");
	const std_field *fname = standard_field(s->std, "name");
	for (size_t i = 0; i < n; i++) {
		bool is_new;
		char *labels = changed_labels(s, ds[i], old_tree, rels[i], &is_new);
		const char *name = fname ? desc_text(ds[i], fname) : NULL;
		/* One subject line: a name cannot add lines (a forged trailer) or
		 * carry control characters into git log. */
		char *name1 = text_one_line(name);
		name = *name1 ? name1 : slugs[i];
		if (n == 1) {
			char *m = is_new ? xasprintf(_("%s: new description"), name)
			          : *labels ? xasprintf(_("%s: changed %s"), name, labels)
			                    : xasprintf(_("%s: file layout"), name);
			sb_adds(&subject, m);
			free(m);
		}
		/* The union of the labels, in the order first seen. */
		for (char *p = labels, *q; *p; p = *q ? q + 2 : q) {
			q = strstr(p, ", ");
			if (!q)
				q = p + strlen(p);
			char *one = xstrndup(p, (size_t)(q - p));
			char *hay = xasprintf(", %s, ", all.s), *needle = xasprintf(", %s, ", one);
			if (!strstr(hay, needle))
				sb_printf(&all, "%s%s", all.len ? ", " : "", one);
			free(hay);
			free(needle);
			free(one);
		}
		sb_printf(&body, "%s\n", rels[i]);
		free(labels);
		free(name1);
	}
	if (n > 1) {
		char *m = xasprintf(P_("%zu description: changed %s", "%zu descriptions: changed %s", n), n, all.s);
		sb_adds(&subject, m);
		free(m);
	}
	/* The files in the body let people find the change with git tools. */
	char *msg = xasprintf("%s\n\n%s", subject.s, body.s);
	sb_done(&subject);
	sb_done(&body);
	sb_done(&all);
	return msg;
}

#define NOSPACE_HINT _("your text is kept, free some disk space or make the folder writable and save again")

store_status store_fail_write(store *s, const char *abs, int err, const char *hint)
{
	if (err == ENOTDIR || err == EEXIST) {
		/* The first folder on the way that is something else. */
		char *p = xstrdup(abs);
		for (char *slash = strchr(p + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
			struct stat st;
			*slash = '\0';
			bool other = lstat(p, &st) == 0 && !S_ISDIR(st.st_mode);
			*slash = '/';
			if (other) {
				*slash = '\0';
				store_status rc = store_fail(s, STORE_IO,
				                             _("cannot write %s: %s is a file, not a folder; descriptions are kept in the folder algoritmes/. Rename or move that file, then try again; your text is kept"),
				                             abs, p);
				free(p);
				return rc;
			}
		}
		free(p);
	}
	if (err == EACCES || err == EPERM || err == EROFS)
		return store_fail(s, STORE_IO, _("cannot write %s: %s; make the folder writable (or choose another with -C DIR) and try again; your text is kept"),
		                  abs, strerror(err));
	return store_fail(s, STORE_IO, _("cannot write %s: %s; %s"), abs, strerror(err), hint);
}

store_status store_save(store *s, const char *slug, const description *d, store_saved *info)
{
	return store_save_many(s, &slug, &d, 1, info);
}

store_status store_save_many(store *s, const char *const *slugs_in, const description *const *ds_in,
                             size_t n_in, store_saved *info)
{
	if (info)
		memset(info, 0, sizeof *info);
	char **rels = xcalloc(n_in + 1, sizeof *rels), **abss = xcalloc(n_in + 1, sizeof *abss);
	char **datas = xcalloc(n_in + 1, sizeof *datas), **slugs = xcalloc(n_in + 1, sizeof *slugs);
	const description **ds = xcalloc(n_in + 1, sizeof *ds);
	size_t *lens = xcalloc(n_in + 1, sizeof *lens);
	git_tree_update *ups = xcalloc(n_in + 1, sizeof *ups);
	size_t n = 0; /* the files that changed */
	git_signature *sig = NULL;
	git_commit *parent = NULL;
	git_tree *tree = NULL, *new_tree = NULL;
	git_index *idx = NULL;
	char *msg = NULL, *dir = NULL;
	store_status rc = STORE_OK;
	for (size_t i = 0; i < n_in; i++)
		if (!slug_valid(slugs_in[i])) {
			rc = store_fail(s, STORE_ERROR, _("\"%s\" is not a valid description name; use letters, digits and -"), slugs_in[i]);
			goto out;
		}
	if ((rc = store_check_state(s)) != STORE_OK || (rc = store_signature(s, &sig)) != STORE_OK)
		goto out;
	/* Nothing is written through a symbolic link, or over one. */
	for (size_t i = 0; i < n_in; i++) {
		char *rel = store_relpath(slugs_in[i]), *abs = xasprintf("%s%s", s->workdir, rel);
		bool link = contain_link_at(abs, 2) != 0;
		if (link)
			rc = store_link_fail(s, abs);
		free(abs);
		free(rel);
		if (link)
			goto out;
	}
	tree = store_head_tree(s, &parent);
	for (size_t i = 0; i < n_in; i++) {
		size_t len;
		char *data = desc_write_yaml(ds_in[i], &len);
		char *rel = store_relpath(slugs_in[i]);
		char *abs = xasprintf("%s%s", s->workdir, rel);
		git_oid old_id;
		if (store_tree_blob(tree, rel, &old_id) && blob_equals(s, &old_id, data, len)) {
			/* Nothing to commit; the work tree still gets the saved bytes. */
			char *cur = NULL;
			size_t clen = 0;
			int werr = 0;
			if (contain_read(abs, 2, DESC_MAX_FILE, &cur, &clen) < 0 || clen != len || memcmp(cur, data, len))
				if (contain_write(abs, 2, data, len) < 0)
					werr = errno;
			free(cur);
			free(data);
			free(rel);
			if (werr) {
				rc = werr == ELOOP ? store_link_fail(s, abs) : store_fail_write(s, abs, werr, NOSPACE_HINT);
				free(abs);
				goto out;
			}
			free(abs);
			journal_discard(s, slugs_in[i]);
			continue;
		}
		slugs[n] = xstrdup(slugs_in[i]);
		ds[n] = ds_in[i];
		rels[n] = rel;
		abss[n] = abs;
		datas[n] = data;
		lens[n] = len;
		n++;
	}
	if (n == 0) {
		rc = store_fail(s, STORE_UNCHANGED, "%s", _("no changes to save"));
		goto out;
	}
	msg = save_message(s, slugs, ds, rels, n, tree);
	/* Objects first: if the disk is full they fail before anything that
	 * matters changed, and unreferenced objects are harmless. */
	for (size_t i = 0; i < n; i++) {
		if (git_blob_create_from_buffer(&ups[i].id, s->repo, datas[i], lens[i]) < 0) {
			rc = store_fail(s, STORE_IO, _("cannot store the new version in the repository: %s; %s"), store_git_msg(), NOSPACE_HINT);
			goto out;
		}
		ups[i].action = GIT_TREE_UPDATE_UPSERT;
		ups[i].filemode = GIT_FILEMODE_BLOB;
		ups[i].path = rels[i];
	}
	if (!tree) {
		git_treebuilder *tb = NULL;
		git_oid empty;
		if (git_treebuilder_new(&tb, s->repo, NULL) < 0 || git_treebuilder_write(&empty, tb) < 0 ||
		    git_tree_lookup(&tree, s->repo, &empty) < 0) {
			git_treebuilder_free(tb);
			rc = store_fail(s, STORE_IO, _("cannot store the new version in the repository: %s; %s"), store_git_msg(), NOSPACE_HINT);
			goto out;
		}
		git_treebuilder_free(tb);
	}
	git_oid tree_id, commit_id;
	if (git_tree_create_updated(&tree_id, s->repo, tree, n, ups) < 0 ||
	    git_tree_lookup(&new_tree, s->repo, &tree_id) < 0) {
		rc = store_fail(s, STORE_IO, _("cannot store the new version in the repository: %s; %s"), store_git_msg(), NOSPACE_HINT);
		goto out;
	}
	dir = xasprintf("%s" DESC_DIR, s->workdir);
	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		rc = store_fail_write(s, dir, errno, NOSPACE_HINT);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (contain_write_opt(abss[i], 2, datas[i], lens[i], !s->batch) < 0) {
			rc = errno == ELOOP ? store_link_fail(s, abss[i]) : store_fail_write(s, abss[i], errno, NOSPACE_HINT);
			goto out;
		}
	const git_commit *parents[1] = { parent };
	/* In a batch the branch moves at its end (store/batch.c). */
	if (store_commit_create(&commit_id, s->repo, s->batch ? NULL : "HEAD", sig, msg, new_tree, parent ? 1 : 0, parents) < 0) {
		rc = store_fail(s, STORE_IO, _("the files are written but the commit failed: %s; save again once that is fixed"), store_git_msg());
		goto out;
	}
	if (s->batch) {
		git_oid *ids = xcalloc(n + 1, sizeof *ids);
		size_t bytes = strlen(msg) + 256;
		for (size_t i = 0; i < n; i++) {
			git_oid_cpy(&ids[i], &ups[i].id);
			bytes += lens[i];
		}
		/* Each save writes its folders anew: about 50 bytes an entry. */
		bytes += 50 * (git_tree_entrycount(new_tree) + n);
		git_tree *alg = NULL;
		const git_tree_entry *ae = git_tree_entry_byname(new_tree, "algoritmes");
		if (ae && git_tree_lookup(&alg, s->repo, git_tree_entry_id(ae)) == 0)
			bytes += 50 * git_tree_entrycount(alg);
		git_tree_free(alg);
		git_error_clear();
		store_batch_saved(s, &commit_id, bytes, rels, abss, ids, n);
		free(ids);
		if (info) {
			git_oid_tostr(info->commit, sizeof info->commit, &commit_id);
			info->message = xstrdup(msg);
		}
		for (size_t i = 0; i < n; i++)
			journal_discard(s, slugs[i]);
		goto out;
	}
	/* The index follows the commit for these files, so git status is clean. */
	bool idx_ok = git_repository_index(&idx, s->repo) >= 0 && git_index_read(idx, 0) >= 0;
	for (size_t i = 0; idx_ok && i < n; i++)
		idx_ok = store_index_add_written(idx, abss[i], rels[i], &ups[i].id) >= 0;
	if (!idx_ok || git_index_write(idx) < 0)
		rc = store_fail(s, STORE_ERROR, _("saved, but git's index could not be updated (%s); git status may show the files as changed until the next save"),
		                store_git_msg());
	if (info) {
		git_oid_tostr(info->commit, sizeof info->commit, &commit_id);
		info->message = xstrdup(msg);
	}
	for (size_t i = 0; i < n; i++)
		journal_discard(s, slugs[i]);
out:
	git_index_free(idx);
	git_tree_free(new_tree);
	git_tree_free(tree);
	git_commit_free(parent);
	git_signature_free(sig);
	for (size_t i = 0; i < n_in; i++) {
		free(rels[i]);
		free(abss[i]);
		free(datas[i]);
		free(slugs[i]);
	}
	free(rels);
	free(abss);
	free(datas);
	free(slugs);
	free(ds);
	free(lens);
	free(ups);
	free(msg);
	free(dir);
	return rc;
}

void store_saved_done(store_saved *info)
{
	xfree(&info->message);
}
