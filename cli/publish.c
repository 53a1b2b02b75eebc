/* publish: `algedit publish SLUG --org ORG` sends a description to the
 * register's submission API: the body `algedit export` prints, POST for a
 * description the register does not have yet (the code it answers with is
 * kept in the description's file as `lars` and saved as a version, so the
 * next publish, by anyone who syncs, is a PUT), PUT of the whole body for one
 * it has. Only an approved description is sent unless --force. The token
 * comes from ALGEDIT_REGISTER_TOKEN or the command register.token-command
 * names in the user's own config; it is never written or printed. */
#include "config.h"
#include "cli/cli.h"
#include "forms/review.h"
#include "forms/exchange.h"
#include "forms/rules.h"
#include "forms/diff.h"
#include "register/register.h"
#include "store/store.h"
#include "base/base.h"
#include "base/contain.h"
#include "i18n/i18n.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


/* Whether the review records approve the version about to be sent: an
 * approval stands for its content (review_compute voids it when a field
 * changed after that version, or a request for changes or review came
 * after it); a publish record never counts as one. With
 * review.require-signatures in the user's own config the approval must
 * carry a signature that verifies. With force a description is sent
 * anyway; why says what blocks it. */
static bool publish_approved(store *s, const char *slug, bool force, char **why)
{
	*why = NULL;
	if (force)
		return true;
	store_review r;
	memset(&r, 0, sizeof r);
	if (store_review_load(s, slug, i18n_lang(), &r) != STORE_OK) {
		*why = xasprintf(_("cannot read the review of %s: %s"), slug, store_error(s));
		store_review_done(&r);
		return false;
	}
	store_review_policy pol;
	store_review_policy_read(&pol);
	bool ok = r.sum.standing != NULL;
	if (ok && pol.require_signatures && r.sum.standing->sig != REVIEW_SIG_VERIFIED) {
		ok = false;
		*why = xasprintf(_("it was approved by %s, but the approval is not signed with a key in your allowed signers "
		                   "(review.require-signatures is set in your config); the reviewer approves again with "
		                   "review.signing-key set, or use --force to publish it anyway"),
		                 r.sum.standing->author ? r.sum.standing->author : "?");
	} else if (!ok && (r.sum.note == NOTE_CHANGED_AFTER_APPROVAL || r.sum.note == NOTE_CHANGED_AFTER_PUBLICATION))
		*why = xstrdup(_("it was changed after it was approved; a reviewer approves this version first (algedit review, "
		                 "algedit approve), or use --force to publish it anyway"));
	else if (!ok)
		*why = xasprintf(_("not approved yet (its review state is \"%s\"); a reviewer approves a version before it is "
		                   "published (algedit ask-review, algedit approve), or use --force to publish it anyway"),
		                 review_state_name(r.sum.state));
	store_review_policy_done(&pol);
	store_review_done(&r);
	return ok;
}

/* After the register took a version: a review record "publish" of the
 * description's latest version (the one sent, with the register's code), so
 * the list and the review show "published" until a field changes. A failure
 * is said but does not undo what the register has. */
static void publish_record(store *s, const char *slug, const char *lars, const char *state)
{
	store_review r;
	memset(&r, 0, sizeof r);
	if (store_review_load(s, slug, i18n_lang(), &r) != STORE_OK || !r.nversions) {
		fprintf(stderr, _("algedit publish: note: the publication could not be recorded in the review: %s\n"),
		        esc_line(store_error(s)));
		store_review_done(&r);
		return;
	}
	review_rec rec;
	memset(&rec, 0, sizeof rec);
	rec.kind = RK_PUBLISH;
	rec.slug = xstrdup(slug);
	rec.version = xstrdup(r.versions[0].commit);
	rec.text = xstrdup(lars);
	rec.reg_state = state ? xstrdup(state) : NULL;
	char *msg = xasprintf(_("Sent to the register: %s (%s)"), slug, lars);
	store_saved info;
	if (store_review_add(s, &rec, NULL, msg, &info) != STORE_OK)
		fprintf(stderr, _("algedit publish: note: the publication could not be recorded in the review: %s\n"),
		        esc_line(store_error(s)));
	else
		store_saved_done(&info);
	free(msg);
	review_rec_done(&rec);
	store_review_done(&r);
}

static void usage(FILE *f)
{
	cli_usage(f, "publish");
	fprintf(f, "\n%s\n", _("Sends a description to the Algorithm Register's submission API: the body that\n"
	                       "algedit export prints. A description the register does not have yet is added,\n"
	                       "and the code the register gives it (lars) is saved in its file, so that the\n"
	                       "next publish, also by a teammate after sync, updates it. Only an approved\n"
	                       "description is sent, unless --force is given."));
	fprintf(f, "\n  %-16s %s\n", "--org ORG", _("your organisation's code in the register (e.g. gm0363)"));
	fprintf(f, "  %-16s ", "--url URL");
	fprintf(f, _("the register's address (default: register.url in the config, else %s)"), REG_DEFAULT_URL);
	fputc('\n', f);
	fprintf(f, "  %-16s %s\n", _("--cacert FILE"), _("trust the certificate authority in FILE (a test environment); also CURL_CA_BUNDLE or register.cacert"));
	fprintf(f, "  %-16s %s\n", "--dry-run", _("show the request (method, address, headers, body) without sending it; the token is not shown"));
	fprintf(f, "  %-16s %s\n", "--force", _("publish a description that is not approved"));
	fprintf(f, "\n%s\n", _("The token: ALGEDIT_REGISTER_TOKEN, else the output of the command named by\n"
	                       "register.token-command in your own config (~/.config/algedit/config, git's\n"
	                       "config format). It is never written to disk or shown."));
	fprintf(f, "\n%s\n", _("Before adding a description, publish looks it up in the register by name and\n"
	                       "source_id, so an answer that got lost never adds it twice; a description found\n"
	                       "there is updated. Sent is not published: the register publishes it in its\n"
	                       "own workflow. ALGEDIT_REGISTER_TIMEOUT sets the seconds a request may take."));
	fprintf(f, "\n%s\n", _("Exit status: 0 sent (or nothing to change), 1 refused by algedit or the register, 2 usage error."));
}

/* An organisation code is a Keycloak group name: letters, digits, . _ -. */
static bool org_valid(const char *o)
{
	size_t n = strlen(o);
	if (n == 0 || n > 64)
		return false;
	for (const char *p = o; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-' && *p != '.')
			return false;
	return strcmp(o, ".") && strcmp(o, "..");
}

static bool token_valid(const char *t)
{
	if (!t || !*t)
		return false;
	for (const char *p = t; *p; p++)
		if (*p <= ' ' || *p >= 0x7f)
			return false;
	return true;
}

/* The lars key of the description file: the register's code. */
static const ynode *lars_node(const description *d)
{
	for (size_t i = 0; i < d->nextra; i++)
		if (!strcmp(d->extra[i].key, "lars"))
			return d->extra[i].val;
	return NULL;
}

static void set_lars(description *d, const char *lars)
{
	ynode *v = ynode_new_str(lars, strlen(lars), 0, 0);
	for (size_t i = 0; i < d->nextra; i++)
		if (!strcmp(d->extra[i].key, "lars")) {
			ynode_free(&d->extra[i].val);
			d->extra[i].val = v;
			d->dirty = true;
			return;
		}
	d->extra = xrealloc(d->extra, (d->nextra + 1) * sizeof *d->extra);
	d->extra[d->nextra++] = (desc_extra){ xstrdup("lars"), v, 0, 0 };
	d->dirty = true;
}

/* Prints findings the way check does: FILE:LINE:COL: error: message [rule]. */
static void print_findings(const char *path, findings *fs)
{
	findings_sort(fs);
	for (size_t i = 0; i < fs->n; i++) {
		const finding *x = &fs->v[i];
		if (x->sev != SEV_ERROR)
			continue;
		fputs(esc_line(path), stdout);
		if (x->line)
			printf(":%d:%d", x->line, x->col);
		printf(": %s: %s [%s]\n", severity_label(x->sev), esc_line(x->msg), x->rule);
	}
	fflush(stdout);
}

typedef struct settings {
	reg_config user, repo;
	char *user_path, *repo_path;
} settings;

static int read_settings(settings *st, store *s)
{
	int line;
	st->user_path = store_identity_path();
	if (reg_config_read(st->user_path, &st->user, &line) < 0) {
		if (line)
			cli_error("publish", _("%s, line %d: cannot read this line of the config; fix it (git config -f FILE -l shows what git reads)"), st->user_path, line);
		else
			cli_error("publish", _("cannot read %s: %s"), st->user_path, strerror(errno));
		return 2;
	}
	/* The repository's config is read through no symbolic link (a teammate's
	 * .algedit -> somewhere else is not followed). */
	st->repo_path = xasprintf("%s.algedit/config", store_workdir(s));
	char *data = NULL;
	size_t len = 0;
	if (contain_read(st->repo_path, 2, 1024 * 1024, &data, &len) == 0) {
		int rc = reg_config_parse(data, len, &st->repo, &line);
		free(data);
		if (rc < 0) {
			cli_error("publish", _("%s, line %d: cannot read this line of the config; fix it (git config -f FILE -l shows what git reads)"), st->repo_path, line);
			return 2;
		}
	} else if (errno != ENOENT) {
		cli_error("publish", _("cannot read %s: %s"), st->repo_path, strerror(errno));
		return 2;
	}
	return 0;
}

static void settings_done(settings *st)
{
	reg_config_done(&st->user);
	reg_config_done(&st->repo);
	free(st->user_path);
	free(st->repo_path);
}

/* The base URL: --url, the user's config, the repository's (only one of the
 * register's own hosts, because the repository comes from others through
 * sync and the token goes where the URL says), the register itself. Every
 * one is read by libcurl's own parser (reg_url_check). NULL after an error;
 * *from_repo says the repository named it. */
static char *base_url(const char *opt, const settings *st, bool *from_repo)
{
	const char *u = opt ? opt : st->user.url;
	char *err = NULL;
	*from_repo = false;
	if (!u && st->repo.url) {
		if (reg_url_check(st->repo.url, true, NULL, &err) < 0) {
			cli_error("publish", _("%s names the register's address %s, which is not one of the register's own "
			                       "(*.overheid.nl) or cannot be trusted: %s; your token is not sent there. If you "
			                       "trust it, give it with --url, or set register.url in %s"),
			          st->repo_path, st->repo.url, err, st->user_path);
			free(err);
			return NULL;
		}
		u = st->repo.url;
		*from_repo = true;
	}
	if (!u)
		u = REG_DEFAULT_URL;
	if (reg_url_check(u, *from_repo, NULL, &err) < 0) {
		cli_error("publish", _("the register's address %s cannot be used: %s"), u, err);
		free(err);
		return NULL;
	}
	char *b = xstrdup(u);
	for (size_t n = strlen(b); n > 8 && b[n - 1] == '/'; n--)
		b[n - 1] = '\0';
	return b;
}

/* The token, or NULL after an error message. */
static char *get_token(const settings *st)
{
	const char *env = getenv("ALGEDIT_REGISTER_TOKEN");
	if (env && *env) {
		if (!token_valid(env)) {
			cli_error("publish", "%s", _("ALGEDIT_REGISTER_TOKEN holds spaces or other characters a token does not have; set it to the token alone"));
			return NULL;
		}
		return xstrdup(env);
	}
	if (st->user.token_command) {
		char *err = NULL;
		char *t = reg_token_from_command(st->user.token_command, &err);
		if (!t) {
			cli_error("publish", "%s", err);
			free(err);
		}
		return t;
	}
	if (st->repo.token_command)
		fprintf(stderr, _("algedit publish: note: %s names a token command; algedit does not run commands from a "
		                  "repository's files (they come from others through sync). Put it in %s if you want it.\n"),
		        esc_line(st->repo_path), esc_line(st->user_path));
	cli_error("publish", _("no token to log in to the register with. Set ALGEDIT_REGISTER_TOKEN, or name a command "
	                       "that prints it as register.token-command in %s (git config -f %s register.token-command "
	                       "\"COMMAND\"); your organisation arranges the token with the register"),
	          st->user_path, st->user_path);
	return NULL;
}

static void say_wait(long secs, int next)
{
	fprintf(stderr, _("algedit publish: the register is busy (too many requests); waiting %ld seconds as it asks, then trying again (try %d of %d)\n"),
	        secs, next, REG_MAX_TRIES);
}

/* What the user can do about an answer that is not a success. */
static void explain_failure(const reg_answer *a, const char *org, const char *lars)
{
	switch (a->status) {
	case 401:
		cli_error("publish", "%s", _("the register did not accept the token (401): it is missing, expired or wrong. "
		                             "Get a new token (your organisation arranges them with the register) and set it "
		                             "in ALGEDIT_REGISTER_TOKEN or through register.token-command; nothing was published"));
		break;
	case 403:
		cli_error("publish", _("the register says this token may not do this for organisation %s (403). Check that "
		                       "--org is your organisation's code, and ask the person who manages your organisation's "
		                       "access to the register for the right to submit descriptions; nothing was published"), org);
		break;
	case 404:
		if (lars)
			cli_error("publish", _("the register does not know organisation %s or description %s (404). Check --org "
			                       "(your organisation's code, e.g. gm0363) and the lars code in the description's "
			                       "file; nothing was published"), org, lars);
		else
			cli_error("publish", _("the register does not know organisation %s (404). Check --org (your "
			                       "organisation's code, e.g. gm0363) and the register's address; nothing was published"), org);
		break;
	case 429:
		cli_error("publish", _("the register is still busy after %d tries (too many requests); nothing was published. "
		                       "Wait a minute and publish again"), REG_MAX_TRIES);
		break;
	default:
		if (a->status >= 500)
			cli_error("publish", _("the register has a fault (HTTP %ld); nothing was published. Try again later; if it "
			                       "keeps happening, tell the register's helpdesk"), a->status);
		else
			cli_error("publish", _("the register gave an unexpected answer (HTTP %ld); nothing was published. Check the "
			                       "register's address (--url, register.url)"), a->status);
	}
}

/* Sends, waiting and trying again when the register says it is busy. On
 * no answer -1, with *sent telling whether the request may have arrived
 * (then the caller says what happened; else it is said here). */
static int send_with_retries(const reg_request *rq, reg_answer *ans, bool *sent, char **err)
{
	*err = NULL;
	for (int tries = 1;; tries++) {
		if (reg_send_ex(rq, ans, sent, err) < 0)
			return -1;
		if (ans->status != 429 || tries >= REG_MAX_TRIES)
			return 0;
		long secs = reg_retry_wait(ans->retry_after);
		reg_answer_done(ans);
		say_wait(secs, tries + 1);
		sleep((unsigned)secs);
	}
}

/* Where and how requests go, for the look-ups around a POST. */
typedef struct target {
	const char *base, *org, *token, *cacert;
	bool from_repo;
	long timeout;
} target;

/* Looks the description up in the organisation's list, by name and
 * source_id: 1 with its code in *lars (caller frees), 0 when it is not
 * there, -1 when the list could not be read (said). */
static int look_up(const target *t, const description *d, char **lars)
{
	*lars = NULL;
	const std_field *fn = standard_field(d->std, "name"), *fs = standard_field(d->std, "source_id");
	const char *name = fn ? desc_text(d, fn) : NULL, *sid = fs ? desc_text(d, fs) : NULL;
	char *url = xasprintf("%s/v1_0/organizations/%s/algorithms", t->base, t->org);
	reg_request rq = { "GET", url, t->token, NULL, 0, t->cacert, t->from_repo, t->timeout };
	reg_answer a = { 0 };
	bool sent;
	char *err = NULL;
	int rc = -1;
	if (send_with_retries(&rq, &a, &sent, &err) < 0) {
		cli_error("publish", _("cannot look up in the register whether it has this description already: %s"), err);
		free(err);
	} else if (a.status < 200 || a.status > 299) {
		explain_failure(&a, t->org, NULL);
	} else {
		int found = 0;
		*lars = reg_answer_find(a.body, a.len, name, sid, &found);
		if (found < 0)
			cli_error("publish", "%s", _("the register's list of your organisation's descriptions cannot be read; nothing was published"));
		else
			rc = found > 0;
		if (found > 1)
			fprintf(stderr, _("algedit publish: note: the register has %d descriptions with this name and source_id; the first, %s, is used\n"),
			        found, *lars);
	}
	reg_answer_done(&a);
	free(url);
	return rc;
}

/* The register's state of a description ("STATE_1", "PUBLISHED"), or NULL. */
static char *state_of(const target *t, const char *lars)
{
	char *url = xasprintf("%s/v1_0/organizations/%s/algorithms/%s", t->base, t->org, lars);
	reg_request rq = { "GET", url, t->token, NULL, 0, t->cacert, t->from_repo, t->timeout };
	reg_answer a = { 0 };
	bool sent;
	char *err = NULL, *st = NULL;
	if (send_with_retries(&rq, &a, &sent, &err) == 0 && a.status >= 200 && a.status <= 299)
		st = reg_answer_state(a.body, a.len);
	free(err);
	reg_answer_done(&a);
	free(url);
	return st;
}

/* Saves the register's code with the description, as a version. */
static bool save_lars(store *s, const char *slug, description *d, const char *lars, const char *path)
{
	set_lars(d, lars);
	store_saved info = { 0 };
	store_status ss = store_save(s, slug, d, &info);
	if (ss != STORE_OK && ss != STORE_UNCHANGED) {
		cli_error("publish", _("the code %s could not be saved with the description: %s. Add the line \"lars: '%s'\" to "
		                       "%s and save it, or the next publish adds the description a second time"),
		          lars, store_error(s), lars, path);
		return false;
	}
	if (ss == STORE_OK) {
		info.message[strcspn(info.message, "\n")] = '\0';
		printf("[%.7s] %s\n", info.commit, esc_line(info.message));
		store_saved_done(&info);
	}
	return true;
}

static int publish_status(int argc, char **argv);

int cmd_publish(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--status"))
			return publish_status(argc, argv);
	const char *slug = NULL, *org = NULL, *url_opt = NULL, *cacert = NULL;
	bool dry = false, force = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--org") && i + 1 < argc)
			org = argv[++i];
		else if (!strncmp(argv[i], "--org=", 6))
			org = argv[i] + 6;
		else if (!strcmp(argv[i], "--url") && i + 1 < argc)
			url_opt = argv[++i];
		else if (!strncmp(argv[i], "--url=", 6))
			url_opt = argv[i] + 6;
		else if (!strcmp(argv[i], "--cacert") && i + 1 < argc)
			cacert = argv[++i];
		else if (!strcmp(argv[i], "--dry-run") || !strcmp(argv[i], "-n"))
			dry = true;
		else if (!strcmp(argv[i], "--force"))
			force = true;
		else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (argv[i][0] == '-' || slug) {
			cli_error("publish", _("unknown option \"%s\""), argv[i]);
			usage(stderr);
			return 2;
		} else
			slug = argv[i];
	}
	if (!slug || !org) {
		cli_error("publish", "%s", !slug ? _("name the description to publish (its slug, as algedit lists it)")
		                                 : _("name your organisation's code in the register with --org ORG (e.g. gm0363)"));
		usage(stderr);
		return 2;
	}
	if (!org_valid(org)) {
		cli_error("publish", _("\"%s\" is not an organisation code; the register's codes have letters, digits, . _ and - only (e.g. gm0363)"), org);
		return 2;
	}
	if (!cacert) {
		const char *env = getenv("CURL_CA_BUNDLE");
		cacert = env && *env ? env : NULL;
	}

	standard *std = NULL;
	store *s = NULL;
	int rc = cli_store_open("publish", &std, &s);
	if (rc)
		return rc;
	settings st = { 0 };
	description *d = NULL, *saved = NULL;
	char *path = NULL, *url = NULL, *base = NULL, *body = NULL, *token = NULL, *why = NULL, *lars_new = NULL;
	findings fs;
	findings_init(&fs);
	reg_answer ans = { 0 };
	rc = 1;

	char *rel = store_relpath(slug);
	if (!rel) {
		cli_error("publish", _("\"%s\" is not the name of a description (algedit lists them)"), slug);
		rc = 2;
		goto out;
	}
	path = xasprintf("%s%s", store_workdir(s), rel);
	free(rel);
	store_status ss = store_load(s, slug, &d, &fs);
	if (ss != STORE_OK) {
		print_findings(path, &fs);
		cli_error("publish", "%s", store_error(s));
		rc = 2;
		goto out;
	}
	/* What is sent is a version in the history, so the record of what was
	 * published names it. */
	if (store_load_rev(s, "HEAD", slug, &saved) != STORE_OK || !desc_equal(saved, d)) {
		if (!dry) {
			cli_error("publish", "%s", _("the description has changes that are not saved as a version; save them first "
			                             "(in the editor, or algedit set), then publish"));
			goto out;
		}
		fprintf(stderr, "%s\n", _("algedit publish: note: the description has changes that are not saved as a version; publish will refuse until they are"));
	}
	if (!publish_approved(s, slug, force, &why)) {
		if (!dry) {
			cli_error("publish", "%s", why);
			goto out;
		}
		fprintf(stderr, _("algedit publish: note: %s\n"), esc_line(why));
	}
	/* The body export prints; what the register would refuse is not sent. */
	rules_check(d, &fs);
	size_t blocking = 0;
	for (size_t i = 0; i < fs.n; i++)
		blocking += fs.v[i].sev == SEV_ERROR && fs.v[i].org == ORIGIN_REGISTER;
	if (blocking) {
		findings reg;
		findings_init(&reg);
		for (size_t i = 0; i < fs.n; i++)
			if (fs.v[i].sev == SEV_ERROR && fs.v[i].org == ORIGIN_REGISTER)
				findings_add(&reg, SEV_ERROR, ORIGIN_REGISTER, fs.v[i].rule, fs.v[i].field, fs.v[i].key,
				             fs.v[i].line, fs.v[i].col, "%s", fs.v[i].msg);
		print_findings(path, &reg);
		findings_done(&reg);
		cli_error("publish", "%s", _("the register would refuse this description; fix the errors above (algedit check lists them), then publish"));
		goto out;
	}
	body = desc_export_api_json(d);

	if ((rc = read_settings(&st, s)) != 0)
		goto out;
	rc = 1;
	bool from_repo = false;
	if (!(base = base_url(url_opt, &st, &from_repo)))
		goto out;
	if (!cacert && st.user.cacert)
		cacert = st.user.cacert;
	const ynode *ln = lars_node(d);
	const char *lars = ln ? ynode_str(ln) : NULL;
	if (ln && (!lars || !reg_lars_valid(lars))) {
		cli_error("publish", _("%s: the lars code is not a register code (8 digits); correct it or remove the line to add the description as new"), path);
		goto out;
	}
	url = lars ? xasprintf("%s/v1_0/organizations/%s/algorithms/%s", base, org, lars)
	           : xasprintf("%s/v1_0/organizations/%s/algorithms", base, org);
	const char *method = lars ? "PUT" : "POST";
	(void)method;

	if (dry) {
		char *shown = url_redact(url);
		printf("%s %s\n", method, esc_line(shown));
		free(shown);
		printf("Authorization: Bearer %s\n", _("<hidden>"));
		printf("Content-Type: application/json\nAccept: application/json\nUser-Agent: algedit/%s\n\n", PACKAGE_VERSION);
		fputs(esc_text(body), stdout);
		rc = 0;
		goto out;
	}
	/* A new description's code is saved as a version: an author is needed. */
	if (!lars && !cli_ask_author("publish", s, stderr))
		goto out;
	if (!(token = get_token(&st)))
		goto out;
	target tg = { base, org, token, cacert, from_repo, 0 };
	const char *tmo = getenv("ALGEDIT_REGISTER_TIMEOUT");
	if (tmo && *tmo) {
		char *end;
		long v = strtol(tmo, &end, 10);
		if (!*end && v >= 1 && v <= 3600)
			tg.timeout = v;
	}
	char *code = lars ? xstrdup(lars) : NULL; /* lars points into d, which set_lars changes */
	char *state_now = NULL;
	/* Before adding: a POST whose answer never came may have been stored.
	 * The organisation's list says; a description found there by name and
	 * source_id is updated, never added a second time. */
	if (!code) {
		char *found = NULL;
		int f = look_up(&tg, d, &found);
		if (f < 0)
			goto out_code;
		if (f > 0) {
			printf(_("The register already has %s, with the code %s (probably from an earlier publish whose answer did "
			         "not arrive); it is updated (PUT) instead of added a second time.\n"), esc_line(slug), found);
			if (!save_lars(s, slug, d, found, path)) {
				free(found);
				goto out_code;
			}
			code = found;
		}
	}
	for (int round = 0;; round++) {
		free(url);
		url = code ? xasprintf("%s/v1_0/organizations/%s/algorithms/%s", base, org, code)
		           : xasprintf("%s/v1_0/organizations/%s/algorithms", base, org);
		method = code ? "PUT" : "POST";
		reg_request rq = { method, url, token, body, strlen(body), cacert, from_repo, tg.timeout };
		bool sent = false;
		char *err = NULL;
		if (send_with_retries(&rq, &ans, &sent, &err) == 0) {
			free(err);
			break;
		}
		if (!sent) {
			cli_error("publish", _("%s; nothing was published"), err);
			free(err);
			goto out_code;
		}
		if (code || round > 0) {
			/* An update sent twice changes nothing: safe to send again. */
			cli_error("publish", _("%s; whether the register took the update is not known. Check your network "
			                       "connection and publish again later; sending the same update twice is harmless"), err);
			free(err);
			goto out_code;
		}
		/* A POST that got no answer may have been stored: look before any
		 * advice to try again. */
		cli_error("publish", _("%s; the register may have stored the description all the same: looking it up"), err);
		free(err);
		char *found = NULL;
		int f = look_up(&tg, d, &found);
		if (f == 0) {
			cli_error("publish", "%s", _("the register did not store it; nothing was published. Publishing again is safe"));
			goto out_code;
		}
		if (f < 0) {
			cli_error("publish", "%s", _("whether the register stored it is not known; publishing again is safe: algedit "
			                             "publish looks the description up first and updates it if it is there"));
			goto out_code;
		}
		printf(_("The register did store %s, with the code %s; the code is saved and the description is sent again as an update (PUT).\n"),
		       esc_line(slug), found);
		if (!save_lars(s, slug, d, found, path)) {
			free(found);
			goto out_code;
		}
		code = found;
	}

	if (ans.status == 422) {
		findings reg;
		findings_init(&reg);
		if (reg_detail_findings(d, ans.body, ans.len, &reg))
			print_findings(path, &reg);
		findings_done(&reg);
		cli_error("publish", "%s", _("the register refused the description (422); fix the errors above, save, and publish again"));
		goto out_code;
	}
	if (ans.status < 200 || ans.status > 299) {
		explain_failure(&ans, org, code);
		goto out_code;
	}
	if (code) {
		if (reg_answer_no_changes(ans.body, ans.len))
			printf(_("The register already has this version of %s (%s): nothing changed (NO_CHANGES).\n"), esc_line(slug), code);
		else
			printf(_("Sent %s to the register (%s) as a new version.\n"), esc_line(slug), code);
	} else {
		lars_new = reg_answer_lars(ans.body, ans.len);
		if (!lars_new) {
			cli_error("publish", "%s", _("the register took the description but did not answer with its code; do not publish "
			                             "it again before you have the code (the register's site lists it), or it is added twice"));
			goto out_code;
		}
		printf(_("Added %s to the register with the code %s.\n"), esc_line(slug), lars_new);
		if (!save_lars(s, slug, d, lars_new, path))
			goto out_code;
		code = lars_new;
		lars_new = NULL;
	}
	/* Sent is not published: the register says which it is. */
	state_now = state_of(&tg, code);
	if (state_now && !strcasecmp(state_now, "PUBLISHED"))
		printf(_("The register shows %s as published.\n"), esc_line(slug));
	else
		printf("%s\n", _("It is in the register's own workflow now (\"In bewerking\"); it is not published until your "
		                 "organisation publishes it there."));
	publish_record(s, slug, code, state_now);
	rc = 0;
out_code:
	free(state_now);
	free(code);
out:
	reg_token_free(&token);
	reg_answer_done(&ans);
	free(lars_new);
	free(why);
	free(body);
	free(url);
	free(base);
	free(path);
	settings_done(&st);
	desc_free(&d);
	desc_free(&saved);
	findings_done(&fs);
	store_free(&s);
	standard_free(&std);
	return rc;
}

/* ---- reading back: algedit import --register and algedit publish --status ----
 * Both GET what the register holds through the submission API, with the
 * token and address rules of publish (the same settings, the token only to
 * the register's own hosts unless the user names another). */

typedef struct read_args {
	const char *org, *url, *cacert;
	const char **names;
	size_t nnames;
} read_args;

/* 0, 2 (usage; said), or -1 (help printed: exit 0). */
static int read_args_parse(const char *cmd, const char *flag, int argc, char **argv, read_args *a,
                           void (*use)(FILE *))
{
	memset(a, 0, sizeof *a);
	a->names = xmalloc((size_t)argc * sizeof *a->names);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], flag))
			continue;
		if (!strcmp(argv[i], "--org") && i + 1 < argc)
			a->org = argv[++i];
		else if (!strncmp(argv[i], "--org=", 6))
			a->org = argv[i] + 6;
		else if (!strcmp(argv[i], "--url") && i + 1 < argc)
			a->url = argv[++i];
		else if (!strncmp(argv[i], "--url=", 6))
			a->url = argv[i] + 6;
		else if (!strcmp(argv[i], "--cacert") && i + 1 < argc)
			a->cacert = argv[++i];
		else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			use(stdout);
			return -1;
		} else if (argv[i][0] == '-') {
			cli_error(cmd, _("unknown option \"%s\""), argv[i]);
			use(stderr);
			return 2;
		} else
			a->names[a->nnames++] = argv[i];
	}
	if (!a->org) {
		cli_error(cmd, "%s", _("name your organisation's code in the register with --org ORG (e.g. gm0363)"));
		use(stderr);
		return 2;
	}
	if (!org_valid(a->org)) {
		cli_error(cmd, _("\"%s\" is not an organisation code; the register's codes have letters, digits, . _ and - only (e.g. gm0363)"), a->org);
		return 2;
	}
	if (!a->cacert) {
		const char *env = getenv("CURL_CA_BUNDLE");
		a->cacert = env && *env ? env : NULL;
	}
	return 0;
}

typedef struct reg_conn {
	settings st;
	char *base, *token;
	const char *cacert;
	bool from_repo;            /* the address came from the repository: only *.overheid.nl */
} reg_conn;

static void conn_done(reg_conn *c)
{
	reg_token_free(&c->token);
	free(c->base);
	settings_done(&c->st);
}

/* The address, the CA file and the token; 0, or an exit code after a message. */
static int conn_open(store *s, const read_args *a, reg_conn *c)
{
	memset(c, 0, sizeof *c);
	int rc = read_settings(&c->st, s);
	if (rc)
		return rc;
	if (!(c->base = base_url(a->url, &c->st, &c->from_repo)))
		return 1;
	c->cacert = a->cacert ? a->cacert : c->st.user.cacert;
	if (!(c->token = get_token(&c->st)))
		return 1;
	return 0;
}

/* What the user can do about an answer to a GET that is not a success. */
static void explain_read(const char *cmd, const reg_answer *a, const char *org, const char *lars)
{
	switch (a->status) {
	case 401:
		cli_error(cmd, "%s", _("the register did not accept the token (401): it is missing, expired or wrong. Get a new "
		                       "token (your organisation arranges them with the register) and set it in "
		                       "ALGEDIT_REGISTER_TOKEN or through register.token-command; nothing was read"));
		break;
	case 403:
		cli_error(cmd, _("the register says this token may not read the descriptions of organisation %s (403). Check "
		                 "that --org is your organisation's code, and ask the person who manages your organisation's "
		                 "access to the register for that right; nothing was read"), org);
		break;
	case 404:
		if (lars)
			cli_error(cmd, _("the register does not know description %s of organisation %s (404): it may have been "
			                 "removed there. Check --org and the lars code"), lars, org);
		else
			cli_error(cmd, _("the register does not know organisation %s (404). Check --org (your organisation's "
			                 "code, e.g. gm0363) and the register's address; nothing was read"), org);
		break;
	case 429:
		cli_error(cmd, _("the register is still busy after %d tries (it takes 25 requests a minute); wait a minute "
		                 "and try again"), REG_MAX_TRIES);
		break;
	default:
		if (a->status >= 500)
			cli_error(cmd, _("the register has a fault (HTTP %ld); try again later; if it keeps happening, tell the "
			                 "register's helpdesk"), a->status);
		else
			cli_error(cmd, _("the register gave an unexpected answer (HTTP %ld); check the register's address (--url, "
			                 "register.url)"), a->status);
	}
}

/* GET url; waits and tries again when the register is busy. 0 with a 2xx
 * answer, else -1 after saying why. */
static int reg_read(const char *cmd, const reg_conn *c, const char *url, const char *org, const char *lars,
                    reg_answer *ans)
{
	reg_request rq = { "GET", url, c->token, NULL, 0, c->cacert, c->from_repo, 0 };
	for (int tries = 1;; tries++) {
		char *err = NULL;
		if (reg_send(&rq, ans, &err) < 0) {
			cli_error(cmd, _("%s; nothing was read"), err);
			free(err);
			return -1;
		}
		if (ans->status == 429 && tries < REG_MAX_TRIES) {
			long secs = reg_retry_wait(ans->retry_after);
			reg_answer_done(ans);
			fprintf(stderr, _("algedit %s: the register is busy (too many requests); waiting %ld seconds as it asks, then "
			                  "trying again (try %d of %d)\n"), cmd, secs, tries + 1, REG_MAX_TRIES);
			sleep((unsigned)secs);
			continue;
		}
		if (ans->status >= 200 && ans->status <= 299)
			return 0;
		explain_read(cmd, ans, org, lars);
		reg_answer_done(ans);
		return -1;
	}
}

/* The organisation's list; -1 after saying why. */
static long read_list(const char *cmd, const reg_conn *c, const char *org, reg_listed **out)
{
	char *url = xasprintf("%s/v1_0/organizations/%s/algorithms", c->base, org);
	reg_answer ans = { 0 };
	long n = -1;
	if (reg_read(cmd, c, url, org, NULL, &ans) == 0) {
		n = reg_answer_list(ans.body, ans.len, out);
		if (n < 0)
			cli_error(cmd, "%s", _("the register's answer is not the list of descriptions it should be; check the "
			                       "register's address (--url, register.url)"));
	}
	reg_answer_done(&ans);
	free(url);
	return n;
}

/* The newest version of lars; NULL after saying why. */
static description *read_version(const char *cmd, const reg_conn *c, const standard *std, const char *org,
                                 const char *lars, reg_state *state)
{
	char *url = xasprintf("%s/v1_0/organizations/%s/algorithms/%s", c->base, org, lars);
	reg_answer ans = { 0 };
	description *d = NULL;
	if (reg_read(cmd, c, url, org, lars, &ans) == 0) {
		findings fs;
		findings_init(&fs);
		d = reg_answer_version(std, ans.body, ans.len, state, &fs);
		for (size_t i = 0; i < fs.n; i++)
			cli_error(cmd, "%s (%s)", fs.v[i].msg, lars);
		findings_done(&fs);
	}
	reg_answer_done(&ans);
	free(url);
	return d;
}

/* The names asked for (a name as the register lists it, or a lars code):
 * marks the entries picked; every name must pick one. */
static bool pick_listed(const char *cmd, const read_args *a, const reg_listed *l, long n, bool *picked)
{
	bool ok = true;
	for (long i = 0; i < n; i++)
		picked[i] = a->nnames == 0;
	for (size_t k = 0; k < a->nnames; k++) {
		bool found = false;
		for (long i = 0; i < n; i++)
			if ((l[i].name && ident_same(l[i].name, a->names[k])) || !strcmp(l[i].lars, a->names[k]))
				picked[i] = found = true;
		if (!found) {
			cli_error(cmd, _("the register lists no description \"%s\" of organisation %s (give its name as the "
			                 "register lists it, or its lars code)"), a->names[k], a->org);
			ok = false;
		}
	}
	return ok;
}

/* The commit publish sent of slug with the code lars (its review record), or NULL. */
static char *published_version(store *s, const char *slug, const char *lars)
{
	store_review r;
	memset(&r, 0, sizeof r);
	char *v = NULL;
	if (store_review_load(s, slug, i18n_lang(), &r) == STORE_OK)
		for (size_t i = 0; i < r.n; i++)
			if (r.recs[i].kind == RK_PUBLISH && r.recs[i].version && r.recs[i].text && !strcmp(r.recs[i].text, lars)) {
				free(v);
				v = xstrdup(r.recs[i].version);
			}
	store_review_done(&r);
	return v;
}

static void print_changes(const description *a, const description *b)
{
	desc_diff *dd = desc_diff_new(a, b);
	if (dd->n) {
		strbuf out = STRBUF_INIT;
		const char *nc = getenv("NO_COLOR");
		desc_diff_render(&out, dd, i18n_lang(), isatty(1) && !(nc && *nc));
		fputs(out.s, stdout);
		sb_done(&out);
	}
	desc_diff_free(&dd);
}

static void import_register_usage(FILE *f)
{
	fprintf(f, "%s\n", _("Usage: algedit import --register --org ORG [--url URL] [--cacert FILE] [NAME...]"));
	fprintf(f, "\n%s\n", _("Reads your organisation's descriptions from the Algorithm Register (the newest\n"
	                       "version of each, through its submission API), or only those NAMEd (as the\n"
	                       "register lists them, or by lars code), and saves each in the drafts repository\n"
	                       "as a version by \"Algoritmeregister\", matched by its lars code. Where the drafts\n"
	                       "changed too, the changes are merged field by field as sync merges a teammate's;\n"
	                       "a field changed differently on both sides is yours to choose (algedit resolve).\n"
	                       "The token and the address are those of algedit publish."));
}

int cmd_import_register(int argc, char **argv)
{
	read_args a;
	int rc = read_args_parse("import", "--register", argc, argv, &a, import_register_usage);
	if (rc) {
		free(a.names);
		return rc < 0 ? 0 : rc;
	}
	standard *std = NULL;
	store *s = NULL;
	reg_conn c = { 0 };
	reg_listed *l = NULL;
	long n = 0;
	bool *picked = NULL;
	ident_index known = { 0 };
	size_t added = 0, updated = 0, merged = 0, unchanged = 0, skipped = 0;
	if ((rc = cli_store_open("import", &std, &s)) != 0)
		goto out;
	if ((rc = conn_open(s, &a, &c)) != 0)
		goto out;
	rc = 1;
	if ((n = read_list("import", &c, a.org, &l)) < 0)
		goto out;
	picked = xcalloc((size_t)n + 1, sizeof *picked);
	if (!pick_listed("import", &a, l, n, picked))
		goto out;
	printf(_("The register lists %ld description(s) of %s.\n"), n, esc_line(a.org));
	if (!n) {
		rc = 0;
		goto out;
	}
	if (!cli_ask_author("import", s, stderr))
		goto out;
	cli_ident_read(&known, s);
	rc = 0;
	for (long i = 0; i < n; i++) {
		if (!picked[i])
			continue;
		reg_state state;
		description *d = read_version("import", &c, std, a.org, l[i].lars, &state), *before = NULL, *after = NULL;
		if (!d) {
			rc = 1;
			skipped++;
			continue;
		}
		const char *name = desc_text(d, standard_field(std, "name"));
		const char *org = desc_text(d, standard_field(std, "organization"));
		printf("%s (%s):\n", esc_line(name ? name : "-"), l[i].lars);
		const ident_entry *e = NULL;
		ident_how how = ident_find(&known, d, &e);
		if (how != IDENT_NEW && !ident_same(e->org, org ? org : "")) {
			printf(_("  skipped: %s in the repository has this lars code (%s) but belongs to %s, not to %s; it is left as it is\n"),
			       esc_line(e->slug), l[i].lars, esc_line(e->org[0] ? e->org : "-"), esc_line(org && *org ? org : "-"));
			skipped++;
			rc = 1;
			desc_free(&d);
			continue;
		}
		char *slug = how != IDENT_NEW ? xstrdup(e->slug) : cli_import_slug(s, name, org);
		if (how != IDENT_NEW)
			store_load(s, slug, &before, NULL);
		char *since = published_version(s, slug, l[i].lars);
		store_sync_report rep;
		bool same = false;
		store_status st = store_from_register(s, slug, d, since, &rep, &same);
		free(since);
		if (st == STORE_OK) {
			store_load(s, slug, &after, NULL);
			if (after)
				ident_put(&known, slug, after);
			if (rep.up_to_date) {
				printf(_("  unchanged: %s has the register's version already\n"), esc_line(slug));
				unchanged++;
			} else if (!before) {
				printf(_("  added as %s (a version by Algoritmeregister)\n"), esc_line(slug));
				added++;
			} else {
				if (rep.fast_forward)
					printf(_("  updated %s with the register's version (a version by Algoritmeregister); the changes:\n"),
					       esc_line(slug));
				else
					printf(_("  merged the register's changes into %s, field by field, with the drafts' own; the changes:\n"),
					       esc_line(slug));
				rep.fast_forward ? updated++ : merged++;
				if (after)
					print_changes(before, after);
			}
		} else {
			cli_error("import", "%s", esc_text(store_error(s)));
			skipped++;
			rc = 1;
			if (st == STORE_CONFLICT) {
				fprintf(stderr, "%s\n", _("algedit import: once every field is chosen, the merge is saved; then run "
				                          "algedit import --register again for the descriptions not read yet"));
				free(slug);
				desc_free(&d);
				desc_free(&before);
				break;
			}
		}
		free(slug);
		desc_free(&d);
		desc_free(&before);
		desc_free(&after);
	}
	printf(_("%zu added, %zu updated, %zu merged, %zu unchanged, %zu skipped\n"), added, updated, merged, unchanged,
	       skipped);
out:
	ident_done(&known);
	free(picked);
	reg_listed_free(&l, n > 0 ? (size_t)n : 0);
	conn_done(&c);
	store_free(&s);
	standard_free(&std);
	free(a.names);
	return rc;
}

static void status_usage(FILE *f)
{
	fprintf(f, "%s\n", _("Usage: algedit publish --status --org ORG [--url URL] [--cacert FILE] [NAME...]"));
	fprintf(f, "\n%s\n", _("Says per description whether the register holds the same text as the drafts\n"
	                       "(field by field where not: [-drafts-] {+register+}) and its state there: being\n"
	                       "edited (in bewerking), released (vrijgegeven) or published (gepubliceerd).\n"
	                       "NAME is a description's slug, its name or its lars code; without NAME: every\n"
	                       "description of the drafts and of the register. Nothing is changed.\n"
	                       "Exit status: 0 all the same, 1 some differ or are on one side only."));
}

static reg_state listed_state(const reg_listed *l)
{
	return l->current_published ? REG_STATE_PUBLISHED : l->current_released ? REG_STATE_RELEASED : REG_STATE_EDITING;
}

static int publish_status(int argc, char **argv)
{
	read_args a;
	int rc = read_args_parse("publish", "--status", argc, argv, &a, status_usage);
	if (rc) {
		free(a.names);
		return rc < 0 ? 0 : rc;
	}
	standard *std = NULL;
	store *s = NULL;
	reg_conn c = { 0 };
	reg_listed *l = NULL;
	long n = 0;
	bool *seen = NULL;
	ident_index known = { 0 };
	if ((rc = cli_store_open("publish", &std, &s)) != 0)
		goto out;
	if ((rc = conn_open(s, &a, &c)) != 0)
		goto out;
	rc = 1;
	if ((n = read_list("publish", &c, a.org, &l)) < 0)
		goto out;
	cli_ident_read(&known, s);
	seen = xcalloc((size_t)n + 1, sizeof *seen);
	bool all_same = true, any = false;
	/* The drafts' descriptions, named or all. */
	for (size_t k = 0; k < known.n; k++) {
		const ident_entry *e = &known.v[k];
		bool want = a.nnames == 0;
		for (size_t j = 0; j < a.nnames; j++)
			want |= !strcmp(a.names[j], e->slug) || ident_same(a.names[j], e->name) || !strcmp(a.names[j], e->lars);
		long at = -1;
		for (long i = 0; *e->lars && i < n && at < 0; i++)
			if (!strcmp(l[i].lars, e->lars))
				at = i;
		if (at >= 0 && a.nnames)
			for (size_t j = 0; j < a.nnames; j++)
				want |= l[at].name && ident_same(a.names[j], l[at].name);
		if (!want)
			continue;
		any = true;
		if (!*e->lars) {
			printf(_("%s: not in the register yet (algedit publish sends it)\n"), esc_line(e->slug));
			all_same = false;
			continue;
		}
		if (at < 0) {
			printf(_("%s (%s): the register does not list it for %s (removed there, or another organisation's)\n"),
			       esc_line(e->slug), esc_line(e->lars), esc_line(a.org));
			all_same = false;
			continue;
		}
		seen[at] = true;
		reg_state state;
		description *reg = read_version("publish", &c, std, a.org, l[at].lars, &state), *mine = NULL;
		if (!reg) {
			rc = 1;
			goto out;
		}
		if (store_load(s, e->slug, &mine, NULL) != STORE_OK) {
			cli_error("publish", "%s", esc_text(store_error(s)));
			desc_free(&reg);
			goto out;
		}
		/* The register fills in the standard's version when it is not sent. */
		const ynode *sv = desc_value(mine, "standard_version");
		if (!sv)
			desc_set_value(reg, "standard_version", NULL);
		if (state == REG_STATE_UNKNOWN)
			state = listed_state(&l[at]);
		desc_diff *dd = desc_diff_new(mine, reg);
		if (!dd->n) {
			printf(_("%s (%s): the register holds the same text as the drafts; there it is %s\n"), esc_line(e->slug),
			       l[at].lars, reg_state_label(state));
		} else {
			all_same = false;
			printf(P_("%s (%s): the register's text differs from the drafts in %zu field; there it is %s\n",
			          "%s (%s): the register's text differs from the drafts in %zu fields; there it is %s\n", dd->n),
			       esc_line(e->slug), l[at].lars, dd->n, reg_state_label(state));
			print_changes(mine, reg);
		}
		desc_diff_free(&dd);
		desc_free(&reg);
		desc_free(&mine);
	}
	/* What the register has and the drafts do not. */
	for (long i = 0; i < n; i++) {
		if (seen[i])
			continue;
		bool want = a.nnames == 0;
		for (size_t j = 0; j < a.nnames; j++)
			want |= (l[i].name && ident_same(a.names[j], l[i].name)) || !strcmp(a.names[j], l[i].lars);
		if (!want)
			continue;
		any = true;
		all_same = false;
		printf(_("%s (%s): in the register, not in the drafts; there it is %s (algedit import --register --org %s "
		         "brings it in)\n"), esc_line(l[i].name ? l[i].name : "-"), l[i].lars, reg_state_label(listed_state(&l[i])),
		       esc_line(a.org));
	}
	if (!any && a.nnames) {
		cli_error("publish", "%s", _("none of the names is a description in the drafts or in the register's list"));
		goto out;
	}
	rc = all_same ? 0 : 1;
out:
	ident_done(&known);
	free(seen);
	reg_listed_free(&l, n > 0 ? (size_t)n : 0);
	conn_done(&c);
	store_free(&s);
	standard_free(&std);
	free(a.names);
	return rc;
}
