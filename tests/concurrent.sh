#!/bin/sh
# SPDX-License-Identifier: MIT
# Concurrent runs writing into the same output folder: every PDF complete,
# no temporary file left behind, and every file byte-identical to what one
# of the runs that wrote it gives alone.
#
# usage: tests/concurrent.sh path/to/gongwen
#
# Each round starts, at the same moment, scored documents of all three sample
# units under their own names and under one shared name, and two batches of
# the whole sample folder, all into one folder; the batches write the same
# names as the single documents.  Then build and score runs without -o start
# together in a folder that has no out/ yet.
set -u
export LC_ALL=C.UTF-8
# Fixed dates: the same inputs then give the same bytes, run after run.
export SOURCE_DATE_EPOCH=1342051200
case $1 in /*) GW=$1 ;; *) GW=$(pwd)/$1 ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. tests/fontconfig.sh
debian_fonts_only "$T"
# Nothing a run does may be left in TMPDIR when the runs are done.
mkdir "$T/tmp"
export TMPDIR="$T/tmp"
RUBRIC=rubrics/leshan-2012.md
UNITS="yizhong shizhongqu shidayuan"
ROUNDS=${ROUNDS:-3}
pass=0 fail=0

ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "concurrent: FAIL: $*"; }

# --- what each run gives alone ---------------------------------------------
mkdir "$T/alone" "$T/again"
for u in $UNITS; do
    "$GW" score "$RUBRIC" "examples/leshan-2012/$u.yaml" -o "$T/alone/$u.pdf" >/dev/null 2>&1 ||
        bad "score $u alone failed"
    "$GW" score "$RUBRIC" "examples/leshan-2012/$u.yaml" -o "$T/again/$u.pdf" >/dev/null 2>&1
    # The comparisons below mean something only if a run's bytes are its own.
    if cmp -s "$T/alone/$u.pdf" "$T/again/$u.pdf"; then ok; else bad "$u: two runs alone differ"; fi
done
"$GW" batch "$RUBRIC" examples/leshan-2012 -o "$T/batch" >/dev/null 2>&1 || bad "batch alone failed"
"$GW" build "$RUBRIC" -o "$T/alone/leshan-2012.pdf" >/dev/null 2>&1 || bad "build alone failed"

# valid NAME: the files that NAME may hold when the runs are done.
valid() {
    case $1 in
    same.pdf) for u in $UNITS; do echo "$T/alone/$u.pdf"; done ;;
    汇总表.csv | 汇总表.pdf) echo "$T/batch/$1" ;;
    *.pdf) echo "$T/alone/$1"; echo "$T/batch/$1" ;;
    esac
}

# --- all at once ---------------------------------------------------------------
# job NAME CMD...: waits for the start signal, then runs CMD; its exit status
# goes to $T/status/NAME.
job() {
    name=$1; shift
    (
        while [ ! -e "$T/go" ]; do sleep 0.01; done
        "$@" >"$T/log/$name" 2>&1
        echo $? >"$T/status/$name"
    ) &
}

# Lets every waiting job go at once, waits for all, and checks each exited 0.
release_jobs() {
    sleep 0.2
    : >"$T/go"
    wait
    for s in "$T"/status/*; do
        n=$(basename "$s")
        if [ "$(cat "$s")" = 0 ]; then ok; else bad "$n exited $(cat "$s")"; cat "$T/log/$n"; fi
    done
}

OUT=$T/out
mkdir "$OUT" "$T/log" "$T/status"
round=1
while [ "$round" -le "$ROUNDS" ]; do
    rm -f "$T/go" "$T"/status/*
    njobs=0
    for u in $UNITS; do
        job "r$round-$u" "$GW" score "$RUBRIC" "examples/leshan-2012/$u.yaml" -o "$OUT/$u.pdf"
        job "r$round-same-$u" "$GW" score "$RUBRIC" "examples/leshan-2012/$u.yaml" -o "$OUT/same.pdf"
        njobs=$((njobs + 2))
    done
    job "r$round-batch1" "$GW" batch "$RUBRIC" examples/leshan-2012 -o "$OUT"
    job "r$round-batch2" "$GW" batch "$RUBRIC" examples/leshan-2012 -o "$OUT"
    njobs=$((njobs + 2))
    release_jobs
    done_jobs=$(ls "$T/status" | wc -l)
    if [ "$done_jobs" -eq "$njobs" ]; then ok; else bad "round $round: $done_jobs of $njobs runs reported"; fi
    round=$((round + 1))
done

# --- the default folder, made by whichever run comes first ------------------
# Without -o, build and score write out/NAME.pdf under the current folder and
# make out/ when it is missing: runs started together in a folder without one.
mkdir "$T/fresh"
rm -f "$T/go" "$T"/status/*
ROOT=$(pwd)
for u in $UNITS; do
    job "fresh-$u" sh -c 'cd "$1" && shift && exec "$@"' _ "$T/fresh" \
        "$GW" score "$ROOT/$RUBRIC" "$ROOT/examples/leshan-2012/$u.yaml"
done
job "fresh-build" sh -c 'cd "$1" && shift && exec "$@"' _ "$T/fresh" "$GW" build "$ROOT/$RUBRIC"
release_jobs
for u in $UNITS leshan-2012; do
    if cmp -s "$T/fresh/out/$u.pdf" "$T/alone/$u.pdf"; then ok; else bad "out/$u.pdf (default folder) differs from a single run's"; fi
done

# --- what is left --------------------------------------------------------------
expected="same.pdf 汇总表.csv 汇总表.pdf"
for u in $UNITS; do expected="$expected $u.pdf"; done
for f in "$OUT"/* "$OUT"/.[!.]*; do
    [ -e "$f" ] || continue
    n=$(basename "$f")
    case " $expected " in
    *" $n "*) ok ;;
    *) bad "left behind in the output folder: $n" ;;
    esac
done
for n in $expected; do
    f=$OUT/$n
    if [ ! -f "$f" ]; then bad "$n was not written"; continue; fi
    case $n in
    *.pdf) if qpdf --check "$f" >"$T/qpdf" 2>&1; then ok; else bad "$n: qpdf --check"; cat "$T/qpdf"; fi ;;
    esac
    match=""
    for v in $(valid "$n"); do
        if cmp -s "$f" "$v"; then match=$v; break; fi
    done
    if [ -n "$match" ]; then ok; else bad "$n is none of the files a single run writes"; fi
done
left=$(ls -A "$TMPDIR")
if [ -z "$left" ]; then ok; else bad "temporary files left in TMPDIR: $left"; fi

echo "concurrent: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
