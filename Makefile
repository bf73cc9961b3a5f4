# gongwen: Markdown rubrics to GB/T 9704 notice-plus-table PDFs.
#
#   make demo     install missing Debian packages, build, write the samples to out/
#   make check    all tests, plain and under AddressSanitizer + UBSan
#   make install  PREFIX=/usr/local DESTDIR=

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PKGS     = libcmark freetype2 harfbuzz harfbuzz-subset yaml-0.1 zlib libzip libxml-2.0 xlsxwriter

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm

OPT      ?= -O2 -g
WARN      = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -DGONGWEN_DATADIR='"$(PREFIX)/share/gongwen"'
CFLAGS   += -std=c11 $(OPT) $(WARN) $(PKG_CFLAGS)
SANFLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# A sanitizer's report must not pass for the exit status 1 of a data error.
SAN_ENV   = ASAN_OPTIONS=detect_leaks=1:exitcode=97 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=97

SRC       = $(sort $(wildcard src/*.c))
LIB_SRC   = $(filter-out src/main.c,$(SRC))
TEST_SRC  = $(sort $(wildcard tests/unit/test_*.c))
RUBRICS   = $(sort $(wildcard rubrics/*.md))

B ?= build
S ?= build/sanitize

.PHONY: all deps demo samples check test unit e2e sanitize install clean
all: $(B)/gongwen

deps:
	@sh scripts/deps.sh

define objs
$(patsubst src/%.c,$(1)/obj/%.o,$(2))
endef

$(B)/obj/%.o: src/%.c src/*.h | $(B)/obj
	@echo "  CC    $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@
$(S)/obj/%.o: src/%.c src/*.h | $(S)/obj
	@echo "  CC    $< (sanitize)"
	@$(CC) $(CPPFLAGS) $(CFLAGS) $(SANFLAGS) -c $< -o $@

$(B)/gongwen: $(call objs,$(B),$(SRC))
	@echo "  LINK  $@"
	@$(CC) $(CFLAGS) $^ -o $@ $(PKG_LIBS)
$(S)/gongwen: $(call objs,$(S),$(SRC))
	@echo "  LINK  $@"
	@$(CC) $(CFLAGS) $(SANFLAGS) $^ -o $@ $(PKG_LIBS)

$(B)/test_%: tests/unit/test_%.c tests/unit/*.h $(call objs,$(B),$(LIB_SRC))
	@echo "  TEST  $@"
	@$(CC) $(CPPFLAGS) $(CFLAGS) -Isrc $< $(call objs,$(B),$(LIB_SRC)) -o $@ $(PKG_LIBS) -lcmocka
$(S)/test_%: tests/unit/test_%.c tests/unit/*.h $(call objs,$(S),$(LIB_SRC))
	@echo "  TEST  $@"
	@$(CC) $(CPPFLAGS) $(CFLAGS) $(SANFLAGS) -Isrc $< $(call objs,$(S),$(LIB_SRC)) -o $@ $(PKG_LIBS) -lcmocka

$(B)/obj $(S)/obj:
	@mkdir -p $@

UNIT_BIN     = $(patsubst tests/unit/test_%.c,$(B)/test_%,$(TEST_SRC))
UNIT_BIN_SAN = $(patsubst tests/unit/test_%.c,$(S)/test_%,$(TEST_SRC))

# Each suite prints cmocka's summary; run-tests adds one closing line.
unit: deps $(UNIT_BIN) $(B)/gongwen
	@sh tests/run-tests.sh "unit" $(UNIT_BIN)
e2e: deps $(B)/gongwen
	@sh tests/e2e.sh $(B)/gongwen
sanitize: deps $(UNIT_BIN_SAN) $(S)/gongwen
	@$(SAN_ENV) sh tests/run-tests.sh "sanitize" $(UNIT_BIN_SAN)
	@$(SAN_ENV) sh tests/e2e.sh $(S)/gongwen

test check: deps
	@$(MAKE) --no-print-directory unit e2e bad concurrent fuzz-regress sanitize bad-sanitize fuzz-regress-sanitize

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

install: $(B)/gongwen
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/gongwen/layouts $(DESTDIR)$(PREFIX)/share/gongwen/fonts
	install -m 755 $(B)/gongwen $(DESTDIR)$(PREFIX)/bin/gongwen
	install -m 644 layouts/*.yaml $(DESTDIR)$(PREFIX)/share/gongwen/layouts/
	install -m 644 fonts/fontmap.yaml $(DESTDIR)$(PREFIX)/share/gongwen/fonts/

clean:
	rm -rf build

# Fuzzing, the bad-input catalogue, valgrind and benchmarks live in mk/.
include $(sort $(wildcard mk/*.mk))
