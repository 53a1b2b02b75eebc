/* history: the versions of one description. Walks first parents from a
 * revision and keeps the commits in which the description's blob differs
 * from the parent's; each tree is read once, as the child of one commit is
 * the parent of the next. The fields each version changed come from the
 * field diff of the two models, so commits made by other tools get them too. */
#include "config.h"
#include "store/store_int.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <string.h>

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
	store_status rc = STORE_OK;
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
	git_oid id, cached_commit, cached_blob;
	memset(&cached_blob, 0, sizeof cached_blob);
	int cached = -2; /* -2: nothing cached; else blob_at's answer */
	while (git_revwalk_next(&id, w) == 0) {
		git_oid blob, pblob;
		int have;
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
