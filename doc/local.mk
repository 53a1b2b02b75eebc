# The Dutch man page (man -L nl algedit) is made from the English one,
# doc/algedit.1, and the Dutch catalogue doc/po/nl.po with po4a, so the two
# cannot drift: a text of the English page that the catalogue does not
# translate stays English in the Dutch page. Below 80% translated the Dutch
# page is not made and not installed, and the build says so;
# tests/e2e/man.sh fails as soon as one text is untranslated.
# After changing doc/algedit.1: make update-man-po, translate what is new
# or marked fuzzy in doc/po/nl.po. doc/po/nl.add adds roff lines of the Dutch
# page only (no hyphenation).
PO4A_TRANSLATE = po4a-translate
PO4A_UPDATEPO = po4a-updatepo
PO4A_FLAGS = -f man -M UTF-8 -L UTF-8
MAN_NL_THRESHOLD = 80
EXTRA_DIST += doc/po/nl.po doc/po/nl.add doc/po/algedit.pot
CLEANFILES += doc/nl/algedit.1

all-local: doc/nl/algedit.1
doc/nl/algedit.1: $(srcdir)/doc/algedit.1 $(srcdir)/doc/po/nl.po $(srcdir)/doc/po/nl.add
	@$(MKDIR_P) doc/nl
	@rm -f $@
	$(AM_V_GEN)$(PO4A_TRANSLATE) $(PO4A_FLAGS) -k $(MAN_NL_THRESHOLD) \
		-m $(srcdir)/doc/algedit.1 -p $(srcdir)/doc/po/nl.po \
		-a $(srcdir)/doc/po/nl.add -l $@
	@test -f $@ || echo "WARNING: the Dutch man page is translated below $(MAN_NL_THRESHOLD)%; it is not built or installed (update doc/po/nl.po)" >&2

# (i18n/local.mk has install-data-local and uninstall-local.)
install-data-hook: install-man-nl
uninstall-hook: uninstall-man-nl
install-man-nl: doc/nl/algedit.1
	@if test -f doc/nl/algedit.1; then \
		echo " $(MKDIR_P) '$(DESTDIR)$(mandir)/nl/man1'"; \
		$(MKDIR_P) '$(DESTDIR)$(mandir)/nl/man1' || exit 1; \
		echo " $(INSTALL_DATA) doc/nl/algedit.1 '$(DESTDIR)$(mandir)/nl/man1/algedit.1'"; \
		$(INSTALL_DATA) doc/nl/algedit.1 '$(DESTDIR)$(mandir)/nl/man1/algedit.1' || exit 1; \
	else echo "not installing the Dutch man page: doc/nl/algedit.1 was not built (below $(MAN_NL_THRESHOLD)% translated)"; fi
uninstall-man-nl:
	rm -f '$(DESTDIR)$(mandir)/nl/man1/algedit.1'

# Brings doc/po/algedit.pot and doc/po/nl.po up to date with doc/algedit.1.
update-man-po:
	cd $(srcdir) && $(PO4A_UPDATEPO) -f man -M UTF-8 -m doc/algedit.1 -p doc/po/algedit.pot -p doc/po/nl.po && \
		rm -f doc/po/algedit.pot~ doc/po/nl.po~
.PHONY: update-man-po install-man-nl uninstall-man-nl
