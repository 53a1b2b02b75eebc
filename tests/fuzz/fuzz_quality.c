/* Fuzz target: forms/quality over arbitrary bytes: the team's list of
 * plain words (a file from the drafts repository), the readability count,
 * the plain-Dutch advice and the web addresses of a text as the short
 * description and as a rich field, in both formats. Invariants: at most
 * three pieces of advice per field; every address found starts with
 * http:// or https:// and is a part of the text. */
#include "config.h"
#include "forms/desc.h"
#include "forms/quality.h"
#include "base/base.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static standard *std;
static plain_words pw;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!std) {
		char *err = NULL;
		setenv("ALGEDIT_DATADIR", ALGEDIT_SRCDIR, 0);
		std = standard_load_facts("1.0", &err);
		if (!std)
			abort();
		plain_words_init(&pw);
		if (!plain_words_load_all(&pw, NULL, &err))
			abort();
	}
	/* The list's reader on its own copy. */
	plain_words team;
	plain_words_init(&team);
	int bad;
	plain_words_parse(&team, (const char *)data, size, &bad);
	for (size_t i = 0; i < team.n; i++)
		if (!*team.v[i].from || !*team.v[i].to)
			abort();
	plain_words_done(&team);

	char *s = xstrndup((const char *)data, size);
	size_t n = strlen(s);
	readability r;
	readability_of(s, n, &r);
	if (r.words && (!r.sentences || r.syllables < r.words))
		abort();
	for (int fmt = 0; fmt < 2; fmt++) {
		description *d = desc_new(std);
		d->format = fmt ? DESC_API : DESC_YAML;
		desc_set(d, standard_field(std, "goal"), ynode_new_str(s, n, 1, 1));
		desc_set(d, standard_field(std, "description_short"), ynode_new_str(s, n, 1, 1));
		findings fs;
		findings_init(&fs);
		language_check(d, &pw, &fs);
		if (fs.n > 2 * QUALITY_MAX_ADVICE)
			abort();
		findings_done(&fs);
		desc_link *l = NULL;
		size_t k = desc_links(d, &l);
		for (size_t i = 0; i < k; i++)
			if ((strncmp(l[i].url, "http://", 7) && strncmp(l[i].url, "https://", 8)) || !strstr(s, l[i].url))
				abort();
		desc_links_free(&l, k);
		completeness c;
		completeness_compute(d, &c);
		if (c.score < 0 || c.score > 100)
			abort();
		desc_free(&d);
	}
	free(s);
	return 0;
}
