#!/bin/sh
# SPDX-License-Identifier: MIT
# Interrupted runs (src/fileio.h): a batch ended by SIGTERM, SIGINT or SIGHUP
# while one of its temporary files exists leaves none behind, and every file
# it leaves is whole; one killed by SIGKILL leaves its temporary file, and
# the next run into that folder removes it, but never the temporary files of
# runs still going or of another machine.
#
# usage: tests/signals.sh path/to/gongwen
#
# The moment is caught, not guessed: the batch is stopped (SIGSTOP) again and
# again until a temporary file stands in its output folder, and the signal is
# sent while it is stopped.
set -u
export LC_ALL=C.UTF-8 # messages in English, as the tests compare them
unset LANGUAGE    # gettext follows it even under C.UTF-8
export SOURCE_DATE_EPOCH=1342051200
case $1 in /*) GW=$1 ;; *) GW=$(pwd)/$1 ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0

ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "signals: FAIL: $*"; }

UNITS=300
mkdir "$T/units" "$T/one"
i=1
while [ "$i" -le "$UNITS" ]; do
    sed "s/^单位: .*/单位: 单位$i/" examples/leshan-2012/yizhong.yaml >"$T/units/u$i.yaml"
    i=$((i + 1))
done
cp examples/leshan-2012/yizhong.yaml "$T/one/"

# Entries of a folder that are not finished outputs: temporary files.
temporaries() { find "$1" -mindepth 1 ! -name '*.pdf' ! -name '*.csv'; }

# interrupt SIGNAL OUT [OPTION...]: starts a batch with the options into OUT (with the signal's default
# action, which a shell takes away from background jobs), stops it while a
# temporary file exists, sends SIGNAL, lets it go on and waits.  $status:
# its exit status; "" if no temporary file was ever caught.
interrupt() {
    sig=$1 out=$2
    shift 2
    rm -rf "$out"
    perl -e '$SIG{$_} = "DEFAULT" for qw(HUP INT QUIT TERM); exec @ARGV or die "exec: $!\n"' \
        "$GW" batch "$@" rubrics/leshan-2012.md "$T/units" -o "$out" >/dev/null 2>"$T/err" &
    pid=$!
    status="" caught=""
    while kill -STOP "$pid" 2>/dev/null; do
        if [ -d "$out" ] && [ -n "$(temporaries "$out")" ]; then caught=1; break; fi
        kill -CONT "$pid"
    done
    if [ -n "$caught" ]; then
        kill -"$sig" "$pid"
        kill -CONT "$pid"
    fi
    wait "$pid" 2>/dev/null
    s=$?
    [ -z "$caught" ] || status=$s
}

# Every PDF in a folder ends as a PDF does, and the newest passes qpdf.
whole() {
    for f in "$1"/*.pdf; do
        [ -e "$f" ] || continue
        tail -c 7 "$f" | grep -q '%%EOF' || { echo "$f is cut short"; return 1; }
    done
    newest=$(ls -t "$1"/*.pdf 2>/dev/null | head -n 1)
    [ -z "$newest" ] || qpdf --check "$newest" >/dev/null 2>&1 || { echo "$newest: qpdf --check fails"; return 1; }
}

# In one process, and with -j 2, where the signal, sent to the first process
# only, is passed on to the workers, which finish the file they are writing.
for j in 1 2; do
    for sg in TERM INT HUP; do
        interrupt "$sg" "$T/out-$sg-$j" -j $j
        case $sg in TERM) want=143 ;; INT) want=130 ;; HUP) want=129 ;; esac
        if [ -z "$status" ]; then bad "SIG$sg, -j $j: the batch ended before a temporary file was caught"; continue; fi
        if [ "$status" = "$want" ]; then ok; else bad "SIG$sg, -j $j: exit status $status, wanted $want"; cat "$T/err"; fi
        left=$(temporaries "$T/out-$sg-$j")
        if [ -z "$left" ]; then ok; else bad "SIG$sg, -j $j left temporary files: $left"; fi
        if whole "$T/out-$sg-$j" >"$T/why"; then ok; else bad "SIG$sg, -j $j: $(cat "$T/why")"; fi
    done
done

# SIGKILL cannot be caught: its temporary file stays, named after its pid.
# (In one process: SIGSTOP stops the first process only, and the moment a
# worker's temporary file stands cannot be held.)
OUT=$T/out-KILL
interrupt KILL "$OUT" -j 1
if [ "$status" = 137 ]; then ok; else bad "SIGKILL: exit status '$status', wanted 137"; fi
killed=$(temporaries "$OUT")
if [ -n "$killed" ]; then ok; else bad "SIGKILL: no temporary file to clean up (the test caught none)"; fi
# Beside it: the temporary file of a run still going (this shell's pid, on
# this host), and one of a finished run on another machine sharing the folder.
dead=$(sh -c 'echo $$')
live=$OUT/.gongwen-$$-$(hostname).abcdef
other=$OUT/.gongwen-$dead-another-host.abcdef
: >"$live"
: >"$other"
"$GW" batch rubrics/leshan-2012.md "$T/one" -o "$OUT" >/dev/null 2>"$T/err" || { bad "the run after SIGKILL failed"; cat "$T/err"; }
for f in $killed; do
    if [ -e "$f" ]; then bad "the next run did not remove $(basename "$f"), left by the killed one"; else ok; fi
done
if [ -e "$live" ]; then ok; else bad "the next run removed the temporary file of a run still going"; fi
if [ -e "$other" ]; then ok; else bad "the next run removed another machine's temporary file"; fi
if whole "$OUT" >"$T/why"; then ok; else bad "after SIGKILL: $(cat "$T/why")"; fi

echo "signals: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
