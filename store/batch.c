/* batch: many saves in a row (an import of thousands of descriptions) at
 * the cost git fast-import pays for the same commits. A save writes four
 * loose objects, a lock file and a new index each: on ext4 creating those
 * files is most of the time. In a batch the objects go to memory and are
 * written as one pack, and the branch and git's index are updated once, at
 * the end, and on the way every so often so memory stays flat. The store's
 * own reads (HEAD's tree, the history) see the batch; other programs see
 * the branch where it was until a flush. */
#include "config.h"
#include "store/store_int.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* Written out when the objects held reach this much (an estimate). */
#define BATCH_FLUSH_BYTES ((size_t)64 << 20)

typedef struct batch_file {
	char *rel, *abs;
	git_oid id;
} batch_file;

struct store_batch {
	git_odb *orig;          /* the repository's own */
	git_odb *odb;           /* memory first, the disk behind it */
	git_odb_backend *mem;
	git_oid head;
	bool moved;             /* head is a commit the branch is not at yet */
	git_oid base;           /* where the branch was (born: has_base) */
	bool has_base;
	batch_file *files;
	size_t nfiles, cap;
	size_t held;            /* bytes of objects held, roughly */
};

store_status store_batch_begin(store *s)
{
	if (s->batch)
		return STORE_OK;
	struct store_batch *b = xcalloc(1, sizeof *b);
	char *objects = xasprintf("%sobjects", s->gitdir);
	int e = git_repository_odb(&b->orig, s->repo);
	if (e == 0)
		e = git_odb_new(&b->odb);
	if (e == 0)
		e = git_mempack_new(&b->mem);
	if (e == 0) {
		e = git_odb_add_backend(b->odb, b->mem, 1000);
		if (e < 0) {
			b->mem->free(b->mem);
			b->mem = NULL;
		}
	}
	/* The disk as an alternate: read from, never written to. */
	if (e == 0)
		e = git_odb_add_disk_alternate(b->odb, objects);
	free(objects);
	if (e < 0) {
		store_status rc = store_fail(s, STORE_IO, _("cannot prepare the repository for many saves: %s"), store_git_msg());
		git_odb_free(b->odb);
		git_odb_free(b->orig);
		free(b);
		return rc;
	}
	git_repository_set_odb(s->repo, b->odb);
	git_reference *r = NULL;
	if (git_repository_head(&r, s->repo) == 0 && git_reference_target(r)) {
		git_oid_cpy(&b->base, git_reference_target(r));
		b->has_base = true;
	}
	git_reference_free(r);
	git_error_clear();
	s->batch = b;
	return STORE_OK;
}

bool store_batch_head(store *s, git_oid *out)
{
	if (!s->batch || !s->batch->moved)
		return false;
	git_oid_cpy(out, &s->batch->head);
	return true;
}

void store_batch_saved(store *s, const git_oid *commit, size_t bytes, char **rels, char **abss, const git_oid *ids,
                       size_t n)
{
	struct store_batch *b = s->batch;
	git_oid_cpy(&b->head, commit);
	b->moved = true;
	b->held += bytes;
	for (size_t i = 0; i < n; i++) {
		if (b->nfiles == b->cap) {
			b->cap = b->cap ? b->cap * 2 : 256;
			b->files = xrealloc(b->files, b->cap * sizeof *b->files);
		}
		batch_file *f = &b->files[b->nfiles++];
		f->rel = xstrdup(rels[i]);
		f->abs = xstrdup(abss[i]);
		git_oid_cpy(&f->id, &ids[i]);
	}
	if (b->held >= BATCH_FLUSH_BYTES)
		(void)store_batch_flush(s);
}

store_status store_batch_flush(store *s)
{
	struct store_batch *b = s->batch;
	if (!b || !b->moved)
		return STORE_OK;
	git_buf pack = { 0 };
	git_odb_writepack *wp = NULL;
	git_indexer_progress stats;
	git_reference *head = NULL, *moved = NULL;
	git_index *idx = NULL;
	store_status rc = STORE_OK;
	memset(&stats, 0, sizeof stats);
	/* The objects first, as one pack: then the branch may name them. */
	if (git_mempack_dump(&pack, s->repo, b->mem) < 0 || git_odb_write_pack(&wp, b->orig, NULL, NULL) < 0 ||
	    wp->append(wp, pack.ptr, pack.size, &stats) < 0 || wp->commit(wp, &stats) < 0) {
		rc = store_fail(s, STORE_IO, _("cannot write the new versions to the repository: %s; nothing was saved"), store_git_msg());
		goto out;
	}
	git_mempack_reset(b->mem);
	git_odb_refresh(b->odb);
	b->held = 0;
	/* The branch HEAD names, born here when it is not yet. */
	if (git_reference_lookup(&head, s->repo, "HEAD") < 0 || git_reference_type(head) != GIT_REFERENCE_SYMBOLIC ||
	    (b->has_base ? git_reference_create_matching(&moved, s->repo, git_reference_symbolic_target(head), &b->head, 1,
	                                                 &b->base, "algedit: import")
	                 : git_reference_create(&moved, s->repo, git_reference_symbolic_target(head), &b->head, 0,
	                                        "algedit: import")) < 0) {
		/* Another program moved the branch meanwhile: its commits are
		 * kept, ours are in the repository, unnamed. */
		rc = store_fail(s, STORE_IO, _("the new versions are written but the branch could not be moved: %s"), store_git_msg());
		goto out;
	}
	b->moved = false;
	git_oid_cpy(&b->base, &b->head);
	b->has_base = true;
	/* The files of the work tree were written without waiting for the
	 * disk, one by one: once for all of them now. */
	int wfd = open(s->workdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (wfd >= 0) {
#ifdef __linux__
		(void)syncfs(wfd);
#else
		sync();
#endif
		close(wfd);
	}
	/* The index follows the commits for these files, so git status is clean. */
	bool ok = git_repository_index(&idx, s->repo) >= 0 && git_index_read(idx, 0) >= 0;
	for (size_t i = 0; ok && i < b->nfiles; i++)
		ok = store_index_add_written(idx, b->files[i].abs, b->files[i].rel, &b->files[i].id) >= 0;
	if (!ok || git_index_write(idx) < 0)
		rc = store_fail(s, STORE_ERROR, _("saved, but git's index could not be updated (%s); git status may show the files as changed until the next save"),
		                store_git_msg());
	for (size_t i = 0; i < b->nfiles; i++) {
		free(b->files[i].rel);
		free(b->files[i].abs);
	}
	b->nfiles = 0;
out:
	if (wp)
		wp->free(wp);
	git_buf_dispose(&pack);
	git_reference_free(moved);
	git_reference_free(head);
	git_index_free(idx);
	return rc;
}

store_status store_batch_end(store *s)
{
	struct store_batch *b = s->batch;
	if (!b)
		return STORE_OK;
	store_status rc = store_batch_flush(s);
	git_repository_set_odb(s->repo, b->orig);
	git_odb_free(b->orig);
	git_odb_free(b->odb); /* frees the memory backend with it */
	for (size_t i = 0; i < b->nfiles; i++) {
		free(b->files[i].rel);
		free(b->files[i].abs);
	}
	free(b->files);
	free(b);
	s->batch = NULL;
	return rc;
}
