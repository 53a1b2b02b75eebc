/* review: the review records of a description in the repository, one file
 * per record under reviews/<slug>/ named <time>-<id>-<kind>.yaml. Files are
 * only ever added, each in a commit of its own, so two clones that comment
 * at the same time merge without conflict (git sees two new files). Loading
 * reads the folder of one description; symbolic links are never followed:
 * a link where a record belongs is shown as a bad record. */
#include "config.h"
#include "store/store_int.h"
#include "forms/review.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define REVIEW_DIR "reviews"
#define REVIEW_MAX_FILE (256 * 1024)

/* ---- .algedit/config ---- */

bool store_review_self_approve(store *s)
{
	char *path = xasprintf("%s.algedit/config", s->workdir);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return false;
	char buf[8192];
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	bool yes = false;
	for (char *line = buf; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		while (*line == ' ')
			line++;
		if (str_starts(line, "self-approve:")) {
			char *v = line + strlen("self-approve:");
			while (*v == ' ' || *v == '"' || *v == '\'')
				v++;
			yes = str_starts(v, "yes") || str_starts(v, "ja") || str_starts(v, "true");
		}
		line = nl ? nl + 1 : NULL;
	}
	return yes;
}

/* ---- loading ---- */

static void add_rec(store_review *r, size_t *cap)
{
	if (r->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		r->recs = xrealloc(r->recs, *cap * sizeof *r->recs);
	}
}

static void bad_rec(store_review *r, size_t *cap, const char *slug, const char *name, char *problem)
{
	add_rec(r, cap);
	review_rec *x = &r->recs[r->n++];
	memset(x, 0, sizeof *x);
	x->id = review_id_from_filename(name);
	x->file = xasprintf(REVIEW_DIR "/%s/%s", slug, name);
	x->slug = xstrdup(slug);
	x->time = 0;
	x->problem = problem;
}

/* Reads reviews/<slug>/ into r->recs (sorted). A folder that is not there
 * means no records. */
static store_status read_records(store *s, const char *slug, store_review *r)
{
	size_t cap = 0;
	char *top = xasprintf("%s" REVIEW_DIR, s->workdir);
	int tfd = open(top, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	free(top);
	if (tfd < 0)
		return STORE_OK;
	int dfd = openat(tfd, slug, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	close(tfd);
	if (dfd < 0)
		return STORE_OK;
	DIR *d = fdopendir(dfd);
	if (!d) {
		close(dfd);
		return store_fail(s, STORE_IO, _("cannot read %s/%s: %s"), REVIEW_DIR, slug, strerror(errno));
	}
	char *buf = xmalloc(REVIEW_MAX_FILE + 1);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !str_ends(e->d_name, ".yaml"))
			continue;
		struct stat st;
		if (fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (S_ISLNK(st.st_mode)) {
			bad_rec(r, &cap, slug, e->d_name, xstrdup(_("a symbolic link, not a record; it is not followed")));
			continue;
		}
		if (!S_ISREG(st.st_mode))
			continue;
		int fd = openat(dfd, e->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0) {
			bad_rec(r, &cap, slug, e->d_name, xasprintf(_("cannot be read: %s"), strerror(errno)));
			continue;
		}
		size_t len = 0;
		ssize_t k;
		while (len <= REVIEW_MAX_FILE && (k = read(fd, buf + len, REVIEW_MAX_FILE + 1 - len)) > 0)
			len += (size_t)k;
		close(fd);
		if (len > REVIEW_MAX_FILE) {
			bad_rec(r, &cap, slug, e->d_name, xstrdup(_("too large for a review record")));
			continue;
		}
		add_rec(r, &cap);
		char *id = review_id_from_filename(e->d_name), *file = xasprintf(REVIEW_DIR "/%s/%s", slug, e->d_name);
		review_rec_parse(buf, len, id, file, &r->recs[r->n++]);
		free(id);
		free(file);
	}
	free(buf);
	closedir(d);
	review_recs_sort(r->recs, r->n);
	return STORE_OK;
}

static const description *at_cb(void *ctx, const char *commit)
{
	store_review *r = ctx;
	for (size_t i = 0; i < r->nversions; i++) {
		if (strcmp(r->versions[i].commit, commit))
			continue;
		if (!r->descs[i] && !r->versions[i].removed)
			store_load_rev(r->s, commit, r->slug, &r->descs[i]);
		return r->descs[i];
	}
	return NULL;
}

const description *store_review_at(store_review *r, const char *commit)
{
	return at_cb(r, commit);
}

/* ---- the keys each version changed, cached in .git/algedit/review-fields ----
 * One line per version: "<commit> <slug> ,key,key,". Versions never change,
 * so a line stays true; a damaged line is ignored, a missing one computed
 * again (from the two versions' descriptions) and appended. */

static char *cache_path(store *s)
{
	return xasprintf("%salgedit/review-fields", s->gitdir);
}

static int by_commit(const void *a, const void *b)
{
	const store_version *x = a, *y = b;
	return strcmp(x->commit, y->commit);
}

static void cache_load(store_review *r)
{
	char *path = cache_path(r->s), *data;
	size_t len, sl = strlen(r->slug);
	if (read_file(path, (size_t)1 << 28, &data, &len) < 0) {
		free(path);
		return;
	}
	free(path);
	/* The versions sorted by commit, to find each line's version. */
	store_version *sorted = xcalloc(r->nversions + 1, sizeof *sorted);
	for (size_t i = 0; i < r->nversions; i++) {
		memcpy(sorted[i].commit, r->versions[i].commit, sizeof sorted[i].commit);
		sorted[i].time = (int64_t)i; /* carries the index */
	}
	qsort(sorted, r->nversions, sizeof *sorted, by_commit);
	for (char *p = data, *nl; p < data + len; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(data + len - p));
		if (!nl)
			break;
		if (nl - p < 40 + 1 + (long)sl + 2 || p[40] != ' ' || strncmp(p + 41, r->slug, sl) || p[41 + sl] != ' ' ||
		    p[42 + sl] != ',' || nl[-1] != ',')
			continue;
		store_version key;
		memcpy(key.commit, p, 40);
		key.commit[40] = '\0';
		const store_version *hit = bsearch(&key, sorted, r->nversions, sizeof *sorted, by_commit);
		if (hit && !r->keys[hit->time])
			r->keys[hit->time] = xstrndup(p + 42 + sl, (size_t)(nl - p - 42 - (long)sl));
	}
	free(sorted);
	free(data);
}

/* Appends the lines computed in this run; a cache, so failure costs speed only. */
static void cache_save(store_review *r)
{
	if (!r->cache_dirty)
		return;
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < r->nversions; i++)
		if (r->fresh[i] && !strchr(r->keys[i], '\n'))
			sb_printf(&b, "%s %s %s\n", r->versions[i].commit, r->slug, r->keys[i]);
	if (b.len) {
		char *path = cache_path(r->s);
		/* .git/algedit/ is private, like the journal (store_private_dir). */
		int fd = store_private_dir(r->s, NULL) < 0 ? -1
		         : open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd >= 0) {
			ssize_t w = write(fd, b.s, b.len);
			(void)w;
			close(fd);
		}
		free(path);
	}
	sb_done(&b);
	for (size_t i = 0; i < r->nversions; i++)
		r->fresh[i] = false;
	r->cache_dirty = false;
}

static const char *changed_cb(void *ctx, size_t i)
{
	store_review *r = ctx;
	if (i >= r->nversions)
		return NULL;
	if (!r->keys[i]) {
		const description *now = at_cb(r, r->versions[i].commit);
		const description *before = i + 1 < r->nversions ? at_cb(r, r->versions[i + 1].commit) : NULL;
		desc_diff *dd = desc_diff_new(before, now);
		strbuf b = STRBUF_INIT;
		sb_addc(&b, ',');
		for (size_t k = 0; k < dd->n; k++)
			sb_printf(&b, "%s,", dd->v[k].key);
		desc_diff_free(&dd);
		r->keys[i] = sb_take(&b);
		r->fresh[i] = true;
		r->cache_dirty = true;
	}
	return r->keys[i];
}

const char *store_review_fields(store_review *r, size_t i)
{
	if (i >= r->nversions)
		return "";
	if (!*r->versions[i].fields) {
		const char *keys = changed_cb(r, i);
		strbuf b = STRBUF_INIT;
		sb_adds(&b, "");
		for (const char *p = keys ? keys : ""; *p;) {
			while (*p == ',')
				p++;
			const char *e = strchr(p, ',');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			if (!n)
				break;
			char *key = xstrndup(p, n);
			const std_field *f = standard_field(r->s->std, key);
			sb_printf(&b, "%s%s", b.len ? ", " : "", f ? f->label[r->lang] : key);
			free(key);
			p += n;
		}
		free(r->versions[i].fields);
		r->versions[i].fields = sb_take(&b);
	}
	return r->versions[i].fields;
}

store_status store_review_load(store *s, const char *slug, int lang, store_review *r)
{
	memset(r, 0, sizeof *r);
	r->s = s;
	r->slug = xstrdup(slug);
	if (!slug_valid(slug))
		return store_fail(s, STORE_NOT_FOUND, _("\"%s\" is not a valid description name; use letters, digits and -"), slug);
	r->lang = lang;
	store_status st = store_log(s, NULL, slug, 0, -1, &r->versions, &r->nversions);
	if (st != STORE_OK && st != STORE_NOT_FOUND)
		return st;
	r->rv = xcalloc(r->nversions + 1, sizeof *r->rv);
	r->descs = xcalloc(r->nversions + 1, sizeof *r->descs);
	r->keys = xcalloc(r->nversions + 1, sizeof *r->keys);
	r->fresh = xcalloc(r->nversions + 1, sizeof *r->fresh);
	cache_load(r);
	for (size_t i = 0; i < r->nversions; i++) {
		r->rv[i].commit = r->versions[i].commit;
		r->rv[i].author = r->versions[i].author;
		r->rv[i].email = r->versions[i].email;
		r->rv[i].time = r->versions[i].time;
	}
	if ((st = read_records(s, slug, r)) != STORE_OK)
		return st;
	r->ctx.std = s->std;
	r->ctx.slug = r->slug;
	r->ctx.versions = r->rv;
	r->ctx.nversions = r->nversions;
	r->ctx.self_approve = store_review_self_approve(s);
	r->ctx.at = at_cb;
	r->ctx.changed = changed_cb;
	r->ctx.actx = r;
	review_compute(r->recs, r->n, &r->ctx, &r->sum);
	cache_save(r);
	return STORE_OK;
}

void store_review_done(store_review *r)
{
	review_summary_done(&r->sum);
	for (size_t i = 0; i < r->n; i++)
		review_rec_done(&r->recs[i]);
	free(r->recs);
	for (size_t i = 0; i < r->nversions; i++)
		desc_free(&r->descs[i]);
	free(r->descs);
	if (r->keys)
		cache_save(r);
	for (size_t i = 0; r->keys && i < r->nversions; i++)
		free(r->keys[i]);
	free(r->keys);
	free(r->fresh);
	free(r->rv);
	store_versions_free(&r->versions, r->nversions);
	free(r->slug);
	memset(r, 0, sizeof *r);
}

/* ---- adding a record ---- */

static void random_id(char out[REVIEW_ID_LEN + 1])
{
	unsigned char b[REVIEW_ID_LEN / 2];
	if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b) {
		uint64_t x = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 20) ^ (uint64_t)clock();
		for (size_t i = 0; i < sizeof b; i++)
			b[i] = (unsigned char)(x >> (8 * i));
	}
	for (size_t i = 0; i < sizeof b; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

/* A folder under dfd that is a real folder (made when missing), never a link. */
static int subdir(int dfd, const char *name)
{
	if (mkdirat(dfd, name, 0755) < 0 && errno != EEXIST)
		return -1;
	return openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

static int write_new(int dfd, const char *name, const char *data, size_t len)
{
	int fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	size_t off = 0;
	while (off < len) {
		ssize_t k = write(fd, data + off, len - off);
		if (k < 0) {
			int e = errno;
			close(fd);
			unlinkat(dfd, name, 0);
			errno = e;
			return -1;
		}
		off += (size_t)k;
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
		int e = errno;
		unlinkat(dfd, name, 0);
		errno = e;
		return -1;
	}
	return 0;
}

store_status store_review_add(store *s, review_rec *rec, const description *d, const char *message,
                              store_saved *info)
{
	if (info)
		memset(info, 0, sizeof *info);
	if (!slug_valid(rec->slug))
		return store_fail(s, STORE_ERROR, _("\"%s\" is not a valid description name; use letters, digits and -"), rec->slug);
	store_status rc;
	git_signature *sig = NULL;
	git_commit *parent = NULL;
	git_tree *tree = NULL, *new_tree = NULL;
	git_index *idx = NULL;
	char *data = NULL, *ddata = NULL, *name = NULL, *rel = NULL, *drel = NULL, *dabs = NULL;
	int tfd = -1, dfd = -1;
	if ((rc = store_check_state(s)) != STORE_OK || (rc = store_signature(s, &sig)) != STORE_OK)
		goto out;
	if (!rec->author) {
		rec->author = xstrdup(sig->name);
		rec->email = xstrdup(sig->email);
	}
	if (!rec->id) {
		char id[REVIEW_ID_LEN + 1];
		random_id(id);
		rec->id = xstrdup(id);
	}
	if (rec->time <= 0) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		rec->time = (int64_t)ts.tv_sec;
		rec->usec = (int)(ts.tv_nsec / 1000);
	}
	tree = store_head_tree(s, &parent);
	if (!tree) {
		rc = store_fail(s, STORE_NOT_FOUND, "%s", _("the repository has no saved versions yet"));
		goto out;
	}
	size_t len, dlen = 0;
	data = review_rec_write(rec, &len);
	name = review_rec_filename(rec);
	rel = xasprintf(REVIEW_DIR "/%s/%s", rec->slug, name);
	git_tree_update ups[2];
	memset(ups, 0, sizeof ups);
	size_t nups = 1;
	if (git_blob_create_from_buffer(&ups[0].id, s->repo, data, len) < 0) {
		rc = store_fail(s, STORE_IO, _("cannot store the review record in the repository: %s"), store_git_msg());
		goto out;
	}
	ups[0].action = GIT_TREE_UPDATE_UPSERT;
	ups[0].filemode = GIT_FILEMODE_BLOB;
	ups[0].path = rel;
	if (d) {
		ddata = desc_write_yaml(d, &dlen);
		drel = store_relpath(rec->slug);
		dabs = xasprintf("%s%s", s->workdir, drel);
		if (git_blob_create_from_buffer(&ups[1].id, s->repo, ddata, dlen) < 0) {
			rc = store_fail(s, STORE_IO, _("cannot store the new version in the repository: %s"), store_git_msg());
			goto out;
		}
		ups[1].action = GIT_TREE_UPDATE_UPSERT;
		ups[1].filemode = GIT_FILEMODE_BLOB;
		ups[1].path = drel;
		nups = 2;
	}
	git_oid tree_id, commit_id;
	if (git_tree_create_updated(&tree_id, s->repo, tree, nups, ups) < 0 ||
	    git_tree_lookup(&new_tree, s->repo, &tree_id) < 0) {
		rc = store_fail(s, STORE_IO, _("cannot store the review record in the repository: %s"), store_git_msg());
		goto out;
	}
	int wfd = open(s->workdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	tfd = wfd < 0 ? -1 : subdir(wfd, REVIEW_DIR);
	if (wfd >= 0)
		close(wfd);
	dfd = tfd < 0 ? -1 : subdir(tfd, rec->slug);
	if (dfd < 0 || write_new(dfd, name, data, len) < 0) {
		rc = store_fail(s, STORE_IO, _("cannot write %s%s: %s (a symbolic link there is not followed)"), s->workdir, rel,
		                strerror(errno));
		goto out;
	}
	if (d && write_file_atomic(dabs, ddata, dlen) < 0) {
		rc = store_fail(s, STORE_IO, _("cannot write %s: %s"), dabs, strerror(errno));
		unlinkat(dfd, name, 0); /* no record without its commit */
		goto out;
	}
	const git_commit *parents[1] = { parent };
	if (store_commit_create(&commit_id, s->repo, "HEAD", sig, message, new_tree, 1, parents) < 0) {
		rc = store_fail(s, STORE_IO, _("the files are written but the commit failed: %s"), store_git_msg());
		unlinkat(dfd, name, 0);
		goto out;
	}
	if (git_repository_index(&idx, s->repo) < 0 || git_index_read(idx, 0) < 0 ||
	    git_index_add_bypath(idx, rel) < 0 || (d && git_index_add_bypath(idx, drel) < 0) || git_index_write(idx) < 0)
		rc = store_fail(s, STORE_ERROR, _("saved, but git's index could not be updated (%s); git status may show the files as changed until the next save"),
		                store_git_msg());
	if (d)
		journal_discard(s, rec->slug);
	if (info) {
		git_oid_tostr(info->commit, sizeof info->commit, &commit_id);
		info->message = xstrdup(message);
	}
out:
	if (dfd >= 0)
		close(dfd);
	if (tfd >= 0)
		close(tfd);
	git_index_free(idx);
	git_tree_free(new_tree);
	git_tree_free(tree);
	git_commit_free(parent);
	git_signature_free(sig);
	free(data);
	free(ddata);
	free(name);
	free(rel);
	free(drel);
	free(dabs);
	return rc;
}

/* ---- the states of all descriptions, for lists ----
 * One walk per list: HEAD's descriptions folder and reviews folder are read
 * once, and each version a record names is looked up once (its commit and
 * its descriptions folder), however many descriptions and records name it.
 * Looking a file up by its path from a commit's root for each description
 * read a folder of 10,000 entries 10,000 times. */

/* A version as records name it (a commit id or a prefix of one), looked up
 * once per list. */
typedef struct vmemo {
	char *key;            /* as the record gives it; NULL: empty slot */
	bool ok;              /* a commit */
	char hex[41];
	git_tree *alg;        /* its algoritmes/ folder, or NULL */
	char *author, *email;
	int64_t time;
} vmemo;

typedef struct briefs_walk {
	store *s;
	git_tree *alg_head;   /* HEAD's algoritmes/ (its vmemo's) */
	git_tree *rev_head;   /* HEAD's reviews/ */
	vmemo *m;
	size_t cap, n;
} briefs_walk;

/* The folder name (a tree) of commit c's root tree, or NULL. */
static git_tree *commit_subtree(store *s, git_commit *c, const char *name)
{
	git_tree *root = NULL, *sub = NULL;
	if (git_commit_tree(&root, c) < 0) {
		git_error_clear();
		return NULL;
	}
	s->counts.tree_reads++;
	const git_tree_entry *e = git_tree_entry_byname(root, name);
	if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE) {
		if (git_tree_lookup(&sub, s->repo, git_tree_entry_id(e)) < 0) {
			git_error_clear();
			sub = NULL;
		} else {
			s->counts.tree_reads++;
		}
	}
	git_tree_free(root);
	return sub;
}

static uint64_t str_hash(const char *p)
{
	return store_fnv1a(p, strlen(p));
}

static const vmemo *walk_version(briefs_walk *w, const char *version)
{
	if ((w->n + 1) * 2 > w->cap) {
		vmemo *old = w->m;
		size_t oldcap = w->cap;
		w->cap = w->cap ? w->cap * 2 : 64;
		w->m = xcalloc(w->cap, sizeof *w->m);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key) {
				size_t j = str_hash(old[i].key) & (w->cap - 1);
				while (w->m[j].key)
					j = (j + 1) & (w->cap - 1);
				w->m[j] = old[i];
			}
		free(old);
	}
	size_t j = str_hash(version) & (w->cap - 1);
	while (w->m[j].key && strcmp(w->m[j].key, version))
		j = (j + 1) & (w->cap - 1);
	vmemo *v = &w->m[j];
	if (v->key)
		return v;
	v->key = xstrdup(version);
	w->n++;
	size_t len = strlen(version);
	git_oid id;
	git_commit *c = NULL;
	if (len < 7 || len > GIT_OID_HEXSZ || git_oid_fromstrn(&id, version, len) < 0 ||
	    git_commit_lookup_prefix(&c, w->s->repo, &id, len) < 0) {
		git_error_clear();
		return v;
	}
	w->s->counts.commit_reads++;
	v->ok = true;
	git_oid_tostr(v->hex, sizeof v->hex, git_commit_id(c));
	v->alg = commit_subtree(w->s, c, "algoritmes");
	const git_signature *a = git_commit_author(c);
	v->author = xstrdup(a->name ? a->name : "");
	v->email = xstrdup(a->email ? a->email : "");
	v->time = (int64_t)a->when.time;
	git_commit_free(c);
	return v;
}

static void walk_done(briefs_walk *w)
{
	for (size_t i = 0; i < w->cap; i++)
		if (w->m[i].key) {
			free(w->m[i].key);
			git_tree_free(w->m[i].alg);
			free(w->m[i].author);
			free(w->m[i].email);
		}
	free(w->m);
	git_tree_free(w->rev_head);
}

/* The blob of name (a file of the folder alg), false when absent. */
static bool folder_blob(git_tree *alg, const char *name, git_oid *out)
{
	const git_tree_entry *e = alg ? git_tree_entry_byname(alg, name) : NULL;
	if (!e || git_tree_entry_type(e) != GIT_OBJECT_BLOB)
		return false;
	git_oid_cpy(out, git_tree_entry_id(e));
	return true;
}

typedef struct brief_ctx {
	store *s;
	review_version *v;
	char (*commits)[41];
	git_oid *blobs;
	description **descs;
	size_t n;
} brief_ctx;

static const description *brief_at(void *ctx, const char *commit)
{
	brief_ctx *b = ctx;
	for (size_t i = 0; i < b->n; i++) {
		if (strcmp(b->commits[i], commit))
			continue;
		if (!b->descs[i]) {
			/* Versions with the same text share one read. */
			for (size_t k = 0; k < b->n && !b->descs[i]; k++)
				if (k != i && b->descs[k] && git_oid_equal(&b->blobs[k], &b->blobs[i]))
					return b->descs[k];
			b->descs[i] = store_desc_from_blob(b->s, &b->blobs[i]);
		}
		return b->descs[i];
	}
	return NULL;
}

static bool brief_same(void *ctx, const char *a, const char *bc)
{
	brief_ctx *b = ctx;
	const git_oid *x = NULL, *y = NULL;
	for (size_t i = 0; i < b->n; i++) {
		if (!strcmp(b->commits[i], a))
			x = &b->blobs[i];
		if (!strcmp(b->commits[i], bc))
			y = &b->blobs[i];
	}
	return x && y && git_oid_equal(x, y);
}

/* Adds the version a record names (a prefix of 7 or more hex digits) when it
 * is a commit that holds the description (file, in algoritmes/). */
static void brief_version(brief_ctx *b, briefs_walk *w, const char *file, const char *commit, size_t cap)
{
	if (!commit || b->n >= cap)
		return;
	const vmemo *m = walk_version(w, commit);
	if (!m->ok || !folder_blob(m->alg, file, &b->blobs[b->n]))
		return;
	for (size_t i = 0; i < b->n; i++)
		if (!strcmp(b->commits[i], m->hex))
			return;
	memcpy(b->commits[b->n], m->hex, sizeof m->hex);
	review_version *v = &b->v[b->n];
	v->commit = b->commits[b->n];
	v->author = xstrdup(m->author);
	v->email = xstrdup(m->email);
	v->time = m->time;
	b->n++;
}

static int by_time_desc(const void *pa, const void *pb)
{
	const review_version *a = pa, *b = pb;
	return a->time > b->time ? -1 : a->time < b->time;
}

/* head: HEAD's vmemo. */
static void brief_one(briefs_walk *w, const vmemo *head, const char *slug, const char *me_name, const char *me_email,
                      bool self_approve, store_review_brief *out)
{
	store *s = w->s;
	memset(out, 0, sizeof *out);
	out->slug = xstrdup(slug);
	store_review r;
	memset(&r, 0, sizeof r);
	r.slug = (char *)slug;
	if (read_records(s, slug, &r) != STORE_OK || !r.n) {
		free(r.recs);
		return;
	}
	size_t cap = r.n + 2;
	brief_ctx b = { s, NULL, NULL, NULL, NULL, 0 };
	char *file = xasprintf("%s.yaml", slug);
	b.v = xcalloc(cap, sizeof *b.v);
	b.commits = xcalloc(cap, sizeof *b.commits);
	b.blobs = xcalloc(cap, sizeof *b.blobs);
	b.descs = xcalloc(cap, sizeof *b.descs);
	/* HEAD first. */
	if (head && head->ok)
		brief_version(&b, w, file, head->key, cap);
	for (size_t i = 0; b.n && i < r.n; i++)
		brief_version(&b, w, file, r.recs[i].version, cap);
	/* Newest first, HEAD (the latest) at the top; the commits move with
	 * their versions. */
	if (b.n > 2) {
		typedef struct { review_version v; char c[41]; git_oid blob; } tmp_t;
		tmp_t *t = xcalloc(b.n, sizeof *t);
		for (size_t i = 1; i < b.n; i++) {
			t[i].v = b.v[i];
			memcpy(t[i].c, b.commits[i], 41);
			t[i].blob = b.blobs[i];
		}
		qsort(t + 1, b.n - 1, sizeof *t, by_time_desc);
		for (size_t i = 1; i < b.n; i++) {
			b.v[i] = t[i].v;
			memcpy(b.commits[i], t[i].c, 41);
			b.v[i].commit = b.commits[i];
			b.blobs[i] = t[i].blob;
		}
		free(t);
	}
	review_ctx ctx = { s->std, slug, b.v, b.n, self_approve, brief_at, NULL, &b, NULL, true, brief_same };
	review_summary sm;
	review_compute(r.recs, r.n, &ctx, &sm);
	out->state = sm.state;
	out->note = sm.note;
	out->open_comments = sm.open_comments;
	out->open_suggestions = sm.open_suggestions;
	out->records = r.n;
	out->bad = sm.nbad;
	const review_rec *q = sm.request;
	if (sm.state == REVIEW_IN_REVIEW && q && (!q->email || !me_email || strcasecmp(q->email, me_email))) {
		bool named = q->nreviewers == 0;
		for (size_t k = 0; k < q->nreviewers && !named; k++)
			named = (me_name && !strcasecmp(q->reviewers[k], me_name)) || (me_email && !strcasecmp(q->reviewers[k], me_email));
		out->waiting_for_me = named;
	}
	review_summary_done(&sm);
	for (size_t i = 0; i < b.n; i++) {
		free((char *)b.v[i].author);
		free((char *)b.v[i].email);
		desc_free(&b.descs[i]);
	}
	free(b.v);
	free(b.commits);
	free(b.blobs);
	free(b.descs);
	free(file);
	for (size_t i = 0; i < r.n; i++)
		review_rec_done(&r.recs[i]);
	free(r.recs);
}

/* ---- the briefs, cached in .git/algedit/review-briefs ----
 * A first line naming the user and the self-approval setting, then one line
 * per description: "<slug> <key> state note comments suggestions records
 * bad waiting". The key is what the brief depends on, by content: the blob
 * of the description at HEAD and the tree of its records folder at HEAD (so
 * a record that sync rewrote in place, same size, same folder, gives a new
 * key), then the folder's time and size in the work tree (records added or
 * removed and not yet committed). A line whose key still holds is used as
 * it is, others are computed again. A cache: a damaged file costs speed
 * only. */

static char *briefs_path(store *s)
{
	return xasprintf("%salgedit/review-briefs", s->gitdir);
}

/* The key into buf (at least BRIEF_KEY_MAX bytes): written by hand, as it
 * is made for each of 100,000 descriptions on every opening. */
#define BRIEF_KEY_MAX (2 * GIT_OID_HEXSZ + 3 * 24 + 8)

static char *put_num(char *p, unsigned long long v, int width)
{
	char t[24];
	int k = 0;
	do {
		t[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v && k < 24);
	while (k < width)
		t[k++] = '0';
	while (k)
		*p++ = t[--k];
	return p;
}

/* The key's content part, "<blob>:<records tree>" at HEAD, into p;
 * returns its end. */
static char *brief_content(briefs_walk *w, const char *slug, char *p)
{
	git_oid oid;
	char file[NAME_MAX + 1];
	if ((size_t)snprintf(file, sizeof file, "%s.yaml", slug) < sizeof file && folder_blob(w->alg_head, file, &oid)) {
		git_oid_fmt(p, &oid);
		p += GIT_OID_HEXSZ;
	} else {
		*p++ = '-';
	}
	*p++ = ':';
	const git_tree_entry *e = w->rev_head ? git_tree_entry_byname(w->rev_head, slug) : NULL;
	if (e) {
		git_oid_fmt(p, git_tree_entry_id(e));
		p += GIT_OID_HEXSZ;
	} else {
		*p++ = '-';
	}
	return p;
}

/* The key's work-tree part, ":<time>:<size>" of the records folder or
 * ":-", at p; ends the key. */
static void brief_stat(int rfd, const char *slug, char *p)
{
	struct stat st;
	*p++ = ':';
	if (rfd < 0 || fstatat(rfd, slug, &st, AT_SYMLINK_NOFOLLOW) != 0 || st.st_mtim.tv_sec < 0 || st.st_size < 0) {
		*p++ = '-';
	} else {
		p = put_num(p, (unsigned long long)st.st_mtim.tv_sec, 1);
		*p++ = '.';
		p = put_num(p, (unsigned long long)st.st_mtim.tv_nsec, 9);
		*p++ = ':';
		p = put_num(p, (unsigned long long)st.st_size, 1);
	}
	*p = '\0';
}

/* HEAD's folders, read on the first description that needs them: with
 * the cache of an unchanged HEAD, none does. */
static const vmemo *walk_ready(briefs_walk *w, bool *ready, const vmemo **hm)
{
	if (*ready)
		return *hm;
	*ready = true;
	git_commit *hc = NULL;
	git_tree *ht = store_head_tree(w->s, &hc);
	if (hc) {
		w->s->counts.tree_reads++;
		char hex[GIT_OID_HEXSZ + 1];
		git_oid_tostr(hex, sizeof hex, git_commit_id(hc));
		*hm = walk_version(w, hex);
		w->alg_head = (*hm)->alg;
		w->rev_head = commit_subtree(w->s, hc, REVIEW_DIR);
	}
	git_tree_free(ht);
	git_commit_free(hc);
	return *hm;
}

/* The seven numbers of a cache line, p to end: decimal digits, one space
 * between; false for anything else. */
static bool brief_numbers(const char *p, const char *end, size_t v[7])
{
	for (int k = 0; k < 7; k++) {
		if (k && (p >= end || *p++ != ' '))
			return false;
		if (p >= end || *p < '0' || *p > '9')
			return false;
		size_t x = 0;
		for (; p < end && *p >= '0' && *p <= '9'; p++) {
			if (x > (SIZE_MAX - 9) / 10)
				return false;
			x = x * 10 + (size_t)(*p - '0');
		}
		v[k] = x;
	}
	return p == end;
}

store_status store_review_briefs(store *s, store_review_brief **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	char **slugs = NULL;
	size_t ns = 0;
	store_status st = store_list(s, &slugs, &ns);
	if (st != STORE_OK)
		return st;
	char *name = NULL, *email = NULL;
	store_author(s, &name, &email);
	bool self = store_review_self_approve(s);
	*out = xcalloc(ns + 1, sizeof **out);
	/* The cache, if it is about this user and setting. */
	char *path = briefs_path(s), *data = NULL;
	size_t len = 0;
	strbuf head = STRBUF_INIT;
	sb_printf(&head, "algedit-review-briefs 2 %d ", self);
	for (const char *p = email ? email : ""; *p; p++)
		sb_addc(&head, *p == '\n' || *p == ' ' ? '_' : *p);
	sb_addc(&head, ' ');
	for (const char *p = name ? name : ""; *p; p++)
		sb_addc(&head, *p == '\n' || *p == ' ' ? '_' : *p);
	sb_addc(&head, '\n');
	if (read_file(path, (size_t)1 << 26, &data, &len) < 0 || len < head.len || memcmp(data, head.s, head.len)) {
		free(data);
		data = NULL;
		len = 0;
	}
	/* The second line names HEAD: while it stays, the content part of
	 * each key is as the cache has it, and no tree needs reading. */
	char head_hex[GIT_OID_HEXSZ + 1] = "-";
	git_oid hid;
	if (git_reference_name_to_id(&hid, s->repo, "HEAD") == 0)
		git_oid_tostr(head_hex, sizeof head_hex, &hid);
	git_error_clear();
	/* data starts with the first line (checked above); then "head X". */
	size_t skip = head.len;
	bool same_head = false;
	if (data) {
		const char *l2 = data + head.len, *e2 = memchr(l2, '\n', len - head.len);
		size_t hl = strlen(head_hex);
		if (!e2 || e2 - l2 < 5 || memcmp(l2, "head ", 5)) {
			/* Not what we write: none of it is used. */
			xfree(&data);
			len = 0;
		} else {
			same_head = (size_t)(e2 - l2) == 5 + hl && !memcmp(l2 + 5, head_hex, hl);
			skip = (size_t)(e2 + 1 - data);
		}
	}
	sb_printf(&head, "head %s\n", head_hex);
	briefs_walk w;
	memset(&w, 0, sizeof w);
	w.s = s;
	const vmemo *hm = NULL;
	bool ready = false;
	char *top = xasprintf("%s" REVIEW_DIR, s->workdir);
	int rfd = open(top, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	free(top);
	strbuf nc = STRBUF_INIT;
	sb_add(&nc, head.s, head.len);
	bool changed = !data || !same_head;
	const char *cp = data ? data + skip : NULL;
	char (*keys)[BRIEF_KEY_MAX] = xcalloc(ns + 1, sizeof *keys);
	for (size_t i = 0; i < ns; i++) {
		store_review_brief *b = &(*out)[i];
		char key[BRIEF_KEY_MAX];
		bool hit = false, keyed = false;
		/* The cache's lines are in the order of store_list: walk along. */
		size_t sl = strlen(slugs[i]);
		while (cp && cp < data + len) {
			const char *nl = memchr(cp, '\n', (size_t)(data + len - cp));
			if (!nl)
				break;
			size_t ll = (size_t)(nl - cp);
			int c = ll > sl && cp[sl] == ' ' ? strncmp(cp, slugs[i], sl) : strncmp(cp, slugs[i], sl) ? strncmp(cp, slugs[i], sl) : 1;
			if (c > 0)
				break;
			if (c == 0) {
				/* This description's line: its key, then its numbers. */
				const char *k0 = cp + sl + 1, *k1 = memchr(k0, ' ', (size_t)(nl - k0));
				const char *c1 = k1 ? memchr(k0, ':', (size_t)(k1 - k0)) : NULL;
				const char *c2 = c1 ? memchr(c1 + 1, ':', (size_t)(k1 - c1 - 1)) : NULL;
				if (same_head && c2 && (size_t)(c2 - k0) < BRIEF_KEY_MAX - 3 * 24 - 4) {
					memcpy(key, k0, (size_t)(c2 - k0));
					brief_stat(rfd, slugs[i], key + (c2 - k0));
				} else {
					walk_ready(&w, &ready, &hm);
					brief_stat(rfd, slugs[i], brief_content(&w, slugs[i], key));
				}
				keyed = true;
				size_t kl = strlen(key);
				size_t v[7];
				if (k1 && (size_t)(k1 - k0) == kl && !memcmp(k0, key, kl) && brief_numbers(k1 + 1, nl, v) &&
				    v[0] <= REVIEW_PUBLISHED && v[1] <= NOTE_CHANGED_AFTER_APPROVAL) {
					b->slug = xstrdup(slugs[i]);
					b->state = (review_state)v[0];
					b->note = (review_note)v[1];
					b->open_comments = v[2];
					b->open_suggestions = v[3];
					b->records = v[4];
					b->bad = v[5];
					b->waiting_for_me = v[6] != 0;
					hit = true;
				}
				cp = nl + 1;
				break;
			}
			cp = nl + 1;
		}
		if (!keyed) {
			walk_ready(&w, &ready, &hm);
			brief_stat(rfd, slugs[i], brief_content(&w, slugs[i], key));
		}
		if (!hit) {
			brief_one(&w, walk_ready(&w, &ready, &hm), slugs[i], name, email, self, b);
			changed = true;
		}
		memcpy(keys[i], key, sizeof key);
	}
	/* The cache written again only when a line changed. */
	for (size_t i = 0; changed && i < ns; i++) {
		const store_review_brief *b = &(*out)[i];
		sb_adds(&nc, slugs[i]);
		sb_addc(&nc, ' ');
		sb_adds(&nc, keys[i]);
		size_t v[7] = { (size_t)b->state, (size_t)b->note, b->open_comments, b->open_suggestions, b->records, b->bad,
		                (size_t)b->waiting_for_me };
		for (int k = 0; k < 7; k++) {
			char num[24];
			sb_addc(&nc, ' ');
			sb_add(&nc, num, (size_t)(put_num(num, v[k], 1) - num));
		}
		sb_addc(&nc, '\n');
	}
	free(keys);
	if (rfd >= 0)
		close(rfd);
	walk_done(&w);
	if (changed && store_private_dir(s, NULL) == 0)
		(void)write_file_private(path, nc.s, nc.len);
	sb_done(&nc);
	sb_done(&head);
	free(data);
	free(path);
	*n = ns;
	free(name);
	free(email);
	store_slugs_free(&slugs, ns);
	return STORE_OK;
}

void store_review_briefs_free(store_review_brief **v, size_t n)
{
	for (size_t i = 0; *v && i < n; i++)
		free((*v)[i].slug);
	xfree(v);
}

/* ---- the version each reviewer last saw: .git/algedit/review-seen ----
 * One line per description and reviewer: "<slug> <email> <commit>". */

static char *seen_path(store *s)
{
	return xasprintf("%salgedit/review-seen", s->gitdir);
}

static bool seen_word_ok(const char *w)
{
	return w && *w && !strpbrk(w, " \t\r\n");
}

char *store_review_seen(store *s, const char *slug, const char *email)
{
	if (!seen_word_ok(slug) || !seen_word_ok(email))
		return NULL;
	char *path = seen_path(s), *data = NULL, *found = NULL;
	size_t len = 0;
	if (read_file(path, (size_t)1 << 24, &data, &len) == 0) {
		size_t sl = strlen(slug), el = strlen(email);
		for (char *p = data, *nl; p < data + len; p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(data + len - p));
			if (!nl)
				break;
			size_t ll = (size_t)(nl - p);
			if (ll == sl + 1 + el + 1 + 40 && !strncmp(p, slug, sl) && p[sl] == ' ' && !strncasecmp(p + sl + 1, email, el) &&
			    p[sl + 1 + el] == ' ') {
				free(found);
				found = xstrndup(p + sl + el + 2, 40);
				if (strspn(found, "0123456789abcdef") != 40)
					xfree(&found);
			}
		}
	}
	free(data);
	free(path);
	return found;
}

void store_review_set_seen(store *s, const char *slug, const char *email, const char *commit)
{
	if (!seen_word_ok(slug) || !seen_word_ok(email) || !commit || strlen(commit) != 40 || strspn(commit, "0123456789abcdef") != 40)
		return;
	char *path = seen_path(s), *data = NULL;
	size_t len = 0;
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	size_t sl = strlen(slug), el = strlen(email);
	if (read_file(path, (size_t)1 << 24, &data, &len) == 0) {
		for (char *p = data, *nl; p < data + len; p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(data + len - p));
			if (!nl)
				break;
			bool mine = (size_t)(nl - p) > sl + el + 1 && !strncmp(p, slug, sl) && p[sl] == ' ' &&
			            !strncasecmp(p + sl + 1, email, el) && p[sl + 1 + el] == ' ';
			if (!mine)
				sb_add(&b, p, (size_t)(nl - p) + 1);
		}
	}
	sb_printf(&b, "%s %s %s\n", slug, email, commit);
	if (store_private_dir(s, NULL) == 0)
		(void)write_file_private(path, b.s, b.len);
	free(data);
	free(path);
	sb_done(&b);
}
