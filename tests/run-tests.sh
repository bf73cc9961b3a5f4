#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs each cmocka suite given; prints one closing line over all of them.
label=$1; shift
failed_suites=0
for t in "$@"; do
    if ! "$t"; then
        failed_suites=$((failed_suites + 1))
        echo "$label: FAILED: $t"
    fi
done
echo "$label: $# suites, $failed_suites failed"
[ "$failed_suites" -eq 0 ]
