# bash completion for gongwen(1)                           -*- shell-script -*-
# SPDX-License-Identifier: MIT
#
# One line per command: its name, its options (OPTION=WHAT for one that takes
# a value), then what each argument is, in order ('...' repeats the last).
# WHAT is a file extension (md, yaml|yml, xlsx|csv…), 'dir' for a folder or
# 'command' for a command's name.
_gongwen_commands='
check  --strict --layouts=dir -q --quiet -h --help                                md...
build  --fillable --layouts=dir --fontmap=yaml|yml -o=pdf --output=pdf -q --quiet -h --help  md
score  --layouts=dir --fontmap=yaml|yml -o=pdf --output=pdf -q --quiet -h --help  md yaml|yml
batch  --layouts=dir --fontmap=yaml|yml -o=dir --output=dir -q --quiet -h --help  md xlsx|csv
collect  --strict --layouts=dir --fontmap=yaml|yml -o=dir --output=dir -q --quiet -h --help  md pdf...
template  --layouts=dir -o=xlsx|csv --output=xlsx|csv -q --quiet -h --help  md
fonts  --fontmap=yaml|yml -h --help
help   command
'

# Completes cur as WHAT (see above).
_gongwen_complete_as()
{
    case ${1%...} in
        dir) _filedir -d ;;
        command) COMPREPLY=($(compgen -W "$(_gongwen_names)" -- "$cur")) ;;
        *) _filedir "${1%...}" ;;
    esac
}

_gongwen_names()
{
    local name rest
    while read -r name rest; do
        [[ $name ]] && printf '%s\n' "$name"
    done <<<"$_gongwen_commands"
}

_gongwen()
{
    local cur prev words cword split
    _init_completion -s || return

    if ((cword == 1)); then
        COMPREPLY=($(compgen -W "$(_gongwen_names) -h --help -V --version" -- "$cur"))
        return
    fi
    local name spec
    while read -r name spec; do
        [[ $name == "${words[1]}" ]] && break
    done <<<"$_gongwen_commands"
    [[ $name == "${words[1]}" ]] || return

    local word options=() takes=() args=()
    for word in $spec; do
        case $word in
            -*=*) options+=("${word%%=*}") takes+=("$word") ;;
            -*) options+=("$word") ;;
            *) args+=("$word") ;;
        esac
    done
    # The value of an option.
    for word in "${takes[@]}"; do
        if [[ $prev == "${word%%=*}" ]]; then
            _gongwen_complete_as "${word#*=}"
            return
        fi
    done
    $split && return
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "${options[*]}" -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
        return
    fi
    # Which argument this is: the words before it, less options and their values.
    local i n=0
    for ((i = 2; i < cword; i++)); do
        if [[ ${words[i]} == -* ]]; then
            for word in "${takes[@]}"; do
                [[ ${words[i]} == "${word%%=*}" ]] && ((i++))
            done
        else
            ((n++))
        fi
    done
    ((${#args[@]})) || return
    if ((n >= ${#args[@]})); then
        [[ ${args[-1]} == *... ]] || return
        n=$((${#args[@]} - 1))
    fi
    _gongwen_complete_as "${args[n]}"
} &&
    complete -F _gongwen gongwen

# ex: filetype=sh
