/* contain: files of a folder read and written without following a symbolic
 * link out of it. A repository from a teammate or a remote may hold links
 * (algoritmes/leak.yaml -> ~/.kube/config, or algoritmes/ -> ~/private);
 * whatever algedit reads from the work tree may end up committed and pushed,
 * and whatever it writes there must stay there.
 *
 * path is split in two: the folder it starts in (everything but its last
 * ncomp components), trusted as the user named it, and the last ncomp
 * components, none of which may be a symbolic link. With ncomp 2,
 * "/home/anna/register/algoritmes/x.yaml" is refused when algoritmes or
 * x.yaml is a link. A refusal fails with errno ELOOP; an entry that is
 * neither a regular file nor a folder (a FIFO, a device) with EINVAL. */
#ifndef ALGEDIT_CONTAIN_H
#define ALGEDIT_CONTAIN_H

#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>

/* A descriptor for the last component, opened with flags (O_CREAT takes
 * mode), reached through no symbolic link; -1 with errno set. Only a regular
 * file or, with O_DIRECTORY, a folder is opened. */
int contain_open(const char *path, int ncomp, int flags, unsigned mode);
/* read_file (base.h) through contain_open. */
int contain_read(const char *path, int ncomp, size_t max, char **out, size_t *len);
/* write_file_atomic (base.h) in a folder reached through no link; an
 * existing symbolic link (or other non-regular entry) at path is refused,
 * never replaced. */
int contain_write(const char *path, int ncomp, const char *data, size_t len);
/* The same, with sync false: without waiting for the disk (fsync), for many
 * files written in a row whose caller syncs once at the end. */
int contain_write_opt(const char *path, int ncomp, const char *data, size_t len, bool sync);
/* opendir of a folder reached through no link. */
DIR *contain_opendir(const char *path, int ncomp);
/* The length of the prefix of path that ends with the first of its last
 * ncomp components that is a symbolic link ("…/algoritmes" for a linked
 * folder), or 0 when none is one (missing components are no links). For
 * messages that name the link. */
size_t contain_link_at(const char *path, int ncomp);
/* Where the last ncomp components of path begin ("algoritmes/x.yaml" in
 * "/home/anna/register/algoritmes/x.yaml" with ncomp 2). */
size_t contain_walked_at(const char *path, int ncomp);

#endif
