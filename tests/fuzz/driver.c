/* Standalone driver for fuzz targets when libFuzzer is not used: feeds each
 * file named on the command line to LLVMFuzzerTestOneInput once. */
#include "config.h"
#include "base/base.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int n = 0;
	for (int i = 1; i < argc; i++) {
		char *data;
		size_t len;
		if (read_file(argv[i], 64 * 1024 * 1024, &data, &len) < 0) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
		free(data);
		n++;
	}
	printf("ran %d inputs\n", n);
	return n > 0 ? 0 : 1;
}
