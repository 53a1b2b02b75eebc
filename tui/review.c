/* review: the review screen (see review.h). The model comes from the store
 * (store_review_load: records, versions, state); the handler moves through
 * the changed fields and writes records; the settle step lays the current
 * field out as rows of styled text for the width there is; the painter
 * only draws those rows, through put_text (escaped: nothing from a record
 * or a file reaches the terminal raw). */
#include "config.h"
#include "tui/app.h"
#include "flows/flows.h"
#include "tui/draw.h"
#include "tui/review.h"
#include "tui/persist.h"
#include "store/store.h"
#include "forms/diff.h"
#include "base/base.h"
#include "i18n/i18n.h"
#include "base/escape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Styles of the laid-out text. */
enum { ST_PLAIN, ST_DEL, ST_ADD, ST_HEAD, ST_META, ST_NOTE };

typedef struct rline {
	char *s;
	unsigned char *st;   /* a style per byte */
	size_t n;
} rline;

typedef enum rprompt { RP_NONE, RP_COMMENT, RP_SUGGEST, RP_CHANGES, RP_JUMP, RP_REPLY, RP_REJECT } rprompt;

typedef struct review_screen {
	store *s;
	store_review r;
	bool loaded;
	char *slug;
	char *me;                /* the reviewer's e-mail address */
	char *since;             /* as asked, or NULL */
	size_t base;             /* index in r.versions of the version it starts from; nversions: from nothing */
	char *why;               /* since what, in words */
	char *base_commit;       /* the base as found on opening (kept while writing records), or NULL */
	bool base_kept;
	bool by_commit;          /* version by version (else all together) */
	size_t commit;           /* by_commit: index in r.versions of the version shown */
	desc_diff *dd;
	const description *old, *new;
	size_t sel;              /* the changed field shown */
	size_t top;              /* its first row shown */
	/* Laid out by review_settle for this width and this field. */
	rline *lines;
	size_t nlines;
	int laid_w;
	bool relayout;
	rprompt prompt;
	textbuf tb;
	int cur_row, cur_col;    /* the cursor in the prompt box, settled */
	int box_h;
	bool quit_on_close;      /* opened by `algedit review SLUG`: closing it ends the editor */
	bool over_form;          /* only a question over the form (reply, reject), not the screen */
	bool wrote;              /* records were written */
	const review_rec *target; /* RP_REPLY, RP_REJECT: the comment or suggestion answered */
	bool approve_asked;      /* a was pressed once: the next a approves */
} review_screen;

/* ---- the model ---- */

static const char *label_of(const app *a, const char *key)
{
	const std_field *f = key ? standard_field(a->std, key) : NULL;
	if (!f)
		return key ? key : "";
	const char *l = f->label[a->lang];
	return l && *l ? l : key;
}

static void date_of(int64_t t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 32, "%Y-%m-%d %H:%M", &tm);
}

static size_t version_index(const store_review *r, const char *commit)
{
	size_t n = commit ? strlen(commit) : 0;
	for (size_t i = 0; n >= 4 && i < r->nversions; i++)
		if (!strncmp(r->versions[i].commit, commit, n))
			return i;
	return (size_t)-1;
}

/* The version the review starts from: decided once, for this screen and
 * algedit review alike (flows/review.c). */
static void find_base(review_screen *v)
{
	free(v->why);
	flow_review_start(v->s, &v->r, v->since, v->me, &v->base, &v->why);
}

/* The two versions compared now, and their diff. */
static void compute_diff(review_screen *v)
{
	desc_diff_free(&v->dd);
	store_review *r = &v->r;
	const char *oc = NULL, *nc = NULL;
	if (v->by_commit && v->commit < v->base) {
		nc = r->versions[v->commit].commit;
		oc = v->commit + 1 < r->nversions ? r->versions[v->commit + 1].commit : NULL;
	} else {
		nc = r->nversions ? r->versions[0].commit : NULL;
		oc = v->base < r->nversions ? r->versions[v->base].commit : NULL;
	}
	v->new = nc ? store_review_at(r, nc) : NULL;
	v->old = oc ? store_review_at(r, oc) : NULL;
	v->dd = desc_diff_new(v->old, v->new);
	if (v->sel >= v->dd->n)
		v->sel = v->dd->n ? v->dd->n - 1 : 0;
	v->top = 0;
	v->relayout = true;
}

static int load(app *a, review_screen *v)
{
	store_review_done(&v->r);
	memset(&v->r, 0, sizeof v->r);
	v->loaded = false;
	if (store_review_load(v->s, v->slug, a->lang, &v->r) != STORE_OK) {
		app_status(a, true, "%s", store_error(v->s));
		return -1;
	}
	v->loaded = true;
	if (!v->r.nversions) {
		app_status(a, true, "%s", _("the description has no saved version yet; save it first"));
		return -1;
	}
	/* The base stays what it was on opening: the reviewer's own comments
	 * do not hide the changes they are about; an approval moves it. */
	size_t k = v->base_kept ? (v->base_commit ? version_index(&v->r, v->base_commit) : v->r.nversions) : (size_t)-1;
	if (k <= v->r.nversions) {
		v->base = k;
	} else {
		find_base(v);
		free(v->base_commit);
		v->base_commit = v->base < v->r.nversions ? xstrdup(v->r.versions[v->base].commit) : NULL;
		v->base_kept = true;
	}
	if (v->by_commit && v->commit >= v->base)
		v->commit = v->base ? v->base - 1 : 0;
	compute_diff(v);
	return 0;
}

static const field_diff *cur_field(const review_screen *v)
{
	return v->dd && v->sel < v->dd->n ? &v->dd->v[v->sel] : NULL;
}

/* This reviewer's valid reviewed mark on key, at the version shown last. */
static bool marked(const review_screen *v, const char *key)
{
	for (size_t k = 0; v->me && k < v->r.sum.nmarks; k++) {
		const review_rec *m = v->r.sum.marks[k].rec;
		if (v->r.sum.marks[k].valid && m->field && !strcmp(m->field, key) && m->email && !strcasecmp(m->email, v->me))
			return true;
	}
	return false;
}

int review_open(app *a, store *s, const char *slug, const char *since)
{
	if (!s) {
		app_status(a, true, "%s", _("the review needs a drafts repository; open the editor without a file name"));
		return -1;
	}
	review_screen *v = xcalloc(1, sizeof *v);
	v->s = s;
	v->slug = xstrdup(slug);
	v->since = since ? xstrdup(since) : NULL;
	char *name = NULL;
	store_author(s, &name, &v->me);
	free(name);
	tb_init(&v->tb);
	a->review = v;
	if (load(a, v) < 0) {
		review_close(a);
		return -1;
	}
	app_status(a, false, "%s", _("Review: n next changed field, c comment, s suggest, a approve, F1 all keys"));
	a->dirty = true;
	return 0;
}

static void lines_free(review_screen *v)
{
	for (size_t i = 0; i < v->nlines; i++) {
		free(v->lines[i].s);
		free(v->lines[i].st);
	}
	free(v->lines);
	v->lines = NULL;
	v->nlines = 0;
}

void review_close(app *a)
{
	review_screen *v = a->review;
	if (!v)
		return;
	lines_free(v);
	desc_diff_free(&v->dd);
	/* Next time the review starts from what was seen now. */
	if (!v->over_form && v->loaded && v->r.nversions && v->me && v->s)
		store_review_set_seen(v->s, v->slug, v->me, v->r.versions[0].commit);
	store_review_done(&v->r);
	tb_done(&v->tb);
	free(v->slug);
	free(v->me);
	free(v->since);
	free(v->why);
	free(v->base_commit);
	bool wrote = v->wrote;
	free(v);
	a->review = NULL;
	/* The list shows the states: the records written change them. */
	if (wrote && a->list.repo) {
		list_review_load(a);
		list_refilter(a);
	}
	a->dirty = true;
}

void review_quit_on_close(app *a)
{
	if (a->review)
		a->review->quit_on_close = true;
}

unsigned review_context(const app *a)
{
	return a->review->prompt == RP_NONE ? CX_REVIEW : a->review->prompt == RP_SUGGEST ? CX_REVIEW_EDIT : CX_REVIEW_EDIT | CX_PROMPT;
}

/* ---- writing records ---- */

static void notes_stale(void);

/* Writes a record about the latest version: on key (or none), with text,
 * answering ref (or none); with d, d is saved in the same commit (an
 * accepted suggestion). */
static int add_record_ex(app *a, review_kind kind, const char *key, const char *text, const review_rec *ref,
                         const description *d)
{
	review_screen *v = a->review;
	store_review *r = &v->r;
	char *name = NULL, *email = NULL;
	store_author(v->s, &name, &email);
	bool known = name && *name && email && *email;
	free(name);
	free(email);
	if (!known) {
		app_status(a, true, "%s", _("your name and e-mail address for the history are not set; give them once (git config user.name and user.email)"));
		return -1;
	}
	if (kind == RK_APPROVE) {
		const char *why = review_may_approve(&r->ctx, &r->sum, v->me);
		if (why) {
			app_status(a, true, _("you cannot approve %s: %s"), v->slug, why);
			return -1;
		}
	}
	review_rec rec;
	memset(&rec, 0, sizeof rec);
	rec.kind = kind;
	rec.slug = xstrdup(v->slug);
	rec.version = xstrdup(r->versions[0].commit);
	const char *label = key ? label_of(a, key) : "";
	if (key) {
		rec.field = xstrdup(key);
		rec.quote = review_field_text(store_review_at(r, r->versions[0].commit), key, 0);
	}
	rec.text = text ? xstrdup(text) : NULL;
	if (ref) {
		rec.ref = xstrdup(ref->id);
		rec.item = ref->item;
	}
	const char *who = ref && ref->author ? ref->author : "?";
	char *msg = NULL;
	switch (kind) {
	case RK_REPLY: msg = xasprintf(_("Reply on %s: %s"), label, v->slug); break;
	case RK_RESOLVE: msg = xasprintf(_("Comment resolved on %s: %s"), label, v->slug); break;
	case RK_ACCEPT: msg = xasprintf(_("Suggestion by %s accepted: %s (%s)"), who, label, v->slug); break;
	case RK_REJECT: msg = xasprintf(_("Suggestion by %s rejected: %s (%s)"), who, label, v->slug); break;
	case RK_COMMENT: msg = xasprintf(_("Comment on %s: %s"), label, v->slug); break;
	case RK_SUGGEST: msg = xasprintf(_("Suggestion for %s: %s"), label, v->slug); break;
	case RK_MARK: msg = xasprintf(_("Reviewed: %s (%s)"), label, v->slug); break;
	case RK_APPROVE: msg = xasprintf(_("Approved: %s"), v->slug); break;
	case RK_CHANGES: msg = xasprintf(_("Changes requested: %s"), v->slug); break;
	default: msg = xstrdup(v->slug); break;
	}
	store_saved info;
	int rc = 0;
	char *serr = NULL;
	if (kind == RK_APPROVE && store_review_sign(v->s, &rec, &serr) < 0) {
		app_status(a, true, "%s", serr);
		free(serr);
		rc = -1;
	} else if (store_review_add(v->s, &rec, d, msg, &info) != STORE_OK) {
		app_status(a, true, "%s", store_error(v->s));
		rc = -1;
	} else {
		app_status(a, false, "%s", msg);
		store_saved_done(&info);
		v->wrote = true;
	}
	free(msg);
	review_rec_done(&rec);
	notes_stale();
	if (!rc && !v->over_form) {
		size_t sel = v->sel;
		char *keep = v->dd && sel < v->dd->n ? xstrdup(v->dd->v[sel].key) : NULL;
		char *status = a->status ? xstrdup(a->status) : NULL;
		if (kind == RK_APPROVE)
			v->base_kept = false;
		/* An approval moves the base: the review then starts from it. */
		if (load(a, v) == 0 && keep) {
			for (size_t i = 0; i < v->dd->n; i++)
				if (!strcmp(v->dd->v[i].key, keep))
					v->sel = i;
		}
		if (status && a->status && strcmp(status, a->status) == 0)
			; /* kept */
		else if (status && v->loaded)
			app_status(a, false, "%s", status);
		free(status);
		free(keep);
	}
	return rc;
}

static int add_record(app *a, review_kind kind, const char *key, const char *text)
{
	return add_record_ex(a, kind, key, text, NULL, NULL);
}

/* Approving is one key, so it asks first, and names what is still open:
 * the comments not resolved (and on which fields) and the suggestions not
 * decided. Refused at once when the reviewer may not approve. */
static void ask_approve(app *a)
{
	review_screen *v = a->review;
	store_review *r = &v->r;
	const char *why = review_may_approve(&r->ctx, &r->sum, v->me);
	if (why) {
		app_status(a, true, _("you cannot approve %s: %s"), v->slug, why);
		return;
	}
	strbuf fields = STRBUF_INIT;
	size_t open = 0;
	for (size_t k = 0; k < r->sum.nthreads; k++) {
		const review_thread *t = &r->sum.threads[k];
		if (t->resolved)
			continue;
		open++;
		const char *l = label_of(a, t->root->field);
		if (*l && !(fields.s && strstr(fields.s, l)))
			sb_printf(&fields, "%s%s", fields.len ? ", " : "", l);
	}
	size_t sugg = r->sum.open_suggestions;
	char *what;
	if (open && sugg)
		what = xasprintf(P_("%zu comment is still open (%s), and %zu suggestion is not decided.",
		                    "%zu comments are still open (%s), and %zu suggestion(s) not decided.", open),
		                 open, fields.s ? fields.s : "", sugg);
	else if (open)
		what = xasprintf(P_("%zu comment is still open (%s).", "%zu comments are still open (%s).", open), open,
		                 fields.s ? fields.s : "");
	else if (sugg)
		what = xasprintf(P_("%zu suggestion is not decided yet.", "%zu suggestions are not decided yet.", sugg), sugg);
	else
		what = xstrdup(_("No comments are open."));
	app_status(a, open || sugg, _("Approve the latest version of %s? %s Press a again to approve; any other key does not."),
	           v->slug, what);
	free(what);
	sb_done(&fields);
	v->approve_asked = true;
}

/* ---- the handler ---- */

static void start_prompt(app *a, rprompt p)
{
	review_screen *v = a->review;
	const field_diff *fd = cur_field(v);
	if ((p == RP_COMMENT || p == RP_SUGGEST) && !fd) {
		app_status(a, true, "%s", _("no changed field to comment on; c and s work on the field shown"));
		return;
	}
	v->prompt = p;
	v->tb.single_line = p != RP_SUGGEST;
	tb_set(&v->tb, "", 0);
	if (p == RP_SUGGEST) {
		char *t = review_field_text(v->new, fd->key, 0);
		tb_set(&v->tb, t, strlen(t));
		free(t);
	}
	a->dirty = true;
}

static void finish_prompt(app *a)
{
	review_screen *v = a->review;
	const char *text = tb_text(&v->tb);
	const field_diff *fd = cur_field(v);
	rprompt p = v->prompt;
	if (p == RP_JUMP) {
		size_t n = strlen(text);
		for (size_t i = 0; v->dd && i < v->dd->n; i++) {
			const char *l = field_diff_label(&v->dd->v[i], a->lang);
			for (const char *q = l; n && *q; q++)
				if (!strncasecmp(q, text, n)) {
					v->sel = i;
					v->top = 0;
					v->relayout = true;
					v->prompt = RP_NONE;
					a->dirty = true;
					return;
				}
		}
		app_status(a, true, "%s", _("no changed field has that in its name; try fewer letters"));
		return;
	}
	if (p == RP_REPLY || p == RP_REJECT) {
		if (!*text) {
			app_status(a, true, "%s", p == RP_REPLY ? _("the reply is empty") : _("give the reason"));
			return;
		}
		char *t = xstrdup(text);
		v->prompt = RP_NONE;
		add_record_ex(a, p == RP_REPLY ? RK_REPLY : RK_REJECT, v->target->field, t, v->target, NULL);
		free(t);
		review_close(a);
		return;
	}
	if ((p == RP_COMMENT || p == RP_CHANGES) && !*text) {
		app_status(a, true, "%s", p == RP_COMMENT ? _("the comment is empty") : _("say which changes are needed"));
		return;
	}
	if (p == RP_SUGGEST && fd) {
		char *cur = review_field_text(v->new, fd->key, 0);
		bool same = !strcmp(cur, text);
		free(cur);
		if (same) {
			app_status(a, true, "%s", _("the suggestion is the same as the text now; nothing to suggest"));
			return;
		}
	}
	char *t = xstrdup(text);
	v->prompt = RP_NONE;
	review_kind k = p == RP_COMMENT ? RK_COMMENT : p == RP_SUGGEST ? RK_SUGGEST : RK_CHANGES;
	add_record(a, k, p == RP_CHANGES ? NULL : fd ? fd->key : NULL, t);
	free(t);
}

static void prompt_key(app *a, const tui_event *ev, action act)
{
	review_screen *v = a->review;
	textbuf *tb = &v->tb;
	switch (act) {
	case A_CANCEL:
		v->prompt = RP_NONE;
		if (v->over_form) {
			review_close(a);
			return;
		}
		break;
	case A_CONFIRM: case A_SAVE: finish_prompt(a); return;
	case A_NEWLINE: tb_insert(tb, "\n", 1, true); break;
	case A_CHAR_LEFT: tb_left(tb); break;
	case A_CHAR_RIGHT: tb_right(tb); break;
	case A_UP: tb_up(tb, v->laid_w > 8 ? v->laid_w - 4 : 40); break;
	case A_DOWN: tb_down(tb, v->laid_w > 8 ? v->laid_w - 4 : 40); break;
	case A_HOME: tb_home(tb, 1 << 20); break;
	case A_END: tb_end(tb, 1 << 20); break;
	case A_WORD_LEFT: tb_word_left(tb); break;
	case A_WORD_RIGHT: tb_word_right(tb); break;
	case A_BACKSPACE: tb_backspace(tb); break;
	case A_DELETE: tb_delete(tb); break;
	case A_DELETE_WORD: tb_delete_word_back(tb); break;
	case A_CUT_EOL: tb_delete_to_eol(tb); break;
	default:
		if (ev->kind == EV_CHAR) {
			char buf[4];
			tb_insert(tb, buf, app_utf8_encode(ev->ch, buf), true);
		} else if (ev->kind == EV_PASTE) {
			tb_insert(tb, ev->text, ev->len, false);
		}
		break;
	}
	a->dirty = true;
}

static void open_in_form(app *a)
{
	review_screen *v = a->review;
	const field_diff *fd = cur_field(v);
	char *key = fd ? xstrdup(fd->key) : NULL;
	char *path = xasprintf("%salgoritmes/%s.yaml", store_workdir(v->s), v->slug);
	review_close(a);
	bool same = a->form.d && a->form.path && !strcmp(a->form.path, path);
	if (same || app_open(a, path, NULL) == 0) {
		a->in_list = false;
		for (size_t i = 0; key && i < a->std->nfields; i++)
			if (!strcmp(a->std->fields[i].key, key))
				form_go_field(a, i);
	}
	free(path);
	free(key);
}

static void review_handle(app *a, const tui_event *ev, action act)
{
	review_screen *v = a->review;
	if (v->prompt != RP_NONE) {
		prompt_key(a, ev, act);
		return;
	}
	size_t n = v->dd ? v->dd->n : 0;
	int page = a->lay.body_h > 8 ? a->lay.body_h - 6 : 2;
	if (v->approve_asked) {
		v->approve_asked = false;
		/* The key is the answer, not a key of the screen. */
		if (act == A_APPROVE)
			add_record(a, RK_APPROVE, NULL, NULL);
		else
			app_status(a, false, "%s", _("Not approved."));
		a->dirty = true;
		return;
	}
	switch (act) {
	case A_CANCEL:
	case A_QUIT:
		if (v->quit_on_close || (!a->form.d && !a->list.repo))
			a->quit = true;
		review_close(a);
		break;
	case A_HELP:
		app_help_open(a, app_context(a));
		break;
	case A_NEXT_FIELD:
		if (v->sel + 1 < n) {
			v->sel++;
			v->top = 0;
			v->relayout = true;
		} else {
			app_status(a, false, "%s", _("this is the last changed field"));
		}
		break;
	case A_PREV_FIELD:
		if (v->sel > 0) {
			v->sel--;
			v->top = 0;
			v->relayout = true;
		} else {
			app_status(a, false, "%s", _("this is the first changed field"));
		}
		break;
	case A_REV_NEXT_COMMIT:
	case A_REV_PREV_COMMIT:
		if (!v->by_commit) {
			v->by_commit = true;
			v->commit = v->base ? v->base - 1 : 0;
		} else if (act == A_REV_NEXT_COMMIT && v->commit > 0) {
			v->commit--;
		} else if (act == A_REV_PREV_COMMIT && v->commit + 1 < v->base) {
			v->commit++;
		} else {
			app_status(a, false, "%s", act == A_REV_NEXT_COMMIT ? _("this is the newest version") : _("this is the first version of the review"));
			break;
		}
		v->sel = 0;
		compute_diff(v);
		break;
	case A_REV_MODE:
		v->by_commit = !v->by_commit;
		if (v->by_commit)
			v->commit = v->base ? v->base - 1 : 0;
		v->sel = 0;
		compute_diff(v);
		break;
	case A_UP:
		if (v->top > 0)
			v->top--;
		break;
	case A_DOWN:
		v->top++;
		break;
	case A_PAGE_UP:
		v->top = v->top > (size_t)page ? v->top - (size_t)page : 0;
		break;
	case A_PAGE_DOWN:
		v->top += (size_t)page;
		break;
	case A_JUMP:
		start_prompt(a, RP_JUMP);
		break;
	case A_OPEN:
		open_in_form(a);
		return;
	case A_REV_MARK: {
		const field_diff *fd = cur_field(v);
		if (!fd)
			break;
		if (marked(v, fd->key)) {
			app_status(a, false, "%s", _("you marked this field as reviewed already"));
			break;
		}
		add_record(a, RK_MARK, fd->key, NULL);
		break;
	}
	case A_COMMENT: start_prompt(a, RP_COMMENT); break;
	case A_SUGGEST: start_prompt(a, RP_SUGGEST); break;
	case A_CHANGES: start_prompt(a, RP_CHANGES); break;
	case A_APPROVE: ask_approve(a); break;
	default:
		break;
	}
	a->dirty = true;
}

/* ---- laying out ---- */

typedef struct lbuild {
	review_screen *v;
	int w;
	strbuf s;
	unsigned char *st;
	size_t cap;
	int col;
} lbuild;

static void lb_push(lbuild *b)
{
	review_screen *v = b->v;
	v->lines = xrealloc(v->lines, (v->nlines + 1) * sizeof *v->lines);
	rline *l = &v->lines[v->nlines++];
	l->n = b->s.len;
	l->s = b->s.len ? xstrndup(b->s.s, b->s.len) : xstrdup("");
	l->st = xmalloc(l->n + 1);
	if (l->n)
		memcpy(l->st, b->st, l->n);
	b->s.len = 0;
	b->col = 0;
}

static void lb_bytes(lbuild *b, const char *s, size_t n, int style)
{
	sb_add(&b->s, s, n);
	if (b->s.len > b->cap) {
		b->cap = b->s.len * 2 + 16;
		b->st = xrealloc(b->st, b->cap);
	}
	memset(b->st + b->s.len - n, style, n);
	b->col += tb_text_width(s, n);
}

/* Appends text in style, wrapped at word ends to b->w columns; '\n' breaks. */
static void lb_add(lbuild *b, const char *s, int style)
{
	size_t len = strlen(s);
	for (size_t p = 0; p < len;) {
		if (s[p] == '\n') {
			lb_push(b);
			p++;
			continue;
		}
		size_t e = p;
		while (e < len && s[e] != ' ' && s[e] != '\n')
			e++;
		while (e < len && s[e] == ' ')
			e++;
		int ww = tb_text_width(s + p, e - p);
		if (b->col > 0 && b->col + ww > b->w)
			lb_push(b);
		/* A word longer than the row: cut it by characters. */
		while (tb_text_width(s + p, e - p) > b->w - b->col) {
			size_t q = p;
			int cw = 0;
			while (q < e) {
				size_t k = tb_next_cluster(s, len, q);
				int t = tb_text_width(s + q, k);
				if (b->col + cw + t > b->w)
					break;
				cw += t;
				q += k;
			}
			if (q == p)
				q += tb_next_cluster(s, len, q);
			lb_bytes(b, s + p, q - p, style);
			lb_push(b);
			p = q;
		}
		lb_bytes(b, s + p, e - p, style);
		p = e;
	}
}

/* The word diff of ot and nt: [-removed-] and {+added+}, in colour too. */
static void lb_words(lbuild *b, const char *ot, const char *nt)
{
	size_t nw;
	diff_word *wd = diff_words(ot, nt, &nw);
	for (size_t i = 0; i < nw; i++) {
		int st = wd[i].op == DIFF_DEL ? ST_DEL : wd[i].op == DIFF_ADD ? ST_ADD : ST_PLAIN;
		const char *open = st == ST_DEL ? "[-" : st == ST_ADD ? "{+" : "";
		const char *close = st == ST_DEL ? "-]" : st == ST_ADD ? "+}" : "";
		/* A changed run across lines is marked on every line. */
		for (const char *t = wd[i].text;;) {
			const char *nl = strchr(t, '\n');
			size_t n = nl ? (size_t)(nl - t) : strlen(t);
			if (n || !nl) {
				char *part = xstrndup(t, n);
				lb_add(b, open, st);
				lb_add(b, part, st);
				lb_add(b, close, st);
				free(part);
			}
			if (!nl)
				break;
			lb_push(b);
			t = nl + 1;
			if (!*t)
				break;
		}
	}
	if (b->s.len)
		lb_push(b);
	diff_words_free(&wd, nw);
}

static void lay_out(app *a, int w)
{
	review_screen *v = a->review;
	lines_free(v);
	lbuild b = { v, w, STRBUF_INIT, NULL, 0, 0 };
	sb_adds(&b.s, "");
	b.s.len = 0;
	const field_diff *fd = cur_field(v);
	store_review *r = &v->r;
	char date[32];
	if (!fd) {
		lb_add(&b, _("No field changed."), ST_NOTE);
		lb_push(&b);
		goto done;
	}
	char *head = xasprintf(_("Field %zu of %zu: %s"), v->sel + 1, v->dd->n, field_diff_label(fd, a->lang));
	lb_add(&b, marked(v, fd->key) ? "[x] " : "[ ] ", ST_HEAD);
	lb_add(&b, head, ST_HEAD);
	free(head);
	lb_push(&b);
	/* Who changed it, and when. */
	{
		strbuf who = STRBUF_INIT;
		sb_adds(&who, "");
		size_t from = v->by_commit ? v->commit : 0, to = v->by_commit ? v->commit + 1 : v->base;
		for (size_t i = from; i < to && i < r->nversions; i++) {
			const char *ks = r->ctx.changed ? r->ctx.changed(r->ctx.actx, i) : NULL;
			char *pat = xasprintf(",%s,", fd->key);
			bool hit = !ks || strstr(ks, pat);
			free(pat);
			if (!hit)
				continue;
			date_of(r->versions[i].time, date);
			sb_printf(&who, "%s%s, %s (%.7s)", who.len ? "; " : "", r->versions[i].author ? r->versions[i].author : "?",
			          date, r->versions[i].commit);
		}
		char *line = xasprintf(_("Changed by %s"), who.len ? who.s : "?");
		lb_add(&b, line, ST_META);
		lb_push(&b);
		free(line);
		sb_done(&who);
	}
	lb_push(&b);
	/* The text, old and new, with the changed words marked. */
	{
		char *ot = review_field_text(v->old, fd->key, 0), *nt = review_field_text(v->new, fd->key, 0);
		lb_words(&b, ot, nt);
		free(ot);
		free(nt);
	}
	/* Comments and suggestions on this field. */
	for (size_t k = 0; k < r->sum.nthreads; k++) {
		const review_thread *t = &r->sum.threads[k];
		if (!t->root->field || strcmp(t->root->field, fd->key))
			continue;
		lb_push(&b);
		date_of(t->root->time, date);
		char *h = xasprintf("%s %s, %s%s%s", t->resolved ? _("Comment (resolved) by") : _("Comment by"),
		                    t->root->author ? t->root->author : "?", date,
		                    t->outdated ? "; " : "", t->outdated ? _("outdated: the field changed since") : "");
		lb_add(&b, h, ST_META);
		free(h);
		lb_push(&b);
		lb_add(&b, t->root->text ? t->root->text : "", ST_NOTE);
		lb_push(&b);
		for (size_t j = 0; j < t->nreplies; j++) {
			lb_add(&b, "  > ", ST_META);
			lb_add(&b, t->replies[j]->author ? t->replies[j]->author : "?", ST_META);
			lb_add(&b, ": ", ST_META);
			lb_add(&b, t->replies[j]->text ? t->replies[j]->text : "", ST_PLAIN);
			lb_push(&b);
		}
	}
	for (size_t k = 0; k < r->sum.nsuggs; k++) {
		const review_sugg *g = &r->sum.suggs[k];
		if (!g->rec->field || strcmp(g->rec->field, fd->key) || g->status != SUGG_OPEN)
			continue;
		lb_push(&b);
		char *h = xasprintf(_("Suggestion by %s, open:"), g->rec->author ? g->rec->author : "?");
		lb_add(&b, h, ST_META);
		free(h);
		lb_push(&b);
		char *cur = review_field_text(v->new, fd->key, g->rec->item);
		lb_words(&b, cur, g->rec->text ? g->rec->text : "");
		free(cur);
	}
done:
	sb_done(&b.s);
	free(b.st);
	v->laid_w = w;
	v->relayout = false;
}

void review_settle(app *a)
{
	review_screen *v = a->review;
	int w = a->cols - 2;
	if (w < 10)
		w = 10;
	if (!v->over_form && (v->relayout || v->laid_w != w || !v->lines))
		lay_out(a, w);
	v->box_h = 0;
	if (v->prompt != RP_NONE) {
		int bw = a->cols - 4;
		size_t row = 0;
		int col = 0;
		tb_cursor_pos(&v->tb, bw, &row, &col);
		v->box_h = v->prompt == RP_SUGGEST ? a->lay.body_h / 2 : 3;
		if (v->box_h < 3)
			v->box_h = 3;
		v->cur_row = (int)row;
		v->cur_col = col;
	}
	if (v->over_form) {
		form_settle(a);
		return;
	}
	int h = a->lay.body_h - 3 - v->box_h;
	if (h < 1)
		h = 1;
	if (v->nlines <= (size_t)h)
		v->top = 0;
	else if (v->top > v->nlines - (size_t)h)
		v->top = v->nlines - (size_t)h;
}

/* ---- painting ---- */

static attr_t style_attr(const app *a, int st)
{
	switch (st) {
	case ST_DEL: return (a->color ? pair_attr(a, P_ERROR) : 0) | A_BOLD;
	case ST_ADD: return (a->color ? pair_attr(a, P_OK) : 0) | A_BOLD | A_UNDERLINE;
	case ST_HEAD: return A_BOLD;
	case ST_META: return A_DIM;
	default: return 0;
	}
}

static void prompt_draw(const app *a, int *cy, int *cx);

static void review_draw(const app *a, int *cy, int *cx)
{
	const review_screen *v = a->review;
	if (v->over_form) {
		form_draw(a, cy, cx);
		prompt_draw(a, cy, cx);
		return;
	}
	const store_review *r = &v->r;
	/* The description by its name, as in the form's title; the file's name
	 * only while it has none. */
	const std_field *nf = standard_field(a->std, "name");
	const char *name = v->new && nf ? desc_text(v->new, nf) : NULL;
	char *shown = name && *name ? esc_dup(name, 0) : xstrdup(v->slug);
	char *left = xasprintf("%s: %s", _("Review"), shown);
	free(shown);
	const char *state = review_state_label(&r->sum);
	char *right = r->sum.note != NOTE_NONE ? xasprintf("%s (%s)", state, review_note_name(r->sum.note)) : xstrdup(state);
	title_bar(a, left, right, state, NULL);
	free(left);
	free(right);
	int y = a->lay.body_top, w = a->cols - 2;
	char date[32];
	char *since = xasprintf("%s %s", _("Changes"), v->why ? v->why : "");
	puts_at(a, y++, 1, w, since, 0);
	free(since);
	char *mode;
	if (v->by_commit && v->commit < r->nversions) {
		const store_version *sv = &r->versions[v->commit];
		date_of(sv->time, date);
		mode = xasprintf(_("Version %zu of %zu: %.7s, %s, %s"), v->base - v->commit, v->base, sv->commit,
		                 sv->author ? sv->author : "?", date);
	} else {
		mode = xasprintf(_("All changes together (v: version by version); changed fields: %zu, versions: %zu"),
		                 v->dd ? v->dd->n : 0, v->base < r->nversions ? v->base : r->nversions);
	}
	puts_at(a, y++, 1, w, mode, A_DIM);
	free(mode);
	mvhline(y++, 0, ACS_HLINE, a->cols);
	int h = a->lay.status_y - y - v->box_h;
	for (int i = 0; i < h && v->top + (size_t)i < v->nlines; i++) {
		const rline *l = &v->lines[v->top + (size_t)i];
		int x = 1;
		for (size_t p = 0; p < l->n;) {
			size_t e = p;
			while (e < l->n && l->st[e] == l->st[p])
				e++;
			x += put_text(a, y + i, x, a->cols - 1 - x, l->s + p, e - p, style_attr(a, l->st[p]));
			p = e;
		}
	}
	if (v->top + (size_t)h < v->nlines && h > 0)
		puts_at(a, y + h - 1, a->cols - 3, 2, "…", A_DIM);
	*cy = *cx = -1;
	prompt_draw(a, cy, cx);
}

static void prompt_draw(const app *a, int *cy, int *cx)
{
	const review_screen *v = a->review;
	if (v->prompt != RP_NONE) {
		const char *title = v->prompt == RP_REPLY ? _("Reply (Enter: send, Esc: cancel)")
		                  : v->prompt == RP_REJECT ? _("Why is the suggestion not taken? (Enter: send, Esc: cancel)") : v->prompt == RP_COMMENT ? _("Comment (Enter: send, Esc: cancel)")
		                  : v->prompt == RP_SUGGEST ? _("Suggested text (F2: send, Esc: cancel)")
		                  : v->prompt == RP_CHANGES ? _("Which changes are needed? (Enter: send, Esc: cancel)")
		                  : _("Go to the changed field named (Enter)");
		int by = a->lay.status_y - v->box_h;
		dialog_box(a, by, 0, a->cols, v->box_h, title);
		int inner = v->box_h - 2;
		int skip = v->cur_row >= inner ? v->cur_row - inner + 1 : 0;
		wrapped_tb(a, by + 1, 2, a->cols - 4, inner, skip, &v->tb, 0);
		*cy = by + 1 + v->cur_row - skip;
		*cx = 2 + v->cur_col;
	}
}

const view review_view = { review_context, review_handle, review_draw };

/* ---- the form's side: open comments and suggestions beside the field ---- */

/* The review of the description in the form, loaded in the settle step
 * when the description or the records change; the painter reads it. */
static struct {
	char *slug, *path;
	store_review r;
	bool loaded, stale;
	unsigned gen;
} notes;

static void notes_stale(void)
{
	notes.stale = true;
}

void review_notes_forget(void)
{
	if (notes.loaded)
		store_review_done(&notes.r);
	memset(&notes.r, 0, sizeof notes.r);
	notes.loaded = false;
	xfree(&notes.slug);
	xfree(&notes.path);
}

bool review_notes_sync(app *a)
{
	store *s = persist_store_current();
	/* Every turn: the same description as before costs a comparison. */
	if (notes.loaded && !notes.stale && a->form.d && a->form.path && notes.path && !strcmp(notes.path, a->form.path))
		return false;
	char *slug = s && a->form.d && a->form.path ? persist_store_slug(a->form.path) : NULL;
	if (!slug) {
		bool had = notes.loaded;
		review_notes_forget();
		if (had)
			notes.gen++;
		return had;
	}
	if (notes.loaded && !notes.stale && notes.slug && !strcmp(notes.slug, slug)) {
		free(slug);
		return false;
	}
	review_notes_forget();
	notes.stale = false;
	notes.slug = slug;
	notes.path = xstrdup(a->form.path);
	if (store_review_load(s, slug, a->lang, &notes.r) == STORE_OK)
		notes.loaded = true;
	else
		memset(&notes.r, 0, sizeof notes.r);
	notes.gen++;
	return true;
}

unsigned review_notes_gen(void)
{
	return notes.gen;
}

size_t review_notes_count(const char *key)
{
	size_t n = 0;
	if (!notes.loaded || !key)
		return 0;
	for (size_t k = 0; k < notes.r.sum.nthreads; k++) {
		const review_thread *t = &notes.r.sum.threads[k];
		n += !t->resolved && t->root->field && !strcmp(t->root->field, key);
	}
	for (size_t k = 0; k < notes.r.sum.nsuggs; k++) {
		const review_sugg *g = &notes.r.sum.suggs[k];
		n += g->status == SUGG_OPEN && g->rec->field && !strcmp(g->rec->field, key);
	}
	return n;
}

static const review_thread *first_thread(const char *key)
{
	for (size_t k = 0; notes.loaded && k < notes.r.sum.nthreads; k++) {
		const review_thread *t = &notes.r.sum.threads[k];
		if (!t->resolved && t->root->field && !strcmp(t->root->field, key))
			return t;
	}
	return NULL;
}

static const review_sugg *first_sugg(const char *key)
{
	for (size_t k = 0; notes.loaded && k < notes.r.sum.nsuggs; k++) {
		const review_sugg *g = &notes.r.sum.suggs[k];
		if (g->status == SUGG_OPEN && g->rec->field && !strcmp(g->rec->field, key))
			return g;
	}
	return NULL;
}

static void words_marked(strbuf *out, const char *a, const char *b)
{
	size_t n;
	diff_word *w = diff_words(a, b, &n);
	for (size_t i = 0; i < n; i++) {
		sb_adds(out, w[i].op == DIFF_DEL ? "[-" : w[i].op == DIFF_ADD ? "{+" : "");
		sb_adds(out, w[i].text);
		sb_adds(out, w[i].op == DIFF_DEL ? "-]" : w[i].op == DIFF_ADD ? "+}" : "");
	}
	diff_words_free(&w, n);
}

void review_notes_text(const app *a, const char *key, strbuf *out)
{
	if (!review_notes_count(key))
		return;
	char date[32];
	bool first = true;
	for (size_t k = 0; k < notes.r.sum.nthreads; k++) {
		const review_thread *t = &notes.r.sum.threads[k];
		if (t->resolved || !t->root->field || strcmp(t->root->field, key))
			continue;
		date_of(t->root->time, date);
		sb_printf(out, "%s %s, %s%s%s%s:\n", _("Comment by"), t->root->author ? t->root->author : "?", date,
		          t->outdated ? " (" : "", t->outdated ? _("outdated: the field changed since") : "", t->outdated ? ")" : "");
		sb_printf(out, "%s\n", t->root->text ? t->root->text : "");
		for (size_t j = 0; j < t->nreplies; j++)
			sb_printf(out, "  > %s: %s\n", t->replies[j]->author ? t->replies[j]->author : "?",
			          t->replies[j]->text ? t->replies[j]->text : "");
		if (first)
			sb_printf(out, "%s\n", _("Alt-c: reply, Alt-d: resolve (the first open comment)"));
		first = false;
	}
	first = true;
	for (size_t k = 0; k < notes.r.sum.nsuggs; k++) {
		const review_sugg *g = &notes.r.sum.suggs[k];
		if (g->status != SUGG_OPEN || !g->rec->field || strcmp(g->rec->field, key))
			continue;
		sb_printf(out, _("Suggestion by %s, open:"), g->rec->author ? g->rec->author : "?");
		sb_addc(out, '\n');
		char *cur = review_field_text(a->form.d, key, g->rec->item);
		words_marked(out, cur, g->rec->text ? g->rec->text : "");
		free(cur);
		sb_addc(out, '\n');
		if (first)
			sb_printf(out, "%s\n", _("Alt-a: accept, Alt-x: reject (the first open suggestion)"));
		first = false;
	}
	sb_addc(out, '\n');
}

/* Opens a question over the form (reply, reject) answering target. */
static void form_question(app *a, rprompt p, const review_rec *target)
{
	review_screen *v = xcalloc(1, sizeof *v);
	v->s = persist_store_current();
	v->slug = xstrdup(notes.slug);
	char *name = NULL;
	store_author(v->s, &name, &v->me);
	free(name);
	tb_init(&v->tb);
	v->tb.single_line = true;
	v->over_form = true;
	v->prompt = p;
	a->review = v;
	/* The record answered, in a review of its own (notes may reload). */
	if (store_review_load(v->s, v->slug, a->lang, &v->r) != STORE_OK || !v->r.nversions) {
		app_status(a, true, "%s", store_error(v->s));
		review_close(a);
		return;
	}
	v->loaded = true;
	v->target = review_find(v->r.recs, v->r.n, target->id, NULL);
	if (!v->target)
		review_close(a);
}

bool review_form_key(app *a, action act)
{
	if (act != A_REPLY && act != A_RESOLVE && act != A_ACCEPT && act != A_REJECT)
		return false;
	const std_field *f = &a->std->fields[a->form.field];
	a->dirty = true;
	if (!notes.loaded) {
		app_status(a, true, "%s", _("no comments here: the review works in a drafts repository"));
		return true;
	}
	const review_thread *t = first_thread(f->key);
	const review_sugg *g = first_sugg(f->key);
	if ((act == A_REPLY || act == A_RESOLVE) && !t) {
		app_status(a, true, "%s", _("this field has no open comment"));
		return true;
	}
	if ((act == A_ACCEPT || act == A_REJECT) && !g) {
		app_status(a, true, "%s", _("this field has no open suggestion"));
		return true;
	}
	if (act == A_REPLY) {
		form_question(a, RP_REPLY, t->root);
		return true;
	}
	if (act == A_REJECT) {
		form_question(a, RP_REJECT, g->rec);
		return true;
	}
	if (act == A_ACCEPT && a->form.modified) {
		app_status(a, true, "%s", _("save your changes first (Ctrl-S), then accept the suggestion"));
		return true;
	}
	/* Resolve and accept need no words: written at once. */
	form_question(a, RP_NONE, act == A_RESOLVE ? t->root : g->rec);
	review_screen *v = a->review;
	if (!v)
		return true;
	char *path = xstrdup(a->form.path);
	size_t field = a->form.field;
	if (act == A_RESOLVE) {
		add_record_ex(a, RK_RESOLVE, v->target->field, NULL, v->target, NULL);
	} else {
		description *d = NULL;
		if (store_load(v->s, v->slug, &d, NULL) != STORE_OK) {
			app_status(a, true, "%s", store_error(v->s));
		} else if (review_apply(d, v->target->field, v->target->item, v->target->text ? v->target->text : "") < 0) {
			app_status(a, true, "%s", _("the item is not there any more; the suggestion cannot be applied"));
		} else if (add_record_ex(a, RK_ACCEPT, v->target->field, NULL, v->target, d) == 0) {
			/* The form shows the saved text, with the suggestion in it. */
			char *status = a->status ? xstrdup(a->status) : NULL;
			review_close(a);
			app_close_form(a);
			if (app_open(a, path, NULL) == 0) {
				a->in_list = false;
				form_go_field(a, field);
				if (status)
					app_status(a, false, "%s", status);
			}
			free(status);
		}
		desc_free(&d);
	}
	review_close(a);
	free(path);
	return true;
}

/* ---- plain mode: the same review as text and line prompts ---- */

static char *plain_line(FILE *in)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, in);
	if (n < 0) {
		free(line);
		return NULL;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return line;
}

static void plain_put(FILE *out, const char *s)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	sb_add_escaped(&b, s, strlen(s), ESC_MULTILINE);
	fputs(b.s, out);
	sb_done(&b);
}

static void plain_show(app *a, FILE *out)
{
	review_screen *v = a->review;
	const store_review *r = &v->r;
	char *head = xasprintf("\n== %s: %s: %s%s%s\n%s %s\n", _("Review"), v->slug, review_state_label(&r->sum),
	                       r->sum.note != NOTE_NONE ? ", " : "", r->sum.note != NOTE_NONE ? review_note_name(r->sum.note) : "",
	                       _("Changes"), v->why ? v->why : "");
	plain_put(out, head);
	free(head);
	if (v->by_commit && v->commit < r->nversions) {
		char date[32];
		date_of(r->versions[v->commit].time, date);
		char *m = xasprintf(_("Version %zu of %zu: %.7s, %s, %s"), v->base - v->commit, v->base, r->versions[v->commit].commit,
		                    r->versions[v->commit].author ? r->versions[v->commit].author : "?", date);
		plain_put(out, m);
		fputc('\n', out);
		free(m);
	}
	lay_out(a, 78);
	for (size_t i = 0; i < v->nlines; i++) {
		char *l = xstrndup(v->lines[i].s, v->lines[i].n);
		plain_put(out, l);
		fputc('\n', out);
		free(l);
	}
}

int tui_review_plain(const standard *std, const char *slug, const char *since, FILE *in, FILE *out)
{
	app a;
	app_init(&a, std);
	if (review_open(&a, persist_store_current(), slug, since) < 0) {
		fprintf(stderr, "algedit: %s\n", a.status ? a.status : "");
		app_done(&a);
		return 1;
	}
	plain_show(&a, out);
	while (a.review && !a.quit) {
		fprintf(out, "%s ", _("n next field, p previous, v together/by version, [ and ] previous/next version, c comment, s suggest, m mark reviewed, a approve, r request changes, q quit:"));
		fflush(out);
		free(a.status);
		a.status = NULL;
		char *line = plain_line(in);
		if (!line)
			break;
		action act = !strcmp(line, "n") || !*line ? A_NEXT_FIELD : !strcmp(line, "p") ? A_PREV_FIELD
		           : !strcmp(line, "v") ? A_REV_MODE : !strcmp(line, "]") ? A_REV_NEXT_COMMIT
		           : !strcmp(line, "[") ? A_REV_PREV_COMMIT : !strcmp(line, "c") ? A_COMMENT
		           : !strcmp(line, "s") ? A_SUGGEST : !strcmp(line, "m") ? A_REV_MARK
		           : !strcmp(line, "a") ? A_APPROVE : !strcmp(line, "r") ? A_CHANGES
		           : !strcmp(line, "q") ? A_QUIT : A_NONE;
		free(line);
		if (act == A_NONE) {
			fprintf(out, "%s\n", _("Type one of the letters above, then Enter."));
			continue;
		}
		tui_event ev = { EV_KEY, 0, 0, NULL, 0 };
		review_handle(&a, &ev, act);
		review_screen *v = a.review;
		if (v && v->prompt != RP_NONE) {
			if (v->prompt == RP_SUGGEST) {
				fprintf(out, "%s\n", _("The text now (suggest a new one on one line; an empty line cancels):"));
				plain_put(out, tb_text(&v->tb));
				fputc('\n', out);
			}
			fprintf(out, "%s ", v->prompt == RP_COMMENT ? _("Comment:") : v->prompt == RP_SUGGEST ? _("Suggested text:")
			                                            : _("Which changes are needed?"));
			fflush(out);
			char *t = plain_line(in);
			if (!t || !*t) {
				v->prompt = RP_NONE;
			} else {
				tb_set(&v->tb, t, strlen(t));
				finish_prompt(&a);
				v->prompt = RP_NONE;
			}
			free(t);
		}
		if (a.status) {
			plain_put(out, a.status);
			fputc('\n', out);
		}
		if (a.review && !a.quit && (act != A_REV_MARK && act != A_APPROVE))
			plain_show(&a, out);
	}
	app_done(&a);
	return 0;
}
