# SPDX-License-Identifier: MIT
# Expectations shared by the test scripts.  The script sets LABEL (the name
# its lines start with) and T (a scratch folder), then sources this file.
# expect_exit leaves the command's standard output in $T/out and its error in
# $T/err; the expect_* checks after it look at those; finish prints the
# closing line and is the script's exit status.
pass=0 fail=0

# e2e_begin NAME GONGWEN: the set-up of a script of tests/e2e/: GW the
# program (absolute), T a scratch folder removed on exit, the fonts Debian's
# packages install and nothing of the user's, a fixed SOURCE_DATE_EPOCH
# (2012-07-12), and UTF-8 character classes (C.UTF-8 is in every Debian 12)
# with the messages in English.
e2e_begin() {
    set -u
    export LC_ALL=C.UTF-8 # messages in English, as the tests compare them
    unset LANGUAGE        # gettext follows it even under C.UTF-8
    export SOURCE_DATE_EPOCH=1342051200
    case $2 in /*) GW=$2 ;; *) GW=$(pwd)/$2 ;; esac
    T=$(mktemp -d)
    trap 'rm -rf "$T"' EXIT
    LABEL="e2e $1"
    . tests/fontconfig.sh
    debian_fonts_only "$T"
    PRINTED=${PRINTED:-$(pwd)/build/printed_text}
}

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

expect_fonts_embedded() { # NAME PDF
    pdffonts "$2" | tail -n +3 >"$T/fonts"
    if [ -s "$T/fonts" ] && awk '$(NF-4) != "yes" { bad = 1 } END { exit bad }' "$T/fonts"; then ok
    else bad "$1: a font is not embedded"; cat "$T/fonts"; fi
}

# expect_pdfa NAME PDF PART: the archive parts of PDF/A-PART b (src/pdfa.h).
expect_pdfa() {
    pdfinfo -meta "$2" | sed -n '/^<?xpacket begin/,$p' >"$T/xmp"
    if xmllint --noout "$T/xmp" 2>"$T/why"; then ok; else bad "$1: XMP is not well-formed XML"; cat "$T/why"; fi
    expect_grep "$1: PDF/A part" "$T/xmp" "<pdfaid:part>$3</pdfaid:part>"
    xmllint --xpath 'string(//*[local-name()="title"]//*[local-name()="li"])' "$T/xmp" >"$T/xmptitle" 2>&1
    pdfinfo "$2" | sed -n 's/^Title: *//p' >"$T/infotitle"
    if [ -s "$T/infotitle" ] && [ "$(cat "$T/xmptitle")" = "$(cat "$T/infotitle")" ]; then ok
    else bad "$1: XMP title '$(cat "$T/xmptitle")' is not Info's '$(cat "$T/infotitle")'"; fi
    # Unfiltered, as PDF/A-1 requires: the packet is readable in the raw file.
    if grep -aq 'W5M0MpCehiHzreSzNTczkc9d' "$2"; then ok; else bad "$1: metadata stream is filtered"; fi
    qpdf --qdf --object-streams=disable "$2" "$T/qdf.pdf"
    expect_grep "$1: output intent" "$T/qdf.pdf" "/S /GTS_PDFA1"
    expect_grep "$1: ICC profile" "$T/qdf.pdf" "/DestOutputProfile [0-9]* 0 R"
    nfonts=$(pdffonts "$2" | tail -n +3 | wc -l)
    ncidsets=$(grep -ac "/CIDSet [0-9]* 0 R" "$T/qdf.pdf")
    if [ "$nfonts" -gt 0 ] && [ "$nfonts" -eq "$ncidsets" ]; then ok; else bad "$1: $ncidsets CIDSets for $nfonts fonts"; fi
    if tail -c 300 "$2" | grep -aq '/ID \[ <[0-9A-F]\{32\}> <[0-9A-F]\{32\}> \]'; then ok; else bad "$1: no file /ID"; fi
}

finish() {
    echo "$LABEL: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}

# locale_env NAME: the environment that selects the locale NAME
# (zh_CN.UTF-8), to give env.  One the system lacks is made with localedef
# into $T/locales, read through LOCPATH: a package build cannot generate it
# system-wide.  Fails when it cannot be made (no package locales).
locale_env() {
    if locale -a 2>/dev/null | grep -qx "$(printf '%s\n' "$1" | sed 's/\.UTF-8$/.utf8/')"; then
        echo "LANG=$1"
        return 0
    fi
    mkdir -p "$T/locales"
    [ -d "$T/locales/$1" ] || localedef -c -i "${1%%.*}" -f UTF-8 "$T/locales/$1" >/dev/null 2>&1
    [ -f "$T/locales/$1/LC_CTYPE" ] && echo "LOCPATH=$T/locales LANG=$1"
}
