libalgedit_a_SOURCES += standard/standard.h standard/standard.c standard/ytree.h standard/ytree.c standard/yemit.c standard/convert.c
stddir = $(pkgdatadir)/standard/1.0
dist_std_DATA = standard/1.0/fields.yaml standard/1.0/guidance-nl.yaml standard/1.0/guidance-en.yaml \
	standard/1.0/lessons-nl.yaml standard/1.0/lessons-en.yaml standard/1.0/tutor-example-nl.yaml standard/1.0/tutor-example-en.yaml
# The list of officialese and plain words for the plain-word advice.
dist_std_DATA += standard/1.0/plain-words-nl.txt

# The register's supplier templates, shipped as data (algedit templates).
tpldir = $(pkgdatadir)/standard/1.0/templates
dist_tpl_DATA = standard/1.0/templates/bmconsultants.json \
	standard/1.0/templates/brickyard.json \
	standard/1.0/templates/centric.json \
	standard/1.0/templates/contec.json \
	standard/1.0/templates/docdirekt.json \
	standard/1.0/templates/edata---especialisten.json \
	standard/1.0/templates/gemeente-amsterdam.json \
	standard/1.0/templates/gemeente-tilburg.json \
	standard/1.0/templates/nelen---schuurmans.json \
	standard/1.0/templates/octobox.json \
	standard/1.0/templates/oribi.json \
	standard/1.0/templates/pinkroccade.json \
	standard/1.0/templates/procura.json \
	standard/1.0/templates/templates.yaml \
	standard/1.0/templates/tygron.json \
	standard/1.0/templates/xxllnc.json \
	standard/1.0/templates/zivver.json \
	standard/1.0/templates/zylab.json
