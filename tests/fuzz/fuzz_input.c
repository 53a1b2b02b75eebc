/* Fuzz target: the editor's input decoder (tui/input.c) over arbitrary
 * bytes as a terminal would send them: escape sequences of every kind,
 * mouse reports, bracketed pastes, UTF-8 and bytes that are not. Every
 * event is whole: a character is a Unicode scalar value and printable, a
 * paste valid UTF-8, an unknown sequence named in a short text. */
#include "config.h"
#include "tui/input.h"
#include "base/base.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		/* The screen's locale (tui_term_locale): UTF-8. */
		if (!setlocale(LC_CTYPE, "C.UTF-8"))
			setlocale(LC_CTYPE, "C.utf8");
		ready = 1;
	}
	input_feed(data, size);
	strbuf paste = STRBUF_INIT;
	/* Every read takes at least one byte: the loop ends. */
	for (size_t n = 0; n <= size; n++) {
		tui_event ev;
		if (!input_read(&ev, 0, &paste))
			break;
		switch (ev.kind) {
		case EV_CHAR:
			if (ev.ch < 0x20 || ev.ch == 0x7F || ev.ch > 0x10FFFF || (ev.ch >= 0xD800 && ev.ch <= 0xDFFF))
				abort();
			break;
		case EV_PASTE:
			if (!ev.text || utf8_invalid_offset(ev.text, ev.len) >= 0)
				abort();
			break;
		case EV_KEY:
			if (ev.key == TK_UNKNOWN && (!ev.text || strlen(ev.text) >= 64))
				abort();
			break;
		default:
			break;
		}
	}
	input_bad_byte();
	input_feed(NULL, 0);
	sb_done(&paste);
	return 0;
}
