#!/bin/sh
# SPDX-License-Identifier: MIT
# make install and make uninstall into a scratch DESTDIR: exactly what is
# installed where; the installed program run from an empty folder (its data
# found beside it, the user's settings before it); its manual pages (groff
# warns of nothing), which list the same commands as --help and the bash
# completion; the completion itself; an uninstall that leaves nothing; and
# that a change of PREFIX or CFLAGS rebuilds what was compiled with it.
# usage: MAKE=make B=build PREFIX=/usr/local sh tests/install.sh  (make test-install)
set -u
export LC_ALL=C.UTF-8 # messages in English, as the tests compare them
unset LANGUAGE    # gettext follows it even under C.UTF-8
export SOURCE_DATE_EPOCH=1342051200
MAKE=${MAKE:-make} B=${B:-build} P=${PREFIX:-/usr/local}
ROOT=$(pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
LABEL=install
. "$(dirname "$0")/lib.sh"
export XDG_CONFIG_HOME="$T/config"
D=$T/dest
GW=$D$P/bin/gongwen

# --- what is installed ----------------------------------------------------
expect_exit 0 "make install" $MAKE --no-print-directory B="$B" DESTDIR="$D" install
{
    echo "$P/bin/gongwen"
    for f in layouts/*.yaml fonts/fontmap.yaml; do echo "$P/share/gongwen/$f"; done
    echo "$P/share/man/man1/gongwen.1"
    for f in man/*/gongwen.1; do l=${f#man/}; echo "$P/share/man/${l%/gongwen.1}/man1/gongwen.1"; done
    echo "$P/share/bash-completion/completions/gongwen"
    for f in po/*.po; do [ -e "$f" ] && l=${f#po/} && echo "$P/share/locale/${l%.po}/LC_MESSAGES/gongwen.mo"; done
} | sort >"$T/want-files"
(cd "$D" && find . -type f | sed 's|^\.||' | sort) >"$T/installed"
if cmp -s "$T/installed" "$T/want-files"; then ok; else bad "installed files"; diff "$T/want-files" "$T/installed"; fi
if [ -x "$GW" ]; then ok; else bad "the installed program is not executable"; fi

# One version: the program's, the Debian package's and the manual's.
version=$("$GW" -V | sed -n 's/^gongwen //p')
if [ -n "$version" ] && head -1 debian/changelog | grep -q "^gongwen ($version) " &&
    ! grep -L "^\.TH GONGWEN 1 [0-9-]* \"gongwen $version\"" man/gongwen.1 man/*/gongwen.1 | grep -q .
then ok; else bad "version $version is not that of debian/changelog and every manual page"; fi

# --- the installed program, from a folder with no layouts or fonts -----------
mkdir "$T/work"
cp rubrics/leshan-2012.md "$T/work/细则.md"
cd "$T/work"
expect_exit 0 "installed: check" "$GW" check 细则.md
expect_exit 0 "installed: build" "$GW" build 细则.md -o 细则.pdf
if pdffonts 细则.pdf | tail -n +3 | awk '$(NF-4) != "yes" { bad = 1 } END { exit bad || NR == 0 }'; then ok
else bad "installed: a font is not embedded"; pdffonts 细则.pdf; fi
expect_exit 0 "installed: fonts" "$GW" fonts
expect_grep "installed: the installed font map" "$T/out" "^font map: $D$P/share/gongwen/fonts/fontmap.yaml (installed)$"
expect_exit 0 "installed: --help" "$GW" --help
expect_grep "installed: --help lists the installed layouts" "$T/out" "^    $D$P/share/gongwen/layouts (installed): leshan, tiered, zhuzhou$"
# Its message catalogue, found beside it as its data is.
if ZH=$(locale_env zh_CN.UTF-8); then
    # shellcheck disable=SC2086 # ZH is assignments
    expect_exit 1 "installed: in Chinese" env -u LC_ALL $ZH "$GW" check 无此文件.md
    expect_grep "installed: its catalogue is read" "$T/err" "^无此文件.md: 错误：无法打开："
    # shellcheck disable=SC2086
    expect_exit 0 "installed: --help in Chinese" env -u LC_ALL $ZH "$GW" --help
    expect_grep "installed: --help in Chinese lists the installed layouts" "$T/out" "^    $D$P/share/gongwen/layouts（安装的）：leshan, tiered, zhuzhou$"
else
    bad "no zh_CN.UTF-8 locale, and localedef cannot make one (package locales)"
fi
# The user's settings come before the installed ones.
mkdir -p "$T/config/gongwen/layouts"
printf 'notice: [\n' >"$T/config/gongwen/layouts/leshan.yaml"
expect_exit 1 "installed: the user's layout first" "$GW" check 细则.md
expect_grep "installed: the user's broken layout is read" "$T/err" "^$T/config/gongwen/layouts/leshan.yaml:"
rm -r "$T/config"
cd "$ROOT"

# --- the manual -------------------------------------------------------------------
for m in "$D$P"/share/man/man1/gongwen.1 "$D$P"/share/man/*/man1/gongwen.1; do
    expect_exit 0 "groff ${m#$D}" groff -k -t -man -Tutf8 -ww -z "$m"
    expect_same "groff ${m#$D}: no warnings" "$T/err" ""
done

# One command list: --help, each manual page and the completion name the same.
"$GW" --help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' | sort >"$T/help-commands"
for m in man/gongwen.1 man/*/gongwen.1; do
    sed -n '/^\.SH/h; /^\.TP/{n; G; s/^\.BI\{0,1\} \([a-z]*\).*\n\.SH \(COMMANDS\|命令\)$/\1/p}' "$m" | sort >"$T/man-commands"
    if [ -s "$T/help-commands" ] && cmp -s "$T/help-commands" "$T/man-commands"; then ok
    else bad "$m: not the commands of --help"; diff "$T/help-commands" "$T/man-commands"; fi
done
sed -n '/^_gongwen_commands=/,/^'"'"'$/s/^\([a-z][a-z]*\) .*/\1/p' completion/gongwen.bash | sort >"$T/completion-commands"
if cmp -s "$T/help-commands" "$T/completion-commands"; then ok
else bad "completion: not the commands of --help"; diff "$T/help-commands" "$T/completion-commands"; fi

# --- bash completion, as installed ---------------------------------------------
mkdir -p "$T/files/sub"
: >"$T/files/a.md"; : >"$T/files/b.yaml"; : >"$T/files/c.yml"; : >"$T/files/d.pdf"; : >"$T/files/e.txt"
cat >"$T/complete.bash" <<EOF
. /usr/share/bash-completion/bash_completion
. "$D$P/share/bash-completion/completions/gongwen"
cd "$T/files"
complete_line() {
    read -ra COMP_WORDS <<<"\$1"
    [[ \$1 == *' ' ]] && COMP_WORDS+=('')
    COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1)) COMP_LINE=\$1 COMP_POINT=\${#1} COMPREPLY=()
    _gongwen gongwen "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "\${COMPREPLY[@]}" | sort | tr '\n' ' '
    echo
}
complete -p gongwen
complete_line 'gongwen sc'
complete_line 'gongwen '
complete_line 'gongwen check --'
complete_line 'gongwen build '
complete_line 'gongwen score a.md '
complete_line 'gongwen build -o '
complete_line 'gongwen batch a.md '
complete_line 'gongwen build --fontmap '
complete_line 'gongwen help '
EOF
expect_exit 0 "completion runs" bash "$T/complete.bash"
# The commands are those of --help, checked against the completion above.
names=$(tr '\n' ' ' <"$T/help-commands")
expect_same "completion: commands, options, files by kind" "$T/out" "complete -F _gongwen gongwen
score 
--help --version -V -h $names
--help --layouts --quiet --strict 
a.md sub 
b.yaml c.yml sub 
d.pdf sub 
sub 
b.yaml c.yml sub 
$names"

# --- uninstall ---------------------------------------------------------------------
expect_exit 0 "make uninstall" $MAKE --no-print-directory B="$B" DESTDIR="$D" uninstall
(cd "$D" && find . -type f) >"$T/left"
expect_same "uninstall leaves no file" "$T/left" ""
if [ -e "$D$P/share/gongwen" ]; then bad "uninstall leaves $P/share/gongwen"; else ok; fi

# --- what a change of PREFIX or CFLAGS rebuilds ------------------------------------
o=$T/b/obj/app.o
rebuilt() { # NAME MAKE-ARGS...: whether make compiled app.c again
    name=$1; shift
    $MAKE --no-print-directory B="$T/b" "$@" "$o" >"$T/made" 2>&1
    grep -q "CC    src/app.c" "$T/made"
}
rebuilt "first" PREFIX=/opt/a
if rebuilt "same PREFIX" PREFIX=/opt/a; then bad "the same PREFIX rebuilt app.o"; else ok; fi
if rebuilt "PREFIX" PREFIX=/opt/b && grep -aq /opt/b/share/gongwen "$o"; then ok; else bad "a new PREFIX did not rebuild app.o"; fi
if rebuilt "CFLAGS" PREFIX=/opt/b CFLAGS=-O1; then ok; else bad "new CFLAGS did not rebuild app.o"; fi

finish
