/* Fuzz target: what comes from the register's API and from config files,
 * read by register/ (answer.c, config.c). Input starting with 'C' is a
 * config file; anything else is an answer body, read as a POST answer, a PUT
 * answer, a 422 detail, the organisation's list and a description's state. A code taken from an answer goes into a URL: it is
 * 8 digits or nothing. Every entry of a detail becomes one finding, with a
 * message; one on a field names it. A config read fails with a line, and
 * leaves nothing set. */
#include "config.h"
#include "register/register.h"
#include "standard/standard.h"
#include "forms/desc.h"
#include "forms/diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static standard *std;
static description *d;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	if (size > 0 && data[0] == 'C') {
		reg_config c;
		int line;
		if (reg_config_parse(s + 1, size - 1, &c, &line) < 0) {
			if (line < 1 || c.url || c.token_command || c.cacert)
				abort();
		} else if (line != 0) {
			abort();
		}
		reg_config_done(&c);
		return 0;
	}
	if (!std) {
		char *err = NULL;
		setenv("ALGEDIT_DATADIR", ALGEDIT_SRCDIR, 0);
		std = standard_load_version("1.0", &err);
		if (!std)
			abort();
		static const char y[] = "name: N\nlawful_basis_grouping:\n  - title: T\n    link: L\n";
		findings fs;
		findings_init(&fs);
		d = desc_read(std, y, sizeof y - 1, DESC_YAML, &fs);
		findings_done(&fs);
		if (!d)
			abort();
	}
	char *lars = reg_answer_lars(s, size);
	if (lars && !reg_lars_valid(lars))
		abort();
	free(lars);
	(void)reg_answer_no_changes(s, size);
	/* The organisation's list and a description's state: a code found is a
	 * register code, a state one word. */
	int found = 0;
	char *hit = reg_answer_find(s, size, "Parkeren", NULL, &found);
	if ((hit && (!reg_lars_valid(hit) || found < 1)) || (!hit && found > 0))
		abort();
	free(hit);
	char *word = reg_answer_state(s, size);
	if (word && (!*word || strspn(word, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") != strlen(word)))
		abort();
	free(word);
	findings fs;
	findings_init(&fs);
	size_t n = reg_detail_findings(d, s, size, &fs);
	if (n != fs.n)
		abort();
	for (size_t i = 0; i < fs.n; i++) {
		const finding *x = &fs.v[i];
		if (!x->msg || x->sev != SEV_ERROR || x->org != ORIGIN_REGISTER)
			abort();
		if (x->field && (!x->key || strcmp(x->key, x->field->key) ||
		                 (strncmp(x->msg, x->field->label[0], strlen(x->field->label[0])) &&
		                  strncmp(x->msg, x->field->label[1], strlen(x->field->label[1])))))
			abort();
	}
	findings_done(&fs);
	/* Reading back: every listed code is a register id; a version read is a
	 * description that keeps its code. */
	reg_listed *l;
	long nl = reg_answer_list(s, size, &l);
	for (long i = 0; i < nl; i++)
		if (!reg_lars_valid(l[i].lars))
			abort();
	reg_listed_free(&l, nl > 0 ? (size_t)nl : 0);
	findings_init(&fs);
	reg_state st;
	description *v = reg_answer_version(std, s, size, &st, &fs);
	if (v ? !reg_lars_valid(ynode_str(desc_value(v, "lars"))) : fs.n == 0)
		abort();
	desc_free(&v);
	findings_done(&fs);
	return 0;
}
