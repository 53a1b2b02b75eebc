/* assign: the KEY=VALUE language of algedit set, new and resolve:
 *   KEY=VALUE, KEY= (remove), KEY+=VALUE and KEY-=VALUE (list items; for
 *   the *_grouping fields TITLE|LINK), KEY=@FILE (@- : standard input),
 * and the check of the changed fields against the standard's rules. */
#include "config.h"
#include "cli/cli.h"
#include "store/store.h"
#include "forms/rules.h"
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
