/* subset: one face of a font file cut down to the characters a document
 * draws, written to a temporary TrueType file for libharu.
 *
 * libharu 2.3.0 can only load fonts from a path, and its own "subsetting"
 * keeps cmap, hmtx, post and name whole (160–570 KB per CJK font), so the
 * face is subset first with HarfBuzz (a few KB for a few hundred hanzi).
 */
#ifndef GONGWEN_SUBSET_H
#define GONGWEN_SUBSET_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* Subsets face `index` of the font at path to the n code points in cps and
 * writes the result as a single-face TrueType file in $TMPDIR (or /tmp).
 * Stores its path in *tmp_path (the caller unlinks and frees it) and its size
 * in *size.  On failure appends a diagnostic about path and returns -1. */
int subset_to_tempfile(const char *path, int index, const uint32_t *cps, size_t n,
                       char **tmp_path, size_t *size, diag_list *d);

#endif
