/* Fuzz target: every forms/html function over arbitrary valid UTF-8, with the
 * invariants the editor relies on: our export is stable through an import,
 * the live counters equal the count of what is exported, and the stored
 * plain text is exactly the counted text. */
#include "config.h"
#include "forms/html.h"
#include "base/base.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must(bool ok, const char *what, const char *in)
{
	if (!ok) {
		fprintf(stderr, "invariant broken: %s\ninput: %s\n", what, in);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	if (utf8_invalid_offset(s, size) >= 0)
		return 0;

	/* The register's view of the raw bytes (NUL included). */
	size_t count = html_register_length(s, size);
	bool fails_plain = html_register_parse_fails(s, size, false);
	bool fails_rich = html_register_parse_fails(s, size, true);
	char *plain = html_stored_plain(s, size);
	char *stored = html_stored_rich(s, size);
	must(!fails_plain == (plain != NULL), "plain stored iff the parse works", s);
	must(!fails_rich == (stored != NULL), "rich stored iff the parse works", s);
	must(!fails_rich || !fails_plain || size > 0, "empty never fails", s);
	if (plain)
		must(utf8_count(plain, strlen(plain)) == count, "plain stored text is the counted text", s);
	free(plain);
	free(stored);

	/* Our own conversions work on C strings. */
	char *text = xstrndup(s, size);
	char *h1 = rich_to_html(text);
	must(rich_register_length(text) == html_register_length(h1, strlen(h1)), "rich counter", text);
	must(!html_register_parse_fails(h1, strlen(h1), true), "our export always parses", text);
	char *t1 = html_to_rich(h1);
	char *h2 = rich_to_html(t1);
	must(strcmp(h1, h2) == 0, "rich_to_html(html_to_rich(rich_to_html(x))) == rich_to_html(x)", text);
	char *t2 = html_to_rich(h2);
	must(strcmp(t1, t2) == 0, "canonical text is a fixed point", text);
	/* The register keeps our export's meaning. */
	char *kept = html_stored_rich(h1, strlen(h1));
	char *t3 = html_to_rich(kept);
	must(strcmp(t3, t1) == 0, "what the register stores imports as what we sent", text);

	char *imported = html_to_rich(text);
	char *h3 = rich_to_html(imported);
	char *t4 = html_to_rich(h3);
	must(strcmp(t4, imported) == 0, "imported text is canonical", text);

	/* What we send is what the register stores (a PUT of it changes
	 * nothing), and importing it gives back the text we sent. */
	char *sent = rich_to_register_html(text);
	char *again = html_stored_rich(sent, strlen(sent));
	must(again && strcmp(again, sent) == 0, "the register stores exactly what we send", text);
	char *t5 = register_to_rich(sent);
	must(t5 && strcmp(t5, t1) == 0, "what we send imports as our text", text);
	char *t6 = register_to_rich(text);
	if (t6) {
		char *h6 = rich_to_register_html(t6);
		char *t7 = register_to_rich(h6);
		must(t7 && strcmp(t7, t6) == 0, "an imported value is stable through export and import", text);
		free(t7);
		free(h6);
	}
	free(t6);
	free(t5);
	free(again);
	free(sent);

	char *e = text_to_html(text);
	must(text_register_length(text) == html_register_length(e, strlen(e)), "plain counter", text);

	free(e);
	free(t4);
	free(h3);
	free(imported);
	free(t3);
	free(kept);
	free(t2);
	free(h2);
	free(t1);
	free(h1);
	free(text);
	return 0;
}
