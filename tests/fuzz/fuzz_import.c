/* Fuzz target: import_file, the reader of every kind of file algedit imports
 * (API bodies and lists of them, templates, the site-data export, the JSON
 * Schema naming, older standards with their migration). A refusal always
 * says why; every description it gives writes a file (canonical YAML plus
 * the kept-aside comment block) that reads back as the YAML alone does, and
 * an API body that reads back; the report is valid UTF-8. */
#include "config.h"
#include "forms/exchange.h"
#include "forms/migrate.h"
#include "forms/rules.h"
#include "standard/standard.h"
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
	findings fs;
	findings_init(&fs);
	import_result r;
	if (import_file(std, (const char *)data, size, NULL, &r, &fs) < 0) {
		if (fs.n == 0)
			abort(); /* a refusal always says why */
		findings_done(&fs);
		return 0;
	}
	for (size_t i = 0; i < r.n; i++) {
		const imported *it = &r.v[i];
		if (!it->d) {
			if (it->fs.n == 0)
				abort();
			continue;
		}
		if (utf8_invalid_offset(it->rep.lines.s ? it->rep.lines.s : "", it->rep.lines.len) >= 0)
			abort();
		size_t ylen;
		char *y = desc_format_yaml(it->d, &ylen), *aside = migrate_aside_comment(&it->rep);
		char *file = xasprintf("%s%s", y, aside);
		findings back;
		findings_init(&back);
		description *plain = desc_read(std, y, ylen, DESC_YAML, &back);
		description *again = desc_read(std, file, strlen(file), DESC_YAML, &back);
		if (!plain || !again || !desc_equal(again, plain))
			abort(); /* the comment block must never change what the file says */
		desc_free(&plain);
		desc_free(&again);
		char *json = desc_export_api_json(it->d);
		description *api = desc_read(std, json, strlen(json), DESC_API, &back);
		if (!api)
			abort();
		desc_free(&api);
		findings_done(&back);
		free(json);
		free(file);
		free(aside);
		free(y);
	}
	import_result_done(&r);
	findings_done(&fs);
	return 0;
}
