/* SPDX-License-Identifier: MIT */
#include "pdfstring.h"

#include <string.h>

#include <hpdf_objects.h>

void pdf_text_bytes(const char *utf8, strbuf *b)
{
    sb_put(b, "\xFE\xFF", 2);
    size_t len = strlen(utf8);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_decode(utf8 + i, len - i, &cp);
        if (k == 0) {
            cp = 0xFFFD;
            k = 1;
        }
        if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
            cp = ' ';
        i += k;
        uint16_t units[2];
        size_t nu = utf16_units(cp, units);
        for (size_t u = 0; u < nu; u++) {
            char be[2] = {(char)(units[u] >> 8), (char)(units[u] & 0xFF)};
            sb_put(b, be, 2);
        }
    }
}

HPDF_Binary pdf_text_string(HPDF_MMgr mm, const char *utf8)
{
    strbuf b = {0};
    pdf_text_bytes(utf8, &b);
    HPDF_Binary bin = HPDF_Binary_New(mm, (HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
    sb_free(&b);
    return bin;
}
