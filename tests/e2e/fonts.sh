#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end, the fonts gongwen finds by name and embeds.
# usage: tests/e2e/fonts.sh path/to/gongwen (from the project folder)
. "$(dirname "$0")/../lib.sh"
e2e_begin fonts "$1"

# --- fonts found by name ------------------------------------------------------
expect_exit 0 "build leshan" "$GW" build rubrics/leshan-2012.md -o "$T/leshan-2012.pdf"
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

finish
