/* fromreg: what the register holds of a description, saved as a version by
 * "Algoritmeregister" on a branch of its own (refs/algedit/register/<slug>)
 * and merged into the drafts the way sync merges a teammate's work (see
 * store.h). The register's branch of a description grows from the version
 * it had in common with the drafts: the last one read, or the one publish
 * sent; so the merge knows which side changed what. */
#include "config.h"
#include "store/store_int.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

#define REGISTER_AUTHOR "Algoritmeregister"
#define REGISTER_EMAIL "algoritmeregister@register.invalid"

store_status store_from_register(store *s, const char *slug, const description *d, const char *since,
                                 store_sync_report *rep, bool *same)
{
	*same = false;
	store_status rc = store_check_state(s);
	if (rc != STORE_OK)
		return rc;
	char *rel = store_relpath(slug), *refname = xasprintf("refs/algedit/register/%s", slug);
	int valid = 0;
	if (!rel || git_reference_name_is_valid(&valid, refname) < 0 || !valid) {
		free(rel);
		free(refname);
		return store_fail(s, STORE_ERROR, _("\"%s\" is not the name of a description (algedit lists them)"), slug);
	}
	git_oid parent_id, blob_id, tree_id, commit_id, old_blob;
	git_commit *parent = NULL;
	git_tree *ptree = NULL, *tree = NULL;
	git_index *idx = NULL;
	git_signature *sig = NULL;
	char *yaml = NULL, *msg = NULL;
	bool have_parent = git_reference_name_to_id(&parent_id, s->repo, refname) == 0;
	git_error_clear();
	if (!have_parent && since && git_oid_fromstr(&parent_id, since) == 0 &&
	    git_commit_lookup(&parent, s->repo, &parent_id) == 0) {
		have_parent = true;
		git_commit_free(parent);
		parent = NULL;
	}
	git_error_clear();
	if (!have_parent) {
		git_commit *head = NULL;
		git_tree *htree = store_head_tree(s, &head);
		git_oid tmp;
		/* The drafts do not have it: it grows from HEAD, and arrives as a
		 * fast-forward. They have it, never sent nor read: no common version. */
		if (head && !(htree && store_tree_blob(htree, rel, &tmp))) {
			git_oid_cpy(&parent_id, git_commit_id(head));
			have_parent = true;
		}
		git_tree_free(htree);
		git_commit_free(head);
	}
	if (have_parent && (git_commit_lookup(&parent, s->repo, &parent_id) < 0 || git_commit_tree(&ptree, parent) < 0)) {
		rc = store_fail(s, STORE_ERROR, _("cannot read the register's last version of %s: %s"), slug, store_git_msg());
		goto out;
	}
	size_t len;
	yaml = desc_format_yaml(d, &len);
	if (git_blob_create_from_buffer(&blob_id, s->repo, yaml, len) < 0) {
		rc = store_fail(s, STORE_IO, _("cannot store the register's version of %s: %s"), slug, store_git_msg());
		goto out;
	}
	if (ptree && store_tree_blob(ptree, rel, &old_blob) && git_oid_equal(&old_blob, &blob_id)) {
		/* Nothing new since the version it grows from. */
		*same = true;
		git_oid_cpy(&commit_id, &parent_id);
	} else {
		git_index_entry e;
		memset(&e, 0, sizeof e);
		e.mode = GIT_FILEMODE_BLOB;
		e.path = rel;
		git_oid_cpy(&e.id, &blob_id);
		const char *name = desc_text(d, standard_field(s->std, "name"));
		msg = xasprintf(_("%s: as the register holds it\n\nRead from the Algorithm Register (algedit import --register).\n"),
		                name && *name ? name : slug);
		const git_commit *parents[1] = { parent };
		if (git_index_new(&idx) < 0 || (ptree && git_index_read_tree(idx, ptree) < 0) || git_index_add(idx, &e) < 0 ||
		    git_index_write_tree_to(&tree_id, idx, s->repo) < 0 || git_tree_lookup(&tree, s->repo, &tree_id) < 0 ||
		    git_signature_now(&sig, REGISTER_AUTHOR, REGISTER_EMAIL) < 0 ||
		    store_commit_create(&commit_id, s->repo, NULL, sig, msg, tree, parent ? 1 : 0, parents) < 0) {
			rc = store_fail(s, STORE_IO, _("cannot store the register's version of %s: %s"), slug, store_git_msg());
			goto out;
		}
	}
	git_reference *ref = NULL;
	if (git_reference_create(&ref, s->repo, refname, &commit_id, 1, "algedit import --register") < 0) {
		rc = store_fail(s, STORE_IO, _("cannot store the register's version of %s: %s"), slug, store_git_msg());
		goto out;
	}
	git_reference_free(ref);
	rc = store_integrate(s, &commit_id, _("the register"), rep);
out:
	git_signature_free(sig);
	git_index_free(idx);
	git_tree_free(tree);
	git_tree_free(ptree);
	git_commit_free(parent);
	free(yaml);
	free(msg);
	free(rel);
	free(refname);
	return rc;
}
