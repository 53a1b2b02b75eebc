/* statefile: the text formats of algedit's own files in .git/algedit/ that
 * hold names from a repository: the sync state (slug and key of each
 * conflicting field) and the changed-paths cache of the history. A name is
 * data from a remote and may hold any byte but NUL: a tab, a line break, a
 * comma. Written raw it would cut a record or forge one, so both formats
 * escape such bytes as \xHH, and the parsers refuse what they did not write. */
#include "config.h"
#include "store/store_int.h"
#include "base/base.h"

#include <string.h>

static const char hexd[] = "0123456789abcdef";

void store_name_escape(strbuf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f || c == ',' || c == '\\') {
			sb_addc(b, '\\');
			sb_addc(b, 'x');
			sb_addc(b, hexd[c >> 4]);
			sb_addc(b, hexd[c & 15]);
		} else {
			sb_addc(b, (char)c);
		}
	}
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

char *store_name_unescape(const char *s, size_t len)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f || c == ',') {
			sb_done(&b);
			return NULL; /* never written raw */
		}
		if (c != '\\') {
			sb_addc(&b, (char)c);
			continue;
		}
		if (i + 3 >= len || s[i + 1] != 'x' || hexval(s[i + 2]) < 0 || hexval(s[i + 3]) < 0) {
			sb_done(&b);
			return NULL;
		}
		int v = hexval(s[i + 2]) * 16 + hexval(s[i + 3]);
		if (v == 0) {
			sb_done(&b);
			return NULL; /* names are C strings */
		}
		sb_addc(&b, (char)v);
		i += 3;
	}
	return sb_take(&b);
}

/* 40 lower-case hex digits (as git writes them) to an id, without libgit2's
 * error state: these parsers run before libgit2 is set up, in the fuzzer. */
static bool oid_hex(const char *p, git_oid *out)
{
	unsigned char raw[GIT_OID_RAWSZ];
	for (size_t i = 0; i < GIT_OID_RAWSZ; i++) {
		int h = hexval(p[2 * i]), l = hexval(p[2 * i + 1]);
		if (h < 0 || l < 0)
			return false;
		raw[i] = (unsigned char)(h * 16 + l);
	}
	git_oid_fromraw(out, raw);
	return true;
}

/* ---- the sync state: "theirs <oid>", then "slug<TAB>key[<TAB>choice]" ---- */

int store_state_parse(const char *data, size_t len, store_state_rec_cb cb, void *ctx)
{
	int bad = 0;
	for (const char *p = data, *end = data + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		size_t n = (size_t)(le - p);
		git_oid id;
		if (n >= 7 && !memcmp(p, "theirs ", 7)) {
			if (n == 7 + GIT_OID_HEXSZ && oid_hex(p + 7, &id))
				cb(ctx, &id, NULL, NULL, NULL);
			else
				bad++;
		} else if (n) {
			const char *t1 = memchr(p, '\t', n), *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(le - t1 - 1)) : NULL;
			char *slug = t1 ? store_name_unescape(p, (size_t)(t1 - p)) : NULL;
			char *key = t1 ? store_name_unescape(t1 + 1, (size_t)((t2 ? t2 : le) - t1 - 1)) : NULL;
			char *choice = t2 ? xstrndup(t2 + 1, (size_t)(le - t2 - 1)) : NULL;
			if (slug && key && *slug && *key && (!choice || !strchr(choice, '\t')))
				cb(ctx, NULL, slug, key, choice);
			else
				bad++;
			free(slug);
			free(key);
			free(choice);
		}
		p = nl ? nl + 1 : end;
	}
	return bad ? -1 : 0;
}

void store_state_line(strbuf *b, const char *slug, const char *key, const char *choice)
{
	store_name_escape(b, slug, strlen(slug));
	sb_addc(b, '\t');
	store_name_escape(b, key, strlen(key));
	if (choice) {
		sb_addc(b, '\t');
		sb_adds(b, choice);
	}
	sb_addc(b, '\n');
}

/* ---- the changed-paths cache: a header, then "<commit> ,name,name,\n" ---- */

int store_cp_parse(const char *data, size_t len, store_cp_cb cb, void *ctx)
{
	size_t hl = strlen(STORE_CP_HEADER);
	if (len < hl || memcmp(data, STORE_CP_HEADER, hl))
		return -1;
	for (const char *p = data + hl, *end = data + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return -1; /* torn: a write that did not finish */
		size_t n = (size_t)(nl - p);
		git_oid id;
		if (n < GIT_OID_HEXSZ + 2 || p[GIT_OID_HEXSZ] != ' ' || p[GIT_OID_HEXSZ + 1] != ',' || nl[-1] != ',' ||
		    !oid_hex(p, &id))
			return -1;
		const char *names = p + GIT_OID_HEXSZ + 1;
		size_t nlen = (size_t)(nl - names);
		/* Every name as store_name_escape writes it. */
		for (const char *q = names + 1; q < nl;) {
			const char *comma = memchr(q, ',', (size_t)(nl - q));
			char *one = store_name_unescape(q, (size_t)(comma - q));
			if (!one || !*one) {
				free(one);
				return -1;
			}
			free(one);
			q = comma + 1;
		}
		if (cb(ctx, &id, names, nlen) < 0)
			return -1;
		p = nl + 1;
	}
	return 0;
}
