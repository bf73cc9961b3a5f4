#!/bin/sh
# SPDX-License-Identifier: MIT
# The command line's conventions: '-' for standard input and output, --quiet,
# help and version; and where layouts and the font map are looked for
# (src/searchpath.h), the user's settings ($XDG_CONFIG_HOME/gongwen) among them.
# usage: tests/cli.sh path/to/gongwen
set -u
export LC_ALL=C.UTF-8 # messages in English, as the tests compare them
unset LANGUAGE    # gettext follows it even under C.UTF-8
export SOURCE_DATE_EPOCH=1342051200
case $1 in /*) GW=$1 ;; *) GW=$(pwd)/$1 ;; esac
ROOT=$(pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
LABEL=cli
. "$(dirname "$0")/lib.sh"
# No user settings but those a test makes.
export XDG_CONFIG_HOME="$T/config"
R=rubrics/leshan-2012.md
S=examples/leshan-2012/yizhong.yaml

# --- '-': standard input -----------------------------------------------------
expect_exit 0 "check -" "$GW" check - <"$R"
expect_same "check - names it <stdin>" "$T/out" "<stdin>: 1 attachment, 1 unit, 5 categories, 29 items, total 100分"
"$GW" build "$R" -o "$T/file.pdf" >/dev/null 2>&1
expect_exit 0 "build - -o" "$GW" build - -o "$T/stdin.pdf" <"$R"
if cmp -s "$T/file.pdf" "$T/stdin.pdf"; then ok; else bad "build -: not the PDF the file gives"; fi
printf -- '---\n版式: leshan\n---\n\n# 附件：T\n\n## 类\n\n- 一 **三分**\n' >"$T/bad-points.md"
expect_exit 1 "bad rubric on standard input" "$GW" check - <"$T/bad-points.md"
expect_same "its error names <stdin> and the line" "$T/err" "<stdin>:9: error: cannot read points '三分': not a number"
printf '\377\376' >"$T/utf16.md"
expect_exit 1 "UTF-16 on standard input" "$GW" check - <"$T/utf16.md"
expect_grep "UTF-16 on standard input: named" "$T/err" "^<stdin>:1: error: invalid UTF-8"

# A rubric from standard input has no folder beside it: a layout kept only
# beside the rubric is not found for it, and the error lists the layouts
# there are.
mkdir -p "$T/elsewhere" "$T/proj/rubrics" "$T/proj/layouts"
cp layouts/leshan.yaml "$T/proj/layouts/only-beside.yaml"
sed 's/^版式: leshan$/版式: only-beside/' "$R" >"$T/proj/rubrics/x.md"
expect_exit 0 "a layout beside the rubric" sh -c "cd '$T/elsewhere' && exec '$GW' check ../proj/rubrics/x.md"
expect_exit 1 "not beside a rubric from stdin" sh -c "cd '$T/elsewhere' && exec '$GW' check - <../proj/rubrics/x.md"
expect_grep "not beside a rubric from stdin: message" "$T/err" "^<stdin>:12: error: unknown layout 'only-beside': "

# An output named after standard input would be out/-.pdf: -o is needed.
expect_exit 2 "build - without -o" sh -c "cd '$T/elsewhere' && exec '$GW' build - <'$ROOT/$R'"
expect_grep "build - without -o: message" "$T/err" "give one with -o"
if [ -z "$(ls -A "$T/elsewhere")" ]; then ok; else bad "build - without -o wrote something"; ls "$T/elsewhere"; fi
expect_exit 2 "score with scores from stdin without -o" "$GW" score "$R" - <"$S"
expect_exit 2 "two inputs from stdin" "$GW" score - - <"$S"
expect_grep "two inputs from stdin: message" "$T/err" "only one input can be '-'"
expect_exit 2 "batch - without -o" "$GW" batch - examples/leshan-2012 <"$R"

# Sources from standard input are embedded as stdin.md and stdin.yaml.
expect_exit 0 "score with scores from stdin" "$GW" score "$R" - -o "$T/scored.pdf" <"$S"
mkdir "$T/detach"
pdfdetach -saveall -o "$T/detach" "$T/scored.pdf"
if cmp -s "$T/detach/stdin.yaml" "$S" && cmp -s "$T/detach/leshan-2012.md" "$R"; then ok
else bad "scores from stdin: embedded sources differ"; ls "$T/detach"; fi
expect_exit 0 "batch with the rubric from stdin" "$GW" batch - examples/leshan-2012 -o "$T/batch" <"$R"
rm -rf "$T/detach"; mkdir "$T/detach"
pdfdetach -saveall -o "$T/detach" "$T/batch/shidayuan.pdf"
if cmp -s "$T/detach/stdin.md" "$R" && cmp -s "$T/detach/shidayuan.yaml" examples/leshan-2012/shidayuan.yaml; then ok
else bad "batch from stdin: the last unit's embedded rubric differs"; ls "$T/detach"; fi

# --- -o -: standard output ----------------------------------------------------
expect_exit 0 "build -o -" "$GW" build "$R" -o -
if cmp -s "$T/out" "$T/file.pdf"; then ok; else bad "build -o -: standard output is not the PDF alone"; fi
"$GW" score "$R" "$S" -o "$T/scored-file.pdf" >/dev/null 2>&1
expect_exit 0 "score -o -" "$GW" score "$R" "$S" -o -
if cmp -s "$T/out" "$T/scored-file.pdf"; then ok; else bad "score -o -: not the PDF -o FILE gives"; fi
expect_exit 1 "build -o - onto a full disk" sh -c "exec '$GW' build '$R' -o - >/dev/full"
expect_grep "full disk: message" "$T/err" "^gongwen: error: cannot write PDF to standard output: No space left on device$"
expect_exit 2 "batch -o -" "$GW" batch "$R" examples/leshan-2012 -o -
# On a terminal (script(1) gives one), -o - is refused and the batch shows
# its progress, unless --quiet.
if command -v script >/dev/null && script -qec true /dev/null >/dev/null 2>&1; then
    expect_exit 2 "-o - onto a terminal" script -qec "'$GW' build '$R' -o -" /dev/null
    expect_grep "-o - onto a terminal: message" "$T/out" "onto the terminal"
    expect_exit 0 "batch on a terminal" script -qec "'$GW' batch '$R' examples/leshan-2012 -o '$T/tty'" /dev/null
    expect_grep "batch on a terminal: progress" "$T/out" "\[3/3\] yizhong.yaml"
    expect_exit 0 "batch -q on a terminal" script -qec "'$GW' batch -q '$R' examples/leshan-2012 -o '$T/tty'" /dev/null
    expect_no_grep "batch -q on a terminal: no progress" "$T/out" "\[1/3\]"
    expect_grep "batch -q on a terminal: its result" "$T/out" "3 of 3 units scored"
else
    echo "cli: SKIP: no terminal here (script(1) cannot open one): -o - onto one, a batch's progress"
fi

# --- --quiet --------------------------------------------------------------------
expect_exit 0 "check -q: warnings" "$GW" check -q rubrics/zhuzhou-2011.md
expect_same "check -q: no warnings" "$T/err" ""
expect_grep "check -q: the summary stays" "$T/out" "^rubrics/zhuzhou-2011.md: 1 attachment, 12 units"
expect_exit 1 "check --quiet --strict" "$GW" check --quiet --strict rubrics/zhuzhou-2011.md
expect_grep "--strict: warnings are errors, so they are printed" "$T/err" "warning: 株洲市国资委系统工会"
expect_exit 1 "check -q: errors" "$GW" check -q "$T/bad-points.md"
expect_grep "check -q: errors still printed" "$T/err" "bad-points.md:9: error: cannot read points"

# --- help and version ---------------------------------------------------------
for c in check build score batch fonts; do
    "$GW" "$c" --help >"$T/h1" 2>&1
    expect_exit 0 "help $c" "$GW" help "$c"
    if cmp -s "$T/out" "$T/h1" && grep -q "^usage: gongwen $c" "$T/out"; then ok; else bad "help $c is not $c --help"; fi
done
expect_exit 2 "help of no command" "$GW" help frobnicate
expect_grep "help of no command: message" "$T/err" "help: unknown command 'frobnicate'"
expect_exit 0 "-V" "$GW" -V
"$GW" --version >"$T/v2"
if cmp -s "$T/out" "$T/v2" && grep -q '^gongwen [0-9][0-9.]*$' "$T/out"; then ok; else bad "-V is not --version"; fi
expect_exit 0 "help" "$GW" help
"$GW" --help >"$T/h2"
if cmp -s "$T/out" "$T/h2"; then ok; else bad "help is not --help"; fi
expect_grep "help lists check" "$T/out" "check FILE.md"
expect_exit 0 "check --help" "$GW" check --help
expect_grep "check --help" "$T/out" "usage: gongwen check"

# --- bad command lines: exit 2 ------------------------------------------------
expect_exit 2 "no command" "$GW"
expect_exit 2 "unknown command" "$GW" frobnicate
expect_grep "unknown command message" "$T/err" "unknown command 'frobnicate'"
expect_exit 2 "unknown option" "$GW" check --frob rubrics/leshan-2012.md
expect_exit 2 "check without file" "$GW" check

# --- where layouts and the font map are found -------------------------------------
expect_exit 0 "--help in the project" "$GW" --help
expect_grep "--help: layouts here" "$T/out" "^    layouts (current folder): leshan, tiered, zhuzhou$"
expect_grep "--help: the user's layouts" "$T/out" "^    $T/config/gongwen/layouts (your settings): none$"
expect_grep "--help: the font map used" "$T/out" "^    fonts/fontmap.yaml (current folder): found, used$"
expect_exit 0 "--help without XDG_CONFIG_HOME" env -u XDG_CONFIG_HOME HOME="$T/home" "$GW" --help
expect_grep "settings default to ~/.config" "$T/out" "^    $T/home/.config/gongwen/layouts (your settings)"
expect_exit 0 "--help with a relative XDG_CONFIG_HOME" env XDG_CONFIG_HOME=rel HOME="$T/home" "$GW" --help
expect_grep "a relative XDG_CONFIG_HOME is ignored" "$T/out" "^    $T/home/.config/gongwen/layouts (your settings)"

# The user's settings: a layout and a font map of their own, used from a
# folder that has neither, for a rubric that has none beside it.
mkdir -p "$T/config/gongwen/layouts" "$T/config/gongwen/fonts" "$T/work"
sed 's/^版式: leshan$/版式: mine/' "$R" >"$T/work/mine.md"
cp layouts/leshan.yaml "$T/config/gongwen/layouts/mine.yaml"
cp fonts/fontmap.yaml "$T/config/gongwen/fonts/fontmap.yaml"
expect_exit 0 "build with the user's layout and font map" sh -c "cd '$T/work' && exec '$GW' build mine.md -o mine.pdf"
expect_exit 0 "fonts: the user's font map" sh -c "cd '$T/work' && exec '$GW' fonts"
expect_grep "fonts says where it found the map" "$T/out" "^font map: $T/config/gongwen/fonts/fontmap.yaml (your settings)$"
expect_exit 0 "--help: the user's layout" sh -c "cd '$T/work' && exec '$GW' --help"
expect_grep "--help lists the user's layout" "$T/out" "^    $T/config/gongwen/layouts (your settings): mine$"
# Beside the rubric comes before the user's settings: a broken leshan.yaml
# there is not read for a rubric of the project.
printf 'notice: [\n' >"$T/config/gongwen/layouts/leshan.yaml"
expect_exit 0 "the rubric's own layouts come first" sh -c "cd '$T/work' && exec '$GW' check '$ROOT/$R'"
# …and the user's before the installed ones: from stdin, the broken one is.
expect_exit 1 "the user's layouts come before the installed ones" sh -c "cd '$T/work' && exec '$GW' check - <'$ROOT/$R'"
expect_grep "the user's broken layout is the one read" "$T/err" "^$T/config/gongwen/layouts/leshan.yaml:"
# The option comes before all.
expect_exit 0 "--layouts comes first" sh -c "cd '$T/work' && exec '$GW' check --layouts '$ROOT/layouts' - <'$ROOT/$R'"

finish
