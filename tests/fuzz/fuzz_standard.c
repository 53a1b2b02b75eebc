/* Fuzz target: the standard loader (fields.yaml) over arbitrary bytes. */
#include "config.h"
#include "standard/standard.h"
#include "base/base.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[] = "/tmp/algedit-fuzz-std-XXXXXX";
	static int ready;
	if (!ready) {
		if (!mkdtemp(dir))
			abort();
		/* Guidance files that name no field: the loader then reports the
		 * first field without guidance, after fields.yaml was fully parsed. */
		char *g = xasprintf("%s/guidance-nl.yaml", dir);
		write_file_atomic(g, "fields: {}\n", 11);
		free(g);
		g = xasprintf("%s/guidance-en.yaml", dir);
		write_file_atomic(g, "fields: {}\n", 11);
		free(g);
		ready = 1;
	}
	char *path = xasprintf("%s/fields.yaml", dir);
	if (write_file_atomic(path, (const char *)data, size) < 0)
		abort();
	char *err = NULL;
	standard *s = standard_load(dir, &err);
	if (!s && (!err || (!strstr(err, "fields.yaml") && !strstr(err, "guidance"))))
		abort(); /* every failure names the file */
	standard_free(&s);
	free(err);
	free(path);
	return 0;
}
