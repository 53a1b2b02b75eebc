/* config: the register.* settings, from files in git's config format, and the
 * token from the command the user named (as git's credential helpers). Only
 * the [register] section is read; the reader knows enough of the format for
 * what people write by hand or with `git config -f FILE`: comments (# ;),
 * quoted values with \" \\ \n \t, keys in any case. */
#include "config.h"
#include "register/register.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

void reg_config_done(reg_config *c)
{
	free(c->url);
	free(c->token_command);
	free(c->cacert);
	c->url = c->token_command = c->cacert = NULL;
}

/* The value after '=': quotes joined, escapes read, comments and the
 * surrounding blanks dropped. NULL when a quote is not closed or an escape
 * is unknown. */
static char *parse_value(const char *p, const char *end)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	bool quoted = false;
	size_t keep = 0; /* length without trailing blanks outside quotes */
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (; p < end; p++) {
		char c = *p;
		if (!quoted && (c == '#' || c == ';'))
			break;
		if (c == '"') {
			quoted = !quoted;
			keep = b.len;
			continue;
		}
		if (c == '\\') {
			if (++p >= end)
				goto bad;
			switch (*p) {
			case '"': case '\\': c = *p; break;
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			default: goto bad;
			}
			sb_addc(&b, c);
			keep = b.len;
			continue;
		}
		sb_addc(&b, c);
		if (quoted || (c != ' ' && c != '\t'))
			keep = b.len;
	}
	if (quoted)
		goto bad;
	b.s[keep] = '\0';
	b.len = keep;
	return sb_take(&b);
bad:
	sb_done(&b);
	return NULL;
}

int reg_config_parse(const char *text, size_t len, reg_config *out, int *line)
{
	memset(out, 0, sizeof *out);
	*line = 0;
	bool in_register = false;
	const char *p = text, *end = text + len;
	for (int ln = 1; p < end; ln++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		const char *q = p, *e = eol;
		if (e > q && e[-1] == '\r')
			e--;
		while (q < e && (*q == ' ' || *q == '\t'))
			q++;
		if (q == e || *q == '#' || *q == ';') {
			/* blank or a comment */
		} else if (*q == '[') {
			const char *close = memchr(q, ']', (size_t)(e - q));
			if (!close)
				goto bad;
			size_t n = (size_t)(close - q - 1);
			in_register = n == 8 && !strncasecmp(q + 1, "register", 8);
		} else if (in_register) {
			const char *k = q;
			while (q < e && (isalnum((unsigned char)*q) || *q == '-'))
				q++;
			char *key = xstrndup(k, (size_t)(q - k));
			while (q < e && (*q == ' ' || *q == '\t'))
				q++;
			char *val = NULL;
			if (q < e && *q == '=')
				val = parse_value(q + 1, e);
			else if (q == e || *q == '#' || *q == ';')
				val = xstrdup("true"); /* a key alone, as git reads it */
			if (!val || !*key) {
				free(key);
				free(val);
				goto bad;
			}
			char **slot = !strcasecmp(key, "url") ? &out->url
			              : !strcasecmp(key, "token-command") ? &out->token_command
			              : !strcasecmp(key, "cacert") ? &out->cacert : NULL;
			if (slot) {
				free(*slot); /* the last one counts, as in git */
				*slot = val;
			} else {
				free(val);
			}
			free(key);
		}
		p = eol < end ? eol + 1 : end;
		continue;
bad:
		*line = ln;
		reg_config_done(out);
		return -1;
	}
	return 0;
}

int reg_config_read(const char *path, reg_config *out, int *line)
{
	memset(out, 0, sizeof *out);
	*line = 0;
	struct stat st;
	if (stat(path, &st) < 0)
		return errno == ENOENT || errno == ENOTDIR ? 0 : -1;
	char *data = NULL;
	size_t len = 0;
	if (read_file(path, 1024 * 1024, &data, &len) < 0)
		return -1;
	int rc = reg_config_parse(data, len, out, line);
	free(data);
	return rc;
}

void reg_token_free(char **token)
{
	if (!*token)
		return;
	volatile char *p = *token;
	while (*p)
		*p++ = '\0';
	free(*token);
	*token = NULL;
}

char *reg_token_from_command(const char *command, char **err)
{
	*err = NULL;
	fflush(stdout);
	fflush(stderr);
	FILE *f = popen(command, "r");
	if (!f) {
		*err = xasprintf(_("cannot run the token command (register.token-command): %s"), strerror(errno));
		return NULL;
	}
	strbuf b = STRBUF_INIT;
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (b.len < 64 * 1024)
			sb_add(&b, buf, n);
	memset(buf, 0, sizeof buf);
	int status = pclose(f);
	char *tok = NULL;
	if (b.s) {
		size_t k = strcspn(b.s, "\r\n");
		tok = xstrndup(b.s, k);
		volatile char *p = b.s;
		for (size_t i = 0; i < b.len; i++)
			p[i] = '\0';
	}
	sb_done(&b);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		reg_token_free(&tok);
		*err = xasprintf(_("the token command (register.token-command) failed (exit status %d); run it yourself to see why"),
		                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return NULL;
	}
	/* A token is printable ASCII without blanks (a JWT); anything else would
	 * end up in a request header. */
	bool ok = tok && *tok;
	for (const char *p = tok; ok && *p; p++)
		ok = *p > ' ' && *p < 0x7f;
	if (!ok) {
		reg_token_free(&tok);
		*err = xstrdup(_("the token command (register.token-command) printed no token on its first line (a token is one word of letters, digits and . - _ characters)"));
		return NULL;
	}
	return tok;
}
