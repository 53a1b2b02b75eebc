/* edit: `algedit edit FILE` and `algedit` alone open the editor. */
#include "config.h"
#include "cli/cli.h"
