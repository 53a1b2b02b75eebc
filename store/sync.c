/* sync: fetch, merge field by field, push (see store.h). Descriptions that
 * both sides changed are merged on their models, never line by line, so a
 * description file never holds conflict markers; only the same field
 * changed differently on both sides needs a person, and their choices are
 * kept in .git/algedit/sync/ until the merge can be committed. Nothing is
 * committed or checked out before every field has a value. */
#include "config.h"
#include "store/store_int.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/* ---- the pending merge: .git/algedit/sync/{state,choices,<slug>.yaml} ---- */

static char *sync_path(store *s, const char *name)
{
	return xasprintf("%salgedit/sync/%s", s->gitdir, name);
}

static int sync_mkdir(store *s)
{
	return store_private_dir(s, "sync");
}

typedef struct choice_rec {
	char *slug, *key;
	store_choice choice;
} choice_rec;

typedef struct sync_state {
	git_oid theirs;
	bool have_theirs;
	choice_rec *conf;      /* the conflicts the last sync stopped on */
	size_t nconf;
	choice_rec *choices;   /* the choices made */
	size_t nchoices;
} sync_state;

static void state_done(sync_state *st)
{
	for (size_t i = 0; i < st->nconf; i++) {
		free(st->conf[i].slug);
		free(st->conf[i].key);
	}
	for (size_t i = 0; i < st->nchoices; i++) {
		free(st->choices[i].slug);
		free(st->choices[i].key);
	}
	free(st->conf);
	free(st->choices);
	memset(st, 0, sizeof *st);
}

static const char *choice_name(store_choice c)
{
	return c == CHOICE_MINE ? "mine" : c == CHOICE_THEIRS ? "theirs" : c == CHOICE_EDIT ? "edit" : "none";
}

static store_choice choice_parse(const char *s)
{
	return !strcmp(s, "mine") ? CHOICE_MINE : !strcmp(s, "theirs") ? CHOICE_THEIRS
	       : !strcmp(s, "edit") ? CHOICE_EDIT : CHOICE_NONE;
}

static void push_rec(choice_rec **v, size_t *n, const char *slug, const char *key, store_choice c)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[*n] = (choice_rec){ xstrdup(slug), xstrdup(key), c };
	(*n)++;
}

typedef struct recs_ctx {
	sync_state *st;
	bool choices;
} recs_ctx;

static void read_rec(void *ctx, const git_oid *theirs, const char *slug, const char *key, const char *choice)
{
	recs_ctx *c = ctx;
	if (theirs) {
		git_oid_cpy(&c->st->theirs, theirs);
		c->st->have_theirs = true;
	} else if (slug_valid(slug) && c->choices) {
		push_rec(&c->st->choices, &c->st->nchoices, slug, key, choice ? choice_parse(choice) : CHOICE_NONE);
	} else if (slug_valid(slug)) {
		push_rec(&c->st->conf, &c->st->nconf, slug, key, CHOICE_NONE);
	}
}

/* Lines "slug<TAB>key[<TAB>choice]", escaped (a key from a remote may hold
 * a tab or a line break); a first line "theirs <oid>" in state. */
static void read_recs(store *s, const char *name, sync_state *st, bool choices)
{
	char *p = sync_path(s, name), *data = NULL;
	size_t len;
	if (read_file(p, 1 << 20, &data, &len) < 0) {
		free(p);
		return;
	}
	free(p);
	recs_ctx c = { st, choices };
	(void)store_state_parse(data, len, read_rec, &c);
	free(data);
}

static void state_read(store *s, sync_state *st)
{
	memset(st, 0, sizeof *st);
	read_recs(s, "state", st, false);
	read_recs(s, "choices", st, true);
}

static store_choice choice_for(const sync_state *st, const char *slug, const char *key)
{
	for (size_t i = 0; i < st->nchoices; i++)
		if (!strcmp(st->choices[i].slug, slug) && !strcmp(st->choices[i].key, key))
			return st->choices[i].choice;
	return CHOICE_NONE;
}

static int write_recs(store *s, const char *name, const git_oid *theirs, const choice_rec *v, size_t n, bool choices)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	if (theirs) {
		char hex[GIT_OID_HEXSZ + 1];
		git_oid_tostr(hex, sizeof hex, theirs);
		sb_printf(&b, "theirs %s\n", hex);
	}
	for (size_t i = 0; i < n; i++)
		store_state_line(&b, v[i].slug, v[i].key, choices ? choice_name(v[i].choice) : NULL);
	char *p = sync_path(s, name);
	int rc = sync_mkdir(s) < 0 ? -1 : write_file_private(p, b.s, b.len);
	free(p);
	sb_done(&b);
	return rc;
}

static void state_clear(store *s)
{
	char *dir = xasprintf("%salgedit/sync", s->gitdir);
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *p = xasprintf("%s/%s", dir, e->d_name);
		unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
	free(dir);
}

/* The value chosen by editing, kept in <slug>.yaml as a partial description. */
static description *edits_load(store *s, const char *slug)
{
	char *name = xasprintf("%s.yaml", slug), *p = sync_path(s, name), *data = NULL;
	size_t len;
	description *d = NULL;
	if (read_file(p, DESC_MAX_FILE, &data, &len) == 0) {
		findings fs;
		findings_init(&fs);
		d = desc_read(s->std, data, len, DESC_YAML, &fs);
		findings_done(&fs);
	}
	free(data);
	free(p);
	free(name);
	return d;
}

static int edits_store(store *s, const char *slug, const char *key, const ynode *v)
{
	description *d = edits_load(s, slug);
	if (!d)
		d = desc_new(s->std);
	/* "Removed" is kept as an explicit null so it differs from "not chosen". */
	ynode *null = ynode_new(Y_NULL, 0, 0);
	desc_set_value(d, key, v ? v : null);
	ynode_free(&null);
	size_t len;
	char *y = desc_format_yaml(d, &len);
	char *name = xasprintf("%s.yaml", slug), *p = sync_path(s, name);
	int rc = sync_mkdir(s) < 0 ? -1 : write_file_private(p, y, len);
	free(p);
	free(name);
	free(y);
	desc_free(&d);
	return rc;
}

/* ---- merging ---- */

static bool is_desc_path(const char *path, char **slug)
{
	*slug = NULL;
	if (!str_starts(path, "algoritmes/") || !str_ends(path, ".yaml"))
		return false;
	*slug = slug_from_arg(path);
	if (*slug && strchr(path + strlen("algoritmes/"), '/'))
		xfree(slug);
	return *slug != NULL;
}

typedef struct paths {
	char **v;
	size_t n;
} paths;

static void paths_add(paths *p, const char *s)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->v[i], s))
			return;
	p->v = xrealloc(p->v, (p->n + 1) * sizeof *p->v);
	p->v[p->n++] = xstrdup(s);
}

static bool paths_has(const paths *p, const char *s)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->v[i], s))
			return true;
	return false;
}

static void paths_done(paths *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	memset(p, 0, sizeof *p);
}

static int collect_changed(git_repository *repo, git_tree *from, git_tree *to, paths *out)
{
	git_diff *diff = NULL;
	git_diff_options o;
	git_diff_options_init(&o, GIT_DIFF_OPTIONS_VERSION);
	if (git_diff_tree_to_tree(&diff, repo, from, to, &o) < 0)
		return -1;
	for (size_t i = 0; i < git_diff_num_deltas(diff); i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		if (d->old_file.path)
			paths_add(out, d->old_file.path);
		if (d->new_file.path)
			paths_add(out, d->new_file.path);
	}
	git_diff_free(diff);
	return 0;
}

static description *desc_at(store *s, git_tree *t, const char *path)
{
	git_oid id;
	return t && store_tree_blob(t, path, &id) ? store_desc_from_blob(s, &id) : NULL;
}

static git_tree *tree_of(git_repository *repo, const git_oid *commit)
{
	git_commit *c = NULL;
	git_tree *t = NULL;
	if (git_commit_lookup(&c, repo, commit) < 0)
		return NULL;
	if (git_commit_tree(&t, c) < 0)
		t = NULL;
	git_commit_free(c);
	return t;
}

/* Moves the current branch to commit and brings the work tree along. SAFE:
 * a file with unsaved changes that the update would touch stops it, before
 * anything is written. */
static store_status move_to(store *s, const git_oid *from, const git_oid *to, const char *why)
{
	git_tree *base = from ? tree_of(s->repo, from) : NULL, *target = tree_of(s->repo, to);
	git_reference *head = NULL, *resolved = NULL, *moved = NULL;
	store_status rc = STORE_OK;
	git_checkout_options co;
	git_checkout_options_init(&co, GIT_CHECKOUT_OPTIONS_VERSION);
	co.checkout_strategy = GIT_CHECKOUT_SAFE;
	co.baseline = base;
	if (!target || git_checkout_tree(s->repo, (git_object *)target, &co) < 0) {
		rc = store_fail(s, STORE_ERROR, _("cannot update the files in %s: %s; save or discard your unsaved changes (algedit diff shows them) and sync again"),
		                s->workdir, store_git_msg());
		goto out;
	}
	if (git_repository_head(&head, s->repo) < 0) {
		/* An unborn branch: create it. */
		git_error_clear();
		if (git_reference_lookup(&head, s->repo, "HEAD") < 0 ||
		    git_reference_create(&moved, s->repo, git_reference_symbolic_target(head), to, 0, why) < 0)
			rc = store_fail(s, STORE_ERROR, _("cannot move the branch: %s"), store_git_msg());
		goto out;
	}
	if (git_reference_set_target(&moved, head, to, why) < 0)
		rc = store_fail(s, STORE_ERROR, _("cannot move the branch: %s"), store_git_msg());
out:
	git_reference_free(moved);
	git_reference_free(resolved);
	git_reference_free(head);
	git_tree_free(base);
	git_tree_free(target);
	return rc;
}

/* Applies the recorded choices to the conflicts of one merged description;
 * the conflicts without a choice are added to *open. */
static void apply_choices(store *s, const sync_state *st, const char *slug, merge_result *r,
                          const description *mine, const description *theirs, choice_rec **open, size_t *nopen)
{
	description *edits = NULL;
	for (size_t i = 0; i < r->nconflicts; i++) {
		const char *key = r->conflicts[i].key;
		store_choice c = choice_for(st, slug, key);
		if (c == CHOICE_MINE) {
			desc_set_value(r->merged, key, desc_value(mine, key));
		} else if (c == CHOICE_THEIRS) {
			desc_set_value(r->merged, key, desc_value(theirs, key));
		} else if (c == CHOICE_EDIT) {
			if (!edits)
				edits = edits_load(s, slug);
			const ynode *v = desc_value(edits, key);
			desc_set_value(r->merged, key, v && v->type != Y_NULL ? v : NULL);
		} else {
			push_rec(open, nopen, slug, key, CHOICE_NONE);
		}
	}
	desc_free(&edits);
}

/* A root commit with no descriptions and no review records: the first
 * commit a new repository gets (README, .algedit/), nothing of the user's. */
static bool is_scaffold(git_repository *repo, const git_oid *id)
{
	git_commit *c = NULL;
	git_tree *t = NULL;
	bool r = false;
	if (git_commit_lookup(&c, repo, id) == 0 && git_commit_parentcount(c) == 0 && git_commit_tree(&t, c) == 0)
		r = !git_tree_entry_byname(t, "algoritmes") && !git_tree_entry_byname(t, "reviews");
	git_error_clear();
	git_tree_free(t);
	git_commit_free(c);
	return r;
}

/* Merges theirs into HEAD. STORE_OK with *up_to_date or *ff set, or a merge
 * commit made; STORE_CONFLICT with the state written for store_resolve. */
static store_status integrate(store *s, const git_oid *theirs, const char *remote_name, store_sync_report *rep)
{
	git_oid ours_id, base_id, merged_tree_id, commit_id;
	bool have_ours = git_reference_name_to_id(&ours_id, s->repo, "HEAD") == 0;
	git_error_clear();
	if (have_ours && (git_oid_equal(&ours_id, theirs) || git_graph_descendant_of(s->repo, &ours_id, theirs) == 1)) {
		rep->up_to_date = true;
		state_clear(s);
		return STORE_OK;
	}
	/* A repository that holds only its own first commit joins the team's
	 * history instead of merging two unrelated ones. */
	if (!have_ours || git_graph_descendant_of(s->repo, theirs, &ours_id) == 1 ||
	    (git_merge_base(&base_id, s->repo, &ours_id, theirs) < 0 && is_scaffold(s->repo, &ours_id))) {
		git_error_clear();
		store_status rc = move_to(s, have_ours ? &ours_id : NULL, theirs, "algedit sync: fast-forward");
		if (rc == STORE_OK) {
			rep->fast_forward = true;
			state_clear(s);
		}
		return rc;
	}
	bool have_base = git_merge_base(&base_id, s->repo, &ours_id, theirs) == 0;
	git_error_clear();
	git_tree *tb = have_base ? tree_of(s->repo, &base_id) : NULL, *to = tree_of(s->repo, &ours_id),
	         *tt = tree_of(s->repo, theirs), *merged_tree = NULL;
	git_index *idx = NULL;
	git_commit *cours = NULL, *ctheirs = NULL;
	git_signature *sig = NULL;
	paths mine_changed = { 0 }, theirs_changed = { 0 }, conflicted = { 0 };
	choice_rec *open = NULL;
	size_t nopen = 0;
	sync_state st;
	state_read(s, &st);
	store_status rc = STORE_OK;
	git_merge_options mo;
	git_merge_options_init(&mo, GIT_MERGE_OPTIONS_VERSION);
	if (!to || !tt || collect_changed(s->repo, tb, to, &mine_changed) < 0 ||
	    collect_changed(s->repo, tb, tt, &theirs_changed) < 0 ||
	    git_merge_trees(&idx, s->repo, tb, to, tt, &mo) < 0) {
		rc = store_fail(s, STORE_ERROR, _("cannot merge: %s"), store_git_msg());
		goto out;
	}
	/* Git's own verdict on files that are not descriptions. */
	git_index_conflict_iterator *it = NULL;
	const git_index_entry *anc, *our, *their;
	if (git_index_conflict_iterator_new(&it, idx) < 0) {
		rc = store_fail(s, STORE_ERROR, _("cannot merge: %s"), store_git_msg());
		goto out;
	}
	while (git_index_conflict_next(&anc, &our, &their, it) == 0) {
		const char *path = our ? our->path : their ? their->path : anc->path;
		paths_add(&conflicted, path);
	}
	git_index_conflict_iterator_free(it);
	for (size_t i = 0; i < conflicted.n; i++) {
		char *slug;
		if (!is_desc_path(conflicted.v[i], &slug)) {
			rc = store_fail(s, STORE_ERROR, _("%s was changed on both sides and is not a description; merge it with git (git pull), then sync again"), conflicted.v[i]);
			goto out;
		}
		free(slug);
	}
	/* Every description both sides changed is merged on its model. */
	for (size_t i = 0; i < mine_changed.n; i++) {
		const char *path = mine_changed.v[i];
		char *slug;
		if (!paths_has(&theirs_changed, path) || !is_desc_path(path, &slug))
			continue;
		description *b = desc_at(s, tb, path), *m = desc_at(s, to, path), *t = desc_at(s, tt, path);
		git_oid tmp;
		bool m_there = store_tree_blob(to, path, &tmp), t_there = store_tree_blob(tt, path, &tmp);
		if (!m_there && !t_there) {
			/* Removed on both sides: git's merge already agrees. */
		} else if (!m_there || !t_there) {
			rc = store_fail(s, STORE_ERROR, _("the description %s was removed on one side and changed on the other; restore or remove it with git, then sync again"), slug);
		} else if (!m || !t) {
			rc = store_fail(s, STORE_ERROR, _("the description %s is not readable on one side; correct it (algedit check), then sync again"), slug);
		} else {
			merge_result r;
			desc_merge(b, m, t, &r);
			apply_choices(s, &st, slug, &r, m, t, &open, &nopen);
			size_t len;
			char *y = desc_format_yaml(r.merged, &len);
			git_index_entry e;
			memset(&e, 0, sizeof e);
			e.mode = GIT_FILEMODE_BLOB;
			e.path = path;
			if (git_blob_create_from_buffer(&e.id, s->repo, y, len) < 0 ||
			    /* any stage: a file added on both sides has no ancestor's (stage 1) */
			    ((git_index_get_bypath(idx, path, 1) || git_index_get_bypath(idx, path, 2) ||
			      git_index_get_bypath(idx, path, 3)) && git_index_conflict_remove(idx, path) < 0) ||
			    git_index_add(idx, &e) < 0)
				rc = store_fail(s, STORE_IO, _("cannot store the merged %s: %s"), path, store_git_msg());
			free(y);
			merge_result_done(&r);
			rep->merged_files++;
		}
		desc_free(&b);
		desc_free(&m);
		desc_free(&t);
		free(slug);
		if (rc != STORE_OK)
			goto out;
	}
	if (nopen) {
		strbuf b = STRBUF_INIT;
		for (size_t i = 0; i < nopen; i++) {
			const std_field *f = standard_field(s->std, open[i].key);
			sb_printf(&b, "\n  %s: %s", open[i].slug, f ? f->label[i18n_lang()] : open[i].key);
		}
		if (write_recs(s, "state", theirs, open, nopen, false) < 0) {
			rc = store_fail(s, STORE_IO, _("cannot record the conflicts in %s: %s"), s->gitdir, strerror(errno));
		} else {
			rc = store_fail(s, STORE_CONFLICT,
			                P_("%zu field was changed both here and on %s:%s\nSettle it: algedit resolve shows both texts; algedit resolve NAME FIELD mine|theirs keeps one, or NAME FIELD=TEXT gives your own; then algedit sync",
			                   "%zu fields were changed both here and on %s:%s\nSettle them one by one: algedit resolve shows both texts; algedit resolve NAME FIELD mine|theirs keeps one, or NAME FIELD=TEXT gives your own; then algedit sync", nopen),
			                nopen, remote_name, b.s);
		}
		sb_done(&b);
		goto out;
	}
	if (git_index_has_conflicts(idx)) {
		rc = store_fail(s, STORE_ERROR, "%s", _("the merge left conflicts that algedit cannot resolve; merge with git (git pull), then sync again"));
		goto out;
	}
	if ((rc = store_signature(s, &sig)) != STORE_OK)
		goto out;
	char *msg = xasprintf(_("Merged the changes from %s"), remote_name);
	const git_commit *parents[2];
	if (git_index_write_tree_to(&merged_tree_id, idx, s->repo) < 0 ||
	    git_tree_lookup(&merged_tree, s->repo, &merged_tree_id) < 0 ||
	    git_commit_lookup(&cours, s->repo, &ours_id) < 0 || git_commit_lookup(&ctheirs, s->repo, theirs) < 0 ||
	    (parents[0] = cours, parents[1] = ctheirs,
	     store_commit_create(&commit_id, s->repo, NULL, sig, msg, merged_tree, 2, parents) < 0)) {
		free(msg);
		rc = store_fail(s, STORE_IO, _("cannot store the merge: %s"), store_git_msg());
		goto out;
	}
	free(msg);
	rc = move_to(s, &ours_id, &commit_id, "algedit sync: merge");
	if (rc == STORE_OK)
		state_clear(s);
out:
	for (size_t i = 0; i < nopen; i++) {
		free(open[i].slug);
		free(open[i].key);
	}
	free(open);
	state_done(&st);
	paths_done(&mine_changed);
	paths_done(&theirs_changed);
	paths_done(&conflicted);
	git_signature_free(sig);
	git_commit_free(cours);
	git_commit_free(ctheirs);
	git_index_free(idx);
	git_tree_free(merged_tree);
	git_tree_free(tb);
	git_tree_free(to);
	git_tree_free(tt);
	return rc;
}

/* ---- remotes ---- */

typedef struct net_ctx {
	store *s;
	const store_sync_opts *o;
	int tries;                /* credentials handed out on this connection */
	bool agent_tried;         /* on this connection */
	bool agent_missing;       /* no ssh-agent to ask */
	bool agent_refused;       /* the server took none of the agent's keys */
	bool auth_failed;
	bool pass_given;          /* a user name and password were sent */
	bool pass_unasked;        /* the server wanted them; there was no one to ask */
	bool hostkey_refused;     /* the server's ssh key is not in known_hosts */
	bool cert_refused;        /* the server's https certificate is not trusted */
	bool rejected;            /* the remote refused our update: it moved */
	git_oid expect;           /* the remote's value we merged */
	bool have_expect;
} net_ctx;

/* An ssh-agent answers on $SSH_AUTH_SOCK. Checked before offering it:
 * libgit2 reports an agent that is not there as a connection error, which
 * would read as "cannot reach the server". */
static bool agent_reachable(void)
{
	const char *path = getenv("SSH_AUTH_SOCK");
	struct sockaddr_un a;
	if (!path || !*path || strlen(path) >= sizeof a.sun_path)
		return false;
	memset(&a, 0, sizeof a);
	a.sun_family = AF_UNIX;
	memcpy(a.sun_path, path, strlen(path) + 1);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return false;
	bool ok = connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
	close(fd);
	return ok;
}

/* The user name for an ssh url without one: the login name, as ssh uses. */
static const char *login_name(void)
{
	const struct passwd *pw = getpwuid(getuid());
	const char *u = pw && pw->pw_name && *pw->pw_name ? pw->pw_name : getenv("USER");
	return u && *u ? u : "git";
}

/* Called once per connection at first, then again after each refusal:
 * ssh-agent first (ssh), then the user name and password asked on the
 * terminal (https, or an ssh server that takes passwords). */
static int cred_cb(git_credential **out, const char *url, const char *user_from_url, unsigned int allowed,
                   void *payload)
{
	net_ctx *c = payload;
	if (++c->tries > 4) {
		c->auth_failed = true;
		return -1;
	}
	if (allowed & GIT_CREDENTIAL_USERNAME)
		return git_credential_username_new(out, user_from_url ? user_from_url : login_name());
	if ((allowed & GIT_CREDENTIAL_SSH_KEY) && c->agent_tried)
		c->agent_refused = true;
	if ((allowed & GIT_CREDENTIAL_SSH_KEY) && !c->agent_tried) {
		c->agent_tried = true;
		if (agent_reachable())
			return git_credential_ssh_key_from_agent(out, user_from_url ? user_from_url : login_name());
		c->agent_missing = true;
	}
	if ((allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) && c->o->ask && c->tries <= 3) {
		char *user = NULL, *pass = NULL;
		if (c->o->ask(c->o->ctx, url, user_from_url, &user, &pass) == 0 && user && pass) {
			c->pass_given = true;
			int r = git_credential_userpass_plaintext_new(out, user, pass);
			/* The password lives in memory as briefly as it can; never on disk. */
			memset(pass, 0, strlen(pass));
			free(user);
			free(pass);
			return r;
		}
		free(user);
		free(pass);
	}
	if ((allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) && !c->pass_given)
		c->pass_unasked = true;
	c->auth_failed = true;
	return -1;
}

/* A new connection starts asking for credentials afresh. */
static void auth_reset(net_ctx *c)
{
	c->tries = 0;
	c->agent_tried = c->agent_missing = c->agent_refused = c->auth_failed = c->hostkey_refused = false;
	c->cert_refused = false;
	c->pass_given = c->pass_unasked = false;
}

/* libgit2 1.5.1 checks the server's ssh key against ~/.ssh/known_hosts
 * itself (valid). A key that is not there, or differs from the one there, is
 * refused: trusting it on first use would let anyone on the way read and
 * change the drafts, and algedit has no screen to show a fingerprint on.
 * net_fail tells the user to confirm the key once with ssh, which shows the
 * fingerprint, warns loudly about a changed key, and writes known_hosts.
 * An https certificate gets libgit2's own verdict, noted for the message. */
static int cert_cb(git_cert *cert, int valid, const char *host, void *payload)
{
	net_ctx *c = payload;
	(void)host;
	if (cert->cert_type == GIT_CERT_HOSTKEY_LIBSSH2 && !valid) {
		c->hostkey_refused = true;
		return GIT_ECERTIFICATE;
	}
	if (cert->cert_type == GIT_CERT_X509 && !valid)
		c->cert_refused = true;
	return GIT_PASSTHROUGH;
}

static int push_ref_cb(const char *ref, const char *status, void *payload)
{
	net_ctx *c = payload;
	if (status)
		c->rejected = true;
	return 0;
}

/* The remote moved between our fetch and our push: stop before sending
 * (local remotes check nothing themselves). */
static int negotiation_cb(const git_push_update **updates, size_t len, void *payload)
{
	net_ctx *c = payload;
	for (size_t i = 0; i < len; i++) {
		const git_oid *remote_now = &updates[i]->src;
		bool empty = git_oid_is_zero(remote_now);
		if ((c->have_expect && !git_oid_equal(remote_now, &c->expect)) || (!c->have_expect && !empty)) {
			c->rejected = true;
			return -1;
		}
	}
	return 0;
}

static void callbacks(git_remote_callbacks *cb, net_ctx *c)
{
	git_remote_init_callbacks(cb, GIT_REMOTE_CALLBACKS_VERSION);
	cb->credentials = cred_cb;
	cb->certificate_check = cert_cb;
	cb->push_update_reference = push_ref_cb;
	cb->push_negotiation = negotiation_cb;
	cb->payload = c;
}

/* "ssh [-p PORT] [USER@]HOST" for an ssh url (ssh://[USER@]HOST[:PORT]/PATH
 * or [USER@]HOST:PATH): the command that confirms the server's key. */
static char *ssh_command(const char *url)
{
	const char *p = url, *end;
	bool scp = true;
	for (const char *sch = url; *sch && *sch != '/' && *sch != '@'; sch++)
		if (!strncmp(sch, "://", 3)) {
			p = sch + 3;
			scp = false;
			break;
		}
	if (scp) {
		/* [USER@]HOST:PATH, HOST possibly [v6]. */
		const char *at = strchr(p, '@'), *colon;
		const char *h = at ? at + 1 : p;
		colon = *h == '[' ? strchr(h, ']') : h;
		colon = colon ? strchr(colon, ':') : NULL;
		end = colon ? colon : p + strlen(p);
		return xasprintf("ssh %.*s", (int)(end - p), p);
	}
	end = p + strcspn(p, "/");
	const char *at = memchr(p, '@', (size_t)(end - p));
	const char *h = at ? at + 1 : p, *port = NULL;
	const char *close = *h == '[' ? memchr(h, ']', (size_t)(end - h)) : NULL;
	const char *colon = memchr(close ? close : h, ':', (size_t)(end - (close ? close : h)));
	if (colon)
		port = colon + 1;
	const char *hend = colon ? colon : end;
	if (*h == '[' && close) {
		h++;
		hend = close;
	}
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "ssh ");
	if (port && port < end)
		sb_printf(&b, "-p %.*s ", (int)(end - port), port);
	if (at) {
		/* The user name only: never a password given as ssh://USER:PASSWORD@HOST. */
		const char *pw = memchr(p, ':', (size_t)(at - p));
		sb_printf(&b, "%.*s@", (int)((pw ? pw : at) - p), p);
	}
	sb_printf(&b, "%.*s", (int)(hend - h), h);
	return sb_take(&b);
}

/* mbedTLS's verification flags, as libgit2 1.5 puts them in its message
 * ("the SSL certificate is invalid: 0x04 - ..."); 0 when not found there. */
enum { CERT_EXPIRED = 0x01, CERT_NAME = 0x04, CERT_NOT_TRUSTED = 0x08, CERT_FUTURE = 0x0200 };
static unsigned cert_flags(const char *msg)
{
	const char *p = strstr(msg, "invalid: 0x");
	return p ? (unsigned)strtoul(p + 9, NULL, 16) : 0;
}

/* An https certificate refused: what to do depends on why. */
static store_status cert_fail(store *s, const char *remote, const char *url)
{
	const char *why = store_git_msg();
	unsigned f = cert_flags(why);
	if (!(f & CERT_NOT_TRUSTED) && (f & CERT_NAME))
		return store_fail(s, STORE_AUTH, _("the https certificate of %s (%s) is made out to another name than the one in the address: %s. Write the server's name in the address as its certificate gives it, not an IP address (git -C %s remote set-url %s https://NAME/...); nothing was changed"),
		                  remote, url, why, s->workdir, remote);
	if (!(f & CERT_NOT_TRUSTED) && (f & (CERT_EXPIRED | CERT_FUTURE)))
		return store_fail(s, STORE_AUTH, _("the https certificate of %s (%s) has expired or is not valid yet: %s. Check the date and time of this computer; if they are right, the server's certificate must be renewed (ask IT); nothing was changed"),
		                  remote, url, why);
	if (s->ca_from && str_starts(s->ca_from, "GIT_"))
		return store_fail(s, STORE_AUTH, _("the https certificate of %s (%s) is not trusted here: %s. Only the certificates in %s are trusted, named by the environment variable %s; if the address is right, ask IT for the CA file of this server and name that instead; nothing was changed"),
		                  remote, url, why, s->ca_path, s->ca_from);
	if (s->ca_from)
		return store_fail(s, STORE_AUTH, _("the https certificate of %s (%s) is not trusted here: %s. Only the certificates in %s are trusted, named by git config %s; if the address is right, ask IT for the CA file of this server and name that instead (git -C %s config %s FILE); nothing was changed"),
		                  remote, url, why, s->ca_path, s->ca_from, s->workdir, s->ca_from);
	return store_fail(s, STORE_AUTH, _("the https certificate of %s (%s) is not trusted here: %s. If the address is right and your organisation uses certificates of its own, ask IT for its CA file and name it once with: git -C %s config http.sslCAInfo FILE; then sync again; nothing was changed"),
	                  remote, url, why, s->workdir);
}

static store_status net_fail(store *s, net_ctx *c, int err, const char *remote, const char *url)
{
	const git_error *e = git_error_last();
	int klass = e ? e->klass : 0;
	if (c->hostkey_refused) {
		char *cmd = ssh_command(url);
		store_status rc = store_fail(s, STORE_AUTH, _("the server of %s (%s) is not known here, or its key has changed: its ssh host key is not in ~/.ssh/known_hosts. Confirm it once with: %s (answer yes only when the fingerprint is the one your IT department gives; if ssh warns that the key has changed, ask them first), then sync again; nothing was changed"),
		                             remote, url, cmd);
		free(cmd);
		return rc;
	}
	if (c->cert_refused || err == GIT_ECERTIFICATE)
		return cert_fail(s, remote, url);
	if (c->auth_failed || err == GIT_EAUTH) {
		const char *why = c->agent_refused ? _("none of the keys in your ssh-agent is accepted (ssh-add -l lists them)")
		                  : c->agent_missing ? _("no ssh-agent with your key is running (SSH_AUTH_SOCK)")
		                  : c->pass_given ? _("the user name or password was refused")
		                  : c->pass_unasked ? _("the server asks for a user name and password, and there is no terminal to ask them on")
		                  : e && e->message ? e->message : _("no credentials were given");
		return store_fail(s, STORE_AUTH, _("%s (%s) did not accept your credentials: %s. Check the user name and password, or load your ssh key (ssh-add), and sync again; nothing was changed"),
		                  remote, url, why);
	}
	if (klass == GIT_ERROR_NET || klass == GIT_ERROR_OS || klass == GIT_ERROR_SSH || klass == GIT_ERROR_HTTP ||
	    klass == GIT_ERROR_SSL)
		return store_fail(s, STORE_UNREACHABLE, _("cannot reach %s (%s): %s. Check the address (git remote -v) and the network, and sync again later; your descriptions are safe here"),
		                  remote, url, store_git_msg());
	return store_fail(s, STORE_ERROR, _("sync with %s (%s) failed: %s; nothing was changed here"), remote, url, store_git_msg());
}

/* The remote to use: the one named, else origin, else the only one. */
static store_status pick_remote(store *s, const char *want, git_remote **out)
{
	*out = NULL;
	git_strarray names = { 0 };
	if (git_remote_list(&names, s->repo) < 0)
		return store_fail(s, STORE_ERROR, _("cannot read the remotes: %s"), store_git_msg());
	const char *name = want;
	if (!name) {
		for (size_t i = 0; i < names.count && !name; i++)
			if (!strcmp(names.strings[i], "origin"))
				name = "origin";
		if (!name && names.count == 1)
			name = names.strings[0];
	}
	store_status rc = STORE_OK;
	if (!names.count)
		rc = store_fail(s, STORE_NO_REMOTE, "%s", _("this repository is not connected to a team server yet; connect it once with: algedit sync URL (the address of the team's repository, from IT)"));
	else if (!name)
		rc = store_fail(s, STORE_NO_REMOTE, "%s", _("this repository has several remotes; name one: algedit sync REMOTE (git remote lists them)"));
	else if (git_remote_lookup(out, s->repo, name) < 0)
		rc = store_fail(s, STORE_NO_REMOTE, _("there is no remote called %s; git remote lists them, git remote add %s URL adds it"), name, name);
	git_strarray_dispose(&names);
	return rc;
}

/* How the remote is named to a person: "origin", the name git gives the
 * one a repository was cloned from or connected to, is "the team server". */
static const char *remote_shown(const char *rname)
{
	return !strcmp(rname, "origin") ? _("the team server") : rname;
}

/* What the server has: its branches and what its HEAD names (when it
 * names a branch it has; a server's HEAD on a branch that does not exist
 * is not advertised at all). */
typedef struct server_heads {
	paths branches;         /* "refs/heads/..." */
	char *head;             /* "refs/heads/..." or NULL */
} server_heads;

static void server_heads_done(server_heads *h)
{
	paths_done(&h->branches);
	free(h->head);
	memset(h, 0, sizeof *h);
}

static int server_ls(git_remote *remote, server_heads *h)
{
	const git_remote_head **refs;
	size_t n;
	server_heads_done(h);
	if (git_remote_ls(&refs, &n, remote) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (str_starts(refs[i]->name, "refs/heads/") && slug_valid(refs[i]->name + 11))
			paths_add(&h->branches, refs[i]->name);
		else if (!strcmp(refs[i]->name, "HEAD") && refs[i]->symref_target &&
		         str_starts(refs[i]->symref_target, "refs/heads/"))
			h->head = xstrdup(refs[i]->symref_target);
	}
	return 0;
}

/* The configured branch.<ours>.merge when branch.<ours>.remote is rname. */
static char *configured_merge(store *s, const char *short_name, const char *rname)
{
	git_config *cfg = NULL;
	git_buf b = { 0 };
	char *out = NULL;
	char *rkey = xasprintf("branch.%s.remote", short_name), *mkey = xasprintf("branch.%s.merge", short_name);
	if (git_repository_config_snapshot(&cfg, s->repo) == 0 && git_config_get_string_buf(&b, cfg, rkey) == 0 &&
	    !strcmp(b.ptr, rname)) {
		git_buf_dispose(&b);
		if (git_config_get_string_buf(&b, cfg, mkey) == 0 && str_starts(b.ptr, "refs/heads/"))
			out = xstrdup(b.ptr);
	}
	git_error_clear();
	git_buf_dispose(&b);
	git_config_free(cfg);
	free(rkey);
	free(mkey);
	return out;
}

/* Remembers which branch of the server this branch syncs with, as git
 * does (branch.<name>.remote, branch.<name>.merge). */
static void remember_merge(store *s, const char *short_name, const char *rname, const char *team)
{
	char *have = configured_merge(s, short_name, rname);
	bool same = have && !strcmp(have, team);
	free(have);
	if (same)
		return;
	git_config *cfg = NULL;
	char *rkey = xasprintf("branch.%s.remote", short_name), *mkey = xasprintf("branch.%s.merge", short_name);
	if (git_repository_config(&cfg, s->repo) == 0) {
		(void)git_config_set_string(cfg, rkey, rname);
		(void)git_config_set_string(cfg, mkey, team);
	}
	git_error_clear();
	git_config_free(cfg);
	free(rkey);
	free(mkey);
}

/* The server's branch to sync with (see store.h), or NULL with the
 * message set: several branches and none to choose. */
static char *pick_team_branch(store *s, const server_heads *h, const char *branch_ref, const char *short_name,
                              const char *rname, store_sync_report *rep)
{
	char *want = configured_merge(s, short_name, rname);
	rep->server_empty = h->branches.n == 0;
	rep->server_head_unset = !h->head;
	if (want && paths_has(&h->branches, want))
		return want;
	free(want);
	if (h->head && paths_has(&h->branches, h->head))
		return xstrdup(h->head);
	if (paths_has(&h->branches, branch_ref) || h->branches.n == 0)
		return xstrdup(branch_ref);
	if (h->branches.n == 1)
		return xstrdup(h->branches.v[0]);
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < h->branches.n; i++)
		sb_printf(&b, "%s%s", i ? ", " : "", h->branches.v[i] + 11);
	store_fail(s, STORE_ERROR, _("%s holds several lines of work (branches: %s), none called %s, and does not say which is the team's; "
	                             "ask IT which one, then choose it once with: git -C %s config branch.%s.merge refs/heads/NAME"),
	           remote_shown(rname), b.s, short_name, s->workdir, short_name);
	sb_done(&b);
	return NULL;
}

store_status store_sync(store *s, const store_sync_opts *o, store_sync_report *report)
{
	store_sync_report dummy;
	store_sync_report *rep = report ? report : &dummy;
	memset(rep, 0, sizeof *rep);
	store_status rc = store_check_state(s);
	if (rc != STORE_OK)
		return rc;
	git_remote *remote = NULL;
	git_reference *head = NULL;
	char *branch_ref = NULL, *tracking = NULL, *spec = NULL, *team = NULL;
	server_heads sh = { 0 };
	if ((rc = pick_remote(s, o ? o->remote : NULL, &remote)) != STORE_OK)
		return rc;
	const char *rname = git_remote_name(remote), *url = git_remote_url(remote);
	const char *shown = remote_shown(rname);
	/* For http, which may redirect to https: the certificates the user
	 * named (store/tls.c). */
	if (url && !strncasecmp(url, "http", 4) && (rc = store_tls_prepare(s)) != STORE_OK)
		goto out;
	/* The branch HEAD is on (possibly unborn). */
	if (git_reference_lookup(&head, s->repo, "HEAD") < 0 || git_reference_type(head) != GIT_REFERENCE_SYMBOLIC) {
		rc = store_fail(s, STORE_DETACHED, _("the repository in %s is not on a branch (detached HEAD); switch to one (git switch main), then try again"), s->workdir);
		goto out;
	}
	branch_ref = xstrdup(git_reference_symbolic_target(head));
	int retries = o && o->retries > 0 ? o->retries : 3;
	for (int attempt = 0;; attempt++) {
		net_ctx c = { .s = s, .o = o };
		store_sync_opts none = { 0 };
		if (!o)
			c.o = &none;
		/* Connected first to see the server's branches; the fetch then uses
		 * the same connection (credentials are asked once). */
		git_remote_callbacks cb;
		callbacks(&cb, &c);
		int e = git_remote_connect(remote, GIT_DIRECTION_FETCH, &cb, NULL, NULL);
		if (e < 0 || server_ls(remote, &sh) < 0) {
			rc = net_fail(s, &c, e < 0 ? e : -1, shown, url);
			goto out;
		}
		const char *short_name = str_starts(branch_ref, "refs/heads/") ? branch_ref + 11 : branch_ref;
		free(team);
		if (!(team = pick_team_branch(s, &sh, branch_ref, short_name, rname, rep))) {
			rc = STORE_ERROR;
			goto out;
		}
		snprintf(rep->team_branch, sizeof rep->team_branch, "%s", team + 11);
		/* No version here yet: this branch takes the server's name (a clone
		 * of a server whose HEAD names a branch it does not have sits on
		 * that missing branch). */
		git_oid tmp;
		if (strcmp(team, branch_ref) && git_reference_name_to_id(&tmp, s->repo, "HEAD") < 0 &&
		    git_repository_set_head(s->repo, team) == 0) {
			free(branch_ref);
			branch_ref = xstrdup(team);
			short_name = branch_ref + 11;
		}
		git_error_clear();
		free(tracking);
		free(spec);
		tracking = xasprintf("refs/remotes/%s/%s", rname, team + 11);
		spec = xasprintf("%s:%s", branch_ref, team);
		git_fetch_options fo;
		git_fetch_options_init(&fo, GIT_FETCH_OPTIONS_VERSION);
		callbacks(&fo.callbacks, &c);
		e = git_remote_fetch(remote, NULL, &fo, "algedit sync: fetch");
		if (e < 0) {
			rc = net_fail(s, &c, e, shown, url);
			goto out;
		}
		git_oid theirs;
		c.have_expect = paths_has(&sh.branches, team) && git_reference_name_to_id(&theirs, s->repo, tracking) == 0;
		git_error_clear();
		if (c.have_expect) {
			git_oid_cpy(&c.expect, &theirs);
			rc = integrate(s, &theirs, shown, rep);
			if (rc == STORE_CONFLICT)
				remember_merge(s, short_name, rname, team);
			if (rc != STORE_OK)
				goto out;
		}
		/* Nothing of ours to send? */
		git_oid ours;
		if (git_reference_name_to_id(&ours, s->repo, "HEAD") < 0) {
			git_error_clear();
			rep->up_to_date = true;
			goto out;
		}
		if (c.have_expect && git_oid_equal(&ours, &theirs)) {
			remember_merge(s, short_name, rname, team);
			goto out;
		}
		git_push_options po;
		git_push_options_init(&po, GIT_PUSH_OPTIONS_VERSION);
		callbacks(&po.callbacks, &c);
		auth_reset(&c);
		git_strarray refspecs = { &spec, 1 };
		e = git_remote_push(remote, &refspecs, &po);
		if (e < 0 && !c.rejected && e != GIT_ENONFASTFORWARD) {
			rc = net_fail(s, &c, e, shown, url);
			goto out;
		}
		git_error_clear();
		if (!c.rejected && e == 0) {
			rep->pushed = true;
			rep->up_to_date = false;
			remember_merge(s, short_name, rname, team);
			/* The first branch on an empty server: whether its HEAD names it
			 * shows only now. Not asked over http(s), which would ask for
			 * the password again. */
			if (rep->server_empty && url && strncasecmp(url, "http", 4)) {
				net_ctx c2 = { .s = s, .o = c.o };
				callbacks(&cb, &c2);
				if (git_remote_connect(remote, GIT_DIRECTION_FETCH, &cb, NULL, NULL) == 0 && server_ls(remote, &sh) == 0)
					rep->server_head_unset = !sh.head || strcmp(sh.head, team);
				git_error_clear();
			} else if (rep->server_empty) {
				rep->server_head_unknown = true;
			}
			goto out;
		}
		/* The remote moved: fetch, merge and push again. */
		if (attempt >= retries) {
			rc = store_fail(s, STORE_REJECTED, _("%s kept changing while syncing (tried %d times); sync again in a moment"), shown, attempt + 1);
			goto out;
		}
		rep->retries_used++;
	}
out:
	if (remote && git_remote_connected(remote))
		git_remote_disconnect(remote);
	server_heads_done(&sh);
	free(branch_ref);
	free(tracking);
	free(spec);
	free(team);
	git_reference_free(head);
	git_remote_free(remote);
	return rc;
}

/* ---- connecting ---- */

/* url with the password of its user part left out ("https://anna:pw@h/x"
 * becomes "https://anna@h/x"). */
static char *strip_password(const char *url)
{
	const char *sep = strstr(url, "://");
	if (!sep)
		return xstrdup(url);
	const char *auth = sep + 3, *end = auth + strcspn(auth, "/?#");
	const char *at = NULL;
	for (const char *p = auth; p < end; p++)
		if (*p == '@')
			at = p;
	const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (!colon)
		return xstrdup(url);
	return xasprintf("%.*s%s", (int)(colon - url), url, at);
}

bool store_has_remote(store *s, const char *name)
{
	git_remote *r = NULL;
	bool ok = git_remote_lookup(&r, s->repo, name) == 0;
	git_error_clear();
	git_remote_free(r);
	return ok;
}

char *store_remote_url(store *s)
{
	git_remote *r = NULL;
	char *out = NULL;
	if (pick_remote(s, NULL, &r) == STORE_OK && git_remote_url(r))
		out = strip_password(git_remote_url(r));
	git_error_clear();
	git_remote_free(r);
	return out;
}

store_status store_connect(store *s, const char *url, bool *added)
{
	*added = false;
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return store_fail(s, STORE_ERROR, "%s", _("the address holds a control character; type it again"));
	if (!*url)
		return store_fail(s, STORE_ERROR, "%s", _("give the address of the team's repository"));
	char *want = strip_password(url);
	/* A folder on this computer (or a shared drive) is kept as a full path,
	 * so it works from wherever algedit is started. */
	struct stat st;
	if (!strstr(want, "://") && stat(want, &st) == 0 && S_ISDIR(st.st_mode)) {
		char *abs = realpath(want, NULL);
		if (abs) {
			free(want);
			want = abs;
		}
	}
	store_status rc = STORE_OK;
	git_remote *r = NULL;
	if (git_remote_lookup(&r, s->repo, "origin") == 0) {
		char *have = strip_password(git_remote_url(r) ? git_remote_url(r) : "");
		if (strcmp(have, want))
			rc = store_fail(s, STORE_ERROR, _("this repository is already connected to a team server, %s, not to %s; "
			                                  "to connect it to %s instead: git -C %s remote set-url origin %s"),
			                have, want, want, s->workdir, want);
		free(have);
	} else {
		git_error_clear();
		git_remote *made = NULL;
		if (git_remote_create(&made, s->repo, "origin", want) < 0)
			rc = store_fail(s, STORE_ERROR, _("cannot connect to %s: %s"), want, store_git_msg());
		else
			*added = true;
		git_remote_free(made);
	}
	git_remote_free(r);
	free(want);
	return rc;
}

/* ---- resolving ---- */

store_status store_conflicts(store *s, store_conflict **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sync_state st;
	state_read(s, &st);
	if (!st.have_theirs || !st.nconf) {
		state_done(&st);
		return STORE_OK;
	}
	git_oid ours, base;
	bool have_ours = git_reference_name_to_id(&ours, s->repo, "HEAD") == 0;
	bool have_base = have_ours && git_merge_base(&base, s->repo, &ours, &st.theirs) == 0;
	git_error_clear();
	git_tree *tb = have_base ? tree_of(s->repo, &base) : NULL, *to = have_ours ? tree_of(s->repo, &ours) : NULL,
	         *tt = tree_of(s->repo, &st.theirs);
	*out = xcalloc(st.nconf, sizeof **out);
	for (size_t i = 0; i < st.nconf; i++) {
		store_conflict *c = &(*out)[(*n)++];
		c->slug = xstrdup(st.conf[i].slug);
		c->key = xstrdup(st.conf[i].key);
		c->field = standard_field(s->std, c->key);
		char *rel = store_relpath(c->slug);
		description *b = desc_at(s, tb, rel), *m = desc_at(s, to, rel), *t = desc_at(s, tt, rel);
		const ynode *v;
		c->base = (v = desc_value(b, c->key)) ? ynode_copy(v) : NULL;
		c->mine = (v = desc_value(m, c->key)) ? ynode_copy(v) : NULL;
		c->theirs = (v = desc_value(t, c->key)) ? ynode_copy(v) : NULL;
		c->choice = choice_for(&st, c->slug, c->key);
		if (c->choice == CHOICE_EDIT) {
			description *ed = edits_load(s, c->slug);
			v = desc_value(ed, c->key);
			c->edited = v && v->type != Y_NULL ? ynode_copy(v) : NULL;
			desc_free(&ed);
		}
		desc_free(&b);
		desc_free(&m);
		desc_free(&t);
		free(rel);
	}
	git_tree_free(tb);
	git_tree_free(to);
	git_tree_free(tt);
	state_done(&st);
	return STORE_OK;
}

void store_conflicts_free(store_conflict **pc, size_t n)
{
	store_conflict *c = *pc;
	for (size_t i = 0; c && i < n; i++) {
		free(c[i].slug);
		free(c[i].key);
		ynode_free(&c[i].base);
		ynode_free(&c[i].mine);
		ynode_free(&c[i].theirs);
		ynode_free(&c[i].edited);
	}
	xfree(pc);
}

store_status store_resolve(store *s, const char *slug, const char *key, store_choice choice, const ynode *value,
                           bool *finished)
{
	*finished = false;
	sync_state st;
	state_read(s, &st);
	store_status rc = STORE_OK;
	bool known = false;
	for (size_t i = 0; i < st.nconf && !known; i++)
		known = !strcmp(st.conf[i].slug, slug) && !strcmp(st.conf[i].key, key);
	if (!st.have_theirs || !st.nconf) {
		rc = store_fail(s, STORE_NOT_FOUND, "%s", _("there is nothing to resolve; algedit sync reports conflicts when there are any"));
		goto out;
	}
	if (!known || choice == CHOICE_NONE) {
		rc = store_fail(s, STORE_NOT_FOUND, _("%s %s is not one of the conflicting fields; algedit resolve lists them"), slug, key);
		goto out;
	}
	if (choice == CHOICE_EDIT && edits_store(s, slug, key, value) < 0) {
		rc = store_fail(s, STORE_IO, _("cannot record your choice in %s: %s"), s->gitdir, strerror(errno));
		goto out;
	}
	bool replaced = false;
	for (size_t i = 0; i < st.nchoices; i++)
		if (!strcmp(st.choices[i].slug, slug) && !strcmp(st.choices[i].key, key)) {
			st.choices[i].choice = choice;
			replaced = true;
		}
	if (!replaced)
		push_rec(&st.choices, &st.nchoices, slug, key, choice);
	if (write_recs(s, "choices", NULL, st.choices, st.nchoices, true) < 0) {
		rc = store_fail(s, STORE_IO, _("cannot record your choice in %s: %s"), s->gitdir, strerror(errno));
		goto out;
	}
	size_t open = 0;
	for (size_t i = 0; i < st.nconf; i++)
		if (choice_for(&st, st.conf[i].slug, st.conf[i].key) == CHOICE_NONE)
			open++;
	if (open)
		goto out;
	/* Every field chosen: commit the merge here; the next sync sends it. */
	if ((rc = store_check_state(s)) != STORE_OK)
		goto out;
	store_sync_report rep;
	memset(&rep, 0, sizeof rep);
	git_oid theirs = st.theirs;
	rc = integrate(s, &theirs, _("the team server"), &rep);
	*finished = rc == STORE_OK;
out:
	state_done(&st);
	return rc;
}

store_status store_sync_abort(store *s)
{
	state_clear(s);
	return STORE_OK;
}

/* For the register's versions (store/fromreg.c): the same merge as a
 * teammate's work, named after where the changes come from. */
store_status store_integrate(store *s, const git_oid *theirs, const char *name, store_sync_report *rep)
{
	store_sync_report dummy;
	if (!rep)
		rep = &dummy;
	memset(rep, 0, sizeof *rep);
	store_status rc = store_check_state(s);
	return rc != STORE_OK ? rc : integrate(s, theirs, name, rep);
}
