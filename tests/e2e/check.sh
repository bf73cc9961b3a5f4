#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end, gongwen check on the seeds and on data errors.
# usage: tests/e2e/check.sh path/to/gongwen (from the project folder)
. "$(dirname "$0")/../lib.sh"
e2e_begin check "$1"

# --- check on the two seeds ------------------------------------------------
expect_exit 0 "check leshan" "$GW" check rubrics/leshan-2012.md
expect_same "leshan summary" "$T/out" "rubrics/leshan-2012.md: 1 attachment, 1 unit, 5 categories, 29 items, total 100分"
expect_same "leshan: the seed has no 附件说明" "$T/err" "rubrics/leshan-2012.md:20: warning: the notice has 1 attachment but no 附件说明: GB/T 9704 lists them under the body (write 附件说明: TITLE, or a list of titles)"

expect_exit 0 "check zhuzhou" "$GW" check rubrics/zhuzhou-2011.md
expect_same "zhuzhou summary" "$T/out" "rubrics/zhuzhou-2011.md: 1 attachment, 12 units, 12 categories, 48 items, total 100分"
expect_same "zhuzhou warnings" "$T/err" "rubrics/zhuzhou-2011.md:57: warning: 株洲市国资委系统工会, item 1.1 '组织建设（25分）': its name says 25分, its points are 20分
rubrics/zhuzhou-2011.md:67: warning: 株洲市国资委系统工会, item 1.2 '民主管理（20分）': its name says 20分, its points are 25分
rubrics/zhuzhou-2011.md:75: warning: 株洲市国资委系统工会, item 1.3 '素质提升（20分）': its name says 20分, its points are 25分
rubrics/zhuzhou-2011.md:85: warning: 株洲市国资委系统工会, item 1.4 '“双联”  维权帮扶（35分）': its name says 35分, its points are 30分
rubrics/zhuzhou-2011.md:257: warning: 市卫生系统工会, item 1.4 '“双联”维权帮扶': inline points add up to 28分, not 30分
rubrics/zhuzhou-2011.md:277: warning: 株洲市广播电视台系统工会, item 1.4 '“双联”维权帮扶': inline points add up to 28分, not 30分"
expect_exit 1 "zhuzhou --strict fails on its warnings" "$GW" check --strict rubrics/zhuzhou-2011.md

# The checker runs from any folder: the layout is found beside the rubric.
expect_exit 0 "check from another folder" sh -c "cd '$T' && '$GW' check '$(pwd)/rubrics/leshan-2012.md'"

# --- data errors: exit 1, file:line ----------------------------------------
printf -- '---\n版式: nosuch\n---\n\n# 附件：T\n\n## 类\n\n- 一 **100分**\n' >"$T/unknown-layout.md"
expect_exit 1 "unknown layout" "$GW" check "$T/unknown-layout.md"
expect_grep "unknown layout message" "$T/err" "unknown-layout.md:2: error: unknown layout 'nosuch': the layouts there are: leshan, tiered, zhuzhou"

printf -- '---\n版式: leshan\n---\n\n# 附件：T\n\n## 类\n\n- 一 **三分**\n' >"$T/bad-points.md"
expect_exit 1 "unparseable points" "$GW" check "$T/bad-points.md"
expect_grep "unparseable points message" "$T/err" "bad-points.md:9: error: cannot read points '三分': not a number"

printf '\377\376' >"$T/binary.md"
expect_exit 1 "binary file" "$GW" check "$T/binary.md"
expect_grep "binary file message" "$T/err" "binary.md:1: error: invalid UTF-8"

expect_exit 1 "missing file" "$GW" check "$T/nonexistent.md"
expect_grep "missing file message" "$T/err" "nonexistent.md: error: cannot open: No such file or directory"

finish
