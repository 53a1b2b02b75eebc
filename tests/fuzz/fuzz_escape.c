/* Fuzz target: base/escape over arbitrary bytes. Whatever comes in, what the
 * escaping gives out is valid UTF-8 without a byte a terminal acts on (C0 but
 * the kept newline and tab, DEL, C1, bidi and format controls); the one-line
 * form of a commit subject has no control character at all; and no URL in a
 * redacted text keeps user information. */
#include "config.h"
#include "base/escape.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must(bool ok, const char *what, const char *out)
{
	if (!ok) {
		fprintf(stderr, "invariant broken: %s\noutput: %s\n", what, out);
		abort();
	}
}

/* No code point esc_cp would escape, with flags; valid UTF-8. */
static void inert(const char *s, unsigned flags, const char *what)
{
	size_t n = strlen(s);
	must(utf8_invalid_offset(s, n) < 0, what, s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		char buf[12];
		must(k > 0 && !esc_cp(cp, flags, buf), what, s);
		i += (size_t)k;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	for (unsigned flags = 0; flags <= ESC_MULTILINE; flags++) {
		char *e = esc_dup(s, flags);
		inert(e, flags, flags ? "multi-line escape leaves a control" : "one-line escape leaves a control");
		free(e);
	}
	char *one = text_one_line(s);
	inert(one, 0, "a commit subject keeps a control character");
	free(one);
	char *r = url_redact(s);
	must(strlen(r) <= strlen(s), "redaction adds text", r);
	char *again = url_redact(r);
	must(strcmp(again, r) == 0, "redacted text still has user information", r);
	free(again);
	free(r);
	free(s);
	return 0;
}
