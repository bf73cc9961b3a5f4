/* pdffont: a font dictionary of libharu 2.3.0 put right for a subset font
 * whose codes are BMP code points (pdfwrite's fonts):
 *   - a valid ToUnicode CMap (tounicode.h) in place of the CID CMap libharu
 *     writes there, and CIDSystemInfo Ordering "Identity";
 *   - /DW and /W for the codes drawn only, instead of every BMP code whose
 *     glyph is not of the default width (5-6 KB, uncompressed, per font).
 * Part of pdfwrite; knows libharu, nothing of the rubric.
 */
#ifndef GONGWEN_PDFFONT_H
#define GONGWEN_PDFFONT_H

#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

/* cps: the n code points drawn with font, ascending.  Non-zero if libharu
 * refused any of it. */
HPDF_STATUS pdffont_fix(HPDF_Doc pdf, HPDF_Font font, const uint32_t *cps, size_t n);

#endif
