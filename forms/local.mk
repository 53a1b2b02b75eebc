libalgedit_a_SOURCES += forms/finding.h forms/finding.c forms/desc.h forms/desc.c forms/rules.h forms/rules.c
libalgedit_a_SOURCES += forms/html.h forms/html_stub.c # TEMP
