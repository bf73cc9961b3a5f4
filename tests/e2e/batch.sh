#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end, gongwen batch: every unit of a folder or a spreadsheet, a ranked 汇总表.
# usage: tests/e2e/batch.sh path/to/gongwen (from the project folder)
. "$(dirname "$0")/../lib.sh"
e2e_begin batch "$1"

expect_exit 0 "build leshan" "$GW" build rubrics/leshan-2012.md -o "$T/leshan-2012.pdf"
expect_exit 0 "score yizhong" "$GW" score rubrics/leshan-2012.md examples/leshan-2012/yizhong.yaml -o "$T/scored.pdf"
# --- batch: every unit of a folder, a ranked summary --------------------------
expect_exit 0 "batch leshan" "$GW" batch rubrics/leshan-2012.md examples/leshan-2012 -o "$T/batch"
for u in yizhong shizhongqu shidayuan; do
    if [ -s "$T/batch/$u.pdf" ]; then ok; else bad "batch: no $u.pdf"; fi
done
# A batch makes the form's font subsets (with the characters every scored
# copy adds) once, and each unit adds a small subset of its own characters;
# its PDFs are those `score` writes.  The form itself embeds exactly what it
# draws.
if cmp -s "$T/batch/yizhong.pdf" "$T/scored.pdf"; then ok; else bad "batch and score write different PDFs for one unit"; fi
subsets() { pdffonts "$1" | awk 'NR > 2 { print $1 }' | sort; }
subsets "$T/batch/yizhong.pdf" >"$T/f1"; subsets "$T/batch/shidayuan.pdf" >"$T/f2"; subsets "$T/leshan-2012.pdf" >"$T/f0"
nfaces=$(wc -l <"$T/f0")
if [ "$(comm -12 "$T/f1" "$T/f2" | wc -l)" -ge "$nfaces" ]; then ok; else bad "units do not share the form's font subsets"; cat "$T/f1" "$T/f2"; fi
if [ "$(comm -23 "$T/f1" "$T/f2" | wc -l)" -ge 1 ] && [ "$(comm -13 "$T/f1" "$T/f2" | wc -l)" -ge 1 ]; then ok
else bad "units' own characters are not in subsets of their own"; fi
if head -c 3 "$T/batch/汇总表.csv" | od -An -tx1 | grep -q "ef bb bf"; then ok; else bad "summary CSV starts with a BOM"; fi
sed -n 2,4p "$T/batch/汇总表.csv" | cut -d, -f1,2 | tr -d '\r' >"$T/ranks"
expect_same "summary ranks the units by total" "$T/ranks" "1,乐山市第一中学工会
2,乐山师范学院工会
3,乐山市市中区总工会"
expect_grep "summary has category subtotals" "$T/batch/汇总表.csv" "^1,乐山市第一中学工会,16.5,27.5,16,15,20,95,否,yizhong.yaml"
expect_exit 0 "qpdf --check 汇总表.pdf" qpdf --check "$T/batch/汇总表.pdf"
pdftotext -raw "$T/batch/汇总表.pdf" - | tr -d ' \n' >"$T/summary.txt"
expect_grep "汇总表.pdf ranks the units" "$T/summary.txt" "1乐山市第一中学工会16.527.516152095"
expect_grep "汇总表.pdf title" "$T/summary.txt" "2012年教科文卫体工会工作目标考核实施细则汇总表"

# A table of one category is summed up by its items; they add up to the total.
expect_exit 0 "batch zhuzhou" "$GW" batch rubrics/zhuzhou-2011.md examples/zhuzhou-2011 -o "$T/zzbatch"
expect_grep "zhuzhou summary: items as columns" "$T/zzbatch/汇总表.csv" "^.*排名,单位,组织建设,民主管理,素质提升,“双联”维权帮扶,总分,一票否决,评分文件"
tr -d '\r' <"$T/zzbatch/汇总表.csv" | awk -F, 'NR > 1 && $1 != "" { s = $3 + $4 + $5 + $6; if (s != $7) { print; bad = 1 } n++ }
    END { exit bad || n != 3 }' >"$T/why"
if [ $? -eq 0 ]; then ok; else bad "zhuzhou summary: items do not add up to the totals"; cat "$T/why"; fi
# Its twelve tables are the twelve units expected: the nine without scores
# are listed in the rubric's order after the ranked ones, unranked, 未评分,
# their 备注 未报, and each is named.
tr -d '\r' <"$T/zzbatch/汇总表.csv" | sed -n '5,6p' >"$T/zzmissing"
expect_same "zhuzhou summary: 未报 rows" "$T/zzmissing" ",市直机关工会工作委员会,,,,,未评分,,,未报
,株洲市国资委系统工会,,,,,未评分,,,未报"
expect_exit 0 "zhuzhou summary: nine 未报" test "$(tr -d '\r' <"$T/zzbatch/汇总表.csv" | grep -c ',未报$')" -eq 9
"$GW" batch rubrics/zhuzhou-2011.md examples/zhuzhou-2011 -o "$T/zzbatch" 2>"$T/zz.err" >/dev/null
expect_grep "zhuzhou batch: each unit without scores named at its table" "$T/zz.err" \
    "^rubrics/zhuzhou-2011.md:[0-9]*: warning: 单位 '市商务系统工会' has sent no scores (未报)$"
pdftotext -raw "$T/zzbatch/汇总表.pdf" - | tr -d ' ' >"$T/zzsummary.txt"
expect_grep "zhuzhou 汇总表.pdf: 未报 rows" "$T/zzsummary.txt" "^市商务系统工会未评分未报$"
expect_exit 1 "zhuzhou batch --strict: 未报 is an error" "$GW" batch --strict rubrics/zhuzhou-2011.md examples/zhuzhou-2011 -o "$T/zzstrict"
# A 单位名单 in the front matter: a unit missing from it, one given twice and
# one that sent nothing are each named at their line; the scored are scored.
mkdir "$T/roster" "$T/roster-scores"
sed 's/^总分: 100$/总分: 100\n单位名单:\n  - 乐山市第一中学工会\n  - 乐山师范学院工会\n  - 某县总工会/' rubrics/leshan-2012.md >"$T/roster/leshan.md"
cp examples/leshan-2012/*.yaml "$T/roster-scores/"
cp examples/leshan-2012/yizhong.yaml "$T/roster-scores/yizhong2.yaml"
expect_exit 0 "batch against a 单位名单" "$GW" batch --layouts layouts --fontmap fonts/fontmap.yaml "$T/roster/leshan.md" "$T/roster-scores" -o "$T/roster-out"
expect_grep "roster: a unit not on it" "$T/err" "shizhongqu.yaml:2: warning: 单位 '乐山市市中区总工会' is not on the 单位名单"
expect_grep "roster: a unit given twice" "$T/err" "yizhong2.yaml:2: warning: 单位 '乐山市第一中学工会' is given twice: also at $T/roster-scores/yizhong.yaml:2"
expect_grep "roster: a unit that sent nothing" "$T/err" "leshan.md:23: warning: 单位 '某县总工会' has sent no scores (未报)"
expect_grep "roster: 未报 in the 汇总表" "$T/roster-out/汇总表.csv" "^,某县总工会,.*,未评分,,,未报"
expect_exit 1 "batch against a 单位名单 --strict" "$GW" batch --strict --layouts layouts --fontmap fonts/fontmap.yaml "$T/roster/leshan.md" "$T/roster-scores" -o "$T/roster-strict"
expect_grep "roster --strict: errors" "$T/err" "leshan.md:23: error: 单位 '某县总工会' has sent no scores (未报)"
pdftotext -raw "$T/zzbatch/汇总表.pdf" - | tr -d ' \n' >"$T/summary.txt"
expect_grep "zhuzhou 汇总表.pdf has the item columns" "$T/summary.txt" "组织建设民主管理素质提升“双联”维权帮扶总分备注1株洲市教育系统工会20202527.592.5"

# One bad unit is reported; the rest are still produced; the run fails.
mkdir "$T/mixed"
cp examples/leshan-2012/*.yaml "$T/mixed/"
printf '单位: 坏单位\n得分:\n  "1.1": 9\n' >"$T/mixed/bad.yaml"
expect_exit 1 "batch with one bad unit" "$GW" batch rubrics/leshan-2012.md "$T/mixed" -o "$T/mixed-out"
expect_grep "batch names the bad file and line" "$T/err" "mixed/bad.yaml:3: error: item 1.1: 9分 is more than its 3分"
if [ -e "$T/mixed-out/bad.pdf" ]; then bad "batch wrote a PDF for the bad unit"; else ok; fi
if [ -s "$T/mixed-out/yizhong.pdf" ] && [ -s "$T/mixed-out/shizhongqu.pdf" ] && [ -s "$T/mixed-out/shidayuan.pdf" ]; then ok; else bad "batch: the good units were not all produced"; fi

# A unit that fails takes along the PDF an earlier run made of it: no PDF
# lies beside a summary that leaves it out.
cp "$T/scored.pdf" "$T/mixed-out/bad.pdf"
expect_exit 1 "batch again with the bad unit" "$GW" batch rubrics/leshan-2012.md "$T/mixed" -o "$T/mixed-out"
if [ -e "$T/mixed-out/bad.pdf" ]; then bad "a failed unit's earlier PDF stayed beside the summary"; else ok; fi
# The summary lists the unit that was not scored, without a rank, with why.
if [ -s "$T/mixed-out/yizhong.pdf" ] && grep -q "^,坏单位,,,,,,未评分,,bad.yaml,第3行：item 1.1: 9分 is more than its 3分" "$T/mixed-out/汇总表.csv"
then ok; else bad "batch again: the summary lists the unit not scored"; cat "$T/mixed-out/汇总表.csv"; fi
pdftotext -raw "$T/mixed-out/汇总表.pdf" - | tr -d ' \n' >"$T/mixed-summary.txt"
expect_grep "汇总表.pdf lists the unit not scored" "$T/mixed-summary.txt" "坏单位未评分第3行"

# The 汇总表's CSV and PDF are one output: when the PDF cannot be written
# (a folder stands in its place), the CSV of the earlier run stays.
mkdir "$T/one" "$T/one-out" "$T/one-out/汇总表.pdf"
cp examples/leshan-2012/yizhong.yaml "$T/one/"
echo earlier >"$T/one-out/汇总表.csv"
expect_exit 1 "batch: 汇总表.pdf cannot be written" "$GW" batch rubrics/leshan-2012.md "$T/one" -o "$T/one-out"
expect_grep "batch: why the 汇总表 failed" "$T/err" "汇总表.pdf: error: cannot write PDF: it exists and is not a regular file"
expect_same "batch: the earlier 汇总表.csv is kept" "$T/one-out/汇总表.csv" "earlier"

# A unit's PDF named like an input (here the rubric, u.pdf) is refused, and
# the input neither replaced nor removed with the failed unit's PDF.
mkdir "$T/inbatch" "$T/inbatch/s"
cp tests/bad/good.md "$T/inbatch/u.pdf"
cp tests/bad/good.yaml "$T/inbatch/s/u.yaml"
cp tests/bad/good.yaml "$T/inbatch/s/v.yaml"
expect_exit 1 "batch: a unit's PDF would be the rubric" sh -c 'cd "$1" && "$2" batch --layouts "$3/layouts" \
    --fontmap "$3/fonts/fontmap.yaml" u.pdf s -o .' _ "$T/inbatch" "$GW" "$(pwd)"
expect_grep "batch: the unit whose PDF is the rubric" "$T/err" "u.pdf: error: cannot write PDF: it is the input (the rubric)"
if cmp -s "$T/inbatch/u.pdf" tests/bad/good.md && [ -s "$T/inbatch/v.pdf" ]; then ok; else bad "batch: the rubric u.pdf was not kept"; fi

# Unit names from member units that start like a spreadsheet formula are
# written to the CSV as text (a leading ', quoted), as spreadsheets take it.
mkdir "$T/formula"
i=0
for name in '=HYPERLINK("http://x.example","y")' '+1' '-1' '@SUM(A1)' '＝1+1'; do
    i=$((i + 1))
    { printf "单位: '%s'\n" "$name"; grep -v '^单位:' examples/leshan-2012/yizhong.yaml; } >"$T/formula/u$i.yaml"
done
expect_exit 0 "batch with formula-like unit names" "$GW" batch rubrics/leshan-2012.md "$T/formula" -o "$T/formula-out"
for field in '"'"'"'=HYPERLINK(""http://x.example"",""y"")"' '"'"'"'+1"' '"'"'"'-1"' '"'"'"'@SUM(A1)"' '"'"'"'＝1+1"'; do
    if grep -qF ",$field," "$T/formula-out/汇总表.csv"; then ok; else bad "CSV: no $field"; cat "$T/formula-out/汇总表.csv"; fi
done

# Tables of other shapes (units of one rubric may differ) are summed up
# under the columns of the same names, not by position; a part with no
# column is named.
cat >"$T/shapes.md" <<'MD'
---
版式: leshan
---

# 附件：考核细则

## 单位：甲

### (一)组织建设 **60分**

- 1．按期换届。 **60分**

### (二)民主管理 **40分**

- 1．召开职代会。 **40分**

## 单位：乙

### (一)民主管理 **40分**

- 1．召开职代会。 **40分**

### (二)宣传教育 **60分**

- 1．开展宣传。 **60分**
MD
mkdir "$T/shapes"
printf '单位: 甲\n得分:\n  "1.1": 50\n  "2.1": 30\n' >"$T/shapes/jia.yaml"
printf '单位: 乙\n得分:\n  "1.1": 35\n  "2.1": 55\n' >"$T/shapes/yi.yaml"
expect_exit 0 "batch of tables of two shapes" "$GW" batch "$T/shapes.md" "$T/shapes" -o "$T/shapes-out"
expect_grep "shapes: the part with no column is named" "$T/err" "shapes/yi.yaml: warning: 单位 '乙': the 汇总表 has no column for its part '(二)宣传教育'"
tr -d '\r' <"$T/shapes-out/汇总表.csv" | sed 1d >"$T/rows"
expect_same "shapes: subtotals under their own columns" "$T/rows" "1,乙,,35,90,否,yi.yaml,
2,甲,50,30,80,否,jia.yaml,"


# A unit's name never decides where a file goes.
mkdir "$T/escape" "$T/escape-out"
sed 's/^单位: .*/单位: ..\/..\/..\/escaped/' examples/leshan-2012/yizhong.yaml >"$T/escape/u.yaml"
expect_exit 0 "batch with a hostile unit name" "$GW" batch rubrics/leshan-2012.md "$T/escape" -o "$T/escape-out"
if [ -s "$T/escape-out/u.pdf" ] && [ -z "$(find "$T" -name 'escaped*')" ]; then ok; else bad "a unit name moved a file"; fi
mkdir "$T/empty"
expect_exit 1 "batch: empty folder" "$GW" batch rubrics/leshan-2012.md "$T/empty" -o "$T/none"
expect_grep "batch: empty folder message" "$T/err" "no scores files"
# A spreadsheet among the scores files is not read with them, and said so.
mkdir "$T/with-sheet"
cp examples/leshan-2012/yizhong.yaml "$T/with-sheet/"
cp tests/fixtures/tables/scores-bom.csv "$T/with-sheet/分数.csv"
expect_exit 0 "batch: a folder with a spreadsheet in it" "$GW" batch rubrics/leshan-2012.md "$T/with-sheet" -o "$T/with-sheet-out"
expect_grep "batch: the spreadsheet named" "$T/err" "with-sheet/分数.csv: warning: not read: a spreadsheet of scores is scored on its own: gongwen batch RUBRIC.md"

# -j: the units scored in several processes give what one process gives,
# byte for byte: every PDF, the 汇总表, the messages in their order and the
# exit status, a bad unit among good ones (one refused as read, one scored
# wrong) and more units than processes.
mkdir "$T/jobs"
for u in yizhong shizhongqu shidayuan; do
    for k in 1 2 3; do sed "s/^单位: .*/单位: 单位$u$k/" "examples/leshan-2012/$u.yaml" >"$T/jobs/$u$k.yaml"; done
done
printf '单位: 坏\n得分:\n  1.1: 999\n' >"$T/jobs/bad1.yaml"
printf 'x: [\n' >"$T/jobs/bad2.yaml"
for j in 1 2 3; do
    (cd "$T" && "$GW" batch -j $j "$OLDPWD/rubrics/leshan-2012.md" jobs -o out-j >"out$j" 2>"err$j"; echo $? >"rc$j")
    mv "$T/out-j" "$T/jobs-out$j"
done
for j in 2 3; do
    if cmp -s "$T/rc1" "$T/rc$j" && [ "$(cat "$T/rc1")" = 1 ]; then ok; else bad "batch -j $j: exit status $(cat "$T/rc$j"), -j 1: $(cat "$T/rc1")"; fi
    if cmp -s "$T/err1" "$T/err$j" && cmp -s "$T/out1" "$T/out$j"; then ok; else bad "batch -j $j says other things than -j 1"; diff "$T/err1" "$T/err$j"; fi
    if [ "$(ls "$T/jobs-out1")" = "$(ls "$T/jobs-out$j")" ]; then ok; else bad "batch -j $j writes other files than -j 1"; fi
    for f in "$T/jobs-out1"/*; do
        if cmp -s "$f" "$T/jobs-out$j/${f##*/}"; then ok; else bad "batch -j $j: ${f##*/} differs from -j 1's"; fi
    done
done
if [ "$(ls "$T/jobs-out1" | wc -l)" -eq 11 ]; then ok; else bad "batch -j 1: $(ls "$T/jobs-out1" | wc -l) files, not 9 PDFs and the 汇总表's two"; fi
expect_grep "batch -j: a bad unit named" "$T/err2" "jobs/bad1.yaml:3: error: item 1.1"
expect_exit 2 "batch -j 0" "$GW" batch -j 0 rubrics/leshan-2012.md "$T/jobs" -o "$T/j0"
expect_grep "batch -j 0: what -j takes" "$T/err" "the number of processes is a whole number from 1 to 1024"
expect_exit 2 "-j is for batch" "$GW" build -j 2 rubrics/leshan-2012.md -o "$T/j.pdf"

finish
