/* remove: deleting a description and bringing it back. A deletion is a
 * commit like a save, so it can be undone from history: store_restore finds
 * the last version that had the file and commits it again. Both build the
 * new tree from HEAD's tree, as saves do, so what another tool staged stays
 * out of the commit. */
#include "config.h"
#include "store/store_int.h"
#include "base/base.h"
#include "base/escape.h"
#include "base/contain.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NOSPACE_HINT _("nothing changed; free some disk space or make the folder writable and try again")

/* The description's name in blob id, else the slug (caller frees). */
static char *name_of(store *s, const git_oid *id, const char *slug)
{
	description *d = store_desc_from_blob(s, id);
	const std_field *f = standard_field(s->std, "name");
	/* For a commit subject: one line, no control characters. */
	char *n = text_one_line(d && f ? desc_text(d, f) : NULL);
	char *r = xstrdup(*n ? n : slug);
	free(n);
	desc_free(&d);
	return r;
}

/* The index follows the commit for rel (removed or added). */
static store_status index_follow(store *s, const char *rel, bool add)
{
	git_index *idx = NULL;
	bool ok = git_repository_index(&idx, s->repo) >= 0 && git_index_read(idx, 0) >= 0 &&
	          (add ? git_index_add_bypath(idx, rel) : git_index_remove_bypath(idx, rel)) >= 0 &&
	          git_index_write(idx) >= 0;
	git_index_free(idx);
	if (ok)
		return STORE_OK;
	return store_fail(s, STORE_ERROR, _("done, but git's index could not be updated (%s); git status may show %s as changed"),
	                  store_git_msg(), rel);
}

/* Commits tree update up on HEAD with msg; fills info. */
static store_status commit_update(store *s, git_tree *tree, git_commit *parent, git_signature *sig,
                                  const git_tree_update *up, const char *msg, git_oid *commit_id)
{
	git_oid tree_id;
	git_tree *new_tree = NULL;
	store_status rc = STORE_OK;
	const git_commit *parents[1] = { parent };
	if (git_tree_create_updated(&tree_id, s->repo, tree, 1, up) < 0 ||
	    git_tree_lookup(&new_tree, s->repo, &tree_id) < 0 ||
	    store_commit_create(commit_id, s->repo, "HEAD", sig, msg, new_tree, parent ? 1 : 0, parents) < 0)
		rc = store_fail(s, STORE_IO, _("cannot store the new version in the repository: %s; %s"), store_git_msg(), NOSPACE_HINT);
	git_tree_free(new_tree);
	return rc;
}

store_status store_remove(store *s, const char *slug, store_saved *info)
{
	if (info)
		memset(info, 0, sizeof *info);
	char *rel = store_relpath(slug);
	if (!rel)
		return store_fail(s, STORE_ERROR, _("\"%s\" is not a valid description name; use letters, digits and -"), slug);
	char *abs = xasprintf("%s%s", s->workdir, rel), *cur = NULL, *msg = NULL, *name = NULL;
	size_t clen = 0;
	git_signature *sig = NULL;
	git_commit *parent = NULL;
	git_tree *tree = NULL;
	store_status rc = store_check_state(s);
	if (rc != STORE_OK)
		goto out;
	/* Never through a symbolic link: its target is not the repository's. */
	bool in_tree = contain_read(abs, 2, DESC_MAX_FILE, &cur, &clen) == 0;
	if (!in_tree && errno != ENOENT) {
		rc = errno == ELOOP ? store_link_fail(s, abs) : store_fail(s, STORE_IO, _("cannot read %s: %s"), abs, strerror(errno));
		goto out;
	}
	tree = store_head_tree(s, &parent);
	git_oid old;
	if (!store_tree_blob(tree, rel, &old)) {
		/* Never saved: there is no version to keep, the file simply goes. */
		if (!in_tree) {
			rc = store_fail(s, STORE_NOT_FOUND, _("there is no description %s in %s; algedit new NAME makes one"), slug, s->workdir);
			goto out;
		}
		if (unlink(abs) < 0) {
			rc = store_fail(s, STORE_IO, _("cannot delete %s: %s"), abs, strerror(errno));
			goto out;
		}
		journal_discard(s, slug);
		rc = index_follow(s, rel, false);
		goto out;
	}
	if ((rc = store_signature(s, &sig)) != STORE_OK)
		goto out;
	name = name_of(s, &old, slug);
	msg = xasprintf(_("Removed: %s"), name);
	char *full = xasprintf("%s\n\n%s\n", msg, rel);
	free(msg);
	msg = full;
	/* The file goes first: if that fails, nothing has changed. */
	if (in_tree && unlink(abs) < 0) {
		rc = store_fail(s, STORE_IO, _("cannot delete %s: %s"), abs, strerror(errno));
		goto out;
	}
	git_tree_update up = { .action = GIT_TREE_UPDATE_REMOVE, .path = rel };
	git_oid commit_id;
	if ((rc = commit_update(s, tree, parent, sig, &up, msg, &commit_id)) != STORE_OK) {
		if (in_tree && contain_write(abs, 2, cur, clen) < 0)
			rc = store_fail(s, STORE_IO, _("the deletion failed (%s) and %s could not be written back; git checkout -- %s brings it back"),
			                store_git_msg(), abs, rel);
		goto out;
	}
	/* Text in the work tree that no commit holds goes to the journal, so
	 * that after a restore it is offered back; unsaved text already in the
	 * journal is newer and stays. */
	size_t jl = 0;
	char *pending = journal_pending(s, slug, &jl);
	if (pending)
		free(pending);
	else if (in_tree) {
		git_oid mine;
		if (git_odb_hash(&mine, cur, clen, GIT_OBJECT_BLOB) == 0 && !git_oid_equal(&mine, &old))
			journal_write(s, slug, cur, clen);
	}
	if (info) {
		git_oid_tostr(info->commit, sizeof info->commit, &commit_id);
		info->message = xstrdup(msg);
	}
	rc = index_follow(s, rel, false);
out:
	git_tree_free(tree);
	git_commit_free(parent);
	git_signature_free(sig);
	free(name);
	free(msg);
	free(cur);
	free(abs);
	free(rel);
	return rc;
}

store_status store_restore(store *s, const char *slug, store_saved *info)
{
	if (info)
		memset(info, 0, sizeof *info);
	char *rel = store_relpath(slug);
	if (!rel)
		return store_fail(s, STORE_ERROR, _("\"%s\" is not a valid description name; use letters, digits and -"), slug);
	char *abs = xasprintf("%s%s", s->workdir, rel), *msg = NULL, *name = NULL, *dir = NULL;
	git_signature *sig = NULL;
	git_commit *parent = NULL;
	git_tree *tree = NULL;
	git_blob *b = NULL;
	git_oid blob, where, id;
	struct stat st;
	store_status rc = store_check_state(s);
	if (rc != STORE_OK)
		goto out;
	tree = store_head_tree(s, &parent);
	bool present = lstat(abs, &st) == 0;
	if (store_tree_blob(tree, rel, &id)) {
		/* Deleted from the folder by another tool, but not from history:
		 * the saved version comes back without a commit. */
		if (!present && git_blob_lookup(&b, s->repo, &id) == 0 &&
		    contain_write(abs, 2, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b)) == 0) {
			rc = index_follow(s, rel, true);
			goto out;
		}
		rc = present ? store_fail(s, STORE_UNCHANGED, _("%s is not removed: it is in the latest version; algedit log %s shows its history"), slug, slug)
		     : errno == ELOOP ? store_link_fail(s, abs)
		                      : store_fail_write(s, abs, errno, NOSPACE_HINT);
		goto out;
	}
	if (present) {
		rc = store_fail(s, STORE_ERROR, _("a new description %s, never saved, is in the way; save it under another name or delete it first"), slug);
		goto out;
	}
	if (!store_last_version(s, rel, &blob, &where)) {
		rc = store_fail(s, STORE_NOT_FOUND, _("the history has no description %s; algedit log %s shows what there was"), slug, slug);
		goto out;
	}
	if ((rc = store_signature(s, &sig)) != STORE_OK)
		goto out;
	if (git_blob_lookup(&b, s->repo, &blob) < 0) {
		rc = store_fail(s, STORE_ERROR, _("cannot read the last version of %s: %s"), slug, store_git_msg());
		goto out;
	}
	name = name_of(s, &blob, slug);
	char short_id[8];
	git_oid_tostr(short_id, sizeof short_id, &where);
	msg = xasprintf(_("Restored: %s"), name);
	char *full = xasprintf("%s\n\n%s (%s)\n", msg, rel, short_id);
	free(msg);
	msg = full;
	dir = xasprintf("%salgoritmes", s->workdir);
	if ((mkdir(dir, 0755) < 0 && errno != EEXIST) ||
	    contain_write(abs, 2, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b)) < 0) {
		rc = errno == ELOOP ? store_link_fail(s, abs) : store_fail_write(s, abs, errno, NOSPACE_HINT);
		goto out;
	}
	git_tree_update up = { .action = GIT_TREE_UPDATE_UPSERT, .filemode = GIT_FILEMODE_BLOB, .path = rel };
	git_oid_cpy(&up.id, &blob);
	git_oid commit_id;
	if ((rc = commit_update(s, tree, parent, sig, &up, msg, &commit_id)) != STORE_OK) {
		unlink(abs);
		goto out;
	}
	if (info) {
		git_oid_tostr(info->commit, sizeof info->commit, &commit_id);
		info->message = xstrdup(msg);
	}
	rc = index_follow(s, rel, true);
out:
	git_blob_free(b);
	git_tree_free(tree);
	git_commit_free(parent);
	git_signature_free(sig);
	free(name);
	free(msg);
	free(dir);
	free(abs);
	free(rel);
	return rc;
}
