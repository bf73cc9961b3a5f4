/* SPDX-License-Identifier: MIT */
/* pdffont: a font program (pdffontprog.h) as the font dictionaries of one PDF.
 *
 * libharu 2.3.0's own TrueType path is not used: it copies the font byte by
 * byte, builds tables over all 65,536 BMP code points for every font of every
 * document, writes an invalid ToUnicode CMap, a 128 KB CIDToGIDMap and widths
 * rounded away from the font's; it cannot load CFF outlines at all.  Here a
 * program becomes, through libharu's object API:
 *   Type0 /Identity-H → CIDFontType2 with a CIDToGIDMap of its n + 1 CIDs
 *   (TrueType), or CIDFontType0, whose CFF maps CIDs itself (CFF),
 *   /DW and /W of the font's own advances → FontDescriptor with a CIDSet
 *   (PDF/A) → FontFile2, or FontFile3 /CIDFontType0C, the program's
 *   deflated bytes copied as they are;
 *   and a bfchar ToUnicode CMap (pdftounicode.h).
 * Each code point gets a CID of its own, even where two share a glyph (- and
 * ‑ in some fonts), so that each extracts as itself.  Part of pdfwrite;
 * knows libharu, nothing of the rubric.
 */
#ifndef GONGWEN_PDFFONT_H
#define GONGWEN_PDFFONT_H

#include <hpdf.h>

#include "pdffontprog.h"

/* The two-byte character code, which is also the CID, of fp->cps[i] in
 * content streams: CID 0 is .notdef. */
#define PDFFONT_CODE(i) ((i) + 1)

/* The Type0 font dictionary for fp, added to pdf; NULL if libharu refused
 * any of it (HPDF_GetError has the reason). */
HPDF_Dict pdffont_embed(HPDF_Doc pdf, const font_program *fp);

#endif
