/* base: the few helpers every layer shares: allocation that never returns NULL,
 * a growing string buffer, and UTF-8 decoding. No other dependencies. */
#ifndef ALGEDIT_BASE_H
#define ALGEDIT_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Out of memory is the one fatal error: print and exit(70). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Frees *p and clears it. */
#define xfree(pp) do { free(*(pp)); *(pp) = NULL; } while (0)

typedef struct strbuf {
	char *s;      /* always NUL-terminated once used */
	size_t len;
	size_t cap;
} strbuf;
#define STRBUF_INIT { NULL, 0, 0 }
void sb_init(strbuf *b);
void sb_done(strbuf *b);
void sb_add(strbuf *b, const char *s, size_t n);
void sb_adds(strbuf *b, const char *s);
void sb_addc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_add_utf8(strbuf *b, uint32_t cp);
void sb_reset(strbuf *b);
/* Hands the string over to the caller (never NULL) and resets the buffer. */
char *sb_take(strbuf *b);
const char *sb_str(const strbuf *b);

/* UTF-8. Decodes one code point at s (n bytes available). Returns its length
 * in bytes (1..4) and stores the code point, or returns 0 for an invalid or
 * truncated sequence (overlong forms and surrogates are invalid). */
int utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Returns the byte offset of the first invalid byte, or -1 when s is valid. */
long utf8_invalid_offset(const char *s, size_t n);
/* Number of code points in a valid UTF-8 string. */
size_t utf8_count(const char *s, size_t n);

/* Reads a whole file (at most max bytes). Returns 0, or -1 with errno set
 * (EFBIG when it is larger than max). */
int read_file(const char *path, size_t max, char **out, size_t *len);
/* Writes all of data to fd (again after EINTR), then fsyncs it. 0, or -1
 * with errno set. */
int write_all_sync(int fd, const char *data, size_t len);
/* Writes data atomically: temp file in the same folder, fsync, rename, fsync dir. */
int write_file_atomic(const char *path, const char *data, size_t len);
/* The same for text only its owner may read (drafts before publication):
 * the file is created 0600, and its temp file is "." + name + ".tmp.<pid>"
 * in the same folder, a name that begins with a dot. */
int write_file_private(const char *path, const char *data, size_t len);

/* Call first in main. Where stdout and stderr lead to the same file or pipe
 * (`cmd > log 2>&1`, `cmd 2>&1 | less`), both become line-buffered, so a
 * message on stderr never lands inside a line that stdout still holds in its
 * buffer, and the lines keep the order in which they were written. */
void stdio_whole_lines(void);

bool str_starts(const char *s, const char *prefix);
bool str_ends(const char *s, const char *suffix);

#endif
