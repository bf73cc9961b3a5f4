/* SPDX-License-Identifier: MIT */
/* fuzz: what the libFuzzer targets of tests/fuzz share.
 *
 * Each target defines LLVMFuzzerInitialize (fixed inputs such as a valid
 * rubric, read once: parsing them again for every one of millions of inputs
 * would spend the run on the seeds) and LLVMFuzzerTestOneInput.  The same
 * objects link either with libFuzzer's main or with replay.c's, which runs
 * saved inputs through them as regression tests.
 *
 * FUZZ_ROOT is the source tree, set by mk/fuzz.mk, so a target finds the
 * rubrics and layouts wherever it is run from.
 */
#ifndef GONGWEN_FUZZ_H
#define GONGWEN_FUZZ_H

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "compose.h"
#include "diag.h"
#include "fonts.h"
#include "layout.h"
#include "model.h"
#include "notice.h"
#include "page.h"
#include "parse.h"
#include "pdffontprog.h"
#include "grade.h"
#include "scores.h"
#include "source.h"
#include "scored.h"
#include "typeset.h"
#include "text.h"

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A file of the source tree (caller frees). */
static inline char *fuzz_path(const char *rel)
{
    return xasprintf("%s/%s", FUZZ_ROOT, rel);
}

/* The input as the NUL-terminated string every parser here expects. */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
    char *s = xmalloc(size + 1);
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* A fixed input that must load: a seed the fuzzer cannot run without. */
static inline void fuzz_require(int rc, const diag_list *d, const char *what)
{
    if (rc == 0)
        return;
    fprintf(stderr, "fuzz: cannot load %s:\n", what);
    diag_print(d, stderr);
    abort();
}

/* The real rubrics the scores and layout targets run against. */
static const char *const FUZZ_RUBRICS[] = {"rubrics/leshan-2012.md", "rubrics/zhuzhou-2011.md",
                                           "rubrics/sample-tiered.md"};
#define FUZZ_NRUBRICS (sizeof FUZZ_RUBRICS / sizeof *FUZZ_RUBRICS)

/* A rubric of the source tree, which must parse. */
static inline document *fuzz_rubric(const char *rel)
{
    char *path = fuzz_path(rel);
    diag_list d = {0};
    document *doc = NULL;
    fuzz_require(rubric_parse_file(path, &doc, &d), &d, path);
    diag_list_free(&d);
    free(path);
    return doc;
}

/* The fonts of fonts/fontmap.yaml, which must load. */
static inline fontset *fuzz_fonts(void)
{
    char *map = fuzz_path("fonts/fontmap.yaml");
    diag_list d = {0};
    fontset *fs = NULL;
    fuzz_require(fontset_load(map, &fs, &d), &d, map);
    diag_list_free(&d);
    free(map);
    return fs;
}

/* Every layout of layouts/, by name, as 版式 names them. */
#define FUZZ_MAX_LAYOUTS 32
typedef struct fuzz_layouts {
    char *names[FUZZ_MAX_LAYOUTS];
    layout *lays[FUZZ_MAX_LAYOUTS];
    size_t n;
} fuzz_layouts;

static inline void fuzz_load_layouts(fuzz_layouts *ls)
{
    char *dir = fuzz_path("layouts");
    DIR *dp = opendir(dir);
    if (!dp) {
        perror(dir);
        abort();
    }
    for (struct dirent *de; (de = readdir(dp)) != NULL && ls->n < FUZZ_MAX_LAYOUTS;) {
        size_t len = strlen(de->d_name);
        if (len <= 5 || strcmp(de->d_name + len - 5, ".yaml") != 0)
            continue;
        char *path = xasprintf("%s/%s", dir, de->d_name);
        diag_list d = {0};
        fuzz_require(layout_load(path, &ls->lays[ls->n], &d), &d, path);
        diag_list_free(&d);
        ls->names[ls->n++] = xstrndup(de->d_name, len - 5);
        free(path);
    }
    closedir(dp);
    free(dir);
}

/* NULL when no layout has that name, as `check` goes on after reporting it. */
static inline const layout *fuzz_layout_named(const fuzz_layouts *ls, const char *name)
{
    for (size_t i = 0; name && i < ls->n; i++)
        if (strcmp(ls->names[i], name) == 0)
            return ls->lays[i];
    return NULL;
}

/* The input as `gongwen build` takes it: accepted as text, parsed, its
 * layout found, checked.  The document (caller frees) and its layout in
 * *lay, or NULL with the reasons in d. */
static inline document *fuzz_buildable(char *text, size_t size, const fuzz_layouts *ls, const layout **lay,
                                       diag_list *d)
{
    size_t len = size;
    document *doc = NULL;
    if (source_accept("fuzz.md", text, &len, d) != 0 || rubric_parse_text("fuzz.md", text, len, &doc, d) != 0)
        return NULL;
    *lay = fuzz_layout_named(ls, field_value(&doc->meta, META_LAYOUT));
    check_summary s;
    if (*lay && check_document(doc, *lay, &s, d) == 0)
        return doc;
    document_free(doc);
    return NULL;
}

/* Formats every finding, as main would, into sink: message formatting is
 * part of what an input can break. */
static inline void fuzz_report(diag_list *d, FILE *sink)
{
    diag_print(d, sink);
    diag_list_free(d);
}

/* Where formatted output goes: nowhere, but through stdio; to stdout when
 * FUZZ_SHOW is set, to see what an input does. */
static inline FILE *fuzz_sink(void)
{
    if (getenv("FUZZ_SHOW"))
        return stdout;
    FILE *f = fopen("/dev/null", "w");
    if (!f) {
        perror("fuzz: /dev/null");
        abort();
    }
    return f;
}

/* The pages of doc, which passed its checks, as `gongwen build` typesets
 * them: notice, tables, 版记, page numbers.  -1 when a character has no font
 * (reported in d): `gongwen` then writes no PDF. */
static inline int fuzz_pages(const document *doc, const layout *lay, const fontset *fs, diag_list *d,
                             page_list *pages)
{
    shaper sh;
    shaper_init(&sh, fs);
    compose_document(doc, lay, &sh, NULL, pages, d);
    int rc = shaper_report(&sh, d);
    shaper_free(&sh);
    return rc;
}

/* Typesets doc as fuzz_pages does, short of the PDF writer, and says how
 * much it made. */
static inline void fuzz_typeset(const document *doc, const layout *lay, const fontset *fs, diag_list *d, FILE *sink)
{
    page_list pages = {0};
    int rc = fuzz_pages(doc, lay, fs, d, &pages);
    size_t ops = 0, glyphs = 0;
    for (size_t p = 0; p < pages.len; p++) {
        ops += pages.pages[p].len;
        for (size_t k = 0; k < pages.pages[p].len; k++)
            glyphs += pages.pages[p].ops[k].ncps;
    }
    fprintf(sink, "%zu pages, %zu ops, %zu glyphs%s\n", pages.len, ops, glyphs, rc ? " (characters missing)" : "");
    page_list_free(&pages);
}

/* Per face, a program of the first half of the characters pages draw, as
 * a batch's units draw from the form's programs. */
static inline font_program **fuzz_shared_programs(const page_list *pages, const fontset *fs, diag_list *d)
{
    size_t nfaces = fontset_face_count(fs);
    uint32_t **cps = xcalloc(nfaces + 1, sizeof *cps);
    size_t *ncps = xcalloc(nfaces + 1, sizeof *ncps);
    font_program **shared = xcalloc(nfaces + 1, sizeof *shared);
    page_list_face_cps(pages, nfaces, cps, ncps);
    for (size_t f = 0; f < nfaces; f++) {
        if (ncps[f] / 2 > 0)
            font_program_make(fontset_face_path(fs, (int)f), fontset_face_index(fs, (int)f), cps[f], ncps[f] / 2,
                              &shared[f], d);
        free(cps[f]);
    }
    free(cps);
    free(ncps);
    return shared;
}

static inline void fuzz_free_programs(font_program **shared, const fontset *fs)
{
    for (size_t f = 0; shared && f < fontset_face_count(fs); f++)
        font_program_free(shared[f]);
    free(shared);
}

#endif
