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
#   make pot            build/gongwen.pot, the messages of src/ to translate
#   make update-po      merges it into every po/LANG.po
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
MO        = $(foreach l,$(LINGUAS),$(B)/locale/$(l)/LC_MESSAGES/gongwen.mo)

.PHONY: install uninstall test-install pot update-po

all: $(MO)

$(B)/locale/%/LC_MESSAGES/gongwen.mo: po/%.po
	@mkdir -p $(@D)
	@echo "  MSGFMT $<"
	@msgfmt --check -o $@ $<

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

$(B)/gongwen.pot: $(SRC) src/*.h
	@mkdir -p $(@D)
	xgettext --force-po --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
	    --package-name=gongwen --package-version=$(VERSION) --sort-by-file -o $@ $(SRC) src/*.h
pot: $(B)/gongwen.pot
update-po: $(B)/gongwen.pot
	@for po in $(wildcard po/*.po); do msgmerge --update --backup=none $$po $<; done
