# SPDX-License-Identifier: MIT
# The catalogue of bad inputs (tests/bad/), and valgrind over every suite.
#
#   make bad            each case of tests/bad/ against $(B)/gongwen: its exit
#                       status and message, and no output left behind
#   make bad-sanitize   the same with $(S)/gongwen (AddressSanitizer + UBSan,
#                       leaks included)
#   make valgrind       the unit tests, tests/e2e.sh and tests/bad.sh with every
#                       program run under valgrind (memcheck, definite leaks
#                       are errors)
#   make signals        batches ended by SIGTERM, SIGINT, SIGHUP and SIGKILL
#                       leave no temporary file behind (tests/signals.sh)
#   make lowmem         runs short of memory say so, and blame no font
#                       (tests/lowmem.sh; not sanitized: ASan cannot start
#                       under an address-space limit)

.PHONY: bad bad-sanitize valgrind signals lowmem

VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --vgdb=no \
           --suppressions=$(CURDIR)/tests/valgrind.supp

bad: test-deps $(B)/gongwen
	@sh tests/bad.sh $(B)/gongwen

bad-sanitize: test-deps $(S)/gongwen
	@$(SAN_ENV) sh tests/bad.sh $(S)/gongwen

signals: test-deps $(B)/gongwen
	@sh tests/signals.sh $(B)/gongwen

lowmem: test-deps $(B)/gongwen
	@sh tests/lowmem.sh $(B)/gongwen

# Each program is replaced, for the suites, by a script of the same name that
# runs it under valgrind, so the suites need not know.
VG       = $(B)/valgrind
VG_UNIT  = $(patsubst $(B)/%,$(VG)/%,$(UNIT_BIN))

$(VG)/%: $(B)/% | $(VG)
	@printf '#!/bin/sh\nexec $(VALGRIND) %s "$$@"\n' '$(abspath $<)' >$@
	@chmod +x $@
$(VG):
	@mkdir -p $@

valgrind: test-deps $(VG_UNIT) $(VG)/gongwen
	@sh tests/run-tests.sh "valgrind" $(VG_UNIT)
	@sh tests/e2e.sh $(VG)/gongwen
	@BAD_TIMEOUT=600 BAD_VALGRIND=1 sh tests/bad.sh $(VG)/gongwen
