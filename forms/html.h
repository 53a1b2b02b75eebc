/* forms/html: how the register sees an HTML value (its length count, what it
 * stores, when its parser gives up), and the conversion between our plain rich
 * text (paragraphs, "- " and "1. " lists) and the register's small HTML.
 * Pure C, no dependencies beyond base/. All strings are UTF-8; every returned
 * string is the caller's to free(). */
#ifndef ALGEDIT_FORMS_HTML_H
#define ALGEDIT_FORMS_HTML_H

#include <stdbool.h>
#include <stddef.h>

/* Register's length count of a value exactly as sent to its API: the value is
 * parsed as an HTML document, all its text nodes are joined with one space and
 * the code points are counted. Tags and comments do not count, entities count
 * once decoded, unknown entities and "&amp" without ';' count literally, each
 * boundary between text nodes adds one, leading blanks (space, tab, CR, LF) do
 * not count, trailing ones do. "" counts 0; a value that is only whitespace is
 * counted as it is. A value whose parse fails counts 0. */
size_t html_register_length(const char *s, size_t n);

/* True when the register's HTML parser would fail on this value (an HTTP 500
 * in the register): the parse yields no element. For a rich field that is any
 * value of only blanks; for any field a value that is only a comment or only a
 * closing tag. "" never fails. */
bool html_register_parse_fails(const char *s, size_t n, bool rich);

/* What the register stores for a plain field: the joined text that is counted
 * ("" and whitespace-only values unchanged). NULL when the parse fails. */
char *html_stored_plain(const char *s, size_t n);

/* What the register stores for a rich field: cleaned HTML with only div, br,
 * p, ul, ol and li, no attributes, script/style removed with their content,
 * other tags removed keeping their content, text re-escaped with &amp; &lt;
 * &gt;. "" unchanged. NULL when the parse fails. */
char *html_stored_rich(const char *s, size_t n);

/* True for the keys of the fields the register keeps as HTML (goal, risks,
 * tags, ...); the others are plain. */
bool html_field_is_rich(const char *key);

/* Our plain rich text -> the register's HTML. Blank lines (empty or only
 * spaces and tabs) separate blocks; in a block, lines starting with "- " are
 * bulleted items (<ul>), lines starting with 1-3 digits and ". " numbered items
 * (<ol>), other lines before the first item form a paragraph (<p>), other lines
 * after an item continue that item; a newline inside a paragraph or item is
 * <br>. A line of one or more backslashes followed by such a marker is text:
 * its first backslash is dropped ("\1. WOO" is sent as "1. WOO", "\\- x"
 * as "\- x"), which is how html_to_rich writes text that only looks like an
 * item, so it comes back as text. & < > are escaped; CR LF and CR count as
 * LF; control characters the register would drop are dropped. "" -> "". */
char *rich_to_html(const char *text);

/* Our plain rich text -> the HTML the register stores for it: rich_to_html
 * in the register's canonical form (several top-level blocks wrapped in one
 * <div>, as its sanitiser does), so that what algedit sends is what the
 * register keeps and a PUT of an unchanged description answers NO_CHANGES. */
char *rich_to_register_html(const char *text);

/* Register HTML -> our plain rich text. Exact inverse of rich_to_html for
 * text in its canonical form (blocks separated by one blank line, items
 * numbered from 1), so rich_to_html(html_to_rich(rich_to_html(x))) equals
 * rich_to_html(x) for every x. Other HTML is converted sensibly: block tags
 * start paragraphs, br breaks lines, nested lists become indented lines in
 * their item, unknown tags are dropped keeping their text, script/style/head
 * are dropped, and whitespace that contains a line break collapses. */
char *html_to_rich(const char *html);

/* A rich value as sent to the register -> our plain rich text, from what the
 * register stores for it (html_stored_rich, so what it drops is dropped and
 * what it keeps, such as <title> text, is kept). A value the register keeps
 * as one paragraph of plain text (sent without tags) keeps its line breaks
 * and blank lines. NULL when the register's parser fails on it. */
char *register_to_rich(const char *value);

/* A plain field's text escaped for sending (& < > as entities, leading blanks
 * as character references) so that the register stores it unchanged. Text that
 * is empty or only whitespace is returned as it is. */
char *text_to_html(const char *text);

/* Length of our plain rich text / plain text as the register will count it
 * once exported with rich_to_html / text_to_html. */
size_t rich_register_length(const char *text);
size_t text_register_length(const char *text);

#endif
