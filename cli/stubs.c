/* Commands whose issue has not landed yet. */
#include "config.h"
#include "cli/cli.h"
#include "i18n/i18n.h"
int cmd_standard(int argc, char **argv)
{
	cli_error("standard", "%s", _("not available yet"));
	return 2;
}
int cmd_check(int argc, char **argv)
{
	cli_error("check", "%s", _("not available yet"));
	return 2;
}
