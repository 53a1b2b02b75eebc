/* Fuzz target: the Dutch tokenizer over arbitrary bytes. Tokens must lie
 * inside the text, in order, without overlap, never empty, and the position
 * never goes back. */
#include "config.h"
#include "spell/spell.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t pos = 0, prev_end = 0, count = 0;
	spell_token t;
	while (spell_next_token(s, size, &pos, &t)) {
		if (t.len == 0 || t.start < prev_end || t.start + t.len > size || pos < t.start + t.len || pos > size)
			abort();
		if (t.kind > SPELL_TOK_EMAIL)
			abort();
		/* the dot of "bijv." may be read past the token: it must exist */
		if (t.dot_follows && (t.start + t.len >= size || s[t.start + t.len] != '.'))
			abort();
		if (t.trailing_hyphen && t.len < 2)
			abort();
		(void)spell_classify(s + t.start, t.len);
		prev_end = pos;
		if (++count > size)
			abort(); /* more tokens than bytes: the scanner went round */
	}
	if (pos > size)
		abort();
	return 0;
}
