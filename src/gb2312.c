/* SPDX-License-Identifier: MIT */
#include "gb2312.h"

#include <iconv.h>
#include <stdlib.h>

#include "text.h"

#define FIRST_HANZI_ROW 0xB0 /* row 16 */
#define LAST_HANZI_ROW  0xF7 /* row 87 */

/* The hanzi of one row, converted in one call; a code with no character
 * (the gaps at the end of row 55) is stepped over.  Returns their number. */
static size_t row_hanzi(iconv_t cd, unsigned row, uint32_t out[94])
{
    char in[2 * 94];
    for (unsigned k = 0; k < 94; k++) {
        in[2 * k] = (char)row;
        in[2 * k + 1] = (char)(0xA1 + k);
    }
    char *ip = in;
    size_t il = sizeof in, n = 0;
    while (il > 0) {
        char ucs4[4 * 94], *op = ucs4;
        size_t ol = sizeof ucs4;
        iconv(cd, NULL, NULL, NULL, NULL);
        size_t rc = iconv(cd, &ip, &il, &op, &ol);
        const unsigned char *u = (const unsigned char *)ucs4; /* UCS-4BE */
        for (; u < (const unsigned char *)op; u += 4)
            out[n++] = (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3];
        if (rc == (size_t)-1) {
            if (il < 2)
                break;
            ip += 2;
            il -= 2;
        }
    }
    return n;
}

size_t gb2312_hanzi(uint32_t **out)
{
    *out = NULL;
    iconv_t cd = iconv_open("UCS-4BE", "GB2312");
    if (cd == (iconv_t)-1)
        return 0;
    size_t n = 0;
    uint32_t *cps = xmalloc((LAST_HANZI_ROW - FIRST_HANZI_ROW + 1) * 94 * sizeof *cps);
    for (unsigned row = FIRST_HANZI_ROW; row <= LAST_HANZI_ROW; row++)
        n += row_hanzi(cd, row, cps + n);
    iconv_close(cd);
    *out = cps;
    return n;
}
