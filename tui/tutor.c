/* tutor: the lessons of `algedit tutor` (forms/lessons.h) in a sandbox
 * repository: each lesson is a description algoritmes/les-N-ID.yaml there,
 * made from the worked example when the lesson is first opened (with the
 * reviewer's comment planted for the review lesson), so a lesson resumes
 * where it was left. Progress (the lesson and those done) is kept in the
 * progress file. Two faces: the full screen, a view over the form with the
 * lesson in the guidance pane, and --plain, the same lessons as line
 * prompts. The user's own repository is never opened here. */
#include "config.h"
#include "tui/tutor.h"
#include "tui/tui.h"
#include "tui/plain.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/persist.h"
#include "tui/quality_ui.h"
#include "forms/quality.h"
#include "forms/lessons.h"
#include "forms/review.h"
#include "forms/rules.h"
#include "store/store.h"
#include "base/base.h"
#include "base/escape.h"
#include "i18n/i18n.h"

#include <curses.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A formatted string for one print call: one of four buffers, used in
 * turn, each as long as any lesson line needs. */
static const char *tmpf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static const char *tmpf(const char *fmt, ...)
{
	static char buf[4][2048];
	static int next;
	char *b = buf[next++ % 4];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(b, sizeof buf[0], fmt, ap);
	va_end(ap);
	return b;
}

/* ---- the session: sandbox, lessons, progress ---- */

typedef struct tutor {
	const standard *std;
	store *s;
	lessons *ls;
	const char *progress;
	size_t cur;
	bool *done;
	int lang;
} tutor;

static char *lesson_slug(const tutor *t, size_t i)
{
	return xasprintf("les-%zu-%s", i + 1, t->ls->v[i].id);
}

static void progress_load(tutor *t)
{
	char *data = NULL;
	size_t len = 0;
	if (read_file(t->progress, 64 * 1024, &data, &len) < 0)
		return;
	for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strncmp(line, "lesson: ", 8)) {
			long n = strtol(line + 8, NULL, 10);
			if (n >= 1 && (size_t)n <= t->ls->n)
				t->cur = (size_t)n - 1;
		} else if (!strncmp(line, "done: ", 6)) {
			for (char *w = line + 6; *w;) {
				size_t n = strcspn(w, " ");
				for (size_t i = 0; i < t->ls->n; i++)
					if (strlen(t->ls->v[i].id) == n && !strncmp(w, t->ls->v[i].id, n))
						t->done[i] = true;
				w += n;
				w += strspn(w, " ");
			}
		}
	}
	free(data);
}

static bool progress_save(const tutor *t)
{
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "# algedit tutor: where you are (algedit tutor --reset starts over)\nlesson: %zu\ndone:", t->cur + 1);
	for (size_t i = 0; i < t->ls->n; i++)
		if (t->done[i])
			sb_printf(&b, " %s", t->ls->v[i].id);
	sb_addc(&b, '\n');
	int r = write_file_private(t->progress, b.s, b.len);
	sb_done(&b);
	return r == 0;
}

/* The sandbox's own author, so nothing asks for a name and the user's git
 * identity is not written into lesson files: user.name in the sandbox's
 * repository configuration, read before the global one. */
static void sandbox_identity(const char *dir)
{
	char *cfg = xasprintf("%s/.git/config", dir);
	char *data = NULL;
	size_t len = 0;
	if (read_file(cfg, 1024 * 1024, &data, &len) == 0 && !strstr(data, "\n[user]")) {
		FILE *f = fopen(cfg, "a");
		if (f) {
			fprintf(f, "[user]\n\tname = %s\n\temail = %s\n", _("Learner"), "learner@tutor.invalid");
			fclose(f);
		}
	}
	free(data);
	free(cfg);
}

/* The comment planted for lesson i, and whether it has a reply (*last: the
 * text of the latest, when asked). */
static const review_rec *find_comment_reply(const store_review *r, bool *replied, const char **last)
{
	const review_rec *c = NULL;
	*replied = false;
	if (last)
		*last = NULL;
	for (size_t i = 0; i < r->n; i++)
		if (r->recs[i].kind == RK_COMMENT && !r->recs[i].problem && !c)
			c = &r->recs[i];
	for (size_t i = 0; c && i < r->n; i++)
		if (r->recs[i].kind == RK_REPLY && r->recs[i].ref && !strcmp(r->recs[i].ref, c->id) &&
		    r->recs[i].text && *r->recs[i].text) {
			*replied = true;
			if (last)
				*last = r->recs[i].text;
		}
	return c;
}

static const review_rec *find_comment(const store_review *r, bool *replied)
{
	return find_comment_reply(r, replied, NULL);
}

/* Whether the planted comment has a reply; *text: the latest (caller frees). */
static bool has_reply(tutor *t, size_t i, char **text)
{
	char *slug = lesson_slug(t, i);
	store_review r;
	memset(&r, 0, sizeof r);
	bool replied = false;
	const char *last = NULL;
	if (store_review_load(t->s, slug, t->lang, &r) == STORE_OK)
		find_comment_reply(&r, &replied, &last);
	*text = last ? xstrdup(last) : NULL;
	store_review_done(&r);
	free(slug);
	return replied;
}

/* Adds the learner's reply to the planted comment; NULL or the reason. */
static char *add_reply(tutor *t, size_t i, const char *text)
{
	char *slug = lesson_slug(t, i), *err = NULL;
	store_review r;
	memset(&r, 0, sizeof r);
	bool replied;
	const review_rec *c = NULL;
	if (store_review_load(t->s, slug, t->lang, &r) == STORE_OK && r.nversions)
		c = find_comment(&r, &replied);
	if (!c) {
		err = xstrdup(_("the reviewer's comment is not there; algedit tutor --reset starts the lessons again"));
	} else {
		review_rec rec;
		memset(&rec, 0, sizeof rec);
		rec.kind = RK_REPLY;
		rec.slug = xstrdup(slug);
		rec.field = c->field ? xstrdup(c->field) : NULL;
		rec.version = xstrdup(r.versions[0].commit);
		rec.ref = xstrdup(c->id);
		rec.text = xstrdup(text);
		const std_field *f = c->field ? standard_field(t->std, c->field) : NULL;
		char *msg = xasprintf(_("Reply on %s: %s"), f ? f->label[t->lang] : "", slug);
		if (store_review_add(t->s, &rec, NULL, msg, NULL) != STORE_OK)
			err = xstrdup(store_error(t->s));
		free(msg);
		review_rec_done(&rec);
	}
	store_review_done(&r);
	free(slug);
	return err;
}

/* Lesson i's description: from the sandbox, or made from the example and
 * saved there (with the reviewer's comment) the first time. */
static description *lesson_open(tutor *t, size_t i, char **err)
{
	const lesson *l = &t->ls->v[i];
	char *slug = lesson_slug(t, i);
	description *d = NULL;
	*err = NULL;
	if (store_exists(t->s, slug)) {
		if (store_load(t->s, slug, &d, NULL) != STORE_OK)
			*err = xstrdup(store_error(t->s));
		free(slug);
		return d;
	}
	d = lesson_start(t->ls, l, err);
	store_saved info;
	memset(&info, 0, sizeof info);
	if (d && store_save(t->s, slug, d, &info) != STORE_OK) {
		*err = xstrdup(store_error(t->s));
		desc_free(&d);
	}
	if (d && l->comment) {
		review_rec rec;
		memset(&rec, 0, sizeof rec);
		rec.kind = RK_COMMENT;
		rec.slug = xstrdup(slug);
		rec.field = xstrdup(l->fields[0]->key);
		rec.version = xstrdup(info.commit);
		rec.text = xstrdup(l->comment);
		rec.quote = review_field_text(d, l->fields[0]->key, 0);
		rec.author = xstrdup(_("Reviewer"));
		rec.email = xstrdup("reviewer@tutor.invalid");
		char *msg = xasprintf(_("Comment on %s: %s"), l->fields[0]->label[t->lang], slug);
		if (store_review_add(t->s, &rec, NULL, msg, NULL) != STORE_OK) {
			*err = xstrdup(store_error(t->s));
			desc_free(&d);
		}
		free(msg);
		review_rec_done(&rec);
	}
	store_saved_done(&info);
	free(slug);
	return d;
}

static size_t spell_count(void *ctx, const std_field *f, const char *text, size_t len)
{
	(void)ctx;
	if (!tui_spell_check)
		return 0;
	spell_mark *m = NULL;
	size_t n = tui_spell_check(tui_spell_ctx, f, text, len, &m);
	free(m);
	return n;
}

/* Checks lesson i on d; out gets what blocks it. Marks it done. */
static bool lesson_check_now(tutor *t, size_t i, const description *d, findings *out)
{
	const lesson *l = &t->ls->v[i];
	char *reply = NULL;
	lesson_env env = { spell_count, NULL, l->check.reply && has_reply(t, i, &reply), NULL };
	env.reply = reply;
	if (l->check.spelling)
		spell_ui_wait_ready();
	bool ok = lesson_check_run(l, d, &env, out);
	free(reply);
	if (ok && !t->done[i]) {
		t->done[i] = true;
		progress_save(t);
	}
	return ok;
}

static size_t count_done(const tutor *t)
{
	size_t n = 0;
	for (size_t i = 0; i < t->ls->n; i++)
		n += t->done[i];
	return n;
}

static const char *section_label(const tutor *t, const lesson *l)
{
	for (size_t i = 0; i < t->std->nsections; i++)
		if (!strcmp(t->std->sections[i].key, l->section))
			return t->std->sections[i].label[t->lang];
	return _("Review");
}

/* ---- --plain: the lessons as line prompts ---- */

typedef struct plain_io {
	FILE *in, *out;
	bool eof;
} plain_io;

static char *ask(plain_io *p, const char *prompt)
{
	fputs(prompt, p->out);
	fflush(p->out);
	return plain_read_line(p->in, p->out, &p->eof);
}

enum { ANSWER_OK, ANSWER_QUIT };

/* Asks the value of f; '?' shows the hint and asks again, 'q' stops. */
static int ask_value(plain_io *p, tutor *t, const lesson *l, description *d, const std_field *f)
{
	fprintf(p->out, "\n%s\n", esc_line(f->label[t->lang]));
	const char *now = desc_text(d, f);
	if (now && *now)
		fprintf(p->out, "%s\n%s\n", _("Now:"), esc_text(now));
	else
		fprintf(p->out, "%s\n", _("Now: (empty)"));
	for (;;) {
		char *line = NULL;
		if (f->kind == FK_CHOICE) {
			for (size_t i = 0; i < f->nvalues; i++)
				fprintf(p->out, "  %zu) %s\n", i + 1, esc_line(f->values[i]));
			line = ask(p, _("Number of your choice (? hint, Enter keeps, q stops): "));
		} else if (f->kind == FK_RICH) {
			line = ask(p, _("Type the new text; a line with only a dot ends it (? hint, Enter keeps, q stops):\n"));
		} else {
			line = ask(p, _("New value (? hint, Enter keeps, q stops): "));
		}
		if (!line || !strcmp(line, "q")) {
			free(line);
			return ANSWER_QUIT;
		}
		if (!strcmp(line, "?")) {
			fprintf(p->out, "%s %s\n", _("Hint:"), esc_text(l->hint));
			free(line);
			continue;
		}
		if (!*line) {
			free(line);
			return ANSWER_OK;
		}
		if (f->kind == FK_CHOICE) {
			char *end = NULL;
			long n = strtol(line, &end, 10);
			if (*end || n < 1 || (size_t)n > f->nvalues) {
				fprintf(p->out, "%s\n", _("Type one of the numbers shown before the values."));
				free(line);
				continue;
			}
			desc_set_text(d, f, f->values[n - 1]);
		} else if (f->kind == FK_RICH) {
			char *text = plain_read_block(p->in, p->out, &p->eof, line);
			line = NULL;
			desc_set_text(d, f, text);
			free(text);
		} else {
			desc_set_text(d, f, line);
		}
		free(line);
		return ANSWER_OK;
	}
}

static void show_blocking(plain_io *p, const findings *fs)
{
	fprintf(p->out, "%s\n", _("Not done yet:"));
	for (size_t i = 0; i < fs->n; i++)
		fprintf(p->out, "  - %s%s%s\n", fs->v[i].sev == SEV_WARNING ? severity_label(SEV_WARNING) : "",
		        fs->v[i].sev == SEV_WARNING ? ": " : "", esc_line(fs->v[i].msg));
}

static int plain_run(tutor *t, FILE *in, FILE *out)
{
	plain_io p = { in, out, false };
	spell_ui_start(NULL);
	int rc = 0;
	while (t->cur < t->ls->n) {
		size_t i = t->cur;
		const lesson *l = &t->ls->v[i];
		char *err = NULL;
		description *d = lesson_open(t, i, &err);
		if (!d) {
			fprintf(stderr, "algedit tutor: %s\n", esc_line(err));
			free(err);
			rc = 2;
			break;
		}
		fprintf(out, "\n== %s ==\n", esc_line(tmpf(_("Lesson %zu of %zu: %s"), i + 1, t->ls->n, l->title)));
		fprintf(out, "%s: %s%s\n", _("Section"), esc_line(section_label(t, l)), t->done[i] ? _(" (done before)") : "");
		{
			completeness c;
			completeness_compute(d, &c);
			char chip[64];
			fprintf(out, "%s (%s)\n", quality_ui_label(c.score, chip, sizeof chip), _("the register's score of the example"));
		}
		fprintf(out, "\n%s\n%s\n", _("Why this matters to a citizen reading the register:"), esc_text(l->why));
		fprintf(out, "\n%s\n%s\n", _("Your task:"), esc_text(l->task));
		if (l->comment)
			fprintf(out, "\n%s\n  \"%s\"\n", esc_line(tmpf(_("The reviewer's comment on %s:"), l->fields[0]->label[t->lang])),
			        esc_text(l->comment));
		bool quit = false, ok = false;
		while (!quit && !ok) {
			if (l->check.reply) {
				for (;;) {
					char *line = ask(&p, _("\nYour reply to the reviewer (? hint, q stops): "));
					if (!line || !strcmp(line, "q")) {
						quit = true;
					} else if (!strcmp(line, "?")) {
						fprintf(out, "%s %s\n", _("Hint:"), esc_text(l->hint));
						free(line);
						continue;
					} else if (*line) {
						char *why = add_reply(t, i, line);
						if (why) {
							fprintf(out, "%s\n", esc_line(why));
							free(why);
						}
					}
					free(line);
					break;
				}
			} else {
				for (size_t k = 0; k < l->nfields && !quit; k++)
					quit = ask_value(&p, t, l, d, l->fields[k]) == ANSWER_QUIT;
			}
			if (store_save(t->s, tmpf("les-%zu-%s", i + 1, l->id), d, NULL) > STORE_UNCHANGED)
				fprintf(out, "%s\n", esc_line(store_error(t->s)));
			if (quit)
				break;
			findings fs;
			findings_init(&fs);
			ok = lesson_check_now(t, i, d, &fs);
			if (ok)
				fprintf(out, "\n%s\n", _("Done: the rules find nothing more to do in this lesson."));
			else
				show_blocking(&p, &fs);
			findings_done(&fs);
		}
		desc_free(&d);
		if (quit) {
			fprintf(out, "%s\n", _("Stopped. Your progress is kept: algedit tutor --plain goes on from here."));
			progress_save(t);
			break;
		}
		t->cur++;
		progress_save(t);
	}
	if (t->cur >= t->ls->n) {
		fprintf(out, "\n%s\n", tmpf(_("All lessons done (%zu of %zu). algedit tutor --reset starts over."),
		                                      count_done(t), t->ls->n));
		t->cur = t->ls->n - 1;
		progress_save(t);
	}
	spell_ui_stop();
	return rc;
}

/* ---- the full screen: the form, with the lesson in the guidance pane ---- */

struct tutor_ui {
	tutor *t;
	const char *dir;
	bool hint;                /* the hint is shown */
	bool checked, ok;         /* checked since the lesson opened, and the result */
	findings blocking;        /* what still blocks it, as of the last check */
	bool replying;            /* typing the reply to the reviewer */
	textbuf reply;
	char *shown;              /* the lesson text in the pane now */
};

static char *key_names(action id)
{
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < nkeys; i++)
		if (keys[i].id == id && (keys[i].ctx & CX_TUTOR)) {
			char buf[32];
			sb_printf(&b, "%s%s", b.len ? "/" : "", keyname_of(keys[i].key, buf));
		}
	return sb_take(&b);
}

/* "Lesson 1 of 5 (open) · Completeness 88%": the pane's heading, with
 * the register's score of the example as the lesson leaves it. */
static const char *lesson_heading(const app *a)
{
	const struct tutor_ui *u = a->tutor;
	const tutor *t = u->t;
	bool done = u->checked ? u->ok : t->done[t->cur];
	int score = quality_ui_score(a);
	char chip[64] = "";
	if (score >= 0)
		quality_ui_label(score, chip, sizeof chip);
	static char buf[256];
	snprintf(buf, sizeof buf, "%s%s%s", tmpf(_("Lesson %zu of %zu (%s)"), t->cur + 1, t->ls->n, done ? _("done") : _("open")),
	         *chip ? " · " : "", chip);
	return buf;
}

/* The lesson as the pane shows it: state, task, the reviewer's comment,
 * the hint when asked, what blocks it, why it matters. */
static char *lesson_text(const app *a)
{
	const struct tutor_ui *u = a->tutor;
	const tutor *t = u->t;
	const lesson *l = &t->ls->v[t->cur];
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "%s\n%s %s\n", l->title, _("Task:"), l->task);
	char *ck = key_names(A_TUTOR_CHECK), *hk = key_names(A_TUTOR_HINT), *nk = key_names(A_TUTOR_NEXT);
	if (l->comment) {
		char *rk = key_names(A_TUTOR_REPLY);
		sb_printf(&b, "%s \"%s\" ", tmpf(_("The reviewer's comment on %s:"), l->fields[0]->label[t->lang]), l->comment);
		sb_printf(&b, _("(%s: reply)"), rk);
		sb_addc(&b, '\n');
		free(rk);
	}
	if (u->hint)
		sb_printf(&b, "%s %s\n", _("Hint:"), l->hint);
	if (u->checked && !u->ok) {
		sb_printf(&b, "%s\n", _("Not done yet:"));
		for (size_t i = 0; i < u->blocking.n; i++)
			sb_printf(&b, "%s %s\n", a->utf8 ? "•" : "-", u->blocking.v[i].msg);
	} else if (u->checked && t->cur + 1 < t->ls->n) {
		sb_printf(&b, _("Done: the rules find nothing more to do in this lesson. %s goes to the next lesson."), nk);
		sb_addc(&b, '\n');
	} else if (u->checked) {
		sb_printf(&b, _("Done: that was the last lesson; %zu of %zu are done. algedit tutor --reset starts over."),
		          count_done(t), t->ls->n);
		sb_addc(&b, '\n');
	}
	sb_printf(&b, "%s %s\n", _("Why this matters to a citizen reading the register:"), l->why);
	if (l->check.reply) {
		char *rk = key_names(A_TUTOR_REPLY);
		sb_printf(&b, _("Keys: %s reply, %s check, %s hint, %s next lesson."), rk, ck, hk, nk);
		free(rk);
	} else {
		sb_printf(&b, _("Keys: %s check, %s hint, %s next lesson."), ck, hk, nk);
	}
	free(ck);
	free(hk);
	free(nk);
	return sb_take(&b);
}

/* Puts the lesson where the form shows the field's guidance: the form
 * builds its guidance only when the field changes, so marking the pane as
 * the current field's keeps the lesson there. */
static void show_lesson(app *a)
{
	struct tutor_ui *u = a->tutor;
	char *text = lesson_text(a);
	if (!u->shown || strcmp(text, u->shown)) {
		tb_set(&a->form.guide, text, strlen(text));
		a->form.guide_top = 0;
		free(u->shown);
		u->shown = text;
	} else {
		free(text);
	}
	a->form.guide_field = &a->std->fields[a->form.field];
	a->form.guide_lang = a->lang;
	a->dirty = true;
}

static int open_lesson(app *a, size_t i)
{
	struct tutor_ui *u = a->tutor;
	tutor *t = u->t;
	char *err = NULL;
	description *d = lesson_open(t, i, &err);
	if (!d) {
		app_status(a, true, "%s", err ? err : "");
		free(err);
		return -1;
	}
	desc_free(&d);
	if (a->form.d) {
		if (a->form.modified)
			form_save(a);
		app_close_form(a);
	}
	t->cur = i;
	progress_save(t);
	u->hint = u->checked = u->ok = false;
	u->replying = false;
	findings_done(&u->blocking);
	findings_init(&u->blocking);
	char *slug = lesson_slug(t, i);
	char *path = xasprintf("%s/algoritmes/%s.yaml", u->dir, slug);
	free(slug);
	int r = app_open(a, path, NULL);
	free(path);
	if (r < 0 || !a->form.d)
		return -1;
	form_go_field(a, t->ls->v[i].fields[0]->index);
	app_status(a, false, _("Lesson %zu of %zu: %s"), i + 1, t->ls->n, t->ls->v[i].title);
	show_lesson(a);
	return 0;
}

static void check_now(app *a)
{
	struct tutor_ui *u = a->tutor;
	if (a->form.modified && !form_save(a))
		return;
	findings_done(&u->blocking);
	findings_init(&u->blocking);
	u->checked = true;
	u->ok = lesson_check_now(u->t, u->t->cur, a->form.d, &u->blocking);
	if (u->ok)
		app_status(a, false, "%s", _("Done: the rules find nothing more to do in this lesson."));
	else
		app_status(a, true, P_("Not done yet: %zu thing to do; the lesson pane says what.",
		                       "Not done yet: %zu things to do; the lesson pane says what.", u->blocking.n),
		           u->blocking.n);
}

static void reply_status(app *a)
{
	app_status(a, false, "%s %s_  (%s)", _("Your reply:"), tb_text(&a->tutor->reply), _("Enter sends, Esc cancels"));
}

static void tutor_handle(app *a, const tui_event *ev, action act)
{
	struct tutor_ui *u = a->tutor;
	tutor *t = u->t;
	if (u->replying) {
		if (ev->kind == EV_CHAR) {
			char buf[4];
			tb_insert(&u->reply, buf, app_utf8_encode(ev->ch, buf), true);
		} else if (ev->kind == EV_PASTE) {
			tb_insert(&u->reply, ev->text, ev->len, false);
		} else if (ev->kind == EV_KEY && (ev->key == 27 || ev->key == TK_CTRL('c'))) {
			u->replying = false;
			app_status(a, false, "%s", _("No reply sent."));
			return;
		} else if (ev->kind == EV_KEY && (ev->key == KEY_BACKSPACE || ev->key == 127 || ev->key == 8)) {
			tb_backspace(&u->reply);
		} else if (ev->kind == EV_KEY && (ev->key == '\r' || ev->key == '\n' || ev->key == KEY_ENTER)) {
			u->replying = false;
			char *text = text_one_line(tb_text(&u->reply));
			if (!*text) {
				app_status(a, false, "%s", _("No reply sent."));
			} else {
				char *err = add_reply(t, t->cur, text);
				if (err)
					app_status(a, true, "%s", err);
				else
					check_now(a);
				free(err);
			}
			free(text);
			show_lesson(a);
			return;
		}
		reply_status(a);
		return;
	}
	switch (act) {
	case A_TUTOR_CHECK:
		check_now(a);
		break;
	case A_TUTOR_HINT:
		u->hint = !u->hint;
		break;
	case A_TUTOR_NEXT:
		if (t->cur + 1 < t->ls->n)
			open_lesson(a, t->cur + 1);
		else
			app_status(a, false, _("This is the last lesson; %zu of %zu are done."), count_done(t), t->ls->n);
		break;
	case A_TUTOR_PREV:
		if (t->cur > 0)
			open_lesson(a, t->cur - 1);
		else
			app_status(a, false, "%s", _("This is the first lesson."));
		break;
	case A_TUTOR_REPLY:
		if (!t->ls->v[t->cur].comment) {
			app_status(a, false, "%s", _("This lesson has no reviewer's comment to reply to."));
			break;
		}
		u->replying = true;
		tb_set(&u->reply, "", 0);
		reply_status(a);
		break;
	case A_QUIT:
		/* Nothing to ask: the sandbox keeps every lesson as it was left. */
		if (a->form.modified)
			form_save(a);
		progress_save(t);
		a->quit = true;
		break;
	default:
		form_view.handle(a, ev, act);
		break;
	}
	if (a->form.d)
		show_lesson(a);
}

/* The form, with the pane's heading saying it holds the lesson. */
static void tutor_draw(const app *a, int *cy, int *cx)
{
	form_draw(a, cy, cx);
	const layout *l = &a->lay;
	int y, x, w, h;
	if (l->guide_shown && l->guide_right_fits) {
		y = l->body_top, x = l->guide_x, w = l->guide_w, h = l->body_h;
	} else if (a->form.geom.guide_below && a->form.geom.gh >= 3) {
		y = a->form.geom.gy + 1, x = a->form.geom.x, w = a->form.geom.w, h = a->form.geom.gh - 1;
	} else {
		return;
	}
	if (w < 1)
		return;
	size_t total;
	tb_layout((textbuf *)&a->form.guide, w, &total);
	size_t rows = h > 1 ? (size_t)(h - 1) : 0;
	bool more = total > a->form.guide_top + rows, back = a->form.guide_top > 0;
	fill(y, x, w, 0);
	int hx = puts_at(a, y, x, w, lesson_heading(a), A_BOLD | A_UNDERLINE);
	const char *tail = more ? (back ? _(" (more: Alt-PgDn, back: Alt-PgUp)") : _(" (more: Alt-PgDn)"))
	                        : back ? _(" (back: Alt-PgUp)") : NULL;
	if (tail)
		puts_at(a, y, x + hx, w - hx, tail, A_DIM);
}

const view tutor_view = { app_context, tutor_handle, tutor_draw };

static int screen_run(tutor *t, const char *dir)
{
	app a;
	app_init(&a, t->std);
	struct tutor_ui u;
	memset(&u, 0, sizeof u);
	u.t = t;
	u.dir = dir;
	findings_init(&u.blocking);
	tb_init(&u.reply);
	u.reply.single_line = true;
	a.tutor = &u;
	spell_ui_start(dir);
	int rc = 0;
	if (open_lesson(&a, t->cur) < 0) {
		fprintf(stderr, "algedit tutor: %s\n", esc_line(a.status));
		rc = 2;
	} else {
		rc = app_run_screen(&a);
		if (a.form.d && a.form.modified)
			app_journal_tick(&a, app_now_ms(), true);
		progress_save(t);
	}
	a.tutor = NULL;
	app_done(&a);
	spell_ui_stop();
	findings_done(&u.blocking);
	tb_done(&u.reply);
	free(u.shown);
	return rc;
}

/* ---- the entry point ---- */

int tui_tutor(const standard *std, const tutor_opts *o)
{
	tutor t;
	memset(&t, 0, sizeof t);
	t.std = std;
	t.progress = o->progress;
	t.lang = i18n_lang() == LANG_EN ? LANG_EN : LANG_NL;
	char *err = NULL;
	t.ls = lessons_load(std, t.lang, &err);
	if (!t.ls) {
		fprintf(stderr, "algedit tutor: %s\n", esc_line(err));
		free(err);
		return 2;
	}
	t.done = xcalloc(t.ls->n, sizeof *t.done);
	progress_load(&t);
	if (o->lesson) {
		if (o->lesson > t.ls->n) {
			fprintf(stderr, _("algedit tutor: there is no lesson %zu; there are %zu\n"), o->lesson, t.ls->n);
			free(t.done);
			lessons_free(&t.ls);
			return 2;
		}
		t.cur = o->lesson - 1;
	}
	int rc = 2;
	if (store_open(std, o->sandbox, &t.s, &err) != STORE_OK) {
		fprintf(stderr, "algedit tutor: %s\n", esc_line(err));
		free(err);
	} else {
		sandbox_identity(o->sandbox);
		persist_use_store(t.s);
		rc = o->plain ? plain_run(&t, o->in, o->out) : screen_run(&t, o->sandbox);
		persist_use_store(NULL);
		store_free(&t.s);
	}
	free(t.done);
	lessons_free(&t.ls);
	return rc;
}
