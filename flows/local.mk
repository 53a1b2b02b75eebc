# flows: the things a user does, end to end, called by cli/ and tui/ alike.
libalgedit_a_SOURCES += flows/flows.h flows/team.c flows/find.c flows/review.c flows/history.c
UNIT_TESTS += tests/unit/test_flows
