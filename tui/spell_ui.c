/* spell_ui: the Dutch spell-checker in the editor. Starts the speller (its
 * dictionary loads on a background thread, so the first screen never waits),
 * feeds the underline hook, and runs the suggestion menu: pick by number,
 * ignore once, ignore everywhere in this description, add to the team's or
 * your own dictionary. Keys inside the menu follow aspell (digits, i, I, a). */
#include "config.h"
#include "tui/app.h"
#include "spell/spell.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static speller *sp;
static spell_doc *doc;     /* the field being edited, checked as it changes */
static bool notice_shown;

static size_t check_hook(void *ctx, const std_field *f, const char *text, size_t len, spell_mark **out)
{
	(void)ctx;
	(void)f;
	const spell_range *r = NULL;
	size_t n = 0;
	*out = NULL;
	if (speller_check_doc(sp, doc, text, len, &r, &n) != SPELL_OK || n == 0)
		return 0;
	*out = xcalloc(n, sizeof **out);
	for (size_t i = 0; i < n; i++) {
		(*out)[i].start = r[i].start;
		(*out)[i].end = r[i].start + r[i].len;
	}
	return n;
}

static char *team_path;
static bool wanted;
static void pick_suggestion(app *a, size_t pick);

/* Remembers where the team dictionary is; the speller itself starts when
 * the first description opens, so the list of descriptions (and quitting
 * from it) never waits for the dictionary. */
void spell_ui_start(const char *repo)
{
	xfree(&team_path);
	if (repo) {
		char *dir = xasprintf("%s/.algedit", repo);
		struct stat st;
		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
			team_path = xasprintf("%s/dictionary.txt", dir);
		free(dir);
	}
	wanted = true;
	notice_shown = false;
}

/* A description opens: start the speller (loading in the background) the
 * first time; after that, "ignore everywhere" was for the previous one. */
void spell_ui_opened(void)
{
	if (sp) {
		speller_clear_ignored(sp);
		return;
	}
	if (!wanted)
		return;
	speller_opts o = { 0 };
	o.team_path = team_path;
	sp = speller_new(&o);
	doc = spell_doc_new();
	tui_spell_check = check_hook;
	tui_spell_ctx = NULL;
}

void spell_ui_wait_ready(void)
{
	spell_ui_opened();
	if (sp)
		speller_wait(sp);
}

/* For plain mode: the words of text the speller doubts, one line each with
 * its suggestions ("  Spelling: "kontrole": maybe controle, contrôle"),
 * waiting for the dictionary and the suggestions (a line interface may).
 * NULL when nothing is doubted or checking is off; caller frees. */
char *spell_ui_report(const char *text, size_t len)
{
	spell_ui_wait_ready();
	spell_range *r = NULL;
	size_t n = 0;
	if (!sp || speller_check_text(sp, text, len, &r, &n) != SPELL_OK || n == 0) {
		free(r);
		return NULL;
	}
	strbuf b = STRBUF_INIT;
	enum { MAX_WORDS = 8, MAX_SUGG = 4 };
	for (size_t i = 0; i < n && i < MAX_WORDS; i++) {
		char *w = xstrndup(text + r[i].start, r[i].len);
		spell_suggestion *s = NULL;
		char *const *list = NULL;
		size_t nl = 0;
		if (speller_suggest_async(sp, w, strlen(w), &s) == SPELL_OK)
			spell_suggestion_wait(s, &list, &nl);
		sb_printf(&b, "  %s: \"%s\"", _("Spelling"), w);
		if (nl) {
			sb_printf(&b, ": %s ", _("maybe"));
			for (size_t k = 0; k < nl && k < MAX_SUGG; k++)
				sb_printf(&b, "%s%s", k ? ", " : "", list[k]);
		} else {
			sb_printf(&b, ": %s", _("no suggestions; check it yourself"));
		}
		sb_addc(&b, '\n');
		spell_suggestion_free(&s);
		free(w);
	}
	if (n > MAX_WORDS)
		sb_printf(&b, P_("  ... and %zu more doubtful word\n", "  ... and %zu more doubtful words\n", n - MAX_WORDS),
		          n - MAX_WORDS);
	free(r);
	return sb_take(&b);
}

void spell_ui_stop(void)
{
	tui_spell_check = NULL;
	spell_doc_free(&doc);
	speller_free(&sp);
	xfree(&team_path);
	wanted = false;
}

/* Called once per turn: shows the notice when checking is off, and redraws
 * when the dictionary or a suggestion list arrived. Returns true while the
 * loop should keep waking up for it. */
bool spell_ui_tick(app *a)
{
	if (!sp)
		return false;
	spell_status st = speller_state(sp);
	if (st == SPELL_OFF && !notice_shown) {
		notice_shown = true;
		app_status(a, false, "%s", speller_notice(sp));
	}
	if (st == SPELL_OK && !a->form.spell_ready) {
		a->form.spell_ready = true;
		if (a->form.d && !a->in_list)
			app_refresh_marks(a);
		if (a->form.spell_wanted && a->dlg.ov == OV_NONE && a->form.d)
			spell_ui_open(a);
	}
	if (a->dlg.ov == OV_SPELL && a->form.spell_sugg && !a->form.spell_list) {
		char *const *list;
		size_t n;
		if (spell_suggestion_poll(a->form.spell_sugg, &list, &n) == SPELL_OK) {
			/* No suggestions is an answer too (hunspell gives up on long
			 * words on a busy machine): without it the menu would wait,
			 * and the loop redraw, for ever. */
			static char *const none[1] = { NULL };
			a->form.spell_list = list ? list : none;
			a->form.spell_nlist = n > 9 ? 9 : n;
			a->dirty = true;
			/* A number typed while the list was being looked for. */
			if (a->form.spell_pick) {
				size_t pick = a->form.spell_pick;
				a->form.spell_pick = 0;
				pick_suggestion(a, pick);
			}
		}
	}
	return st == SPELL_LOADING || (a->dlg.ov == OV_SPELL && !a->form.spell_list);
}

void spell_ui_close(app *a)
{
	spell_suggestion_free(&a->form.spell_sugg);
	a->form.spell_list = NULL;
	a->form.spell_nlist = 0;
	a->form.spell_pick = 0;
	if (a->dlg.ov == OV_SPELL)
		a->dlg.ov = OV_NONE;
	a->dirty = true;
}

/* Opens the menu on the first marked word at or after the cursor (wrapping
 * to the start of the field). */
void spell_ui_open(app *a)
{
	if (!sp || speller_state(sp) == SPELL_OFF) {
		app_status(a, false, "%s", sp ? speller_notice(sp) : _("Spell-checking is off."));
		return;
	}
	if (speller_state(sp) == SPELL_LOADING) {
		/* Opened by itself as soon as the dictionary is there. */
		a->form.spell_wanted = true;
		app_status(a, false, "%s", _("The Dutch dictionary is still loading; the suggestions follow in a moment."));
		return;
	}
	a->form.spell_wanted = false;
	if (!a->form.spell_ready) {
		/* The dictionary arrived after the last turn: mark the field now. */
		a->form.spell_ready = true;
		app_refresh_marks(a);
	}
	if (a->form.nmarks == 0) {
		app_status(a, false, "%s", _("No spelling mistakes found in this field."));
		return;
	}
	size_t pick = 0;
	for (size_t i = 0; i < a->form.nmarks; i++)
		if (a->form.marks[i].end > a->form.tb.cur) {
			pick = i;
			break;
		}
	a->form.spell_start = a->form.marks[pick].start;
	a->form.spell_end = a->form.marks[pick].end;
	tb_set_cursor(&a->form.tb, a->form.spell_start);
	spell_suggestion_free(&a->form.spell_sugg);
	a->form.spell_list = NULL;
	a->form.spell_nlist = 0;
	a->form.spell_pick = 0;
	speller_suggest_async(sp, a->form.tb.s + a->form.spell_start, a->form.spell_end - a->form.spell_start, &a->form.spell_sugg);
	a->dlg.ov = OV_SPELL;
	a->dirty = true;
}

static void replace_word(app *a, const char *with);

/* Suggestion number pick (1-9), chosen before or after the list came. */
static void pick_suggestion(app *a, size_t pick)
{
	char *word = xstrndup(a->form.tb.s + a->form.spell_start, a->form.spell_end - a->form.spell_start);
	if (pick > a->form.spell_nlist) {
		app_status(a, true, P_("There is only %zu suggestion for \"%s\".", "There are only %zu suggestions for \"%s\".",
		                       a->form.spell_nlist),
		           a->form.spell_nlist, word);
	} else {
		char *with = xstrdup(a->form.spell_list[pick - 1]);
		spell_ui_close(a);
		replace_word(a, with);
		app_status(a, false, _("Replaced \"%s\" by \"%s\"."), word, with);
		free(with);
	}
	free(word);
}

static void replace_word(app *a, const char *with)
{
	/* One undo step: Ctrl-Z gives the word back as it was. */
	textbuf *tb = &a->form.tb;
	tb_seal(tb);
	tb_replace(tb, a->form.spell_start, a->form.spell_end, with, strlen(with));
	app_text_changed(a);
}

/* A key in the menu. Returns true when it was handled. */
bool spell_ui_key(app *a, action act, const tui_event *ev)
{
	if (act == A_CANCEL) {
		spell_ui_close(a);
		return true;
	}
	if (ev->kind != EV_CHAR)
		return false;
	char *word = xstrndup(a->form.tb.s + a->form.spell_start, a->form.spell_end - a->form.spell_start);
	uint32_t c = ev->ch;
	bool done = true;
	if (c >= '1' && c <= '9' && !a->form.spell_list) {
		/* Not lost: chosen as soon as the list is there. */
		a->form.spell_pick = (size_t)(c - '0');
		app_status(a, false, _("Suggestion %zu is taken as soon as the suggestions are there."), a->form.spell_pick);
	} else if (c >= '1' && c <= '9' && (size_t)(c - '0') <= a->form.spell_nlist) {
		pick_suggestion(a, (size_t)(c - '0'));
	} else if (c == 'i') {
		spell_ui_close(a);
		tb_set_cursor(&a->form.tb, a->form.spell_end);
		app_status(a, false, _("Skipped \"%s\"."), word);
	} else if (c == 'I') {
		speller_ignore_word(sp, word, strlen(word));
		spell_ui_close(a);
		app_refresh_marks(a);
		app_status(a, false, _("\"%s\" is accepted everywhere in this description."), word);
	} else if (c == 't' || c == 'a') {
		spell_status st = c == 't' ? speller_add_team(sp, word, strlen(word))
		                           : speller_add_personal(sp, word, strlen(word));
		spell_ui_close(a);
		if (st == SPELL_OK) {
			app_refresh_marks(a);
			app_status(a, false, c == 't' ? _("Added \"%s\" to the team dictionary; it is shared at the next sync.")
			                              : _("Added \"%s\" to your own dictionary."), word);
		} else {
			app_status(a, true, c == 't' ? _("Cannot add \"%s\" to the team dictionary (this folder has none, or it cannot be written).")
			                             : _("Cannot add \"%s\" to your dictionary: it cannot be written."), word);
		}
	} else {
		done = false;
	}
	free(word);
	return done;
}

/* The menu's text for the painter. Caller frees. */
char *spell_ui_menu_text(const app *a)
{
	strbuf b = STRBUF_INIT;
	char *word = xstrndup(a->form.tb.s + a->form.spell_start, a->form.spell_end - a->form.spell_start);
	sb_printf(&b, _("\"%s\" is not in the dictionary."), word);
	sb_adds(&b, "\n\n");
	if (!a->form.spell_list)
		sb_printf(&b, "%s\n", _("Looking for suggestions..."));
	else if (a->form.spell_nlist == 0)
		sb_printf(&b, "%s\n", _("No suggestions."));
	for (size_t i = 0; i < a->form.spell_nlist; i++)
		sb_printf(&b, "%zu  %s\n", i + 1, a->form.spell_list[i]);
	sb_printf(&b, "\n%s", _("1-9 replace · i skip · I accept in this description · t add to team dictionary · a add to my dictionary · Esc close"));
	free(word);
	return sb_take(&b);
}
