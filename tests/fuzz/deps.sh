#!/bin/sh
# Installs, by Debian package name, what `make fuzz` needs beyond
# scripts/deps.sh: clang and its libFuzzer/sanitizer runtime.  Says exactly
# what it installs.  Not part of `make check`, which needs neither.
set -eu

PACKAGES="clang libclang-rt-14-dev"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    exit 0
fi

echo "fuzz: installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
    echo "fuzz: not root; run: sudo apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "fuzz: done"
