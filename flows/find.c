/* find: a description as a person names it (the name the list shows, its
 * file name, the start of either), and the words and field names a person
 * uses for a conflict. Names are compared folded the way slugs are made
 * (lower case, é→e, ĳ→ij, words joined by '-'), so case and accents may
 * be typed or not. */
#include "config.h"
#include "flows/flows.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

/* Edit distance of a and b (bytes; both folded ASCII), capped work. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 200 || lb > 200)
		return (size_t)-1;
	size_t *row = xcalloc(lb + 1, sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t d = row[lb];
	free(row);
	return d;
}

typedef struct entry {
	char *slug, *name, *fold; /* fold: the name folded */
} entry;

static entry *load_entries(store *s, size_t *n)
{
	char **slugs;
	*n = 0;
	if (store_list(s, &slugs, n) != STORE_OK)
		return NULL;
	entry *v = xcalloc(*n ? *n : 1, sizeof *v);
	for (size_t i = 0; i < *n; i++) {
		v[i].slug = xstrdup(slugs[i]);
		description *d = NULL;
		if (store_load(s, slugs[i], &d, NULL) == STORE_OK) {
			const char *nm = ynode_str(desc_value(d, "name"));
			if (nm && *nm)
				v[i].name = xstrdup(nm);
		}
		desc_free(&d);
		v[i].fold = v[i].name ? slug_from_name(v[i].name) : xstrdup(v[i].slug);
	}
	store_slugs_free(&slugs, *n);
	return v;
}

static void free_entries(entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].slug);
		free(v[i].name);
		free(v[i].fold);
	}
	free(v);
}

static const char *shown(const entry *e)
{
	return e->name ? e->name : e->slug;
}

char *flow_find_desc(store *s, const char *arg, bool allow_gone, char **error)
{
	*error = NULL;
	char *direct = slug_from_arg(arg);
	if (direct && store_exists(s, direct))
		return direct;
	/* The file name of a description that was removed (log, restore): that
	 * one, even when another now has the name it had. */
	if (direct && allow_gone) {
		store_version *v = NULL;
		size_t nv = 0;
		if (store_log(s, NULL, direct, 1, -1, &v, &nv) == STORE_OK && nv) {
			store_versions_free(&v, nv);
			return direct;
		}
		store_versions_free(&v, nv);
	}
	char *want = slug_from_name(arg);
	/* Most names give their own file name: one file read, not all. */
	if (store_exists(s, want)) {
		description *d = NULL;
		const char *nm = store_load(s, want, &d, NULL) == STORE_OK ? ynode_str(desc_value(d, "name")) : NULL;
		char *f = nm ? slug_from_name(nm) : NULL;
		bool same = f && !strcmp(f, want);
		free(f);
		desc_free(&d);
		if (same) {
			free(direct);
			return want;
		}
	}
	size_t n;
	entry *v = load_entries(s, &n);
	char *found = NULL;
	/* The name as the list shows it. */
	for (size_t i = 0; i < n && !found; i++)
		if (!strcmp(v[i].fold, want))
			found = xstrdup(v[i].slug);
	/* The start of a name or a file name, when only one fits. */
	size_t hits = 0, first = 0;
	for (size_t i = 0; i < n && !found; i++)
		if (str_starts(v[i].fold, want) || str_starts(v[i].slug, want) || (direct && str_starts(v[i].slug, direct))) {
			if (!hits++)
				first = i;
		}
	if (!found && hits == 1)
		found = xstrdup(v[first].slug);
	if (!found && hits > 1) {
		strbuf b = STRBUF_INIT;
		size_t listed = 0;
		for (size_t i = 0; i < n && listed < 5; i++)
			if (str_starts(v[i].fold, want) || str_starts(v[i].slug, want) || (direct && str_starts(v[i].slug, direct))) {
				sb_printf(&b, "%s\"%s\" (%s)", listed ? ", " : "", shown(&v[i]), v[i].slug);
				listed++;
			}
		if (hits > listed)
			sb_adds(&b, ", ...");
		*error = xasprintf(_("\"%s\" fits %zu descriptions: %s; type more of the name"), arg, hits, b.s);
		sb_done(&b);
	}
	if (!found && !*error && allow_gone && direct)
		found = xstrdup(direct);
	if (!found && !*error) {
		size_t best = (size_t)-1, at = 0;
		for (size_t i = 0; i < n; i++) {
			size_t d = distance(want, v[i].fold), d2 = distance(want, v[i].slug);
			if (d2 < d)
				d = d2;
			if (d < best) {
				best = d;
				at = i;
			}
		}
		/* Only a suggestion that is near: at most a third of the letters wrong. */
		if (n && best != (size_t)-1 && best * 3 <= strlen(want) + 2)
			*error = xasprintf(_("there is no description called \"%s\"; did you mean \"%s\" (%s)?"), arg, shown(&v[at]), v[at].slug);
		else if (n)
			*error = xasprintf(_("there is no description called \"%s\"; the list in the editor (algedit) shows their names"), arg);
		else
			*error = xasprintf(_("there is no description called \"%s\"; there are no descriptions here yet (algedit new NAME makes one)"), arg);
	}
	free(want);
	free(direct);
	free_entries(v, n);
	return found;
}

/* ---- conflicts ---- */

static const char *const mine_words[] = { "mine", "my", "me", "ours", "our", "local", "here", "keep",
	                                  "mijn", "mijne", "eigen", "hier", "lokaal", "van-mij", "ik", "houden", NULL };
static const char *const theirs_words[] = { "theirs", "their", "them", "server", "team", "remote", "there",
	                                    "hun", "hunne", "van-hen", "daar", "zij", "teamserver", "nemen", NULL };

store_choice flow_choice_word(const char *word)
{
	char *f = slug_from_name(word);
	store_choice c = CHOICE_NONE;
	for (size_t i = 0; mine_words[i] && c == CHOICE_NONE; i++)
		if (!strcmp(f, mine_words[i]))
			c = CHOICE_MINE;
	for (size_t i = 0; theirs_words[i] && c == CHOICE_NONE; i++)
		if (!strcmp(f, theirs_words[i]))
			c = CHOICE_THEIRS;
	/* The words as this program shows them, in the user's language. */
	char *m = slug_from_name(_("mine")), *t = slug_from_name(_("theirs"));
	if (c == CHOICE_NONE && !strcmp(f, m))
		c = CHOICE_MINE;
	if (c == CHOICE_NONE && !strcmp(f, t))
		c = CHOICE_THEIRS;
	free(m);
	free(t);
	free(f);
	return c;
}

const char *flow_choice_label(store_choice c)
{
	return c == CHOICE_MINE ? _("mine") : c == CHOICE_THEIRS ? _("theirs") : c == CHOICE_EDIT ? _("edited") : "";
}

/* field folded equals the key or a label of f (or with prefix, starts it). */
static bool field_fits(const store_conflict *c, const char *want, bool prefix)
{
	char *k = slug_from_name(c->key);
	bool ok = prefix ? str_starts(k, want) : !strcmp(k, want);
	free(k);
	for (int l = 0; !ok && c->field && l < LANG_COUNT; l++) {
		if (!c->field->label[l])
			continue;
		char *f = slug_from_name(c->field->label[l]);
		ok = prefix ? str_starts(f, want) : !strcmp(f, want);
		free(f);
	}
	return ok;
}

const store_conflict *flow_conflict_field(const store_conflict *c, size_t n, const char *slug, const char *field)
{
	/* "Leverancier (provider)", as resolve shows it: the key in brackets. */
	const char *open = strrchr(field, '(');
	size_t fl = strlen(field);
	for (size_t i = 0; open && fl && field[fl - 1] == ')' && i < n; i++)
		if (!strcmp(c[i].slug, slug) && strlen(c[i].key) == (size_t)(field + fl - 1 - open - 1) &&
		    !strncmp(c[i].key, open + 1, strlen(c[i].key)))
			return &c[i];
	for (size_t i = 0; i < n; i++)
		if (!strcmp(c[i].slug, slug) && !strcmp(c[i].key, field))
			return &c[i];
	char *want = slug_from_name(field);
	const store_conflict *hit = NULL;
	for (size_t i = 0; i < n && !hit; i++)
		if (!strcmp(c[i].slug, slug) && field_fits(&c[i], want, false))
			hit = &c[i];
	size_t hits = 0;
	for (size_t i = 0; i < n && !hit; i++)
		if (!strcmp(c[i].slug, slug) && field_fits(&c[i], want, true))
			hits++;
	for (size_t i = 0; i < n && !hit && hits == 1; i++)
		if (!strcmp(c[i].slug, slug) && field_fits(&c[i], want, true))
			hit = &c[i];
	free(want);
	return hit;
}
