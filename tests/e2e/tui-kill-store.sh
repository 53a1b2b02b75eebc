#!/bin/sh
# tui-kill.sh on a drafts repository: SIGKILL at random moments, many rounds;
# the journal in .git/algedit/journal gives back all text typed more than one
# second before each kill, and the recovered text is saved as a commit.
KILL_MODE=store
. "$top_srcdir/tests/e2e/tui-kill.sh"
