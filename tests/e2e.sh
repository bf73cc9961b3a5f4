#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: the gongwen binary, one script of tests/e2e/ per command, each
# over tests/lib.sh; the run fails if any of them does.
# usage: tests/e2e.sh path/to/gongwen
status=0
for t in check build fonts score batch template; do
    sh "$(dirname "$0")/e2e/$t.sh" "$1" || status=1
done
exit $status
