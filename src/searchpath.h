/* SPDX-License-Identifier: MIT */
/* searchpath: where a layout or the font map is looked for, in order, and
 * which one is found.
 *
 * Both are looked for in the same places, first to last:
 *
 *   option     --layouts DIR; --fontmap FILE, which is then the only font map
 *              tried, so that a wrong name is an error, not a quiet fallback
 *   here       the current folder: ./layouts, ./fonts/fontmap.yaml
 *   rubric     beside the rubric: RUBRIC_DIR/../layouts, ../fonts/fontmap.yaml
 *              (a rubric read from standard input has no folder)
 *   user       the user's settings: $XDG_CONFIG_HOME/gongwen/layouts,
 *              …/gongwen/fonts/fontmap.yaml (default ~/.config/gongwen)
 *   installed  PREFIX/share/gongwen/layouts, …/fonts/fontmap.yaml
 *
 * So a project folder (rubrics/, layouts/, fonts/) works from inside it and
 * from anywhere, and a user's own layouts and fonts come before the installed
 * ones.  Nothing here reads the environment: app_env says where the user's
 * settings and the installed data are.
 */
#ifndef GONGWEN_SEARCHPATH_H
#define GONGWEN_SEARCHPATH_H

#include <stddef.h>

#include "app.h"

typedef enum { PLACE_OPTION, PLACE_HERE, PLACE_RUBRIC, PLACE_USER, PLACE_INSTALLED, PLACE_COUNT } place_kind;

typedef struct place {
    place_kind kind;
    char *path;          /* a folder of layouts, or a font map file */
} place;

/* The places that exist for one lookup, in order (at most one of each kind). */
typedef struct searchpath {
    place at[PLACE_COUNT];
    size_t len;
} searchpath;

/* rubric: the rubric's path as given, or NULL when there is none. */
void searchpath_layouts(searchpath *sp, const app_options *opt, const char *rubric);
void searchpath_fontmaps(searchpath *sp, const app_options *opt, const char *rubric);
void searchpath_free(searchpath *sp);

/* What a place is, in English words to look up (intl.h) where they are
 * shown: "named on the command line", "current folder", "beside the
 * rubric", "your settings", "installed". */
const char *place_kind_name(place_kind kind);

/* NAME.yaml in the first place that has it (a new path; *where, when not
 * NULL, gets its place), or NULL: none has it, or NAME is not a plain name. */
char *searchpath_find_layout(const searchpath *sp, const char *name, const place **where);
/* Reports, at file:line, that no place has the layout NAME, and which
 * layouts there are. */
int searchpath_no_layout(const searchpath *sp, const char *name, const char *file, int line, diag_list *d);
/* The first readable font map, or the one --fontmap names whether it exists
 * or not (the error is then about it); NULL when there is none. */
char *searchpath_find_fontmap(const searchpath *sp, const place **where);
/* The font map a rubric (NULL: none) would use: searchpath_find_fontmap
 * over searchpath_fontmaps. */
char *find_fontmap(const app_options *opt, const char *rubric);

/* The layout names (NAME of NAME.yaml) in folder dir, or in every place of sp
 * once each: sorted, NULL-terminated; names_free releases them. */
char **layout_names_in(const char *dir);
char **layout_names(const searchpath *sp);
void names_free(char **names);

#endif
