/* review: the review of a description as a model. Review records (a request
 * for review, comments and replies, suggestions and their acceptance or
 * rejection, approvals, requests for changes, reviewed marks) are small YAML
 * files, one per record; this file reads and writes them, and computes from
 * all records of a description and its history the review state, the comment
 * threads, the suggestions and the reviewed marks. Bad or foreign records
 * are kept with the reason and shown as such; they never stop anything.
 * Pure: the history comes in through review_ctx. */
#ifndef ALGEDIT_REVIEW_H
#define ALGEDIT_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "forms/desc.h"
#include "base/base.h"

typedef enum review_kind {
	RK_UNKNOWN = 0,   /* a kind this version does not know */
	RK_REQUEST,       /* ask-review: message, optional reviewers */
	RK_COMMENT,       /* on a field (and item) at a version */
	RK_REPLY,         /* ref: the comment */
	RK_RESOLVE,       /* ref: the comment */
	RK_SUGGEST,       /* new text for a field (or item) */
	RK_ACCEPT,        /* ref: the suggestion */
	RK_REJECT,        /* ref: the suggestion; text: the reason */
	RK_APPROVE,       /* of one version */
	RK_CHANGES,       /* request-changes: text says which */
	RK_MARK,          /* reviewed-mark: field reviewed by author at version */
	RK_PUBLISH,       /* publish: the register took this version (algedit publish); text: its code */
	RK_COUNT
} review_kind;

/* "comment", "reviewed-mark", ...: the name in the file. */
const char *review_kind_name(review_kind k);
review_kind review_kind_parse(const char *name);

/* A record's id: the random part of its file name (8 hex digits). */
#define REVIEW_ID_LEN 8

typedef struct review_rec {
	char *id;          /* from the file name; never NULL */
	char *file;        /* the path it was read from (for messages), or NULL */
	review_kind kind;
	char *kind_name;   /* as written; for RK_UNKNOWN what it said */
	char *slug;        /* the description */
	char *field;       /* the field's key, or NULL */
	int item;          /* 1-based item of a list field; 0 = the whole field */
	char *version;     /* the commit id of the description's version it is about */
	char *author, *email;
	int64_t time;      /* seconds since the epoch (UTC) */
	int usec;          /* and microseconds: two records of one second keep their order */
	char *text;        /* message, comment, suggested text, reason */
	char *quote;       /* the field's text at version: what a comment was about */
	char *ref;         /* reply, resolve, accept, reject: the id answered */
	char **reviewers;  /* request: named reviewers */
	size_t nreviewers;
	char *problem;     /* NULL, or why this record is bad (translated) */
} review_rec;

void review_rec_done(review_rec *r);

/* Reads a record file. Never fails: a file that is not a record comes back
 * with kind RK_UNKNOWN and problem set, naming the line where it can. */
void review_rec_parse(const char *data, size_t len, const char *id, const char *file, review_rec *out);
/* The record as YAML (caller frees). */
char *review_rec_write(const review_rec *r, size_t *len);
/* "20261202T040621Z-1a2b3c4d-comment.yaml" for the record (its id and time). */
char *review_rec_filename(const review_rec *r);
/* The id in a file name made by review_rec_filename; the name without
 * ".yaml" for a name of another shape (caller frees). */
char *review_id_from_filename(const char *name);
/* "2026-12-02T04:06:21Z" and back (-1 when not such a time); records are
 * written with microseconds, "2026-12-02T04:06:21.123456Z" (usec may be NULL). */
void review_time_format(int64_t t, char out[32]);
int64_t review_time_parse(const char *s, int *usec);
/* Sorts by time, then id: the order events happened in. */
void review_recs_sort(review_rec *v, size_t n);

/* ---- state ---- */

typedef enum review_state {
	REVIEW_CONCEPT,
	REVIEW_IN_REVIEW,     /* ter review */
	REVIEW_APPROVED,      /* goedgekeurd */
	REVIEW_PUBLISHED,     /* gepubliceerd: the register took this version */
} review_state;

typedef enum review_note {
	NOTE_NONE,
	NOTE_CHANGES_REQUESTED,    /* wijzigingen gevraagd */
	NOTE_CHANGED_AFTER_APPROVAL, /* gewijzigd na goedkeuring */
	NOTE_CHANGED_AFTER_PUBLICATION, /* gewijzigd na publicatie */
} review_note;

const char *review_state_name(review_state s);   /* translated */
const char *review_state_key(review_state s);    /* "concept", "in-review", ... (json) */
const char *review_note_name(review_note n);     /* translated; "" for NOTE_NONE */
const char *review_note_key(review_note n);

/* A version of the description, newest first in review_ctx. */
typedef struct review_version {
	const char *commit;
	const char *author, *email;
	int64_t time;
} review_version;

typedef struct review_ctx {
	const standard *std;
	const char *slug;
	const review_version *versions;  /* newest first; [0] is the latest */
	size_t nversions;
	bool self_approve;               /* .algedit/config allows it */
	/* The description at a version in versions, or NULL (borrowed; it stays
	 * valid while the computation runs). */
	const description *(*at)(void *ctx, const char *commit);
	/* Optional, faster: the keys version i changed against version i+1, as
	 * ",key,key,", or NULL when unknown. With it "changed since" comes from
	 * the keys each later version changed, without reading the versions. */
	const char *(*changed)(void *ctx, size_t i);
	void *actx;
	const size_t *sorted;            /* private: set by review_compute */
	/* For lists: leave out what only the review shows (outdated comments,
	 * reviewed marks), so fewer versions are read. */
	bool counts_only;
	/* Optional: true when two versions hold the very same file, so neither
	 * needs reading to know an approval still stands. */
	bool (*same)(void *ctx, const char *a, const char *b);
} review_ctx;

typedef enum sugg_status { SUGG_OPEN, SUGG_ACCEPTED, SUGG_REJECTED, SUGG_OUTDATED } sugg_status;

typedef struct review_thread {
	const review_rec *root;          /* the comment */
	const review_rec **replies;      /* in time order */
	size_t nreplies;
	bool resolved;
	bool outdated;                   /* the field changed after root's version */
} review_thread;

typedef struct review_sugg {
	const review_rec *rec;
	sugg_status status;
	const review_rec *decision;      /* the accept or reject */
} review_sugg;

typedef struct review_mark {
	const review_rec *rec;
	bool valid;                      /* false: the field changed since */
} review_mark;

typedef struct review_summary {
	review_state state;
	review_note note;
	const review_rec *request;       /* the last ask-review, or NULL */
	const review_rec *approval;      /* the last valid approval (voided or not) */
	const review_rec *changes;       /* the last request-changes */
	const review_rec *published;     /* the last publish */
	const review_rec *last_event;    /* the record that set the state */
	review_thread *threads;
	size_t nthreads;
	review_sugg *suggs;
	size_t nsuggs;
	review_mark *marks;
	size_t nmarks;
	const review_rec **bad;          /* bad records; their problem says why */
	size_t nbad;
	size_t open_comments, open_suggestions;
} review_summary;

/* Checks every record against the standard and the history (sets problem
 * on bad ones: unknown kind, unknown field, version not in the history,
 * an answer to a record that is not there, a self-approval), then computes
 * the state, threads, suggestions and marks. recs must be sorted
 * (review_recs_sort) and outlive the summary. */
void review_compute(review_rec *recs, size_t n, const review_ctx *c, review_summary *out);
void review_summary_done(review_summary *s);

/* Why author (email) may not approve now, or NULL when they may: the four
 * eyes rule (translated, static). */
const char *review_may_approve(const review_ctx *c, const char *email);

/* The record whose id is or starts with id (at least 4 characters), or NULL;
 * *ambiguous set when several match. */
const review_rec *review_find(const review_rec *recs, size_t n, const char *id, bool *ambiguous);
/* How many record ids review_compute compared, in this process: for tests
 * that check answers find what they answer by an index, not by a scan. */
size_t review_id_compares(void);

/* The text of key (and item, 1-based, 0 = the whole value) in d, as a person
 * reads it: text as is, a list item per line, an item's title and link.
 * Caller frees; "" when absent. */
char *review_field_text(const description *d, const char *key, int item);
/* True when key (and item) holds the same in a and b. */
bool review_field_same(const description *a, const description *b, const char *key, int item);
/* Applies a suggestion's text to d: the field, or one item (a choice, or an
 * item's title). Returns 0, or -1 when the item is not there. */
int review_apply(description *d, const char *key, int item, const char *text);

#endif
