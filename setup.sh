#!/bin/sh
# SPDX-License-Identifier: MIT
# The first set-up, on Debian 12, from the project folder; works on a bare
# system (no make, no compiler):
#
#   sh setup.sh                installs the Debian packages that building and
#                              running need (as root), builds, writes the
#                              samples to out/, and installs the program so
#                              that `gongwen` is a command
#   sh setup.sh --no-install   the same, without installing the program
#
# The program goes to /usr/local (root) or ~/.local (anyone else, once the
# packages are there); `make uninstall` with the same PREFIX removes it.
# Run as root in a folder that belongs to someone else, the build is done as
# that user, so that the folder stays theirs.
set -eu
cd "$(dirname "$0")"
# runuser lives in /usr/sbin, which `su` without '-' leaves off root's PATH.
PATH=$PATH:/usr/sbin:/sbin

install=yes
case "${1-}" in
"") ;;
--no-install) install=no ;;
*) echo "usage: sh setup.sh [--no-install]" >&2; exit 2 ;;
esac

if [ "$(id -u)" -eq 0 ]; then
    prefix=/usr/local
else
    prefix=$HOME/.local
fi

# Packages first (scripts/deps.sh says what it installs, or, when not root,
# the apt-get line that would).
sh scripts/deps.sh

owner=$(stat -c %U .)
if [ "$(id -u)" -eq 0 ] && [ "$owner" != root ]; then
    runuser -u "$owner" -- make --no-print-directory PREFIX="$prefix" demo
else
    make --no-print-directory PREFIX="$prefix" demo
fi
echo "setup: samples written to out/"

if [ "$install" = no ]; then
    echo "setup: the program is $(pwd)/build/gongwen"
    exit 0
fi
make --no-print-directory PREFIX="$prefix" install >/dev/null
echo "setup: installed $prefix/bin/gongwen (make uninstall PREFIX=$prefix removes it)"
case ":$PATH:" in
*":$prefix/bin:"*) echo "setup: 'gongwen' is now a command; try: gongwen check rubrics/leshan-2012.md" ;;
*) echo "setup: $prefix/bin is not on your PATH yet: log in again, or run: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
