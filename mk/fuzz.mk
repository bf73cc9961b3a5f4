# SPDX-License-Identifier: MIT
# Fuzzing every parser that reads user input, with libFuzzer (clang).
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="rubric scores"] [FUZZ_JOBS=2]
#        builds the targets with clang into $(FZ)/, seeds a working corpus per
#        target, runs each for FUZZ_SECONDS (FUZZ_JOBS at a time), prints the
#        executions and findings of each, and fails on any crash, leak,
#        timeout or out-of-memory.  Installs clang and libclang-rt-14-dev first
#        if they are missing (scripts/deps.sh).
#   make fuzz-regress, make fuzz-regress-sanitize
#        every saved finding (tests/fuzz/regress/TARGET/) and every seed,
#        replayed through the targets built with CC by tests/fuzz/replay.c,
#        plain and under ASan + UBSan: part of `make check`.
#
# Targets (tests/fuzz/fuzz_TARGET.c):
#   rubric   rubric bytes → front matter, Markdown → model → check (`gongwen check`)
#   scores   a scores file → scoresheet → grades against each real rubric
#            → the scored pages where it grades
#   layout   a layouts/*.yaml → layout → check of each real rubric with it,
#            and the pages of each that passes (the typesetter's geometry)
#   fontmap  a font map → fontset (faces from tests/fixtures/fonts and
#            /usr/share/fonts only) → coverage queries
#   typeset  rubric bytes that pass `check` → font coverage → pages (`gongwen
#            build` short of the PDF writer)
#   pdf      the same, on to a PDF file: font programs, font dictionaries,
#            content streams, PDF/A parts (`gongwen build`, and a batch's
#            unit drawing from programs made beforehand)
#   table    a spreadsheet of scores (CSV, or XLSX when it starts as a ZIP)
#            → cells → a scoresheet per row → grades against each real
#            rubric → the batch held against the units it expects
#   font     font file bytes (TrueType, CFF, collections) → fontset facts
#            → a page of a few characters → subset (HarfBuzz) and embedded
#            in a PDF
#
#   make fuzz-merge [FUZZ_TARGETS=...]
#        minimises each working corpus (libFuzzer -merge=1) into the kept
#        one, tests/fuzz/corpus/TARGET/, less what is a seed already

FUZZ_TARGETS ?= rubric scores layout fontmap typeset pdf table font
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 2
FUZZ_TIMEOUT ?= 10
FUZZ_CC      ?= clang
FUZZ_OPT     ?= -O1 -g
FZ           ?= build/fuzz

FUZZ_MAX_LEN_rubric  = 32768
FUZZ_MAX_LEN_scores  = 4096
FUZZ_MAX_LEN_layout  = 4096
FUZZ_MAX_LEN_fontmap = 8192
FUZZ_MAX_LEN_typeset = 32768
FUZZ_MAX_LEN_pdf     = 8192
FUZZ_MAX_LEN_table   = 16384
FUZZ_MAX_LEN_font    = 16384

# Seeds: the real inputs of each kind, the kept corpus and every saved finding.
FUZZ_SEEDS_rubric  = $(wildcard rubrics/*.md tests/fixtures/*.md tests/fixtures/*/*.md)
FUZZ_SEEDS_scores  = $(wildcard examples/*/*.yaml)
FUZZ_SEEDS_layout  = $(wildcard layouts/*.yaml)
FUZZ_SEEDS_fontmap = $(wildcard fonts/fontmap.yaml tests/fixtures/fonts/*.yaml)
FUZZ_SEEDS_typeset = $(FUZZ_SEEDS_rubric) $(wildcard tests/fuzz/seeds/rubric/*)
FUZZ_SEEDS_pdf     = $(FUZZ_SEEDS_typeset)
FUZZ_SEEDS_table   = $(wildcard tests/fixtures/tables/*.csv tests/fixtures/tables/*.xlsx)
FUZZ_SEEDS_font    = $(wildcard tests/fixtures/fonts/*.ttf tests/fixtures/fonts/*.otf \
                       tests/fixtures/fonts/fontconfig/partial/*.ttf)
# The pdf target reads what typeset reads.
FUZZ_DICT_pdf      = typeset
fuzz_seeds = $(FUZZ_SEEDS_$(1)) $(wildcard tests/fuzz/seeds/$(1)/* tests/fuzz/regress/$(1)/*)
# The kept corpus, as a folder: its hundreds of files would pass a command
# line's limit.
fuzz_corpus = $(wildcard tests/fuzz/corpus/$(1))

FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS  = -std=c11 $(FUZZ_OPT) $(WARN) $(PKG_CFLAGS) $(FUZZ_SAN)
FUZZ_DEFS    = -Isrc -Itests/fuzz -DFUZZ_ROOT='"$(CURDIR)"'
FUZZ_HARNESS = tests/fuzz/fuzz.h src/*.h

.PHONY: fuzz fuzz-deps fuzz-build fuzz-merge fuzz-regress fuzz-regress-sanitize
.PHONY: $(addprefix fuzz-run-,$(FUZZ_TARGETS)) $(addprefix fuzz-merge-,$(FUZZ_TARGETS))

fuzz-deps:
	@sh scripts/deps.sh clang libclang-rt-14-dev

fuzz: fuzz-deps
	@$(MAKE) --no-print-directory -j$(FUZZ_JOBS) $(addprefix fuzz-run-,$(FUZZ_TARGETS))
	@sh tests/fuzz/report.sh $(FZ) $(FUZZ_TARGETS)

fuzz-build: $(addprefix $(FZ)/fuzz_,$(FUZZ_TARGETS))

$(FZ)/obj/%.o: src/%.c src/*.h | $(FZ)/obj
	@echo "  CC    $< (fuzz)"
	@$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FZ)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_HARNESS) $(call objs,$(FZ),$(LIB_SRC))
	@echo "  FUZZ  $@"
	@$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_DEFS) -fsanitize=fuzzer $< \
	    $(call objs,$(FZ),$(LIB_SRC)) -o $@ $(PKG_LIBS)

$(FZ)/obj:
	@mkdir -p $@

# One run: the working corpus keeps what earlier runs found and gets the seeds
# again; a finding lands in $(FZ)/findings/TARGET/, the log in $(FZ)/TARGET.log.
# The run's failure is the report's to tell, after every target has run.
$(addprefix fuzz-run-,$(FUZZ_TARGETS)): fuzz-run-%: $(FZ)/fuzz_%
	@rm -rf $(FZ)/findings/$* && mkdir -p $(FZ)/findings/$* $(FZ)/corpus/$*
	@for f in $(call fuzz_seeds,$*); do cp "$$f" "$(FZ)/corpus/$*/seed-$$(echo "$$f" | tr / _)"; done
	@for d in $(call fuzz_corpus,$*); do cp "$$d"/* $(FZ)/corpus/$*/; done
	@echo "fuzz: $* for $(FUZZ_SECONDS)s"
	@$(FZ)/fuzz_$* -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN_$*) -timeout=$(FUZZ_TIMEOUT) \
	    -rss_limit_mb=2048 -print_final_stats=1 -dict=tests/fuzz/$(or $(FUZZ_DICT_$*),$*).dict \
	    -artifact_prefix=$(FZ)/findings/$*/ $(FZ)/corpus/$* >$(FZ)/$*.log 2>&1; \
	    echo $$? >$(FZ)/$*.rc

# The kept corpus: what the working one covers, minimised, less the seeds
# (libFuzzer names what it keeps by the SHA-1 of its bytes), which are
# replayed anyway.  One target at a time: a merge runs every input again.
fuzz-merge: fuzz-deps
	@$(MAKE) --no-print-directory -j1 $(addprefix fuzz-merge-,$(FUZZ_TARGETS))

$(addprefix fuzz-merge-,$(FUZZ_TARGETS)): fuzz-merge-%: $(FZ)/fuzz_%
	@rm -rf $(FZ)/merge/$* && mkdir -p $(FZ)/merge/$* $(FZ)/corpus/$* tests/fuzz/corpus/$*
	@$(FZ)/fuzz_$* -merge=1 -max_len=$(FUZZ_MAX_LEN_$*) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=2048 \
	    $(FZ)/merge/$* tests/fuzz/corpus/$* $(FZ)/corpus/$* >$(FZ)/$*-merge.log 2>&1 \
	    || { tail -n 20 $(FZ)/$*-merge.log; exit 1; }
	@for f in $(call fuzz_seeds,$*); do \
	    rm -f "$(FZ)/merge/$*/$$(sha1sum <"$$f" | cut -c1-40)"; done
	@rm -rf tests/fuzz/corpus/$* && mkdir -p tests/fuzz/corpus/$* && cp $(FZ)/merge/$*/* tests/fuzz/corpus/$*/ 2>/dev/null; \
	    echo "fuzz-merge: $* kept $$(ls tests/fuzz/corpus/$* | wc -l) inputs, $$(du -sk tests/fuzz/corpus/$* | cut -f1) KiB"

# ---- replay: findings and seeds as regression tests ------------------------

$(B)/replay_%: tests/fuzz/replay.c tests/fuzz/fuzz_%.c $(FUZZ_HARNESS) $(call objs,$(B),$(LIB_SRC))
	@echo "  TEST  $@"
	@$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) $(FUZZ_DEFS) tests/fuzz/replay.c tests/fuzz/fuzz_$*.c \
	    $(call objs,$(B),$(LIB_SRC)) -o $@ $(PKG_LIBS)
$(S)/replay_%: tests/fuzz/replay.c tests/fuzz/fuzz_%.c $(FUZZ_HARNESS) $(call objs,$(S),$(LIB_SRC))
	@echo "  TEST  $@"
	@$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(SANFLAGS) $(LDFLAGS) $(FUZZ_DEFS) tests/fuzz/replay.c tests/fuzz/fuzz_$*.c \
	    $(call objs,$(S),$(LIB_SRC)) -o $@ $(PKG_LIBS)

# $(1): the folder of the replay binaries; $(2): the label of the closing line.
# A hang is a failure too: each target's replay has FUZZ_REPLAY_TIMEOUT seconds.
FUZZ_REPLAY_TIMEOUT ?= 300
define fuzz_replay
pass=0; fail=0; \
$(foreach t,$(FUZZ_TARGETS),if timeout $(FUZZ_REPLAY_TIMEOUT) $(1)/replay_$(t) $(call fuzz_seeds,$(t)) $(call fuzz_corpus,$(t)); \
    then pass=$$((pass + 1)); else fail=$$((fail + 1)); echo "$(2): FAILED: $(t)"; fi;) \
echo "$(2): $$pass passed, $$fail failed"; [ $$fail -eq 0 ]
endef

fuzz-regress: test-deps $(addprefix $(B)/replay_,$(FUZZ_TARGETS))
	@$(call fuzz_replay,$(B),fuzz-regress)
fuzz-regress-sanitize: test-deps $(addprefix $(S)/replay_,$(FUZZ_TARGETS))
	@export ASAN_OPTIONS=detect_leaks=1; $(call fuzz_replay,$(S),fuzz-regress-sanitize)

# Reached only through pattern rules, the objects would count as intermediate
# and be deleted after each build.
.SECONDARY: $(call objs,$(FZ),$(LIB_SRC)) $(call objs,$(B),$(LIB_SRC)) $(call objs,$(S),$(LIB_SRC))
