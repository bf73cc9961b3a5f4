#!/bin/sh
# SPDX-License-Identifier: MIT
# Summarises the fuzz runs of mk/fuzz.mk: per target the executions run and
# what was found; fails if any target found a crash, leak, timeout or
# out-of-memory, or did not run to its end.
# usage: tests/fuzz/report.sh FUZZ_DIR TARGET...
set -u
dir=$1; shift
failed=0
for t in "$@"; do
    log=$dir/$t.log
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" 2>/dev/null | tail -n 1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" 2>/dev/null | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" 2>/dev/null | tail -n 1)
    rc=$(cat "$dir/$t.rc" 2>/dev/null || echo "?")
    findings=$(ls "$dir/findings/$t" 2>/dev/null | tr '\n' ' ')
    printf 'fuzz: %-8s %12s executions in %ss, %s, corpus %s inputs\n' "$t" "${execs:-?}" "${secs:-?}" \
        "${cov:-cov: ?}" "$(ls "$dir/corpus/$t" 2>/dev/null | wc -l)"
    if [ -n "$findings" ]; then
        for f in $findings; do echo "fuzz: $t: FOUND $dir/findings/$t/$f"; done
        grep -m 3 -E '^(==[0-9]+==ERROR|SUMMARY)' "$log" | sed "s/^/fuzz: $t:   /"
        failed=$((failed + 1))
    elif [ "$rc" != 0 ]; then
        echo "fuzz: $t: exit $rc, see $log"
        failed=$((failed + 1))
    fi
done
echo "fuzz: $# targets, $failed with findings"
[ "$failed" -eq 0 ]
