# SPDX-License-Identifier: MIT
# gongwen: Markdown rubrics to GB/T 9704 notice-plus-table PDFs.
#
#   sh setup.sh     on a bare Debian 12: what building needs, then make demo
#   make demo       install the Debian packages building and running need,
#                   build, write the samples to out/
#   make check      install what the tests need too; all tests, plain and
#                   under AddressSanitizer + UBSan
#   make install    PREFIX=/usr/local DESTDIR= (mk/install.mk); make uninstall
#
# Building honours CC, CFLAGS, CPPFLAGS and LDFLAGS (dpkg-buildflags);
# warnings are errors unless WERROR= (a release build, debian/rules).
# Tests never install anything when INSTALL_DEPS=no.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PKG_CONFIG ?= pkg-config
PKGS     = libcmark freetype2 harfbuzz harfbuzz-subset yaml-0.1 zlib icu-uc libdeflate fontconfig libzip libxml-2.0 xlsxwriter libqpdf

PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lhpdf -lm

# Where the installed program finds its data when not beside its binary
# (src/app.c), compiled in.
DATADIR   ?= $(PREFIX)/share/gongwen
LOCALEDIR ?= $(PREFIX)/share/locale
PATH_DEFS  = -DGONGWEN_DATADIR='"$(DATADIR)"' -DGONGWEN_LOCALEDIR='"$(LOCALEDIR)"'

CFLAGS   ?= -O2 -g
WERROR   ?= -Werror
WARN      = -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes -Wmissing-prototypes
# The project's flags first, the builder's after them, so the builder's win.
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L $(PATH_DEFS) $(CPPFLAGS)
ALL_CFLAGS   = -std=c11 $(WARN) $(PKG_CFLAGS) $(CFLAGS)
SANFLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# A sanitizer's report must not pass for the exit status 1 of a data error.
SAN_ENV   = ASAN_OPTIONS=detect_leaks=1:exitcode=97 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=97

SRC       = $(sort $(wildcard src/*.c))
LIB_SRC   = $(filter-out src/main.c,$(SRC))
TEST_SRC  = $(sort $(wildcard tests/unit/test_*.c))
RUBRICS   = $(sort $(wildcard rubrics/*.md))

B ?= build
S ?= build/sanitize

.PHONY: all deps test-deps demo samples check test spdx unit e2e cli readme sanitize clean FORCE
all: $(B)/gongwen

# scripts/deps.sh: building and running; --test: the tests' tools as well.
ifeq ($(INSTALL_DEPS),no)
deps test-deps:
	@:
else
deps:
	@sh scripts/deps.sh
test-deps:
	@sh scripts/deps.sh --test
endif

define objs
$(patsubst src/%.c,$(1)/obj/%.o,$(2))
endef

# Each build folder keeps the command its objects were made with, so that a
# change of CC, CFLAGS, CPPFLAGS, LDFLAGS or PREFIX (compiled in) rebuilds them.
BUILD_FLAGS = $(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS)
quote = '$(subst ','\'',$(1))'
$(B)/flags $(S)/flags: FORCE
	@mkdir -p $(@D)/obj
	@printf '%s\n' $(call quote,$(BUILD_FLAGS)) | cmp -s - $@ || printf '%s\n' $(call quote,$(BUILD_FLAGS)) >$@

$(B)/obj/%.o: src/%.c src/*.h $(B)/flags
	@echo "  CC    $<"
	@$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@
$(S)/obj/%.o: src/%.c src/*.h $(S)/flags
	@echo "  CC    $< (sanitize)"
	@$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(SANFLAGS) -c $< -o $@

$(B)/gongwen: $(call objs,$(B),$(SRC))
	@echo "  LINK  $@"
	@$(CC) $(ALL_CFLAGS) $(LDFLAGS) $^ -o $@ $(PKG_LIBS)
$(S)/gongwen: $(call objs,$(S),$(SRC))
	@echo "  LINK  $@"
	@$(CC) $(ALL_CFLAGS) $(SANFLAGS) $(LDFLAGS) $^ -o $@ $(PKG_LIBS)

$(B)/test_%: tests/unit/test_%.c tests/unit/*.h $(call objs,$(B),$(LIB_SRC))
	@echo "  TEST  $@"
	@$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -Isrc $< $(call objs,$(B),$(LIB_SRC)) -o $@ $(PKG_LIBS) -lcmocka
$(S)/test_%: tests/unit/test_%.c tests/unit/*.h $(call objs,$(S),$(LIB_SRC))
	@echo "  TEST  $@"
	@$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(SANFLAGS) $(LDFLAGS) -Isrc $< $(call objs,$(S),$(LIB_SRC)) -o $@ $(PKG_LIBS) -lcmocka

UNIT_BIN     = $(patsubst tests/unit/test_%.c,$(B)/test_%,$(TEST_SRC))
UNIT_BIN_SAN = $(patsubst tests/unit/test_%.c,$(S)/test_%,$(TEST_SRC))

# Each suite prints cmocka's summary; run-tests adds one closing line.
unit: test-deps $(UNIT_BIN) $(B)/gongwen
	@sh tests/run-tests.sh "unit" $(UNIT_BIN)
# What a rubric's document prints, read from the model: the end-to-end
# tests check that PDF readers give all of it back.
$(B)/printed_text: tests/tools/printed_text.c $(call objs,$(B),$(LIB_SRC))
	@echo "  TOOL  $@"
	@$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -Isrc $< $(call objs,$(B),$(LIB_SRC)) -o $@ $(PKG_LIBS)

e2e: test-deps $(B)/gongwen $(B)/printed_text
	@PRINTED=$(abspath $(B)/printed_text) sh tests/e2e.sh $(B)/gongwen
	@sh tests/routes.sh $(B)/gongwen
cli: test-deps $(B)/gongwen
	@sh tests/cli.sh $(B)/gongwen
# Every command of README.md and README.en.md, as written.
readme: test-deps $(B)/gongwen
	@sh tests/readme.sh $(B)/gongwen
sanitize: test-deps $(UNIT_BIN_SAN) $(S)/gongwen $(B)/printed_text
	@$(SAN_ENV) sh tests/run-tests.sh "sanitize" $(UNIT_BIN_SAN)
	@$(SAN_ENV) PRINTED=$(abspath $(B)/printed_text) sh tests/e2e.sh $(S)/gongwen
	@$(SAN_ENV) sh tests/routes.sh $(S)/gongwen
	@$(SAN_ENV) sh tests/cli.sh $(S)/gongwen

test check: test-deps
	@$(MAKE) --no-print-directory spdx unit e2e cli readme i18n bad concurrent signals lowmem fuzz-regress test-install test-package sanitize bad-sanitize i18n-sanitize fuzz-regress-sanitize

# Every source file names its licence (scripts/spdx.sh; --add puts it in).
spdx:
	@sh scripts/spdx.sh

# deps runs first and alone: the pkg-config flags above are read when make
# starts, so building must happen in a make started after the install.
demo: deps
	@$(MAKE) --no-print-directory samples
# Scored samples: every examples/NAME/*.yaml against rubrics/NAME.md, into
# out/NAME/ with its 汇总表.csv.
samples: $(B)/gongwen
	@mkdir -p out
	@set -e; for r in $(RUBRICS); do $(B)/gongwen build $$r -o out/$$(basename $$r .md).pdf; done
	@set -e; for d in examples/*/; do n=$$(basename $$d); \
	    $(B)/gongwen batch rubrics/$$n.md $$d -o out/$$n; done

clean:
	rm -rf build

# Installing and the message catalogue, fuzzing, the bad-input catalogue,
# valgrind and benchmarks live in mk/.
include $(sort $(wildcard mk/*.mk))
