# Message catalogues: built into $(builddir)/locale so the uninstalled binary
# finds them, installed under $(localedir).
libalgedit_a_SOURCES += i18n/i18n.h i18n/i18n.c
I18N_LANGS = nl en
I18N_MO = locale/nl/LC_MESSAGES/algedit.mo locale/en/LC_MESSAGES/algedit.mo
EXTRA_DIST += i18n/nl.po i18n/en.po i18n/POTFILES
CLEANFILES += $(I18N_MO)
if USE_NLS
noinst_DATA = $(I18N_MO)

locale/%/LC_MESSAGES/algedit.mo: $(srcdir)/i18n/%.po
	@$(MKDIR_P) $(@D)
	$(AM_V_GEN)$(MSGFMT) --check -o $@ $<

install-data-local: $(I18N_MO)
	for l in $(I18N_LANGS); do \
	  $(MKDIR_P) "$(DESTDIR)$(localedir)/$$l/LC_MESSAGES"; \
	  $(INSTALL_DATA) locale/$$l/LC_MESSAGES/algedit.mo "$(DESTDIR)$(localedir)/$$l/LC_MESSAGES/algedit.mo"; \
	done
uninstall-local:
	for l in $(I18N_LANGS); do rm -f "$(DESTDIR)$(localedir)/$$l/LC_MESSAGES/algedit.mo"; done
endif

# Refresh the catalogues from the sources: make update-po
update-po:
	cd $(srcdir) && $(XGETTEXT) --from-code=UTF-8 -k_ -kN_ -kP_:1,2 -kfail:3 --package-name=algedit \
	  -o i18n/algedit.pot $$(cat i18n/POTFILES) && \
	for l in $(I18N_LANGS); do $(MSGMERGE) -q -U --backup=none i18n/$$l.po i18n/algedit.pot; done
.PHONY: update-po
