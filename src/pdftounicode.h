/* SPDX-License-Identifier: MIT */
/* pdftounicode: the ToUnicode CMap of a font with two-byte character codes
 * (pdffont's: each code is a glyph id of the embedded subset), which text
 * extraction, search and copy-paste read.
 *
 * Only bfchar, though bfrange would be shorter: ghostscript 10.0 (Debian 12)
 * decodes two-byte bfrange destinations wrongly, e.g. 《 as ':'.
 */
#ifndef GONGWEN_PDFTOUNICODE_H
#define GONGWEN_PDFTOUNICODE_H

#include <stddef.h>
#include <stdint.h>

/* The CMap program mapping codes[i] (ascending, distinct) to the code point
 * cps[i], for i < n; the caller frees the string. */
char *pdftounicode_cmap(const uint16_t *codes, const uint32_t *cps, size_t n);

#endif
