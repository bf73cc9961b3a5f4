#!/bin/sh
# SPDX-License-Identifier: MIT
# The catalogue of bad inputs (tests/bad/, see its README): every case must
# end with its expected exit status and message, write nothing (the known-good
# PDF already at the target stays byte for byte, no new or temporary file
# appears) and leave $TMPDIR empty.  A few cases are inputs that must be
# accepted; they must give the same PDF as their clean twin.
#
# usage: tests/bad.sh path/to/gongwen [PATTERN]
#   PATTERN (a shell pattern) picks cases by DIR/NAME, e.g. 'rubric/*'.
#   GW may be a script that runs the binary under valgrind.
#   BAD_TIMEOUT: seconds a case may take (default 120).
#   BAD_VALGRIND=1: GW runs under valgrind; cases with a 'valgrind:' line
#   (the reason) are skipped.
set -u
export LC_ALL=C.UTF-8 # messages in English, as the tests compare them
unset LANGUAGE    # gettext follows it even under C.UTF-8
export SOURCE_DATE_EPOCH=1735689600 # the same inputs, the same bytes
case $1 in /*) GW=$1 ;; *) GW=$(pwd)/$1 ;; esac
PATTERN=${2:-*}
ROOT=$(pwd)
BAD=tests/bad
TIMEOUT=${BAD_TIMEOUT:-120}
[ -f "$BAD/good.md" ] || { echo "bad: run from the project's top folder"; exit 2; }

T=$(mktemp -d)
. tests/fontconfig.sh
debian_fonts_only "$T"
MOUNTS=""
cleanup() {
    for m in $MOUNTS; do umount "$m" 2>/dev/null; done
    chmod -R u+rwx "$T" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
pass=0 fail=0 skipped=0

if ! "$GW" build "$BAD/good.md" -o "$T/good.pdf" >/dev/null 2>"$T/good.err"; then
    echo "bad: cannot build the known-good PDF from $BAD/good.md:"; cat "$T/good.err"
    exit 1
fi
[ "$(id -u)" -eq 0 ] && ROOT_USER=1 || ROOT_USER=0
. "$ROOT/tests/fdf.sh"

# --- inputs made at test time ------------------------------------------------

# repeat N TEXT: TEXT N times, with no newline added.
repeat() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

head_matter() { printf -- '---\n版式: leshan\n---\n\n# 附件：生成的细则\n\n## (一)类 **100分**\n\n'; }

# form_of FILE [RUBRIC]: the fillable form of RUBRIC (good.md).
form_of() { "$GW" build --fillable "${2:-$BAD/good.md}" -o "$1" >/dev/null 2>&1; }

# form_edit FORM FIELD EDIT: FIELD of FORM changed as a PDF editor could:
# rename:PART names it otherwise, button makes it a button; drop takes it
# out of its parent.  Through qpdf's JSON, the field found by jq.
form_edit() {
    qpdf --json --json-key=acroform "$1" |
        jq -r --arg f "$2" '.acroform.fields[] | select(.fullname == $f) | .object + "|" + (.parent // "")' >"$1.field"
    IFS='|' read -r obj parent <"$1.field"
    case $3 in
    rename:*) target=$obj filter='.value["/T"] = "u:'"${3#rename:}"'"' ;;
    button) target=$obj filter='.value["/FT"] = "/Btn"' ;;
    drop) target=$parent filter='.value["/Kids"] |= map(select(. != "'"$obj"'"))' ;;
    esac
    qpdf --json-output --json-key=qpdf "$1" |
        jq --arg o "obj:$target" "{qpdf: [.qpdf[0], {(\$o): (.qpdf[1][\$o] | $filter)}]}" >"$1.json" &&
        qpdf "$1" --update-from-json="$1.json" "$1.edited" && mv "$1.edited" "$1"
    rm -f "$1.field" "$1.json"
}

# make_input KIND FILE [TWIN]: writes the input a case names with 'make:'.
make_input() {
    case $1 in
    form-plain) "$GW" build "$BAD/good.md" -o "$2" >/dev/null 2>&1 ;;
    form-empty) form_of "$2" ;;
    form-of\ *) form_of "$2" "${1#form-of }" ;;
    form-other-version) { cat "$BAD/good.md"; echo; } >"$2.md" && form_of "$2" "$2.md" && rm "$2.md" ;;
    form-fill\ *) # NAME=VALUE…, typed in by pdftk as a reader would
        form_of "$2" && fdf_write "$2.fdf" ${1#form-fill } &&
            pdftk "$2" fill_form "$2.fdf" output "$2.filled" && mv "$2.filled" "$2" && rm "$2.fdf" ;;
    form-edit\ *) set -- $1 "$2"; form_of "$4" && form_edit "$4" "$2" "$3" ;;
    huge-rubric) # 10 MB of ordinary items
        { head_matter; awk 'BEGIN { for (i = 1; i <= 150000; i++)
            printf "- %d．组织开展工会工作要点落实情况检查，记录完整，资料齐全。 **1分**\n", i }'; } >"$2" ;;
    many-items) # 10,000 items of 1分 under a category of 100分
        { head_matter; awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "- 第%d项 **1分**\n", i }'; } >"$2" ;;
    last-item-bad) # 10,000 items, the last one's points unreadable (line 10,008)
        { head_matter; awk 'BEGIN { for (i = 1; i < 10000; i++) printf "- 第%d项 **0.01分**\n", i
                                    print "- 第10000项 **一分**" }'; } >"$2" ;;
    deep-list) # a list nested 1,000 deep
        { head_matter; awk 'BEGIN { for (i = 0; i < 1000; i++) printf "%*s- 第%d层 **1分**\n", 2 * i, "", i }'; } >"$2" ;;
    deep-quote) # block quotes nested 1,000 deep
        { head_matter; repeat 1000 '>'; printf ' - 一 **100分**\n'; } >"$2" ;;
    huge-number) # points of 100,000 digits
        { head_matter; printf -- '- 一 **'; repeat 100000 9; printf '分**\n'; } >"$2" ;;
    long-word) # one item of 900,000 letters with no place to break, just under the size limit
        { head_matter; printf -- '- '; repeat 90000 abcdefghij; printf ' **100分**\n'; } >"$2" ;;
    deep-yaml) # a score nested 1,000 deep
        { printf '单位: 某区总工会\n得分:\n  "1.1": '; repeat 1000 '['; printf 1; repeat 1000 ']'; printf '\n'; } >"$2" ;;
    many-keys) # 70,000 scores of items the rubric does not have, just under the size limit
        { printf '单位: 某区总工会\n得分:\n'; awk 'BEGIN { for (i = 1; i <= 70000; i++) printf " %d: 1\n", i }'; } >"$2" ;;
    long-unit) # good.yaml with a unit name of 33,000 characters
        { printf '单位: '; repeat 33000 单; echo; sed -n '/^得分:/,$p' "$BAD/good.yaml"; } >"$2" ;;
    long-title) # the 标题 made 50,000 characters long
        awk '/^标题:/ { printf "标题: "; for (i = 0; i < 50000; i++) printf "题"; print ""; next } { print }' "$3" >"$2" ;;
    long-attachment-title) # an attachment title of 50,000 characters
        awk '/^# 附件/ { printf "# 附件："; for (i = 0; i < 50000; i++) printf "题"; print ""; next } { print }' "$3" >"$2" ;;
    bom) { printf '\357\273\277'; cat "$3"; } >"$2" ;;
    crlf) sed 's/$/\r/' "$3" >"$2" ;;
    cr) tr '\n' '\r' <"$3" >"$2" ;; # old Mac editors: CR alone
    mixed) { head -n 4 "$3" | tr '\n' '\r'; tail -n +5 "$3"; } >"$2" ;; # four lines ending in CR, then LF
    bom-crlf) { printf '\357\273\277'; sed 's/$/\r/' "$3"; } >"$2" ;;
    tabs) # spaces between the words of items (not after the '-') become tabs
        sed '/^- /s/\([^ -]\) /\1\t/g' "$3" >"$2" ;;
    *) echo "bad: unknown input maker '$1'" >&2; return 1 ;;
    esac
}

# --- one case ----------------------------------------------------------------

# expect_key KEY FILE: the values of "KEY: value" lines, one a line.
expect_key() { sed -n "s/^$1: *//p" "$2"; }

# subst TEXT: the placeholders of a .expect file filled in.
subst() {
    printf '%s\n' "$1" | sed -e "s|@IN@|$IN|g" -e "s|@OUT@|$OUT|g" -e "s|@S@|$S|g" \
        -e "s|@NAME@|$NAME|g" -e "s|@BAD@|$BAD|g" -e "s|@ROOT@|$ROOT|g"
}

# The state of a folder: type, size and checksum of every entry.
snapshot() {
    (cd "$1" && find . -printf '%y %p\n' | sort | while read -r type path; do
        if [ "$type" = f ]; then printf 'f %s %s\n' "$path" "$(cksum <"$path")"; else printf '%s %s\n' "$type" "$path"; fi
    done)
}

problem() { problems="$problems
    $*"; }

# scores_file NAME: a copy of good.yaml in $S/scores, under NAME read with
# printf %b (so \0265 or \033 give bytes no text file should hold).
scores_file() {
    mkdir -p "$S/scores"
    cp "$BAD/good.yaml" "$S/scores/$(printf '%b' "$1")"
}

# setup NAME [ARGS]: prepares $OUT (or the environment) before the snapshot.
setup() {
    case $1 in
    "") ;;
    scores-files\ *) # the files named, each a copy of good.yaml
        for n in ${1#scores-files }; do scores_file "$n"; done ;;
    scores-fifo) mkdir -p "$S/scores" && mkfifo "$S/scores/pipe.yaml" ;;
    layout-copy) mkdir "$OUT/layouts" && cp layouts/leshan.yaml "$OUT/layouts/" ;;
    fontmap-copy) cp fonts/fontmap.yaml "$OUT/fontmap.yaml" ;;
    dotdot-rubric) cp "$BAD/good.md" "$S/...md" && mkdir "$OUT/out" ;;
    stdout-full) STDOUT=/dev/full ;;
    unwritable) # a folder nothing can be written into; root ignores modes, so a file stands in
        if [ "$ROOT_USER" -eq 1 ]; then : >"$OUT/out"; else mkdir "$OUT/out" && chmod 555 "$OUT/out"; fi ;;
    file) : >"$OUT/afile" ;;
    fifo) mkfifo "$OUT/pipe" ;;
    input-copy) cp "$BAD/good.md" "$OUT/input.md" && cp "$BAD/good.yaml" "$OUT/input.yaml" ;;
    scores-dir) mkdir "$S/scores" && cp "$IN" "$S/scores/$NAME.yaml" ;;
    skeleton) cp "$BAD/good.yaml" "$OUT/自评分.yaml" ;; # a unit's filled scores, where template would write
    fsize) ULIMIT_F=64 ;;
    tmpfs)
        if ! mount -t tmpfs -o size=64k tmpfs "$OUT" 2>/dev/null; then
            SKIP="cannot mount a 64 KB tmpfs here (needs root and mount rights)"; return
        fi
        MOUNTS="$MOUNTS $OUT"
        cp "$T/good.pdf" "$OUT/$NAME.pdf" ;;
    *) problem "unknown setup '$1'" ;;
    esac
}

run_case() { # DIR NAME
    DIR=$1 NAME=$2
    exp=$BAD/$DIR/$NAME.expect
    C=$T/$DIR-$NAME
    OUT=$C/out S=$C/scratch
    mkdir -p "$OUT" "$S" "$C/tmp"
    problems="" SKIP="" ULIMIT_F="" STDOUT=$C/stdout
    IN=""
    for ext in md yaml csv xlsx pdf; do [ -f "$BAD/$DIR/$NAME.$ext" ] && IN=$BAD/$DIR/$NAME.$ext; done
    twin=$(expect_key twin "$exp")
    from=$(expect_key from "$exp"); from=${from:-$twin}
    maker=$(expect_key make "$exp")
    if [ -n "$maker" ]; then
        ext=md
        case $maker:$from in deep-yaml:* | many-keys:* | long-unit:* | *.yaml) ext=yaml ;; form-*) ext=pdf ;; esac
        IN=$S/$NAME.$ext
        make_input "$maker" "$IN" "$from" || problem "cannot make the input"
    fi
    # A layout case is a rubric that names it.
    [ "$DIR" = layout ] && sed "s/^版式: .*/版式: $NAME/" "$BAD/good.md" >"$S/$NAME.md"
    case $DIR in
    rubric) default="build @IN@ -o @OUT@/@NAME@.pdf" ;;
    scores) default="score @BAD@/good.md @IN@ -o @OUT@/@NAME@.pdf" ;;
    layout) default="build --layouts @BAD@/layout @S@/@NAME@.md -o @OUT@/@NAME@.pdf" ;;
    fontmap) default="build --fontmap @IN@ @BAD@/good.md -o @OUT@/@NAME@.pdf" ;;
    table) default="batch @BAD@/good.md @IN@ -o @OUT@" ;;
    form) default="collect @BAD@/good.md @IN@ -o @OUT@" ;;
    *) default="" ;;
    esac
    args=$(expect_key run "$exp"); args=$(subst "${args:-$default}")
    want=$(expect_key exit "$exp")
    cwd=$(expect_key cwd "$exp"); cwd=$(subst "${cwd:-$ROOT}")
    env=$(expect_key env "$exp"); env=$(subst "$env")
    if [ -z "$args" ] || [ -z "$want" ]; then problem "$exp needs 'run:' (or a default) and 'exit:'"; fi
    cp "$T/good.pdf" "$OUT/$NAME.pdf"
    expect_key setup "$exp" >"$C/setups"
    while IFS= read -r step; do setup "$(subst "$step")"; done <"$C/setups"
    novg=$(expect_key valgrind "$exp")
    [ -z "${BAD_VALGRIND:-}" ] || [ -z "$novg" ] || SKIP="under valgrind: $novg"
    if [ -n "$SKIP" ]; then
        skipped=$((skipped + 1)); echo "bad: skipped $DIR/$NAME: $SKIP"; return
    fi
    snapshot "$OUT" >"$C/before"

    set -f # args and env are split into words on purpose, never globbed
    # shellcheck disable=SC2086
    (cd "$cwd" && { [ -z "$ULIMIT_F" ] || ulimit -f "$ULIMIT_F"; } &&
        exec env TMPDIR="$C/tmp" $env timeout "$TIMEOUT" "$GW" $args) >"$STDOUT" 2>"$C/stderr"
    got=$?
    set +f

    [ "$got" = "$want" ] || problem "exit status $got, wanted $want"
    [ "$got" != 124 ] || problem "did not finish in $TIMEOUT s"
    if grep -Eq '^==[0-9]+==|Sanitizer|runtime error' "$C/stderr"; then problem "memory or undefined-behaviour report"; fi
    expect_key stderr "$exp" >"$C/patterns"
    while IFS= read -r pat; do
        pat=$(subst "$pat")
        grep -Fq -- "$pat" "$C/stderr" || problem "no '$pat' in the messages"
    done <"$C/patterns"
    expect_key absent "$exp" >"$C/absent"
    while IFS= read -r pat; do
        grep -Fq -- "$pat" "$C/stderr" && problem "'$pat' should not be among the messages"
    done <"$C/absent"
    if [ "$want" = 2 ]; then
        head -n 1 "$C/stderr" | grep -q '^gongwen: ' || problem "a usage error starts 'gongwen: '"
    elif [ "$want" != 0 ]; then
        [ -s "$C/patterns" ] || problem "$exp names no expected message"
        # Every line a finding: FILE:LINE: error: …, FILE: error: … or gongwen: error: …
        if grep -Ev '^.+: (error|warning): .' "$C/stderr" >"$C/stray"; then problem "lines that are not findings: $(head -n 3 "$C/stray")"; fi
        grep -Eq ': (error|warning): ' "$C/stderr" || problem "no finding reported"
    fi
    snapshot "$OUT" >"$C/after"
    if [ "$want" = 0 ]; then
        # Accepted: the PDF replaced, and the same as the clean twin's.
        if cmp -s "$T/good.pdf" "$OUT/$NAME.pdf"; then problem "the PDF was not written"; fi
        if [ -n "$twin" ]; then
            mkdir "$C/twin"
            twin_args=$(printf '%s\n' "$args" | sed "s|$IN|$twin|; s|$OUT/|$C/twin/|")
            set -f
            # shellcheck disable=SC2086
            (exec env TMPDIR="$C/tmp" "$GW" $twin_args) >/dev/null 2>&1 || problem "the twin $twin does not build"
            set +f
            cmp -s "$OUT/$NAME.pdf" "$C/twin/$NAME.pdf" || problem "the PDF differs from the one of $twin"
        fi
    elif ! cmp -s "$C/before" "$C/after"; then
        problem "the output folder changed:$(diff "$C/before" "$C/after" | grep '^[<>]' | tr '\n' ' ')"
    fi
    leftovers=$(ls -A "$C/tmp")
    [ -z "$leftovers" ] || problem "temporary files left in TMPDIR: $leftovers"

    case " $MOUNTS " in *" $OUT "*) umount "$OUT"; MOUNTS=$(printf '%s\n' "$MOUNTS" | sed "s| $OUT||") ;; esac
    if [ -z "$problems" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "bad: FAIL: $DIR/$NAME ($(subst "$args")):$problems"
        sed 's/^/    | /' "$C/stderr" | head -n 12
    fi
}

for dir in rubric scores layout fontmap table form cli output big accepted; do
    for exp in "$BAD/$dir"/*.expect; do
        [ -f "$exp" ] || continue
        name=$(basename "$exp" .expect)
        # shellcheck disable=SC2254 # PATTERN is a pattern
        case $dir/$name in $PATTERN) run_case "$dir" "$name" ;; esac
    done
done

[ "$skipped" -eq 0 ] || echo "bad: $skipped skipped (see above)"
echo "bad: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
