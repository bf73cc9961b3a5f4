/* SPDX-License-Identifier: MIT */
/* fonts: the font map, FreeType facts about each candidate face, coverage and
 * fallback.  Data in, facts out; knows nothing of libharu or cmark.
 *
 * The font map (fonts/fontmap.yaml) names roles (xiaobiaosong, fangsong, hei,
 * kai, song) and for each an ordered list of candidate files (with a .ttc face
 * index).  A candidate that does not exist on this machine is skipped; the
 * first existing candidate that has a glyph for a code point draws it.
 *
 * Faces are numbered 0..n-1 across the whole set (a file used by two roles is
 * one face).  Invariant: a face id returned by fontset_face_for is open and
 * stays valid until fontset_free.
 */
#ifndef GONGWEN_FONTS_H
#define GONGWEN_FONTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

typedef struct fontset fontset;

typedef enum {
    ROLE_XIAOBIAOSONG, /* 发文机关标志, 标题 */
    ROLE_FANGSONG,     /* body */
    ROLE_HEI,          /* 一、 headings, 附件 label, table headers */
    ROLE_KAI,          /* （一） headings */
    ROLE_SONG,         /* page numbers, digits */
    ROLE_COUNT
} font_role;

/* "xiaobiaosong" → ROLE_XIAOBIAOSONG; -1 if unknown. */
int font_role_from_name(const char *name);
const char *font_role_name(font_role role);

/* Loads the map and opens every candidate that exists.  Relative paths in the
 * map are resolved against the map's own folder.  Fails (with diagnostics) when
 * the map is unreadable or a role has no usable face. */
int fontset_load(const char *fontmap_path, fontset **out, diag_list *d);
/* The same from the map's text in memory (len bytes; NULL: read the file);
 * fontmap_path names it in diagnostics and its folder resolves relative
 * candidates, as above. */
int fontset_load_text(const char *fontmap_path, const char *text, size_t len, fontset **out,
                      diag_list *d);
void fontset_free(fontset *fs);

/* The face of the role that draws cp (first candidate covering it), or -1. */
int fontset_face_for(const fontset *fs, font_role role, uint32_t cp);
/* Advance width of cp in face, in em (multiply by the font size for pt). */
double fontset_advance(const fontset *fs, int face, uint32_t cp);
/* Ascender and descender in em (descender negative). */
double fontset_ascender(const fontset *fs, int face);
double fontset_descender(const fontset *fs, int face);

size_t fontset_face_count(const fontset *fs);
const char *fontset_face_path(const fontset *fs, int face);
int fontset_face_index(const fontset *fs, int face);   /* index inside a .ttc */
const char *fontset_face_family(const fontset *fs, int face);

/* The usable candidate faces of role, in the map's order; *faces stays valid
 * until fontset_free.  Returns their number. */
size_t fontset_role_faces(const fontset *fs, font_role role, const int **faces);
/* Whether face has a glyph for cp. */
bool fontset_face_covers(const fontset *fs, int face, uint32_t cp);

/* Reports every code point of text that no candidate of role covers, as
 * `file:line: error: 字 (U+5B57) …`.  Returns -1 if any is missing. */
int fontset_check_text(const fontset *fs, font_role role, const char *text,
                       const char *file, int line, diag_list *d);

#endif
