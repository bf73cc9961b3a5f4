#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end, gongwen template: the forms the units' scores come back in.
# usage: tests/e2e/template.sh path/to/gongwen (from the project folder)
. "$(dirname "$0")/../lib.sh"
e2e_begin template "$1"

expect_exit 0 "score yizhong" "$GW" score rubrics/leshan-2012.md examples/leshan-2012/yizhong.yaml -o "$T/scored.pdf"
pdftotext -raw "$T/scored.pdf" - | tr -d ' \n' >"$T/scored.txt"
# --- template: the forms the units' scores come back in ----------------------
expect_exit 0 "template leshan xlsx" "$GW" template rubrics/leshan-2012.md -o "$T/tpl.xlsx"
expect_exit 0 "the template is a whole zip" unzip -tq "$T/tpl.xlsx"
"$GW" template rubrics/leshan-2012.md -o "$T/tpl2.xlsx" >/dev/null 2>&1
if cmp -s "$T/tpl.xlsx" "$T/tpl2.xlsx"; then ok; else bad "template: the same rubric gives different bytes"; fi
unzip -p "$T/tpl.xlsx" xl/worksheets/sheet1.xml >"$T/sheet.xml"
expect_grep "template: a validation per item" "$T/sheet.xml" '<dataValidations count="29">'
expect_exit 0 "template leshan csv" "$GW" template rubrics/leshan-2012.md -o "$T/tpl.csv"
if head -c 3 "$T/tpl.csv" | od -An -tx1 | grep -q "ef bb bf"; then ok; else bad "template CSV starts with a BOM"; fi
ncols=$(head -n 1 "$T/tpl.csv" | tr -cd , | wc -c)
if [ "$ncols" -eq $((2 + 2 * 29)) ]; then ok; else bad "template CSV: $ncols commas, wanted 60"; fi
expect_exit 0 "template zhuzhou csv" "$GW" template rubrics/zhuzhou-2011.md -o "$T/zz.csv"
if [ "$(wc -l <"$T/zz.csv")" -eq 13 ]; then ok; else bad "template zhuzhou: a row per unit table"; fi
expect_grep "template zhuzhou: items by 序号" "$T/zz.csv" "^.*单位,评分人,评分日期,1 组织建设 满分20分,1 说明,"
# The skeleton, filled in as a clerk would from yizhong.yaml, scores as yizhong.yaml does.
expect_exit 0 "template leshan folder" "$GW" template rubrics/leshan-2012.md -o "$T/skel"
awk 'NR == FNR { if (match($0, /^  "[0-9.]+": /)) v[substr($0, 3, RLENGTH - 4)] = substr($0, RLENGTH + 1); next }
     /^单位:/ { print "单位: 乐山市第一中学工会"; next }
     /^评分人:/ { print "评分人: 王明"; next }
     /^评分日期:/ { print "评分日期: 2012年12月20日"; next }
     match($0, /^  "[0-9.]+":/) { k = substr($0, 3, RLENGTH - 3); print "  " k ": " v[k]; next }
     { print }' examples/leshan-2012/yizhong.yaml "$T/skel/自评分.yaml" >"$T/filled.yaml"
expect_exit 0 "score the filled skeleton" "$GW" score rubrics/leshan-2012.md "$T/filled.yaml" -o "$T/filled.pdf"
pdftotext -raw "$T/filled.pdf" - | tr -d ' \n' >"$T/filled.txt"
if cmp -s "$T/filled.txt" "$T/scored.txt"; then ok; else bad "a filled skeleton scores otherwise than its scores file"; fi
expect_exit 1 "template never overwrites a skeleton" "$GW" template rubrics/leshan-2012.md -o "$T/skel"
expect_grep "template: which file exists" "$T/err" "skel/自评分.yaml: error: exists"

finish
