#!/bin/sh
# SPDX-License-Identifier: MIT
# The READMEs' commands, as written: each README opens with the two set-up
# commands (sh setup.sh, make check), and every other command of its sh
# blocks then works from the project folder, in order, with `gongwen` the
# program under test; the Chinese README and the English one give the same
# commands.  make targets are checked to exist, not run (they are the
# heavy suites).  Each README runs in a scratch copy of the project's data;
# its map of the source names every file of src/.
# usage: tests/readme.sh path/to/gongwen
set -u
export LC_ALL=C.UTF-8 # messages in English, as the tests compare them
unset LANGUAGE    # gettext follows it even under C.UTF-8
export SOURCE_DATE_EPOCH=1342051200
case $1 in /*) GW=$1 ;; *) GW=$(pwd)/$1 ;; esac
ROOT=$(pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
LABEL=readme
. "$(dirname "$0")/lib.sh"
export XDG_CONFIG_HOME="$T/config"

# `gongwen` on PATH is the program under test.
mkdir "$T/bin"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$GW" >"$T/bin/gongwen"
chmod +x "$T/bin/gongwen"
PATH=$T/bin:$PATH

# commands FILE: the lines of its ```sh blocks, comments and blank lines
# dropped.
commands() {
    awk '/^```sh$/ { on = 1; next } /^```/ { on = 0 } on' "$1" |
        sed 's/[[:space:]]#.*$//; s/^#.*$//; s/[[:space:]]*$//' | grep -v '^$'
}

for readme in README.md README.en.md; do
    if [ ! -f "$readme" ]; then bad "$readme: missing"; continue; fi
    commands "$readme" >"$T/commands"
    if [ "$(head -n 2 "$T/commands")" = "sh setup.sh
make check" ]; then ok; else bad "$readme: its first commands are not 'sh setup.sh' and 'make check'"; head -n 2 "$T/commands"; fi
    w=$T/work-$readme
    mkdir "$w"
    cp -r rubrics examples layouts fonts "$w/"
    tail -n +3 "$T/commands" >"$T/rest"
    while IFS= read -r cmd <&3; do
        case $cmd in
        make\ *)
            if (cd "$ROOT" && eval "make -n --no-print-directory ${cmd#make }" >/dev/null 2>&1); then ok
            else bad "$readme: '$cmd': no such make target"; fi ;;
        *)
            expect_exit 0 "$readme: $cmd" sh -c "cd '$w' && $cmd" ;;
        esac
    done 3<"$T/rest"
done

# One set of commands, whatever the language it is explained in.
commands README.md >"$T/zh"
commands README.en.md >"$T/en"
if cmp -s "$T/zh" "$T/en"; then ok; else bad "README.md and README.en.md give different commands"; diff "$T/zh" "$T/en"; fi

# Each README's map of the source names every file of src/ (a header
# named only where it has no .c of its own).
for readme in README.md README.en.md; do
    for f in "$ROOT"/src/*.c "$ROOT"/src/*.h; do
        name=${f##*/}
        case $name in *.h) [ -e "${f%.h}.c" ] && continue ;; esac
        if grep -q "[ (]$name\b" "$readme"; then ok; else bad "$readme: its map of the source leaves out src/$name"; fi
    done
done

finish
