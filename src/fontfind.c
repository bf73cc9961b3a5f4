/* SPDX-License-Identifier: MIT */
/* fontfind: fontconfig's fonts, asked by name (see fontfind.h).
 *
 * The configuration's own set of fonts (FcConfigGetFonts: no copy) is
 * indexed once by every family, full and PostScript name of each face,
 * spelt without spaces and in ASCII lower case; a name is then looked up in
 * that index.  One FcFontList per name would cost some 300,000 instructions
 * each, and a map names some sixty families, most of them not installed.
 * FcFontSetMatch over the faces of a name picks among their styles as
 * fontconfig would for any program.
 */
#include "fontfind.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>

#include "text.h"

/* The kinds of names, in the order they are tried. */
static const char *const NAME_KINDS[] = {FC_FAMILY, FC_FULLNAME, FC_POSTSCRIPT_NAME};
#define NKINDS (sizeof NAME_KINDS / sizeof *NAME_KINDS)

typedef struct name_entry {
    char *key;        /* the name, normalised (see normalise) */
    unsigned kind;    /* into NAME_KINDS */
    FcPattern *face;  /* owned by the configuration */
} name_entry;

struct font_finder {
    FcConfig *config;
    name_entry *names;
    size_t nnames, cap;
    FcCharSet *wanted;
};

/* A name as fontconfig compares names: ASCII case and spaces aside. */
static char *normalise(const char *name)
{
    char *key = xmalloc(strlen(name) + 1), *k = key;
    for (const char *p = name; *p; p++)
        if (*p != ' ')
            *k++ = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
    *k = '\0';
    return key;
}

static void index_faces(font_finder *ff, FcFontSet *set)
{
    for (int i = 0; set && i < set->nfont; i++) {
        FcPattern *face = set->fonts[i];
        int index = 0;
        FcPatternGetInteger(face, FC_INDEX, 0, &index);
        if (index >> 16 != 0)
            continue; /* a named instance of a variable font */
        for (unsigned kind = 0; kind < NKINDS; kind++) {
            FcChar8 *value;
            for (int v = 0; FcPatternGetString(face, NAME_KINDS[kind], v, &value) == FcResultMatch; v++) {
                GROW(ff->names, ff->nnames, ff->cap);
                ff->names[ff->nnames++] = (name_entry){normalise((const char *)value), kind, face};
            }
        }
    }
}

static bool has_cache_dirs(FcConfig *config)
{
    FcStrList *dirs = FcConfigGetCacheDirs(config);
    bool has = dirs && FcStrListNext(dirs);
    if (dirs)
        FcStrListDone(dirs);
    return has;
}

/* What FcInitLoadConfigAndFonts does, less its parsing, for fc-conflist's
 * sake, of every file of /usr/share/fontconfig/conf.avail, used or not:
 * 11 of the 32 M instructions it takes on Debian 12.  A configuration it
 * would have mended (none found, no cache folder) is left to it. */
static FcConfig *load_config(void)
{
    FcConfig *config = FcConfigCreate();
    if (config && FcConfigParseAndLoad(config, NULL, FcTrue) && has_cache_dirs(config) &&
        FcConfigBuildFonts(config))
        return config;
    if (config)
        FcConfigDestroy(config);
    return FcInitLoadConfigAndFonts();
}

font_finder *font_finder_new(const uint32_t *wanted, size_t n)
{
    FcConfig *config = load_config();
    if (!config)
        return NULL;
    font_finder *ff = xcalloc(1, sizeof *ff);
    ff->config = config;
    index_faces(ff, FcConfigGetFonts(config, FcSetSystem));
    index_faces(ff, FcConfigGetFonts(config, FcSetApplication));
    ff->wanted = FcCharSetCreate();
    for (size_t i = 0; ff->wanted && i < n; i++)
        FcCharSetAddChar(ff->wanted, wanted[i]);
    if (!ff->wanted) {
        font_finder_free(ff);
        return NULL;
    }
    return ff;
}

void font_finder_free(font_finder *ff)
{
    if (!ff)
        return;
    for (size_t i = 0; i < ff->nnames; i++)
        free(ff->names[i].key);
    free(ff->names);
    if (ff->wanted)
        FcCharSetDestroy(ff->wanted);
    FcConfigDestroy(ff->config);
    free(ff);
}

static bool in_style(FcPattern *face, const char *style)
{
    char *want = normalise(style);
    bool in = false;
    FcChar8 *value;
    for (int v = 0; !in && FcPatternGetString(face, FC_STYLE, v, &value) == FcResultMatch; v++) {
        char *key = normalise((const char *)value);
        in = strcmp(key, want) == 0;
        free(key);
    }
    free(want);
    return in;
}

/* The faces with a name of the given kind that is key, in style unless
 * NULL. */
static FcFontSet *faces_named(const font_finder *ff, unsigned kind, const char *key, const char *style)
{
    FcFontSet *faces = FcFontSetCreate();
    for (size_t i = 0; faces && i < ff->nnames; i++) {
        const name_entry *e = &ff->names[i];
        FcPattern *face = e->face;
        /* A face's names are indexed together: a repeat is the face just added. */
        if (e->kind != kind || strcmp(e->key, key) != 0 ||
            (faces->nfont > 0 && faces->fonts[faces->nfont - 1] == face) || (style && !in_style(face, style)))
            continue;
        FcPatternReference(face); /* the set's reference */
        if (!FcFontSetAdd(faces, face))
            FcPatternDestroy(face);
    }
    return faces;
}

/* Of the faces, the one fontconfig finds nearest to a regular upright face
 * of normal width (in style, when asked). */
static int nearest(const font_finder *ff, FcFontSet *faces, const char *style, font_found *out)
{
    FcPattern *want = FcPatternCreate();
    FcPatternAddInteger(want, FC_WEIGHT, FC_WEIGHT_REGULAR);
    FcPatternAddInteger(want, FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddInteger(want, FC_WIDTH, FC_WIDTH_NORMAL);
    if (style)
        FcPatternAddString(want, FC_STYLE, (const FcChar8 *)style);
    FcResult result;
    FcPattern *best = faces->fonts[0];
    if (faces->nfont == 1) /* the common case; no choice to make */
        FcPatternReference(best);
    else
        best = FcFontSetMatch(ff->config, &faces, 1, want, &result);
    FcPatternDestroy(want);
    FcChar8 *file = NULL;
    int found = best && FcPatternGetString(best, FC_FILE, 0, &file) == FcResultMatch;
    if (found) {
        out->path = xstrdup((const char *)file);
        out->index = 0;
        FcPatternGetInteger(best, FC_INDEX, 0, &out->index);
        FcCharSet *has = NULL;
        out->missing = FcPatternGetCharSet(best, FC_CHARSET, 0, &has) == FcResultMatch
                           ? FcCharSetSubtractCount(ff->wanted, has)
                           : FcCharSetCount(ff->wanted);
    }
    if (best)
        FcPatternDestroy(best);
    return found;
}

int font_finder_find(const font_finder *ff, const char *name, const char *style, font_found *out)
{
    char *key = normalise(name);
    int found = 0;
    for (unsigned kind = 0; kind < NKINDS && !found; kind++) {
        FcFontSet *faces = faces_named(ff, kind, key, style);
        found = faces && faces->nfont > 0 && nearest(ff, faces, style, out);
        if (faces)
            FcFontSetDestroy(faces);
    }
    free(key);
    return found;
}
