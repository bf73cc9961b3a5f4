/* SPDX-License-Identifier: MIT */
#include "gb2312.h"

#include <iconv.h>
#include <stdlib.h>

#include "text.h"

#define FIRST_HANZI_ROW 0xB0 /* row 16 */
#define LAST_HANZI_ROW  0xF7 /* row 87 */

static int to_ucs4(iconv_t cd, unsigned char hi, unsigned char lo, uint32_t *cp)
{
    char in[2] = {(char)hi, (char)lo}, outb[8];
    char *ip = in, *op = outb;
    size_t il = 2, ol = sizeof outb;
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || ol != sizeof outb - 4)
        return -1;
    const unsigned char *u = (const unsigned char *)outb; /* UCS-4BE */
    *cp = (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3];
    return 0;
}

size_t gb2312_hanzi(uint32_t **out)
{
    *out = NULL;
    iconv_t cd = iconv_open("UCS-4BE", "GB2312");
    if (cd == (iconv_t)-1)
        return 0;
    size_t n = 0, cap = 0;
    uint32_t *cps = NULL;
    for (unsigned hi = FIRST_HANZI_ROW; hi <= LAST_HANZI_ROW; hi++) {
        for (unsigned lo = 0xA1; lo <= 0xFE; lo++) {
            uint32_t cp;
            if (to_ucs4(cd, (unsigned char)hi, (unsigned char)lo, &cp) < 0)
                continue; /* the gaps at the end of row 55 */
            GROW(cps, n, cap);
            cps[n++] = cp;
        }
    }
    iconv_close(cd);
    *out = cps;
    return n;
}
