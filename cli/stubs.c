/* Commands whose issue has not landed yet. */
#include "config.h"
#include "cli/cli.h"
#include "i18n/i18n.h"
int cmd_spell(int argc, char **argv)
{
	cli_error("spell", "%s", _("not available yet"));
	return 2;
}
