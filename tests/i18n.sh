#!/bin/sh
# SPDX-License-Identifier: MIT
# Messages in the reader's language (src/intl.h):
#  - each po/LANG.po translates every message, none fuzzy (msgfmt
#    --statistics), and po/gongwen.pot is current: the messages xgettext
#    finds in src/ now are its messages, and every po/LANG.po has them all
#    (msgcmp), so a message added without its translation fails here;
#  - real errors, a warning, usage errors, help and listings come out in
#    Chinese under LANG=zh_CN.UTF-8, in gcc's form (细则.md:9: 错误：…), and
#    in English under LC_ALL=C; glibc's own words (strerror) follow;
#  - the locale changes words only: a build under zh_CN.UTF-8 or de_DE.UTF-8
#    (whose decimal point is a comma) gives the PDF a C build gives, byte for
#    byte.
# usage: XGETTEXT='xgettext OPTIONS… FILES…' sh tests/i18n.sh path/to/gongwen
#        (make i18n, which gives the .pot's own xgettext command)
set -u
case $1 in /*) GW=$1 ;; *) GW=$(pwd)/$1 ;; esac
ROOT=$(pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
LABEL=i18n
. "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1342051200
export XDG_CONFIG_HOME="$T/config"
unset LANGUAGE LC_ALL LC_MESSAGES LC_NUMERIC LANG

# --- the catalogues -------------------------------------------------------------
# msgids FILE: every msgid (and plural) of a .po or .pot, one a line, sorted.
msgids() {
    msgcat --force-po --no-wrap --no-location --sort-output "$1" | sed -n 's/^msgid\(_plural\)\{0,1\} //p' | sort
}
# shellcheck disable=SC2086 # XGETTEXT is a command line
if ${XGETTEXT:?give the xgettext command line} -o "$T/now.pot" 2>"$T/err"; then ok; else bad "xgettext failed"; cat "$T/err"; fi
msgids "$T/now.pot" >"$T/now"
msgids po/gongwen.pot >"$T/committed"
if cmp -s "$T/now" "$T/committed"; then ok
else bad "po/gongwen.pot is not current (make pot):"; diff "$T/committed" "$T/now" | head -n 20; fi
[ "$(wc -l <"$T/now")" -gt 100 ] && ok || bad "xgettext found only $(wc -l <"$T/now") messages"

# xgettext finds a finding's format by its place among the arguments, and
# counts a macro call as one: none may stand before it.
if grep -nE 'diag_(error|warning|add)(_at)?\([^"]*[A-Z][A-Z0-9_]*\(' src/*.c >"$T/macros"; then
    bad "a macro before a finding's format, which xgettext would miss:"; cat "$T/macros"
else ok; fi

for po in po/*.po; do
    msgfmt --check --statistics -o /dev/null "$po" 2>"$T/stats"
    stats=$(cat "$T/stats")
    case $stats in
    *fuzz* | *untranslated*) bad "$po: $stats" ;;
    *" translated message"*) ok ;;
    *) bad "$po: msgfmt --check: $stats" ;;
    esac
    if msgcmp "$po" "$T/now.pot" 2>"$T/err"; then ok; else bad "$po lacks messages of src/:"; head -n 20 "$T/err"; fi
done

# --- what is said ------------------------------------------------------------------
ZH=$(locale_env zh_CN.UTF-8) || bad "no zh_CN.UTF-8 locale, and localedef cannot make one (package locales)"
DE=$(locale_env de_DE.UTF-8) || bad "no de_DE.UTF-8 locale, and localedef cannot make one (package locales)"
# zh CMD… and c CMD…: CMD under zh_CN.UTF-8 alone, or C alone.
# shellcheck disable=SC2086 # ZH is assignments
zh() { env $ZH "$@"; }
c() { env LC_ALL=C "$@"; }

cd "$T"
printf -- '---\n版式: leshan\n---\n\n# 附件：细则\n\n## (一)类 **100分**\n\n- 一 **三分**\n' >细则.md
cp "$ROOT/tests/bad/good.md" good.md
cp "$ROOT/tests/bad/good.yaml" 分数.yaml
mkdir -p layouts fonts
cp "$ROOT/layouts/leshan.yaml" layouts/
cp "$ROOT/fonts/fontmap.yaml" fonts/
sed 's/^- 2．会员实名制管理全覆盖，会籍档案完整。 \*\*30分\*\*$/- 2．会员实名制管理全覆盖。 **20分**/' good.md >少分.md
printf '单位：某区总工会\n得分:\n  "1.1": 30\n' >全角.yaml
printf '单位,1.1,1.2,2.1\n某区总工会,31,基本完成,38.5\n' >分数.csv
sed 's/^版式: leshan$/版式: leshna/' good.md >错版式.md
mkdir 表格

# both NAME CODE ZH EN CMD…: CMD exits CODE and its standard error is ZH
# under zh_CN, EN under C.
both() {
    what=$1 code=$2 want_zh=$3 want_en=$4; shift 4
    expect_exit "$code" "$what (zh_CN)" zh "$@"
    expect_same "$what: in Chinese" "$T/err" "$want_zh"
    expect_exit "$code" "$what (C)" c "$@"
    expect_same "$what: in English" "$T/err" "$want_en"
}

both "points that are no number" 1 \
    "细则.md:9: 错误：分值“三分”无法识别：不是数字" \
    "细则.md:9: error: cannot read points '三分': not a number" \
    "$GW" check 细则.md
both "a category that does not add up" 0 \
    "少分.md:12: 警告：类别“(一)组织建设”：所列项目合计50分，标题写的是60分
少分.md:12: 警告：考核细则：所列项目合计90分，总分为100分" \
    "少分.md:12: warning: category '(一)组织建设': items add up to 50分, its heading says 60分
少分.md:12: warning: the rubric: items add up to 90分, 总分 is 100分" \
    "$GW" check 少分.md
expect_exit 0 "the summary line (zh_CN)" zh "$GW" check good.md
expect_same "the summary line: in Chinese" "$T/out" "good.md: 附件 1 个，单位 1 个，类别 2 个，项目 3 个，总分100分"
both "a score above the item's points, in a spreadsheet's cell" 1 \
    "分数.csv:B2: 错误：项目 1.1：31分超过了它的分值30分" \
    "分数.csv:B2: error: item 1.1: 31分 is more than its 30分" \
    "$GW" batch -q good.md 分数.csv -o 表格
# The layouts there are: the installed ones too, whatever they are here.
expect_exit 1 "a misspelt layout (zh_CN)" zh "$GW" check 错版式.md
expect_grep "a misspelt layout: in Chinese" "$T/err" "^错版式.md:5: 错误：没有版式“leshna”：是不是“leshan”？现有的版式：leshan"
expect_exit 1 "a misspelt layout (C)" c "$GW" check 错版式.md
expect_grep "a misspelt layout: in English" "$T/err" "^错版式.md:5: error: unknown layout 'leshna': did you mean 'leshan'? The layouts there are: leshan"
# A usage error, then the usage.
expect_exit 2 "a misspelt command (zh_CN)" zh "$GW" bulid good.md
expect_grep "a misspelt command: in Chinese" "$T/err" "^gongwen: 没有“bulid”这条命令：是不是“build”？$"
expect_grep "a misspelt command: the usage in Chinese" "$T/err" "^用法：gongwen "
expect_exit 2 "a misspelt command (C)" c "$GW" bulid good.md
expect_grep "a misspelt command: in English" "$T/err" "^gongwen: unknown command 'bulid': did you mean 'build'?$"
both "a full-width colon" 1 \
    "全角.yaml:1: 错误：“单位”后面的冒号是全角的“：”，请改成半角冒号“:”并在后面加一个空格：单位: 某区总工会" \
    "全角.yaml:1: error: the colon after '单位' is the full-width ：; write the colon as : (ASCII), followed by a space: 单位: 某区总工会" \
    "$GW" score good.md 全角.yaml -o x.pdf
both "the files the wrong way round" 1 \
    "分数.yaml:1: 错误：这是分数文件，不是考核细则；用法：gongwen score 细则.md 分数.yaml" \
    "分数.yaml:1: error: this is a scores file, not a rubric; usage: gongwen score RUBRIC.md SCORES.yaml" \
    "$GW" score 分数.yaml good.md -o x.pdf
# glibc's words in glibc's catalogue.
both "a missing file" 1 \
    "无此文件.md: 错误：无法打开：没有那个文件或目录" \
    "无此文件.md: error: cannot open: No such file or directory" \
    "$GW" check 无此文件.md

# Help, in the reader's language; a command's own and its shared options.
expect_exit 0 "--help (zh_CN)" zh "$GW" --help
expect_grep "--help: in Chinese" "$T/out" "^用法：gongwen \[-h|--help\] \[-V|--version\] 命令 \[参数\]$"
expect_grep "--help: where layouts are looked for, in Chinese" "$T/out" "^    layouts（当前文件夹）：leshan$"
expect_exit 0 "help build (zh_CN)" zh "$GW" help build
expect_grep "help build: in Chinese" "$T/out" "^用法：gongwen build "
expect_grep "help build: the shared options too" "$T/out" "^  -q, --quiet      只报告错误"
expect_exit 0 "help build (C)" c "$GW" help build
expect_grep "help build: in English" "$T/out" "^usage: gongwen build "
expect_exit 0 "--version (zh_CN)" zh "$GW" -V
expect_same "--version" "$T/out" "gongwen $(sed -n 's/^#define GONGWEN_VERSION "\(.*\)"/\1/p' "$ROOT/src/app.h")"

# --- numbers, whatever the locale ----------------------------------------------------
expect_exit 0 "build (C)" c "$GW" build good.md -o c.pdf
expect_exit 0 "build (zh_CN)" zh "$GW" build good.md -o zh.pdf
# shellcheck disable=SC2086
expect_exit 0 "build (de_DE: a decimal comma)" env $DE "$GW" build good.md -o de.pdf
if cmp -s c.pdf zh.pdf && cmp -s c.pdf de.pdf; then ok; else bad "the PDF depends on the locale"; fi
expect_exit 0 "score (de_DE)" env $DE "$GW" score good.md 分数.yaml -o de-score.pdf
expect_exit 0 "score (C)" c "$GW" score good.md 分数.yaml -o c-score.pdf
if cmp -s c-score.pdf de-score.pdf; then ok; else bad "a scored PDF (38.5分) depends on the locale"; fi

finish
