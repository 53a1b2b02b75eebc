/* resolve: `algedit resolve` lists the fields the last sync found changed on
 * both sides, with the values; `algedit resolve NAME FIELD mine|theirs` or
 * `NAME FIELD=VALUE` (the syntax of algedit set) chooses one; NAME and
 * FIELD as the list shows them (the description's name or file name, the
 * field's label or key), and the words as it shows them (mijn/hun in
 * Dutch). When every field is chosen the merge is saved, and algedit sync
 * sends it. */
#include "config.h"
#include "cli/cli.h"
#include "store/store.h"
#include "flows/flows.h"
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
	fprintf(f, "\n%s\n", _("Without arguments: lists the fields changed both here and on the team server,\n"
	                       "with the text before, yours and theirs. NAME FIELD mine keeps yours, NAME FIELD\n"
	                       "theirs takes the team server's; NAME FIELD=TEXT (or +=, -=, as with algedit set)\n"
	                       "gives your own. NAME: the description as the list shows it, or its file name;\n"
	                       "FIELD: its label or key. --abort forgets the choices. Once every field is\n"
	                       "chosen the merge is saved; algedit sync then sends it."));
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
		/* The description by the name the list shows, and its file name
		 * where that differs from it. */
		description *d = NULL;
		const char *name = NULL;
		if (store_load(s, c[i].slug, &d, NULL) == STORE_OK)
			name = ynode_str(desc_value(d, "name"));
		char *folded = name ? slug_from_name(name) : NULL;
		if (name && *name && strcmp(folded, c[i].slug))
			printf("%s (%s): ", esc_line(name), esc_line(c[i].slug));
		else
			printf("%s: ", esc_line(name && *name ? name : c[i].slug));
		printf("%s (%s)%s\n", esc_line(c[i].field ? c[i].field->label[i18n_lang()] : c[i].key), esc_line(c[i].key),
		       c[i].choice == CHOICE_NONE ? "" : c[i].choice == CHOICE_MINE ? _("  [chosen: mine]")
		       : c[i].choice == CHOICE_THEIRS ? _("  [chosen: theirs]") : _("  [chosen: edited]"));
		free(folded);
		desc_free(&d);
		show_value(_("ancestor:"), c[i].base);
		show_value(_("mine:"), c[i].mine);
		show_value(_("theirs:"), c[i].theirs);
		if (c[i].choice == CHOICE_EDIT)
			show_value(_("edited:"), c[i].edited);
	}
	printf("\n%s\n", _("Settle each field: algedit resolve NAME FIELD mine (keep yours) or theirs (take the team server's),\n"
	                   "or algedit resolve NAME FIELD=TEXT (your own text). NAME and FIELD as shown above."));
	store_conflicts_free(&c, n);
	return 1;
}

/* FIELD=VALUE (or += -=) with FIELD a label: the same with the key. */
static char *assign_with_key(const store_conflict *c, size_t n, const char *slug, const char *arg, char **key)
{
	size_t kl = strcspn(arg, "=");
	if (kl && (arg[kl - 1] == '+' || arg[kl - 1] == '-'))
		kl--;
	char *field = xstrndup(arg, kl);
	const store_conflict *hit = flow_conflict_field(c, n, slug, field);
	*key = xstrdup(hit ? hit->key : field);
	char *out = xasprintf("%s%s", *key, arg + kl);
	free(field);
	return out;
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
	store_conflict *c = NULL;
	size_t n = 0;
	store_conflicts(s, &c, &n);
	if (argc == 1) {
		rc = list(s);
	} else if (argc == 2 && !strcmp(argv[1], "--abort")) {
		store_sync_abort(s);
		printf("%s\n", _("the choices are forgotten; algedit sync starts the merge again"));
	} else if (argc == 2) {
		cli_error("resolve", "%s", _("say which field and whose text: algedit resolve NAME FIELD mine|theirs (algedit resolve lists them)"));
		rc = 2;
	} else if (!n) {
		cli_error("resolve", "%s", _("there is nothing to resolve; algedit sync reports conflicts when there are any"));
		rc = 1;
	} else if ((slug = cli_find_desc("resolve", s, argv[1], false))) {
		store_choice ch = CHOICE_NONE;
		ynode *value = NULL;
		char *key = NULL;
		const char *last = argv[argc - 1];
		bool assign = argc == 3 && strchr(argv[2], '=');
		if (!assign) {
			/* NAME FIELD... CHOICE: the field may be its label in words. */
			ch = flow_choice_word(last);
			strbuf f = STRBUF_INIT;
			for (int i = 2; i < argc - 1; i++)
				sb_printf(&f, "%s%s", i > 2 ? " " : "", argv[i]);
			sb_adds(&f, "");
			const store_conflict *hit = f.len ? flow_conflict_field(c, n, slug, f.s) : NULL;
			if (ch == CHOICE_NONE) {
				cli_error("resolve", _("\"%s\": say mine (keep yours) or theirs (take the team server's), or give FIELD=TEXT"), last);
				rc = 2;
			} else if (!hit) {
				cli_error("resolve", _("\"%s\" is not one of the fields to settle in %s; algedit resolve lists them"), f.len ? f.s : "", slug);
				rc = 2;
			} else {
				key = xstrdup(hit->key);
			}
			sb_done(&f);
		} else {
			/* FIELD=VALUE applies to my value, so += and -= work on it. */
			char *arg = assign_with_key(c, n, slug, argv[2], &key);
			description *d = desc_new(std);
			for (size_t i = 0; i < n; i++)
				if (!strcmp(c[i].slug, slug) && !strcmp(c[i].key, key))
					desc_set_value(d, key, c[i].mine);
			rc = cli_assign("resolve", d, arg);
			if (!rc) {
				const char *changed[1] = { arg };
				rc = cli_validate("resolve", slug, d, changed, 1);
			}
			const ynode *v = desc_value(d, key);
			value = v ? ynode_copy(v) : NULL;
			desc_free(&d);
			free(arg);
			ch = CHOICE_EDIT;
		}
		bool finished = false;
		if (!rc) {
			store_status st = store_resolve(s, slug, key, ch, value, &finished);
			if (st != STORE_OK) {
				cli_error("resolve", "%s", store_error(s));
				rc = 1;
			} else if (finished) {
				printf("%s\n", _("all conflicts are settled and the merge is saved; algedit sync sends it"));
			} else {
				printf("%s\n", _("choice recorded; algedit resolve lists what is left"));
			}
		}
		ynode_free(&value);
		free(key);
	} else {
		rc = 2;
	}
	store_conflicts_free(&c, n);
	free(slug);
	store_free(&s);
	standard_free(&std);
	return rc;
}
