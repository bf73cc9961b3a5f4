# SPDX-License-Identifier: MIT
# Sourced by the test scripts.  debian_fonts_only DIR: fontconfig, for the
# rest of the script, sees the fonts Debian's packages install
# (/usr/share/fonts, with the system's caches) and not the fonts or settings
# of whoever runs the tests, whose own 仿宋_GB2312 would otherwise change what
# the tests see.  DIR is the script's temporary folder: a cache of fontconfig's
# is written there only if the system's is out of date.
debian_fonts_only() {
    cat >"$1/fonts.conf" <<CONF
<?xml version="1.0"?>
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <cachedir>$1/fontconfig-cache</cachedir>
  <cachedir>/var/cache/fontconfig</cachedir>
</fontconfig>
CONF
    FONTCONFIG_FILE=$1/fonts.conf
    export FONTCONFIG_FILE
}
