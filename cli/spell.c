/* cli/spell: `algedit spell [-l] [--dict NAME]`: the spell-checker on text from
 * standard input, with algedit's tokenizer and word lists (domain, team,
 * personal). With -l it prints the misspelt words one per line, like
 * `hunspell -l`; without, LINE:COLUMN: WORD. */
#include "config.h"
#include "cli/cli.h"
#include "spell/spell.h"
#include "store/store.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void help(void)
{
	printf("%s\n", _("List misspelt words in text read from standard input."));
	cli_usage(stdout, "spell");
	printf("\n%s\n", _("Options:"));
	printf("  -l           %s\n", _("print only the misspelt words, one per line (like hunspell -l)"));
	printf("  %-12s %s\n", _("--dict NAME"), _("use the hunspell dictionary NAME (default nl_NL, for Dutch)"));
	printf("  --lang CODE  %s\n", _("use the dictionary of a description language (default nld)"));
	printf("  -h, --help   %s\n", _("show this help"));
	printf("\n%s\n", _("Words in the team dictionary (.algedit/dictionary.txt in the drafts "
	                   "repository) and in ~/.config/algedit/dictionary.txt are accepted."));
	printf("%s\n", _("Exit status: 0 no misspellings, 1 misspellings found, 2 usage error or no dictionary."));
}

/* The team dictionary of the drafts repository: -C DIR, $ALGEDIT_REPO, else
 * the default repository. Only used when it exists. */
static char *team_dictionary(void)
{
	char *path;
	if (cli_repo_dir && *cli_repo_dir) {
		path = xasprintf("%s/.algedit/dictionary.txt", cli_repo_dir);
	} else {
		char *repo = store_default_dir();
		path = xasprintf("%s/.algedit/dictionary.txt", repo);
		free(repo);
	}
	if (access(path, R_OK) != 0)
		xfree(&path);
	return path;
}

int cmd_spell(int argc, char **argv)
{
	bool list_only = false;
	speller_opts o = { 0 };
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-l") == 0) {
			list_only = true;
		} else if (strcmp(a, "--dict") == 0 || strcmp(a, "-d") == 0) {
			if (++i == argc) {
				cli_error("spell", _("%s needs a dictionary name, such as nl_NL"), a);
				return 2;
			}
			o.dict = argv[i];
		} else if (strncmp(a, "--dict=", 7) == 0) {
			o.dict = a + 7;
		} else if (strcmp(a, "--lang") == 0) {
			if (++i == argc) {
				cli_error("spell", _("%s needs a language code, such as nld"), a);
				return 2;
			}
			o.lang = argv[i];
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			help();
			return 0;
		} else {
			cli_error("spell", _("unknown option \"%s\"; algedit spell --help lists them"), a);
			return 2;
		}
	}
	if (o.dict && (!*o.dict || strchr(o.dict, '/'))) {
		cli_error("spell", _("\"%s\" is not a dictionary name; give a name such as nl_NL"), o.dict);
		return 2;
	}
	char *team = team_dictionary();
	o.team_path = team;
	speller *sp = speller_new(&o);

	/* Reading stdin while the dictionary loads in the background. */
	strbuf in = STRBUF_INIT;
	char chunk[65536];
	ssize_t r;
	while ((r = read(STDIN_FILENO, chunk, sizeof chunk)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			cli_error("spell", _("cannot read standard input: %s"), strerror(errno));
			sb_done(&in);
			speller_free(&sp);
			free(team);
			return 2;
		}
		sb_add(&in, chunk, (size_t)r);
	}
	int rc = 0;
	if (speller_wait(sp) != SPELL_OK) {
		cli_error("spell", "%s", speller_notice(sp));
		rc = 2;
	} else {
		spell_finding *f;
		size_t n;
		speller_findings(sp, in.s ? in.s : "", in.len, 1, 1, 1, &f, &n);
		for (size_t i = 0; i < n; i++) {
			if (list_only)
				printf("%s\n", esc_line(f[i].word));
			else
				printf("%d:%d: %s\n", f[i].line, f[i].col, esc_line(f[i].word));
		}
		rc = n ? 1 : 0;
		spell_findings_free(&f, n);
		if (fflush(stdout) != 0) {
			cli_error("spell", _("cannot write the output: %s"), strerror(errno));
			rc = 2;
		}
	}
	sb_done(&in);
	speller_free(&sp);
	free(team);
	return rc;
}
