/* TEMPORARY: replaced by the html branch. */
#ifndef ALGEDIT_HTML_H
#define ALGEDIT_HTML_H
#include <stdbool.h>
#include <stddef.h>
size_t html_register_length(const char *s, size_t n);
bool html_register_parse_fails(const char *s, size_t n, bool rich);
char *html_stored_plain(const char *s, size_t n);
char *html_stored_rich(const char *s, size_t n);
char *rich_to_html(const char *text);
char *html_to_rich(const char *html);
char *text_to_html(const char *text);
size_t rich_register_length(const char *text);
size_t text_register_length(const char *text);
#endif
