#!/bin/sh
# SPDX-License-Identifier: MIT
# The routes by which the units' 自评分 come back, end to end, for the same
# scores (examples/leshan-2012/*.yaml):
#   scores files          gongwen batch RUBRIC DIR
#   a spreadsheet (CSV)   gongwen template → a clerk's CSV in GB18030 → batch
#   a workbook (XLSX)     that CSV through LibreOffice → batch
#   filled forms          gongwen build --fillable → pdftk fill_form → collect
# Each route's 汇总表.csv is the scores files' one, but for the column that
# names where each unit's scores came from.  The fillable form prints as the
# plain one, and its filled values are drawn by poppler and MuPDF.
# usage: tests/routes.sh path/to/gongwen
set -u
export LC_ALL=C.UTF-8 # messages in English, as the tests compare them
unset LANGUAGE    # gettext follows it even under C.UTF-8
case $1 in /*) GW=$1 ;; *) GW=$(pwd)/$1 ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
LABEL=routes
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fdf.sh"
R=rubrics/leshan-2012.md
SCORES=examples/leshan-2012

# The values of a scores file as lines KEY<TAB>VALUE: 单位, 评分人, 评分日期,
# 缺项, then each item's score ("1.4": {分: 5, 说明: …} gives its points).
values_of() {
    awk '/^(单位|评分人|评分日期|缺项):/ { k = $0; sub(/:.*/, "", k); v = $0; sub(/^[^:]*: */, "", v); print k "\t" v }
         /^  "/ { k = $0; sub(/^  "/, "", k); sub(/".*/, "", k); v = $0; sub(/^[^:]*: */, "", v)
                  if (v ~ /^\{/) { sub(/^\{分: */, "", v); sub(/[,}].*/, "", v) } print k "\t" v }' "$1"
}
# A 汇总表.csv without its 评分文件 column (the last but one) and line ends.
ranking() { tr -d '\r' <"$1" | sed 's/,[^,]*,\([^,]*\)$/,\1/'; }

# --- scores files ---------------------------------------------------------------
expect_exit 0 "batch of scores files" "$GW" batch "$R" "$SCORES" -o "$T/yaml"
ranking "$T/yaml/汇总表.csv" >"$T/yaml.ranking"
if [ "$(wc -l <"$T/yaml.ranking")" -eq 4 ]; then ok; else bad "the scores files' 汇总表 has not 3 units"; cat "$T/yaml.ranking"; fi

# --- a spreadsheet: the template filled in as a clerk would, saved as CSV by
# a Chinese Excel (GB18030, no byte-order mark), a 缺项 column added --------
expect_exit 0 "template CSV" "$GW" template "$R" -o "$T/tpl.csv"
{
    head -n 1 "$T/tpl.csv" | tr -d '\r' | sed 's/^\xef\xbb\xbf//; s/$/,缺项/'
    for f in "$SCORES"/*.yaml; do
        values_of "$f" >"$T/values"
        head -n 1 "$T/tpl.csv" | tr -d '\r' | sed 's/^\xef\xbb\xbf//; s/$/,缺项/' | tr , '\n' |
            awk -F'\t' 'NR == FNR { v[$1] = $2; next }
                        { split($0, w, " "); k = w[2] == "说明" ? "" : w[1]
                          if ($0 == "单位" || $0 == "评分人" || $0 == "评分日期" || $0 == "缺项") k = $0
                          printf "%s%s", (FNR > 1 ? "," : ""), ((k in v) ? v[k] : "") }
                        END { printf "\r\n" }' "$T/values" -
    done
} >"$T/utf8.csv"
iconv -f UTF-8 -t GB18030 "$T/utf8.csv" >"$T/分数.csv"
expect_exit 0 "batch of a GB18030 CSV" "$GW" batch "$R" "$T/分数.csv" -o "$T/csv"
ranking "$T/csv/汇总表.csv" >"$T/got"
if cmp -s "$T/yaml.ranking" "$T/got"; then ok; else bad "the CSV's 汇总表 is not the scores files'"; diff "$T/yaml.ranking" "$T/got"; fi
expect_grep "the CSV's 汇总表 names each row" "$T/csv/汇总表.csv" "^1,乐山市第一中学工会,.*,分数.csv 第4行"
# A row's PDF embeds the scores file it stands for, which scores alike.
pdfdetach -list "$T/csv/乐山市第一中学工会.pdf" >"$T/list"
expect_grep "a row's PDF embeds its scores file" "$T/list" "分数.csv 第4行.yaml"
n=$(sed -n 's/^\([0-9]*\): 分数.csv 第4行.yaml$/\1/p' "$T/list")
pdfdetach -save "$n" -o "$T/row.yaml" "$T/csv/乐山市第一中学工会.pdf"
expect_exit 0 "the embedded row scores as a scores file" "$GW" score "$R" "$T/row.yaml" -o "$T/row.pdf"
pdftotext -raw "$T/row.pdf" - | tr -d ' \n' >"$T/row.txt"
pdftotext -raw "$T/csv/乐山市第一中学工会.pdf" - | tr -d ' \n' >"$T/csvpdf.txt"
if cmp -s "$T/row.txt" "$T/csvpdf.txt"; then ok; else bad "the embedded row scores otherwise than its row"; fi
expect_exit 0 "a row's PDF: qpdf --check" qpdf --check "$T/csv/乐山市第一中学工会.pdf"

# --- a workbook: the clerk's CSV opened in LibreOffice and saved as .xlsx ----
soffice --headless -env:UserInstallation="file://$T/lo" --infilter="CSV:44,34,85" --convert-to xlsx \
    --outdir "$T" "$T/分数.csv" >"$T/soffice.out" 2>&1
if [ -s "$T/分数.xlsx" ]; then ok; else bad "LibreOffice made no workbook"; cat "$T/soffice.out"; fi
expect_exit 0 "batch of an XLSX" "$GW" batch "$R" "$T/分数.xlsx" -o "$T/xlsx"
ranking "$T/xlsx/汇总表.csv" >"$T/got"
if cmp -s "$T/yaml.ranking" "$T/got"; then ok; else bad "the workbook's 汇总表 is not the scores files'"; diff "$T/yaml.ranking" "$T/got"; fi

# --- filled forms ------------------------------------------------------------------
expect_exit 0 "build --fillable" "$GW" build --fillable "$R" -o "$T/form.pdf"
expect_exit 0 "build" "$GW" build "$R" -o "$T/plain.pdf"
expect_exit 0 "the form: qpdf --check" qpdf --check "$T/form.pdf"
expect_pdfa "the form" "$T/form.pdf" 1
expect_no_grep "the form: NeedAppearances not set (PDF/A)" "$T/qdf.pdf" "/NeedAppearances true"
expect_no_grep "the form: no actions (PDF/A)" "$T/qdf.pdf" "/AA\|/JavaScript"
pdffonts "$T/form.pdf" | tail -n +3 | awk '$(NF-4) != "yes"' >"$T/unembedded"
expect_same "the form: every font drawn with is embedded" "$T/unembedded" ""
pdftk "$T/form.pdf" dump_data_fields_utf8 | sed -n 's/^FieldName: //p' >"$T/fields"
{ head -n 5 "$T/fields" | tr '\n' ' '; echo; } >"$T/first"
expect_same "the form: a field per blank and per item, by its number" "$T/first" "单位 填表人 填表日期 1.1 1.2 "
if [ "$(wc -l <"$T/fields")" -eq 32 ]; then ok; else bad "the form has $(wc -l <"$T/fields") fields, not 3 + 29"; fi
pdftotext "$T/plain.pdf" "$T/plain.txt"
pdftotext "$T/form.pdf" "$T/form.txt"
if cmp -s "$T/plain.txt" "$T/form.txt"; then ok; else bad "the form's text is not the plain form's"; fi
# Printed, the empty form is the plain one, in both renderers.
pdftoppm -r 50 -gray "$T/plain.pdf" "$T/p"
pdftoppm -r 50 -gray "$T/form.pdf" "$T/f"
for p in "$T"/p-*.pgm; do
    if cmp -s "$p" "$T/f-${p##*/p-}"; then ok; else bad "poppler draws the empty form's ${p##*/} otherwise"; fi
done
for n in 1 2 3 4; do
    mutool draw -r 50 -c gray -o "$T/mp-$n.pgm" "$T/plain.pdf" "$n" 2>/dev/null
    mutool draw -r 50 -c gray -o "$T/mf-$n.pgm" "$T/form.pdf" "$n" 2>/dev/null
    if cmp -s "$T/mp-$n.pgm" "$T/mf-$n.pgm"; then ok; else bad "MuPDF draws the empty form's page $n otherwise"; fi
done
"$GW" build --fillable "$R" -o "$T/form2.pdf" >/dev/null 2>&1
if cmp -s "$T/form.pdf" "$T/form2.pdf"; then ok; else bad "the same rubric gives another form"; fi

# What a unit types into its form, as NAME=VALUE lines: the header blanks
# (a date as 2012-12-20) and every item's field; an item the scores file
# leaves to 缺项: 零分 is written 0, as the clerk must on a form.
typed_values() {
    values_of "$1" | awk -F'\t' '
        NR == FNR { v[$1] = $2; next }
        FNR == 1 { d = v["评分日期"]; if (match(d, /^[0-9]+年[0-9]+月[0-9]+日$/)) { gsub(/年|月/, "-", d); sub(/日/, "", d) }
                   print "单位=" v["单位"]; print "填表人=" v["评分人"]; print "填表日期=" d }
        /^[0-9]+\.[0-9]+$/ { print $0 "=" (($0 in v) ? v[$0] : 0) }' - "$T/fields"
}
mkdir "$T/filled"
for f in "$SCORES"/*.yaml; do
    u=$(basename "$f" .yaml)
    typed_values "$f" >"$T/$u.typed"
    old_ifs=$IFS IFS='
'
    # shellcheck disable=SC2046 # a value a line
    fdf_write "$T/$u.fdf" $(cat "$T/$u.typed")
    IFS=$old_ifs
    expect_exit 0 "pdftk fills the form of $u" pdftk "$T/form.pdf" fill_form "$T/$u.fdf" output "$T/filled/$u.pdf"
done

# The values pdftk filled in are drawn where the form put their fields, by
# poppler and MuPDF alike: each 自评分 cell and the date blank has ink on
# the filled form of 一中 and none on the empty one.
qpdf --json --json-key=acroform --json-key=qpdf "$T/filled/yizhong.pdf" |
    jq -r '. as $d | .acroform.fields[] | select(.fullname != "单位" and .fullname != "填表人") |
           .fullname + " " + (.pageposfrom1 | tostring) + " " +
           ($d.qpdf[1]["obj:" + .object].value["/Rect"] | map(tostring) | join(" "))' >"$T/rects"
if [ "$(wc -l <"$T/rects")" -eq 30 ]; then ok; else bad "no place for the 30 values on the form"; cat "$T/rects"; fi
# ink PGM PAGE: for each field of $T/rects on PAGE, its name and the dark
# pixels inside it (at 72 dpi a pixel is a point; 2 kept clear of the rules).
ink() {
    hdr=$(head -n 3 "$1" | wc -c)
    w=$(sed -n 2p "$1" | cut -d' ' -f1)
    h=$(sed -n 2p "$1" | cut -d' ' -f2)
    tail -c +$((hdr + 1)) "$1" | od -An -v -tu1 | awk -v w="$w" -v h="$h" -v page="$2" '
        NR == FNR { if ($2 != page) next
                    n++; name[n] = $1; x0[n] = $3 + 2; x1[n] = $5 - 2; y0[n] = h - $6 + 2; y1[n] = h - $4 - 2; next }
        { for (i = 1; i <= NF; i++) {
              if ($i < 128) { x = p % w; y = int(p / w)
                  for (k = 1; k <= n; k++) if (x >= x0[k] && x <= x1[k] && y >= y0[k] && y <= y1[k]) dark[k]++ }
              p++ } }
        END { for (k = 1; k <= n; k++) print name[k], dark[k] + 0 }' "$T/rects" -
}
pdftoppm -r 72 -gray -f 2 -l 3 "$T/filled/yizhong.pdf" "$T/fill"
pdftoppm -r 72 -gray -f 2 -l 3 "$T/form.pdf" "$T/empty"
mutool draw -r 72 -c gray -o "$T/mfill-%d.pgm" "$T/filled/yizhong.pdf" 2-3 2>/dev/null
mutool draw -r 72 -c gray -o "$T/mempty-%d.pgm" "$T/form.pdf" 2-3 2>/dev/null
for r in fill empty mfill mempty; do
    { ink "$T/$r-2.pgm" 2; ink "$T/$r-3.pgm" 3; } >"$T/$r.ink"
done
awk '$2 == 0' "$T/fill.ink" >"$T/blank"
expect_same "poppler draws every filled value" "$T/blank" ""
awk '$2 == 0' "$T/mfill.ink" >"$T/blank"
expect_same "MuPDF draws every filled value" "$T/blank" ""
awk '$2 != 0' "$T/empty.ink" "$T/mempty.ink" >"$T/inked"
expect_same "the empty form has nothing in its fields" "$T/inked" ""
pdftotext -f 2 -l 2 "$T/filled/yizhong.pdf" - | tr -d ' ' >"$T/filled.txt"
expect_grep "poppler gives the filled date back" "$T/filled.txt" "填表日期：2012-12-20"
mutool draw -F txt "$T/filled/yizhong.pdf" 2 2>/dev/null >"$T/mfilled.txt"
expect_grep "MuPDF gives the filled date back" "$T/mfilled.txt" "2012-12-20"

expect_exit 0 "collect the filled forms" "$GW" collect "$R" "$T"/filled/*.pdf -o "$T/forms"
ranking "$T/forms/汇总表.csv" >"$T/got"
if cmp -s "$T/yaml.ranking" "$T/got"; then ok; else bad "the forms' 汇总表 is not the scores files'"; diff "$T/yaml.ranking" "$T/got"; fi
expect_grep "the forms' 汇总表 names each form" "$T/forms/汇总表.csv" "^1,乐山市第一中学工会,.*,yizhong.pdf"
pdfdetach -list "$T/forms/yizhong.pdf" >"$T/list"
expect_grep "a form's PDF embeds its scores file" "$T/list" "yizhong.pdf.yaml"
expect_pdfa "a collected PDF" "$T/forms/yizhong.pdf" 3
pdftotext -raw "$T/forms/yizhong.pdf" - | tr -d ' \n' >"$T/collected.txt"
expect_grep "the collected PDF shows the form's 填表人" "$T/collected.txt" "填表人：王明"
# A filled form given again as the output folder's input is kept.
expect_exit 1 "collect into the forms' own folder" "$GW" collect "$R" "$T/filled/yizhong.pdf" -o "$T/filled"
expect_grep "a form is never replaced by its scored PDF" "$T/err" "cannot write PDF: it is the input"

finish
