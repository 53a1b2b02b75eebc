/* common: what the subcommands share, so that no subcommand file depends on
 * another: opening the drafts repository, saving with an author (asked once
 * on a terminal and kept in the user's config), text from files and remotes
 * made safe for the terminal, dates and field labels as commands print
 * them, one review event as a line of algedit log, a description as a
 * person names it, and what a sync or a join did. */
#include "config.h"
#include "cli/cli.h"
#include "flows/flows.h"
#include "store/store.h"
#include "tui/tui.h"
#include "tui/persist.h"
#include "forms/review.h"
#include "forms/exchange.h"
#include "forms/slug.h"
#include "forms/textbuf.h"
#include "base/base.h"
#include "base/escape.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <ftw.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- the drafts repository ---- */

int cli_store_open(const char *cmd, standard **std, store **s)
{
	char *err = NULL;
	*s = NULL;
	*std = standard_load_facts("1.0", &err);
	if (!*std) {
		cli_error(cmd, _("the standard files are broken: %s"), err);
		free(err);
		return 2;
	}
	if (store_open(*std, cli_repo_dir, s, &err) != STORE_OK) {
		cli_error(cmd, "%s", err);
		free(err);
		standard_free(std);
		return 2;
	}
	return 0;
}

static void put_wrapped(FILE *out, const char *text);

/* One answer typed on the terminal before the full screen. The terminal
 * edits the line itself, so an arrow key or Backspace that it does not
 * handle arrives as bytes (ESC [ D, ^H): such a line is asked again, never
 * kept in a name or address that signs every version. */
static char *ask_line(FILE *out, const char *prompt)
{
	for (int t = 0; t < 5; t++) {
		fprintf(out, "%s", prompt);
		fflush(out);
		char buf[512];
		if (!fgets(buf, sizeof buf, stdin))
			return NULL;
		buf[strcspn(buf, "\r\n")] = '\0';
		bool ctl = false;
		for (const unsigned char *p = (const unsigned char *)buf; *p; p++)
			ctl |= *p < 0x20 || *p == 0x7F;
		if (!ctl && utf8_invalid_offset(buf, strlen(buf)) < 0)
			return xstrdup(buf);
		put_wrapped(out, _("The arrow keys and other special keys cannot be used in this answer; type it again, with Backspace to correct it."));
		fputc('\n', out);
	}
	return NULL;
}

/* text on out, wrapped at spaces to the terminal's width (the first-run
 * question is read before the full screen starts: a word cut in two by
 * the terminal's own wrapping reads badly). */
static void put_wrapped(FILE *out, const char *text)
{
	struct winsize ws;
	int w = ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20 ? ws.ws_col - 1 : 79;
	const char *p = text;
	int col = 0;
	while (*p) {
		if (*p == '\n') {
			fputc('\n', out);
			col = 0;
			p++;
			continue;
		}
		size_t sp = strspn(p, " ");
		size_t wl = strcspn(p + sp, " \n");
		int ww = tb_text_width(p + sp, wl);
		if (col && col + (int)sp + ww > w) {
			fputc('\n', out);
			col = 0;
		} else {
			fwrite(p, 1, sp, out);
			col += (int)sp;
		}
		fwrite(p + sp, 1, wl, out);
		col += ww;
		p += sp + wl;
	}
}

/* An address that can get mail: something@domain.tld, no spaces. A bare
 * first name would sign every version with it. */
static bool email_ok(const char *e)
{
	const char *at = strchr(e, '@');
	if (!at || at == e || strchr(at + 1, '@') || strpbrk(e, " \t,;<>"))
		return false;
	const char *dot = strrchr(at + 1, '.');
	return dot && dot > at + 1 && dot[1] && !strstr(at, "..");
}

/* Asks for the author on a terminal (the questions on out); elsewhere says
 * how to set it. */
bool cli_ask_author(const char *cmd, store *s, FILE *out)
{
	char *name = NULL, *email = NULL;
	if (store_author(s, &name, &email) == STORE_OK) {
		free(name);
		free(email);
		return true;
	}
	if (!isatty(0) || !isatty(fileno(out))) {
		cli_error(cmd, "%s", _("your name and e-mail address for the history are not set; run algedit once in a terminal, or: git config --global user.name \"Your Name\"; git config --global user.email you@example.nl"));
		return false;
	}
	char *where = store_identity_path();
	char *intro = xasprintf(_("Every save is recorded with your name and e-mail address. You are asked once; they are kept in %s for every folder of descriptions.\n"), esc_line(where));
	put_wrapped(out, intro);
	free(intro);
	free(where);
	bool ok = false;
	for (int tries = 0; tries < 3 && !ok; tries++) {
		/* Each asked again until it is one (a few times). */
		name = NULL;
		email = NULL;
		for (int t = 0; t < 3 && !name; t++) {
			name = ask_line(out, _("Your name: "));
			if (!name)
				break;
			if (!*name) {
				xfree(&name);
				put_wrapped(out, _("Give your name as colleagues know it, such as Anouk Jansen."));
				fputc('\n', out);
			}
		}
		for (int t = 0; name && t < 3 && !email; t++) {
			email = ask_line(out, _("Your e-mail address: "));
			if (!email)
				break;
			if (!email_ok(email)) {
				xfree(&email);
				put_wrapped(out, _("That is not an e-mail address; give the whole address, such as anouk.jansen@gemeente.nl."));
				fputc('\n', out);
			}
		}
		if (!name || !email) {
			free(name);
			free(email);
			break;
		}
		ok = store_set_author(s, name, email) == STORE_OK;
		if (!ok)
			cli_error(cmd, "%s", store_error(s));
		free(name);
		free(email);
	}
	return ok;
}

int cli_store_save(const char *cmd, store *s, const char *const *slugs, const description *const *ds, size_t n)
{
	if (!cli_ask_author(cmd, s, stderr))
		return 1;
	store_saved info;
	store_status st = store_save_many(s, slugs, ds, n, &info);
	if (st == STORE_UNCHANGED) {
		fprintf(stderr, "%s\n", _("nothing changed; no new version made"));
		return 0;
	}
	if (st != STORE_OK) {
		cli_error(cmd, "%s", store_error(s));
		return 1;
	}
	info.message[strcspn(info.message, "\n")] = '\0'; /* the subject line */
	printf("[%.7s] %s\n", info.commit, esc_line(info.message));
	store_saved_done(&info);
	return 0;
}

/* ---- text for the terminal ---- */

/* Text from files, commits and remotes on its way to the terminal, through
 * the one escaping function every command uses (base/escape.h): newline and
 * tab kept, every other control character, bidi control and invalid byte
 * shown visibly. */
void cli_safe(strbuf *out, const char *s, size_t n)
{
	sb_add_escaped(out, s, n, ESC_MULTILINE);
}

void cli_safe_str(strbuf *out, const char *s)
{
	if (s)
		cli_safe(out, s, strlen(s));
}

void cli_date(int64_t t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm)) {
		snprintf(out, 32, "?");
		return;
	}
	strftime(out, 32, "%Y-%m-%d %H:%M", &tm);
}

const char *cli_field_label(const standard *std, const char *key)
{
	const std_field *f = key ? standard_field(std, key) : NULL;
	return f ? f->label[i18n_lang()] : key ? key : "";
}

/* What a review event is, in the user's words (the file names keep the
 * English kind names; a person reads these). */
static const char *kind_words(review_kind k)
{
	switch (k) {
	case RK_REQUEST: return _("review asked");
	case RK_COMMENT: return _("comment");
	case RK_REPLY: return _("reply");
	case RK_RESOLVE: return _("comment settled");
	case RK_SUGGEST: return _("suggestion");
	case RK_ACCEPT: return _("suggestion taken");
	case RK_REJECT: return _("suggestion declined");
	case RK_APPROVE: return _("approved");
	case RK_CHANGES: return _("changes asked");
	case RK_MARK: return _("field reviewed");
	case RK_PUBLISH: return _("published");
	default: return review_kind_name(k);
	}
}

/* One review event as a line for algedit log: "[comment 1a2b3c4d] Goal: text". */
void cli_review_event(strbuf *out, const review_rec *r, const standard *std)
{
	char date[32];
	cli_date(r->time, date);
	sb_printf(out, "%-7s  %s  ", "", date);
	cli_safe_str(out, r->author ? r->author : "?");
	sb_printf(out, "  [%s ", kind_words(r->kind));
	cli_safe_str(out, r->id);
	sb_adds(out, "]");
	if (r->field) {
		sb_adds(out, " ");
		cli_safe_str(out, cli_field_label(std, r->field));
		if (r->item)
			sb_printf(out, " #%d", r->item);
	}
	if (r->problem) {
		sb_printf(out, " (%s: ", _("not used"));
		cli_safe_str(out, r->problem);
		sb_adds(out, ")");
	} else if (r->text) {
		const char *nl = strchr(r->text, '\n');
		size_t n = nl ? (size_t)(nl - r->text) : strlen(r->text);
		sb_adds(out, ": ");
		cli_safe(out, r->text, n > 60 ? 60 : n);
		if (n > 60 || nl)
			sb_adds(out, "…");
	}
	sb_addc(out, '\n');
}

char *cli_find_desc(const char *cmd, struct store *s, const char *arg, bool allow_gone)
{
	char *err = NULL;
	char *slug = flow_find_desc(s, arg, allow_gone, &err);
	if (!slug)
		cli_error(cmd, "%s", err ? err : "");
	free(err);
	return slug;
}

int cli_sync_show(const char *cmd, const flow_sync_result *r)
{
	for (size_t i = 0; i < r->nlines; i++)
		printf("%s\n", esc_line(r->lines[i]));
	fflush(stdout);
	if (r->error)
		cli_error(cmd, "%s", r->error);
	for (size_t i = 0; i < r->nnotes; i++)
		fprintf(stderr, _("algedit %s: note: %s\n"), cmd, esc_line(r->notes[i]));
	return r->status == STORE_OK ? 0 : 1;
}

/* ---- the sandbox of demos: played (demo.c) and recorded (main.c) ---- */

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)f;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/* Removes the sandbox tree (made by us, under the temporary folder). */
void cli_sandbox_remove(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* A new sandbox: HOME, the XDG folders and the drafts repository in it,
 * so nothing of the person's own is read or written. */
char *cli_sandbox_make(void)
{
	const char *tmp = getenv("TMPDIR");
	char *tpl = xasprintf("%s/algedit-demo.XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp");
	if (!mkdtemp(tpl)) {
		cli_error("demo", _("cannot make a temporary folder for the demo: %s"), strerror(errno));
		free(tpl);
		return NULL;
	}
	const char *sub[] = { "home", "config", "data", "state", "cache" };
	for (size_t i = 0; i < sizeof sub / sizeof sub[0]; i++) {
		char *p = xasprintf("%s/%s", tpl, sub[i]);
		mkdir(p, 0700);
		free(p);
	}
	char *p;
	setenv("HOME", p = xasprintf("%s/home", tpl), 1);
	free(p);
	setenv("XDG_CONFIG_HOME", p = xasprintf("%s/config", tpl), 1);
	free(p);
	setenv("XDG_DATA_HOME", p = xasprintf("%s/data", tpl), 1);
	free(p);
	setenv("XDG_STATE_HOME", p = xasprintf("%s/state", tpl), 1);
	free(p);
	setenv("XDG_CACHE_HOME", p = xasprintf("%s/cache", tpl), 1);
	free(p);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	unsetenv("ALGEDIT_REPO");
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	return tpl;
}

/* The editor's list on the drafts repository box/drafts, with "Demo" as the
 * author of its versions; place names it in the list's title. */
int cli_sandbox_list(const char *cmd, standard *std, const char *box, const char *place, const char *template)
{
	char *e = NULL, *repo = xasprintf("%s/drafts", box);
	store *s = NULL;
	int rc;
	if (store_open(std, repo, &s, &e) != STORE_OK) {
		cli_error(cmd, "%s", e);
		free(e);
		rc = 2;
	} else {
		store_set_author(s, _("Demo"), "demo@example.invalid");
		persist_use_store(s);
		char *wd = xstrdup(store_workdir(s));
		size_t n = strlen(wd);
		if (n > 1 && wd[n - 1] == '/')
			wd[n - 1] = '\0';
		tui_list_place = place;
		rc = tui_list(std, wd, template);
		tui_list_place = NULL;
		free(wd);
		persist_use_store(NULL);
		store_free(&s);
	}
	free(repo);
	return rc;
}

/* --record without --own: the editor in a new sandbox, removed afterwards. */
int cli_record_sandbox(const char *template)
{
	char *e = NULL;
	standard *std = standard_load_version("1.0", &e);
	if (!std) {
		cli_error(NULL, _("the standard files are broken: %s"), e);
		free(e);
		return 2;
	}
	char *box = cli_sandbox_make();
	if (!box) {
		standard_free(&std);
		return 2;
	}
	int rc = cli_sandbox_list(NULL, std, box, _("the sandbox (removed afterwards)"), template);
	cli_sandbox_remove(box);
	free(box);
	standard_free(&std);
	return rc;
}


/* ---- import: who is who, and the file name of a new one (cli/exchange.c, cli/publish.c) ---- */

/* Who is who in the repository: lars code, organisation, name and source ID
 * of every description, read once (forms/exchange.h says how they match). */
void cli_ident_read(struct ident_index *x, store *s)
{
	char **slugs = NULL;
	size_t n = 0;
	if (store_list(s, &slugs, &n) != STORE_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		description *d = NULL;
		if (store_load(s, slugs[i], &d, NULL) == STORE_OK)
			ident_put(x, slugs[i], d);
		desc_free(&d);
	}
	store_slugs_free(&slugs, n);
}

char *cli_import_slug(store *s, const char *name, const char *org)
{
	char *own = slug_from_name(name ? name : "");
	char *slug = store_new_slug(s, name ? name : "");
	if (strcmp(own, slug) != 0 && org && *org) {
		/* the name's own file name is another description's: say whose this one is */
		char *with = slug_with_owner(name ? name : "", org);
		free(slug);
		slug = store_new_slug(s, with);
		free(with);
	}
	free(own);
	return slug;
}
