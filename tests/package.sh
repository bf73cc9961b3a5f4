#!/bin/sh
# SPDX-License-Identifier: MIT
# The Debian package: `dpkg-buildpackage -us -uc -b` on a copy of the source
# tree builds a .deb (its own test run left out: the suites run here
# already); lintian reports no error and no warning; the package holds the
# program, its layouts, font map, catalogue, manuals and completion; the
# program is built hardened with dpkg-buildflags; and, unpacked, it makes
# the same Leshan PDF as the development build.
# usage: B=build sh tests/package.sh   (make test-package)
set -u
export LC_ALL=C.UTF-8 # messages in English, as the tests compare them
unset LANGUAGE
export SOURCE_DATE_EPOCH=1342051200
B=${B:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
LABEL=package
. "$(dirname "$0")/lib.sh"

# The source as a release tarball would hold it: what git tracks, or, out
# of a git checkout, the tree without what builds and runs leave.
mkdir "$T/src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$T/src"
else
    tar --exclude=./build --exclude=./out --exclude=./bench/node --exclude=./.git -cf - . | tar -xf - -C "$T/src"
fi

if (cd "$T/src" && DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b -Pnocheck) >"$T/build.log" 2>&1; then
    ok
else
    bad "dpkg-buildpackage failed"
    tail -30 "$T/build.log"
    finish; exit
fi
deb=$(ls "$T"/gongwen_*_*.deb 2>/dev/null | head -1)
if [ -n "$deb" ]; then ok; else bad "no .deb was written"; finish; exit; fi

# lintian: no error, no warning (it warns, on stderr, of running as root).
lintian --tag-display-limit 0 "$deb" >"$T/lintian" 2>/dev/null
if grep -q '^[EW]:' "$T/lintian"; then bad "lintian"; cat "$T/lintian"; else ok; fi

# What the package installs.
dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./|/|' >"$T/contents"
for f in /usr/bin/gongwen /usr/share/gongwen/fonts/fontmap.yaml /usr/share/man/man1/gongwen.1.gz \
    /usr/share/bash-completion/completions/gongwen /usr/share/doc/gongwen/copyright; do
    if grep -qx "$f" "$T/contents"; then ok; else bad "the package lacks $f"; fi
done
for f in layouts/*.yaml; do
    if grep -qx "/usr/share/gongwen/$f" "$T/contents"; then ok; else bad "the package lacks /usr/share/gongwen/$f"; fi
done
for f in po/*.po; do
    l=${f#po/} l=${l%.po}
    if grep -qx "/usr/share/locale/$l/LC_MESSAGES/gongwen.mo" "$T/contents"; then ok; else bad "the package lacks $l's catalogue"; fi
done
for f in man/*/gongwen.1; do
    l=${f#man/} l=${l%/gongwen.1}
    if grep -qx "/usr/share/man/$l/man1/gongwen.1.gz" "$T/contents"; then ok; else bad "the package lacks the $l manual"; fi
done

# Hardened as dpkg-buildflags asks: a position-independent executable,
# full RELRO with immediate binding, the stack protector and fortified calls.
dpkg-deb -x "$deb" "$T/root"
bin=$T/root/usr/bin/gongwen
readelf -h "$bin" | grep -q 'Type:.*DYN' && ok || bad "not a position-independent executable"
readelf -lW "$bin" | grep -q GNU_RELRO && ok || bad "no RELRO segment"
readelf -dW "$bin" | grep -Eq 'BIND_NOW|FLAGS.*NOW' && ok || bad "no immediate binding (BIND_NOW)"
readelf -sW --dyn-syms "$bin" | grep -q __stack_chk_fail && ok || bad "no stack protector"
readelf -sW --dyn-syms "$bin" | grep -Eq '__[a-z_]+_chk@' && ok || bad "no fortified calls"

# Unpacked, the program finds its data beside it and makes the same PDF.
if "$bin" build rubrics/leshan-2012.md -o "$T/packaged.pdf" >/dev/null 2>"$T/err" &&
    "$B/gongwen" build rubrics/leshan-2012.md -o "$T/dev.pdf" >/dev/null 2>>"$T/err"; then
    ok
else
    bad "building the Leshan notice"; cat "$T/err"
fi
if cmp -s "$T/packaged.pdf" "$T/dev.pdf"; then ok; else bad "the packaged program's PDF differs from the development build's"; fi

finish
