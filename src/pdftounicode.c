/* SPDX-License-Identifier: MIT */
#include "pdftounicode.h"

#include "text.h"

/* PDF (and the CMap spec) limit each begin…end block to 100 entries. */
#define BLOCK_MAX 100

/* A destination is UTF-16BE: a surrogate pair beyond the BMP. */
static void put_utf16(strbuf *sb, uint32_t cp)
{
    uint16_t units[2];
    for (size_t i = 0, n = utf16_units(cp, units); i < n; i++)
        sb_printf(sb, "%04X", (unsigned)units[i]);
}

char *pdftounicode_cmap(const uint16_t *codes, const uint32_t *cps, size_t n)
{
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
    for (size_t i = 0; i < n; i++) {
        size_t left = n - i;
        if (i % BLOCK_MAX == 0)
            sb_printf(&sb, "%zu beginbfchar\n", left < BLOCK_MAX ? left : (size_t)BLOCK_MAX);
        sb_printf(&sb, "<%04X> <", (unsigned)codes[i]);
        put_utf16(&sb, cps[i]);
        sb_puts(&sb, ">\n");
        if (i % BLOCK_MAX == BLOCK_MAX - 1 || left == 1)
            sb_puts(&sb, "endbfchar\n");
    }
    sb_puts(&sb, "endcmap\n"
                 "CMapName currentdict /CMap defineresource pop\n"
                 "end\n"
                 "end\n");
    return sb_take(&sb);
}
