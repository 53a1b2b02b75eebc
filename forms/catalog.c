/* catalog: the shipped supplier templates as one list (see catalog.h). */
#include "config.h"
#include "forms/catalog.h"
#include "forms/exchange.h"
#include "standard/ytree.h"
#include "base/base.h"
#include "base/paths.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

char *tpl_catalog_user_dir(void)
{
	const char *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (x && *x == '/')
		return xasprintf("%s/algedit/templates", x);
	return xasprintf("%s/.local/share/algedit/templates", home && *home ? home : ".");
}

char *tpl_catalog_dir(void)
{
	char *user = tpl_catalog_user_dir(), *list = xasprintf("%s/templates.yaml", user);
	bool mine = access(list, R_OK) == 0;
	free(list);
	if (mine)
		return user;
	free(user);
	return xasprintf("%s/standard/1.0/templates", algedit_datadir());
}

static char *dup_str(const ynode *v)
{
	const char *s = ynode_str(v);
	return xstrdup(s ? s : "");
}

void tpl_catalog_done(tpl_catalog *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].supplier);
		free(c->v[i].id);
		free(c->v[i].name);
		free(c->v[i].file);
	}
	free(c->v);
	free(c->dir);
	free(c->source);
	free(c->commit);
	free(c->date);
	free(c->licence);
	memset(c, 0, sizeof *c);
}

int tpl_catalog_load(const char *dir, tpl_catalog *c, char **err)
{
	memset(c, 0, sizeof *c);
	*err = NULL;
	c->dir = dir ? xstrdup(dir) : tpl_catalog_dir();
	char *list = xasprintf("%s/templates.yaml", c->dir), *data = NULL;
	size_t len;
	ynode *root = NULL;
	yerror ye = { 0 };
	int rc = -1;
	if (read_file(list, 1 << 20, &data, &len) < 0) {
		*err = xasprintf(_("cannot read %s: %s (the templates that come with algedit; reinstall algedit)"), list,
		                 strerror(errno));
		goto out;
	}
	if (ytree_parse_yaml(data, len, &root, &ye) < 0 || !root || root->type != Y_MAP ||
	    !ynode_get(root, "suppliers") || ynode_get(root, "suppliers")->type != Y_SEQ) {
		*err = xasprintf(_("%s is broken: %s"), list, ye.msg ? ye.msg : _("no list of suppliers"));
		goto out;
	}
	c->source = dup_str(ynode_get(root, "source"));
	c->commit = dup_str(ynode_get(root, "commit"));
	c->date = dup_str(ynode_get(root, "date"));
	c->licence = dup_str(ynode_get(root, "licence"));
	c->user = ynode_str(ynode_get(root, "updated")) != NULL;
	const ynode *sup = ynode_get(root, "suppliers");
	for (size_t i = 0; i < sup->n; i++) {
		const char *file = ynode_str(ynode_get(sup->kids[i], "file")), *name = ynode_str(ynode_get(sup->kids[i], "name"));
		if (!file || !name || strchr(file, '/')) {
			*err = xasprintf(_("%s is broken: supplier %zu has no file or no name"), list, i + 1);
			goto out;
		}
		char *path = xasprintf("%s/%s", c->dir, file), *json = NULL;
		size_t jl;
		if (read_file(path, 16 << 20, &json, &jl) < 0) {
			*err = xasprintf(_("cannot read %s: %s (the templates that come with algedit; reinstall algedit)"), path,
			                 strerror(errno));
			free(path);
			goto out;
		}
		findings fs;
		findings_init(&fs);
		template_entry *te = NULL;
		size_t nt = template_list(json, jl, &te, &fs);
		free(json);
		if (!nt) {
			*err = xasprintf(_("%s is broken: %s"), path, fs.n ? fs.v[0].msg : "");
			findings_done(&fs);
			free(path);
			goto out;
		}
		findings_done(&fs);
		c->nsuppliers++;
		for (size_t k = 0; k < nt; k++) {
			if (!te[k].id) /* cannot be picked by id: not offered */
				continue;
			c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
			c->v[c->n++] = (tpl_item){ xstrdup(name), xstrdup(te[k].id), xstrdup(te[k].name ? te[k].name : ""),
			                          xstrdup(path) };
		}
		template_entries_free(&te, nt);
		free(path);
	}
	rc = 0;
out:
	if (rc < 0) {
		char *e = *err;
		*err = NULL;
		tpl_catalog_done(c);
		*err = e;
	}
	yerror_done(&ye);
	ynode_free(&root);
	free(data);
	free(list);
	return rc;
}

const tpl_item *tpl_catalog_find(const tpl_catalog *c, const char *id)
{
	for (size_t i = 0; id && i < c->n; i++)
		if (!strcmp(c->v[i].id, id))
			return &c->v[i];
	return NULL;
}

static int has(const char *hay, const char *needle, size_t n)
{
	for (const char *p = hay; p && *p; p++)
		if (!strncasecmp(p, needle, n))
			return 1;
	return 0;
}

int tpl_item_matches(const tpl_item *t, const char *filter)
{
	size_t n = filter ? strlen(filter) : 0;
	return !n || has(t->supplier, filter, n) || has(t->name, filter, n) || has(t->id, filter, n);
}

char *tpl_catalog_resolve(const char *arg)
{
	if (!arg || !*arg || strchr(arg, '/') || strchr(arg, '#') || access(arg, F_OK) == 0)
		return NULL;
	tpl_catalog c;
	char *err = NULL, *out = NULL;
	if (tpl_catalog_load(NULL, &c, &err) < 0) {
		free(err);
		return NULL;
	}
	const tpl_item *t = tpl_catalog_find(&c, arg);
	if (t)
		out = xasprintf("%s#%s", t->file, t->id);
	tpl_catalog_done(&c);
	return out;
}
