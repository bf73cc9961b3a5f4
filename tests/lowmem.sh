#!/bin/sh
# SPDX-License-Identifier: MIT
# Low memory: with its address space limited (ulimit -v) step by step from
# too little to enough, every run either succeeds or fails as a data error
# does: exit 1, every line a finding, one of them "out of memory", nothing
# blamed on a font, no output and no temporary file left.  A library that
# cannot load at all (the dynamic loader's own failure, or GLib's, which
# HarfBuzz links, aborting in its constructor before main runs: `gongwen
# --version` does the same at that limit) is below the range.
#
# usage: tests/lowmem.sh path/to/gongwen
# Not for sanitizer builds: AddressSanitizer reserves terabytes of address
# space and cannot start under such a limit.
set -u
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1342051200
case $1 in /*) GW=$1 ;; *) GW=$(pwd)/$1 ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0

ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "lowmem: FAIL: $*"; }

mkdir "$T/units"
cp examples/leshan-2012/yizhong.yaml examples/leshan-2012/shidayuan.yaml "$T/units/"

# attempt KB NAME ARGS...: runs gongwen ARGS under a limit of KB KiB, its
# output into the fresh folder $T/out.  Prints "ok", "short" (it succeeded
# or failed as it should) or "loader"; anything else is reported.
# limited KB CMD...: CMD under a limit of KB KiB, in a shell of its own, so
# that an abort is reported there, into the caller's stderr.
limited() {
    sh -c 'ulimit -v "$1" && shift && exec "$@"' sh "$@"
}

attempt() {
    kb=$1 name=$2; shift 2
    rm -rf "$T/out" && mkdir "$T/out"
    limited "$kb" "$GW" "$@" >"$T/stdout" 2>"$T/stderr"
    rc=$?
    if grep -q 'error while loading shared libraries' "$T/stderr"; then echo loader; return; fi
    if grep -q '^GLib (gthread-posix.c): Unexpected error' "$T/stderr" && ! limited "$kb" "$GW" --version >/dev/null 2>&1
    then echo loader; return; fi
    if [ "$rc" -eq 0 ]; then echo ok; return; fi
    why=""
    [ "$rc" -eq 1 ] || why="exit status $rc;"
    grep -q 'out of memory' "$T/stderr" || why="$why no 'out of memory';"
    ! grep -Eq 'cannot read the font|cannot subset|FreeType cannot|candidate fonts|is in no font' "$T/stderr" ||
        why="$why blames a font;"
    ! grep -Ev '^.+: (error|warning): .' "$T/stderr" | grep -q . || why="$why lines that are not findings;"
    [ -z "$(ls -A "$T/out")" ] || why="$why left $(ls -A "$T/out" | tr '\n' ' ');"
    if [ -n "$why" ]; then
        echo "$name under $kb KiB:$why" >>"$T/problems"
        sed 's/^/    | /' "$T/stderr" | head -n 5 >>"$T/problems"
    fi
    echo short
}

# Each command from 16 MiB up in steps of 4 MiB until it succeeds.
for cmd in build score batch; do
    case $cmd in
    build) set -- build rubrics/leshan-2012.md -o "$T/out/x.pdf" ;;
    score) set -- score rubrics/leshan-2012.md examples/leshan-2012/yizhong.yaml -o "$T/out/x.pdf" ;;
    batch) set -- batch rubrics/leshan-2012.md "$T/units" -o "$T/out/b" ;;
    esac
    kb=16384 result=""
    : >"$T/problems"
    while [ "$kb" -le 1048576 ]; do
        result=$(attempt "$kb" "$cmd" "$@")
        [ "$result" != ok ] || break
        kb=$((kb + ${LOWMEM_STEP_KB:-4096}))
    done
    if [ "$result" = ok ]; then ok; else bad "$cmd: no success even with $kb KiB"; fi
    if [ -s "$T/problems" ]; then bad "$cmd:"; cat "$T/problems"; else ok; fi
done

echo "lowmem: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
