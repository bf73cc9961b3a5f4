#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end, gongwen build: the samples, readers, sizes, and every document of the family.
# usage: tests/e2e/build.sh path/to/gongwen (from the project folder)
. "$(dirname "$0")/../lib.sh"
e2e_begin build "$1"

# --- build: both seeds as PDF --------------------------------------------------
for doc in leshan-2012 zhuzhou-2011; do
    expect_exit 0 "build $doc" "$GW" build "rubrics/$doc.md" -o "$T/$doc.pdf"
    expect_same "build $doc prints the PDF's name" "$T/out" "$T/$doc.pdf"
    expect_exit 0 "qpdf --check $doc" qpdf --check "$T/$doc.pdf"
    expect_fonts_embedded "$doc" "$T/$doc.pdf"
    # Two independent readers give the text back with no complaint.
    pdftotext -raw "$T/$doc.pdf" "$T/$doc.txt" 2>"$T/err"
    expect_same "pdftotext $doc: no warnings" "$T/err" ""
    # Debian's mupdf is built without colour management and says so for every file.
    mutool draw -q -F txt -o "$T/$doc.mu.txt" "$T/$doc.pdf" 2>&1 | grep -v "ICC support is not available" >"$T/err"
    expect_same "mutool $doc: no warnings" "$T/err" ""
    if tr -d ' \n' <"$T/$doc.mu.txt" | grep -q "自评分"; then ok; else bad "mutool $doc: no text"; fi
    # A third, unrelated reader: ghostscript's own text extraction.
    gs -q -dNOPAUSE -dBATCH -sDEVICE=txtwrite -o "$T/$doc.gs.txt" "$T/$doc.pdf" >"$T/err" 2>&1
    expect_same "ghostscript $doc: no warnings" "$T/err" ""
    # Readers order table cells differently: compare the characters.
    chars() { tr -d ' \t\r\n\f' <"$1" | grep -o . | sort | uniq -c; }
    chars "$T/$doc.gs.txt" >"$T/gs.chars"; chars "$T/$doc.txt" >"$T/pt.chars"
    if [ -s "$T/gs.chars" ] && cmp -s "$T/gs.chars" "$T/pt.chars"; then ok
    else bad "ghostscript $doc: other characters than pdftotext's"; diff "$T/gs.chars" "$T/pt.chars" | head; fi
    expect_pdfa "$doc" "$T/$doc.pdf" 1
    "$GW" build "rubrics/$doc.md" -o "$T/again.pdf" >/dev/null 2>&1
    if cmp -s "$T/$doc.pdf" "$T/again.pdf"; then ok; else bad "$doc: two builds differ"; fi
done

# Size.  The target for the Leshan PDF is 80 KB; the embedded font programs
# alone take 81 KB with Debian's free fonts (Noto Serif CJK SC, the body face,
# is 72 KB for 390 characters), so the budget checked is what gongwen
# controls: everything but the font programs, and the whole file against
# regressions.
font_program_bytes() { # PDF: the sum of its FontFile2 and FontFile3 streams, compressed
    qpdf --qdf --object-streams=disable "$1" "$T/sizes.pdf"
    total=0
    for n in $(sed -n 's|^ */FontFile[23] \([0-9]*\) 0 R.*|\1|p' "$T/sizes.pdf"); do
        len=$(sed -n "/^$n 0 obj/,/^endobj/s|^ */Length \([0-9]*\) 0 R.*|\1|p" "$T/sizes.pdf")
        total=$((total + $(sed -n "/^$len 0 obj/{n;p;}" "$T/sizes.pdf")))
    done
    echo "$total"
}
size=$(wc -c <"$T/leshan-2012.pdf"); fonts=$(font_program_bytes "$T/leshan-2012.pdf")
if [ "$fonts" -gt 0 ] && [ $((size - fonts)) -le 22000 ]; then ok
else bad "leshan: $((size - fonts)) bytes besides $fonts of fonts, budget 22000"; fi
if [ "$size" -le 104000 ]; then ok; else bad "leshan: $size bytes, budget 104000"; fi
# With faces of compact outlines the writer meets the target: Zen Hei for
# every role (the wrong style for a notice, but the same characters).
for role in xiaobiaosong fangsong hei kai song; do
    printf '%s:\n  - {file: /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc, index: 0}\n' "$role"
done >"$T/zenhei.yaml"
"$GW" build rubrics/leshan-2012.md --fontmap "$T/zenhei.yaml" -o "$T/zenhei.pdf" >/dev/null 2>&1
size=$(wc -c <"$T/zenhei.pdf" 2>/dev/null || echo 0)
if [ "$size" -gt 0 ] && [ "$size" -le 80000 ]; then ok; else bad "leshan with Zen Hei: $size bytes, target 80000"; fi


# A total row taller than min_row_mm (a long 合计 label) never runs past the
# foot of the text area (262 mm from the top, 742.7 pt): tables of 1 to 22
# rows put their last row at every height of the page.
mkdir -p "$T/tall-layouts"
sed 's/^  total_label: 合计$/  total_label: 合计甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒末/' layouts/leshan.yaml \
    >"$T/tall-layouts/tall.yaml"
: >"$T/past-foot"
for k in $(seq 1 22); do
    { printf -- '---\n版式: tall\n总分: %d\n---\n\n# 附件：细则\n\n## (一)项 **%d分**\n\n' "$k" "$k"
      for i in $(seq "$k"); do printf -- '- %d．做好工作。 **1分**\n' "$i"; done; } >"$T/tall.md"
    "$GW" build "$T/tall.md" --layouts "$T/tall-layouts" -o "$T/tall.pdf" >/dev/null 2>&1 || echo "$k: no PDF" >>"$T/past-foot"
    pdftotext -bbox "$T/tall.pdf" - | sed -n 's/.*yMax="\([0-9.]*\)">[^<]*末<.*/\1/p' |
        awk -v k="$k" '$1 > 742.7 { print k " rows: the total row reaches " $1 " pt" }' >>"$T/past-foot"
done
expect_same "the total row stays above the foot" "$T/past-foot" ""


# A 发文字号 or 署名 too long for its one line is an error at its line (the
# standard gives it no second line); a title longer than the first page goes
# on, with a warning.
sed -e 's/^发文字号: .*/发文字号: 乐山市教育科学文化卫生体育工会委员会办公室乐山市教育科学文化卫生体育工会〔2012〕12号/' \
    -e 's/^署名: .*/署名: 乐山市教育科学文化卫生体育工会委员会办公室暨乐山市总工会/' \
    -e 's/^标题: \(.*\)/标题: \1\1\1\1\1\1\1\1\1\1\1\1/' rubrics/leshan-2012.md >"$T/long.md"
expect_exit 1 "build with overlong one-line parts" "$GW" build "$T/long.md" -o "$T/long.pdf"
grep -v 附件说明 "$T/err" >"$T/err2"
expect_same "overlong parts are errors at their lines" "$T/err2" "$T/long.md:14: error: 发文字号 is 238 mm long and its line has 156 mm: shorten it
$T/long.md:17: error: 署名 is 156 mm long and its line has 145 mm: shorten it
$T/long.md:15: warning: 标题 runs past the foot of the first page"
if [ -e "$T/long.pdf" ]; then bad "a notice with overlong parts was written"; else ok; fi

mkdir "$T/long-units"
cp examples/leshan-2012/*.yaml "$T/long-units/"
expect_exit 1 "batch with overlong one-line parts" "$GW" batch "$T/long.md" "$T/long-units" -o "$T/long-out"
grep -v 附件说明 "$T/err" >"$T/err2"
expect_same "a batch reports them once, not once per unit" "$T/err2" "$T/long.md:14: error: 发文字号 is 238 mm long and its line has 156 mm: shorten it
$T/long.md:17: error: 署名 is 156 mm long and its line has 145 mm: shorten it
$T/long.md:15: warning: 标题 runs past the foot of the first page"

# Markup in document info is escaped in the XMP, and both say the same.
sed "s/^标题: .*/标题: 关于\"A\&B\"<试行>'细则'的通知/" rubrics/leshan-2012.md >"$T/markup.md"
expect_exit 0 "build a title with XML markup" "$GW" build "$T/markup.md" -o "$T/markup.pdf"
expect_pdfa "title with markup" "$T/markup.pdf" 1
expect_same "title with markup survives" "$T/xmptitle" "关于\"A&B\"<试行>'细则'的通知"


# Every item's text comes back in the order of the table, as its text
# column prints it (printed_text --items reads it from the model).
in_order() { # TEXTFILE ITEMSFILE: each item (spaces removed) found after the previous one
    awk -v textfile="$1" '
        BEGIN { RS = "\001"; getline all < textfile; gsub(/[ \t\n\f]/, "", all); RS = "\n" }
        { gsub(/[ \t]/, ""); p = index(all, $0); if (p == 0) { print "missing: " $0; bad = 1; exit }
          all = substr(all, p + length($0)) }
        END { exit bad }
    ' "$2"
}
for doc in leshan-2012; do
    "$PRINTED" --items "rubrics/$doc.md" layouts/leshan.yaml >"$T/items"
    n=$(wc -l <"$T/items")
    if [ "$n" -gt 20 ] && in_order "$T/$doc.txt" "$T/items" >"$T/why"; then ok; else bad "$doc: item texts not all back in order ($n items)"; cat "$T/why"; fi
    # 禁则: no line of the PDF starts with closing punctuation (lines in drawing order).
    grep -n '^[，。、；：？！）》」』”’…〕】]' "$T/$doc.txt" >"$T/why"
    if [ -s "$T/why" ]; then bad "$doc: lines start with closing punctuation"; head "$T/why"; else ok; fi
done


# A third table shape needs only a layout file: layouts/tiered.yaml.
expect_exit 0 "check sample-tiered" "$GW" check rubrics/sample-tiered.md
expect_same "sample-tiered summary" "$T/out" "rubrics/sample-tiered.md: 1 attachment, 1 unit, 4 categories, 6 items, total 100分"
expect_exit 0 "build sample-tiered" "$GW" build rubrics/sample-tiered.md -o "$T/tiered.pdf"
pdftotext -raw "$T/tiered.pdf" - | tr -d ' \n' >"$T/tiered.txt"
for want in 考核方法 扣分 实际得分 逾期未满一年 查阅资料、实地查看、座谈了解相结合 合计100; do
    expect_grep "tiered layout shows $want" "$T/tiered.txt" "$want"
done
if [ "$(grep -o '查阅资料' "$T/tiered.txt" | wc -l)" -eq 1 ]; then ok; else bad "the merged 考核方法 is drawn once"; fi
# A merged text longer than the pages its rows reach goes on from page to
# page where it stopped, to its last words, rather than start again on each.
awk '/^\*\*考核方法\*\*/ { printf "**考核方法**："; for (i = 1; i <= 40; i++) printf "第%d条：查阅资料、实地查看、座谈了解相结合，核对台账与原始凭证；", i; print "末条"; next } { print }' \
    rubrics/sample-tiered.md >"$T/long-method.md"
expect_exit 0 "build a long merged method" "$GW" build "$T/long-method.md" -o "$T/long-method.pdf"
pdftotext "$T/long-method.pdf" - | tr -d ' \n\f' >"$T/long-method.txt"
expect_grep "the long merged method reaches its end" "$T/long-method.txt" "凭证；末条"
if [ "$(grep -o '条' "$T/long-method.txt" | wc -l)" -eq 41 ]; then ok; else bad "the long merged method: $(grep -o '条' "$T/long-method.txt" | wc -l) of 41 条"; fi

# Every part of a notice: headings in the body, 附件说明, two attachments, 版记.
expect_exit 0 "build the full notice fixture" "$GW" build tests/fixtures/full-notice.md -o "$T/full.pdf"
pdftotext -raw "$T/full.pdf" - | tr -d ' \n' >"$T/full.txt"
for want in 某市总工会文件 某工发〔2025〕3号 各区县总工会、各产业工会： 一、考核范围 （一）考核内容 \
    附件：1.2025年度基层工会工作目标考核细则2.自评情况汇总表 抄送：市委办公室，市政府办公室。 2025年3月2日印发 附件1 附件2 自评情况汇总表; do
    expect_grep "full notice shows $want" "$T/full.txt" "$want"
done
pdffonts "$T/full.pdf" >"$T/fonts"
expect_grep "（一） headings are set in Kai" "$T/fonts" "ZenKai"
expect_grep "一、 headings are set in Hei" "$T/fonts" "ZenHei"

# A row taller than a page continues on the next, marked, losing nothing.
{
    printf -- '---\n版式: leshan\n---\n\n# 附件：长条目\n\n## (一)长 **100分**\n\n- '
    i=1; while [ $i -le 120 ]; do printf '第%d句工会工作要点落实情况检查记录。' $i; i=$((i + 1)); done
    printf ' **100分**\n'
} >"$T/long.md"
expect_exit 0 "build a row taller than a page" "$GW" build "$T/long.md" -o "$T/long.pdf"
pdftotext -raw "$T/long.pdf" "$T/long.txt"
expect_grep "continued row is marked" "$T/long.txt" "（续）"
i=1; : >"$T/long-items"; while [ $i -le 120 ]; do printf '第%d句\n' $i >>"$T/long-items"; i=$((i + 1)); done
if in_order "$T/long.txt" "$T/long-items" >"$T/why"; then ok; else bad "long row lost text"; cat "$T/why"; fi
pages=$(pdfinfo "$T/long.pdf" | awk '/^Pages:/ { print $2 }')
if [ "$pages" -ge 2 ]; then ok; else bad "long row: $pages page(s)"; fi

expect_grep "leshan text: item (三)5" "$T/leshan-2012.txt" "深化“安康杯”竞赛"
expect_grep "zhuzhou text: last unit" "$T/zhuzhou-2011.txt" "单位：市商务系统工会"

# The notice's geometry (GB/T 9704-2012) is checked on the drawing
# operations themselves: tests/unit/test_compose.c.


# --- every document of the family: nothing the model holds goes missing ----
# The samples and the test shapes (a notice with two attachments and an
# even-page 版记, a seven-column table with a method merged over it and
# tiered rules, twelve categories with a 600-character item): each builds,
# passes qpdf, embeds its fonts, and gives back through pdftotext every
# character of every text it prints (tests/tools/printed_text.c reads them
# from the model), however its rows are cut across pages.
char_counts() { tr -d ' \t\r\n\f' | grep -o . | sort | uniq -c | awk '{ print $2, $1 }'; }
for doc in rubrics/leshan-2012.md:layouts/leshan.yaml rubrics/zhuzhou-2011.md:layouts/zhuzhou.yaml \
    rubrics/sample-tiered.md:layouts/tiered.yaml tests/fixtures/full-notice.md:layouts/leshan.yaml \
    tests/fixtures/shapes/two-attachments.md:tests/fixtures/layouts/evenpage.yaml \
    tests/fixtures/shapes/method7.md:tests/fixtures/layouts/method7.yaml \
    tests/fixtures/shapes/twelve.md:tests/fixtures/layouts/twelve.yaml; do
    md=${doc%%:*} yaml=${doc#*:} stem=$(basename "$md" .md)
    expect_exit 0 "build $stem" "$GW" build "$md" -o "$T/$stem.pdf"
    expect_exit 0 "qpdf --check $stem" qpdf --check "$T/$stem.pdf"
    expect_fonts_embedded "$stem" "$T/$stem.pdf"
    "$PRINTED" "$md" "$yaml" | char_counts >"$T/want.counts"
    pdftotext "$T/$stem.pdf" - | char_counts >"$T/got.counts"
    awk 'NR == FNR { got[$1] = $2; next } ($2 > got[$1] + 0) { printf "%s: %d printed of %d\n", $1, got[$1], $2; bad = 1 }
         END { exit bad }' "$T/got.counts" "$T/want.counts" >"$T/why"
    if [ $? -eq 0 ] && [ -s "$T/want.counts" ]; then ok; else bad "$stem: characters missing from the PDF"; head "$T/why"; fi
done
# The 版记 of a double-sided document is on an even page.
pages=$(pdfinfo "$T/two-attachments.pdf" | awk '/^Pages:/ { print $2 }')
if [ $((pages % 2)) -eq 0 ] && pdftotext -f "$pages" -l "$pages" "$T/two-attachments.pdf" - | grep -q "抄送："; then ok
else bad "two-attachments: the 版记 is not on an even last page ($pages pages)"; fi


# Inputs that once hung or read out of bounds (a review's findings): each
# builds, in bounded time, and keeps its text.
for f in tests/fixtures/regress/*.md; do
    expect_exit 0 "regression $(basename "$f")" timeout 60 "$GW" build "$f" -o "$T/regress.pdf"
done
pdftotext -raw "$T/regress.pdf" - >/dev/null
"$GW" build tests/fixtures/regress/notes-dropped.md -o "$T/notes.pdf" >/dev/null 2>&1
if pdftotext -raw "$T/notes.pdf" - | grep -q NOTE; then ok; else bad "attachment notes are printed"; fi
printf -- '---\n版式: leshan\n---\n\n# 附件：T\n\n## 类 **100分**\n\n- 一 **100分**\n' >"$T/nomap.md"
expect_exit 1 "no font map" sh -c "cd '$T' && '$GW' build nomap.md --layouts '$(pwd)/layouts' --fontmap missing.yaml -o x.pdf"
expect_grep "no font map message" "$T/err" "missing.yaml: error: cannot open: No such file or directory"

finish
