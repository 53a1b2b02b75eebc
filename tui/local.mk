# tui: the editor (event loop, action and key tables, views, widgets), and
# the editor's tests and benchmark (its text model is in forms/, the edit
# command in cli/).
libalgedit_a_SOURCES += tui/tui.h tui/app.h tui/app.c tui/view.h tui/form.c tui/dialog.c tui/draw.h tui/actions.c tui/input.h tui/input.c \
	tui/draw.c tui/layout.c tui/list.c tui/loop.c tui/plain.h tui/plain.c tui/persist.h tui/persist.c tui/persist_store.c \
	tui/spell_ui.c tui/review.h tui/review.c
libalgedit_a_SOURCES += tui/demo.h tui/demo.c
UNIT_TESTS += tests/unit/test_demo
libalgedit_a_SOURCES += tui/term.c

UNIT_TESTS += tests/unit/test_textbuf tests/unit/test_app tests/unit/test_review_view

# End-to-end: the real binary in tmux (tests/e2e/lib.sh).
E2E_TESTS = tests/e2e/tui-write.sh tests/e2e/tui-dutch.sh tests/e2e/tui-paste.sh tests/e2e/tui-resize.sh \
	tests/e2e/tui-plain.sh tests/e2e/tui-kill.sh tests/e2e/tui-list.sh tests/e2e/tui-spell.sh \
	tests/e2e/tui-store.sh tests/e2e/tui-slug.sh tests/e2e/tui-kill-store.sh \
	tests/e2e/tui-template.sh tests/e2e/tui-template-ref.sh tests/e2e/tui-undo.sh \
	tests/e2e/tui-unsaved.sh tests/e2e/tui-hangup.sh tests/e2e/tui-plain-journal.sh \
	tests/e2e/tui-readonly.sh \
	tests/e2e/tui-arrows.sh tests/e2e/tui-guide.sh tests/e2e/tui-undo-saved.sh tests/e2e/tui-dialogs.sh tests/e2e/tui-names.sh tests/e2e/tui-status.sh tests/e2e/tui-boxes.sh tests/e2e/tui-suggest.sh
E2E_TESTS += tests/e2e/tui-review.sh
TESTS += $(E2E_TESTS)
EXTRA_DIST += $(E2E_TESTS) tests/e2e/lib.sh tests/e2e/screens tests/e2e/guidance-nl.yaml tests/e2e/guidance-en.yaml

# bench/tui: first screen and per-key time (make bench).
check_PROGRAMS += bench/tui/bench_tui
# The driver includes curses, so its source lives in tui/ (house rule).
bench_tui_bench_tui_SOURCES = tui/bench_tui.c
bench_tui_bench_tui_LDADD = $(ALL_LIBS) -lutil
BENCHES += bench/tui/bench_tui
EXTRA_DIST += bench/tui/run

libalgedit_a_SOURCES += tui/tutor.h tui/tutor.c
TESTS += tests/e2e/tutor.sh
EXTRA_DIST += tests/e2e/tutor.sh

TESTS += tests/e2e/tui-demo-sandbox.sh
EXTRA_DIST += tests/e2e/tui-demo-sandbox.sh

libalgedit_a_SOURCES += tui/quality_ui.h tui/quality_ui.c
TESTS += tests/e2e/tui-quality.sh
EXTRA_DIST += tests/e2e/tui-quality.sh

TESTS += tests/e2e/tui-template-register.sh
EXTRA_DIST += tests/e2e/tui-template-register.sh tests/e2e/screens/template-register.txt

libalgedit_a_SOURCES += tui/sync_ui.c tui/settle.c tui/history.c
TESTS += tests/e2e/tui-team.sh
EXTRA_DIST += tests/e2e/tui-team.sh

