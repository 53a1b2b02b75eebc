/* list: the repository's descriptions (the .yaml files in algoritmes/) with their name,
 * status, completeness and errors; typing filters. The folder is listed at
 * once but the files are read a batch at a time between keys, so the first
 * screen of a repository with a thousand descriptions does not wait for all
 * of them. */
#include "config.h"
#include "tui/app.h"
#include "forms/catalog.h"
#include "tui/persist.h"
#include "tui/demo.h"
#include "store/store.h"
#include "forms/progress.h"
#include "forms/rules.h"
#include "forms/slug.h"
#include "base/base.h"
#include "base/contain.h"
#include "i18n/i18n.h"
#include "tui/draw.h"
#include "tui/quality_ui.h"

#include <curses.h>

#include <ctype.h>
#include <errno.h>
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static void entry_free(list_entry *e)
{
	free(e->path);
	free(e->slug);
	free(e->name);
	free(e->status);
	memset(e, 0, sizeof *e);
}

void list_done(app *a)
{
	for (size_t i = 0; i < a->list.nentries; i++)
		entry_free(&a->list.entries[i]);
	xfree(&a->list.entries);
	xfree(&a->list.shown);
	a->list.nentries = a->list.nshown = a->list.nloaded = 0;
}

static int entry_cmp(const void *x, const void *y)
{
	return strcmp(((const list_entry *)x)->slug, ((const list_entry *)y)->slug);
}

/* The journalled text of a description never saved. */
static description *unsaved_read(app *a, list_entry *e, findings *fs)
{
	char *bytes = NULL;
	size_t len = 0;
	time_t when = 0;
	description *d = NULL;
	if (persist->pending_recovery(e->path, &bytes, &len, &when) == 1) {
		d = desc_read(a->std, bytes, len, DESC_YAML, fs);
		e->mtime = when;
	}
	free(bytes);
	return d;
}

static void load_entry(app *a, list_entry *e)
{
	findings fs;
	findings_init(&fs);
	xfree(&e->name);
	xfree(&e->status);
	e->req_filled = e->req_total = e->always_filled = e->always_total = e->errors = 0;
	e->score = -1;
	struct stat st;
	if (stat(e->path, &st) == 0)
		e->mtime = st.st_mtime;
	/* <repo>/algoritmes/<slug>.yaml: a symbolic link is listed, never read. */
	description *d = e->unsaved ? unsaved_read(a, e, &fs) : desc_read_file_at(a->std, e->path, 2, DESC_YAML, &fs);
	/* A link: its file name, and in the status column what it is; Enter
	 * says the whole of it (form_open refuses to follow it). */
	if (!d && !e->unsaved && fs.n && !strcmp(fs.v[0].rule, "symlink")) {
		e->name = xasprintf("%s.yaml", e->slug);
		e->status = xstrdup(_("symbolic link"));
	}
	if (d) {
		rules_check(d, &fs);
		const char *n = desc_text(d, standard_field(a->std, "name"));
		const char *s = desc_text(d, standard_field(a->std, "status"));
		e->name = n ? xstrdup(n) : NULL;

		e->status = s ? xstrdup(s) : NULL;
		/* In the status column: what matters most about it now. */
		if (e->unsaved) {
			free(e->status);
			e->status = xstrdup(_("not saved"));
		}
		desc_counts c;
		desc_count_filled(d, &c);
		e->req_filled = c.req_filled;
		e->req_total = c.req_total;
		e->always_filled = c.always_filled;
		e->always_total = c.always_total;
		e->score = quality_ui_score_of(d);
	}
	e->errors = findings_count(&fs, SEV_ERROR);
	desc_free(&d);
	findings_done(&fs);
	if (!e->loaded)
		a->list.nloaded++;
	e->loaded = true;
}

void list_load_some(app *a, size_t max)
{
	/* The rows on screen first, then the rest in order. */
	size_t done = 0;
	for (size_t k = a->list.top; k < a->list.nshown && k < a->list.top + 60 && done < max; k++) {
		list_entry *e = &a->list.entries[a->list.shown[k]];
		if (!e->loaded) {
			load_entry(a, e);
			done++;
		}
	}
	for (size_t i = 0; i < a->list.nentries && done < max; i++)
		if (!a->list.entries[i].loaded) {
			load_entry(a, &a->list.entries[i]);
			done++;
		}
	if (done)
		a->dirty = true;
}

static bool matches(const list_entry *e, const char *q)
{
	if (!*q)
		return true;
	size_t n = strlen(q);
	const char *fields[] = { e->slug, e->name, e->status };
	for (size_t k = 0; k < 3; k++)
		for (const char *p = fields[k]; p && *p; p++)
			if (strncasecmp(p, q, n) == 0)
				return true;
	return false;
}

void list_refilter(app *a)
{
	if (a->list.filter.len)
		list_load_some(a, (size_t)-1);
	a->list.nshown = 0;
	for (size_t i = 0; i < a->list.nentries; i++)
		if (matches(&a->list.entries[i], a->list.filter.s) && (!a->list.only_mine || a->list.entries[i].rwait))
			a->list.shown[a->list.nshown++] = i;
	if (a->list.sel >= a->list.nshown)
		a->list.sel = a->list.nshown ? a->list.nshown - 1 : 0;
	a->dirty = true;
}

static char *desc_dir(const char *repo)
{
	return xasprintf("%s/algoritmes", repo);
}

static void add_entry(app *a, const char *path, const char *slug)
{
	a->list.entries = xrealloc(a->list.entries, (a->list.nentries + 1) * sizeof *a->list.entries);
	a->list.shown = xrealloc(a->list.shown, (a->list.nentries + 1) * sizeof *a->list.shown);
	list_entry *e = &a->list.entries[a->list.nentries++];
	memset(e, 0, sizeof *e);
	e->rstate = -1;
	e->path = xstrdup(path);
	e->slug = xstrdup(slug);
}

/* Descriptions never saved whose text the journal holds: listed as not
 * saved, and opening one offers the text back. */
static void list_add_unsaved(app *a, const char *dir)
{
	size_t n = 0;
	char **slugs = persist->unsaved ? persist->unsaved(a->list.repo, &n) : NULL;
	for (size_t i = 0; i < n; i++) {
		char *p = xasprintf("%s/%s.yaml", dir, slugs[i]);
		add_entry(a, p, slugs[i]);
		a->list.entries[a->list.nentries - 1].unsaved = true;
		free(p);
		free(slugs[i]);
	}
	free(slugs);
}

int list_open(app *a, const char *repo)
{
	list_done(a);
	free(a->list.repo);
	/* Shown in the title, so the full path rather than ".". */
	char *full = realpath(repo, NULL);
	a->list.repo = full ? full : xstrdup(repo);
	a->in_list = true;
	char *dir = desc_dir(repo);
	DIR *dh = contain_opendir(dir, 1);
	if (!dh && errno == ELOOP) {
		char *m = desc_link_msg("algoritmes");
		app_status(a, true, "%s", m);
		free(m);
	}
	if (dh) {
		struct dirent *de;
		while ((de = readdir(dh))) {
			if (de->d_name[0] == '.' || !str_ends(de->d_name, ".yaml"))
				continue;
			char *p = xasprintf("%s/%s", dir, de->d_name);
			char *slug = xstrndup(de->d_name, strlen(de->d_name) - 5);
			add_entry(a, p, slug);
			free(p);
			free(slug);
		}
		closedir(dh);
	}
	list_add_unsaved(a, dir);
	free(dir);
	if (a->list.nentries)
		qsort(a->list.entries, a->list.nentries, sizeof *a->list.entries, entry_cmp);
	a->list.shown = xrealloc(a->list.shown, (a->list.nentries + 1) * sizeof *a->list.shown);
	list_review_load(a);
	sync_ui_mark_conflicts(a);
	list_refilter(a);
	a->dirty = true;
	return 0;
}

static int brief_cmp(const void *x, const void *y)
{
	return strcmp(((const store_review_brief *)x)->slug, ((const store_review_brief *)y)->slug);
}

void list_review_load(app *a)
{
	store *s = persist_store_current();
	a->list.has_reviews = false;
	for (size_t i = 0; i < a->list.nentries; i++) {
		list_entry *e = &a->list.entries[i];
		e->rstate = -1;
		e->rnote = 0;
		e->ropen = 0;
		e->rwait = false;
	}
	store_review_brief *v = NULL;
	size_t n = 0;
	if (!s || store_review_briefs(s, &v, &n) != STORE_OK)
		return;
	qsort(v, n, sizeof *v, brief_cmp);
	/* Both sorted by slug: one walk. */
	for (size_t i = 0, k = 0; i < a->list.nentries && k < n;) {
		list_entry *e = &a->list.entries[i];
		int c = strcmp(e->slug, v[k].slug);
		if (c < 0) {
			i++;
		} else if (c > 0) {
			k++;
		} else {
			if (v[k].records) {
				e->rstate = (signed char)v[k].state;
				e->rnote = (unsigned char)v[k].note;
				e->ropen = (unsigned)(v[k].open_comments + v[k].open_suggestions);
				e->rwait = v[k].waiting_for_me;
				a->list.has_reviews = true;
			}
			i++;
			k++;
		}
	}
	store_review_briefs_free(&v, n);
}

/* path is one of the descriptions never saved (see list_add_unsaved). */
static bool has_unsaved(app *a, const char *path)
{
	size_t n = 0;
	char **slugs = persist->unsaved && a->list.repo ? persist->unsaved(a->list.repo, &n) : NULL;
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	bool r = false;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(slugs[i]);
		r = r || (!strncmp(b, slugs[i], l) && !strcmp(b + l, ".yaml"));
		free(slugs[i]);
	}
	free(slugs);
	return r;
}

void list_reload_entry(app *a, const char *path)
{
	struct stat st;
	bool exists = stat(path, &st) == 0;
	bool unsaved = !exists && has_unsaved(a, path);
	exists = exists || unsaved;
	for (size_t i = 0; i < a->list.nentries; i++) {
		if (strcmp(a->list.entries[i].path, path))
			continue;
		if (exists) {
			a->list.entries[i].unsaved = unsaved;
			load_entry(a, &a->list.entries[i]);
		} else {
			if (a->list.entries[i].loaded)
				a->list.nloaded--;
			entry_free(&a->list.entries[i]);
			memmove(&a->list.entries[i], &a->list.entries[i + 1], (a->list.nentries - i - 1) * sizeof *a->list.entries);
			a->list.nentries--;
		}
		/* A save may void an approval. */
		if (a->list.has_reviews)
			list_review_load(a);
		list_refilter(a);
		return;
	}
	if (!exists)
		return;
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	char *slug = xstrndup(b, str_ends(b, ".yaml") ? strlen(b) - 5 : strlen(b));
	add_entry(a, path, slug);
	free(slug);
	a->list.entries[a->list.nentries - 1].unsaved = unsaved;
	load_entry(a, &a->list.entries[a->list.nentries - 1]);
	qsort(a->list.entries, a->list.nentries, sizeof *a->list.entries, entry_cmp);
	list_refilter(a);
	for (size_t k = 0; k < a->list.nshown; k++)
		if (!strcmp(a->list.entries[a->list.shown[k]].path, path))
			a->list.sel = k;
}

/* A file name from a title, for plain files: the one slug function, so a
 * description gets the same file name whichever way it is made. */
char *list_slug(const char *name)
{
	return slug_from_name(name);
}

/* Opens the form on d, a new description called name (not yet saved). */
static void open_new(app *a, const char *name, description *d)
{
	/* The store names it when the list is a drafts repository. */
	char *path = persist->new_path(a->list.repo, name);
	a->dlg.ov = OV_NONE;
	app_open(a, path, d);
	free(path);
}

static void new_description(app *a)
{
	char *name = xstrdup(a->dlg.prompt.s);
	description *d = desc_new(a->std);
	desc_fill_defaults(d);
	if (*name)
		desc_set_text(d, standard_field(a->std, "name"), name);
	open_new(a, name, d);
	free(name);
}

/* ---- a new description from a register template ---- */

void list_template_forget(app *a)
{
	if (a->dlg.tpl_cat) {
		tpl_catalog_done(a->dlg.tpl_cat);
		xfree(&a->dlg.tpl_cat);
	}
	template_entries_free(&a->dlg.tpl, a->dlg.ntpl);
	a->dlg.ntpl = 0;
	xfree(&a->dlg.tpl_file);
	xfree(&a->dlg.tpl_data);
	a->dlg.tpl_len = 0;
}

size_t list_template_matches(const app *a, size_t *out, size_t max)
{
	size_t k = 0, n = strlen(a->dlg.prompt.s);
	if (a->dlg.tpl_cat) {
		for (size_t i = 0; i < a->dlg.tpl_cat->n && k < max; i++)
			if (tpl_item_matches(&a->dlg.tpl_cat->v[i], a->dlg.prompt.s))
				out[k++] = i;
		return k;
	}
	for (size_t i = 0; i < a->dlg.ntpl && k < max; i++) {
		const char *f[] = { a->dlg.tpl[i].name, a->dlg.tpl[i].id };
		bool hit = n == 0;
		for (size_t j = 0; j < 2 && !hit; j++)
			for (const char *p = f[j]; p && *p && !hit; p++)
				hit = strncasecmp(p, a->dlg.prompt.s, n) == 0;
		if (hit)
			out[k++] = i;
	}
	return k;
}

/* Imports template id (NULL: the only one) of the file read, and opens the
 * form on it: the same import as algedit new --template. */
static int template_open(app *a, const char *id)
{
	findings fs;
	findings_init(&fs);
	description *d = template_import(a->std, a->dlg.tpl_data, a->dlg.tpl_len, id, &fs);
	if (d) /* made into a description: tidied as a person would (algedit new --template does the same) */
		template_tidy(d, &fs);
	if (!d) {
		app_status(a, true, "%s: %s", a->dlg.tpl_file, fs.n ? fs.v[0].msg : "");
		findings_done(&fs);
		return -1;
	}
	findings_done(&fs);
	desc_fill_defaults(d);
	const char *name = desc_text(d, standard_field(a->std, "name"));
	char *title = xstrdup(name && *name ? name : id && *id ? id : _("template"));
	char *file = xstrdup(a->dlg.tpl_file);
	open_new(a, title, d);
	app_status(a, false, _("Started from the template \"%s\" in %s; nothing is saved until Ctrl-S."), title, file);
	free(file);
	free(title);
	list_template_forget(a);
	return 0;
}

/* What is typed in the picker of the register's templates: a path, when it
 * looks like one, rather than a filter. */
static bool looks_like_path(const char *s)
{
	size_t n = strlen(s);
	return strchr(s, '/') || (n > 5 && !strcasecmp(s + n - 5, ".json")) || (s[0] == '~' && s[1] == '/');
}

/* Ctrl-T: the register's templates that come with algedit, by supplier and
 * name, to filter by typing; a path typed there opens that file instead.
 * Without the shipped copy, the question for a file's path. */
static void template_pick_shipped(app *a)
{
	list_template_forget(a);
	tb_set(&a->dlg.prompt, "", 0);
	a->dlg.prompt_sel = 0;
	tpl_catalog *c = xcalloc(1, sizeof *c);
	char *err = NULL;
	if (tpl_catalog_load(NULL, c, &err) < 0 || !c->n) {
		free(c);
		a->dlg.ov = OV_TPLFILE;
		app_status(a, true, "%s; %s", err ? err : "", _("type the path of a template file (a JSON file from a supplier or the register)"));
		free(err);
		return;
	}
	a->dlg.tpl_cat = c;
	a->dlg.ov = OV_TPLPICK;
	app_status(a, false, _("%zu templates of the register (the copy of %s); type to filter by supplier or name, Enter "
	                       "chooses; or type the path of a template file."), c->n, c->date);
}

/* Opens the shipped template i of the picker. */
static int template_open_shipped(app *a, size_t i)
{
	const tpl_item *t = &a->dlg.tpl_cat->v[i];
	char *arg = xasprintf("%s#%s", t->file, t->id);
	int rc = list_from_template(a, arg);
	free(arg);
	return rc;
}

int list_from_template(app *a, const char *arg)
{
	list_template_forget(a);
	/* The id of a template that comes with algedit (algedit templates lists them). */
	char *shipped = tpl_catalog_resolve(arg);
	char *path = xstrdup(shipped ? shipped : arg), *hash = strrchr(path, '#'), *id = NULL;
	free(shipped);
	if (hash) {
		*hash = '\0';
		id = xstrdup(hash + 1);
	}
	/* A typed ~/ is the home folder, as in a shell. */
	const char *home = getenv("HOME");
	if (path[0] == '~' && path[1] == '/' && home && *home) {
		char *full = xasprintf("%s%s", home, path + 1);
		free(path);
		path = full;
	}
	int rc = -1;
	a->dlg.tpl_file = xstrdup(path);
	/* In a demo the script types the path: only the sandbox's files. */
	char *open_path = *path ? demo_file_path(path) : NULL;
	if (!*path) {
		app_status(a, true, "%s", _("type the path of a template file (a JSON file from a supplier or the register)"));
	} else if (!open_path) {
		app_status(a, true, "%s", _("in a demo only files in the demo's own folder can be opened; nothing was read"));
	} else if (read_file(open_path, DESC_MAX_FILE * 16, &a->dlg.tpl_data, &a->dlg.tpl_len) < 0) {
		app_status(a, true, _("cannot read %s: %s"), path, strerror(errno));
	} else {
		findings fs;
		findings_init(&fs);
		a->dlg.ntpl = template_list(a->dlg.tpl_data, a->dlg.tpl_len, &a->dlg.tpl, &fs);
		if (a->dlg.ntpl == 0) {
			app_status(a, true, "%s: %s", path, fs.n ? fs.v[0].msg : "");
		} else if (id || a->dlg.ntpl == 1) {
			rc = template_open(a, id);
		} else {
			/* Several: the person chooses. */
			a->dlg.ov = OV_TPLPICK;
			tb_set(&a->dlg.prompt, "", 0);
			a->dlg.prompt_sel = 0;
			app_status(a, false, _("%zu templates in %s; type to filter, Enter chooses."), a->dlg.ntpl, path);
			rc = 0;
		}
		findings_done(&fs);
	}
	if (rc < 0)
		list_template_forget(a);
	free(open_path);
	free(path);
	free(id);
	a->dirty = true;
	return rc;
}

void list_handle(app *a, const tui_event *ev, action act)
{
	if (a->dlg.ov == OV_NEWNAME) {
		if (act == A_CONFIRM)
			new_description(a);
		return;
	}
	if (a->dlg.ov == OV_TPLFILE) {
		/* On a mistake the question stays, to correct the path. */
		if (act == A_CONFIRM) {
			char *arg = xstrdup(a->dlg.prompt.s);
			list_from_template(a, arg);
			free(arg);
		}
		return;
	}
	if (a->dlg.ov == OV_TPLPICK && a->dlg.tpl_cat) {
		size_t m[256];
		size_t n = list_template_matches(a, m, 256);
		if (act == A_CONFIRM && looks_like_path(a->dlg.prompt.s)) {
			char *arg = xstrdup(a->dlg.prompt.s);
			if (list_from_template(a, arg) < 0 && a->dlg.ov == OV_TPLPICK && !a->dlg.tpl_cat) {
				/* On a mistake the question stays, to correct the path. */
				char *keep = xstrdup(a->status);
				template_pick_shipped(a);
				tb_set(&a->dlg.prompt, arg, strlen(arg));
				app_status(a, true, "%s", keep);
				free(keep);
			}
			free(arg);
		} else if (act == A_CONFIRM && n) {
			template_open_shipped(a, m[a->dlg.prompt_sel < n ? a->dlg.prompt_sel : n - 1]);
		} else if (act == A_CONFIRM) {
			app_status(a, true, "%s", _("no template has that in its supplier or name; try fewer letters, or type the path of a template file"));
		}
		return;
	}
	if (a->dlg.ov == OV_TPLPICK) {
		size_t m[256];
		size_t n = list_template_matches(a, m, 256);
		if (act == A_CONFIRM && n) {
			size_t i = m[a->dlg.prompt_sel < n ? a->dlg.prompt_sel : n - 1];
			char *id = a->dlg.tpl[i].id ? xstrdup(a->dlg.tpl[i].id) : NULL;
			template_open(a, id);
			free(id);
		} else if (act == A_CONFIRM) {
			app_status(a, true, "%s", _("no template has that in its name; try fewer letters"));
		}
		return;
	}
	if (a->dlg.ov == OV_REMOVE) {
		if (act == A_CONFIRM && a->list.sel < a->list.nshown) {
			list_entry *e = &a->list.entries[a->list.shown[a->list.sel]];
			char *err = NULL;
			char *p = xstrdup(e->path);
			if (e->unsaved) {
				/* Never saved: history has nothing to restore, so its text
				 * goes to a file of its own before the journal is dropped;
				 * if that cannot be written, nothing is deleted. */
				char *bytes = NULL, *copy = persist_deleted_copy_path(e->slug);
				size_t len = 0;
				time_t when;
				int had = persist->pending_recovery(p, &bytes, &len, &when);
				if (had == 1 && persist_keep_deleted_copy(copy, bytes, len) < 0) {
					app_status(a, true, _("Not deleted: could not keep a copy in %s (%s)."), copy, strerror(errno));
				} else {
					persist->discard(p);
					if (had == 1)
						app_status(a, false, _("Deleted %s; its text is kept in %s."), e->name ? e->name : e->slug, copy);
					else
						app_status(a, false, _("Deleted %s."), p);
					list_reload_entry(a, p);
				}
				free(bytes);
				free(copy);
			} else if (persist->remove(p, &err) < 0) {
				app_status(a, true, "%s", err);
				free(err);
			} else {
				if (persist->remove_restorable)
					app_status(a, false, _("Deleted %s; algedit restore %s brings it back."), p, e->slug);
				else
					app_status(a, false, _("Deleted %s."), p);
				list_reload_entry(a, p);
			}
			free(p);
			a->dlg.ov = OV_NONE;
		} else if (act == A_CANCEL || act == A_QUIT) {
			a->dlg.ov = OV_NONE;
		}
		a->dirty = true;
		return;
	}
	size_t page = a->lay.status_y > 4 ? (size_t)a->lay.status_y - 4 : 1;
	switch (act) {
	case A_UP:
		if (a->list.sel > 0)
			a->list.sel--;
		break;
	case A_DOWN:
		if (a->list.sel + 1 < a->list.nshown)
			a->list.sel++;
		break;
	case A_PAGE_UP:
		a->list.sel = a->list.sel > page ? a->list.sel - page : 0;
		break;
	case A_PAGE_DOWN:
		a->list.sel = a->list.sel + page < a->list.nshown ? a->list.sel + page : (a->list.nshown ? a->list.nshown - 1 : 0);
		break;
	case A_HOME:
		a->list.sel = 0;
		break;
	case A_END:
		a->list.sel = a->list.nshown ? a->list.nshown - 1 : 0;
		break;
	case A_OPEN:
		if (a->list.sel < a->list.nshown) {
			const list_entry *e = &a->list.entries[a->list.shown[a->list.sel]];
			char *slug = e->slug ? xstrdup(e->slug) : NULL;
			/* A conflict is settled first: the file holds only your side. */
			if (e->conflict && slug && settle_open(a, slug, e->name)) {
				free(slug);
				break;
			}
			if (app_open(a, e->path, NULL) == 0 && slug)
				sync_ui_opened(a, slug);
			free(slug);
		}
		break;
	case A_REV_MINE:
		a->list.only_mine = !a->list.only_mine;
		list_refilter(a);
		app_status(a, false, "%s", a->list.only_mine ? _("Only the descriptions waiting for your review; Ctrl-W again shows all.")
		                                            : _("All descriptions."));
		break;
	case A_REVIEW:
		if (a->list.sel < a->list.nshown && a->list.entries[a->list.shown[a->list.sel]].slug)
			review_open(a, persist_store_current(), a->list.entries[a->list.shown[a->list.sel]].slug, NULL);
		break;
	case A_SYNC:
		sync_ui_start(a);
		break;
	case A_ASK_REVIEW:
		sync_ui_ask_review(a);
		break;
	case A_HISTORY:
		history_open(a);
		break;
	case A_NEW:
		a->dlg.ov = OV_NEWNAME;
		tb_set(&a->dlg.prompt, "", 0);
		break;
	case A_TEMPLATE:
		template_pick_shipped(a);
		break;
	case A_REMOVE:
		if (a->list.sel < a->list.nshown)
			a->dlg.ov = OV_REMOVE;
		break;
	case A_QUIT:
		a->quit = true;
		break;
	case A_HELP:
		app_help_open(a, app_context(a));
		break;
	case A_CANCEL:
		tb_set(&a->list.filter, "", 0);
		list_refilter(a);
		break;
	case A_BACKSPACE:
		tb_backspace(&a->list.filter);
		list_refilter(a);
		break;
	default:
		if (ev->kind == EV_CHAR || ev->kind == EV_PASTE) {
			if (ev->kind == EV_CHAR) {
				strbuf b = STRBUF_INIT;
				sb_add_utf8(&b, ev->ch);
				tb_insert(&a->list.filter, b.s, b.len, true);
				sb_done(&b);
			} else {
				tb_insert(&a->list.filter, ev->text, ev->len, false);
			}
			a->list.sel = 0;
			list_refilter(a);
		}
		break;
	}
	a->dirty = true;
}

/* ---- painting ---- */

const char *tui_list_place;

static void list_paint(const app *a)
{
	char left[256], right[128];
	snprintf(left, sizeof left, _("algedit · descriptions in %s"), tui_list_place ? tui_list_place : a->list.repo);
	if (a->list.nloaded < a->list.nentries)
		snprintf(right, sizeof right, _("%zu of %zu (reading %zu)"), a->list.nshown, a->list.nentries, a->list.nloaded);
	else
		snprintf(right, sizeof right, _("%zu of %zu"), a->list.nshown, a->list.nentries);
	title_bar(a, left, right, NULL, NULL);
	int x = puts_at(a, 1, 0, a->cols, _("Filter (type): "), A_BOLD);
	put_text(a, 1, x, a->cols - x, a->list.filter.s, a->list.filter.len, A_UNDERLINE);
	int w = a->cols;
	int cw_status = 16, cw_req = 14, cw_err = 7, cw_date = 11;
	/* The review column where the repository has reviews: instead of the
	 * date below 100 columns, so the names stay readable at 80. */
	int cw_rev = a->list.has_reviews ? 17 : 0;
	/* The register's completeness score ("Vulling"), in its colours:
	 * below 100 columns in the date's place, so the names keep their
	 * width at 80; where the review column took that place, the form's
	 * title bar shows the score. */
	int cw_score = 11;
	if (cw_rev && w < 100)
		cw_date = cw_score = 0;
	if (w < 100)
		cw_date = 0;
	/* The name is the column that must stay: on a narrow screen the others
	 * go, the date first and the errors last, until it has room. */
	enum { NAME_MIN = 14 };
	int *drop[] = { &cw_date, &cw_score, &cw_rev, &cw_req, &cw_status, &cw_err };
	int cw_name = 0;
	for (size_t i = 0;; i++) {
		cw_name = w;
		int *all[] = { &cw_status, &cw_req, &cw_score, &cw_err, &cw_rev, &cw_date };
		for (size_t j = 0; j < sizeof all / sizeof all[0]; j++)
			if (*all[j])
				cw_name -= *all[j] + 1;
		if (cw_name >= NAME_MIN || i == sizeof drop / sizeof drop[0])
			break;
		*drop[i] = 0;
	}
	int y = 2;
	int cx = 0;
	cx += puts_at(a, y, 2, cw_name - 2, _("Name"), A_BOLD);
	cx = cw_name + 1;
	if (cw_status) {
		puts_at(a, y, cx, cw_status, _("Status"), A_BOLD);
		cx += cw_status + 1;
	}
	if (cw_req) {
		puts_at(a, y, cx, cw_req, _("Req./shown"), A_BOLD);
		cx += cw_req + 1;
	}
	if (cw_score) {
		puts_at(a, y, cx, cw_score, _("Complete"), A_BOLD);
		cx += cw_score + 1;
	}
	if (cw_err) {
		puts_at(a, y, cx, cw_err, _("Errors"), A_BOLD);
		cx += cw_err + 1;
	}
	if (cw_rev) {
		puts_at(a, y, cx, cw_rev, a->list.only_mine ? _("Review (mine)") : _("Review"), A_BOLD);
		cx += cw_rev + 1;
	}
	if (cw_date)
		puts_at(a, y, cx, cw_date, _("Changed"), A_BOLD);
	int h = a->lay.status_y - 3;
	if (a->list.nshown == 0)
		puts_at(a, 3, 0, a->cols, a->list.nentries ? _("Nothing matches the filter; Esc clears it.")
		                                     : _("No descriptions yet. Ctrl-N starts a new one."), 0);
	for (size_t k = a->list.top; k < a->list.nshown && k < a->list.top + (size_t)h; k++) {
		const list_entry *e = &a->list.entries[a->list.shown[k]];
		int yy = 3 + (int)(k - a->list.top);
		attr_t at = k == a->list.sel ? A_REVERSE : 0;
		if (at)
			fill(yy, 0, a->cols, at);
		const char *name = e->name ? e->name : e->slug;
		puts_at(a, yy, 0, 2, k == a->list.sel ? ">" : " ", at | A_BOLD);
		put_cut(a, yy, 2, cw_name - 2, name, at | (e->name ? 0 : A_DIM));
		cx = cw_name + 1;
		if (!e->loaded) {
			puts_at(a, yy, cx, 2, glyph(a, G_ELLIPSIS), at);
			continue;
		}
		char buf[64];
		if (cw_status) {
			if (e->conflict)
				puts_at(a, yy, cx, cw_status, _("conflict"), at | pair_attr(a, P_ERROR) | A_BOLD);
			else
				puts_at(a, yy, cx, cw_status, e->status ? e->status : "-", at);
			cx += cw_status + 1;
		}
		if (cw_req) {
			snprintf(buf, sizeof buf, "%zu/%zu %zu/%zu", e->req_filled, e->req_total, e->always_filled, e->always_total);
			puts_at(a, yy, cx, cw_req, buf, at);
			cx += cw_req + 1;
		}
		if (cw_score) {
			if (e->score >= 0) {
				snprintf(buf, sizeof buf, "%3d%%", e->score);
				puts_at(a, yy, cx, cw_score, buf, at);
				quality_ui_paint(a, yy, cx, 4, e->score, at);
			}
			cx += cw_score + 1;
		}
		if (cw_err) {
			snprintf(buf, sizeof buf, "%s%zu", e->errors ? "! " : "  ", e->errors);
			puts_at(a, yy, cx, cw_err, buf, at | (e->errors ? pair_attr(a, P_ERROR) | A_BOLD : 0));
			cx += cw_err + 1;
		}
		if (cw_rev) {
			if (e->rstate >= 0) {
				const char *st = e->rnote == NOTE_CHANGED_AFTER_APPROVAL ? _("approval void")
				               : e->rnote == NOTE_CHANGES_REQUESTED ? _("changes asked")
				               : review_state_name((review_state)e->rstate);
				if (e->ropen)
					snprintf(buf, sizeof buf, "%s %s%u", st, glyph(a, G_NOTE), e->ropen);
				else
					snprintf(buf, sizeof buf, "%s", st);
				put_cut(a, yy, cx, cw_rev, buf, at | (e->rwait ? A_BOLD : 0));
			}
			cx += cw_rev + 1;
		}
		if (cw_date) {
			struct tm tm;
			localtime_r(&e->mtime, &tm);
			strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
			puts_at(a, yy, cx, cw_date, buf, at);
		}
	}
}

/* list_view.draw: the title, the filter and the descriptions. */
void list_draw(const app *a, int *cy, int *cx)
{
	(void)cy;
	(void)cx;
	list_paint(a);
}

/* Before the painter: the list scrolled so that the highlighted row shows. */
void list_settle(app *a)
{
	size_t h = a->lay.status_y > 3 ? (size_t)(a->lay.status_y - 3) : 1;
	if (a->list.sel < a->list.top)
		a->list.top = a->list.sel;
	if (a->list.sel >= a->list.top + h)
		a->list.top = a->list.sel - h + 1;
}

const view list_view = { app_context, list_handle, list_draw };
