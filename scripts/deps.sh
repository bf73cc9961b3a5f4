#!/bin/sh
# Installs, by Debian package name, whatever gongwen needs to build, test and
# render that is not installed yet, or the packages given as arguments.  Says
# exactly what it installs.
set -eu

PACKAGES="
build-essential pkg-config
libhpdf-dev libcmark-dev libfreetype-dev libharfbuzz-dev libyaml-dev zlib1g-dev
libzip-dev libxml2-dev libxlsxwriter-dev
libcmocka-dev
fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai fonts-lxgw-wenkai
icc-profiles-free
poppler-utils qpdf mupdf-tools fonts-urw-base35 ghostscript libxml2-utils unzip
valgrind
"

# Other targets name their own extras: `scripts/deps.sh clang …`.
if [ "$#" -gt 0 ]; then
    PACKAGES="$*"
fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    exit 0
fi

echo "deps: installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
    echo "deps: not root; run: sudo apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "deps: done"
