/* register: the Algorithm Register's submission API (aanleverapi v1_0).
 * Sends one request through libcurl (only this layer includes curl), reads
 * where to send it and where the token comes from (the register.* settings),
 * and turns the register's answers into what algedit tells the user: the
 * code of a new description, NO_CHANGES, and a 422's detail as findings like
 * those of `algedit check`. The token is kept in memory only: never written,
 * never printed, wiped after use. */
#ifndef ALGEDIT_REGISTER_H
#define ALGEDIT_REGISTER_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/desc.h"
#include "forms/finding.h"

#define REG_DEFAULT_URL "https://algoritmes.overheid.nl/aanleverapi"
/* An answer larger than this is cut off (the register's are small). */
#define REG_MAX_ANSWER (1024 * 1024)

/* ---- settings: register.url, register.token-command, register.cacert ---- */

/* The register.* settings read from a file in git's config format (the
 * user's $XDG_CONFIG_HOME/algedit/config, or .algedit/config in a drafts
 * repository). Absent keys are NULL. */
typedef struct reg_config {
	char *url;
	char *token_command;
	char *cacert;
} reg_config;

/* Reads the [register] section of the config text; other sections are
 * skipped. Returns 0, or -1 with *line set to the first line it cannot read. */
int reg_config_parse(const char *text, size_t len, reg_config *out, int *line);
/* The same from a file; a missing file is an empty config (0). -1 with errno
 * set or *line set (> 0) when it cannot be read. */
int reg_config_read(const char *path, reg_config *out, int *line);
void reg_config_done(reg_config *c);

/* Runs the token command (sh -c, as git runs its credential helpers) and
 * takes the first line it prints. NULL with a translated *err (caller frees)
 * when it fails or prints nothing; the command's own error output goes to
 * the terminal as it is. */
char *reg_token_from_command(const char *command, char **err);
/* Overwrites and frees a token. */
void reg_token_free(char **token);

/* ---- one request ---- */

typedef struct reg_request {
	const char *method;        /* "POST", "PUT"; with no body: a GET */
	const char *url;           /* https only */
	const char *token;         /* sent as Authorization: Bearer; NULL: none */
	const char *body;
	size_t len;
	const char *cacert;        /* a CA file to trust instead of the system's; NULL */
	bool register_only;        /* the URL came from a repository: only *.overheid.nl */
	long timeout;              /* seconds for the whole request; 0: 120 */
} reg_request;

/* Checks a register address with libcurl's URL parser, the one that
 * connects: https, a host, no name or password before an @ (any @ at all),
 * no blank, backslash or non-ASCII byte, no ? or #; with register_only the
 * host must be overheid.nl or a name under it (ASCII, no dot at the end, no
 * IP address). 0, with the host (lower case for register_only) in *host when
 * host is not NULL (caller frees); -1 with a translated *err (caller frees).
 * reg_send applies the same check to every request. */
int reg_url_check(const char *url, bool register_only, char **host, char **err);

typedef struct reg_answer {
	long status;               /* HTTP status; 0 when no answer came */
	char *body;
	size_t len;
	long retry_after;          /* seconds from Retry-After; -1 when absent */
} reg_answer;

/* Sends the request. 0 when an answer came (any status), -1 when none did,
 * with a translated *err (caller frees) that says why and what to do;
 * *sent (may be NULL) tells whether the request may have reached the
 * register (a connection was made), so that a POST may have been stored. */
int reg_send(const reg_request *rq, reg_answer *ans, char **err);
int reg_send_ex(const reg_request *rq, reg_answer *ans, bool *sent, char **err);
void reg_answer_done(reg_answer *ans);

/* ---- answers ---- */

/* The lars_code of a POST answer ({"lars_code": "12345678"}) when it is a
 * register id (8 digits), else NULL. Caller frees. */
char *reg_answer_lars(const char *body, size_t len);
/* The organisation's list (GET .../organizations/{org}/algorithms: a list
 * of {name, source_id, lars, ...}): the lars of the description with this
 * name and source_id (NULL or "" matches an entry without one). *found is
 * how many match (the first one's code is returned), -1 when the answer is
 * not such a list. Caller frees. */
char *reg_answer_find(const char *body, size_t len, const char *name, const char *source_id, int *found);
/* The state of a description (GET .../algorithms/{lars}: {"state": ...}),
 * e.g. "STATE_1" or "PUBLISHED", or NULL. Caller frees. */
char *reg_answer_state(const char *body, size_t len);
/* True for a PUT answer {"message": "NO_CHANGES"}. */
bool reg_answer_no_changes(const char *body, size_t len);
/* Busy (429): how often publish tries, and how long it waits at most. */
#define REG_MAX_TRIES 3
#define REG_MAX_WAIT 60
/* Seconds to wait for a Retry-After of retry_after seconds (-1: none): at
 * least 1, at most REG_MAX_WAIT. */
long reg_retry_wait(long retry_after);
/* True when s is a register id: 8 digits. */
bool reg_lars_valid(const char *s);
/* A 422 answer's FastAPI detail ({"detail": [{"loc": ["body", KEY, ...],
 * "msg", "type"}]}) as ORIGIN_REGISTER errors on the fields of d, each with
 * the field's label, the register's message and, when d was read from a
 * file, the line of the field. Returns how many; 0 when the detail cannot be
 * read. */
size_t reg_detail_findings(const description *d, const char *body, size_t len, findings *out);

/* ---- reading back (register/read.c) ---- */

/* One line of GET /organizations/{org}/algorithms. */
typedef struct reg_listed {
	char *name, *lars, *source_id;  /* lars: 8 digits (lines without one are left out) */
	char *last_update;              /* last_update_dt as the register wrote it, or NULL */
	bool published;                 /* some version of it is published */
	bool current_released, current_published; /* the newest version's state */
} reg_listed;

/* The list answer read; lines that are not objects or have no register id
 * are left out. Returns how many (*out NULL when 0); -1 when the answer is
 * not a JSON list. Free with reg_listed_free. */
long reg_answer_list(const char *body, size_t len, reg_listed **out);
void reg_listed_free(reg_listed **v, size_t n);

/* The register's states of a version, from its "state" (STATE_1, STATE_2,
 * PUBLISHED and the words the register shows for them). */
typedef enum reg_state {
	REG_STATE_UNKNOWN,
	REG_STATE_EDITING,    /* STATE_1: "In bewerking" */
	REG_STATE_RELEASED,   /* STATE_2: "Vrijgegeven, wachten op goedkeuring" */
	REG_STATE_PUBLISHED,  /* PUBLISHED: "Gepubliceerd" */
} reg_state;
reg_state reg_state_parse(const char *s);
/* The state in the user's language, with the register's own word. */
const char *reg_state_label(reg_state st);

/* The answer of GET /organizations/{org}/algorithms/{lars}: the newest Dutch
 * version, as a description in algedit's layout (forms/exchange's import:
 * rich text as paragraphs), its lars code kept; the register's bookkeeping
 * (create_dt, language, state) left out, the state in *state. NULL with one
 * ORIGIN_INPUT finding in fs when it is not a description. */
description *reg_answer_version(const standard *std, const char *body, size_t len, reg_state *state, findings *fs);

#endif
