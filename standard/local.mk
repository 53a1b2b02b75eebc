libalgedit_a_SOURCES += standard/standard.h standard/standard.c standard/ytree.h standard/ytree.c standard/yemit.c standard/convert.c
stddir = $(pkgdatadir)/standard/1.0
dist_std_DATA = standard/1.0/fields.yaml standard/1.0/guidance-nl.yaml standard/1.0/guidance-en.yaml \
	standard/1.0/lessons-nl.yaml standard/1.0/lessons-en.yaml standard/1.0/tutor-example-nl.yaml standard/1.0/tutor-example-en.yaml
# The list of officialese and plain words for the plain-word advice.
dist_std_DATA += standard/1.0/plain-words-nl.txt
