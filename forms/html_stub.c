#include "config.h"
#include "forms/html.h"
#include "base/base.h"
#include <string.h>
size_t html_register_length(const char *s, size_t n) { return utf8_count(s, n); }
bool html_register_parse_fails(const char *s, size_t n, bool rich) { return false; }
char *html_stored_plain(const char *s, size_t n) { return xstrndup(s, n); }
char *html_stored_rich(const char *s, size_t n) { return xstrndup(s, n); }
char *rich_to_html(const char *t) { return xstrdup(t); }
char *html_to_rich(const char *t) { return xstrdup(t); }
char *text_to_html(const char *t) { return xstrdup(t); }
size_t rich_register_length(const char *t) { return utf8_count(t, strlen(t)); }
size_t text_register_length(const char *t) { return utf8_count(t, strlen(t)); }
