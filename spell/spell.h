/* spell: Dutch spell-checking for descriptions, behind a small API. It owns
 * the tokenizer for Dutch prose, the hunspell dictionary (loaded on a
 * background thread), the word lists (algedit's domain list, the team's
 * .algedit/dictionary.txt, the personal list), a cache of checked words and
 * the suggestion worker. Only spell/ includes hunspell.h.
 *
 * Threads: every function here is meant for one thread, the caller's (the
 * editor's loop, or a command). The loader and the suggestion worker are
 * internal; the only code that runs on them is opts.notify. */
#ifndef ALGEDIT_SPELL_H
#define ALGEDIT_SPELL_H

#include <stdbool.h>
#include <stddef.h>

/* ---- Tokenizer ---------------------------------------------------------- */

typedef enum spell_tok_kind {
	SPELL_TOK_WORD,     /* to be checked: letters, with ' ’ - inside (zo’n, AI-verordening),
	                       "m.b.t."-style abbreviations with their dots, or an
	                       elided compound part with its hyphen ("persoons-") */
	SPELL_TOK_ACRONYM,  /* capitals (and digits), 2-8 characters of which at most 6
	                       letters, optionally with 's, 'er or 'ers after an
	                       apostrophe: AVG, DPIA, B1, API's, ZZP'er; not checked */
	SPELL_TOK_MIXED,    /* two capitals or more, one after a small letter (RvdK,
	                       DigiD), or three at the start (MONOcam): names and
	                       abbreviations, not checked */
	SPELL_TOK_NUMBER,   /* contains digits: 12, 3:4, 1.000,50, 12-03-2023, 2e, 4Woz */
	SPELL_TOK_URL,      /* https://..., www..., algoritmes.overheid.nl/... */
	SPELL_TOK_EMAIL,    /* name@example.nl */
} spell_tok_kind;

typedef struct spell_token {
	size_t start;       /* byte offset in the text */
	size_t len;         /* bytes */
	spell_tok_kind kind;
	bool dot_follows;   /* a '.' follows at once: "bijv" may be the abbreviation "bijv." */
	bool trailing_hyphen; /* the token ends in '-' before a space: "persoons- en adresgegevens" */
	bool paren_compound;  /* "(persoons)gegevens": the parenthesised part is optional */
} spell_token;

/* Finds the next token in text[0..len) at or after *pos and advances *pos past
 * it. Returns false at the end. Start with *pos = 0; any *pos that lies on a
 * character boundary works, so a caller may re-tokenize from a line start.
 * Separators are spaces, punctuation, quotes (‘ ’ “ ” " ' when not inside a
 * word), the slash between words (aanvraag/aangifte gives two tokens), and
 * invalid UTF-8 bytes. The text is never changed: ’ and ĳ stay as typed. */
bool spell_next_token(const char *text, size_t len, size_t *pos, spell_token *tok);

/* The kind of one word or one part of a hyphenated word (no URL/e-mail test). */
spell_tok_kind spell_classify(const char *w, size_t len);

/* ---- Speller ------------------------------------------------------------ */

typedef enum spell_status {
	SPELL_OK = 0,
	SPELL_LOADING,      /* the dictionary is still loading: nothing was checked, try later */
	SPELL_OFF,          /* no dictionary: checking is off; speller_notice() says why */
	SPELL_PENDING,      /* a suggestion is still being computed */
	SPELL_ERR_WORD,     /* not a word that can be added (empty, spaces, bad UTF-8, too long) */
	SPELL_ERR_IO,       /* a dictionary file could not be written; errno is kept */
} spell_status;

typedef struct speller_opts {
	const char *lang;          /* the description's language: "nld" (also NULL), "eng", ... */
	const char *dict;          /* a hunspell dictionary name (nl_BE, en_US): overrides lang */
	const char *dict_dir;      /* folder with NAME.aff and NAME.dic; NULL: $DICPATH, then
	                              /usr/share/hunspell */
	const char *team_path;     /* the drafts repository's .algedit/dictionary.txt; NULL: none */
	const char *personal_path; /* NULL: $XDG_CONFIG_HOME/algedit/dictionary.txt (default
	                              ~/.config/...); "": none */
	const char *words_path;    /* the domain list; NULL: DATADIR/spell/words/nl-register.txt
	                              for a Dutch dictionary, none otherwise; "": none */
	/* Called on the worker thread when a suggestion list is ready, so that
	 * the editor can wake its loop (write to a pipe); may be NULL. */
	void (*notify)(void *ud);
	void *notify_ud;
} speller_opts;

typedef struct speller speller;

typedef struct spell_range {
	size_t start;   /* byte offset of a misspelt word in the text given */
	size_t len;     /* its length in bytes */
} spell_range;

/* Starts loading the dictionary on a background thread and returns at once
 * (never NULL). When no dictionary is found the speller is SPELL_OFF at once
 * and speller_notice() says so; that is not an error. opts may be NULL. */
speller *speller_new(const speller_opts *opts);
void speller_free(speller **sp);

/* SPELL_OK when ready, SPELL_LOADING, or SPELL_OFF. Never blocks. */
spell_status speller_state(const speller *sp);
bool speller_ready(const speller *sp);
/* Blocks until loading is over (for commands and tests); returns the state. */
spell_status speller_wait(speller *sp);
/* A translated one-line notice when checking is off ("Spell-checking is off:
 * ..."), else NULL. */
const char *speller_notice(const speller *sp);
/* The hunspell dictionary in use or wanted, e.g. "nl_NL". */
const char *speller_dict_name(const speller *sp);

/* Checks UTF-8 text and returns the misspelt words as byte ranges, in text
 * order, in *out (malloc'd, free() it; NULL when *n is 0). Where a hyphenated
 * word fails as a whole, each failing part is a range of its own. Returns
 * SPELL_LOADING or SPELL_OFF (with *n = 0) instead of waiting. Words already
 * seen are answered from a cache, so re-checking a field after a key costs
 * microseconds. */
spell_status speller_check_text(speller *sp, const char *text, size_t len,
                                spell_range **out, size_t *n);
/* A text checked again and again while it is edited (the editor's field):
 * speller_check_doc gives what speller_check_text would, but reads again
 * only the words around what changed since the doc's last check (and the
 * whole text after a word was added or ignored). The ranges stay owned by
 * the doc, valid until its next check. */
typedef struct spell_doc spell_doc;
spell_doc *spell_doc_new(void);
void spell_doc_free(spell_doc **doc);
spell_status speller_check_doc(speller *sp, spell_doc *doc, const char *text, size_t len,
                               const spell_range **out, size_t *n);

/* One word as typed (no tokenizing): *ok is true when it is spelt right. */
spell_status speller_check_word(speller *sp, const char *word, size_t len, bool *ok);

/* For `algedit check --spell`: the misspellings of a text that starts in a
 * file at (line0, col0), 1-based; lines after the first start at column
 * cont_col (1 for plain text, indent + 1 for a YAML block scalar whose
 * indentation was removed). Columns count code points. */
typedef struct spell_finding {
	int line, col;
	char *word;
} spell_finding;
spell_status speller_findings(speller *sp, const char *text, size_t len, int line0, int col0,
                              int cont_col, spell_finding **out, size_t *n);
void spell_findings_free(spell_finding **f, size_t n);
/* Line and column (1-based, code points) of byte offset off, text starting at
 * (line0, col0), continuation lines at cont_col. */
void spell_line_col(const char *text, size_t off, int line0, int col0, int cont_col,
                    int *line, int *col);

/* Accepts the word for the rest of this session ("ignore everywhere in this
 * description"); speller_clear_ignored() forgets them (another description). */
spell_status speller_ignore_word(speller *sp, const char *word, size_t len);
void speller_clear_ignored(speller *sp);
/* Adds the word to the team dictionary (opts.team_path; SPELL_ERR_IO with
 * errno ENOENT when there is none) or the personal one, and accepts it at
 * once. The file is rewritten atomically, '#' lines first, then the words
 * sorted, so that concurrent additions merge cleanly in git. */
spell_status speller_add_team(speller *sp, const char *word, size_t len);
spell_status speller_add_personal(speller *sp, const char *word, size_t len);
/* Paths in use (NULL when none). */
const char *speller_team_path(const speller *sp);
const char *speller_personal_path(const speller *sp);

/* Suggestions, computed on a worker thread (with its own copy of the
 * dictionary, loaded on first use, so checking never waits for it). */
typedef struct spell_suggestion spell_suggestion;
/* Queues a request; *out is the handle (SPELL_OK), or NULL with SPELL_OFF. */
spell_status speller_suggest_async(speller *sp, const char *word, size_t len,
                                   spell_suggestion **out);
/* SPELL_PENDING, or SPELL_OK with the list (owned by the handle, best first,
 * at most 10; may be empty). */
spell_status spell_suggestion_poll(spell_suggestion *s, char *const **list, size_t *n);
/* Blocks until the list is there (commands and tests). */
spell_status spell_suggestion_wait(spell_suggestion *s, char *const **list, size_t *n);
/* Cancels the request if it still runs, and frees the handle. Handles may
 * outlive the speller. */
void spell_suggestion_free(spell_suggestion **s);

/* Maps a description language to hunspell dictionary names to try, in order
 * ("nld" -> nl_NL). Returns NULL for an unknown language. */
const char *const *spell_dicts_for_lang(const char *lang);

#endif
