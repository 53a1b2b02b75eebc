/* Fuzz target: readable documents (forms/document.c) of any description. The
 * input is a description file (YAML), or, when it starts with 'R', raw bytes
 * put straight into a plain and a rich field (so bytes that are not UTF-8
 * reach the builder too). In every format the document is valid UTF-8 with no
 * control character but the newline and no bidi control; in HTML every '<' is
 * one of the builder's own tags (no value makes a tag), in Markdown every '<'
 * is escaped. */
#include "config.h"
#include "forms/desc.h"
#include "forms/document.h"
#include "base/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static standard *std;

static const char *const tags[] = {
	"!DOCTYPE html>", "html lang=\"", "/html>", "head>", "/head>", "meta ", "title>", "/title>", "style>",
	"/style>", "body>", "/body>", "p>", "p class=\"remark\">", "/p>", "br>", "ul>", "/ul>", "ol>", "/ol>",
	"li>", "/li>", "strong>", "/strong>", "em>", "/em>", "a href=\"https://", "/a>", NULL,
};

static bool our_tag(const char *p)
{
	if ((p[1] == 'h' || (p[1] == '/' && p[2] == 'h')) && strchr("123456", p[p[1] == '/' ? 3 : 2]))
		return true;
	for (size_t i = 0; tags[i]; i++)
		if (!strncmp(p + 1, tags[i], strlen(tags[i])))
			return true;
	return false;
}

static void check(const char *s, doc_format fmt)
{
	size_t n = strlen(s);
	if (utf8_invalid_offset(s, n) >= 0)
		abort();
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n') || c == 0x7f)
			abort();
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f)
			abort(); /* C1 control */
		if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] >= 0xaa &&
		    (unsigned char)s[i + 2] <= 0xae)
			abort(); /* U+202A..U+202E */
		if (c == '<' && fmt == DOC_HTML && !our_tag(s + i))
			abort();
		if (c == '<' && fmt == DOC_MARKDOWN && (i == 0 || s[i - 1] != '\\'))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!std) {
		char *err = NULL;
		setenv("ALGEDIT_DATADIR", ALGEDIT_SRCDIR, 0);
		std = standard_load_facts("1.0", &err);
		if (!std)
			abort();
	}
	findings fs;
	findings_init(&fs);
	description *d;
	if (size > 0 && data[0] == 'R') {
		d = desc_new(std);
		const char *s = (const char *)data + 1;
		desc_set(d, standard_field(std, "name"), ynode_new_str(s, size - 1, 0, 0));
		desc_set(d, standard_field(std, "goal"), ynode_new_str(s, size - 1, 0, 0));
	} else {
		d = desc_read(std, (const char *)data, size, DESC_YAML, &fs);
	}
	findings_done(&fs);
	if (!d)
		return 0;
	doc_entry e = { d, "fuzz", (const char *)NULL };
	for (int f = DOC_TEXT; f <= DOC_HTML; f++) {
		char *out = doc_descriptions(std, &e, 1, (doc_format)f, f == DOC_HTML ? LANG_EN : LANG_NL);
		check(out, (doc_format)f);
		free(out);
	}
	desc_free(&d);
	return 0;
}
