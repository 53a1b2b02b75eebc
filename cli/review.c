/* review: the review commands. `algedit review --print [SLUG...]` shows per
 * description its review state, the changes since the last approval (or
 * since the version the reviewer last saw, or --since REV) field by field
 * with the changed words marked, and the open comments and suggestions, as
 * text or JSON. `comment`, `suggest`, `accept`, `reject`, `approve`,
 * `request-changes`, `ask-review` and `mark-reviewed` each add one review
 * record (a file under reviews/, committed), for scripts and mail. */
#include "config.h"
#include "cli/cli.h"
#include "store/store.h"
#include "forms/diff.h"
#include "forms/review.h"
#include "forms/slug.h"
#include "base/base.h"
#include "base/escape.h"
#include "i18n/i18n.h"
#include "tui/tui.h"
#include "tui/persist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static void json_str(strbuf *b, const char *s)
{
	sb_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if (*p == '"' || *p == '\\')
			sb_printf(b, "\\%c", *p);
		else if (*p == '\n')
			sb_adds(b, "\\n");
		else if (*p < 0x20 || *p == 0x7F)
			sb_printf(b, "\\u%04x", *p);
		else
			sb_addc(b, (char)*p);
	}
	sb_addc(b, '"');
}

static void out_safe(const strbuf *b)
{
	if (b->s)
		fwrite(b->s, 1, b->len, stdout);
}

/* ---- review --print ---- */

typedef struct print_opts {
	bool json;
	const char *since;
} print_opts;

static void indent_text(strbuf *out, const char *text, const char *pre)
{
	for (const char *p = text ? text : "";;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		sb_adds(out, pre);
		cli_safe(out, p, n);
		sb_addc(out, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
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

/* The version the review starts from and why; NULL commit: from nothing. */
static const char *review_base(store *s, store_review *r, const print_opts *o, const char *me, char **why)
{
	if (o->since) {
		store_version *v = NULL;
		size_t n = 0;
		const char *rev = o->since;
		char *tmp = NULL;
		if (rev[0] == '~') {
			size_t k = strtoul(rev + 1, NULL, 10);
			if (k < r->nversions)
				rev = tmp = xstrdup(r->versions[k].commit);
		}
		if (store_log(s, rev, r->slug, 1, i18n_lang(), &v, &n) == STORE_OK && n) {
			for (size_t i = 0; i < r->nversions; i++)
				if (!strcmp(r->versions[i].commit, v[0].commit)) {
					*why = xasprintf(_("since version %.7s (--since %s)"), v[0].commit, o->since);
					store_versions_free(&v, n);
					free(tmp);
					return r->versions[i].commit;
				}
		}
		store_versions_free(&v, n);
		free(tmp);
		*why = xasprintf(_("--since %s is not a version of this description; showing all of it"), o->since);
		return NULL;
	}
	if (r->sum.approval) {
		char date[32];
		cli_date(r->sum.approval->time, date);
		*why = xasprintf(_("since the approval of version %.7s (%s, %s)"), r->sum.approval->version, r->sum.approval->author, date);
		for (size_t i = 0; i < r->nversions; i++)
			if (!strncmp(r->versions[i].commit, r->sum.approval->version, strlen(r->sum.approval->version)))
				return r->versions[i].commit;
	}
	for (size_t i = r->n; me && i-- > 0;) {
		const review_rec *x = &r->recs[i];
		if (!x->problem && x->version && x->email && !strcasecmp(x->email, me))
			for (size_t k = 0; k < r->nversions; k++)
				if (!strncmp(r->versions[k].commit, x->version, strlen(x->version))) {
					*why = xasprintf(_("since version %.7s, the last one you reviewed"), r->versions[k].commit);
					return r->versions[k].commit;
				}
	}
	*why = xstrdup(_("since the start (not approved yet)"));
	return NULL;
}

static const char *sugg_status_name(sugg_status st)
{
	switch (st) {
	case SUGG_OPEN: return _("open");
	case SUGG_ACCEPTED: return _("accepted");
	case SUGG_REJECTED: return _("rejected");
	case SUGG_OUTDATED: return _("outdated");
	}
	return "";
}

static const char *sugg_key(sugg_status st)
{
	static const char *const k[] = { "open", "accepted", "rejected", "outdated" };
	return k[st];
}

static void print_text(strbuf *out, store_review *r, const standard *std, const char *why, const char *base,
                       const description *now, const desc_diff *dd)
{
	const review_summary *sm = &r->sum;
	char date[32];
	sb_adds(out, "== ");
	cli_safe_str(out, r->slug);
	sb_printf(out, ": %s", review_state_name(sm->state));
	if (sm->note != NOTE_NONE)
		sb_printf(out, " (%s)", review_note_name(sm->note));
	sb_adds(out, "\n");
	if (sm->last_event) {
		cli_date(sm->last_event->time, date);
		const char *what = sm->last_event->kind == RK_REQUEST ? _("Review asked by")
		                 : sm->last_event->kind == RK_APPROVE ? _("Approved by")
		                 : sm->last_event->kind == RK_PUBLISH ? _("Published by") : _("Changes requested by");
		sb_printf(out, "%s ", what);
		cli_safe_str(out, sm->last_event->author);
		sb_printf(out, ", %s", date);
		if (sm->last_event->text && *sm->last_event->text) {
			sb_adds(out, ":\n");
			indent_text(out, sm->last_event->text, "    ");
		} else {
			sb_adds(out, "\n");
		}
		if (sm->last_event->kind == RK_REQUEST && sm->last_event->nreviewers) {
			sb_printf(out, "%s ", _("Reviewers:"));
			for (size_t i = 0; i < sm->last_event->nreviewers; i++) {
				if (i)
					sb_adds(out, ", ");
				cli_safe_str(out, sm->last_event->reviewers[i]);
			}
			sb_adds(out, "\n");
		}
	}
	sb_printf(out, "\n%s ", _("Changes"));
	cli_safe_str(out, why); /* names the approver */
	sb_addc(out, '\n');
	for (size_t i = 0; i < r->nversions && (!base || strcmp(r->versions[i].commit, base)); i++) {
		const store_version *v = &r->versions[i];
		cli_date(v->time, date);
		sb_printf(out, "  %.7s  %s  ", v->commit, date);
		cli_safe_str(out, v->author);
		sb_adds(out, "  ");
		const char *fields = store_review_fields(r, i);
		cli_safe_str(out, v->removed ? _("(removed)") : *fields ? fields : v->summary);
		sb_adds(out, "\n");
	}
	if (!dd->n) {
		sb_printf(out, "  %s\n", _("No field changed."));
	} else {
		sb_adds(out, "\n");
		strbuf d = STRBUF_INIT;
		sb_adds(&d, "");
		desc_diff_render(&d, dd, i18n_lang(), false);
		cli_safe(out, d.s, d.len);
		sb_done(&d);
	}
	if (sm->open_comments) {
		sb_printf(out, "\n%s (%zu)\n", _("Comments, open"), sm->open_comments);
		for (size_t k = 0; k < sm->nthreads; k++) {
			const review_thread *t = &sm->threads[k];
			if (t->resolved)
				continue;
			cli_date(t->root->time, date);
			sb_adds(out, "  [");
			cli_safe_str(out, t->root->id);
			sb_adds(out, "] ");
			cli_safe_str(out, cli_field_label(std, t->root->field));
			sb_adds(out, " — ");
			cli_safe_str(out, t->root->author ? t->root->author : "?");
			sb_printf(out, ", %s", date);
			if (t->outdated)
				sb_printf(out, " (%s)", _("outdated: the field changed since"));
			sb_adds(out, "\n");
			indent_text(out, t->root->text, "      ");
			if (t->outdated && t->root->quote) {
				sb_printf(out, "      %s\n", _("It was about:"));
				indent_text(out, t->root->quote, "      | ");
			}
			for (size_t j = 0; j < t->nreplies; j++) {
				cli_date(t->replies[j]->time, date);
				sb_adds(out, "      > ");
				cli_safe_str(out, t->replies[j]->author);
				sb_printf(out, ", %s:\n", date);
				indent_text(out, t->replies[j]->text, "        ");
			}
		}
	}
	size_t nshow = 0;
	for (size_t k = 0; k < sm->nsuggs; k++)
		nshow += sm->suggs[k].status == SUGG_OPEN || sm->suggs[k].status == SUGG_OUTDATED;
	if (nshow) {
		sb_printf(out, "\n%s (%zu)\n", _("Suggestions, open"), sm->open_suggestions);
		for (size_t k = 0; k < sm->nsuggs; k++) {
			const review_sugg *g = &sm->suggs[k];
			if (g->status != SUGG_OPEN && g->status != SUGG_OUTDATED)
				continue;
			cli_date(g->rec->time, date);
			sb_adds(out, "  [");
			cli_safe_str(out, g->rec->id);
			sb_adds(out, "] ");
			cli_safe_str(out, cli_field_label(std, g->rec->field));
			if (g->rec->item)
				sb_printf(out, " #%d", g->rec->item);
			sb_adds(out, " — ");
			cli_safe_str(out, g->rec->author ? g->rec->author : "?");
			sb_printf(out, ", %s (%s)\n", date, sugg_status_name(g->status));
			char *cur = review_field_text(now, g->rec->field, g->rec->item);
			strbuf w = STRBUF_INIT;
			sb_adds(&w, "");
			words_marked(&w, g->status == SUGG_OUTDATED && g->rec->quote ? g->rec->quote : cur, g->rec->text ? g->rec->text : "");
			indent_text(out, w.s, "      ");
			sb_done(&w);
			free(cur);
		}
	}
	size_t nvalid = 0;
	for (size_t k = 0; k < sm->nmarks; k++)
		nvalid += sm->marks[k].valid;
	if (nvalid) {
		sb_printf(out, "\n%s\n", _("Marked as reviewed:"));
		for (size_t k = 0; k < sm->nmarks; k++) {
			if (!sm->marks[k].valid)
				continue;
			sb_adds(out, "  ");
			cli_safe_str(out, cli_field_label(std, sm->marks[k].rec->field));
			sb_adds(out, " — ");
			cli_safe_str(out, sm->marks[k].rec->author);
			sb_adds(out, "\n");
		}
	}
	if (sm->nbad) {
		sb_printf(out, "\n%s\n", _("Records not used:"));
		for (size_t k = 0; k < sm->nbad; k++) {
			sb_adds(out, "  ");
			cli_safe_str(out, sm->bad[k]->file ? sm->bad[k]->file : sm->bad[k]->id);
			sb_adds(out, ": ");
			cli_safe_str(out, sm->bad[k]->problem);
			sb_adds(out, "\n");
		}
	}
}

static void json_rec_head(strbuf *out, const review_rec *x, const standard *std)
{
	char ts[32];
	review_time_format(x->time, ts);
	sb_adds(out, "{\"id\":");
	json_str(out, x->id);
	sb_adds(out, ",\"field\":");
	json_str(out, x->field);
	sb_adds(out, ",\"label\":");
	json_str(out, cli_field_label(std, x->field));
	if (x->item)
		sb_printf(out, ",\"item\":%d", x->item);
	sb_adds(out, ",\"author\":");
	json_str(out, x->author);
	sb_adds(out, ",\"email\":");
	json_str(out, x->email);
	sb_adds(out, ",\"time\":");
	json_str(out, ts);
	sb_adds(out, ",\"text\":");
	json_str(out, x->text);
}

static void print_json(strbuf *out, store_review *r, const standard *std, const char *why, const char *base,
                       const description *now, const desc_diff *dd)
{
	const review_summary *sm = &r->sum;
	sb_adds(out, "{\"slug\":");
	json_str(out, r->slug);
	sb_adds(out, ",\"state\":");
	json_str(out, review_state_key(sm->state));
	sb_adds(out, ",\"state_label\":");
	json_str(out, review_state_name(sm->state));
	sb_adds(out, ",\"note\":");
	json_str(out, review_note_key(sm->note));
	sb_adds(out, ",\"since\":");
	json_str(out, base);
	sb_adds(out, ",\"since_label\":");
	json_str(out, why);
	sb_adds(out, ",\"versions\":[");
	for (size_t i = 0; i < r->nversions && (!base || strcmp(r->versions[i].commit, base)); i++) {
		char ts[32];
		review_time_format(r->versions[i].time, ts);
		sb_adds(out, i ? ",{\"commit\":" : "{\"commit\":");
		json_str(out, r->versions[i].commit);
		sb_adds(out, ",\"author\":");
		json_str(out, r->versions[i].author);
		sb_adds(out, ",\"time\":");
		json_str(out, ts);
		sb_adds(out, ",\"fields\":");
		json_str(out, store_review_fields(r, i));
		sb_adds(out, "}");
	}
	sb_adds(out, "],\"changes\":[");
	for (size_t i = 0; i < dd->n; i++) {
		const field_diff *fd = &dd->v[i];
		sb_adds(out, i ? ",{\"field\":" : "{\"field\":");
		json_str(out, fd->key);
		sb_adds(out, ",\"label\":");
		json_str(out, field_diff_label(fd, i18n_lang()));
		if (fd->words) {
			strbuf w = STRBUF_INIT;
			sb_adds(&w, "");
			for (size_t k = 0; k < fd->nwords; k++) {
				const diff_word *x = &fd->words[k];
				sb_adds(&w, x->op == DIFF_DEL ? "[-" : x->op == DIFF_ADD ? "{+" : "");
				sb_adds(&w, x->text);
				sb_adds(&w, x->op == DIFF_DEL ? "-]" : x->op == DIFF_ADD ? "+}" : "");
			}
			sb_adds(out, ",\"marked\":");
			json_str(out, w.s);
			sb_done(&w);
		}
		sb_adds(out, "}");
	}
	sb_adds(out, "],\"comments\":[");
	bool first = true;
	for (size_t k = 0; k < sm->nthreads; k++) {
		const review_thread *t = &sm->threads[k];
		sb_adds(out, first ? "" : ",");
		first = false;
		json_rec_head(out, t->root, std);
		sb_printf(out, ",\"resolved\":%s,\"outdated\":%s,\"quote\":", t->resolved ? "true" : "false",
		          t->outdated ? "true" : "false");
		json_str(out, t->root->quote);
		sb_adds(out, ",\"replies\":[");
		for (size_t j = 0; j < t->nreplies; j++) {
			sb_adds(out, j ? "," : "");
			json_rec_head(out, t->replies[j], std);
			sb_adds(out, "}");
		}
		sb_adds(out, "]}");
	}
	sb_adds(out, "],\"suggestions\":[");
	for (size_t k = 0; k < sm->nsuggs; k++) {
		sb_adds(out, k ? "," : "");
		json_rec_head(out, sm->suggs[k].rec, std);
		sb_adds(out, ",\"status\":");
		json_str(out, sugg_key(sm->suggs[k].status));
		sb_adds(out, ",\"current\":");
		char *cur = review_field_text(now, sm->suggs[k].rec->field, sm->suggs[k].rec->item);
		json_str(out, cur);
		free(cur);
		sb_adds(out, "}");
	}
	sb_adds(out, "],\"reviewed\":[");
	first = true;
	for (size_t k = 0; k < sm->nmarks; k++) {
		if (!sm->marks[k].valid)
			continue;
		sb_adds(out, first ? "" : ",");
		first = false;
		json_rec_head(out, sm->marks[k].rec, std);
		sb_adds(out, "}");
	}
	sb_adds(out, "],\"bad_records\":[");
	for (size_t k = 0; k < sm->nbad; k++) {
		sb_adds(out, k ? ",{\"file\":" : "{\"file\":");
		json_str(out, sm->bad[k]->file);
		sb_adds(out, ",\"problem\":");
		json_str(out, sm->bad[k]->problem);
		sb_adds(out, "}");
	}
	sb_printf(out, "],\"open_comments\":%zu,\"open_suggestions\":%zu}", sm->open_comments, sm->open_suggestions);
}

/* The review of one description into out; 0 or an exit code. */
static int cli_review_one(store *s, const char *slug, bool json, const char *since, strbuf *out)
{
	store_review r;
	const standard *std = store_standard(s);
	if (store_review_load(s, slug, i18n_lang(), &r) != STORE_OK) {
		cli_error("review", "%s", store_error(s));
		store_review_done(&r);
		return 1;
	}
	char *me = NULL, *myname = NULL;
	store_author(s, &myname, &me);
	print_opts o = { json, since };
	char *why = NULL;
	const char *base = review_base(s, &r, &o, me, &why);
	const description *old = base ? store_review_at(&r, base) : NULL;
	const description *now = r.nversions ? store_review_at(&r, r.versions[0].commit) : NULL;
	desc_diff *dd = desc_diff_new(old, now);
	if (json)
		print_json(out, &r, std, why, base, now, dd);
	else
		print_text(out, &r, std, why, base, now, dd);
	desc_diff_free(&dd);
	free(why);
	free(me);
	free(myname);
	store_review_done(&r);
	return 0;
}

static void review_usage(FILE *f)
{
	cli_usage(f, "review");
	fprintf(f, "\n%s\n", _("Shows the review of descriptions: the state (concept, in review, approved),\n"
	                       "the changes since the last approval field by field with the changed words\n"
	                       "marked as [-removed-] and {+added+}, who made them and when, and the open\n"
	                       "comments and suggestions. Without SLUG: every description. Without --print:\n"
	                       "the review screen for SLUG, to step through the changes, comment, suggest\n"
	                       "and approve by key."));
	fprintf(f, "\n  --print          %s\n", _("print the review (text)"));
	fprintf(f, "  --plain          %s\n", _("the review screen as text and line prompts (for screen readers)"));
	fprintf(f, "  --format json    %s\n", _("print it as JSON, for scripts and CI"));
	fprintf(f, "  --since REV      %s\n", _("show the changes since REV (a version from algedit log, or ~N)"));
	fprintf(f, "  --list           %s\n", _("one line per description: state, open comments and suggestions"));
	fprintf(f, "  --mine           %s\n", _("only the descriptions waiting for your review"));
}

/* review --list: one line per description (state, open comments and
 * suggestions), or only those waiting for you with --mine. */
static int review_list(store *s, bool json, bool mine)
{
	store_review_brief *b = NULL;
	size_t n = 0;
	if (store_review_briefs(s, &b, &n) != STORE_OK) {
		cli_error("review", "%s", store_error(s));
		return 1;
	}
	strbuf out = STRBUF_INIT;
	sb_adds(&out, json ? "[" : "");
	bool first = true;
	/* Each translation looked up once, not once per line: 100,000 lines
	 * of gettext cost more than the states themselves. */
	const char *state_names[REVIEW_PUBLISHED + 1] = { 0 }, *note_names[NOTE_CHANGED_AFTER_APPROVAL + 1] = { 0 };
	char *comment_txt[64] = { 0 }, *sugg_txt[64] = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (mine && !b[i].waiting_for_me)
			continue;
		if (json) {
			sb_adds(&out, first ? "{\"slug\":" : ",\n{\"slug\":");
			json_str(&out, b[i].slug);
			sb_adds(&out, ",\"state\":");
			json_str(&out, review_state_key(b[i].state));
			sb_adds(&out, ",\"note\":");
			json_str(&out, review_note_key(b[i].note));
			sb_printf(&out, ",\"open_comments\":%zu,\"open_suggestions\":%zu,\"bad_records\":%zu,\"waiting_for_me\":%s}",
			          b[i].open_comments, b[i].open_suggestions, b[i].bad, b[i].waiting_for_me ? "true" : "false");
		} else {
			cli_safe_str(&out, b[i].slug);
			const char **sn = (unsigned)b[i].state <= REVIEW_PUBLISHED ? &state_names[b[i].state] : NULL;
			if (sn && !*sn)
				*sn = review_state_name(b[i].state);
			sb_adds(&out, "  ");
			sb_adds(&out, sn ? *sn : review_state_name(b[i].state));
			if (b[i].note != NOTE_NONE) {
				const char **nn = (unsigned)b[i].note <= NOTE_CHANGED_AFTER_APPROVAL ? &note_names[b[i].note] : NULL;
				if (nn && !*nn)
					*nn = review_note_name(b[i].note);
				sb_adds(&out, " (");
				sb_adds(&out, nn ? *nn : review_note_name(b[i].note));
				sb_addc(&out, ')');
			}
			size_t oc = b[i].open_comments, os = b[i].open_suggestions;
			if (oc && oc < 64 && !comment_txt[oc])
				comment_txt[oc] = xasprintf(P_(", %zu open comment", ", %zu open comments", oc), oc);
			if (oc >= 64)
				sb_printf(&out, P_(", %zu open comment", ", %zu open comments", oc), oc);
			else if (oc)
				sb_adds(&out, comment_txt[oc]);
			if (os && os < 64 && !sugg_txt[os])
				sugg_txt[os] = xasprintf(P_(", %zu open suggestion", ", %zu open suggestions", os), os);
			if (os >= 64)
				sb_printf(&out, P_(", %zu open suggestion", ", %zu open suggestions", os), os);
			else if (os)
				sb_adds(&out, sugg_txt[os]);
			if (b[i].waiting_for_me)
				sb_printf(&out, ", %s", _("waiting for your review"));
			sb_addc(&out, '\n');
		}
		first = false;
	}
	if (json)
		sb_adds(&out, "]\n");
	else if (first)
		sb_printf(&out, "%s\n", mine ? _("Nothing waits for your review.") : _("There are no descriptions yet."));
	out_safe(&out);
	sb_done(&out);
	for (size_t k = 0; k < 64; k++) {
		free(comment_txt[k]);
		free(sugg_txt[k]);
	}
	store_review_briefs_free(&b, n);
	return 0;
}

int cmd_review(int argc, char **argv)
{
	bool json = false, print = false, list = false, mine = false, plain = cli_plain;
	const char *since = NULL;
	char **slugs = xcalloc((size_t)argc + 1, sizeof *slugs);
	size_t n = 0;
	int rc = 0;
	for (int i = 1; i < argc && !rc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			review_usage(stdout);
			goto done;
		} else if (!strcmp(argv[i], "--print")) {
			print = true;
		} else if (!strcmp(argv[i], "--plain")) {
			plain = true;
		} else if (!strcmp(argv[i], "--list")) {
			list = true;
		} else if (!strcmp(argv[i], "--mine")) {
			list = mine = true;
		} else if (!strcmp(argv[i], "--format") && i + 1 < argc) {
			i++;
			if (!strcmp(argv[i], "json"))
				json = true;
			else if (strcmp(argv[i], "text")) {
				cli_error("review", _("unknown format \"%s\"; use text or json"), argv[i]);
				rc = 2;
			}
			print = true;
		} else if (!strcmp(argv[i], "--format=json")) {
			json = print = true;
		} else if (!strcmp(argv[i], "--since") && i + 1 < argc) {
			since = argv[++i];
		} else if (argv[i][0] == '-') {
			cli_error("review", _("unknown option \"%s\""), argv[i]);
			review_usage(stderr);
			rc = 2;
		} else if (!(slugs[n++] = slug_from_arg(argv[i]))) {
			cli_error("review", _("\"%s\" is not a description name (letters, digits and -)"), argv[i]);
			rc = 2;
		}
	}
	if (!rc && list && n) {
		cli_error("review", "%s", _("--list shows every description; give no SLUG"));
		rc = 2;
	}
	if (!rc && !print && !list && n != 1) {
		cli_error("review", "%s", _("the review screen shows one description: algedit review SLUG (algedit review --print shows them all)"));
		rc = 2;
	}
	if (!rc && !print && !list && !plain && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || !tui_terminal_usable())) {
		cli_error("review", "%s", _("not a terminal that can show the review screen; use algedit review --plain SLUG, or --print SLUG"));
		rc = 2;
	}
	standard *std = NULL;
	store *s = NULL;
	if (!rc)
		rc = cli_store_open("review", &std, &s);
	if (!rc && !print && !list) {
		if (!store_exists(s, slugs[0])) {
			cli_error("review", _("there is no description %s; algedit new NAME makes one"), slugs[0]);
			rc = 1;
		} else {
			char *repo = xstrdup(store_workdir(s));
			size_t rl = strlen(repo);
			if (rl > 1 && repo[rl - 1] == '/')
				repo[rl - 1] = '\0';
			persist_use_store(s);
			rc = plain ? tui_review_plain(std, slugs[0], since, stdin, stdout) : tui_review(std, repo, slugs[0], since);
			persist_use_store(NULL);
			free(repo);
		}
		store_free(&s);
		standard_free(&std);
		goto done;
	}
	if (!rc && list) {
		rc = review_list(s, json, mine);
		store_free(&s);
		standard_free(&std);
		goto done;
	}
	char **all = NULL;
	size_t nall = 0;
	if (!rc && !n) {
		store_list(s, &all, &nall);
		for (size_t i = 0; i < nall; i++)
			slugs = xrealloc(slugs, (n + 2) * sizeof *slugs), slugs[n++] = xstrdup(all[i]);
		store_slugs_free(&all, nall);
	}
	strbuf out = STRBUF_INIT;
	sb_adds(&out, json ? "[" : "");
	for (size_t i = 0; !rc && i < n; i++) {
		if (i)
			sb_adds(&out, json ? ",\n" : "\n");
		if (!store_exists(s, slugs[i])) {
			cli_error("review", _("there is no description %s; algedit new NAME makes one"), slugs[i]);
			rc = 1;
			break;
		}
		rc = cli_review_one(s, slugs[i], json, since, &out);
	}
	if (json)
		sb_adds(&out, "]\n");
	if (!rc)
		out_safe(&out);
	sb_done(&out);
	store_free(&s);
	standard_free(&std);
done:
	for (size_t i = 0; i < n; i++)
		free(slugs[i]);
	free(slugs);
	return rc;
}

/* ---- the commands that add a record ---- */

typedef struct rec_args {
	const char *cmd;
	char *slug;
	const char *field;     /* FIELD or FIELD=VALUE or FIELD#N=VALUE */
	const char *text;      /* positional text or -m */
	const char *msg;       /* -m */
	const char *id;        /* accept/reject ID, --reply, --resolve */
	bool reply, resolve;
	char **reviewers;
	size_t nreviewers;
} rec_args;

static void rec_usage(FILE *f, const char *cmd)
{
	cli_usage(f, cmd);
	if (!strcmp(cmd, "comment"))
		fprintf(f, "\n%s\n", _("Comments on a field of the description's latest version. --reply ID answers a\n"
		                       "comment (TEXT is the answer); --resolve ID closes it. IDs are shown by\n"
		                       "algedit review --print."));
	else if (!strcmp(cmd, "suggest"))
		fprintf(f, "\n%s\n", _("Proposes new text for a field (FIELD#N=VALUE: for item N of a list). The\n"
		                       "drafter accepts it (algedit accept) or rejects it (algedit reject)."));
	else if (!strcmp(cmd, "accept"))
		fprintf(f, "\n%s\n", _("Applies a suggestion and saves it as a new version that names the reviewer."));
	else if (!strcmp(cmd, "approve"))
		fprintf(f, "\n%s\n", _("Approves the latest version. The author of the latest change cannot approve it,\n"
		                       "unless .algedit/config has the line \"self-approve: yes\". Any later change to a\n"
		                       "field voids the approval."));
	fprintf(f, "\n%s\n", _("Each command adds one record under reviews/ and commits it; algedit sync shares it."));
}

static int parse_rec_args(int argc, char **argv, rec_args *a, int npos_want)
{
	memset(a, 0, sizeof *a);
	a->cmd = argv[0];
	const char *pos[4];
	int npos = 0;
	a->reviewers = xcalloc((size_t)argc + 1, sizeof *a->reviewers);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			rec_usage(stdout, a->cmd);
			return -1;
		} else if (!strcmp(argv[i], "-m") && i + 1 < argc) {
			a->msg = argv[++i];
		} else if (!strcmp(argv[i], "--reply") && i + 1 < argc) {
			a->reply = true;
			a->id = argv[++i];
		} else if (!strcmp(argv[i], "--resolve") && i + 1 < argc) {
			a->resolve = true;
			a->id = argv[++i];
		} else if (!strcmp(argv[i], "--reviewer") && i + 1 < argc) {
			a->reviewers[a->nreviewers++] = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cli_error(a->cmd, _("unknown option \"%s\""), argv[i]);
			rec_usage(stderr, a->cmd);
			return 2;
		} else if (npos < 4) {
			pos[npos++] = argv[i];
		} else {
			npos++;
		}
	}
	if (npos < 1 || npos > npos_want || (npos < npos_want && strcmp(a->cmd, "comment"))) {
		cli_error(a->cmd, "%s", _("wrong number of arguments"));
		rec_usage(stderr, a->cmd);
		return 2;
	}
	if (!(a->slug = slug_from_arg(pos[0]))) {
		cli_error(a->cmd, _("\"%s\" is not a description name (letters, digits and -)"), pos[0]);
		return 2;
	}
	if (!strcmp(a->cmd, "comment")) {
		/* comment SLUG FIELD TEXT | comment SLUG --reply ID TEXT | --resolve ID */
		if (a->reply && npos == 2)
			a->text = pos[1];
		else if (a->resolve && npos == 1)
			;
		else if (!a->reply && !a->resolve && npos == 3)
			a->field = pos[1], a->text = pos[2];
		else {
			cli_error(a->cmd, "%s", _("give SLUG FIELD TEXT, SLUG --reply ID TEXT, or SLUG --resolve ID"));
			return 2;
		}
	} else if (!strcmp(a->cmd, "accept") || !strcmp(a->cmd, "reject")) {
		a->id = pos[1];
	} else if (npos_want == 2) {
		a->field = pos[1];
	}
	return 0;
}

static void rec_args_done(rec_args *a)
{
	free(a->slug);
	free(a->reviewers);
}

int cmd_review_record(int argc, char **argv)
{
	const char *cmd = argv[0];
	review_kind kind = !strcmp(cmd, "comment") ? RK_COMMENT : !strcmp(cmd, "suggest") ? RK_SUGGEST
	                 : !strcmp(cmd, "accept") ? RK_ACCEPT : !strcmp(cmd, "reject") ? RK_REJECT
	                 : !strcmp(cmd, "approve") ? RK_APPROVE : !strcmp(cmd, "request-changes") ? RK_CHANGES
	                 : !strcmp(cmd, "ask-review") ? RK_REQUEST : RK_MARK;
	int npos = kind == RK_COMMENT ? 3 : (kind == RK_APPROVE || kind == RK_CHANGES || kind == RK_REQUEST) ? 1 : 2;
	rec_args a;
	int rc = parse_rec_args(argc, argv, &a, npos);
	if (rc) {
		rec_args_done(&a);
		return rc < 0 ? 0 : rc;
	}
	if (a.reply)
		kind = RK_REPLY;
	else if (a.resolve)
		kind = RK_RESOLVE;
	if ((kind == RK_CHANGES || kind == RK_REJECT) && (!a.msg || !*a.msg)) {
		cli_error(cmd, "%s", kind == RK_CHANGES ? _("say which changes with -m TEXT") : _("give the reason with -m REASON"));
		rec_args_done(&a);
		return 2;
	}
	standard *std = NULL;
	store *s = NULL;
	if ((rc = cli_store_open(cmd, &std, &s))) {
		rec_args_done(&a);
		return rc;
	}
	store_review r;
	memset(&r, 0, sizeof r);
	review_rec rec;
	memset(&rec, 0, sizeof rec);
	description *d = NULL;
	char *msg = NULL, *value = NULL;
	if (!store_exists(s, a.slug)) {
		cli_error(cmd, _("there is no description %s; algedit new NAME makes one"), a.slug);
		rc = 1;
		goto out;
	}
	if (!cli_ask_author(cmd, s, stderr)) {
		rc = 1;
		goto out;
	}
	if (store_review_load(s, a.slug, i18n_lang(), &r) != STORE_OK || !r.nversions) {
		cli_error(cmd, "%s", r.nversions ? store_error(s) : _("the description has no saved version yet; save it first"));
		rc = 1;
		goto out;
	}
	const store_version *latest = &r.versions[0];
	rec.kind = kind;
	rec.slug = xstrdup(a.slug);
	rec.version = xstrdup(latest->commit);
	const description *now = store_review_at(&r, latest->commit);
	/* The field: FIELD, or FIELD=VALUE / FIELD#N=VALUE for a suggestion. */
	if (a.field) {
		const char *eq = kind == RK_SUGGEST ? strchr(a.field, '=') : NULL;
		if (kind == RK_SUGGEST && !eq) {
			cli_error(cmd, _("\"%s\" is not FIELD=VALUE"), a.field);
			rc = 2;
			goto out;
		}
		char *key = eq ? xstrndup(a.field, (size_t)(eq - a.field)) : xstrdup(a.field);
		char *hash = strchr(key, '#');
		if (hash) {
			*hash = '\0';
			rec.item = atoi(hash + 1);
			if (rec.item < 1) {
				cli_error(cmd, _("\"%s\" is not an item number (1, 2, ...)"), hash + 1);
				free(key);
				rc = 2;
				goto out;
			}
		}
		if (!standard_field(std, key)) {
			cli_error(cmd, _("\"%s\" is not a field of the standard; algedit standard lists the keys"), key);
			free(key);
			rc = 2;
			goto out;
		}
		rec.field = key;
		if (eq)
			value = xstrdup(eq + 1);
		rec.quote = review_field_text(now, key, rec.item);
	}
	const review_rec *target = NULL;
	if (a.id) {
		bool amb = false;
		target = review_find(r.recs, r.n, a.id, &amb);
		if (amb) {
			cli_error(cmd, _("several records start with %s; give more of the ID"), a.id);
			rc = 2;
			goto out;
		}
		review_kind want = kind == RK_REPLY || kind == RK_RESOLVE ? RK_COMMENT : RK_SUGGEST;
		if (target && target->kind == RK_REPLY && want == RK_COMMENT && target->ref)
			target = review_find(r.recs, r.n, target->ref, NULL);
		if (!target || target->kind != want || target->problem) {
			cli_error(cmd, want == RK_COMMENT ? _("there is no comment %s on %s; algedit review --print %s shows them")
			                                  : _("there is no suggestion %s on %s; algedit review --print %s shows them"),
			          a.id, a.slug, a.slug);
			rc = 1;
			goto out;
		}
		rec.ref = xstrdup(target->id);
		free(rec.field);
		rec.field = xstrdup(target->field);
		rec.item = target->item;
	}
	const char *label = rec.field ? cli_field_label(std, rec.field) : "";
	char *me = NULL, *myname = NULL;
	store_author(s, &myname, &me);
	switch (kind) {
	case RK_COMMENT:
	case RK_REPLY:
		if (!a.text || !*a.text) {
			cli_error(cmd, "%s", _("the comment is empty"));
			rc = 2;
			break;
		}
		rec.text = xstrdup(a.text);
		msg = kind == RK_COMMENT ? xasprintf(_("Comment on %s: %s"), label, a.slug)
		                         : xasprintf(_("Reply on %s: %s"), label, a.slug);
		break;
	case RK_RESOLVE:
		rec.text = a.msg ? xstrdup(a.msg) : NULL;
		msg = xasprintf(_("Comment resolved on %s: %s"), label, a.slug);
		break;
	case RK_SUGGEST:
		rec.text = value;
		value = NULL;
		if (rec.quote && !strcmp(rec.quote, rec.text)) {
			cli_error(cmd, "%s", _("the suggestion is the same as the text now; nothing to suggest"));
			rc = 1;
			break;
		}
		msg = xasprintf(_("Suggestion for %s: %s"), label, a.slug);
		break;
	case RK_ACCEPT:
	case RK_REJECT: {
		sugg_status st = SUGG_OPEN;
		for (size_t k = 0; k < r.sum.nsuggs; k++)
			if (r.sum.suggs[k].rec == target)
				st = r.sum.suggs[k].status;
		if (st != SUGG_OPEN) {
			cli_error(cmd, _("suggestion %s is %s already; nothing done"), target->id, sugg_status_name(st));
			rc = 1;
			break;
		}
		rec.text = a.msg ? xstrdup(a.msg) : NULL;
		if (kind == RK_REJECT) {
			msg = xasprintf(_("Suggestion by %s rejected: %s (%s)"), target->author ? target->author : "?", label, a.slug);
			break;
		}
		if (store_load(s, a.slug, &d, NULL) != STORE_OK) {
			cli_error(cmd, "%s", store_error(s));
			rc = 1;
			break;
		}
		if (now && !desc_equal(d, now)) {
			/* They would go into the reviewer's version unseen. */
			cli_error(cmd, _("%s has changes that are not saved as a version; save them first (algedit set, or the editor), then accept"),
			          a.slug);
			rc = 1;
			break;
		}
		if (review_apply(d, target->field, target->item, target->text ? target->text : "") < 0) {
			cli_error(cmd, _("item %d of %s is not there any more; the suggestion cannot be applied"), target->item, label);
			rc = 1;
			break;
		}
		msg = xasprintf(_("Suggestion by %s accepted: %s (%s)"), target->author ? target->author : "?", label, a.slug);
		break;
	}
	case RK_APPROVE: {
		const char *why = review_may_approve(&r.ctx, me);
		if (why) {
			cli_error(cmd, _("you cannot approve %s: %s"), a.slug, why);
			rc = 1;
			break;
		}
		rec.text = a.msg ? xstrdup(a.msg) : NULL;
		msg = xasprintf(_("Approved: %s"), a.slug);
		break;
	}
	case RK_CHANGES:
		rec.text = xstrdup(a.msg);
		msg = xasprintf(_("Changes requested: %s"), a.slug);
		break;
	case RK_REQUEST:
		rec.text = a.msg ? xstrdup(a.msg) : NULL;
		rec.reviewers = xcalloc(a.nreviewers + 1, sizeof *rec.reviewers);
		for (size_t k = 0; k < a.nreviewers; k++)
			rec.reviewers[rec.nreviewers++] = xstrdup(a.reviewers[k]);
		msg = xasprintf(_("Review asked: %s"), a.slug);
		break;
	case RK_MARK:
		msg = xasprintf(_("Reviewed: %s (%s)"), label, a.slug);
		break;
	default:
		rc = 2;
		break;
	}
	free(me);
	free(myname);
	if (rc)
		goto out;
	store_saved info;
	if (store_review_add(s, &rec, d, msg, &info) != STORE_OK) {
		cli_error(cmd, "%s", store_error(s));
		rc = 1;
		goto out;
	}
	strbuf o = STRBUF_INIT;
	sb_printf(&o, "[%.7s] ", info.commit);
	cli_safe_str(&o, msg);
	sb_printf(&o, "  (%s %s)\n", _("ID"), rec.id);
	out_safe(&o);
	sb_done(&o);
	store_saved_done(&info);
out:
	free(msg);
	free(value);
	desc_free(&d);
	review_rec_done(&rec);
	store_review_done(&r);
	store_free(&s);
	standard_free(&std);
	rec_args_done(&a);
	return rc;
}
