/* actions: the one table of user actions and the separate table of keys.
 * The key bar and the help screen are generated from these; a handler looks
 * its action up here, so a key is bound in exactly one place. Every function
 * key has a Ctrl or Alt twin for terminals (and remote desktops) that
 * swallow function keys. */
#include "config.h"
#include "tui/app.h"
#include "base/base.h"
#include "i18n/i18n.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

const action_info actions[] = {
	[A_NONE] = { A_NONE, "", "" },
	[A_HELP] = { A_HELP, N_("Help"), N_("Show all keys and what the markers mean") },
	[A_SAVE] = { A_SAVE, N_("Save"), N_("Save the description") },
	[A_QUIT] = { A_QUIT, N_("Quit"), N_("Close the description (asks when there are unsaved changes)") },
	[A_NEXT_FIELD] = { A_NEXT_FIELD, N_("Next"), N_("Go to the next field") },
	[A_PREV_FIELD] = { A_PREV_FIELD, N_("Back"), N_("Go to the previous field") },
	[A_NEXT_SECTION] = { A_NEXT_SECTION, N_("Next section"), N_("Go to the first field of the next section") },
	[A_PREV_SECTION] = { A_PREV_SECTION, N_("Prev. section"), N_("Go to the first field of the previous section") },
	[A_NEXT_PROBLEM] = { A_NEXT_PROBLEM, N_("Problem"), N_("Go to the next field with an error, a missing value or a warning") },
	[A_JUMP] = { A_JUMP, N_("Go to"), N_("Go to a field by typing part of its name") },
	[A_GUIDE] = { A_GUIDE, N_("Guidance"), N_("Show or hide the guidance for this field") },
	[A_UNDO] = { A_UNDO, N_("Undo"), N_("Undo the last change to this field") },
	[A_REDO] = { A_REDO, N_("Redo"), N_("Redo what was undone") },
	[A_REDRAW] = { A_REDRAW, N_("Redraw"), N_("Redraw the screen") },
	[A_CANCEL] = { A_CANCEL, N_("Cancel"), N_("Close this window or question without doing anything") },
	[A_NEWLINE] = { A_NEWLINE, N_("New line"), N_("Start a new line; an empty line starts a new paragraph, \"- \" a list item") },
	[A_SELECT] = { A_SELECT, N_("Choose"), N_("Choose the highlighted value, or tick/untick it in a checklist") },
	[A_SELECT_NEXT] = { A_SELECT_NEXT, N_("Choose, next"), N_("Choose the highlighted value and go to the next field") },
	[A_CLEAR] = { A_CLEAR, N_("Clear"), N_("Remove the value of this field") },
	[A_CHAR_LEFT] = { A_CHAR_LEFT, N_("Left"), N_("One character to the left") },
	[A_CHAR_RIGHT] = { A_CHAR_RIGHT, N_("Right"), N_("One character to the right") },
	[A_UP] = { A_UP, N_("Up"), N_("One line (or value) up") },
	[A_DOWN] = { A_DOWN, N_("Down"), N_("One line (or value) down") },
	[A_WORD_LEFT] = { A_WORD_LEFT, N_("Word left"), N_("To the start of the word") },
	[A_WORD_RIGHT] = { A_WORD_RIGHT, N_("Word right"), N_("To the start of the next word") },
	[A_HOME] = { A_HOME, N_("Home"), N_("To the start of the line (again: of the paragraph)") },
	[A_END] = { A_END, N_("End"), N_("To the end of the line (again: of the paragraph)") },
	[A_TEXT_TOP] = { A_TEXT_TOP, N_("Top"), N_("To the start of the text") },
	[A_TEXT_BOTTOM] = { A_TEXT_BOTTOM, N_("Bottom"), N_("To the end of the text") },
	[A_BACKSPACE] = { A_BACKSPACE, N_("Erase"), N_("Erase the character before the cursor") },
	[A_DELETE] = { A_DELETE, N_("Delete"), N_("Erase the character under the cursor") },
	[A_DELETE_WORD] = { A_DELETE_WORD, N_("Erase word"), N_("Erase the word before the cursor") },
	[A_CUT_EOL] = { A_CUT_EOL, N_("Erase to end"), N_("Erase from the cursor to the end of the line") },
	[A_ITEM_EDIT] = { A_ITEM_EDIT, N_("Edit"), N_("Edit the highlighted item") },
	[A_ITEM_ADD] = { A_ITEM_ADD, N_("Add"), N_("Add an item") },
	[A_ITEM_DELETE] = { A_ITEM_DELETE, N_("Remove"), N_("Remove the highlighted item") },
	[A_ITEM_UP] = { A_ITEM_UP, N_("Move up"), N_("Move the highlighted item up") },
	[A_ITEM_DOWN] = { A_ITEM_DOWN, N_("Move down"), N_("Move the highlighted item down") },
	[A_ITEM_PART] = { A_ITEM_PART, N_("Title/link"), N_("Switch between the item's title and link") },
	[A_ITEM_DONE] = { A_ITEM_DONE, N_("Done"), N_("Keep the item and go back to the list of items") },
	[A_OPEN] = { A_OPEN, N_("Open"), N_("Open the highlighted description") },
	[A_NEW] = { A_NEW, N_("New"), N_("Start a new description") },
	[A_REMOVE] = { A_REMOVE, N_("Delete"), N_("Delete the highlighted description (asks first)") },
	[A_PAGE_UP] = { A_PAGE_UP, N_("Page up"), N_("One page up") },
	[A_PAGE_DOWN] = { A_PAGE_DOWN, N_("Page down"), N_("One page down") },
	[A_CONFIRM] = { A_CONFIRM, N_("Yes"), N_("Answer yes") },
	[A_RECOVER] = { A_RECOVER, N_("Recover"), N_("Take back the unsaved text") },
	[A_SPELL] = { A_SPELL, N_("Spelling"), N_("Go to the next misspelt word and show suggestions") },
	[A_TEMPLATE] = { A_TEMPLATE, N_("Template"), N_("Start a new description from one of the register's supplier templates (or a template file)") },
	[A_GUIDE_FULL] = { A_GUIDE_FULL, N_("Guidance, full screen"), N_("Show this field's guidance on the whole screen, to read it whole") },
	[A_GUIDE_UP] = { A_GUIDE_UP, N_("Guidance up"), N_("Scroll the guidance beside or below the field up") },
	[A_GUIDE_DOWN] = { A_GUIDE_DOWN, N_("Guidance down"), N_("Scroll the guidance beside or below the field down, to read the rest") },
	[A_TUTOR_CHECK] = { A_TUTOR_CHECK, N_("Check"), N_("Save and check the lesson: done, or what still blocks it") },
	[A_TUTOR_HINT] = { A_TUTOR_HINT, N_("Hint"), N_("Show or hide the lesson's hint") },
	[A_TUTOR_NEXT] = { A_TUTOR_NEXT, N_("Next lesson"), N_("Save and go to the next lesson") },
	[A_TUTOR_PREV] = { A_TUTOR_PREV, N_("Prev. lesson"), N_("Save and go to the previous lesson") },
	[A_TUTOR_REPLY] = { A_TUTOR_REPLY, N_("Reply"), N_("Reply to the reviewer's comment (in the review lesson)") },
	[A_LINKS] = { A_LINKS, N_("Check links"), N_("Check every web address of the description over the network: broken links are shown under their field") },
	[A_CAPTION] = { A_CAPTION, N_("Caption"), N_("Recording a demo (algedit --record FILE): type a caption, shown when the demo is played") },
	[A_REVIEW] = { A_REVIEW, N_("Review"), N_("Show what changed since the last approval, to comment, suggest and approve") },
	[A_REV_NEXT_COMMIT] = { A_REV_NEXT_COMMIT, N_("Next version"), N_("Show the changes of the next version (version by version)") },
	[A_REV_PREV_COMMIT] = { A_REV_PREV_COMMIT, N_("Prev. version"), N_("Show the changes of the previous version (version by version)") },
	[A_REV_MODE] = { A_REV_MODE, N_("Together/by version"), N_("Switch between all changes together and version by version") },
	[A_REV_MARK] = { A_REV_MARK, N_("Reviewed"), N_("Mark this field as reviewed by you (until it changes again)") },
	[A_COMMENT] = { A_COMMENT, N_("Comment"), N_("Write a comment on this field") },
	[A_SUGGEST] = { A_SUGGEST, N_("Suggest"), N_("Suggest a new text for this field") },
	[A_APPROVE] = { A_APPROVE, N_("Approve"), N_("Approve this version of the description") },
	[A_CHANGES] = { A_CHANGES, N_("Ask changes"), N_("Send the description back with the changes needed") },
	[A_REPLY] = { A_REPLY, N_("Reply"), N_("Reply to the first open comment on this field (shown above the guidance)") },
	[A_RESOLVE] = { A_RESOLVE, N_("Resolve"), N_("Mark the first open comment on this field as resolved") },
	[A_ACCEPT] = { A_ACCEPT, N_("Accept"), N_("Accept the first open suggestion for this field: its text is saved as a new version") },
	[A_REV_MINE] = { A_REV_MINE, N_("Waiting for me"), N_("Show only the descriptions waiting for your review (again: all)") },
	[A_REJECT] = { A_REJECT, N_("Reject"), N_("Reject the first open suggestion for this field, with a reason") },
	[A_SYNC] = { A_SYNC, N_("Sync"), N_("Send your new versions to the team server and take the team's (the first time: its address)") },
	[A_ASK_REVIEW] = { A_ASK_REVIEW, N_("Ask review"), N_("Ask the team to review the highlighted description, with a message") },
	[A_TAKE_MINE] = { A_TAKE_MINE, N_("Mine"), N_("Settling a conflict: keep your text of this field") },
	[A_TAKE_THEIRS] = { A_TAKE_THEIRS, N_("Theirs"), N_("Settling a conflict: take the team server's text of this field") },
	[A_OWN_TEXT] = { A_OWN_TEXT, N_("Own text"), N_("Settling a conflict: write a text of your own for this field") },
	[A_HISTORY] = { A_HISTORY, N_("History"), N_("Show the versions of the highlighted description: who changed what, when") },
	[A_BRING_BACK] = { A_BRING_BACK, N_("Bring back"), N_("In the history: save the highlighted version again, as a new version") },
};
_Static_assert(sizeof actions / sizeof actions[0] == A_COUNT, "one entry in actions[] per action");
/* Here curses.h is included: an action name that is also a curses macro
 * (an attribute such as A_LEFT) would not be the action, and would fail. */
#define ACTION_ASSERT_(name) _Static_assert((long)(name) >= 0 && (long)(name) < A_COUNT, #name " is an action");
ACTION_NAMES(ACTION_ASSERT_)
#undef ACTION_ASSERT_

#define F_ANY (CX_FORM)
#define T_ANY (CX_TEXT)
#define ENTER_KEYS(act, ctx, bar) { act, '\r', ctx, bar }, { act, '\n', ctx, false }, { act, KEY_ENTER, ctx, false }

const key_binding keys[] = {
	/* Questions and full-screen views first: they take every key they know.
	 * Each question has its own bar, in the words of its answers. */
	{ A_CONFIRM, TK_CTRL('s'), CX_ASK_QUIT, true },
	{ A_QUIT, TK_CTRL('q'), CX_ASK_QUIT, true },
	{ A_CANCEL, 27, CX_ASK_QUIT, true },
	{ A_RECOVER, '\r', CX_ASK_RECOVER, true },
	{ A_CANCEL, 27, CX_ASK_RECOVER, true },
	{ A_CONFIRM, '\r', CX_ASK_REMOVE, true },
	{ A_CONFIRM, TK_CTRL('d'), CX_ASK_DROP, true },
	ENTER_KEYS(A_CANCEL, CX_ASK_DROP, true),
	{ A_CANCEL, 27, CX_ASK_DROP, false },
	{ A_CANCEL, TK_CTRL('c'), CX_ASK_DROP, false },
	{ A_CANCEL, 27, CX_ASK_REMOVE, true },
	{ A_CANCEL, 27, CX_ASK_SPELL | CX_HELP | CX_GUIDE, true },
	{ A_CONFIRM, KEY_F(2), CX_ASK_QUIT, false },
	{ A_CONFIRM, TK_CTRL('d'), CX_ASK_REMOVE, false },
	{ A_RECOVER, TK_CTRL('r'), CX_ASK_RECOVER, false },
	{ A_QUIT, TK_CTRL('q'), CX_ASK_RECOVER, false },
	{ A_QUIT, KEY_F(10), CX_ASK_QUIT | CX_ASK_RECOVER, false },
	ENTER_KEYS(A_CONFIRM, CX_CONFIRM, false),
	{ A_CANCEL, 27, CX_CONFIRM | CX_PROMPT | CX_HELP | CX_GUIDE | CX_ITEMEDIT, true },
	{ A_CANCEL, TK_CTRL('c'), CX_CONFIRM | CX_PROMPT | CX_HELP | CX_GUIDE, false },
	{ A_HELP, KEY_F(1), CX_HELP, false },
	{ A_HELP, TK_CTRL('g'), CX_HELP, false },
	{ A_GUIDE, KEY_F(5), CX_GUIDE, false },
	{ A_GUIDE, TK_CTRL('t'), CX_GUIDE, false },
	{ A_UP, KEY_UP, CX_HELP | CX_GUIDE | CX_PROMPT, false },
	{ A_DOWN, KEY_DOWN, CX_HELP | CX_GUIDE | CX_PROMPT, false },
	{ A_PAGE_UP, KEY_PPAGE, CX_HELP | CX_GUIDE, false },
	{ A_PAGE_DOWN, KEY_NPAGE, CX_HELP | CX_GUIDE, false },
	{ A_CANCEL, 'q', CX_HELP | CX_GUIDE, false },
	{ A_CONFIRM, '\r', CX_PROMPT, true },
	ENTER_KEYS(A_CONFIRM, CX_PROMPT, false),
	{ A_BACKSPACE, KEY_BACKSPACE, CX_PROMPT, false },
	{ A_BACKSPACE, 127, CX_PROMPT, false },
	{ A_BACKSPACE, 8, CX_PROMPT, false },

	/* Spelling in a text field: F7 as in word processors. */
	{ A_SPELL, KEY_F(7), CX_TEXT, false },
	{ A_SPELL, TK_ALT('s'), CX_TEXT, false },

	/* The tutor's lesson, over the form. */
	{ A_TUTOR_CHECK, KEY_F(9), CX_TUTOR, true },
	{ A_TUTOR_CHECK, TK_ALT('c'), CX_TUTOR, false },
	{ A_TUTOR_HINT, KEY_F(11), CX_TUTOR, true },
	{ A_TUTOR_HINT, TK_ALT('h'), CX_TUTOR, false },
	{ A_TUTOR_NEXT, TK_ALT('>'), CX_TUTOR, true },
	{ A_TUTOR_PREV, TK_ALT('<'), CX_TUTOR, false },
	{ A_TUTOR_REPLY, TK_ALT('a'), CX_TUTOR, false },

	/* Everywhere in the form and the list. */
	{ A_HELP, TK_CTRL('g'), CX_FORM | CX_LIST, true },
	{ A_HELP, KEY_F(1), CX_FORM | CX_LIST, false },
	{ A_SAVE, TK_CTRL('s'), CX_FORM, true },
	{ A_SAVE, KEY_F(2), CX_FORM, false },
	{ A_QUIT, TK_CTRL('q'), CX_FORM | CX_LIST, true },
	{ A_QUIT, KEY_F(10), CX_FORM | CX_LIST, false },
	{ A_CAPTION, KEY_F(12), CX_FORM | CX_LIST, false },
	{ A_CAPTION, TK_ALT('m'), CX_FORM | CX_LIST, false },
	{ A_LINKS, TK_ALT('l'), CX_FORM, false },

	/* Items: the list of {title, link}, and one item being edited. */
	ENTER_KEYS(A_ITEM_DONE, CX_ITEMEDIT, true),
	{ A_ITEM_PART, '\t', CX_ITEMEDIT, true },
	{ A_ITEM_PART, KEY_BTAB, CX_ITEMEDIT, false },
	ENTER_KEYS(A_ITEM_EDIT, CX_ITEMS, true),
	{ A_ITEM_ADD, TK_CTRL('n'), CX_ITEMS, true },
	{ A_ITEM_ADD, KEY_F(7), CX_ITEMS, false },
	{ A_ITEM_ADD, KEY_IC, CX_ITEMS, false },
	{ A_ITEM_DELETE, TK_CTRL('d'), CX_ITEMS, true },
	{ A_ITEM_DELETE, KEY_F(8), CX_ITEMS, false },
	{ A_ITEM_DELETE, KEY_DC, CX_ITEMS, false },
	{ A_ITEM_UP, TK_ALT_UP, CX_ITEMS, true },
	{ A_ITEM_UP, TK_CTRL_UP, CX_ITEMS, false },
	{ A_ITEM_UP, TK_ALT('k'), CX_ITEMS, false },
	{ A_ITEM_DOWN, TK_ALT_DOWN, CX_ITEMS, true },
	{ A_ITEM_DOWN, TK_CTRL_DOWN, CX_ITEMS, false },
	{ A_ITEM_DOWN, TK_ALT('j'), CX_ITEMS, false },

	/* Choices. */
	{ A_SELECT, ' ', CX_PICK | CX_CHECK, true },
	ENTER_KEYS(A_SELECT_NEXT, CX_PICK, true),
	{ A_CLEAR, KEY_DC, CX_PICK | CX_CHECK, false },
	{ A_CLEAR, KEY_BACKSPACE, CX_PICK | CX_CHECK, false },
	{ A_CLEAR, 127, CX_PICK | CX_CHECK, false },

	/* Rich text: Enter is a new line, so leaving takes Tab or Alt-Enter. */
	ENTER_KEYS(A_NEWLINE, CX_RICH, false),

	/* Walking the form. */
	{ A_NEXT_FIELD, '\t', CX_FORM, true },
	{ A_NEXT_FIELD, TK_ALT_ENTER, CX_FORM, false },
	ENTER_KEYS(A_NEXT_FIELD, CX_FORM, false),
	{ A_PREV_FIELD, KEY_BTAB, CX_FORM, false },
	{ A_NEXT_SECTION, KEY_NPAGE, CX_FORM, false },
	{ A_NEXT_SECTION, TK_ALT('n'), CX_FORM, false },
	{ A_PREV_SECTION, KEY_PPAGE, CX_FORM, false },
	{ A_PREV_SECTION, TK_ALT('p'), CX_FORM, false },
	{ A_NEXT_PROBLEM, TK_CTRL('e'), CX_FORM, true },
	{ A_NEXT_PROBLEM, KEY_F(4), CX_FORM, false },
	{ A_JUMP, TK_CTRL('f'), CX_FORM, true },
	{ A_JUMP, KEY_F(3), CX_FORM, false },
	{ A_GUIDE, TK_CTRL('t'), CX_FORM, true },
	{ A_GUIDE, KEY_F(5), CX_FORM, false },
	{ A_GUIDE_FULL, TK_ALT('t'), CX_FORM, false },
	{ A_GUIDE_FULL, KEY_F(6), CX_FORM, false },
	{ A_GUIDE_DOWN, TK_ALT_PGDN, CX_FORM, false },
	{ A_GUIDE_UP, TK_ALT_PGUP, CX_FORM, false },
	{ A_UNDO, TK_CTRL('z'), CX_TEXT | CX_PICK | CX_CHECK | CX_ITEMS, true },
	{ A_UNDO, TK_ALT('u'), CX_TEXT | CX_PICK | CX_CHECK | CX_ITEMS, false },
	{ A_REDO, TK_CTRL('y'), CX_TEXT | CX_PICK | CX_CHECK | CX_ITEMS, false },
	{ A_REDO, TK_ALT('r'), CX_TEXT | CX_PICK | CX_CHECK | CX_ITEMS, false },

	/* The review screen (review.c): letters, as nothing is typed there. */
	{ A_SAVE, KEY_F(2), CX_REVIEW_EDIT, false },
	{ A_SAVE, TK_CTRL('s'), CX_REVIEW_EDIT, false },
	{ A_CANCEL, 27, CX_REVIEW | CX_REVIEW_EDIT, false },
	{ A_NEXT_FIELD, 'n', CX_REVIEW, true },
	{ A_NEXT_FIELD, '\t', CX_REVIEW, false },
	{ A_PREV_FIELD, 'p', CX_REVIEW, true },
	{ A_PREV_FIELD, KEY_BTAB, CX_REVIEW, false },
	{ A_COMMENT, 'c', CX_REVIEW, true },
	{ A_SUGGEST, 's', CX_REVIEW, true },
	{ A_APPROVE, 'a', CX_REVIEW, true },
	{ A_QUIT, 'q', CX_REVIEW, true },
	{ A_CHANGES, 'r', CX_REVIEW, true },
	{ A_REV_MARK, 'm', CX_REVIEW, true },
	{ A_REV_NEXT_COMMIT, ']', CX_REVIEW, false },
	{ A_REV_PREV_COMMIT, '[', CX_REVIEW, false },
	{ A_REV_MODE, 'v', CX_REVIEW, false },
	{ A_JUMP, 'g', CX_REVIEW, false },
	{ A_JUMP, TK_CTRL('f'), CX_REVIEW, false },
	ENTER_KEYS(A_OPEN, CX_REVIEW, false),
	{ A_HELP, KEY_F(1), CX_REVIEW, true },
	{ A_HELP, TK_CTRL('g'), CX_REVIEW, false },
	{ A_UP, KEY_UP, CX_REVIEW, false },
	{ A_DOWN, KEY_DOWN, CX_REVIEW, false },
	{ A_PAGE_UP, KEY_PPAGE, CX_REVIEW, false },
	{ A_PAGE_DOWN, KEY_NPAGE, CX_REVIEW, false },
	{ A_REVIEW, KEY_F(9), CX_LIST | CX_FORM, false },
	{ A_REV_MINE, TK_CTRL('w'), CX_LIST, false },
	{ A_REV_MINE, KEY_F(4), CX_LIST, false },
	{ A_SYNC, KEY_F(5), CX_LIST, false },
	{ A_SYNC, TK_ALT('s'), CX_LIST, false },
	{ A_ASK_REVIEW, TK_ALT('v'), CX_LIST, false },
	{ A_TAKE_MINE, 'm', CX_SETTLE, true },
	{ A_TAKE_MINE, '1', CX_SETTLE, false },
	{ A_TAKE_THEIRS, 't', CX_SETTLE, true },
	{ A_TAKE_THEIRS, 'h', CX_SETTLE, false },
	{ A_TAKE_THEIRS, '2', CX_SETTLE, false },
	{ A_OWN_TEXT, 'e', CX_SETTLE, true },
	{ A_OWN_TEXT, '3', CX_SETTLE, false },
	{ A_UP, KEY_UP, CX_SETTLE, false },
	{ A_DOWN, KEY_DOWN, CX_SETTLE, false },
	{ A_CANCEL, 27, CX_SETTLE, true },
	{ A_HISTORY, TK_ALT('l'), CX_LIST, false },
	{ A_HISTORY, KEY_F(3), CX_LIST, false },
	{ A_UP, KEY_UP, CX_HISTORY, false },
	{ A_DOWN, KEY_DOWN, CX_HISTORY, false },
	{ A_PAGE_UP, KEY_PPAGE, CX_HISTORY, true },
	{ A_PAGE_DOWN, KEY_NPAGE, CX_HISTORY, true },
	{ A_BRING_BACK, 'b', CX_HISTORY, true },
	{ A_CANCEL, 27, CX_HISTORY, true },
	{ A_REPLY, TK_ALT('c'), CX_FORM, false },
	{ A_RESOLVE, TK_ALT('d'), CX_FORM, false },
	{ A_ACCEPT, TK_ALT('a'), CX_FORM, false },
	{ A_REJECT, TK_ALT('x'), CX_FORM, false },
	{ A_REVIEW, TK_CTRL('r'), CX_LIST | CX_FORM, false },

	/* The list of descriptions. */
	ENTER_KEYS(A_OPEN, CX_LIST, true),
	{ A_NEW, TK_CTRL('n'), CX_LIST, true },
	{ A_NEW, KEY_F(7), CX_LIST, false },
	{ A_TEMPLATE, TK_CTRL('t'), CX_LIST, true },
	{ A_TEMPLATE, KEY_F(6), CX_LIST, false },
	{ A_REMOVE, TK_CTRL('d'), CX_LIST, true },
	{ A_REMOVE, KEY_F(8), CX_LIST, false },
	{ A_CANCEL, 27, CX_LIST, false },
	{ A_PAGE_UP, KEY_PPAGE, CX_LIST, false },
	{ A_PAGE_DOWN, KEY_NPAGE, CX_LIST, false },

	/* Moving and erasing in text, and in lists of values. */
	ENTER_KEYS(A_NEWLINE, CX_REVIEW_EDIT, false),
	{ A_CHAR_LEFT, KEY_LEFT, CX_TEXT | CX_PROMPT | CX_LIST | CX_REVIEW_EDIT, false },
	{ A_CHAR_RIGHT, KEY_RIGHT, CX_TEXT | CX_PROMPT | CX_LIST | CX_REVIEW_EDIT, false },
	{ A_UP, KEY_UP, CX_TEXT | CX_PICK | CX_CHECK | CX_ITEMS | CX_LIST | CX_REVIEW_EDIT, false },
	{ A_DOWN, KEY_DOWN, CX_TEXT | CX_PICK | CX_CHECK | CX_ITEMS | CX_LIST | CX_REVIEW_EDIT, false },
	{ A_WORD_LEFT, TK_CTRL_LEFT, CX_TEXT | CX_PROMPT | CX_REVIEW_EDIT, false },
	{ A_WORD_LEFT, TK_ALT('b'), CX_TEXT | CX_PROMPT, false },
	{ A_WORD_RIGHT, TK_CTRL_RIGHT, CX_TEXT | CX_PROMPT | CX_REVIEW_EDIT, false },
	{ A_WORD_RIGHT, TK_ALT('f'), CX_TEXT | CX_PROMPT, false },
	{ A_HOME, KEY_HOME, CX_TEXT | CX_PROMPT | CX_LIST | CX_REVIEW_EDIT, false },
	{ A_HOME, TK_CTRL('a'), CX_TEXT | CX_PROMPT | CX_REVIEW_EDIT, false },
	{ A_END, KEY_END, CX_TEXT | CX_PROMPT | CX_LIST | CX_REVIEW_EDIT, false },
	{ A_TEXT_TOP, TK_CTRL_HOME, CX_TEXT, false },
	{ A_TEXT_BOTTOM, TK_CTRL_END, CX_TEXT, false },
	{ A_BACKSPACE, KEY_BACKSPACE, CX_TEXT | CX_LIST | CX_REVIEW_EDIT, false },
	{ A_BACKSPACE, 127, CX_TEXT | CX_LIST | CX_REVIEW_EDIT, false },
	{ A_BACKSPACE, 8, CX_TEXT | CX_LIST | CX_REVIEW_EDIT, false },
	{ A_DELETE, KEY_DC, CX_TEXT | CX_REVIEW_EDIT, false },
	{ A_DELETE_WORD, TK_CTRL('w'), CX_TEXT | CX_PROMPT, false },
	{ A_CUT_EOL, TK_CTRL('k'), CX_TEXT | CX_REVIEW_EDIT, false },
	{ A_REDRAW, TK_CTRL('l'), CX_FORM | CX_LIST | CX_HELP, false },
};
const size_t nkeys = sizeof keys / sizeof keys[0];

static const bar_label bar_labels[] = {
	{ A_CONFIRM, CX_ASK_QUIT, N_("Save and close") },
	{ A_QUIT, CX_ASK_QUIT, N_("Close without saving") },
	{ A_CANCEL, CX_ASK_QUIT, N_("Back") },
	{ A_RECOVER, CX_ASK_RECOVER, N_("Take it back") },
	{ A_CANCEL, CX_ASK_RECOVER, N_("Open the saved version") },
	{ A_CONFIRM, CX_ASK_REMOVE, N_("Delete") },
	{ A_CANCEL, CX_ASK_REMOVE, N_("Keep it") },
	{ A_CONFIRM, CX_ASK_DROP, N_("Delete, keep a copy") },
	{ A_CANCEL, CX_ASK_DROP, N_("Keep it") },
	{ A_CANCEL, CX_ASK_SPELL | CX_HELP | CX_GUIDE | CX_HISTORY, N_("Close") },
	{ A_CANCEL, CX_SETTLE, N_("Back") },
	{ A_CONFIRM, CX_PROMPT, N_("OK") },
	{ A_QUIT, CX_REVIEW, N_("Close") },
};

const char *bar_name(action id, unsigned ctx)
{
	for (size_t i = 0; i < sizeof bar_labels / sizeof bar_labels[0]; i++)
		if (bar_labels[i].id == id && (bar_labels[i].ctx & ctx))
			return _(bar_labels[i].label);
	return _(actions[id].name);
}

const action_info *action_get(action a)
{
	return &actions[a];
}

action key_action(int key, unsigned ctx)
{
	for (size_t i = 0; i < nkeys; i++)
		if (keys[i].key == key && (keys[i].ctx & ctx))
			return keys[i].id;
	return A_NONE;
}

const char *keyname_of(int key, char buf[32])
{
	switch (key) {
	case '\r': return _("Enter");
	case '\t': return _("Tab");
	case ' ': return _("Space");
	case 27: return _("Esc");
	case 127: case KEY_BACKSPACE: return _("Backspace");
	case KEY_BTAB: return _("Shift-Tab");
	case KEY_UP: return "↑";
	case KEY_DOWN: return "↓";
	case KEY_LEFT: return "←";
	case KEY_RIGHT: return "→";
	case KEY_HOME: return "Home";
	case KEY_END: return "End";
	case KEY_NPAGE: return _("PgDn");
	case KEY_PPAGE: return _("PgUp");
	case KEY_DC: return _("Del");
	case KEY_IC: return _("Ins");
	case TK_CTRL_LEFT: return "Ctrl-←";
	case TK_CTRL_RIGHT: return "Ctrl-→";
	case TK_CTRL_HOME: return "Ctrl-Home";
	case TK_CTRL_END: return "Ctrl-End";
	case TK_ALT_UP: return "Alt-↑";
	case TK_ALT_DOWN: return "Alt-↓";
	case TK_CTRL_UP: return "Ctrl-↑";
	case TK_CTRL_DOWN: return "Ctrl-↓";
	case TK_ALT_ENTER: return _("Alt-Enter");
	case TK_ALT_PGUP: return "Alt-PgUp";
	case TK_ALT_PGDN: return "Alt-PgDn";
	default: break;
	}
	if (key >= KEY_F(1) && key <= KEY_F(12))
		snprintf(buf, 32, "F%d", key - KEY_F(0));
	else if (key >= TK_ALT(0) && key < TK_ALT(128))
		snprintf(buf, 32, "Alt-%c", key - TK_ALT(0));
	else if (key > 0 && key < 32)
		snprintf(buf, 32, "^%c", key + '@');
	else if (key >= 32 && key < 127)
		snprintf(buf, 32, "%c", key);
	else
		snprintf(buf, 32, "#%d", key);
	return buf;
}

/* ---- the help screen, generated from the tables ---- */

/* Where keys work, in the order a user meets them. */
static const struct help_group {
	unsigned ctx;
	const char *title; /* N_() */
} help_groups[] = {
	{ CX_LIST, N_("In the list of descriptions") },
	{ CX_FORM, N_("In the form, in every field") },
	{ CX_TEXT | CX_RICH, N_("In a text field") },
	{ CX_PICK | CX_CHECK, N_("In a choice or a checklist") },
	{ CX_ITEMS, N_("In a list of items (such as legal bases)") },
	{ CX_ITEMEDIT, N_("While editing an item") },
	{ CX_PROMPT, N_("In prompts (go to field, new name, template)") },
	{ CX_ASK_QUIT, N_("In the question about unsaved changes") },
	{ CX_ASK_RECOVER, N_("In the question about unsaved text found") },
	{ CX_ASK_REMOVE, N_("In the question before deleting a description") },
	{ CX_ASK_DROP, N_("In the question before deleting a draft that was never saved") },
	{ CX_ASK_SPELL, N_("In the spelling menu (its letters are shown in it)") },
	{ CX_HELP | CX_GUIDE, N_("In this help and in the full-screen guidance") },
	{ CX_TUTOR, N_("In the tutor (algedit tutor)") },
	{ CX_REVIEW, N_("In the review screen") },
	{ CX_SETTLE, N_("While settling a conflict (Enter on a description marked conflict)") },
	{ CX_HISTORY, N_("In the history of a description") },
};

const char *help_group_title(unsigned ctx)
{
	for (size_t g = 0; g < sizeof help_groups / sizeof help_groups[0]; g++)
		if (help_groups[g].ctx & ctx)
			return _(help_groups[g].title);
	return NULL;
}

/* True when keys[j] works for its action somewhere in ctx: no binding
 * before it takes the key there. */
static bool binding_live(size_t j, unsigned ctx)
{
	unsigned both = keys[j].ctx & ctx;
	for (unsigned bit = 1; bit && bit <= both; bit <<= 1)
		if ((both & bit) && key_action(keys[j].key, bit) == keys[j].id)
			return true;
	return false;
}

/* The same key once, and Enter's and Backspace's other codes not at all. */
static bool key_shown_once(int key)
{
	return key != '\n' && key != KEY_ENTER && key != 8 && key != 127;
}

static void pad_to(strbuf *b, const char *s, int width)
{
	sb_adds(b, s);
	for (int w = tb_text_width(s, strlen(s)); w < width; w++)
		sb_addc(b, ' ');
}

char *help_keys_text(void)
{
	enum { KEY_COL = 24 };
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "");
	for (size_t g = 0; g < sizeof help_groups / sizeof help_groups[0]; g++) {
		unsigned ctx = help_groups[g].ctx;
		sb_printf(&b, "%s%s\n", b.len ? "\n" : "", _(help_groups[g].title));
		for (int i = 1; i < A_COUNT; i++) {
			strbuf k = STRBUF_INIT;
			int seen[16], ns = 0;
			for (size_t j = 0; j < nkeys && ns < 16; j++) {
				if ((int)keys[j].id != i || !binding_live(j, ctx) || !key_shown_once(keys[j].key))
					continue;
				bool dup = false;
				for (int s = 0; s < ns; s++)
					dup |= seen[s] == keys[j].key;
				if (dup)
					continue;
				seen[ns++] = keys[j].key;
				char buf[32];
				sb_printf(&k, "%s%s", k.len ? ", " : "", keyname_of(keys[j].key, buf));
			}
			if (k.len) {
				sb_adds(&b, "  ");
				/* Padded by display width: "←" is one column, three bytes. */
				pad_to(&b, k.s, KEY_COL);
				sb_addc(&b, ' ');
				const char *name = bar_name((action)i, ctx), *own = _(actions[i].name);
				if (strcmp(name, own))
					sb_printf(&b, "%s\n", name);
				else
					sb_printf(&b, "%s: %s\n", name, _(actions[i].help));
			}
			sb_done(&k);
		}
	}
	return sb_take(&b);
}
