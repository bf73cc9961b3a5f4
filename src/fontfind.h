/* SPDX-License-Identifier: MIT */
/* fontfind: the file of an installed face, found by name through fontconfig.
 *
 * The installed fonts are the ones every desktop program sees: fontconfig's
 * configuration (fonts.conf, or the file FONTCONFIG_FILE names) gives the
 * folders, system-wide and the user's (~/.local/share/fonts, ~/.fonts), and
 * the fonts to accept or reject; fontconfig reads it, and its caches, itself.
 *
 * A name is matched as LibreOffice and XeTeX users expect: against every
 * family name of a face, in any language (仿宋_GB2312 and FangSong_GB2312 are
 * one face), else its full name, else its PostScript name, ignoring ASCII
 * case and spaces as fontconfig does.  Of the faces that match, the one
 * nearest to a regular upright face (or of the style asked for) wins, by
 * fontconfig's own scoring.  Aliases and substitutes are not followed: a name
 * is installed or it is not, so that a font map's order of preference means
 * what it says.  Named instances of variable fonts are left out (HarfBuzz
 * subsets a variable font at its default instance only).
 *
 * A face found comes with fontconfig's record of its characters, the one
 * `fc-list :charset` shows, measured against a set of code points given
 * once: no face file is opened to count them.
 *
 * Knows fontconfig only; the configuration is loaded by font_finder_new and
 * owned by the finder.
 */
#ifndef GONGWEN_FONTFIND_H
#define GONGWEN_FONTFIND_H

#include <stddef.h>
#include <stdint.h>

typedef struct font_finder font_finder;

/* Loads fontconfig's configuration and its list of fonts; faces found will
 * be measured against the n code points of wanted (copied).  NULL if
 * fontconfig cannot load its configuration. */
font_finder *font_finder_new(const uint32_t *wanted, size_t n);
void font_finder_free(font_finder *ff);

typedef struct font_found {
    char *path;     /* the caller frees it */
    int index;      /* the face in a collection */
    size_t missing; /* how many of the wanted code points it lacks */
} font_found;

/* The face that carries name (in style, e.g. "Bold", unless NULL): returns 1
 * and fills *out; returns 0 when no installed face carries it. */
int font_finder_find(const font_finder *ff, const char *name, const char *style, font_found *out);

#endif
