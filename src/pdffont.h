/* pdffont: a font program (fontprog.h) as the font dictionaries of one PDF.
 *
 * libharu 2.3.0's own TrueType path is not used: it copies the font byte by
 * byte, builds tables over all 65,536 BMP code points for every font of every
 * document, writes an invalid ToUnicode CMap, a 128 KB CIDToGIDMap and widths
 * rounded away from the font's.  Here a program becomes, through libharu's
 * object API:
 *   Type0 /Identity-H → CIDFontType2, CIDToGIDMap /Identity, /DW and /W of
 *   the font's own advances → FontDescriptor with a CIDSet (PDF/A) →
 *   FontFile2, the program's deflated bytes copied as they are;
 *   and a bfchar ToUnicode CMap (tounicode.h).
 * Character codes in content streams are then the program's glyph ids, two
 * bytes each.  Part of pdfwrite; knows libharu, nothing of the rubric.
 */
#ifndef GONGWEN_PDFFONT_H
#define GONGWEN_PDFFONT_H

#include <hpdf.h>

#include "fontprog.h"

/* The Type0 font dictionary for fp, added to pdf; NULL if libharu refused
 * any of it (its error handler has the reason). */
HPDF_Dict pdffont_embed(HPDF_Doc pdf, const font_program *fp);

#endif
