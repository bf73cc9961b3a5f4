#!/bin/sh
# SPDX-License-Identifier: MIT
# Every source file of gongwen begins with an SPDX-License-Identifier line
# naming the licence of LICENSE (MIT).
#
#   sh scripts/spdx.sh          lists the source files without one, and fails
#                               if there are any (make check)
#   sh scripts/spdx.sh --add    adds the line where it is missing: as the first
#                               line, or after a first line that must stay
#                               first (#!, an editor's -*- mode line)
#
# Source files: C, shell, make and awk under src/, tests/ (not the inputs
# under tests/bad, tests/fixtures, tests/fuzz/regress, seeds and corpus), scripts/,
# mk/, bench/; the fuzz dictionaries, the manual, the completion, the
# Makefile, setup.sh and .ci/run.  Globs, not git, so that it works in an
# unpacked source package too.
set -eu
cd "$(dirname "$0")/.."
ID="SPDX-License-Identifier: MIT"

sources() {
    for f in src/*.c src/*.h tests/*.sh tests/e2e/*.sh tests/unit/*.c tests/unit/*.h tests/fuzz/*.c tests/fuzz/*.h \
        tests/fuzz/*.sh tests/fuzz/*.dict scripts/* mk/*.mk bench/*.sh bench/*.awk completion/* \
        man/*.1 man/*/*.1 Makefile setup.sh .ci/run; do
        [ -f "$f" ] && echo "$f"
    done
}

comment() { # FILE: the identifier as a comment of the file's language
    case $1 in
    *.c | *.h) echo "/* $ID */" ;;
    *.1) echo ".\\\" $ID" ;;
    *) echo "# $ID" ;;
    esac
}

add=no
case "${1-}" in
"") ;;
--add) add=yes ;;
*) echo "usage: sh scripts/spdx.sh [--add]" >&2; exit 2 ;;
esac

missing=0
for f in $(sources); do
    head -3 "$f" | grep -q "$ID" && continue
    if [ "$add" = no ]; then
        echo "spdx: no '$ID' at the top of $f"
        missing=$((missing + 1))
        continue
    fi
    first=$(head -1 "$f")
    case $first in
    '#!'* | *'-*-'*) { printf '%s\n' "$first"; comment "$f"; tail -n +2 "$f"; } >"$f.spdx" ;;
    *) { comment "$f"; cat "$f"; } >"$f.spdx" ;;
    esac
    chmod --reference="$f" "$f.spdx"
    mv "$f.spdx" "$f"
done
[ "$missing" -eq 0 ]
