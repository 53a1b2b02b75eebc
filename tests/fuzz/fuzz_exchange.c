/* Fuzz target: the readers of the register's own JSON files: its field config
 * (standard_from_register_config) and its templates (template_import). The
 * first byte picks which. Whatever they accept must turn into output that
 * algedit reads back: fields.yaml text that parses, an API body that reads. */
#include "config.h"
#include "forms/exchange.h"
#include "forms/rules.h"
#include "standard/standard.h"
#include "standard/ytree.h"
#include "base/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static standard *std;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!std) {
		char *err = NULL;
		setenv("ALGEDIT_DATADIR", ALGEDIT_SRCDIR, 0);
		std = standard_load_version("1.0", &err);
		if (!std)
			abort();
	}
	if (size == 0)
		return 0;
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	if (data[0] & 1) {
		char *err = NULL;
		char *out = standard_from_register_config(text, len, "config.json", NULL, 0, std, &err);
		if (!out == !err)
			abort(); /* exactly one of result and message */
		if (out) {
			ynode *root = NULL;
			yerror ye = { 0 };
			if (ytree_parse_yaml(out, strlen(out), &root, &ye) < 0)
				abort();
			ynode_free(&root);
		}
		free(out);
		free(err);
		return 0;
	}
	findings fs;
	findings_init(&fs);
	description *d = template_import(std, text, len, NULL, &fs);
	if (d && (data[0] & 2))
		template_tidy(d, &fs); /* made into a description, as new --template does */
	if (d) {
		rules_check(d, &fs);
		char *json = desc_export_api_json(d);
		findings back;
		findings_init(&back);
		description *api = desc_read(std, json, strlen(json), DESC_API, &back);
		if (!api)
			abort();
		desc_free(&api);
		findings_done(&back);
		free(json);
		size_t ylen;
		char *y = desc_format_yaml(d, &ylen);
		description *again = desc_read(std, y, ylen, DESC_YAML, &back);
		if (!again)
			abort();
		desc_free(&again);
		findings_done(&back);
		free(y);
	} else if (fs.n == 0) {
		abort(); /* a refusal always says why */
	}
	desc_free(&d);
	findings_done(&fs);
	return 0;
}
