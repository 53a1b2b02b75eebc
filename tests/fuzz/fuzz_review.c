/* Fuzz target: the review record reader and writer, and the review state
 * computed from what it read. A record read without a problem must write
 * back to text that reads to the same record; nothing may crash. */
#include "config.h"
#include "forms/review.h"
#include "base/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static standard *std;

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!std) {
		char *err = NULL;
		setenv("ALGEDIT_DATADIR", ALGEDIT_SRCDIR, 0);
		std = standard_load_facts("1.0", &err);
		if (!std)
			abort();
	}
	review_rec r[2];
	review_rec_parse((const char *)data, size, "0000abcd", "f.yaml", &r[0]);
	if (!r[0].problem) {
		size_t n;
		char *y = review_rec_write(&r[0], &n);
		review_rec back;
		review_rec_parse(y, n, "0000abcd", "f.yaml", &back);
		/* Text with NUL bytes cannot be written as YAML; all else must return. */
		bool nul = (r[0].text && memchr(data, 0, size));
		if (!nul && (back.problem || back.kind != r[0].kind || back.time != r[0].time || back.usec != r[0].usec ||
		             back.item != r[0].item || !same(back.text, r[0].text) || !same(back.quote, r[0].quote) ||
		             !same(back.field, r[0].field) || !same(back.version, r[0].version) ||
		             !same(back.author, r[0].author) || !same(back.ref, r[0].ref) || !same(back.slug, r[0].slug) ||
		             back.nreviewers != r[0].nreviewers))
			abort();
		review_rec_done(&back);
		free(y);
	}
	/* The state of a description with this record and a copy answering it. */
	memset(&r[1], 0, sizeof r[1]);
	r[1].id = xstrdup("0000abce");
	r[1].kind = RK_REPLY;
	r[1].slug = xstrdup(r[0].slug ? r[0].slug : "x");
	r[1].ref = xstrdup(r[0].id);
	r[1].time = r[0].time + 1;
	review_version v = { "0123456789012345678901234567890123456789", "a", "a@b", 0 };
	review_ctx c = { std, r[0].slug, &v, 1, false, NULL, NULL, NULL, NULL, false, NULL, NULL };
	review_summary s;
	review_compute(r, 2, &c, &s);
	review_summary_done(&s);
	review_rec_done(&r[0]);
	review_rec_done(&r[1]);
	return 0;
}
