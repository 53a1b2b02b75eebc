/* resolve: `algedit resolve` lists the fields the last sync found changed on
 * both sides, with the values; `algedit resolve SLUG FIELD mine|theirs` or
 * `SLUG FIELD=VALUE` (the syntax of algedit set) chooses one; when every
 * field is chosen the merge is saved, and algedit sync sends it. */
#include "config.h"
#include "cli/cli.h"
#include "store/store.h"
#include "forms/diff.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	cli_usage(f, "resolve");
	fprintf(f, "\n%s\n", _("Without arguments: lists the conflicting fields with the ancestor's value, yours\n"
	                       "and theirs. SLUG FIELD mine|theirs keeps one side; SLUG FIELD=VALUE (or +=, -=,\n"
	                       "as with algedit set) sets a value of your own. --abort forgets the choices.\n"
	                       "Once every field is chosen the merge is saved; algedit sync then sends it."));
}

static void show_value(const char *what, const ynode *v)
{
	printf("    %-9s ", what);
	if (!v) {
		printf("%s\n", _("(empty)"));
		return;
	}
	if (ynode_str(v)) {
		for (const char *p = esc_text(ynode_str(v)); *p; p++) {
			if (*p == '\n')
				printf("\n              ");
			else
				putchar(*p);
		}
		putchar('\n');
		return;
	}
	for (size_t i = 0; v->type == Y_SEQ && i < v->n; i++) {
		const ynode *it = v->kids[i];
		const char *t = ynode_str(it) ? ynode_str(it) : ynode_str(ynode_get(it, "title"));
		const char *l = ynode_get(it, "link") ? ynode_str(ynode_get(it, "link")) : NULL;
		printf("%s- %s%s%s%s\n", i ? "              " : "", esc_line(t), l ? " <" : "", l ? esc_line(l) : "", l ? ">" : "");
	}
}

static int list(store *s)
{
	store_conflict *c;
	size_t n;
	store_conflicts(s, &c, &n);
	if (!n) {
		printf("%s\n", _("no conflicts"));
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		printf("%s  %s (%s)%s\n", esc_line(c[i].slug), esc_line(c[i].field ? c[i].field->label[i18n_lang()] : c[i].key), esc_line(c[i].key),
		       c[i].choice == CHOICE_NONE ? "" : c[i].choice == CHOICE_MINE ? _("  [chosen: mine]")
		       : c[i].choice == CHOICE_THEIRS ? _("  [chosen: theirs]") : _("  [chosen: edited]"));
		show_value(_("ancestor:"), c[i].base);
		show_value(_("mine:"), c[i].mine);
		show_value(_("theirs:"), c[i].theirs);
		if (c[i].choice == CHOICE_EDIT)
			show_value(_("edited:"), c[i].edited);
	}
	printf("\n%s\n", _("Choose: algedit resolve SLUG FIELD mine|theirs, or algedit resolve SLUG FIELD=VALUE"));
	store_conflicts_free(&c, n);
	return 1;
}

int cmd_resolve(int argc, char **argv)
{
	if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		usage(stdout);
		return 0;
	}
	standard *std;
	store *s;
	int rc = cli_store_open("resolve", &std, &s);
	if (rc)
		return rc;
	char *slug = NULL;
	if (argc == 1) {
		rc = list(s);
	} else if (argc == 2 && !strcmp(argv[1], "--abort")) {
		store_sync_abort(s);
		printf("%s\n", _("the choices are forgotten; algedit sync starts the merge again"));
	} else if ((argc == 4 || argc == 3) && (slug = slug_from_arg(argv[1]))) {
		store_choice ch = CHOICE_NONE;
		ynode *value = NULL;
		char *key = NULL;
		if (argc == 4) {
			key = xstrdup(argv[2]);
			ch = !strcmp(argv[3], "mine") ? CHOICE_MINE : !strcmp(argv[3], "theirs") ? CHOICE_THEIRS : CHOICE_NONE;
			if (ch == CHOICE_NONE) {
				cli_error("resolve", _("\"%s\": say mine or theirs, or give FIELD=VALUE"), argv[3]);
				rc = 2;
			}
		} else {
			/* FIELD=VALUE applies to my value, so += and -= work on it. */
			size_t kl = strcspn(argv[2], "+-=");
			key = xstrndup(argv[2], kl);
			store_conflict *c;
			size_t n;
			store_conflicts(s, &c, &n);
			description *d = desc_new(std);
			for (size_t i = 0; i < n; i++)
				if (!strcmp(c[i].slug, slug) && !strcmp(c[i].key, key))
					desc_set_value(d, key, c[i].mine);
			store_conflicts_free(&c, n);
			rc = cli_assign("resolve", d, argv[2]);
			if (!rc) {
				const char *changed[1] = { argv[2] };
				rc = cli_validate("resolve", slug, d, changed, 1);
			}
			const ynode *v = desc_value(d, key);
			value = v ? ynode_copy(v) : NULL;
			desc_free(&d);
			ch = CHOICE_EDIT;
		}
		bool finished = false;
		if (!rc) {
			store_status st = store_resolve(s, slug, key, ch, value, &finished);
			if (st != STORE_OK) {
				cli_error("resolve", "%s", store_error(s));
				rc = 1;
			} else if (finished) {
				printf("%s\n", _("all conflicts are resolved and the merge is saved; algedit sync sends it"));
			} else {
				printf("%s\n", _("choice recorded; algedit resolve lists what is left"));
			}
		}
		ynode_free(&value);
		free(key);
	} else {
		cli_error("resolve", "%s", _("give SLUG FIELD mine|theirs, SLUG FIELD=VALUE, or --abort"));
		usage(stderr);
		rc = 2;
	}
	free(slug);
	store_free(&s);
	standard_free(&std);
	return rc;
}
