#!/bin/sh
# SPDX-License-Identifier: MIT
# Redraws docs/pages, the README's pictures of the samples, from what
# `make demo` wrote to out/ (60 dpi).  The filled form is the fillable Leshan
# form with yizhong's scores written in by pdftk, as an office would.
# usage: scripts/pages.sh (from the project folder, after make demo)
set -eu
GW=build/gongwen
D=docs/pages
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
rm -f "$D"/*.png
page() { # PDF NAME [FIRST LAST]: pages FIRST..LAST (all by default) as NAME-N.png
    pdftoppm -r 60 -png ${3:+-f "$3"} ${4:+-l "$4"} "$1" "$D/$2"
}
page out/leshan-2012.pdf leshan-2012
page out/zhuzhou-2011.pdf zhuzhou-2011
page out/sample-tiered.pdf sample-tiered 1 1
page out/leshan-2012/yizhong.pdf leshan-yizhong 2 2
page out/leshan-2012/汇总表.pdf leshan-2012-summary
page out/zhuzhou-2011/汇总表.pdf zhuzhou-2011-summary
"$GW" build --fillable rubrics/leshan-2012.md -o "$T/form.pdf" >/dev/null 2>&1
. tests/fdf.sh
# shellcheck disable=SC2046 # one NAME=VALUE word per score
fdf_write "$T/scores.fdf" $(sed -n 's/^  "\([0-9.]*\)": \([0-9.]*\).*/\1=\2/p' examples/leshan-2012/yizhong.yaml)
pdftk "$T/form.pdf" fill_form "$T/scores.fdf" output "$T/filled.pdf"
page "$T/filled.pdf" leshan-2012-filled 2 2
ls "$D"
