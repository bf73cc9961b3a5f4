#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: the gongwen binary on the real rubrics and on bad command lines.
# usage: tests/e2e.sh path/to/gongwen
set -u
# Character classes below are UTF-8; C.UTF-8 is in every Debian 12 install.
export LC_ALL=C.UTF-8 # messages in English, as the tests compare them
unset LANGUAGE    # gettext follows it even under C.UTF-8
case $1 in /*) GW=$1 ;; *) GW=$(pwd)/$1 ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
LABEL=e2e
. "$(dirname "$0")/lib.sh"
. tests/fontconfig.sh
debian_fonts_only "$T"

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


# --- build: both seeds as PDF --------------------------------------------------
export SOURCE_DATE_EPOCH=1342051200   # 2012-07-12
for doc in leshan-2012 zhuzhou-2011; do
    expect_exit 0 "build $doc" "$GW" build "rubrics/$doc.md" -o "$T/$doc.pdf"
    expect_same "build $doc prints the PDF's name" "$T/out" "$T/$doc.pdf"
    expect_exit 0 "qpdf --check $doc" qpdf --check "$T/$doc.pdf"
    pdffonts "$T/$doc.pdf" | tail -n +3 >"$T/fonts"
    if [ -s "$T/fonts" ] && ! awk '$(NF-4) != "yes" { bad = 1 } END { exit bad }' "$T/fonts"; then
        bad "$doc: a font is not embedded"; cat "$T/fonts"
    else ok; fi
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
    # Every item's text comes back, in order (white space aside).
    "$GW" build "rubrics/$doc.md" -o "$T/again.pdf" >/dev/null
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

# --- fonts found by name ------------------------------------------------------
# The default title and body faces are Debian's CFF ones (Noto Serif CJK),
# embedded as CIDFontType0; the 黑体 stands-in is TrueType (Zen Hei).
pdffonts "$T/leshan-2012.pdf" | tail -n +3 >"$T/fonts"
if [ "$(grep -c "CID Type 0C" "$T/fonts")" -eq 2 ]; then ok; else bad "leshan: not two CFF faces"; cat "$T/fonts"; fi
# gongwen fonts names each role's face and why each candidate before it was passed over.
expect_exit 0 "fonts" "$GW" fonts
expect_grep "fonts: the body face" "$T/out" "^fangsong: Noto Serif CJK SC (/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc, face 2)$"
expect_grep "fonts: an office font not installed" "$T/out" "^  1. 仿宋_GB2312: not installed$"
expect_grep "fonts: the face used" "$T/out" "^  8. Noto Serif CJK SC: /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc, face 2: used, GB2312 6763/6763$"
# A font one user installs as any desktop program expects: copied into
# ~/.local/share/fonts, found through the system's own fontconfig settings.
# The fixture is named 仿宋_GB2312 and draws the GB 2312 hanzi it lacks blank.
mkdir -p "$T/home/.local/share/fonts"
cp tests/fixtures/fonts/fontconfig/gb2312/fangsong-gb2312.ttf "$T/home/.local/share/fonts/"
as_user() { env -u FONTCONFIG_FILE -u XDG_DATA_HOME -u XDG_CONFIG_HOME HOME="$T/home" XDG_CACHE_HOME="$T/home/.cache" "$@"; }
as_user fc-list : family >"$T/fclist"
expect_grep "fc-list shows the user's font" "$T/fclist" "仿宋_GB2312"
as_user "$GW" fonts >"$T/out" 2>"$T/err"
expect_grep "fonts: the user's font serves fangsong" "$T/out" "^fangsong: FangSong_GB2312 ($T/home/.local/share/fonts/fangsong-gb2312.ttf, face 0)$"
expect_grep "fonts: under its Chinese name" "$T/out" "^  1. 仿宋_GB2312: $T/home/.local/share/fonts/fangsong-gb2312.ttf, face 0: used, GB2312 6763/6763$"
expect_exit 0 "build with the user's font" as_user "$GW" build rubrics/leshan-2012.md -o "$T/user.pdf"
if pdffonts "$T/user.pdf" | grep -q "+FangSong_GB2312 "; then ok; else bad "the user's font is not embedded"; fi
pdftotext -raw "$T/user.pdf" - | tr -d ' \n' >"$T/user.txt"
expect_grep "the user's font: the body comes back" "$T/user.txt" "为把全市教科文卫体工会工作进一步落到实处"

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

# Beyond the BMP: rare characters of names are drawn and come back through
# poppler and mupdf: 𠮷 (U+20BB7) from Noto Serif CJK SC, the body face, and
# 𠀧 (U+20027), which only LXGW WenKai has, from the map's last fallback.
sed 's/^为把全市/𠮷𠀧为把全市/' rubrics/leshan-2012.md >"$T/rare.md"
expect_exit 0 "build with characters beyond the BMP" "$GW" build "$T/rare.md" -o "$T/rare.pdf"
if pdffonts "$T/rare.pdf" | grep -q "+LXGWWenKai-Regular "; then ok; else bad "U+20027: LXGW WenKai not embedded"; fi
if pdftotext "$T/rare.pdf" - | grep -q "^𠮷𠀧为把全市"; then ok; else bad "pdftotext: U+20BB7 U+20027 not given back"; fi
if mutool draw -F txt "$T/rare.pdf" 2>/dev/null | grep -q "^𠮷𠀧为把全市"; then ok; else bad "mutool: U+20BB7 U+20027 not given back"; fi
# Code points that share a glyph in a face (LXGW WenKai draws - and ‑, ·
# and ∙ alike) each come back as themselves, through all three readers.
for role in xiaobiaosong fangsong hei kai song; do
    printf '%s:\n  - {file: /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf}\n' "$role"
done >"$T/wenkai.yaml"
sed 's/^为把全市/A‒B–C-D‑E·F∙G为把全市/' rubrics/leshan-2012.md >"$T/dashes.md"
expect_exit 0 "build with glyphs shared by code points" "$GW" build "$T/dashes.md" --fontmap "$T/wenkai.yaml" -o "$T/dashes.pdf"
pdftotext "$T/dashes.pdf" "$T/dashes.pt.txt"; mutool draw -F txt -o "$T/dashes.mu.txt" "$T/dashes.pdf" 2>/dev/null
gs -q -dNOPAUSE -dBATCH -sDEVICE=txtwrite -o "$T/dashes.gs.txt" "$T/dashes.pdf" >/dev/null 2>&1
for r in pt mu gs; do
    if grep -q "A‒B–C-D‑E·F∙G为把全市" "$T/dashes.$r.txt"; then ok; else bad "$r: shared glyphs extract as other characters"; fi
done

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

# Item texts in order, from the rubric source: list entries and item headings'
# paragraphs, with Markdown's escapes and bold points removed.  The leshan
# layout begins each list entry with its id (2.3) in place of its own number.
items_of() {
    awk '
        /^## / { c++; i = 0 }
        /^- / { t = substr($0, 3); sub(/ \*\*[0-9.]+分?\*\*$/, "", t); gsub(/\\/, "", t)
                sub(/^[0-9]+(．|、|\.) */, "", t); print c "." ++i " " t; next }
        /^#### / { inside = 1; next }
        /^#/ { inside = 0; next }
        inside && NF && !/^\*\*/ { gsub(/\\/, ""); print }
    ' "$1"
}
in_order() { # TEXTFILE ITEMSFILE: each item (spaces removed) found after the previous one
    awk -v textfile="$1" '
        BEGIN { RS = "\001"; getline all < textfile; gsub(/[ \t\n\f]/, "", all); RS = "\n" }
        { gsub(/[ \t]/, ""); p = index(all, $0); if (p == 0) { print "missing: " $0; bad = 1; exit }
          all = substr(all, p + length($0)) }
        END { exit bad }
    ' "$2"
}
for doc in leshan-2012; do
    items_of "rubrics/$doc.md" >"$T/items"
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
PRINTED=${PRINTED:-$(pwd)/build/printed_text}
char_counts() { tr -d ' \t\r\n\f' | grep -o . | sort | uniq -c | awk '{ print $2, $1 }'; }
for doc in rubrics/leshan-2012.md:layouts/leshan.yaml rubrics/zhuzhou-2011.md:layouts/zhuzhou.yaml \
    rubrics/sample-tiered.md:layouts/tiered.yaml tests/fixtures/full-notice.md:layouts/leshan.yaml \
    tests/fixtures/shapes/two-attachments.md:tests/fixtures/layouts/evenpage.yaml \
    tests/fixtures/shapes/method7.md:tests/fixtures/layouts/method7.yaml \
    tests/fixtures/shapes/twelve.md:tests/fixtures/layouts/twelve.yaml; do
    md=${doc%%:*} yaml=${doc#*:} stem=$(basename "$md" .md)
    expect_exit 0 "build $stem" "$GW" build "$md" -o "$T/$stem.pdf"
    expect_exit 0 "qpdf --check $stem" qpdf --check "$T/$stem.pdf"
    if pdffonts "$T/$stem.pdf" | tail -n +3 | awk '$(NF-4) != "yes" { bad = 1 } END { exit bad }'; then ok
    else bad "$stem: a font is not embedded"; fi
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
env -u SOURCE_DATE_EPOCH "$GW" score rubrics/leshan-2012.md examples/leshan-2012/yizhong.yaml -o "$T/dated.pdf" >/dev/null
pdfinfo "$T/dated.pdf" >"$T/info"
expect_grep "scored: dated by 评分日期" "$T/info" "CreationDate: *Thu Dec 20 00:00:00 2012 UTC"
qpdf --qdf --object-streams=disable "$T/dated.pdf" "$T/qdf.pdf"
expect_grep "scored: attachments dated" "$T/qdf.pdf" "/ModDate (D:20121220000000Z)"
"$GW" score rubrics/leshan-2012.md examples/leshan-2012/yizhong.yaml -o "$T/scored2.pdf" >/dev/null
if cmp -s "$T/scored.pdf" "$T/scored2.pdf"; then ok; else bad "scored: two runs differ"; fi
SOURCE_DATE_EPOCH=1356048000 "$GW" score rubrics/leshan-2012.md examples/leshan-2012/yizhong.yaml -o "$T/scored3.pdf" >/dev/null
if cmp -s "$T/scored.pdf" "$T/scored3.pdf"; then bad "scored: SOURCE_DATE_EPOCH is ignored"; else ok; fi
expect_exit 0 "score zhuzhou by levels" "$GW" score rubrics/zhuzhou-2011.md examples/zhuzhou-2011/gongan.yaml -o "$T/zz.pdf"
pdftotext -raw "$T/zz.pdf" - | tr -d ' \n' >"$T/zz.txt"
expect_grep "zhuzhou scored by levels" "$T/zz.txt" "自评得分合计：80分。"
if grep -q "单位：市卫生系统工会" "$T/zz.txt"; then bad "a scored document shows other units"; else ok; fi

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

# --- template: the forms the units' scores come back in ----------------------
expect_exit 0 "template leshan xlsx" "$GW" template rubrics/leshan-2012.md -o "$T/tpl.xlsx"
expect_exit 0 "the template is a whole zip" unzip -tq "$T/tpl.xlsx"
"$GW" template rubrics/leshan-2012.md -o "$T/tpl2.xlsx" >/dev/null
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

finish
