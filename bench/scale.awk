# SPDX-License-Identifier: MIT
# A rubric K times the size of its input: every item of every category
# written K times (renumbered 1., 2., …), each category's points and the
# 总分 multiplied by K, so the larger rubric still adds up and typesets the
# same characters.  The growth check times the three sizes to show that time
# and memory per item stay flat.
#
#   awk -v k=10 -f bench/scale.awk rubrics/leshan-2012.md > big.md

function flush(   i, r) {
    for (r = 0; r < k; r++)
        for (i = 1; i <= n; i++)
            printf "- %d.%s\n", r * n + i, items[i]
    n = 0
}

BEGIN { if (k < 1) k = 1 }

/^总分:/ { v = $0; sub(/^[^0-9]*/, "", v); print "总分: " v * k; next }

/^#/ {
    flush()
    if (match($0, /\*\*[0-9.]+分\*\*$/)) {
        pts = substr($0, RSTART + 2, RLENGTH - 5)
        $0 = substr($0, 1, RSTART - 1) "**" pts * k "分**"
    }
    print
    next
}

/^- / {
    # The item's own number (1．, 2., 2\. ) gives way to the new one.
    text = substr($0, 3)
    sub(/^[0-9]+(\\?\.|．)[ ]*/, "", text)
    items[++n] = text
    next
}

/^$/ { flush() }

{ print }

END { flush() }
