#!/bin/bash
# SPDX-License-Identifier: MIT
# The benchmark behind `make bench`: gongwen on the Leshan 2012 document,
# alone and as a batch of scored units (on one core, then over all cores),
# against XeLaTeX + ctex where it is installed and Typst (the npm package in
# bench/node/, installed here when missing and the registry answers), one
# document and the same batch in one process; the instructions of a build
# and of each further unit of a batch, counted by callgrind, and where they
# go when a target is missed; the growth of time and memory with the size of
# a rubric.  Prints its tables and writes them to bench/RESULTS.md.
#
#   bash bench/run.sh path/to/gongwen
#
# Knobs (environment): RUNS (runs of each single document, default 11),
# PEER_RUNS (5), UNITS (scored units in the batch, 1000), BATCH_RUNS (3),
# CPU (the core the batch is pinned to, 0), JOBS (for `batch -j`, the number
# of cores), TYPST=0 (no Typst), CALLGRIND=0 (no instruction counts),
# CALLGRIND_UNITS (the larger batch counted, 21), RESULTS (output file).
#
# Times are medians over runs after one warm-up run (the page cache warm, a
# new process every run: what a user who runs the command again sees), both
# wall-clock and CPU (user + system); the targets are judged on CPU time,
# which other work on the machine inflates far less than it does the wall
# clock.  Peak RSS is GNU time's maximum resident set size.
set -euo pipefail
export LC_ALL=C.UTF-8

die() { echo "bench: $*" >&2; exit 1; }
[ $# -eq 1 ] || die "usage: bench/run.sh path/to/gongwen"
gw=$(readlink -f "$1")
[ -x "$gw" ] || die "$1: no such program"
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

runs=${RUNS:-11}
peer_runs=${PEER_RUNS:-5}
units=${UNITS:-1000}
batch_runs=${BATCH_RUNS:-3}
cpu=${CPU:-0}
cg_units=${CALLGRIND_UNITS:-21}
results=${RESULTS:-$root/bench/RESULTS.md}
rubric=rubrics/leshan-2012.md
layouts=(--layouts "$root/layouts" --fontmap "$root/fonts/fontmap.yaml")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongwen-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
report=$tmp/report.md
: >"$report"

# Everything printed goes to the terminal and into the report.
say() { printf '%s\n' "$*" | tee -a "$report"; }

if [ ! -x /usr/bin/time ]; then
    [ "$(id -u)" -eq 0 ] || die "GNU time is missing: sudo apt-get install time"
    echo "bench: installing GNU time (Debian package time)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

# ---- measuring ---------------------------------------------------------

# run_once LABEL CMD...: one run; appends "wall_ms cpu_ms rss_kb" to
# $tmp/LABEL.runs.  bash's time gives wall and CPU time to the millisecond
# (GNU time only to 10 ms); GNU time, inside it, gives the peak RSS.
run_once() {
    local label=$1; shift
    local TIMEFORMAT='%3R %3U %3S'
    if ! { time /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >"$tmp/out" 2>"$tmp/err"; } 2>"$tmp/time"; then
        cat "$tmp/err" >&2
        die "$label failed: $*"
    fi
    printf '%s %s\n' "$(awk '{ printf "%.0f %.0f", $1 * 1000, ($2 + $3) * 1000 }' "$tmp/time")" \
        "$(tail -n 1 "$tmp/rss")" >>"$tmp/$label.runs"
}

# measure LABEL N CMD...: a warm-up run, then N measured runs.
measure() {
    local label=$1 n=$2; shift 2
    run_once warmup "$@"
    : >"$tmp/$label.runs"
    for _ in $(seq "$n"); do run_once "$label" "$@"; done
}

# median | minimum | maximum LABEL FIELD: of a column of $tmp/LABEL.runs
# (1 wall ms, 2 CPU ms, 3 rss KB).
median() { cut -d' ' -f"$2" "$tmp/$1.runs" | sort -g | awk '{ v[NR] = $1 } END {
    print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { cut -d' ' -f"$2" "$tmp/$1.runs" | sort -g | head -1; }
maximum() { cut -d' ' -f"$2" "$tmp/$1.runs" | sort -g | tail -1; }

size_of() { stat -c %s "$1"; }
fmt() { awk -v v="$1" -v f="$2" 'BEGIN { printf f, v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else printf "–" }'; }
kb() { awk -v b="$1" 'BEGIN { printf "%.0f KB", b / 1024 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
secs() { awk -v t="$1" 'BEGIN { printf "%.2f s", t / 1000 }'; }
per() { awk -v t="$1" -v n="$2" 'BEGIN { printf "%.1f ms", t / n }'; }
mi() { awk -v n="$1" 'BEGIN { printf "%.1f M", n / 1e6 }'; }

# ---- the machine --------------------------------------------------------

cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
ncpu=$(nproc)
gw_version=$("$gw" --version 2>&1 | head -1)
# A batch in one process, where batch -j would spread it over the cores: the
# pinned batch, the parts split by hand and the instruction counts (callgrind
# follows no child) are each one process.
one_proc=()
if "$gw" batch --help 2>&1 | grep -Eq -- '(^|[[:space:],])-j([[:space:],=]|$)'; then one_proc=(-j 1); fi
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain -- src 2>/dev/null)" ]; then rev="$rev with uncommitted changes in src/"; fi
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "?"; }

say "# Benchmark results"
say ""
say "Written by \`make bench\` (bench/run.sh); do not edit by hand."
say ""
say "| | |"
say "|---|---|"
say "| date | $(date -u '+%Y-%m-%d %H:%M UTC') |"
say "| machine | $cpu_model, $ncpu cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM; Linux $(uname -r); Debian $(cat /etc/debian_version 2>/dev/null || echo ?) |"
# How busy the cores are without us: a second of /proc/stat.
cpu_busy() {
    local a b
    a=$(head -1 /proc/stat); sleep 1; b=$(head -1 /proc/stat)
    printf '%s\n%s\n' "$a" "$b" | awk '{ busy[NR] = $2 + $3 + $4 + $7 + $8 + $9; all[NR] = busy[NR] + $5 + $6 }
        END { printf "%.0f", 100 * (busy[2] - busy[1]) / (all[2] - all[1]) }'
}
busy=$(cpu_busy)
say "| CPU busy with other work at start | $busy % of all cores (load average $(cut -d' ' -f1-3 /proc/loadavg)) |"
say "| gongwen | $gw_version (git $rev), $(cc --version | head -1); libharu $(pkgver libhpdf-dev), HarfBuzz $(pkgver libharfbuzz-dev), FreeType $(pkgver libfreetype-dev), zlib $(pkgver zlib1g) |"

have_xelatex=0
if command -v xelatex >/dev/null && kpsewhich ctexart.cls >/dev/null 2>&1; then
    have_xelatex=1
    say "| XeLaTeX | $(xelatex --version | head -1); ctex $(sed -n 's/.*{\\ExplFileDate}{\([^}]*\)}.*/\1/p' "$(kpsewhich ctexart.cls)" | head -1) (texlive-lang-chinese $(pkgver texlive-lang-chinese)) |"
else
    say "| XeLaTeX | not installed (Debian: texlive-xetex texlive-lang-chinese) |"
fi
# Typst is not packaged in Debian 12: the npm package's compiler, in Node.js,
# installed from bench/node/package-lock.json on first use.
have_typst=0
typst_version() { node bench/typst.mjs version 2>"$tmp/typst.err"; }
if [ "${TYPST:-1}" = 0 ]; then
    say "| Typst | not measured (TYPST=0) |"
elif ! command -v node >/dev/null; then
    say "| Typst | not measured: no Node.js (Debian: nodejs npm) |"
elif typst_ver=$(typst_version); then
    have_typst=1
elif ! command -v npm >/dev/null; then
    say "| Typst | not measured: no npm to install it with (Debian: npm) |"
else
    echo "bench: installing Typst from the npm registry into bench/node (npm ci)" >&2
    if (cd bench/node && timeout 300 npm ci --no-audit --no-fund --fetch-retries=1 --loglevel=error) >"$tmp/npm.log" 2>&1 &&
        typst_ver=$(typst_version); then
        have_typst=1
    else
        head -n 5 "$tmp/npm.log" >&2
        say "| Typst | not measured: \`npm ci\` in bench/node failed (is the npm registry reachable?) |"
    fi
fi
[ $have_typst -eq 0 ] || say "| Typst | $typst_ver |"
have_cg=0
if [ "${CALLGRIND:-1}" != 0 ] && command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null; then
    have_cg=1
    say "| callgrind | $(valgrind --version) |"
fi
# Where the warning goes if the machine is busy at the start or at the end.
echo "@@busy@@" >>"$report"
say ""
say "Times are medians of $runs runs ($peer_runs for the peers), each a new process, after one"
say "warm-up run: wall-clock time, and CPU time (user + system), which other work on"
say "the machine inflates far less.  Peak RSS is the largest maximum resident set"
say "of those runs (GNU time)."

# ---- one document ---------------------------------------------------------

echo "bench: single document, gongwen ($runs runs)" >&2
measure gw "$runs" "$gw" build "$rubric" -o "$tmp/leshan.pdf"
gw_ms=$(median gw 1); gw_cpu=$(median gw 2); gw_rss=$(maximum gw 3); gw_size=$(size_of "$tmp/leshan.pdf")

if [ $have_xelatex -eq 1 ]; then
    echo "bench: single document, XeLaTeX + ctex ($peer_runs runs)" >&2
    mkdir -p "$tmp/tex"
    measure tex "$peer_runs" xelatex -interaction=batchmode -halt-on-error -output-directory="$tmp/tex" bench/leshan.tex
    tex_ms=$(median tex 1); tex_cpu=$(median tex 2); tex_rss=$(maximum tex 3); tex_size=$(size_of "$tmp/tex/leshan.pdf")
fi
if [ $have_typst -eq 1 ]; then
    echo "bench: single document, Typst ($peer_runs runs)" >&2
    measure typ "$peer_runs" node bench/typst.mjs compile bench/leshan.typ "$tmp/leshan-typst.pdf"
    typ_ms=$(median typ 1); typ_cpu=$(median typ 2); typ_rss=$(maximum typ 3); typ_size=$(size_of "$tmp/leshan-typst.pdf")
    typ_inside=$(cat "$tmp/out")
fi

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
say ""
say "## One document: the Leshan 2012 notice and its rubric"
say ""
say "| program | wall (median) | wall, min – max | CPU (median) | peak RSS | PDF | pages |"
say "|---|---:|---:|---:|---:|---:|---:|"
say "| gongwen build | $gw_ms ms | $(minimum gw 1) – $(maximum gw 1) ms | $gw_cpu ms | $(mb "$gw_rss") | $(kb "$gw_size") | $(pages "$tmp/leshan.pdf") |"
if [ $have_xelatex -eq 1 ]; then
    say "| xelatex + ctex | $tex_ms ms | $(minimum tex 1) – $(maximum tex 1) ms | $tex_cpu ms | $(mb "$tex_rss") | $(kb "$tex_size") | $(pages "$tmp/tex/leshan.pdf") |"
else
    say "| xelatex + ctex | not installed | | | | | |"
fi
if [ $have_typst -eq 1 ]; then
    say "| Typst, a new Node.js process | $typ_ms ms | $(minimum typ 1) – $(maximum typ 1) ms | $typ_cpu ms | $(mb "$typ_rss") | $(kb "$typ_size") | $(pages "$tmp/leshan-typst.pdf") |"
else
    say "| Typst | not measured | | | | | |"
fi
if [ $have_xelatex -eq 1 ] || [ $have_typst -eq 1 ]; then
    say ""
    say "Each peer's figures as multiples of gongwen's:"
    say ""
    say "| peer | wall time | CPU time | peak RSS | PDF size |"
    say "|---|---:|---:|---:|---:|"
    [ $have_xelatex -eq 1 ] && say "| xelatex + ctex | $(ratio "$tex_ms" "$gw_ms") | $(ratio "$tex_cpu" "$gw_cpu") | $(ratio "$tex_rss" "$gw_rss") | $(ratio "$tex_size" "$gw_size") |"
    [ $have_typst -eq 1 ] && say "| Typst, a new Node.js process | $(ratio "$typ_ms" "$gw_ms") | $(ratio "$typ_cpu" "$gw_cpu") | $(ratio "$typ_rss" "$gw_rss") | $(ratio "$typ_size" "$gw_size") |"
fi
if [ $have_typst -eq 1 ]; then
    say ""
    say "\`node bench/typst.mjs compile bench/leshan.typ\` is Node.js, the compiler from npm"
    say "looking for fonts under /usr/share/fonts, one compilation and its PDF; inside the"
    say "process (the last run): $typ_inside.  The compiler works on more than one"
    say "thread, so its CPU time can exceed its wall time."
fi

# ---- a batch of scored units --------------------------------------------------

# UNITS scores files, each a copy of one of the sample units' files under a
# unit name of its own, so that every PDF and every summary row differs.
mkdir -p "$tmp/scores"
awk -v n="$units" -v dir="$tmp/scores" '
    FNR == 1 { nb++ }
    { line[nb, FNR] = $0; len[nb] = FNR }
    END {
        for (i = 0; i < n; i++) {
            b = i % nb + 1
            f = sprintf("%s/unit%04d.yaml", dir, i)
            for (j = 1; j <= len[b]; j++) {
                l = line[b, j]
                if (l ~ /^单位:/)
                    l = sprintf("单位: 测试单位%04d", i)
                print l > f
            }
            close(f)
        }
    }' examples/leshan-2012/*.yaml

echo "bench: batch of $units scored units pinned to CPU $cpu ($batch_runs runs)" >&2
: >"$tmp/batch.runs"
for _ in $(seq "$batch_runs"); do
    rm -rf "$tmp/batch"
    run_once batch taskset -c "$cpu" "$gw" batch "${one_proc[@]}" "$rubric" "$tmp/scores" -o "$tmp/batch"
done
batch_ms=$(median batch 1); batch_cpu=$(median batch 2); batch_rss=$(maximum batch 3)
npdf=$(find "$tmp/batch" -name 'unit*.pdf' | wc -l)
[ "$npdf" -eq "$units" ] || die "the batch wrote $npdf PDFs for $units units"
batch_bytes=$(find "$tmp/batch" -name 'unit*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s }')

# The same units over every core: the folder split into one part per core
# (symbolic links), one batch per part, all at once (docs/batches.md).
if [ "$ncpu" -gt 1 ]; then
    echo "bench: the batch over $ncpu cores ($batch_runs runs)" >&2
    i=0
    for f in "$tmp"/scores/*.yaml; do
        mkdir -p "$tmp/parts/$((i % ncpu))"
        ln -s "$f" "$tmp/parts/$((i % ncpu))/"
        i=$((i + 1))
    done
    # par_once: every part's batch started together; appends the wall ms.
    par_once() {
        local TIMEFORMAT='%3R' p
        rm -rf "$tmp/par" "$tmp/par-failed"
        mkdir "$tmp/par"
        { time (
            for p in "$tmp"/parts/*; do
                "$gw" batch "${one_proc[@]}" "$rubric" "$p" -o "$tmp/par/${p##*/}" >/dev/null 2>&1 || echo "$p failed" >"$tmp/par-failed" &
            done
            wait
        ); } 2>"$tmp/time"
        [ ! -e "$tmp/par-failed" ] || die "a batch of a part failed"
        awk '{ printf "%.0f 0 0\n", $1 * 1000 }' "$tmp/time" >>"$tmp/par.runs"
    }
    : >"$tmp/par.runs"
    for _ in $(seq "$batch_runs"); do par_once; done
    par_ms=$(median par 1)
    npar=$(find "$tmp/par" -name 'unit*.pdf' | wc -l)
    [ "$npar" -eq "$units" ] || die "the batches of the parts wrote $npar PDFs for $units units"
fi

# The same units with `batch -j`, where this build has it.
jobs=${JOBS:-$ncpu}
have_jobs=0
if "$gw" batch --help 2>&1 | grep -Eq -- '(^|[[:space:],])-j([[:space:],=]|$)'; then
    have_jobs=1
    echo "bench: batch -j $jobs ($batch_runs runs)" >&2
    : >"$tmp/jobs.runs"
    for _ in $(seq "$batch_runs"); do
        rm -rf "$tmp/jobs"
        run_once jobs "$gw" batch -j "$jobs" "$rubric" "$tmp/scores" -o "$tmp/jobs"
    done
    jobs_ms=$(median jobs 1); jobs_cpu=$(median jobs 2)
    njobs=$(find "$tmp/jobs" -name 'unit*.pdf' | wc -l)
    [ "$njobs" -eq "$units" ] || die "batch -j $jobs wrote $njobs PDFs for $units units"
fi

# The same scores files in Typst: one process, one warm compiler, pinned to
# the same core.
if [ $have_typst -eq 1 ]; then
    echo "bench: the batch in Typst, one process pinned to CPU $cpu ($batch_runs runs)" >&2
    : >"$tmp/tbatch.runs"
    for _ in $(seq "$batch_runs"); do
        rm -rf "$tmp/tbatch"
        run_once tbatch taskset -c "$cpu" node bench/typst.mjs batch bench/leshan.typ "$tmp/scores" "$tmp/tbatch"
    done
    tb_inside=$(cat "$tmp/out")
    tb_ms=$(median tbatch 1); tb_cpu=$(median tbatch 2); tb_rss=$(maximum tbatch 3)
    ntpdf=$(find "$tmp/tbatch" -name 'unit*.pdf' | wc -l)
    [ "$ntpdf" -eq "$units" ] || die "Typst's batch wrote $ntpdf PDFs for $units units"
    tb_bytes=$(find "$tmp/tbatch" -name 'unit*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s }')
fi

say ""
say "## A batch: $units scored units, one process, pinned to one core"
say ""
say "\`taskset -c $cpu gongwen batch $rubric DIR\`, DIR holding $units scores files made from"
say "examples/leshan-2012/*.yaml (each under a unit name of its own)."
say ""
say "| | median of $batch_runs |"
say "|---|---:|"
say "| wall time | $(secs "$batch_ms") |"
say "| CPU time (user + system) | $(secs "$batch_cpu") |"
say "| CPU time per unit | $(per "$batch_cpu" "$units") |"
say "| peak RSS | $(mb "$batch_rss") |"
say "| PDFs | $npdf, $(awk -v s="$batch_bytes" -v n="$npdf" 'BEGIN { printf "%.0f KB each on average", s / n / 1024 }'), plus 汇总表.pdf and .csv |"
say ""
say "The wall time above the CPU time is waiting: for the disk, as every PDF is"
say "synced before it is renamed into place (src/fileio.c), and, on a busy machine,"
say "for the core."
if [ "$ncpu" -gt 1 ]; then
    say ""
    say "Over all $ncpu cores (the folder split into $ncpu parts, one batch each, run"
    say "together; docs/batches.md): $(secs "$par_ms") wall, median of $batch_runs, $(ratio "$batch_ms" "$par_ms") as fast as one core."
fi
say ""
if [ $have_jobs -eq 1 ]; then
    say "\`gongwen batch -j $jobs\`, the same folder: $(secs "$jobs_ms") wall and $(secs "$jobs_cpu") of CPU, median of"
    say "$batch_runs, $(ratio "$batch_ms" "$jobs_ms") as fast as one core."
else
    say "\`gongwen batch -j\`: not supported by this build (\`gongwen batch --help\` names no -j)."
fi

if [ $have_typst -eq 1 ]; then
    say ""
    say "## The same batch in Typst: one process, one warm compiler"
    say ""
    say "\`taskset -c $cpu node bench/typst.mjs batch bench/leshan.typ DIR OUTDIR\`: the same $units"
    say "scores files, each given to bench/leshan.typ as sys.inputs (the unit, 填表人, date,"
    say "scores; the .typ totals them), compiled in one Node.js process by one"
    say "compiler, which keeps what it laid out before; each PDF written and synced, as"
    say "gongwen's are.  No 汇总表.  Inside the process (the last run): $tb_inside."
    say ""
    say "| median of $batch_runs | gongwen batch | Typst, one process | Typst as a multiple of gongwen |"
    say "|---|---:|---:|---:|"
    say "| wall time | $(secs "$batch_ms") | $(secs "$tb_ms") | $(ratio "$tb_ms" "$batch_ms") |"
    say "| CPU time | $(secs "$batch_cpu") | $(secs "$tb_cpu") | $(ratio "$tb_cpu" "$batch_cpu") |"
    say "| wall time per unit | $(per "$batch_ms" "$units") | $(per "$tb_ms" "$units") | |"
    say "| CPU time per unit | $(per "$batch_cpu" "$units") | $(per "$tb_cpu" "$units") | |"
    say "| peak RSS | $(mb "$batch_rss") | $(mb "$tb_rss") | $(ratio "$tb_rss" "$batch_rss") |"
    say "| PDF, on average | $(kb $((batch_bytes / npdf))) | $(kb $((tb_bytes / ntpdf))) | $(ratio $((tb_bytes / ntpdf)) $((batch_bytes / npdf))) |"
fi

# ---- growth with the size of a rubric ------------------------------------------

echo "bench: growth, 1×, 10×, 100× the items ($runs runs each)" >&2
say ""
say "## Growth: the Leshan rubric at 1×, 10× and 100× its items"
say ""
say "bench/scale.awk writes every item K times (the same text, renumbered; the"
say "points scaled so the rubric still adds up).  \`gongwen build\` on each:"
say ""
say "| size | items | pages | wall | CPU | peak RSS | PDF | CPU per item | RSS per item |"
say "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
prev=""
for k in 1 10 100; do
    awk -v k="$k" -f bench/scale.awk "$rubric" >"$tmp/leshan-x$k.md"
    measure "x$k" "$runs" "$gw" build "${layouts[@]}" "$tmp/leshan-x$k.md" -o "$tmp/x$k.pdf"
    items=$((29 * k))
    w=$(median "x$k" 1); t=$(median "x$k" 2); r=$(maximum "x$k" 3)
    printf '%s %s %s\n' "$items" "$t" "$r" >>"$tmp/growth"
    say "| ${k}× | $items | $(pages "$tmp/x$k.pdf") | $w ms | $t ms | $(mb "$r") | $(kb "$(size_of "$tmp/x$k.pdf")") | $(awk -v t="$t" -v n="$items" 'BEGIN { printf "%.0f µs", t * 1000 / n }') | $(awk -v r="$r" -v n="$items" 'BEGIN { printf "%.2f KB", r / n }') |"
done
# Linear means each added item costs the same, whatever the size: the cost of
# the items added from 10× to 100× against those added from 1× to 10×.
read -r lin_text lin_ok < <(awk '
    { n[NR] = $1; t[NR] = $2; r[NR] = $3 }
    END {
        a = (t[2] - t[1]) / (n[2] - n[1]); b = (t[3] - t[2]) / (n[3] - n[2])
        ra = (r[2] - r[1]) / (n[2] - n[1]); rb = (r[3] - r[2]) / (n[3] - n[2])
        ok = b <= 2 * a && rb <= 2 * (ra > 0 ? ra : rb)
        printf "%.0fµs→%.0fµs_and_%.2fKB→%.2fKB %d\n", a * 1000, b * 1000, ra, rb, ok
    }' "$tmp/growth")
lin_text=${lin_text//_/ }
say ""
say "Each item added costs (CPU, RSS), from 1× to 10× and then from 10× to 100×: $lin_text"
if [ "$lin_ok" -eq 1 ]; then
    say "per item: the added cost does not grow with the size, so time and memory grow linearly."
else
    say "per item: **the added cost grows with the size: not linear.**"
fi

end_busy=$(cpu_busy)

# ---- instructions --------------------------------------------------------------

# cg NAME CMD...: CMD under callgrind, every instruction from the first (the
# dynamic loader's too); its listings by inclusive and by self cost to
# $tmp/NAME.incl and .self; prints the instructions executed.
cg() {
    local name=$1; shift
    valgrind --tool=callgrind --collect-atstart=yes --callgrind-out-file="$tmp/$name.cg" "$@" \
        >/dev/null 2>"$tmp/$name.log" || { cat "$tmp/$name.log" >&2; die "callgrind: $* failed"; }
    callgrind_annotate --inclusive=yes --threshold=100 --auto=no "$tmp/$name.cg" >"$tmp/$name.incl" 2>/dev/null
    callgrind_annotate --threshold=100 --auto=no "$tmp/$name.cg" >"$tmp/$name.self" 2>/dev/null
    awk '/^totals:/ { print $2 }' "$tmp/$name.cg"
}
if [ $have_cg -eq 1 ]; then
    [ "$cg_units" -ge 2 ] && [ "$cg_units" -le "$units" ] || die "CALLGRIND_UNITS must be from 2 to UNITS ($units)"
    echo "bench: counting instructions with callgrind (a build, batches of 1 and $cg_units units)" >&2
    mkdir -p "$tmp/cg1" "$tmp/cgk"
    ln -s "$tmp/scores/unit0000.yaml" "$tmp/cg1/"
    find "$tmp/scores" -name 'unit*.yaml' | sort | head -n "$cg_units" | xargs -I{} ln -s {} "$tmp/cgk/"
    build_ir=$(cg build "$gw" build "$rubric" -o "$tmp/cg-build.pdf")
    one_ir=$(cg one "$gw" batch "${one_proc[@]}" "$rubric" "$tmp/cg1" -o "$tmp/cg1-out")
    many_ir=$(cg many "$gw" batch "${one_proc[@]}" "$rubric" "$tmp/cgk" -o "$tmp/cgk-out")
    unit_ir=$(awk -v a="$many_ir" -v b="$one_ir" -v k="$cg_units" 'BEGIN { printf "%.0f", (a - b) / (k - 1) }')
    say ""
    say "## Instructions"
    say ""
    say "Counted by callgrind, which other work on the machine does not disturb: every"
    say "instruction the process executes, from the dynamic loader's first"
    say "(\`--collect-atstart=yes\`)."
    say ""
    say "| run | instructions |"
    say "|---|---:|"
    say "| \`gongwen build $rubric\` | $(mi "$build_ir") |"
    say "| \`gongwen batch\` of 1 unit | $(mi "$one_ir") |"
    say "| \`gongwen batch\` of $cg_units units | $(mi "$many_ir") |"
    say "| each further unit: the difference ÷ $((cg_units - 1)) | $(mi "$unit_ir") |"
fi

# ---- targets -------------------------------------------------------------------

batch1000_s=$(awk -v t="$batch_cpu" -v n="$units" 'BEGIN { print t / n }')
batch1000_wall=$(awk -v t="$batch_ms" -v n="$units" 'BEGIN { print t / n }')
peak_rss=$(printf '%s\n%s\n' "$gw_rss" "$batch_rss" | sort -g | tail -1)
target() { # NAME VALUE LIMIT SHOWN
    if awk -v v="$2" -v l="$3" 'BEGIN { exit !(v <= l) }'; then
        say "| $1 | $4 | met |"
    else
        say "| $1 | $4 | **missed** |"
    fi
}
unjudged() { say "| $1 | $2 | |"; } # NAME WHY
say ""
say "## Targets"
say ""
say "Times are judged on CPU time (wall time in brackets), but for \`batch -j\`,"
say "judged on the wall clock; instructions as counted above."
say ""
say "| target | measured | |"
say "|---|---:|---|"
target "one document ≤ 10 ms of CPU" "$gw_cpu" 10 "$gw_cpu ms ($gw_ms ms)"
if [ $have_cg -eq 1 ]; then
    target "one document ≤ 50 M instructions" "$build_ir" 50000000 "$(mi "$build_ir")"
    target "each further scored unit ≤ 12 M instructions" "$unit_ir" 12000000 "$(mi "$unit_ir")"
else
    unjudged "one document ≤ 50 M instructions" "not counted (no valgrind, or CALLGRIND=0)"
    unjudged "each further scored unit ≤ 12 M instructions" "not counted (no valgrind, or CALLGRIND=0)"
fi
if [ $have_jobs -eq 1 ]; then
    jobs1000_wall=$(awk -v t="$jobs_ms" -v n="$units" 'BEGIN { print t / n }')
    target "1,000 units, \`batch -j $jobs\`, ≤ 1.5 s wall" "$jobs1000_wall" 1.5 "$(fmt "$jobs1000_wall" '%.2f s')"
else
    unjudged "1,000 units, \`batch -j $jobs\`, ≤ 1.5 s wall" "not supported by this build"
fi
target "1,000 scored PDFs ≤ 5 s on one core" "$batch1000_s" 5 "$(fmt "$batch1000_s" '%.1f s') ($(fmt "$batch1000_wall" '%.1f s'))"
target "peak RSS ≤ 30 MB" "$peak_rss" $((30 * 1024)) "$(mb "$peak_rss")"
target "Leshan PDF ≤ 80 KB" "$gw_size" $((80 * 1024)) "$(kb "$gw_size")"
say ""
say "CPU busy with other work when the measurements ended: $end_busy % of all cores."

# What the Leshan PDF is made of: its embedded font files, by name.
if [ "$gw_size" -gt $((80 * 1024)) ] && command -v qpdf >/dev/null; then
    qpdf --json=2 --json-stream-data=none "$tmp/leshan.pdf" |
        awk -F'"' '/"\/FontFile2"/ { ref = $4 } /"\/FontName"/ && ref { print ref "\t" $4; ref = "" }' |
        while IFS=$'\t' read -r ref name; do
            printf '%s\t%s\n' "${name#/}" "$(qpdf --show-object="${ref%% *}" --raw-stream-data "$tmp/leshan.pdf" | wc -c)"
        done >"$tmp/fontfiles"
    say ""
    say "Of the Leshan PDF's $(kb "$gw_size"), $(awk -F '\t' '{ s += $2 } END { printf "%.0f KB", s / 1024 }' "$tmp/fontfiles") are its embedded"
    say "font subsets (compressed): $(awk -F '\t' '{ printf "%s%s %.0f KB", (NR > 1 ? ", " : ""), $1, $2 / 1024 }' "$tmp/fontfiles")."
    say "So the size is set by the fonts, chiefly by the body face's subset, not by the pages."
fi

# ---- where the instructions go ----------------------------------------------------

# where_rows [div=D] LISTING-ARGS...: bench/callgrind.awk's rows under a header.
where_rows() {
    say ""
    say "| | inclusive: a function and all it calls | instructions | share | self: a function's own | instructions | share |"
    say "|---:|---|---:|---:|---|---:|---:|"
    awk -f bench/callgrind.awk "$@" | tee -a "$report"
}
build_missed=0; unit_missed=0
if [ $have_cg -eq 1 ]; then
    [ "$build_ir" -le 50000000 ] || build_missed=1
    [ "$unit_ir" -le 12000000 ] || unit_missed=1
fi
if [ $build_missed -eq 1 ] || [ $unit_missed -eq 1 ]; then
    say ""
    say "## Where the instructions go"
    say ""
    say "From the callgrind counts above (callgrind_annotate), for each count that"
    say "misses its target: the ten functions that cost the most with all they call"
    say "(the program's entry and main left out; functions of about the same cost,"
    say "as a call chain's are, share a row, caller › callee), and the ten whose own"
    say "instructions cost the most.  Libraries without symbols show as code at an"
    say "address; the share is of the count."
    if [ $build_missed -eq 1 ]; then
        say ""
        say "### One \`gongwen build\`: $(mi "$build_ir")"
        where_rows w=1 kind=incl "$tmp/build.incl" kind=self "$tmp/build.self"
    fi
    if [ $unit_missed -eq 1 ]; then
        say ""
        say "### Each further unit of a batch: $(mi "$unit_ir")"
        say ""
        say "The batch of $cg_units units less the batch of 1, divided by $((cg_units - 1))."
        where_rows div=$((cg_units - 1)) w=1 kind=incl "$tmp/many.incl" kind=self "$tmp/many.self" \
            w=-1 kind=incl "$tmp/one.incl" kind=self "$tmp/one.self"
    fi
fi

if [ "$busy" -gt 20 ] || [ "$end_busy" -gt 20 ]; then
    echo "bench: warning: other work shared the cores ($busy % at the start, $end_busy % at the end); wall times are high" >&2
    sed -i 's/^@@busy@@$/\n**Other work shared the cores while this ran ('"$busy"' % busy at the start, '"$end_busy"' % at the end): the wall times are high, the CPU times much less so.**/' "$report"
else
    sed -i '/^@@busy@@$/d' "$report"
fi
mkdir -p "$(dirname "$results")"
cp "$report" "$results"
echo "bench: wrote $results" >&2
