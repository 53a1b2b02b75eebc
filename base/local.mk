libalgedit_a_SOURCES += base/base.h base/base.c
libalgedit_a_SOURCES += base/paths.h base/paths.c
libalgedit_a_SOURCES += base/contain.h base/contain.c
