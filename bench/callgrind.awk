# SPDX-License-Identifier: MIT
# Where the instructions go, from callgrind_annotate's listings (--auto=no
# --threshold=100), as the rows of a Markdown table: the top functions by
# inclusive cost (a function and all it calls) beside the top by self cost
# (its own instructions).  bench/run.sh.
#
#   awk -f bench/callgrind.awk [top=10] [div=D] \
#       w=1 kind=incl A.incl kind=self A.self [w=-1 kind=incl B.incl kind=self B.self]
#
# Each listing is added with the weight w in force before it, and the sums
# divided by div: one profile (w=1), or the cost of what one profile does
# beyond another (A minus B, divided by the units A has more).
#
# A function is named by its source file's base name and its name, or by its
# library for those without source (the same function is listed twice, once
# under an absolute path).  The inclusive column leaves out the frames that
# hold the whole run (the program's entry and main) and functions with no
# symbol, and shares one row among functions whose inclusive costs are
# within 0.5% of each other, as a call chain's are: "caller › callee".
BEGIN { top = 10; div = 1; w = 1; kind = "incl" }

FNR == 1 { nf++; weight[nf] = w; kinds[nf] = kind }

# "  1,234,567 (12.34%)  file:function [object]"
$1 ~ /^[0-9,]+$/ && $2 ~ /^\(/ && !/PROGRAM TOTALS/ {
    n = $1; gsub(",", "", n)
    rest = $0
    sub(/^ *[0-9,]+ *\( *[0-9.]+%\) +/, "", rest)
    obj = ""
    if (match(rest, / \[[^]]*\]$/)) {
        obj = substr(rest, RSTART + 2, RLENGTH - 3)
        rest = substr(rest, 1, RSTART - 1)
        sub(/.*\//, "", obj)
    }
    c = index(rest, ":")
    file = substr(rest, 1, c - 1); fn = substr(rest, c + 1)
    sub(/.*\//, "", file)
    if (file == "???") { where = obj; if (where == "") next } else where = file
    key = fn " (" where ")"
    if (!((nf, key) in val) || n > val[nf, key]) val[nf, key] = n
    keys[key] = 1
}

/PROGRAM TOTALS/ { n = $1; gsub(",", "", n); total[nf] = n }

function label(key,    fn, where) {
    fn = key; sub(/ \([^(]*\)$/, "", fn)
    where = substr(key, length(fn) + 2)
    if (fn ~ /^0x[0-9a-f]+$/) { sub(/^0x0*/, "0x", fn); return "code at " fn " " where }
    sub(/\(.*$/, "", fn)    # a C++ function's parameters
    return "`" fn "` " where
}
function entry(key,    fn) {
    fn = key; sub(/ \([^(]*\)$/, "", fn)
    return fn ~ /^0x[0-9a-f]+$/ || fn == "(below main)" || fn == "main" || fn == "_start" || fn ~ /^__libc_start/
}
function m(x) { return sprintf("%.2f M", x / 1e6) }

END {
    all = 0
    for (f = 1; f <= nf; f++) if (kinds[f] == "incl") all += weight[f] * total[f]
    all /= div
    ni = ns = 0
    for (key in keys) {
        si = ss = 0
        for (f = 1; f <= nf; f++)
            if ((f, key) in val) {
                if (kinds[f] == "incl") si += weight[f] * val[f, key]
                else ss += weight[f] * val[f, key]
            }
        si /= div; ss /= div
        if (si > 0 && !entry(key)) { ik[++ni] = key; iv[ni] = si }
        if (ss > 0) { sk[++ns] = key; sv[ns] = ss }
    }
    # Largest first (insertion sort: a few thousand functions).
    for (i = 2; i <= ni; i++) for (j = i; j > 1 && iv[j] > iv[j - 1]; j--) {
        t = iv[j]; iv[j] = iv[j - 1]; iv[j - 1] = t; t = ik[j]; ik[j] = ik[j - 1]; ik[j - 1] = t }
    for (i = 2; i <= ns; i++) for (j = i; j > 1 && sv[j] > sv[j - 1]; j--) {
        t = sv[j]; sv[j] = sv[j - 1]; sv[j - 1] = t; t = sk[j]; sk[j] = sk[j - 1]; sk[j - 1] = t }
    rows = 0
    for (i = 1; i <= ni; i++) {
        if (rows > 0 && iv[i] >= 0.995 * rv[rows]) {
            if (links[rows]++ < 3) rl[rows] = rl[rows] " › " label(ik[i])
            else if (links[rows] == 4) rl[rows] = rl[rows] " › …"
        } else if (rows < top) {
            rows++; rl[rows] = label(ik[i]); rv[rows] = iv[i]; links[rows] = 0
        } else break
    }
    for (i = 1; i <= top && (i <= rows || i <= ns); i++)
        printf "| %d | %s | %s | %s | %s | %s | %s |\n", i,
            i <= rows ? rl[i] : "", i <= rows ? m(rv[i]) : "", i <= rows ? sprintf("%.1f%%", 100 * rv[i] / all) : "",
            i <= ns ? label(sk[i]) : "", i <= ns ? m(sv[i]) : "", i <= ns ? sprintf("%.1f%%", 100 * sv[i] / all) : ""
}
