# SPDX-License-Identifier: MIT
# Expectations shared by the test scripts.  The script sets LABEL (the name
# its lines start with) and T (a scratch folder), then sources this file.
# expect_exit leaves the command's standard output in $T/out and its error in
# $T/err; the expect_* checks after it look at those; finish prints the
# closing line and is the script's exit status.
pass=0 fail=0

ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "$LABEL: FAIL: $*"; }

# expect_exit CODE NAME CMD...: runs CMD, stdout to $T/out, stderr to $T/err.
expect_exit() {
    want=$1 name=$2; shift 2
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else bad "$name: exit $got, wanted $want"; cat "$T/err"; fi
}
expect_same() { # NAME FILE EXPECTED-TEXT ("" for an empty file)
    if [ -z "$3" ]; then : >"$T/want"; else printf '%s\n' "$3" >"$T/want"; fi
    if cmp -s "$2" "$T/want"; then ok; else bad "$1"; diff "$T/want" "$2"; fi
}
expect_grep() { # NAME FILE PATTERN
    if grep -q -- "$3" "$2"; then ok; else bad "$1: no '$3' in"; cat "$2"; fi
}
expect_no_grep() { # NAME FILE PATTERN
    if grep -q -- "$3" "$2"; then bad "$1: '$3' in"; cat "$2"; else ok; fi
}

finish() {
    echo "$LABEL: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
