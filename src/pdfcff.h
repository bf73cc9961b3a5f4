/* SPDX-License-Identifier: MIT */
/* pdfcff: the CFF outlines of a subset face, rewritten as the program of a
 * PDF CIDFontType0 font (FontFile3, /Subtype /CIDFontType0C).
 *
 * A subset keeps the face's own keying: a name-keyed CFF (most Latin and
 * many FounderType fonts) stays name-keyed, a CID-keyed one (Noto CJK,
 * Source Han) keeps the font's CIDs, several characters sharing one where
 * they share a glyph.  A PDF wants a CID-keyed program here, and a CID per
 * character, since readers such as mupdf map text to Unicode through CIDs.
 * So the program is written anew:
 *   - CID-keyed, ROS Adobe-Identity-0 (what the font dictionary declares);
 *   - glyph 0 is the input's .notdef and glyph k + 1 a copy of the input's
 *     glyph order[k] (a glyph two characters share is copied twice);
 *   - the charset gives glyph k the CID k;
 *   - each glyph keeps its Font DICT and Private DICT (local subroutines
 *     too), so its charstring means what it meant; a name-keyed input's
 *     Private DICT becomes the one Font DICT of the program;
 *   - the other Top DICT entries (names, FontBBox, FontMatrix) are copied,
 *     except the input's unique ids: a subset is another font.
 * Pure bytes in, bytes out: knows the CFF format (Adobe TN 5176), nothing
 * of HarfBuzz or PDF objects.
 */
#ifndef GONGWEN_PDFCFF_H
#define GONGWEN_PDFCFF_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* Appends to out the program described above for the CFF table cff[0..len)
 * and the n glyph ids of order.  Returns -1, with out left as it was, when
 * the table is not a CFF this module can read (CFF2, Type 1 charstrings, a
 * synthetic font, an offset out of bounds) or a glyph id is not in it. */
int pdfcff_rekey(const unsigned char *cff, size_t len, const uint16_t *order, size_t n,
                 strbuf *out);

#endif
