#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end, gongwen score: one unit's 自评分 filled in.
# usage: tests/e2e/score.sh path/to/gongwen (from the project folder)
. "$(dirname "$0")/../lib.sh"
e2e_begin score "$1"

# --- score: one unit's 自评分 filled in ----------------------------------------
expect_exit 0 "score leshan" "$GW" score rubrics/leshan-2012.md examples/leshan-2012/yizhong.yaml -o "$T/scored.pdf"
pdftotext -raw "$T/scored.pdf" - | tr -d ' \n' >"$T/scored.txt"
expect_grep "scored: unit line" "$T/scored.txt" "单位：乐山市第一中学工会"
expect_grep "scored: total row" "$T/scored.txt" "合计100分95"
expect_grep "scored: subtotals" "$T/scored.txt" "自评得分合计：95分。其中(一)16.5分，(二)27.5分"
pdfinfo "$T/scored.pdf" >"$T/info"
expect_grep "scored: author is the unit" "$T/info" "Author: *乐山市第一中学工会"
mkdir "$T/detach"
pdfdetach -saveall -o "$T/detach" "$T/scored.pdf"
if cmp -s "$T/detach/leshan-2012.md" rubrics/leshan-2012.md && cmp -s "$T/detach/yizhong.yaml" examples/leshan-2012/yizhong.yaml; then ok; else bad "scored: embedded sources differ from the files"; ls "$T/detach"; fi
expect_exit 0 "qpdf --check scored" qpdf --check "$T/scored.pdf"
expect_pdfa "scored" "$T/scored.pdf" 3
qpdf --qdf --object-streams=disable "$T/scored.pdf" "$T/qdf.pdf"
expect_grep "scored: rubric related as source" "$T/qdf.pdf" "/AFRelationship /Source"
expect_grep "scored: scores related as data" "$T/qdf.pdf" "/AFRelationship /Data"
expect_grep "scored: attachments listed in /AF" "$T/qdf.pdf" "/AF \["
expect_grep "scored: attachment media type" "$T/qdf.pdf" "/Subtype /application#2fyaml"
# With no SOURCE_DATE_EPOCH the record is dated by its 评分日期 (2012年12月20日).
env -u SOURCE_DATE_EPOCH "$GW" score rubrics/leshan-2012.md examples/leshan-2012/yizhong.yaml -o "$T/dated.pdf" >/dev/null 2>&1
pdfinfo "$T/dated.pdf" >"$T/info"
expect_grep "scored: dated by 评分日期" "$T/info" "CreationDate: *Thu Dec 20 00:00:00 2012 UTC"
qpdf --qdf --object-streams=disable "$T/dated.pdf" "$T/qdf.pdf"
expect_grep "scored: attachments dated" "$T/qdf.pdf" "/ModDate (D:20121220000000Z)"
"$GW" score rubrics/leshan-2012.md examples/leshan-2012/yizhong.yaml -o "$T/scored2.pdf" >/dev/null 2>&1
if cmp -s "$T/scored.pdf" "$T/scored2.pdf"; then ok; else bad "scored: two runs differ"; fi
SOURCE_DATE_EPOCH=1356048000 "$GW" score rubrics/leshan-2012.md examples/leshan-2012/yizhong.yaml -o "$T/scored3.pdf" >/dev/null 2>&1
if cmp -s "$T/scored.pdf" "$T/scored3.pdf"; then bad "scored: SOURCE_DATE_EPOCH is ignored"; else ok; fi
expect_exit 0 "score zhuzhou by levels" "$GW" score rubrics/zhuzhou-2011.md examples/zhuzhou-2011/gongan.yaml -o "$T/zz.pdf"
pdftotext -raw "$T/zz.pdf" - | tr -d ' \n' >"$T/zz.txt"
expect_grep "zhuzhou scored by levels" "$T/zz.txt" "自评得分合计：80分。"
if grep -q "单位：市卫生系统工会" "$T/zz.txt"; then bad "a scored document shows other units"; else ok; fi


# What was parsed is what is embedded: a scores file and a rubric that come
# through a pipe, which cannot be read twice.
expect_exit 0 "score: the scores from a pipe" sh -c 'cat "$1" | "$2" score "$3" /dev/stdin -o "$4"' _ \
    examples/leshan-2012/yizhong.yaml "$GW" rubrics/leshan-2012.md "$T/piped.pdf"
expect_exit 0 "score: the rubric from a pipe" sh -c 'cat "$1" | "$2" score /dev/stdin "$3" -o "$4"' _ \
    rubrics/leshan-2012.md "$GW" examples/leshan-2012/yizhong.yaml "$T/piped-rubric.pdf"
mkdir "$T/piped" "$T/piped-rubric"
pdfdetach -saveall -o "$T/piped" "$T/piped.pdf"
pdfdetach -saveall -o "$T/piped-rubric" "$T/piped-rubric.pdf"
if cmp -s "$T/piped/stdin" examples/leshan-2012/yizhong.yaml && cmp -s "$T/piped-rubric/stdin" rubrics/leshan-2012.md
then ok; else bad "piped inputs: the embedded files are not what was read"; ls "$T/piped" "$T/piped-rubric"; fi


# A bad scores file: file:line, exit 1, and the good PDF already there untouched.
cp "$T/scored.pdf" "$T/keep.pdf"
printf '单位: 乐山市第一中学工会\n得分:\n  "1.1": 4\n' >"$T/bad.yaml"
expect_exit 1 "score: bad scores file" "$GW" score rubrics/leshan-2012.md "$T/bad.yaml" -o "$T/keep.pdf"
expect_grep "score: bad score message" "$T/err" "bad.yaml:3: error: item 1.1: 4分 is more than its 3分"
if cmp -s "$T/keep.pdf" "$T/scored.pdf"; then ok; else bad "a failed run replaced the PDF"; fi
if ls "$T"/keep.pdf.* >/dev/null 2>&1; then bad "a failed run left a temporary file"; else ok; fi
expect_exit 1 "score: no such unit" "$GW" score rubrics/zhuzhou-2011.md "$T/bad.yaml" -o "$T/none.pdf"
expect_grep "score: unknown unit message" "$T/err" "bad.yaml:1: error: the rubric rubrics/zhuzhou-2011.md has no table for 单位 '乐山市第一中学工会'"
if [ -e "$T/none.pdf" ]; then bad "a failed run wrote a PDF"; else ok; fi

finish
