/* quality: what a description is worth before it is published, measured
 * offline. The register's own completeness score ("Vulling"), computed as its
 * web editor computes it; advice on plain Dutch (long sentences, officialese
 * with a plain alternative, a readability estimate); and the web addresses a
 * description holds, for the link check of register/links.c. Pure: no I/O
 * but the reading of a word list the caller names. */
#ifndef ALGEDIT_QUALITY_H
#define ALGEDIT_QUALITY_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/desc.h"
#include "forms/finding.h"

/* ---- completeness ("Vulling") ---- */

/* The register's weight of a key in standard 1.0 (8, 2 or 0); -1 for a key
 * it does not weigh. */
int completeness_weight(const char *key);

typedef enum completeness_band {
	CB_LOW,     /* below 60: the register shows it orange */
	CB_MIDDLE,  /* below 85: yellow */
	CB_HIGH,    /* else green */
} completeness_band;

typedef struct completeness {
	int score;                   /* 0..100, the register's number */
	int counted, total;          /* weights counted, all weights */
	/* Fields the register counts although they carry nothing (an empty
	 * <p></p>, only spaces, a list of empty items): they look filled. */
	const std_field *looks[32];
	size_t nlooks;
} completeness;

/* The register's score for d: a key counts when its value is not null, not
 * "" and not an empty list (frontend-beheer-2024/src/store/score.ts); the
 * score is the counted weights over all weights, times 100, rounded up. A
 * description in algedit's YAML is scored as the body export sends. */
void completeness_compute(const description *d, completeness *out);
completeness_band completeness_band_of(int score);
/* ORIGIN_ADVICE notes (rule "looks-filled") for each field that only looks
 * filled. */
void completeness_findings(const description *d, const completeness *c, findings *out);

/* ---- plain Dutch ---- */

/* Officialese and its plain alternatives: "middels" -> "met". */
typedef struct plain_word {
	char *from;   /* lower case; may be several words ("met betrekking tot") */
	char *to;
} plain_word;

typedef struct plain_words {
	plain_word *v;
	size_t n, cap;
} plain_words;

void plain_words_init(plain_words *pw);
void plain_words_done(plain_words *pw);
/* Adds the pairs of a text in the format of plain-words-nl.txt: one pair a
 * line, "officialese = plain", "#" starts a comment. A later pair for the
 * same words replaces the earlier one (the team's list overrides ours).
 * Returns how many pairs it read; *bad_line is the first line it could not
 * read (0: none). */
size_t plain_words_parse(plain_words *pw, const char *text, size_t len, int *bad_line);
/* The same from a file; a missing file adds nothing. -1 when it exists and
 * cannot be read. */
int plain_words_load(plain_words *pw, const char *path, int *bad_line);

/* The shipped list (standard/1.0/plain-words-nl.txt in the data folder, or
 * in $ALGEDIT_STANDARD_DIR when it has one) and then the team's
 * <algedit_dir>/plain-words.txt when algedit_dir (a repository's .algedit
 * folder) is not NULL. Returns false when one exists and cannot be read,
 * with a translated *err (caller frees) naming the file and line; the pairs
 * read before it are kept. */
bool plain_words_load_all(plain_words *pw, const char *algedit_dir, char **err);

/* Thresholds, shown in the advice and the documentation. */
#define QUALITY_LONG_SENTENCE 25   /* words; more is a long sentence */
#define QUALITY_READING_MIN 45     /* Flesch-Douma score below this: advice */
#define QUALITY_READING_WORDS 40   /* a field shorter than this is not scored */
#define QUALITY_MAX_ADVICE 3       /* per field */

/* The Flesch-Douma reading ease of a text (see quality.c for the formula
 * and its source), with what it was computed from. */
typedef struct readability {
	size_t words, sentences, syllables;
	size_t long_sentences, longest;   /* sentences over QUALITY_LONG_SENTENCE words */
	double score;
} readability;

void readability_of(const char *text, size_t len, readability *out);
/* The level the score suggests, translated ("difficult", ...). */
const char *readability_level(double score);

/* Advice on plain language for every text field of d (the short
 * description and the rich fields): rules long-sentence, plain-word and
 * reading-level, ORIGIN_ADVICE notes, at most QUALITY_MAX_ADVICE per field.
 * pw may be NULL (no plain-word advice). */
void language_check(const description *d, const plain_words *pw, findings *out);
/* The same for one field (the editor's live view). */
void language_check_field(const description *d, const std_field *f, const plain_words *pw, findings *out);

/* ---- web addresses ---- */

typedef struct desc_link {
	char *url;
	const std_field *field;
	bool register_field;   /* a link field of the register's own (https only) */
	int line, col;
} desc_link;

/* Every http:// and https:// address in d, once each, in field order. */
size_t desc_links(const description *d, desc_link **out);
void desc_links_free(desc_link **v, size_t n);

/* What the link check (register/links.c) found for one address. */
typedef enum link_state {
	LINK_OK,          /* 2xx or 3xx at the end */
	LINK_BROKEN,      /* 4xx or 5xx */
	LINK_UNRESOLVED,  /* the name does not resolve (while others did) */
	LINK_UNCHECKED,   /* no answer: offline, timeout, refused connection */
	LINK_NOT_HTTPS,   /* a register field holds http://: not fetched */
} link_state;

typedef struct link_result {
	link_state state;
	long status;          /* the last HTTP status; 0 when none came */
	long redirects;       /* how many were followed */
	char *final_url;      /* where the redirects ended; NULL when none */
	char *why;            /* for LINK_UNCHECKED: the library's reason */
	bool used_get;        /* HEAD was refused, GET answered */
} link_result;

void link_result_done(link_result *r);
/* Advice for each result: broken-link (4xx/5xx, a name that does not
 * resolve), link-redirected (notes where it ends), link-unchecked (could
 * not check: not broken), link-not-https. */
void link_findings(const desc_link *l, const link_result *r, size_t n, findings *out);

#endif
