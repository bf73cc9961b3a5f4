# SPDX-License-Identifier: MIT
# What a unit types into a fillable form, as an FDF file for `pdftk FORM
# fill_form FDF output FILLED`: sourced by tests/routes.sh and tests/bad.sh.

# fdf_text TEXT: a PDF text string, UTF-16BE with a byte-order mark, in hex.
fdf_text() { printf '<FEFF%s>' "$(printf '%s' "$1" | iconv -f UTF-8 -t UTF-16BE | od -An -v -tx1 | tr -d ' \n')"; }

# fdf_write OUT NAME=VALUE...: the values under their fields' names; a name
# with a dot is a field under another, as the form has them ("2.3" is the
# field "3" under "2"; "株洲市教育系统工会.7" the field "7" under the unit's).
fdf_write() {
    out=$1 fdf_ifs=$IFS
    shift
    IFS=' ' # the parents' list below, whatever the caller split its values by
    {
        printf '%%FDF-1.2\n1 0 obj\n<< /FDF << /Fields [\n'
        parents=""
        for nv in "$@"; do
            name=${nv%%=*}
            case $name in
            *.*) case " $parents " in *" ${name%%.*} "*) ;; *) parents="$parents ${name%%.*}" ;; esac ;;
            *) printf '<< /T %s /V %s >>\n' "$(fdf_text "$name")" "$(fdf_text "${nv#*=}")" ;;
            esac
        done
        for p in $parents; do
            printf '<< /T %s /Kids [\n' "$(fdf_text "$p")"
            for nv in "$@"; do
                name=${nv%%=*}
                case $name in "$p".*)
                    printf '<< /T %s /V %s >>\n' "$(fdf_text "${name#*.}")" "$(fdf_text "${nv#*=}")" ;;
                esac
            done
            printf '] >>\n'
        done
        printf '] >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%%%EOF\n'
    } >"$out"
    IFS=$fdf_ifs
}
