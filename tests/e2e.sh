#!/bin/sh
# End to end: the gongwen binary on the real rubrics and on bad command lines.
# usage: tests/e2e.sh path/to/gongwen
set -u
case $1 in /*) GW=$1 ;; *) GW=$(pwd)/$1 ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0

ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "e2e: FAIL: $*"; }

# expect_exit CODE NAME CMD...: runs CMD, stdout to $T/out, stderr to $T/err.
expect_exit() {
    want=$1 name=$2; shift 2
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else bad "$name: exit $got, wanted $want"; cat "$T/err"; fi
}
expect_same() { # NAME FILE EXPECTED-TEXT ("" for an empty file)
    if [ -z "$3" ]; then : >"$T/want"; else printf '%s\n' "$3" >"$T/want"; fi
    if cmp -s "$2" "$T/want"; then ok; else bad "$1"; diff "$T/want" "$2"; fi
}
expect_grep() { # NAME FILE PATTERN
    if grep -q -- "$3" "$2"; then ok; else bad "$1: no '$3' in"; cat "$2"; fi
}

# --- check on the two seeds ------------------------------------------------
expect_exit 0 "check leshan" "$GW" check rubrics/leshan-2012.md
expect_same "leshan summary" "$T/out" "rubrics/leshan-2012.md: 1 attachment, 1 unit, 5 categories, 29 items, total 100分"
expect_same "leshan has no findings" "$T/err" ""

expect_exit 0 "check zhuzhou" "$GW" check rubrics/zhuzhou-2011.md
expect_same "zhuzhou summary" "$T/out" "rubrics/zhuzhou-2011.md: 1 attachment, 12 units, 12 categories, 48 items, total 100分"
expect_same "zhuzhou warnings" "$T/err" "rubrics/zhuzhou-2011.md:53: warning: 株洲市国资委系统工会, item 1.1 '组织建设（25分）': its name says 25分, its points are 20分
rubrics/zhuzhou-2011.md:63: warning: 株洲市国资委系统工会, item 1.2 '民主管理（20分）': its name says 20分, its points are 25分
rubrics/zhuzhou-2011.md:71: warning: 株洲市国资委系统工会, item 1.3 '素质提升（20分）': its name says 20分, its points are 25分
rubrics/zhuzhou-2011.md:81: warning: 株洲市国资委系统工会, item 1.4 '“双联”  维权帮扶（35分）': its name says 35分, its points are 30分
rubrics/zhuzhou-2011.md:253: warning: 市卫生系统工会, item 1.4 '“双联”维权帮扶': inline points add up to 28分, not 30分
rubrics/zhuzhou-2011.md:273: warning: 株洲市广播电视台系统工会, item 1.4 '“双联”维权帮扶': inline points add up to 28分, not 30分"
expect_exit 1 "zhuzhou --strict fails on its warnings" "$GW" check --strict rubrics/zhuzhou-2011.md

# The checker runs from any folder: the layout is found beside the rubric.
expect_exit 0 "check from another folder" sh -c "cd '$T' && '$GW' check '$(pwd)/rubrics/leshan-2012.md'"

# --- data errors: exit 1, file:line ----------------------------------------
printf -- '---\n版式: nosuch\n---\n\n# 附件：T\n\n## 类\n\n- 一 **100分**\n' >"$T/unknown-layout.md"
expect_exit 1 "unknown layout" "$GW" check "$T/unknown-layout.md"
expect_grep "unknown layout message" "$T/err" "unknown-layout.md:2: error: unknown layout 'nosuch': no layouts/nosuch.yaml"

printf -- '---\n版式: leshan\n---\n\n# 附件：T\n\n## 类\n\n- 一 **三分**\n' >"$T/bad-points.md"
expect_exit 1 "unparseable points" "$GW" check "$T/bad-points.md"
expect_grep "unparseable points message" "$T/err" "bad-points.md:9: error: cannot read points '三分': not a number"

printf '\377\376' >"$T/binary.md"
expect_exit 1 "binary file" "$GW" check "$T/binary.md"
expect_grep "binary file message" "$T/err" "binary.md:1: error: invalid UTF-8"

expect_exit 1 "missing file" "$GW" check "$T/nonexistent.md"
expect_grep "missing file message" "$T/err" "nonexistent.md: error: cannot open: No such file or directory"

# --- command line: exit 2 --------------------------------------------------
expect_exit 0 "--help" "$GW" --help
expect_grep "--help lists check" "$T/out" "check FILE.md"
expect_exit 0 "--version" "$GW" --version
expect_grep "--version" "$T/out" "^gongwen [0-9]"
expect_exit 0 "check --help" "$GW" check --help
expect_grep "check --help" "$T/out" "usage: gongwen check"
expect_exit 2 "no command" "$GW"
expect_exit 2 "unknown command" "$GW" frobnicate
expect_grep "unknown command message" "$T/err" "unknown command 'frobnicate'"
expect_exit 2 "unknown option" "$GW" check --frob rubrics/leshan-2012.md
expect_exit 2 "check without file" "$GW" check

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
