/* Shared bits for the Check unit tests: paths to the source tree and to
 * ../shared/reference, and a skip that is visible in the test log. */
#ifndef ALGEDIT_UNIT_H
#define ALGEDIT_UNIT_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static inline const char *unit_srcdir(void)
{
	const char *s = getenv("top_srcdir");
	return s ? s : ALGEDIT_SRCDIR;
}

/* ../shared/reference or NULL when it is absent. */
static inline const char *unit_reference(void)
{
	static char buf[4096];
	const char *s = getenv("SHARED_DIR");
	snprintf(buf, sizeof buf, "%s/reference", s ? s : ALGEDIT_SRCDIR "/../shared");
	struct stat st;
	return stat(buf, &st) == 0 ? buf : NULL;
}

#define UNIT_SKIP_NO_REFERENCE(ref)                                                  \
	do {                                                                          \
		if (!(ref)) {                                                         \
			fprintf(stderr, "SKIP: ../shared/reference is absent\n");     \
			return;                                                       \
		}                                                                     \
	} while (0)

/* For suites on the model: the shipped standard from the source tree, with
 * English messages so that assertions on texts are stable. Exits on failure. */
#ifdef ALGEDIT_STANDARD_H
static inline standard *unit_standard(void)
{
	setenv("ALGEDIT_DATADIR", unit_srcdir(), 0);
	setenv("LANGUAGE", "en", 1);
	char *err = NULL;
	standard *std = standard_load_version("1.0", &err);
	if (!std) {
		fprintf(stderr, "%s\n", err ? err : "cannot load the standard");
		exit(1);
	}
	return std;
}
#endif

/* Runs a suite and returns the process exit code (0 when all passed). */
static inline int unit_run(Suite *s)
{
	setenv("ALGEDIT_DATADIR", unit_srcdir(), 0);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? 1 : 0;
}

#endif
