# SPDX-License-Identifier: MIT
# Installing, and the message catalogue.
#
#   make install [PREFIX=/usr/local] [DESTDIR=]
#        the program, its layouts and font map (PREFIX/share/gongwen), the
#        manual in English and Chinese (man/), bash completion (completion/)
#        and the compiled catalogue of each po/LANG.po
#   make uninstall [PREFIX=…] [DESTDIR=]   removes exactly what install put there
#   make test-install   installs into a scratch DESTDIR and tests what is
#        there: the program run from it, its manual, its completion, the
#        uninstall; and that a change of PREFIX rebuilds (tests/install.sh)
#   make test-package   the Debian package built from a copy of the tree:
#        lintian clean, what it holds, hardened, the same PDFs (tests/package.sh)
#   make pot            po/gongwen.pot, the messages of src/ to translate
#                       (rewritten only when they changed)
#   make update-po      merges it into every po/LANG.po
#   make i18n           every message translated in every po/LANG.po, the
#                       .pot current, real errors in Chinese under zh_CN and
#                       in English under C (tests/i18n.sh)
#
# PREFIX is compiled in (src/app.c looks for PREFIX/share beside the binary
# first), so install with the PREFIX of the build; a different one rebuilds.

BINDIR        ?= $(PREFIX)/bin
MANDIR        ?= $(PREFIX)/share/man
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
VERSION        = $(shell sed -n 's/^\#define GONGWEN_VERSION "\(.*\)"/\1/p' src/app.h)

# The manual: man/gongwen.1 in English, man/LANG/gongwen.1 translated.
MAN_LANGS = $(notdir $(patsubst %/,%,$(dir $(wildcard man/*/gongwen.1))))
# The message catalogues: po/LANG.po, compiled into the build folder.
LINGUAS   = $(basename $(notdir $(wildcard po/*.po)))
# A binary finds the catalogues of its build folder (src/app.c): each build
# folder has its own.
mo_of     = $(foreach l,$(LINGUAS),$(1)/locale/$(l)/LC_MESSAGES/gongwen.mo)
MO        = $(call mo_of,$(B))
MO_SAN    = $(call mo_of,$(S))

.PHONY: install uninstall test-install test-package pot update-po i18n i18n-sanitize

all: $(MO)
$(S)/gongwen: | $(MO_SAN)

define mo_rule
$(1)/locale/%/LC_MESSAGES/gongwen.mo: po/%.po
	@mkdir -p $$(@D)
	@echo "  MSGFMT $$<"
	@msgfmt --check -o $$@ $$<
endef
$(eval $(call mo_rule,$(B)))
$(eval $(call mo_rule,$(S)))

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/layouts $(DESTDIR)$(DATADIR)/fonts \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(COMPLETIONDIR)
	install -m 755 $(B)/gongwen $(DESTDIR)$(BINDIR)/gongwen
	install -m 644 layouts/*.yaml $(DESTDIR)$(DATADIR)/layouts/
	install -m 644 fonts/fontmap.yaml $(DESTDIR)$(DATADIR)/fonts/
	install -m 644 man/gongwen.1 $(DESTDIR)$(MANDIR)/man1/gongwen.1
	for l in $(MAN_LANGS); do \
	    install -d $(DESTDIR)$(MANDIR)/$$l/man1 && \
	    install -m 644 man/$$l/gongwen.1 $(DESTDIR)$(MANDIR)/$$l/man1/gongwen.1 || exit 1; done
	install -m 644 completion/gongwen.bash $(DESTDIR)$(COMPLETIONDIR)/gongwen
	for l in $(LINGUAS); do \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 $(B)/locale/$$l/LC_MESSAGES/gongwen.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/ || exit 1; done

# Folders are removed only when empty: others may share them.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gongwen $(DESTDIR)$(MANDIR)/man1/gongwen.1 $(DESTDIR)$(COMPLETIONDIR)/gongwen
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/layouts/,$(notdir $(wildcard layouts/*.yaml))) \
	    $(DESTDIR)$(DATADIR)/fonts/fontmap.yaml
	rm -f $(foreach l,$(MAN_LANGS),$(DESTDIR)$(MANDIR)/$(l)/man1/gongwen.1) \
	    $(foreach l,$(LINGUAS),$(DESTDIR)$(LOCALEDIR)/$(l)/LC_MESSAGES/gongwen.mo)
	-rmdir $(DESTDIR)$(DATADIR)/layouts $(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(DATADIR) 2>/dev/null

test-install: test-deps $(B)/gongwen
	@MAKE='$(MAKE)' B='$(B)' PREFIX='$(PREFIX)' sh tests/install.sh
test-package: test-deps $(B)/gongwen
	@B='$(B)' sh tests/package.sh

# What xgettext takes for a message (src/intl.h): _() and N_(), ngettext,
# and the format of every finding (diag_*), which diag.c looks up itself.
XGETTEXT = xgettext --from-code=UTF-8 --language=C --add-comments=TRANSLATORS: --add-location=file \
    --keyword=_ --keyword=N_ \
    --keyword=diag_error:4 --flag=diag_error:4:c-format \
    --keyword=diag_warning:4 --flag=diag_warning:4:c-format \
    --keyword=diag_add:5 --flag=diag_add:5:c-format \
    --keyword=diag_error_at:5 --flag=diag_error_at:5:c-format \
    --keyword=diag_warning_at:5 --flag=diag_warning_at:5:c-format \
    --package-name=gongwen --package-version=$(VERSION) --msgid-bugs-address=dev@gongwen.invalid --copyright-holder=gongwen --sort-by-file

# Its creation date aside, the .pot is rewritten only when a message changed.
POT_SRC = $(SRC) $(wildcard src/*.h)
pot:
	@mkdir -p $(B)
	@$(XGETTEXT) -o $(B)/gongwen.pot $(POT_SRC)
	@sed '/^"POT-Creation-Date:/d' $(B)/gongwen.pot >$(B)/gongwen.pot.new
	@if [ -f po/gongwen.pot ] && sed '/^"POT-Creation-Date:/d' po/gongwen.pot | cmp -s - $(B)/gongwen.pot.new; \
	then echo "pot: po/gongwen.pot is current"; \
	else cp $(B)/gongwen.pot po/gongwen.pot && echo "pot: po/gongwen.pot rewritten"; fi
update-po: pot
	@for po in $(wildcard po/*.po); do msgmerge --quiet --update --backup=none --no-wrap --add-location=file $$po po/gongwen.pot; done

i18n: test-deps $(B)/gongwen $(MO)
	@XGETTEXT='$(XGETTEXT) $(POT_SRC)' sh tests/i18n.sh $(B)/gongwen
i18n-sanitize: test-deps $(S)/gongwen $(MO_SAN)
	@$(SAN_ENV) LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp XGETTEXT='$(XGETTEXT) $(POT_SRC)' \
	    sh tests/i18n.sh $(S)/gongwen
