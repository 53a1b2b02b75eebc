/* quality_ui: completeness, plain-Dutch advice and the link check in the
 * editor (see quality_ui.h). The logic is forms/quality's, the network
 * register/links'; this file only shows it. */
#include "config.h"
#include "tui/quality_ui.h"
#include "tui/draw.h"
#include "forms/quality.h"
#include "register/links.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <curses.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Colour pairs of their own, after the ones draw.c sets. */
enum { PQ_LOW = 40, PQ_MIDDLE, PQ_HIGH };

static plain_words words;
static bool words_loaded;
static int form_score = -1;

/* The link check: one at a time, on a thread of its own. */
static struct {
	pthread_t th;
	pthread_mutex_t mu;
	bool running, done;
	const description *d;     /* the form's description it was for */
	desc_link *l;
	link_result *r;
	size_t n;
	findings fs;              /* its findings, shown until the form closes */
	bool have;
} lk = { .mu = PTHREAD_MUTEX_INITIALIZER };

const char *quality_ui_label(int score, char *buf, size_t n)
{
	snprintf(buf, n, _("Completeness %d%%"), score);
	return buf;
}

static const plain_words *load_words(const app *a)
{
	if (!words_loaded) {
		words_loaded = true;
		plain_words_init(&words);
		char *dir = a->list.repo ? xasprintf("%s/.algedit", a->list.repo) : NULL;
		char *err = NULL;
		if (!plain_words_load_all(&words, dir, &err))
			free(err); /* the pairs read are used; check names the problem */
		free(dir);
	}
	return &words;
}

int quality_ui_score_of(const description *d)
{
	completeness c;
	completeness_compute(d, &c);
	return c.score;
}

void quality_ui_refresh(app *a, const std_field *f)
{
	if (!a->form.d)
		return;
	completeness c;
	completeness_compute(a->form.d, &c);
	form_score = c.score;
	/* A field the register counts although it carries nothing. */
	for (size_t i = 0; i < c.nlooks; i++)
		if (c.looks[i] == f) {
			completeness cf = c;
			cf.looks[0] = f;
			cf.nlooks = 1;
			completeness_findings(a->form.d, &cf, &a->form.fs);
		}
	language_check_field(a->form.d, f, load_words(a), &a->form.fs);
	pthread_mutex_lock(&lk.mu);
	if (lk.have && lk.d == a->form.d)
		for (size_t i = 0; i < lk.fs.n; i++) {
			const finding *x = &lk.fs.v[i];
			findings_add(&a->form.fs, x->sev, x->org, x->rule, x->field, x->key, x->line, x->col, "%s", x->msg);
		}
	pthread_mutex_unlock(&lk.mu);
}

int quality_ui_score(const app *a)
{
	(void)a;
	return form_score;
}

void quality_ui_paint(const app *a, int y, int x, int w, int score, attr_t at)
{
	if (!a->color || w <= 0 || score < 0)
		return;
	static bool pairs;
	if (!pairs) {
		pairs = true;
		/* Orange where the terminal has it (256 colours), else red. */
		init_pair(PQ_LOW, COLOR_BLACK, COLORS >= 256 ? 208 : COLOR_RED);
		init_pair(PQ_MIDDLE, COLOR_BLACK, COLOR_YELLOW);
		init_pair(PQ_HIGH, COLOR_BLACK, COLOR_GREEN);
	}
	completeness_band b = completeness_band_of(score);
	short pair = b == CB_LOW ? PQ_LOW : b == CB_MIDDLE ? PQ_MIDDLE : PQ_HIGH;
	mvchgat(y, x, w, at & ~A_COLOR, pair, NULL);
}

void quality_ui_paint_title(const app *a, bool shown, int x, int score)
{
	if (!a->color || score < 0 || !shown || x < 0)
		return;
	char chip[64];
	quality_ui_label(score, chip, sizeof chip);
	quality_ui_paint(a, 0, x, tb_text_width(chip, strlen(chip)), score, A_NORMAL);
}

static void *run_links(void *arg)
{
	(void)arg;
	char *err = NULL;
	links_check(lk.l, lk.n, lk.r, &err);
	free(err); /* every result says "could not check" with the reason */
	pthread_mutex_lock(&lk.mu);
	lk.done = true;
	pthread_mutex_unlock(&lk.mu);
	return NULL;
}

void quality_ui_links(app *a)
{
	if (!a->form.d)
		return;
	if (lk.running) {
		app_status(a, false, "%s", _("The web addresses are being checked; wait a moment."));
		return;
	}
	desc_link *l = NULL;
	size_t n = desc_links(a->form.d, &l);
	if (!n) {
		app_status(a, false, "%s", _("This description holds no web addresses to check."));
		return;
	}
	lk.l = l;
	lk.n = n;
	lk.r = xcalloc(n, sizeof *lk.r);
	lk.d = a->form.d;
	lk.done = false;
	if (pthread_create(&lk.th, NULL, run_links, NULL) != 0) {
		desc_links_free(&lk.l, lk.n);
		free(lk.r);
		lk.r = NULL;
		app_status(a, true, "%s", _("Cannot start the link check."));
		return;
	}
	lk.running = true;
	app_status(a, false,
	            P_("Checking %zu web address over the network...", "Checking %zu web addresses over the network...", n),
	            n);
}

bool quality_ui_tick(app *a)
{
	if (!lk.running)
		return false;
	pthread_mutex_lock(&lk.mu);
	bool done = lk.done;
	pthread_mutex_unlock(&lk.mu);
	if (!done)
		return true;
	pthread_join(lk.th, NULL);
	lk.running = false;
	findings fs;
	findings_init(&fs);
	link_findings(lk.l, lk.r, lk.n, &fs);
	size_t broken = 0, unchecked = 0;
	for (size_t i = 0; i < lk.n; i++) {
		broken += lk.r[i].state == LINK_BROKEN || lk.r[i].state == LINK_UNRESOLVED;
		unchecked += lk.r[i].state == LINK_UNCHECKED;
	}
	/* The fields with a broken address, for the status line: findings
	 * show under the field they are about. */
	strbuf where = STRBUF_INIT;
	for (size_t i = 0; i < lk.n; i++) {
		if (lk.r[i].state != LINK_BROKEN && lk.r[i].state != LINK_UNRESOLVED)
			continue;
		const char *lab = lk.l[i].field->label[a->lang];
		if (!where.len || !strstr(where.s, lab))
			sb_printf(&where, "%s%s", where.len ? ", " : "", lab);
	}
	size_t n = lk.n;
	for (size_t i = 0; i < lk.n; i++)
		link_result_done(&lk.r[i]);
	free(lk.r);
	lk.r = NULL;
	desc_links_free(&lk.l, lk.n);
	bool same = a->form.d == lk.d && !a->in_list;
	pthread_mutex_lock(&lk.mu);
	findings_done(&lk.fs);
	lk.fs = fs;
	lk.have = same;
	pthread_mutex_unlock(&lk.mu);
	if (!same) {
		sb_done(&where);
		return false;
	}
	if (broken)
		app_status(a, true, P_("%zu of %zu web addresses does not work, in: %s. The advice is under the field.",
		                       "%zu of %zu web addresses do not work, in: %s. The advice is under the field.", broken),
		           broken, n, where.s);
	else if (unchecked)
		app_status(a, false, P_("%zu of %zu web addresses could not be checked (offline?); none is known to be broken.",
		                        "%zu of %zu web addresses could not be checked (offline?); none is known to be broken.",
		                        unchecked),
		           unchecked, n);
	else
		app_status(a, false, P_("The %zu web address works.", "All %zu web addresses work.", n), n);
	sb_done(&where);
	app_refresh_marks(a);
	return false;
}

void quality_ui_forget(void)
{
	pthread_mutex_lock(&lk.mu);
	findings_done(&lk.fs);
	findings_init(&lk.fs);
	lk.have = false;
	lk.d = NULL;
	pthread_mutex_unlock(&lk.mu);
	form_score = -1;
}
