/* spell/speller: the dictionary, the word lists, the cache, the suggestion
 * worker. hunspell's handle is not safe to share between threads, and a
 * suggestion takes 150 ms for a Dutch word, so the caller's thread owns the
 * checking handle and the worker loads a second handle of its own on first
 * use: checking never waits behind a suggestion. Loading (120 ms) happens on
 * a loader thread; until it is done, checks answer SPELL_LOADING.
 *
 * The hunspell library itself is opened by the loader thread (dlopen), not
 * linked: with the C++ runtime it brings it costs every algedit command some
 * 2 ms of start-up, a tenth of a save by `algedit set`, and only the editor
 * and the spelling commands check words. */
#include "config.h"
#include "spell/spell.h"
#include "spell/wset.h"
#include "base/base.h"
#include "base/paths.h"
#include "i18n/i18n.h"

#include <hunspell.h>

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_MAX 200000   /* words; the cache is emptied beyond this */
#define WORD_MAX 100       /* bytes: hunspell's own limit on a word */
#define SUGGEST_MAX 10

enum { ST_LOADING = SPELL_LOADING, ST_READY = SPELL_OK, ST_OFF = SPELL_OFF };

struct spell_suggestion {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	atomic_int refs;       /* the caller's handle and the queue */
	atomic_int cancelled;
	int done;              /* under mu */
	char *word;
	char **list;
	size_t n;
	struct spell_suggestion *next; /* queue link, under the speller's mu */
};

struct speller {
	/* Set by speller_new, read-only afterwards. */
	char *dict_name, *aff, *dic;
	char *team_path, *personal_path, *words_path;
	char *notice;
	void (*notify)(void *);
	void *notify_ud;

	atomic_int state;
	pthread_t loader;
	bool loader_started;

	/* Written by the loader before state leaves ST_LOADING, then read-only. */
	Hunhandle *h;
	wset words;            /* domain list, team and personal words at load time */

	/* The caller's thread only. */
	wset added;            /* added during this session */
	wset ignored;
	wset cache;            /* word -> 1 right, 0 wrong */
	unsigned long gen;     /* bumped when a verdict may change (add, ignore) */
	strbuf buf, low;

	/* The suggestion worker. */
	pthread_mutex_t mu;
	pthread_cond_t cv;     /* loader done, queue changed, quit */
	pthread_t worker;
	bool worker_started, quit;
	spell_suggestion *qhead, *qtail;
	char **pending;        /* words added since, for the worker's handle */
	size_t npending;
};

/* ---- Dictionaries ------------------------------------------------------- */

const char *const *spell_dicts_for_lang(const char *lang)
{
	static const char *const nl[] = { "nl_NL", "nl", NULL };
	static const char *const en[] = { "en_GB", "en_US", NULL };
	static const char *const de[] = { "de_DE", NULL };
	static const char *const fr[] = { "fr_FR", NULL };
	static const char *const fy[] = { "fy_NL", NULL };
	static const struct { const char *code; const char *const *dicts; } map[] = {
		{ "nld", nl }, { "nl", nl }, { "dut", nl }, { "nederlands", nl }, { "dutch", nl },
		{ "eng", en }, { "en", en }, { "engels", en }, { "english", en },
		{ "deu", de }, { "ger", de }, { "de", de }, { "fra", fr }, { "fre", fr }, { "fr", fr },
		{ "fry", fy }, { "fy", fy }, { "fries", fy },
	};
	if (!lang || !*lang)
		return nl;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcasecmp(lang, map[i].code) == 0)
			return map[i].dicts;
	return NULL;
}

/* Folders to look in, joined by ':' (for the notice too). */
static char *dict_dirs(const char *dict_dir)
{
	if (dict_dir)
		return xstrdup(dict_dir);
	const char *env = getenv("DICPATH");
	if (env && *env)
		return xasprintf("%s:/usr/share/hunspell", env);
	return xstrdup("/usr/share/hunspell");
}

static bool find_dict(const char *dirs, const char *name, char **aff, char **dic)
{
	if (strchr(name, '/'))
		return false; /* a name, not a path */
	const char *d = dirs;
	while (*d) {
		size_t n = strcspn(d, ":");
		char *a = xasprintf("%.*s/%s.aff", (int)n, d, name);
		char *b = xasprintf("%.*s/%s.dic", (int)n, d, name);
		if (n && access(a, R_OK) == 0 && access(b, R_OK) == 0) {
			*aff = a;
			*dic = b;
			return true;
		}
		free(a);
		free(b);
		d += n;
		if (*d == ':')
			d++;
	}
	return false;
}

/* ---- Word files --------------------------------------------------------- */

static void load_list(wset *s, const char *path)
{
	char *data;
	size_t len;
	if (!path || !*path || read_file(path, 16 << 20, &data, &len) < 0)
		return; /* a missing list is normal: nobody added a word yet */
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && data[e] != '\n')
			e++;
		size_t a = i, b = a;
		while (a < e && (data[a] == ' ' || data[a] == '\t'))
			a++;
		b = a;
		while (b < e && data[b] != ' ' && data[b] != '\t' && data[b] != '\r')
			b++;
		if (b > a && data[a] != '#' && utf8_invalid_offset(data + a, b - a) < 0)
			wset_put(s, data + a, b - a, 1);
		i = e + 1;
	}
	free(data);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Rewrites the list with the word in it: '#' lines first, as they were, then
 * every word once, sorted. Sorted lines keep two people's additions apart in
 * a git merge. */
static int add_to_file(const char *path, const char *word, size_t n)
{
	char *data = NULL;
	size_t len = 0;
	if (read_file(path, 16 << 20, &data, &len) < 0) {
		if (errno != ENOENT)
			return -1;
		data = NULL;
		len = 0;
	}
	strbuf out = STRBUF_INIT;
	char **words = NULL;
	size_t nw = 0, cap = 0;
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && data[e] != '\n')
			e++;
		size_t a = i;
		while (a < e && (data[a] == ' ' || data[a] == '\t'))
			a++;
		size_t b = e;
		while (b > a && (data[b - 1] == ' ' || data[b - 1] == '\t' || data[b - 1] == '\r'))
			b--;
		if (b > a && data[a] == '#') {
			sb_add(&out, data + i, e - i);
			sb_addc(&out, '\n');
		} else if (b > a) {
			if (nw == cap)
				words = xrealloc(words, (cap = cap ? 2 * cap : 64) * sizeof *words);
			words[nw++] = xstrndup(data + a, b - a);
		}
		i = e + 1;
	}
	if (nw == cap)
		words = xrealloc(words, (cap = cap ? 2 * cap : 64) * sizeof *words);
	words[nw++] = xstrndup(word, n);
	qsort(words, nw, sizeof *words, cmp_str);
	for (size_t i = 0; i < nw; i++) {
		if (i == 0 || strcmp(words[i], words[i - 1]) != 0) {
			sb_adds(&out, words[i]);
			sb_addc(&out, '\n');
		}
	}
	for (size_t i = 0; i < nw; i++)
		free(words[i]);
	free(words);
	free(data);
	int rc = mkdir_parent(path, 0700);
	if (rc == 0)
		rc = write_file_atomic(path, out.s ? out.s : "", out.len);
	int e = errno;
	sb_done(&out);
	errno = e;
	return rc;
}

static char *default_personal_path(void)
{
	return xdg_path(XDG_CONFIG, "dictionary.txt");
}

/* ---- Threads ------------------------------------------------------------ */

/* pthread_create with every signal blocked in the new thread, so that the
 * signals meant for the program (SIGWINCH, SIGTERM, SIGHUP) reach the main
 * thread, whose wait for a key they must end: one taken by a speller thread
 * would leave the editor waiting for the next key. */
static int start_thread(pthread_t *t, void *(*fn)(void *), void *arg)
{
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int r = pthread_create(t, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return r;
}

/* ---- Loading ------------------------------------------------------------ */

/* The library's functions, set once by hs_open. HUNSPELL_SONAME is the
 * library the build was configured against (configure.ac); where that name
 * is not there, the development link to it (HUNSPELL_DEVNAME). */
static struct {
	__typeof__(Hunspell_create) *create;
	__typeof__(Hunspell_destroy) *destroy;
	__typeof__(Hunspell_spell) *spell;
	__typeof__(Hunspell_suggest) *suggest;
	__typeof__(Hunspell_free_list) *free_list;
	__typeof__(Hunspell_add) *add;
	char *error;    /* why it could not be opened */
} hs;
static pthread_once_t hs_once = PTHREAD_ONCE_INIT;

static void hs_open_once(void)
{
	void *lib = dlopen(HUNSPELL_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		lib = dlopen(HUNSPELL_DEVNAME, RTLD_NOW | RTLD_LOCAL);
	if (lib) {
#define HS_SYM(field, name) (hs.field = (__typeof__(hs.field))dlsym(lib, name))
		HS_SYM(create, "Hunspell_create");
		HS_SYM(destroy, "Hunspell_destroy");
		HS_SYM(spell, "Hunspell_spell");
		HS_SYM(suggest, "Hunspell_suggest");
		HS_SYM(free_list, "Hunspell_free_list");
		HS_SYM(add, "Hunspell_add");
#undef HS_SYM
	}
	if (!lib || !hs.create || !hs.destroy || !hs.spell || !hs.suggest || !hs.free_list || !hs.add) {
		const char *why = dlerror();
		hs.error = xstrdup(why ? why : HUNSPELL_SONAME);
		hs.create = NULL;
	}
}

/* True when the library's functions are there; else hs.error says why. */
static bool hs_open(void)
{
	pthread_once(&hs_once, hs_open_once);
	return hs.create != NULL;
}

static void *load_main(void *arg)
{
	speller *sp = arg;
	bool lib = hs_open();
	Hunhandle *h = lib ? hs.create(sp->aff, sp->dic) : NULL;
	load_list(&sp->words, sp->words_path);
	load_list(&sp->words, sp->team_path);
	load_list(&sp->words, sp->personal_path);
	pthread_mutex_lock(&sp->mu);
	sp->h = h;
	if (!lib)
		sp->notice = xasprintf(_("Spell-checking is off: the hunspell library could not be loaded (%s); install the package hunspell."),
		                       hs.error);
	else if (!h)
		sp->notice = xasprintf(_("Spell-checking is off: the dictionary %s could not be read."),
		                       sp->dic);
	atomic_store(&sp->state, h ? ST_READY : ST_OFF);
	pthread_cond_broadcast(&sp->cv);
	pthread_mutex_unlock(&sp->mu);
	return NULL;
}

speller *speller_new(const speller_opts *opts)
{
	static const speller_opts none = { 0 };
	if (!opts)
		opts = &none;
	speller *sp = xcalloc(1, sizeof *sp);
	wset_init(&sp->words);
	wset_init(&sp->added);
	wset_init(&sp->ignored);
	wset_init(&sp->cache);
	sb_init(&sp->buf);
	sb_init(&sp->low);
	pthread_mutex_init(&sp->mu, NULL);
	pthread_cond_init(&sp->cv, NULL);
	sp->notify = opts->notify;
	sp->notify_ud = opts->notify_ud;
	sp->team_path = opts->team_path && *opts->team_path ? xstrdup(opts->team_path) : NULL;
	sp->personal_path = opts->personal_path ? (*opts->personal_path ? xstrdup(opts->personal_path) : NULL)
	                                        : default_personal_path();
	atomic_init(&sp->state, ST_LOADING);

	char *dirs = dict_dirs(opts->dict_dir);
	const char *const *cands = NULL;
	const char *one[2] = { opts->dict, NULL };
	if (opts->dict && *opts->dict)
		cands = one;
	else
		cands = spell_dicts_for_lang(opts->lang);
	if (!cands) {
		sp->dict_name = xstrdup("");
		sp->notice = xasprintf(_("Spell-checking is off: no dictionary is known for the language \"%s\"."),
		                       opts->lang);
	} else {
		for (const char *const *c = cands; *c && !sp->aff; c++)
			if (find_dict(dirs, *c, &sp->aff, &sp->dic))
				sp->dict_name = xstrdup(*c);
		if (!sp->aff) {
			sp->dict_name = xstrdup(cands[0]);
			sp->notice = xasprintf(_("Spell-checking is off: no hunspell dictionary %s in %s "
			                         "(for Dutch, install the package hunspell-nl)."),
			                       cands[0], dirs);
		}
	}
	free(dirs);
	if (!sp->aff) {
		atomic_store(&sp->state, ST_OFF);
		return sp;
	}
	if (opts->words_path)
		sp->words_path = *opts->words_path ? xstrdup(opts->words_path) : NULL;
	else if (strncmp(sp->dict_name, "nl", 2) == 0)
		sp->words_path = xasprintf("%s/spell/words/nl-register.txt", algedit_datadir());
	if (start_thread(&sp->loader, load_main, sp) == 0)
		sp->loader_started = true;
	else
		load_main(sp); /* no thread to be had: load here rather than not at all */
	return sp;
}

spell_status speller_state(const speller *sp)
{
	return (spell_status)atomic_load((atomic_int *)&sp->state);
}

bool speller_ready(const speller *sp)
{
	return speller_state(sp) == SPELL_OK;
}

spell_status speller_wait(speller *sp)
{
	pthread_mutex_lock(&sp->mu);
	while (atomic_load(&sp->state) == ST_LOADING)
		pthread_cond_wait(&sp->cv, &sp->mu);
	pthread_mutex_unlock(&sp->mu);
	return speller_state(sp);
}

const char *speller_notice(const speller *sp)
{
	return speller_state(sp) == SPELL_OFF ? sp->notice : NULL;
}

const char *speller_dict_name(const speller *sp)
{
	return sp->dict_name;
}

const char *speller_team_path(const speller *sp)
{
	return sp->team_path;
}

const char *speller_personal_path(const speller *sp)
{
	return sp->personal_path;
}

/* ---- Checking ----------------------------------------------------------- */

static uint32_t to_lower(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if ((c >= 0x100 && c <= 0x137 && !(c & 1)) || (c >= 0x14A && c <= 0x177 && !(c & 1)) ||
	    (c >= 0x139 && c <= 0x148 && (c & 1)) || (c >= 0x179 && c <= 0x17E && (c & 1)))
		return c + 1;
	if (c >= 0x391 && c <= 0x3AB)
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

/* Lower-cases the first letter (first_only) or all of w into sp->low. Returns
 * false when nothing changed. */
static bool lower_into(strbuf *out, const char *w, size_t n, bool first_only)
{
	sb_reset(out);
	bool changed = false;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		int l = utf8_decode(w + i, n - i, &c);
		if (l <= 0)
			return false;
		uint32_t lc = (first_only && i > 0) ? c : to_lower(c);
		if (lc != c)
			changed = true;
		sb_add_utf8(out, lc);
		i += (size_t)l;
	}
	return changed;
}

static bool in_lists(const speller *sp, const char *w, size_t n)
{
	return wset_get(&sp->words, w, n) > 0 || wset_get(&sp->added, w, n) > 0 ||
	       wset_get(&sp->ignored, w, n) > 0;
}

/* Our lists: as typed, with a capital at the start of a sentence, or in
 * capitals throughout (a heading). */
static bool lists_accept(speller *sp, const char *w, size_t n)
{
	if (in_lists(sp, w, n))
		return true;
	if (lower_into(&sp->low, w, n, true) && in_lists(sp, sp->low.s, sp->low.len))
		return true;
	return lower_into(&sp->low, w, n, false) && in_lists(sp, sp->low.s, sp->low.len);
}

static bool accept(speller *sp, const char *w, size_t n)
{
	if (n == 0)
		return true;
	int v = wset_get(&sp->cache, w, n);
	if (v >= 0)
		return v == 1;
	bool ok = lists_accept(sp, w, n);
	if (!ok && n <= WORD_MAX) {
		sb_reset(&sp->buf);
		sb_add(&sp->buf, w, n);
		ok = hs.spell(sp->h, sp->buf.s) != 0;
	}
	if (sp->cache.n >= CACHE_MAX)
		wset_clear(&sp->cache);
	wset_put(&sp->cache, w, n, ok ? 1 : 0);
	return ok;
}

typedef struct ranges {
	spell_range *r;
	size_t n, cap;
} ranges;

static void add_range(ranges *rs, size_t start, size_t len)
{
	if (rs->n == rs->cap)
		rs->r = xrealloc(rs->r, (rs->cap = rs->cap ? 2 * rs->cap : 16) * sizeof *rs->r);
	rs->r[rs->n].start = start;
	rs->r[rs->n].len = len;
	rs->n++;
}

static bool is_conjunction(const char *w, size_t n)
{
	static const char *const conj[] = { "en", "of", "tot", "noch", "als", "dan", "&", NULL };
	for (int i = 0; conj[i]; i++)
		if (strlen(conj[i]) == n && memcmp(conj[i], w, n) == 0)
			return true;
	return false;
}

/* "persoons- en adresgegevens": the first part stands for a compound whose
 * tail is written once, later. Accepts the part when the part joined to the
 * next full word is a word. */
static bool elided_compound(speller *sp, const char *text, size_t len, size_t from,
                            const char *part, size_t pn)
{
	spell_token t;
	size_t pos = from;
	for (int k = 0; k < 6 && spell_next_token(text, len, &pos, &t); k++) {
		if (t.kind != SPELL_TOK_WORD && t.kind != SPELL_TOK_MIXED)
			return false;
		if (t.trailing_hyphen || is_conjunction(text + t.start, t.len))
			continue;
		strbuf joined = STRBUF_INIT;
		sb_add(&joined, part, pn);
		lower_into(&sp->low, text + t.start, t.len, true);
		sb_add(&joined, sp->low.s, sp->low.len);
		bool ok = accept(sp, joined.s, joined.len);
		sb_done(&joined);
		return ok;
	}
	return false;
}

static size_t hyphen_at(const char *w, size_t n, size_t i)
{
	if (w[i] == '-')
		return 1;
	if (i + 3 <= n && memcmp(w + i, "\xE2\x80\x91", 3) == 0)
		return 3;
	return 0;
}

static void check_token(speller *sp, const char *text, size_t len, const spell_token *t,
                        ranges *rs);

/* Parts i..j written as one word: a hyphen may break a long compound for
 * readability (bijhoudings-verantwoordelijke), between small letters. */
static bool accept_unhyphenated(speller *sp, const char *w, const size_t *ps, const size_t *pe,
                                size_t i, size_t j)
{
	strbuf b = STRBUF_INIT;
	bool ok = true;
	for (size_t x = i; x <= j && ok; x++) {
		if (pe[x] == ps[x] || (x > i && !(w[ps[x]] >= 'a' && w[ps[x]] <= 'z')) ||
		    (x < j && !(w[pe[x] - 1] >= 'a' && w[pe[x] - 1] <= 'z')))
			ok = false;
		sb_add(&b, w + ps[x], pe[x] - ps[x]);
	}
	ok = ok && accept(sp, b.s, b.len);
	sb_done(&b);
	return ok;
}

/* "(persoons)gegevens": right when the whole compound is a word. Else the
 * word after the parenthesis is checked on its own, and when that one is
 * right, the part in parentheses is what is wrong. */
static void paren_token(speller *sp, const char *text, size_t len, const spell_token *t,
                        ranges *rs)
{
	const char *w = text + t->start;
	const char *close = memchr(w, ')', t->len);
	size_t in = (size_t)(close - w) - 1, rest = t->len - in - 2;
	strbuf joined = STRBUF_INIT;
	sb_add(&joined, w + 1, in);
	sb_add(&joined, close + 1, rest);
	bool ok = accept(sp, joined.s, joined.len);
	sb_done(&joined);
	if (ok)
		return;
	spell_token b = { t->start + in + 2, rest, spell_classify(close + 1, rest), t->dot_follows,
	                  false, false };
	size_t before = rs->n;
	check_token(sp, text, len, &b, rs);
	if (rs->n == before && spell_classify(w + 1, in) == SPELL_TOK_WORD)
		add_range(rs, t->start + 1, in);
}

static void check_token(speller *sp, const char *text, size_t len, const spell_token *t,
                        ranges *rs)
{
	if (t->kind != SPELL_TOK_WORD)
		return;
	const char *w = text + t->start;
	size_t n = t->len;
	if (t->paren_compound) {
		paren_token(sp, text, len, t, rs);
		return;
	}
	if (accept(sp, w, n) || (t->dot_follows && accept(sp, w, n + 1)))
		return;
	size_t base = n;
	if (t->trailing_hyphen)
		base -= w[n - 1] == '-' ? 1 : 3;
	/* The parts of a hyphenated word: the longest run of parts that is a word
	 * (look-alike in look-alike-fraude), else each part on its own. */
	enum { MAXP = 16 };
	size_t ps[MAXP], pe[MAXP], k = 0;
	for (size_t i = 0; i <= base && k < MAXP;) {
		size_t e = i, hl = 0;
		while (e < base && !(hl = hyphen_at(w, base, e)))
			e++;
		ps[k] = i;
		pe[k++] = e;
		if (e >= base)
			break;
		i = e + hl;
	}
	if (k && pe[k - 1] < base)
		pe[k - 1] = base; /* more parts than MAXP: the rest goes with the last */
	for (size_t i = 0; i < k;) {
		size_t j = k - 1;
		while (j > i && !((j - i < k - 1 && accept(sp, w + ps[i], pe[j] - ps[i])) ||
		                  accept_unhyphenated(sp, w, ps, pe, i, j)))
			j--;
		if (j > i) {
			i = j + 1;
			continue;
		}
		const char *p = w + ps[i];
		size_t pn = pe[i] - ps[i];
		if (pn && spell_classify(p, pn) == SPELL_TOK_WORD && !accept(sp, p, pn)) {
			bool last = i == k - 1, ok = false;
			if (last && t->dot_follows && base == n)
				ok = accept(sp, p, pn + 1);
			if (!ok && last && t->trailing_hyphen)
				ok = elided_compound(sp, text, len, t->start + n, p, pn);
			if (!ok)
				add_range(rs, t->start + ps[i], pn);
		}
		i++;
	}
}

static spell_status check_into(speller *sp, const char *text, size_t len, ranges *rs)
{
	spell_status st = speller_state(sp);
	if (st != SPELL_OK)
		return st;
	size_t pos = 0;
	spell_token t;
	while (spell_next_token(text, len, &pos, &t))
		check_token(sp, text, len, &t, rs);
	return SPELL_OK;
}

spell_status speller_check_text(speller *sp, const char *text, size_t len, spell_range **out,
                                size_t *n)
{
	ranges rs = { NULL, 0, 0 };
	spell_status st = check_into(sp, text, len, &rs);
	*out = rs.r;
	*n = rs.n;
	return st;
}

/* ---- Checking while editing ------------------------------------------- */

struct spell_doc {
	char *text;            /* the text of the last check */
	size_t len;
	ranges rs;             /* its misspellings */
	unsigned long gen;     /* the speller's gen then */
	bool valid;            /* a check with the dictionary was made */
};

spell_doc *spell_doc_new(void)
{
	return xcalloc(1, sizeof(spell_doc));
}

void spell_doc_free(spell_doc **pd)
{
	spell_doc *d = *pd;
	if (!d)
		return;
	free(d->text);
	free(d->rs.r);
	xfree(pd);
}

static bool ascii_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* How far back to read again before a change at p: a chunk start (after
 * ASCII white space, or 0) with at least `words` tokens in the whole chunks
 * between it and p. A word's verdict depends on its own chunk and on the
 * words after it: up to six of them, for "land- en tuinbouw"
 * (elided_compound); so the words before that point keep theirs. */
static size_t restart_before(const char *s, size_t p, int words)
{
	size_t r = p;
	while (r > 0 && !ascii_space(s[r - 1]))
		r--;
	for (int have = 0; r > 0 && have < words;) {
		size_t e = r;
		while (e > 0 && ascii_space(s[e - 1]))
			e--;
		size_t b = e;
		while (b > 0 && !ascii_space(s[b - 1]))
			b--;
		/* Tokens do not cross white space: the chunk read alone has its
		 * own tokens. */
		size_t pos = b;
		spell_token t;
		while (spell_next_token(s, e, &pos, &t))
			have++;
		r = b;
	}
	return r;
}

/* The checks of text that differ from those of the doc's text. */
static void recheck(speller *sp, const spell_doc *d, const char *text, size_t len, ranges *rs)
{
	const char *old = d->text;
	size_t olen = d->len, most = olen < len ? olen : len, pre = 0, suf = 0;
	while (pre < most && old[pre] == text[pre])
		pre++;
	while (suf < most - pre && old[olen - 1 - suf] == text[len - 1 - suf])
		suf++;
	size_t from = restart_before(text, pre, 7);
	size_t i = 0;
	for (; i < d->rs.n && d->rs.r[i].start < from; i++)
		add_range(rs, d->rs.r[i].start, d->rs.r[i].len);
	/* Read on from there until a chunk that starts after white space in
	 * the unchanged end: from it on, words, verdicts and ranges are the old
	 * ones, moved by the difference in length. */
	size_t same = len - suf, pos = from, resume = len;
	spell_token t;
	while (spell_next_token(text, len, &pos, &t)) {
		if (t.start > same && ascii_space(text[t.start - 1])) {
			resume = t.start;
			break;
		}
		check_token(sp, text, len, &t, rs);
	}
	if (resume == len)
		return;
	size_t old_resume = resume - len + olen;
	for (i = 0; i < d->rs.n; i++)
		if (d->rs.r[i].start >= old_resume)
			add_range(rs, d->rs.r[i].start - olen + len, d->rs.r[i].len);
}

spell_status speller_check_doc(speller *sp, spell_doc *d, const char *text, size_t len,
                               const spell_range **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	spell_status st = speller_state(sp);
	if (st != SPELL_OK) {
		d->valid = false;
		return st;
	}
	ranges rs = { NULL, 0, 0 };
	if (d->valid && d->gen == sp->gen)
		recheck(sp, d, text, len, &rs);
	else
		check_into(sp, text, len, &rs);
	free(d->rs.r);
	d->rs = rs;
	free(d->text);
	d->text = xmalloc(len + 1);
	memcpy(d->text, text, len);
	d->text[len] = '\0';
	d->len = len;
	d->gen = sp->gen;
	d->valid = true;
	*out = d->rs.r;
	*n = d->rs.n;
	return SPELL_OK;
}

spell_status speller_check_word(speller *sp, const char *word, size_t len, bool *ok)
{
	spell_status st = speller_state(sp);
	*ok = true;
	if (st == SPELL_OK)
		*ok = accept(sp, word, len);
	return st;
}

void spell_line_col(const char *text, size_t off, int line0, int col0, int cont_col, int *line,
                    int *col)
{
	int l = line0, c = col0;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			l++;
			c = cont_col;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

spell_status speller_findings(speller *sp, const char *text, size_t len, int line0, int col0,
                              int cont_col, spell_finding **out, size_t *n)
{
	spell_range *r;
	size_t nr;
	*out = NULL;
	*n = 0;
	spell_status st = speller_check_text(sp, text, len, &r, &nr);
	if (st != SPELL_OK || nr == 0)
		return st;
	spell_finding *f = xcalloc(nr, sizeof *f);
	int line = line0, col = col0;
	size_t at = 0;
	for (size_t i = 0; i < nr; i++) {
		/* ranges come in text order: walk on from the previous one */
		spell_line_col(text + at, r[i].start - at, line, col, cont_col, &line, &col);
		at = r[i].start;
		f[i].line = line;
		f[i].col = col;
		f[i].word = xstrndup(text + r[i].start, r[i].len);
	}
	free(r);
	*out = f;
	*n = nr;
	return SPELL_OK;
}

void spell_findings_free(spell_finding **f, size_t n)
{
	if (!*f)
		return;
	for (size_t i = 0; i < n; i++)
		free((*f)[i].word);
	xfree(f);
}

/* ---- Adding and ignoring ------------------------------------------------ */

static bool valid_word(const char *w, size_t n)
{
	if (n == 0 || n > WORD_MAX || w[0] == '#' || utf8_invalid_offset(w, n) >= 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c <= ' ' || c == 0x7F)
			return false;
	}
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += (size_t)utf8_decode(w + i, n - i, &c);
		if (c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
		    c == 0x202F || c == 0x3000 || c == 0xFEFF)
			return false;
	}
	return true;
}

static void accept_now(speller *sp, wset *set, const char *w, size_t n)
{
	wset_put(set, w, n, 1);
	wset_clear(&sp->cache); /* verdicts on this word's forms (and compounds) change */
	sp->gen++;
	if (set == &sp->ignored)
		return;
	pthread_mutex_lock(&sp->mu);
	sp->pending = xrealloc(sp->pending, (sp->npending + 1) * sizeof *sp->pending);
	sp->pending[sp->npending++] = xstrndup(w, n);
	pthread_mutex_unlock(&sp->mu);
}

spell_status speller_ignore_word(speller *sp, const char *word, size_t len)
{
	if (!valid_word(word, len))
		return SPELL_ERR_WORD;
	accept_now(sp, &sp->ignored, word, len);
	return SPELL_OK;
}

void speller_clear_ignored(speller *sp)
{
	wset_clear(&sp->ignored);
	wset_clear(&sp->cache);
	sp->gen++;
}

static spell_status add_to(speller *sp, const char *path, const char *word, size_t len)
{
	if (!valid_word(word, len))
		return SPELL_ERR_WORD;
	if (!path) {
		errno = ENOENT;
		return SPELL_ERR_IO;
	}
	if (add_to_file(path, word, len) < 0)
		return SPELL_ERR_IO;
	accept_now(sp, &sp->added, word, len);
	return SPELL_OK;
}

spell_status speller_add_team(speller *sp, const char *word, size_t len)
{
	return add_to(sp, sp->team_path, word, len);
}

spell_status speller_add_personal(speller *sp, const char *word, size_t len)
{
	return add_to(sp, sp->personal_path, word, len);
}

/* ---- Suggestions -------------------------------------------------------- */

static void sugg_unref(spell_suggestion *s)
{
	if (atomic_fetch_sub(&s->refs, 1) != 1)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->list[i]);
	free(s->list);
	free(s->word);
	pthread_mutex_destroy(&s->mu);
	pthread_cond_destroy(&s->cv);
	free(s);
}

static void sugg_finish(spell_suggestion *s, char **list, size_t n)
{
	pthread_mutex_lock(&s->mu);
	s->list = list;
	s->n = n;
	s->done = 1;
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

static void *worker_main(void *arg)
{
	speller *sp = arg;
	Hunhandle *h = NULL;
	pthread_mutex_lock(&sp->mu);
	while (!sp->quit && atomic_load(&sp->state) == ST_LOADING)
		pthread_cond_wait(&sp->cv, &sp->mu);
	for (;;) {
		while (!sp->quit && !sp->qhead)
			pthread_cond_wait(&sp->cv, &sp->mu);
		if (sp->quit)
			break;
		spell_suggestion *s = sp->qhead;
		sp->qhead = s->next;
		if (!sp->qhead)
			sp->qtail = NULL;
		char **add = sp->pending;
		size_t nadd = sp->npending;
		sp->pending = NULL;
		sp->npending = 0;
		pthread_mutex_unlock(&sp->mu);

		if (!h && atomic_load(&sp->state) == ST_READY) {
			h = hs.create(sp->aff, sp->dic);
			/* the lists, so that suggestions may offer the register's words */
			size_t i = 0;
			for (const wset_entry *e; h && (e = wset_next(&sp->words, &i));)
				hs.add(h, e->key);
		}
		for (size_t i = 0; i < nadd; i++) {
			if (h)
				hs.add(h, add[i]);
			free(add[i]);
		}
		free(add);
		char **list = NULL;
		size_t n = 0;
		if (h && !atomic_load(&s->cancelled)) {
			char **sl = NULL;
			int k = hs.suggest(h, &sl, s->word);
			if (k > 0) {
				n = (size_t)k < SUGGEST_MAX ? (size_t)k : SUGGEST_MAX;
				list = xcalloc(n, sizeof *list);
				for (size_t i = 0; i < n; i++)
					list[i] = xstrdup(sl[i]);
			}
			if (sl)
				hs.free_list(h, &sl, k);
		}
		sugg_finish(s, list, n);
		if (!atomic_load(&s->cancelled) && sp->notify)
			sp->notify(sp->notify_ud);
		sugg_unref(s);
		pthread_mutex_lock(&sp->mu);
	}
	pthread_mutex_unlock(&sp->mu);
	if (h)
		hs.destroy(h);
	return NULL;
}

spell_status speller_suggest_async(speller *sp, const char *word, size_t len,
                                   spell_suggestion **out)
{
	*out = NULL;
	if (speller_state(sp) == SPELL_OFF)
		return SPELL_OFF;
	if (len == 0 || len > WORD_MAX)
		return SPELL_ERR_WORD;
	spell_suggestion *s = xcalloc(1, sizeof *s);
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->cv, NULL);
	atomic_init(&s->refs, 2);
	atomic_init(&s->cancelled, 0);
	s->word = xstrndup(word, len);
	pthread_mutex_lock(&sp->mu);
	if (!sp->worker_started) {
		if (start_thread(&sp->worker, worker_main, sp) != 0) {
			pthread_mutex_unlock(&sp->mu);
			sugg_finish(s, NULL, 0); /* no thread: an empty list, not a hang */
			atomic_store(&s->refs, 1);
			*out = s;
			return SPELL_OK;
		}
		sp->worker_started = true;
	}
	if (sp->qtail)
		sp->qtail->next = s;
	else
		sp->qhead = s;
	sp->qtail = s;
	pthread_cond_broadcast(&sp->cv);
	pthread_mutex_unlock(&sp->mu);
	*out = s;
	return SPELL_OK;
}

spell_status spell_suggestion_poll(spell_suggestion *s, char *const **list, size_t *n)
{
	pthread_mutex_lock(&s->mu);
	int done = s->done;
	*list = done ? s->list : NULL;
	*n = done ? s->n : 0;
	pthread_mutex_unlock(&s->mu);
	return done ? SPELL_OK : SPELL_PENDING;
}

spell_status spell_suggestion_wait(spell_suggestion *s, char *const **list, size_t *n)
{
	pthread_mutex_lock(&s->mu);
	while (!s->done)
		pthread_cond_wait(&s->cv, &s->mu);
	*list = s->list;
	*n = s->n;
	pthread_mutex_unlock(&s->mu);
	return SPELL_OK;
}

void spell_suggestion_free(spell_suggestion **s)
{
	if (!*s)
		return;
	atomic_store(&(*s)->cancelled, 1);
	sugg_unref(*s);
	*s = NULL;
}

/* ---- Freeing ------------------------------------------------------------ */

void speller_free(speller **spp)
{
	speller *sp = *spp;
	if (!sp)
		return;
	if (sp->loader_started)
		pthread_join(sp->loader, NULL);
	pthread_mutex_lock(&sp->mu);
	sp->quit = true;
	pthread_cond_broadcast(&sp->cv);
	pthread_mutex_unlock(&sp->mu);
	if (sp->worker_started)
		pthread_join(sp->worker, NULL);
	/* requests still queued end with an empty list; their handles stay valid */
	for (spell_suggestion *s = sp->qhead, *next; s; s = next) {
		next = s->next;
		sugg_finish(s, NULL, 0);
		sugg_unref(s);
	}
	for (size_t i = 0; i < sp->npending; i++)
		free(sp->pending[i]);
	free(sp->pending);
	if (sp->h)
		hs.destroy(sp->h);
	wset_done(&sp->words);
	wset_done(&sp->added);
	wset_done(&sp->ignored);
	wset_done(&sp->cache);
	sb_done(&sp->buf);
	sb_done(&sp->low);
	pthread_mutex_destroy(&sp->mu);
	pthread_cond_destroy(&sp->cv);
	free(sp->dict_name);
	free(sp->aff);
	free(sp->dic);
	free(sp->team_path);
	free(sp->personal_path);
	free(sp->words_path);
	free(sp->notice);
	xfree(spp);
}
