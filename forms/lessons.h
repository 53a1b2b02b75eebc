/* lessons: the lessons of algedit tutor as data (standard/<version>/
 * lessons-nl.yaml, lessons-en.yaml), the worked example they start from
 * (tutor-example-nl.yaml, -en), and each lesson's check: simple conditions
 * on fields plus the rules engine's own findings, so a lesson is done when
 * the editor would say the same. Pure: the spelling and the review replies
 * come in through lesson_env. */
#ifndef ALGEDIT_LESSONS_H
#define ALGEDIT_LESSONS_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/desc.h"
#include "forms/finding.h"

typedef struct lesson_check {
	const std_field **filled;      /* must hold a value */
	size_t nfilled;
	const std_field **no_findings; /* no error or warning of the rules engine */
	size_t nno_findings;
	int max_length;                /* of fields[0], in the register's count; 0 = none */
	char **no_words;               /* none of these, as whole words, in fields[] */
	size_t nno_words;
	char **some_word;              /* one of these in the last of fields[] */
	size_t nsome_word;
	bool spelling;                 /* the speller finds nothing in fields[] (when there is one) */
	bool reply;                    /* the planted comment has a reply */
	/* So that one word, abbreviations only or text beside the point do not
	 * pass: per field, at least so many ordinary words (two letters or more,
	 * no abbreviation such as "BRP" or "HPV-team"), a word beginning with
	 * one of some stems (mentions), or with each of them (mentions_all). */
	const std_field **words_f;
	int *words_min;
	size_t nwords;
	struct lesson_stems {
		const std_field *field;
		char **stems;
		size_t n;
		bool all;
	} *mentions;
	size_t nmentions;
	int reply_min_words;           /* ordinary words in the reply */
	char **reply_stems;            /* the reply has a word beginning with one of these */
	size_t nreply_stems;
} lesson_check;

typedef struct lesson {
	char *id, *section;            /* section: a key of the standard, or "review" */
	char *title, *why, *task, *hint;
	char *comment;                 /* the reviewer's comment to plant on fields[0], or NULL */
	const std_field **fields;      /* the fields the lesson asks to edit, in order */
	size_t nfields;
	const std_field **start_f;     /* values set on the example before the lesson */
	char **start_v;                /* "" removes the field */
	size_t nstart;
	lesson_check check;
	int line;
} lesson;

typedef struct lessons {
	const standard *std;
	lesson *v;
	size_t n;
	char *example;                 /* path of the worked example */
} lessons;

/* Loads <std->dir>/lessons-<nl|en>.yaml (lang LANG_NL or LANG_EN) and names
 * the example next to it. NULL and *err (file, line, problem) on failure. */
lessons *lessons_load(const standard *std, int lang, char **err);
/* The same from one file, with the example at example_path. */
lessons *lessons_load_file(const standard *std, const char *path, const char *example_path, char **err);
void lessons_free(lessons **ls);

/* The lesson's start: the example with the lesson's start values. NULL and
 * *err when the example cannot be read. */
description *lesson_start(const lessons *ls, const lesson *l, char **err);

typedef struct lesson_env {
	/* Misspelt words in text (the value of f); NULL: no speller, skipped. */
	size_t (*misspelt)(void *ctx, const std_field *f, const char *text, size_t len);
	void *spell_ctx;
	bool has_reply;                /* the planted comment has a reply */
	const char *reply;             /* its text, when known (for reply_min_words) */
} lesson_env;

/* The ordinary words in s: runs of letters, digits, - and apostrophes with
 * two letters or more and no two capitals in a row (not an abbreviation). */
size_t lesson_plain_words(const char *s);

/* Checks lesson l on d. Fills out (when not NULL) with what still blocks it:
 * the rules engine's findings on the lesson's fields, in the editor's
 * words, and the lesson's own conditions not met yet. True when done. */
bool lesson_check_run(const lesson *l, const description *d, const lesson_env *env, findings *out);

#endif
