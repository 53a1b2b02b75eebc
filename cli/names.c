/* names: what the commands on descriptions share to take a description as
 * a person names it: its name as the list shows it, its file name, or the
 * start of either (flows/find.c decides; this says it on stderr). */
#include "config.h"
#include "cli/cli.h"
#include "flows/flows.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdlib.h>

char *cli_find_desc(const char *cmd, struct store *s, const char *arg, bool allow_gone)
{
	char *err = NULL;
	char *slug = flow_find_desc(s, arg, allow_gone, &err);
	if (!slug)
		cli_error(cmd, "%s", err ? err : "");
	free(err);
	return slug;
}
