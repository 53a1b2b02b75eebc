/* finding: the list of findings and their names (see finding.h). */
#include "config.h"
#include "forms/finding.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void findings_init(findings *fs)
{
	fs->v = NULL;
	fs->n = fs->cap = 0;
}

void findings_done(findings *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		free(fs->v[i].key);
		free(fs->v[i].msg);
	}
	free(fs->v);
	findings_init(fs);
}

finding *findings_add(findings *fs, severity sev, origin org, const char *rule,
                      const std_field *f, const char *key, int line, int col,
                      const char *fmt, ...)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 8;
		fs->v = xrealloc(fs->v, fs->cap * sizeof *fs->v);
	}
	finding *x = &fs->v[fs->n++];
	memset(x, 0, sizeof *x);
	x->sev = sev;
	x->org = org;
	x->rule = rule;
	x->field = f;
	x->key = key ? xstrdup(key) : (f ? xstrdup(f->key) : NULL);
	x->line = line;
	x->col = col;
	x->byte = -1;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	x->msg = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	x->msg[0] = '\0';
	va_start(ap, fmt);
	if (n >= 0)
		vsnprintf(x->msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return x;
}

size_t findings_count(const findings *fs, severity sev)
{
	size_t c = 0;
	for (size_t i = 0; i < fs->n; i++)
		c += fs->v[i].sev == sev;
	return c;
}

void findings_sort(findings *fs)
{
	/* Insertion sort: stable, and a file has few findings. */
	for (size_t i = 1; i < fs->n; i++) {
		finding t = fs->v[i];
		size_t j = i;
		while (j > 0) {
			const finding *p = &fs->v[j - 1];
			if (p->line < t.line || (p->line == t.line && (p->col < t.col ||
			    (p->col == t.col && p->sev <= t.sev))))
				break;
			fs->v[j] = fs->v[j - 1];
			j--;
		}
		fs->v[j] = t;
	}
}

const char *severity_name(severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

const char *severity_label(severity s)
{
	return s == SEV_ERROR ? _("error") : s == SEV_WARNING ? _("warning") : _("note");
}

const char *origin_name(origin o)
{
	static const char *n[] = { "input", "register", "standard", "advice", "spelling" };
	return n[o];
}
