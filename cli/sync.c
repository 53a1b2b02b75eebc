/* sync: placeholder until the sync commit. */
#include "config.h"
#include "cli/cli.h"
#include "i18n/i18n.h"
int cmd_sync(int argc, char **argv)
{
	cli_error("sync", "%s", _("not available yet"));
	return 2;
}
int cmd_resolve(int argc, char **argv)
{
	cli_error("resolve", "%s", _("not available yet"));
	return 2;
}
