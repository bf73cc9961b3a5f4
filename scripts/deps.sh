#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs, by Debian 12 package name, whatever gongwen needs that is not
# installed yet, and says exactly what it installs.
#
#   sh scripts/deps.sh          what building and running need (make demo)
#   sh scripts/deps.sh --test   that, and what only the tests need (make check)
#   sh scripts/deps.sh PKG...   those packages (make fuzz: clang …)
#
# debian/control names the same packages: BUILD as Build-Depends, RUN as the
# package's Depends, TEST as Build-Depends for the tests (<!nocheck>).
set -eu

# Compiling: the compiler, make, pkg-config and the libraries' headers;
# gettext compiles the message catalogues.
BUILD="
make gcc libc6-dev pkg-config gettext
libhpdf-dev libcmark-dev libfreetype-dev libharfbuzz-dev libyaml-dev zlib1g-dev libicu-dev libdeflate-dev libfontconfig-dev
libzip-dev libxml2-dev libxlsxwriter-dev libqpdf-dev
"
# Running: the free fonts fonts/fontmap.yaml names, and the colour profile of
# every PDF/A output intent.
RUN="
fonts-noto-cjk fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai fonts-lxgw-wenkai fontconfig
icc-profiles-free
"
# Testing: the unit-test library, PDF readers that check what gongwen writes
# (and ghostscript's fonts), valgrind, groff for the manual, bash-completion
# for the completion script; unzip opens the templates, LibreOffice (Calc)
# turns a clerk's CSV into .xlsx, pdftk fills a form as a reader would, and
# jq finds its fields in qpdf's JSON; debhelper and lintian build and check
# the Debian package; locales for the zh_CN.UTF-8 locale the
# messages are tested in (generated below when missing).
TEST="
libcmocka-dev
poppler-utils qpdf mupdf-tools ghostscript fonts-urw-base35 libxml2-utils
valgrind groff-base bash-completion
unzip libreoffice-calc-nogui pdftk-java jq locales
debhelper lintian
"
TEST_LOCALE="zh_CN.UTF-8"

LOCALES=""
case "${1-}" in
"") PACKAGES="$BUILD $RUN" ;;
--test) PACKAGES="$BUILD $RUN $TEST" LOCALES=$TEST_LOCALE ;;
-*) echo "usage: sh scripts/deps.sh [--test | PACKAGE...]" >&2; exit 2 ;;
*) PACKAGES="$*" ;;
esac

# Each locale of LOCALES generated, as Debian does (/etc/locale.gen), when
# locale -a does not list it (zh_CN.UTF-8 is listed as zh_CN.utf8).
need_locales() {
    for l in $LOCALES; do
        listed=$(printf '%s\n' "$l" | sed 's/\.UTF-8$/.utf8/')
        locale -a 2>/dev/null | grep -qx "$listed" && continue
        if [ "$(id -u)" -ne 0 ]; then
            echo "deps: the locale $l is missing; as root, run: sed -i 's/^# *$l UTF-8/$l UTF-8/' /etc/locale.gen && locale-gen" >&2
            exit 1
        fi
        echo "deps: generating the locale $l"
        if grep -q "^# *$l UTF-8" /etc/locale.gen 2>/dev/null; then
            sed -i "s/^# *$l UTF-8/$l UTF-8/" /etc/locale.gen
        else
            echo "$l UTF-8" >>/etc/locale.gen
        fi
        locale-gen >/dev/null
    done
}

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    need_locales
    exit 0
fi

echo "deps: installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
    echo "deps: not root; as root, run: apt-get install$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "deps: done"
need_locales
