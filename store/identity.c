/* identity: the person's name and e-mail address for the history, asked
 * once and kept for every drafts repository in the user's own algedit
 * config ($XDG_CONFIG_HOME/algedit/config, else ~/.config/algedit/config,
 * mode 0600, git's config format). git's own user.name and user.email
 * (repository, global, system) come first where they are set. */
#include "config.h"
#include "store/store_int.h"
#include "base/base.h"
#include "base/paths.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *store_identity_path(void)
{
	return xdg_path(XDG_CONFIG, "config");
}

bool store_identity_read(char **name, char **email)
{
	*name = *email = NULL;
	char *path = store_identity_path();
	struct stat st;
	git_config *cfg = NULL;
	git_buf n = { 0 }, e = { 0 };
	bool ok = false;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && git_config_open_ondisk(&cfg, path) == 0 &&
	    git_config_get_string_buf(&n, cfg, "user.name") == 0 &&
	    git_config_get_string_buf(&e, cfg, "user.email") == 0 && *n.ptr && *e.ptr) {
		*name = xstrdup(n.ptr);
		*email = xstrdup(e.ptr);
		ok = true;
	}
	git_error_clear();
	git_buf_dispose(&n);
	git_buf_dispose(&e);
	git_config_free(cfg);
	free(path);
	return ok;
}

/* A value in git's config syntax: quoted, with \ and " escaped (line breaks
 * are refused before). */
static void add_value(strbuf *b, const char *v)
{
	sb_addc(b, '"');
	for (; *v; v++) {
		if (*v == '\\' || *v == '"')
			sb_addc(b, '\\');
		sb_addc(b, *v == '\t' ? ' ' : *v);
	}
	sb_adds(b, "\"\n");
}

int store_identity_write(const char *name, const char *email)
{
	char *path = store_identity_path();
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "# algedit: your name and e-mail address for the history of your descriptions,\n"
	            "# asked once (git's own user.name and user.email come first when set).\n"
	            "[user]\n\tname = ");
	add_value(&b, name);
	sb_adds(&b, "\temail = ");
	add_value(&b, email);
	/* Private from the first byte (write_file_private: 0600 at creation). */
	int rc = mkdir_parent(path, 0700) < 0 ? -1 : write_file_private(path, b.s, b.len);
	int e = errno;
	free(path);
	sb_done(&b);
	errno = e;
	return rc;
}
