/* escape: text from a file, a repository, a remote or a user, made safe to
 * show on a terminal, and URLs made safe to show at all. Every byte of such
 * data that a command prints goes through these; the editor and --plain use
 * the same per-character mapping (through tb_cp_escape).
 *
 * What is shown instead of what (the editor shows the same, in reverse video):
 *   C0 controls and DEL       caret notation: ^[ (ESC), ^G (BEL), ^M (CR), ^H, ^?
 *                             (DEL). Newline and tab are kept by the multi-line
 *                             variant only; the one-line variant shows ^J and ^I.
 *   C1 controls U+0080..U+009F, written as UTF-8: <80> .. <9F> (U+009B CSI is <9B>).
 *   bidi and invisible format controls: <U+202E> and the like, for U+061C,
 *                             U+200B, U+200E, U+200F, U+202A..U+202E, U+2028,
 *                             U+2029, U+2066..U+2069 and U+FEFF.
 *   a byte that is not part of valid UTF-8 (a lone 0x9B, the é of Latin-1
 *                             text): \x9B, \xE9.
 *   everything else (ë, ĳ, ’, €, emoji) is left as it is.
 * No output of these ever holds a byte below 0x20 other than the kept newline
 * and tab, nor 0x7F, nor a C1 control, nor invalid UTF-8. */
#ifndef ALGEDIT_ESCAPE_H
#define ALGEDIT_ESCAPE_H

#include "base/base.h"

#include <stdint.h>
#include <stdio.h>

/* The multi-line variant: newline and tab are kept. */
#define ESC_MULTILINE 1u

/* The visible form of one code point (at most 11 bytes and a NUL in buf), or
 * NULL when the code point is shown as it is. */
const char *esc_cp(uint32_t cp, unsigned flags, char buf[12]);
/* Appends s[0..n) escaped. */
void sb_add_escaped(strbuf *b, const char *s, size_t n, unsigned flags);
/* The one JSON string writer (check, export, review --format json): s[0..n)
 * as a JSON string that is valid UTF-8 and safe to show on a terminal: " \\
 * newline tab and CR as their escapes, the other C0 controls, DEL, the C1
 * controls (U+0080..U+009F) and the bidi and format controls esc_cp names
 * as \\uXXXX (the same value for a JSON reader), each byte that is not UTF-8
 * as \\ufffd. Returns false when such a byte was replaced. */
bool json_add_str(strbuf *b, const char *s, size_t n);
/* s escaped, in a new string (caller frees). */
char *esc_dup(const char *s, unsigned flags);
/* For printf arguments: s escaped (NULL gives ""), one line (esc_line) or
 * keeping newlines and tabs (esc_text). The result lives in one of eight
 * buffers of the calling thread, used in turn: at most eight in one call. */
const char *esc_line(const char *s);
const char *esc_text(const char *s);

/* s as one line of plain text, for what is stored rather than shown (a
 * commit subject): newline, carriage return and tab become a space; other
 * C0 controls, DEL, C1 controls, the format controls above and bytes that
 * are not UTF-8 are left out. NULL gives "". Caller frees. */
char *text_one_line(const char *s);

/* A URL (or a message holding URLs) without the user information of any
 * scheme://USER:PASSWORD@HOST URL in it. The user information is dropped
 * entirely, as git does when it shows a URL (transport_anonymize_url):
 * a token can stand where the user name is (https://TOKEN@host/), so keeping
 * the user name and starring the password would not be enough. Caller frees. */
char *url_redact(const char *text);

#endif
