/* SPDX-License-Identifier: MIT */
/* pdffontprog: one face cut down to the characters a document draws, made into
 * the font program a PDF embeds, with the facts its font dictionaries need.
 *
 * The face is subset with HarfBuzz to exactly the given code points (glyph
 * ids renumbered, hinting dropped, CFF subroutines inlined, without the
 * tables a PDF reader never consults for a CID-keyed font: cmap, name,
 * layout tables), and deflated once.  A program is immutable once made, so
 * a batch makes the programs of the blank form once and embeds them in every
 * unit's PDF.
 *
 * Invariants of a font_program:
 *   - cps[0..n) ascending and distinct, n <= FONT_PROGRAM_MAX; gids[i] the
 *     glyph of cps[i] in the program, never 0 (.notdef); in a TrueType
 *     program two code points may share a glyph (- and ‑ in some fonts), in
 *     a CFF one gids[i] == i + 1, which is also its CID (pdfcff.h);
 *   - widths[i] the advance of cps[i] in 1/1000 em, exactly the font's;
 *   - data[0..len) the deflated program of raw_len bytes, holding nglyphs
 *     glyphs, 0 being .notdef: a TrueType file (FONT_OUTLINES_TRUETYPE) or
 *     a bare CID-keyed CFF (FONT_OUTLINES_CFF);
 *   - name: a subset tag derived from data, '+', the face's PostScript
 *     name: the same font and characters give the same name.
 * Knows HarfBuzz and libdeflate; nothing of PDF objects or libharu.
 */
#ifndef GONGWEN_PDFFONTPROG_H
#define GONGWEN_PDFFONTPROG_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* Code points a program can carry: a PDF's two-byte codes, less .notdef. */
#define FONT_PROGRAM_MAX 65534

typedef enum {
    FONT_OUTLINES_TRUETYPE, /* glyf: embedded as FontFile2 */
    FONT_OUTLINES_CFF,      /* CFF: embedded as FontFile3 /CIDFontType0C */
} font_outlines;

typedef struct font_program {
    font_outlines outlines;
    uint32_t *cps;
    uint16_t *gids;
    double *widths;
    size_t n;
    unsigned nglyphs;
    unsigned char *data;
    size_t len, raw_len;
    char name[80];
    /* FontDescriptor metrics, 1/1000 em */
    double ascent, descent, cap_height;
    double bbox[4];       /* xMin yMin xMax yMax */
} font_program;

/* Face `index` of the font file at path, subset to the n code points in cps
 * (in any order, repeats allowed; every one mapped by the face; at most
 * FONT_PROGRAM_MAX distinct).  On failure appends a
 * diagnostic about path and returns -1. */
int font_program_make(const char *path, int index, const uint32_t *cps, size_t n,
                      font_program **out, diag_list *d);
void font_program_free(font_program *fp);

/* The position of cp in fp->cps, or -1 when fp does not carry it. */
long font_program_find(const font_program *fp, uint32_t cp);

#endif
