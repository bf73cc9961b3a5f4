#include "tounicode.h"

#include <stdlib.h>

#include "text.h"

/* PDF (and the CMap spec) limit each begin…end block to 100 entries. */
#define BLOCK_MAX 100

typedef struct run {
    uint32_t lo, hi;
} run;

/* Splits cps into runs of consecutive codes.  A bfrange may only vary the
 * last byte, so a run also ends where the high byte changes. */
static run *runs_of(const uint32_t *cps, size_t n, size_t *nruns)
{
    run *runs = xmalloc((n ? n : 1) * sizeof *runs);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k > 0 && cps[i] == runs[k - 1].hi + 1 && (cps[i] >> 8) == (runs[k - 1].lo >> 8))
            runs[k - 1].hi = cps[i];
        else
            runs[k++] = (run){cps[i], cps[i]};
    }
    *nruns = k;
    return runs;
}

/* Writes the entries of runs that are (want_ranges ? ranges : single codes)
 * in blocks of at most BLOCK_MAX. */
static void put_blocks(strbuf *sb, const run *runs, size_t nruns, int want_ranges)
{
    size_t total = 0;
    for (size_t i = 0; i < nruns; i++)
        total += (runs[i].lo != runs[i].hi) == want_ranges;
    const char *kind = want_ranges ? "bfrange" : "bfchar";
    size_t left = total, in_block = 0;
    for (size_t i = 0; i < nruns; i++) {
        const run *r = &runs[i];
        if ((r->lo != r->hi) != want_ranges)
            continue;
        if (in_block == 0)
            sb_printf(sb, "%zu begin%s\n", left < BLOCK_MAX ? left : (size_t)BLOCK_MAX, kind);
        if (want_ranges)
            sb_printf(sb, "<%04X> <%04X> <%04X>\n", (unsigned)r->lo, (unsigned)r->hi,
                      (unsigned)r->lo);
        else
            sb_printf(sb, "<%04X> <%04X>\n", (unsigned)r->lo, (unsigned)r->lo);
        left--;
        if (++in_block == BLOCK_MAX || left == 0) {
            sb_printf(sb, "end%s\n", kind);
            in_block = 0;
        }
    }
}

char *tounicode_cmap(const uint32_t *cps, size_t n)
{
    size_t nruns;
    run *runs = runs_of(cps, n, &nruns);
    strbuf sb = {0};
    sb_puts(&sb, "/CIDInit /ProcSet findresource begin\n"
                 "12 dict begin\n"
                 "begincmap\n"
                 "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                 "/CMapName /Adobe-Identity-UCS def\n"
                 "/CMapType 2 def\n"
                 "1 begincodespacerange\n"
                 "<0000> <FFFF>\n"
                 "endcodespacerange\n");
    put_blocks(&sb, runs, nruns, 1);
    put_blocks(&sb, runs, nruns, 0);
    sb_puts(&sb, "endcmap\n"
                 "CMapName currentdict /CMap defineresource pop\n"
                 "end\n"
                 "end\n");
    free(runs);
    return sb_take(&sb);
}
