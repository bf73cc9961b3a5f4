# SPDX-License-Identifier: MIT
# The benchmark and the concurrency test.
#
#   make bench       times gongwen on the Leshan 2012 document (one document,
#        a batch of 1,000 scored units pinned to one core, the growth with
#        1×, 10×, 100× the items) against XeLaTeX + ctex where installed and
#        Typst (npm, into bench/node/ when missing: skipped offline); counts
#        instructions with callgrind where valgrind is installed; prints the
#        tables and writes bench/RESULTS.md.  Knobs: RUNS, PEER_RUNS, UNITS,
#        BATCH_RUNS, CPU, JOBS, TYPST, CALLGRIND, CALLGRIND_UNITS (bench/run.sh).
#        Never part of `make check`: its numbers depend on the machine.
#   make concurrent  concurrent score and batch runs into one output folder:
#        every PDF complete, no temporary file left, every file one that a
#        single run writes (tests/concurrent.sh).

.PHONY: bench concurrent

bench: $(B)/gongwen
	@bash bench/run.sh $(B)/gongwen

concurrent: test-deps $(B)/gongwen
	@sh tests/concurrent.sh $(B)/gongwen
