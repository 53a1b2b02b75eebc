/* set: `algedit set SLUG... KEY=VALUE...` changes fields of one or more
 * descriptions from the command line and saves them in one commit, for
 * scripts and bulk changes. The syntax of an assignment:
 *   KEY=VALUE     set a field (a list field becomes that one item)
 *   KEY=          remove the field
 *   KEY+=VALUE    add an item to a list: a choice (category+=Verkeer) or, for
 *                 the *_grouping fields, TITLE|LINK
 *   KEY-=VALUE    remove the items equal to VALUE (for *_grouping: the title,
 *                 the link, or TITLE|LINK)
 *   KEY=@FILE     the value is the content of FILE (@- : standard input)
 * A change is saved only when the changed fields pass the standard's rules;
 * otherwise nothing is saved. */
#include "config.h"
#include "cli/cli.h"
#include "store/store.h"
#include "forms/rules.h"
#include "forms/slug.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A value is text: no NUL character, nothing that is not UTF-8. from names
 * where it came from (a file, standard input), NULL for the command line.
 * Returns false after a message naming the field, the source and the line. */
static bool value_is_text(const char *cmd, const char *key, const char *from, const char *s, size_t n)
{
	const char *nul = memchr(s, '\0', n);
	long bad = utf8_invalid_offset(s, nul ? (size_t)(nul - s) : n);
	size_t at = bad >= 0 ? (size_t)bad : nul ? (size_t)(nul - s) : n;
	if (at == n)
		return true;
	int line = 1;
	for (size_t i = 0; i < at; i++)
		line += s[i] == '\n';
	if (bad < 0 && from)
		cli_error(cmd, _("%s, line %d: the value for %s holds a NUL character (byte %zu); a field holds text only, nothing was saved"),
		          from, line, key, at);
	else if (from)
		cli_error(cmd, _("%s, line %d: the value for %s is not valid UTF-8 text (byte %zu); save it as UTF-8, nothing was saved"),
		          from, line, key, at);
	else
		cli_error(cmd, _("the value for %s is not valid UTF-8 text (byte %zu); give it as UTF-8, nothing was saved"),
		          key, at);
	return false;
}

static char *read_value(const char *cmd, const char *key, const char *v)
{
	if (v[0] != '@' || v[1] == '@') {
		if (v[0] == '@')
			v++; /* @@x: a value that starts with @ */
		return value_is_text(cmd, key, NULL, v, strlen(v)) ? xstrdup(v) : NULL;
	}
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	if (!strcmp(v, "@-")) {
		char buf[4096];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
			sb_add(&b, buf, n);
	} else {
		char *data;
		size_t len;
		if (read_file(v + 1, DESC_MAX_FILE, &data, &len) < 0) {
			cli_error(cmd, _("cannot read %s: %s"), v + 1, strerror(errno));
			sb_done(&b);
			return NULL;
		}
		sb_add(&b, data, len);
		free(data);
	}
	/* The whole of it is the value: a NUL would cut it short unseen. */
	if (!value_is_text(cmd, key, strcmp(v, "@-") ? v + 1 : _("standard input"), b.s, b.len)) {
		sb_done(&b);
		return NULL;
	}
	/* A file's last newline is not part of the value. */
	while (b.len && b.s[b.len - 1] == '\n')
		b.s[--b.len] = '\0';
	return sb_take(&b);
}

static ynode *item_node(const char *v)
{
	ynode *m = ynode_new(Y_MAP, 0, 0);
	const char *bar = strchr(v, '|');
	size_t tl = bar ? (size_t)(bar - v) : strlen(v);
	while (tl && v[tl - 1] == ' ')
		tl--;
	if (tl)
		ynode_put(m, "title", ynode_new_str(v, tl, 0, 0), 0, 0);
	if (bar) {
		const char *l = bar + 1;
		while (*l == ' ')
			l++;
		if (*l)
			ynode_put(m, "link", ynode_new_str(l, strlen(l), 0, 0), 0, 0);
	}
	return m;
}

static bool item_matches(const ynode *it, const char *v, bool items)
{
	if (!items)
		return ynode_str(it) && !strcmp(ynode_str(it), v);
	const char *t = ynode_str(ynode_get(it, "title")), *l = ynode_str(ynode_get(it, "link"));
	if ((t && !strcmp(t, v)) || (l && !strcmp(l, v)))
		return true;
	ynode *want = item_node(v);
	bool eq = ynode_equal(it, want);
	ynode_free(&want);
	return eq;
}

int cli_assign(const char *cmd, description *d, const char *arg)
{
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg) {
		cli_error(cmd, _("\"%s\" is not KEY=VALUE; see algedit set --help"), arg);
		return 2;
	}
	char op = '=';
	size_t klen = (size_t)(eq - arg);
	if (klen > 1 && (arg[klen - 1] == '+' || arg[klen - 1] == '-'))
		op = arg[--klen];
	char *key = xstrndup(arg, klen);
	const std_field *f = standard_field(d->std, key);
	int rc = 0;
	char *val = NULL;
	if (!f) {
		cli_error(cmd, _("\"%s\" is not a field of the standard; algedit standard lists the keys"), key);
		rc = 2;
		goto out;
	}
	if (!(val = read_value(cmd, key, eq + 1))) {
		rc = 2;
		goto out;
	}
	bool list = f->kind == FK_MULTI || f->kind == FK_ITEMS, items = f->kind == FK_ITEMS;
	if (op != '=' && !list) {
		cli_error(cmd, _("%s is not a list; use %s=VALUE"), key, key);
		rc = 2;
		goto out;
	}
	if (op == '=') {
		if (!*val) {
			desc_set(d, f, NULL);
		} else if (list) {
			ynode *seq = ynode_new(Y_SEQ, 0, 0);
			ynode_push(seq, items ? item_node(val) : ynode_new_str(val, strlen(val), 0, 0));
			desc_set(d, f, seq);
		} else {
			desc_set_text(d, f, val);
		}
		goto out;
	}
	const ynode *cur = desc_get(d, f);
	ynode *seq = ynode_new(Y_SEQ, 0, 0);
	bool found = false;
	for (size_t i = 0; cur && cur->type == Y_SEQ && i < cur->n; i++) {
		if (op == '-' && item_matches(cur->kids[i], val, items)) {
			found = true;
			continue;
		}
		if (op == '+' && item_matches(cur->kids[i], val, items) && !items)
			found = true;
		ynode_push(seq, ynode_copy(cur->kids[i]));
	}
	if (op == '+' && !found)
		ynode_push(seq, items ? item_node(val) : ynode_new_str(val, strlen(val), 0, 0));
	if (op == '-' && !found)
		fprintf(stderr, _("algedit %s: note: %s has no item \"%s\"\n"), cmd, esc_line(key), esc_line(val));
	if (seq->n == 0)
		ynode_free(&seq);
	desc_set(d, f, seq);
out:
	free(val);
	free(key);
	return rc;
}

int cli_validate(const char *cmd, const char *slug, const description *d, const char *const *changed, size_t n)
{
	findings fs;
	findings_init(&fs);
	rules_check(d, &fs);
	int bad = 0;
	for (size_t i = 0; i < fs.n; i++) {
		const finding *x = &fs.v[i];
		if (x->sev != SEV_ERROR || !x->key)
			continue;
		bool mine = false;
		for (size_t k = 0; k < n && !mine; k++) {
			size_t kl = strlen(x->key);
			mine = !strncmp(changed[k], x->key, kl) && strchr("=+-", changed[k][kl]);
		}
		if (!mine)
			continue;
		cli_error(cmd, "%s: %s", slug, x->msg); /* the message names the field */
		bad = 1;
	}
	findings_done(&fs);
	return bad;
}

static void usage(FILE *f)
{
	cli_usage(f, "set");
	fprintf(f, "\n%s\n", _("Changes fields of one or more descriptions and saves them in one commit.\n"
	                       "SLUG is the file name under algoritmes/ without .yaml; --all means every one."));
	fprintf(f, "\n  %-17s %s\n", _("KEY=VALUE"), _("set a field (a list field becomes that one item)"));
	fprintf(f, "  %-17s %s\n", _("KEY="), _("remove the field"));
	fprintf(f, "  %-17s %s\n", _("KEY+=VALUE"), _("add an item: category+=Verkeer, lawful_basis_grouping+=\"Title|https://...\""));
	fprintf(f, "  %-17s %s\n", _("KEY-=VALUE"), _("remove an item (for links: by title, by link, or TITLE|LINK)"));
	fprintf(f, "  %-17s %s\n", _("KEY=@FILE"), _("take the value from FILE (@- : standard input)"));
	fprintf(f, "\n%s\n", _("Nothing is saved when a changed field breaks a rule of the standard.\n"
	                       "Exit status: 0 saved (or nothing changed), 1 refused, 2 usage error."));
}

int cmd_set(int argc, char **argv)
{
	bool all = false;
	char **slugs = NULL;
	size_t nslugs = 0;
	const char **assign = xcalloc((size_t)argc + 1, sizeof *assign);
	size_t nassign = 0;
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			free(assign);
			return 0;
		}
		if (!strcmp(argv[i], "--all"))
			all = true;
		else if (strchr(argv[i], '='))
			assign[nassign++] = argv[i];
		else {
			/* Found by name once the repository is open. */
			slugs = xrealloc(slugs, (nslugs + 1) * sizeof *slugs);
			slugs[nslugs++] = xstrdup(argv[i]);
		}
	}
	if (!rc && ((!nslugs && !all) || !nassign)) {
		cli_error("set", "%s", _("give one or more descriptions and at least one KEY=VALUE"));
		usage(stderr);
		rc = 2;
	}
	standard *std = NULL;
	store *s = NULL;
	description **ds = NULL;
	if (!rc)
		rc = cli_store_open("set", &std, &s);
	for (size_t i = 0; !rc && i < nslugs; i++) {
		char *sl = cli_find_desc("set", s, slugs[i], false);
		if (!sl) {
			rc = 2;
			break;
		}
		free(slugs[i]);
		slugs[i] = sl;
	}
	if (!rc && all) {
		char **more, **refused;
		size_t nmore, nrefused;
		if (store_list(s, &more, &nmore) != STORE_OK) {
			cli_error("set", "%s", store_error(s));
			rc = 1;
		}
		/* Symbolic links are never followed: said, and left alone. */
		store_list_refused(s, &refused, &nrefused);
		for (size_t i = 0; !rc && i < nrefused; i++)
			fprintf(stderr, _("algedit set: note: %s\n"), refused[i]);
		store_slugs_free(&refused, nrefused);
		slugs = xrealloc(slugs, (nslugs + nmore + 1) * sizeof *slugs);
		for (size_t i = 0; i < nmore; i++)
			slugs[nslugs++] = xstrdup(more[i]);
		store_slugs_free(&more, nmore);
		if (!rc && !nslugs) {
			cli_error("set", "%s", _("there are no descriptions yet; algedit new NAME makes one"));
			rc = 1;
		}
	}
	ds = xcalloc(nslugs + 1, sizeof *ds);
	for (size_t i = 0; !rc && i < nslugs; i++) {
		findings fs;
		findings_init(&fs);
		if (store_load(s, slugs[i], &ds[i], &fs) != STORE_OK) {
			cli_error("set", "%s", store_error(s));
			rc = 1;
		}
		findings_done(&fs);
		for (size_t k = 0; !rc && k < nassign; k++)
			rc = cli_assign("set", ds[i], assign[k]);
		if (!rc)
			rc = cli_validate("set", slugs[i], ds[i], assign, nassign) ? 1 : 0;
	}
	if (!rc) {
		if (nslugs > 1)
			fprintf(stderr, P_("algedit set: %zu description checked\n", "algedit set: %zu descriptions checked\n", nslugs), nslugs);
		rc = cli_store_save("set", s, (const char *const *)slugs, (const description *const *)ds, nslugs);
	} else if (rc == 1) {
		fprintf(stderr, "%s\n", _("nothing saved; correct the values and run the command again"));
	}
	for (size_t i = 0; i < nslugs; i++) {
		free(slugs[i]);
		if (ds)
			desc_free(&ds[i]);
	}
	free(ds);
	free(slugs);
	free(assign);
	store_free(&s);
	standard_free(&std);
	return rc;
}
