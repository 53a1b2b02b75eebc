/* history: the versions of one description. Walks first parents from a
 * revision and keeps the commits in which the description's blob differs
 * from the parent's. The fields each version changed come from the field
 * diff of the two models, so commits made by other tools get them too.
 *
 * Reading the folder of 1,000 descriptions for each of 10,000 commits is what
 * makes history slow, so the descriptions each commit changed are kept in
 * .git/algedit/changed-paths (like git's changed-path filters): a commit
 * listed there is passed over without reading a tree unless it changed this
 * description. The file is a cache, never the truth: lines it does not have
 * are computed and added; names in it are escaped (a file name from a
 * remote holding a line break must not forge the line of another commit
 * and hide it from the history); a file with anything it would not have
 * written is thrown away and built again; deleting it loses nothing. */
#include "config.h"
#include "store/store_int.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Looks name up in a raw tree object ("<mode> <name>\0<id>" entries). Git
 * walks raw trees the same way; parsing every entry of a folder of 1,000
 * descriptions for each of 10,000 commits is what made history slow. */
static int raw_entry(git_odb *odb, const git_oid *tree, const char *name, size_t nlen, bool want_tree, git_oid *out)
{
	git_odb_object *o = NULL;
	if (git_odb_read(&o, odb, tree) < 0)
		return -1;
	const char *p = git_odb_object_data(o), *end = p + git_odb_object_size(o);
	int found = 0;
	while (p < end) {
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		if (!sp)
			break;
		const char *nul = memchr(sp + 1, '\0', (size_t)(end - sp - 1));
		if (!nul || end - nul < 1 + GIT_OID_RAWSZ)
			break;
		size_t len = (size_t)(nul - sp - 1);
		bool is_tree = sp - p == 5 && !memcmp(p, "40000", 5);
		if (len == nlen && !memcmp(sp + 1, name, nlen) && is_tree == want_tree) {
			git_oid_fromraw(out, (const unsigned char *)nul + 1);
			found = 1;
			break;
		}
		p = nul + 1 + GIT_OID_RAWSZ;
	}
	git_odb_object_free(o);
	return found;
}

/* The blob of rel in commit id: 1 found, 0 absent, -1 error. */
static int blob_at(store *s, git_odb *odb, const git_oid *id, const char *rel, git_oid *out)
{
	git_commit *c = NULL;
	if (git_commit_lookup(&c, s->repo, id) < 0)
		return -1;
	git_oid cur;
	git_oid_cpy(&cur, git_commit_tree_id(c));
	git_commit_free(c);
	for (const char *p = rel;;) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		int r = raw_entry(odb, &cur, p, n, slash != NULL, slash ? &cur : out);
		if (r <= 0 || !slash)
			return r;
		p = slash + 1;
	}
}

/* ---- the changed-paths cache ---- */

typedef struct cp_entry {
	git_oid id;
	char *names;      /* ",a.yaml,b.yaml," or "," for none; NULL = empty slot */
} cp_entry;

typedef struct cp_index {
	cp_entry *v;
	size_t cap, n;
	strbuf added;     /* new lines to append */
	bool rewrite;     /* the file was missing or damaged: write it whole */
} cp_index;

static size_t cp_slot(const cp_index *x, const git_oid *id)
{
	size_t h;
	memcpy(&h, id->id, sizeof h);
	size_t i = h & (x->cap - 1);
	while (x->v[i].names && !git_oid_equal(&x->v[i].id, id))
		i = (i + 1) & (x->cap - 1);
	return i;
}

static void cp_put(cp_index *x, const git_oid *id, const char *names, size_t len)
{
	if ((x->n + 1) * 2 > x->cap) {
		cp_entry *old = x->v;
		size_t oldcap = x->cap;
		x->cap = x->cap ? x->cap * 2 : 1024;
		x->v = xcalloc(x->cap, sizeof *x->v);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].names)
				x->v[cp_slot(x, &old[i].id)] = old[i];
		free(old);
	}
	size_t i = cp_slot(x, id);
	if (x->v[i].names)
		return;
	git_oid_cpy(&x->v[i].id, id);
	x->v[i].names = xstrndup(names, len);
	x->n++;
}

static const char *cp_get(const cp_index *x, const git_oid *id)
{
	if (!x->cap)
		return NULL;
	return x->v[cp_slot(x, id)].names;
}

static char *cp_path(store *s)
{
	return xasprintf("%salgedit/changed-paths", s->gitdir);
}

static void cp_forget(cp_index *x)
{
	for (size_t i = 0; i < x->cap; i++)
		free(x->v[i].names);
	free(x->v);
	x->v = NULL;
	x->cap = x->n = 0;
}

static int cp_load_one(void *ctx, const git_oid *id, const char *names, size_t len)
{
	cp_index *x = ctx;
	const char *had = cp_get(x, id);
	if (had && (strlen(had) != len || memcmp(had, names, len)))
		return -1; /* two answers for one commit: not what we write */
	cp_put(x, id, names, len);
	return 0;
}

static void cp_load(store *s, cp_index *x)
{
	char *path = cp_path(s), *data;
	size_t len;
	memset(x, 0, sizeof *x);
	if (read_file(path, (size_t)1 << 30, &data, &len) == 0) {
		if (store_cp_parse(data, len, cp_load_one, x) < 0) {
			/* Damaged, torn, or of an older kind: none of it is trusted. */
			cp_forget(x);
			x->rewrite = true;
		}
		free(data);
	} else {
		x->rewrite = true;
	}
	git_error_clear();
	free(path);
}

/* Appends what this walk learnt; a cache, so failure only costs speed. */
static void cp_save(store *s, cp_index *x)
{
	if (x->added.len || x->rewrite) {
		char *dir = xasprintf("%salgedit", s->gitdir), *path = cp_path(s);
		store_private_dir(s, NULL);
		if (x->rewrite) {
			strbuf all = STRBUF_INIT;
			sb_adds(&all, STORE_CP_HEADER);
			for (size_t i = 0; i < x->cap; i++)
				if (x->v[i].names) {
					char hex[GIT_OID_HEXSZ + 1];
					git_oid_tostr(hex, sizeof hex, &x->v[i].id);
					sb_printf(&all, "%s %s\n", hex, x->v[i].names);
				}
			(void)write_file_private(path, all.s, all.len);
			sb_done(&all);
		} else {
			int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
			if (fd >= 0) {
				ssize_t w = write(fd, x->added.s, x->added.len);
				(void)w;
				close(fd);
			}
		}
		free(dir);
		free(path);
	}
	cp_forget(x);
	sb_done(&x->added);
}

typedef struct raw_ent {
	const char *name;
	size_t len;
	const unsigned char *id;
} raw_ent;

static int raw_ent_cmp(const void *a, const void *b)
{
	const raw_ent *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->name, y->name, n);
	return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The entries of a raw tree object, sorted by name. */
static raw_ent *raw_entries(git_odb_object *o, size_t *n)
{
	const char *p = o ? git_odb_object_data(o) : NULL, *end = p ? p + git_odb_object_size(o) : NULL;
	raw_ent *v = NULL;
	size_t cap = 0;
	bool sorted = true;
	*n = 0;
	while (p && p < end) {
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		const char *nul = sp ? memchr(sp + 1, '\0', (size_t)(end - sp - 1)) : NULL;
		if (!nul || end - nul < 1 + GIT_OID_RAWSZ)
			break;
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[*n] = (raw_ent){ sp + 1, (size_t)(nul - sp - 1), (const unsigned char *)nul + 1 };
		if (*n && raw_ent_cmp(&v[*n - 1], &v[*n]) > 0)
			sorted = false;
		(*n)++;
		p = nul + 1 + GIT_OID_RAWSZ;
	}
	if (!sorted)
		qsort(v, *n, sizeof *v, raw_ent_cmp);
	return v;
}

/* The descriptions folder's tree id in a commit's tree: 1, 0 absent, -1 error. */
static int desc_tree(store *s, git_odb *odb, const git_oid *commit, git_oid *out)
{
	git_commit *c = NULL;
	if (git_commit_lookup(&c, s->repo, commit) < 0)
		return -1;
	git_oid root;
	git_oid_cpy(&root, git_commit_tree_id(c));
	git_commit_free(c);
	return raw_entry(odb, &root, "algoritmes", 10, true, out);
}

/* ",a.yaml,b.yaml,": the names under algoritmes/ that differ between the
 * commit and its first parent. Returns -1 when a tree cannot be read. */
static int changed_names(store *s, git_odb *odb, const git_oid *id, strbuf *out)
{
	git_commit *c = NULL;
	if (git_commit_lookup(&c, s->repo, id) < 0)
		return -1;
	git_oid t1, t0;
	int h1 = desc_tree(s, odb, id, &t1), h0 = 0;
	if (git_commit_parentcount(c) > 0) {
		h0 = desc_tree(s, odb, git_commit_parent_id(c, 0), &t0);
		if (h0 < 0) { /* a shallow clone ends here */
			git_error_clear();
			h0 = 0;
		}
	}
	git_commit_free(c);
	if (h1 < 0)
		return -1;
	sb_reset(out);
	sb_addc(out, ',');
	if (h1 == h0 && (h1 == 0 || git_oid_equal(&t1, &t0)))
		return 0;
	git_odb_object *o1 = NULL, *o0 = NULL;
	if ((h1 && git_odb_read(&o1, odb, &t1) < 0) || (h0 && git_odb_read(&o0, odb, &t0) < 0)) {
		git_odb_object_free(o1);
		return -1;
	}
	size_t n1, n0, i = 0, j = 0;
	raw_ent *a = raw_entries(o1, &n1), *b = raw_entries(o0, &n0);
	while (i < n1 || j < n0) {
		int c2 = i == n1 ? 1 : j == n0 ? -1 : raw_ent_cmp(&a[i], &b[j]);
		const raw_ent *e = c2 <= 0 ? &a[i] : &b[j];
		if (c2 != 0 || memcmp(a[i].id, b[j].id, GIT_OID_RAWSZ)) {
			/* Escaped: a name is a remote's, and may hold ',' or '\n'. */
			store_name_escape(out, e->name, e->len);
			sb_addc(out, ',');
		}
		if (c2 <= 0)
			i++;
		if (c2 >= 0)
			j++;
	}
	free(a);
	free(b);
	git_odb_object_free(o1);
	git_odb_object_free(o0);
	return 0;
}

/* True when the commit may have changed name: it is listed with it, or the
 * cache could not tell. */
static bool may_have_changed(store *s, git_odb *odb, cp_index *x, const git_oid *id, const char *key)
{
	const char *names = cp_get(x, id);
	if (!names) {
		strbuf b = STRBUF_INIT;
		if (changed_names(s, odb, id, &b) < 0) {
			git_error_clear();
			sb_done(&b);
			return true;
		}
		char hex[GIT_OID_HEXSZ + 1];
		git_oid_tostr(hex, sizeof hex, id);
		sb_printf(&x->added, "%s %s\n", hex, b.s);
		cp_put(x, id, b.s, b.len);
		sb_done(&b);
		names = cp_get(x, id);
	}
	return strstr(names, key) != NULL;
}

static void add_version(store *s, store_version **v, size_t *n, git_commit *c, const git_oid *old_blob,
                        const git_oid *new_blob, int lang)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	store_version *x = &(*v)[(*n)++];
	memset(x, 0, sizeof *x);
	git_oid_tostr(x->commit, sizeof x->commit, git_commit_id(c));
	const git_signature *a = git_commit_author(c);
	x->author = xstrdup(a->name ? a->name : "");
	x->email = xstrdup(a->email ? a->email : "");
	x->time = (int64_t)a->when.time;
	x->tz_minutes = a->when.offset;
	const char *sum = git_commit_summary(c);
	x->summary = xstrdup(sum ? sum : "");
	x->removed = new_blob == NULL;
	if (lang < 0) {
		/* The caller does without the fields (the review loads them
		 * later, for the versions it shows). */
		x->fields = xstrdup("");
		return;
	}
	description *o = old_blob ? store_desc_from_blob(s, old_blob) : NULL;
	description *d = new_blob ? store_desc_from_blob(s, new_blob) : NULL;
	desc_diff *dd = desc_diff_new(o, d);
	x->fields = desc_diff_labels(dd, lang);
	desc_diff_free(&dd);
	desc_free(&o);
	desc_free(&d);
}

store_status store_log(store *s, const char *rev, const char *slug, size_t max, int lang,
                       store_version **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	char *rel = store_relpath(slug);
	if (!rel)
		return store_fail(s, STORE_NOT_FOUND, _("\"%s\" is not a valid description name; use letters, digits and -"), slug);
	git_revwalk *w = NULL;
	git_object *start = NULL;
	git_odb *odb = NULL;
	cp_index cpx;
	char *key = NULL;
	store_status rc = STORE_OK;
	memset(&cpx, 0, sizeof cpx);
	if (git_revparse_single(&start, s->repo, rev ? rev : "HEAD") < 0) {
		rc = rev ? store_fail(s, STORE_NOT_FOUND, _("there is no version \"%s\""), rev)
		         : store_fail(s, STORE_NOT_FOUND, "%s", _("the repository has no saved versions yet"));
		goto out;
	}
	git_object *peeled = NULL;
	if (git_object_peel(&peeled, start, GIT_OBJECT_COMMIT) < 0 || git_revwalk_new(&w, s->repo) < 0 ||
	    git_revwalk_push(w, git_object_id(peeled)) < 0) {
		git_object_free(peeled);
		rc = store_fail(s, STORE_ERROR, _("cannot read the history: %s"), store_git_msg());
		goto out;
	}
	git_object_free(peeled);
	if (git_repository_odb(&odb, s->repo) < 0) {
		rc = store_fail(s, STORE_ERROR, _("cannot read the history: %s"), store_git_msg());
		goto out;
	}
	git_revwalk_simplify_first_parent(w);
	cp_load(s, &cpx);
	key = xasprintf(",%s,", rel + strlen("algoritmes/"));
	git_oid id, cached_commit, cached_blob;
	memset(&cached_blob, 0, sizeof cached_blob);
	int cached = -2; /* -2: nothing cached; else blob_at's answer */
	while (git_revwalk_next(&id, w) == 0) {
		git_oid blob, pblob;
		int have;
		if (!may_have_changed(s, odb, &cpx, &id, key))
			continue;
		if (cached != -2 && git_oid_equal(&id, &cached_commit)) {
			have = cached;
			git_oid_cpy(&blob, &cached_blob);
		} else {
			have = blob_at(s, odb, &id, rel, &blob);
		}
		git_commit *c = NULL;
		if (have < 0 || git_commit_lookup(&c, s->repo, &id) < 0) {
			rc = store_fail(s, STORE_ERROR, _("cannot read the history: %s"), store_git_msg());
			goto out;
		}
		int phave = 0;
		if (git_commit_parentcount(c) > 0) {
			const git_oid *pid = git_commit_parent_id(c, 0);
			phave = blob_at(s, odb, pid, rel, &pblob);
			if (phave < 0) {
				/* A shallow clone ends here: the rest is not on this disk. */
				git_error_clear();
				phave = 0;
			}
			git_oid_cpy(&cached_commit, pid);
			cached = phave;
			if (phave == 1)
				git_oid_cpy(&cached_blob, &pblob);
		}
		bool changed = have != phave || (have == 1 && !git_oid_equal(&blob, &pblob));
		if (changed)
			add_version(s, out, n, c, phave == 1 ? &pblob : NULL, have == 1 ? &blob : NULL, lang);
		git_commit_free(c);
		if (max && *n >= max)
			break;
	}
	if (*n == 0)
		rc = store_fail(s, STORE_NOT_FOUND, _("the description %s has no saved versions; algedit new or a save makes the first"), slug);
out:
	cp_save(s, &cpx);
	free(key);
	git_odb_free(odb);
	git_revwalk_free(w);
	git_object_free(start);
	free(rel);
	return rc;
}

void store_versions_free(store_version **v, size_t n)
{
	for (size_t i = 0; *v && i < n; i++) {
		free((*v)[i].author);
		free((*v)[i].email);
		free((*v)[i].summary);
		free((*v)[i].fields);
	}
	xfree(v);
}

/* ---- the last version of every name: store_last_version ----
 * The newest commit (first parents from HEAD) that changed each name of
 * algoritmes/, from the changed-paths cache, built in one walk and kept
 * with the store; when HEAD moves on, only the new commits are read. Asking
 * for a new name walked the whole history (and read a tree per commit)
 * once per name: an import of 1,000 descriptions did so 1,000 times. */

typedef struct lv_ent {
	char *name;          /* escaped as in the changed-paths cache; NULL: empty */
	git_oid commit;
} lv_ent;

struct store_lv {
	git_oid head;
	lv_ent *v;
	size_t cap, n;
	bool dirty;          /* to be written to .git/algedit/last-versions */
};

/* The index is kept in .git/algedit/last-versions beside the changed-paths
 * cache: "algedit last-versions 1", "head <id>", then "<commit> <name>" per
 * name (escaped as there). A cache: anything else in it and it is built
 * again. */
#define LV_HEADER "algedit last-versions 1\n"

static size_t lv_slot(const struct store_lv *x, const char *name, size_t len)
{
	size_t i = (size_t)store_fnv1a(name, len) & (x->cap - 1);
	while (x->v[i].name && (strlen(x->v[i].name) != len || memcmp(x->v[i].name, name, len)))
		i = (i + 1) & (x->cap - 1);
	return i;
}

/* Adds name -> commit unless name has a newer one already. */
static void lv_put(struct store_lv *x, const char *name, size_t len, const git_oid *commit, bool replace)
{
	if ((x->n + 1) * 2 > x->cap) {
		lv_ent *old = x->v;
		size_t oldcap = x->cap;
		x->cap = x->cap ? x->cap * 2 : 1024;
		x->v = xcalloc(x->cap, sizeof *x->v);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].name)
				x->v[lv_slot(x, old[i].name, strlen(old[i].name))] = old[i];
		free(old);
	}
	size_t i = lv_slot(x, name, len);
	if (x->v[i].name) {
		if (replace)
			git_oid_cpy(&x->v[i].commit, commit);
		return;
	}
	x->v[i].name = xstrndup(name, len);
	git_oid_cpy(&x->v[i].commit, commit);
	x->n++;
}

static char *lv_path(store *s)
{
	return xasprintf("%salgedit/last-versions", s->gitdir);
}

static void lv_put(struct store_lv *x, const char *name, size_t len, const git_oid *commit, bool replace);

/* The kept index, or NULL. */
static struct store_lv *lv_load(store *s)
{
	char *path = lv_path(s), *data = NULL;
	size_t len = 0;
	struct stat st;
	/* Never through a link, and only a file of ours. */
	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || read_file(path, (size_t)1 << 28, &data, &len) < 0) {
		free(path);
		return NULL;
	}
	free(path);
	struct store_lv *x = xcalloc(1, sizeof *x);
	size_t hl = strlen(LV_HEADER);
	const char *p = data, *end = data + len;
	bool ok = len > hl + 5 + GIT_OID_HEXSZ && !memcmp(p, LV_HEADER, hl) && !memcmp(p + hl, "head ", 5) &&
	          git_oid_fromstrn(&x->head, p + hl + 5, GIT_OID_HEXSZ) == 0 && p[hl + 5 + GIT_OID_HEXSZ] == '\n';
	for (p += hl + 6 + GIT_OID_HEXSZ; ok && p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		git_oid id;
		if (!nl || nl - p < GIT_OID_HEXSZ + 2 || p[GIT_OID_HEXSZ] != ' ' || git_oid_fromstrn(&id, p, GIT_OID_HEXSZ) < 0) {
			ok = false;
			break;
		}
		const char *name = p + GIT_OID_HEXSZ + 1;
		char *plain = store_name_unescape(name, (size_t)(nl - name));
		ok = plain != NULL && *plain;
		free(plain);
		if (ok)
			lv_put(x, name, (size_t)(nl - name), &id, false);
		p = nl + 1;
	}
	free(data);
	git_error_clear();
	if (!ok)
		store_lv_free(&x);
	return x;
}

void store_lv_save(store *s)
{
	struct store_lv *x = s->lv;
	if (!x || !x->dirty || store_private_dir(s, NULL) < 0)
		return;
	strbuf b = STRBUF_INIT;
	char hex[GIT_OID_HEXSZ + 1];
	git_oid_tostr(hex, sizeof hex, &x->head);
	sb_printf(&b, LV_HEADER "head %s\n", hex);
	for (size_t i = 0; i < x->cap; i++)
		if (x->v[i].name) {
			git_oid_tostr(hex, sizeof hex, &x->v[i].commit);
			sb_printf(&b, "%s %s\n", hex, x->v[i].name);
		}
	char *path = lv_path(s);
	(void)write_file_private(path, b.s, b.len);
	free(path);
	sb_done(&b);
	x->dirty = false;
}

void store_lv_free(struct store_lv **px)
{
	struct store_lv *x = *px;
	if (!x)
		return;
	for (size_t i = 0; i < x->cap; i++)
		free(x->v[i].name);
	free(x->v);
	free(x);
	*px = NULL;
}

/* The names of the commits from HEAD down to stop (not included; NULL:
 * the whole history), newest first, into x: replace says whether a name
 * already in x is older (an update after HEAD moved) or newer. Returns
 * false when stop was not met. */
static bool lv_walk(store *s, struct store_lv *x, const git_oid *head, const git_oid *stop)
{
	git_revwalk *w = NULL;
	git_odb *odb = NULL;
	cp_index cpx;
	memset(&cpx, 0, sizeof cpx);
	if (git_revwalk_new(&w, s->repo) < 0 || git_revwalk_push(w, head) < 0 || git_repository_odb(&odb, s->repo) < 0) {
		git_revwalk_free(w);
		git_odb_free(odb);
		git_error_clear();
		return stop == NULL;
	}
	git_revwalk_simplify_first_parent(w);
	/* A whole walk reads the cache; an update (a save or two since) works
	 * its few commits out without reading all of it again, which for an
	 * import of 10,000 descriptions read it 10,000 times. */
	if (!stop) {
		cp_load(s, &cpx);
		s->counts.history_walks++;
	}
	/* In an update the new commits are seen newest first, so within them
	 * the first seen wins; they all win over what x had. */
	struct store_lv fresh = { 0 };
	bool met = stop == NULL;
	git_oid id;
	while (git_revwalk_next(&id, w) == 0) {
		if (stop && git_oid_equal(&id, stop)) {
			met = true;
			break;
		}
		s->counts.commit_reads++;
		(void)may_have_changed(s, odb, &cpx, &id, ",");
		const char *names = cp_get(&cpx, &id);
		for (const char *p = names ? names : ""; *p;) {
			while (*p == ',')
				p++;
			const char *e = strchr(p, ',');
			size_t len = e ? (size_t)(e - p) : strlen(p);
			if (!len)
				break;
			lv_put(stop ? &fresh : x, p, len, &id, false);
			p += len;
		}
	}
	for (size_t i = 0; i < fresh.cap; i++)
		if (fresh.v[i].name)
			lv_put(x, fresh.v[i].name, strlen(fresh.v[i].name), &fresh.v[i].commit, true);
	struct store_lv *fp = xcalloc(1, sizeof *fp);
	*fp = fresh;
	store_lv_free(&fp);
	if (stop) {
		/* Its lines are added to the cache when there is one. */
		char *path = cp_path(s);
		bool there = access(path, F_OK) == 0;
		free(path);
		if (!there)
			sb_reset(&cpx.added);
	}
	cp_save(s, &cpx);
	git_odb_free(odb);
	git_revwalk_free(w);
	git_error_clear();
	return met;
}

bool store_last_version(store *s, const char *rel, git_oid *blob, git_oid *where)
{
	git_commit *hc = NULL;
	git_tree *ht = store_head_tree(s, &hc);
	bool found = false;
	if (!hc)
		goto out;
	if (store_tree_blob(ht, rel, blob)) {
		/* In HEAD: HEAD is the newest commit that has it. */
		git_oid_cpy(where, git_commit_id(hc));
		found = true;
		goto out;
	}
	const git_oid *head = git_commit_id(hc);
	if (!s->lv)
		s->lv = lv_load(s);
	struct store_lv *x = s->lv;
	if (!x || !git_oid_equal(&x->head, head)) {
		if (!x || !lv_walk(s, x, head, &x->head)) {
			store_lv_free(&s->lv);
			x = s->lv = xcalloc(1, sizeof *x);
			lv_walk(s, x, head, NULL);
		}
		git_oid_cpy(&x->head, head);
		x->dirty = true;
	}
	if (strncmp(rel, "algoritmes/", strlen("algoritmes/")))
		goto out;
	const char *name = rel + strlen("algoritmes/");
	strbuf key = STRBUF_INIT;
	store_name_escape(&key, name, strlen(name));
	if (!x->cap || !key.len) {
		sb_done(&key);
		goto out;
	}
	const lv_ent *e = &x->v[lv_slot(x, key.s, key.len)];
	sb_done(&key);
	if (!e->name)
		goto out;
	/* Absent in HEAD, so the newest commit that changed it removed it: its
	 * first parent holds the last version. */
	git_commit *c = NULL;
	git_odb *odb = NULL;
	if (git_commit_lookup(&c, s->repo, &e->commit) == 0 && git_commit_parentcount(c) > 0 &&
	    git_repository_odb(&odb, s->repo) == 0) {
		const git_oid *pid = git_commit_parent_id(c, 0);
		if (blob_at(s, odb, pid, rel, blob) == 1) {
			git_oid_cpy(where, pid);
			found = true;
		}
	}
	git_odb_free(odb);
	git_commit_free(c);
out:
	git_error_clear();
	git_tree_free(ht);
	git_commit_free(hc);
	return found;
}
