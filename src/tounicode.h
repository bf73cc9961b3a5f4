/* tounicode: the ToUnicode CMap of a font whose character codes are BMP code
 * points (what libharu 2.3.0's UTF-8 encoder writes: two bytes per character,
 * the code equal to the Unicode scalar value, the CID equal to the code).
 *
 * libharu writes a CID CMap (begincidrange) as ToUnicode, which is invalid
 * there; this builds the valid bfchar form that text extraction and copy-paste
 * read.  Only bfchar, though bfrange would be shorter: ghostscript 10.0
 * (Debian 12) decodes two-byte bfrange destinations wrongly, e.g. 《 as ':'.
 */
#ifndef GONGWEN_TOUNICODE_H
#define GONGWEN_TOUNICODE_H

#include <stddef.h>
#include <stdint.h>

/* The CMap program mapping each of the n codes in cps (ascending, distinct,
 * each <= 0xFFFF) to itself; the caller frees the string. */
char *tounicode_cmap(const uint32_t *cps, size_t n);

#endif
