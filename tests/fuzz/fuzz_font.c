/* SPDX-License-Identifier: MIT */
/* fuzz_font: font file bytes, as a font map names a file, through everything
 * gongwen does with a face: FreeType opens it and the fontset takes its facts
 * (coverage of GB 2312, metrics, ink), a page draws a fixed few characters
 * with it, and the PDF writer subsets it with HarfBuzz (pdffontprog.c, and
 * pdfcff.c for CFF outlines) and embeds it.  Half the inputs (by size) also draw
 * from a program made beforehand of half the characters, as a batch does.
 *
 * The other targets only ever read sound fonts; a font file is input too
 * (a font map may name any file).  Faces are read from files only, so each
 * input is written to one in a private folder; the map naming it is fixed.
 * A collection ("ttcf") of an odd size is read at its second face. */
#include <unistd.h>

#include "fileio.h"
#include "fonts.h"
#include "fuzz.h"
#include "page.h"
#include "pdffontprog.h"
#include "pdfwrite.h"

typedef struct env {
    FILE *sink;
    char *icc;
    size_t icc_len;
    char dir[64];
    char *face, *map, *map_text[2], *out;
} env;

static env *the_env; /* set once by LLVMFuzzerInitialize, read-only after */

/* Hanzi, a full-width and a Latin letter, a digit, punctuation, a character
 * beyond the BMP: what the seeds have and what they lack. */
static const uint32_t SAMPLE[] = {0x4E2D, 0x6587, 0x4E00, 0x5B57, 0x3007, 0x3001, 0xFF21,
                                  0x0041, 0x0031, 0x2013, 0x2015, 0x20000};
#define NSAMPLE (sizeof SAMPLE / sizeof *SAMPLE)

static void remove_files(void)
{
    unlink(the_env->face);
    unlink(the_env->out);
    rmdir(the_env->dir);
}

static char *map_for(const char *face, int index)
{
    static const char *const roles[] = {"xiaobiaosong", "fangsong", "hei", "kai", "song"};
    char *text = xstrdup("");
    for (size_t r = 0; r < sizeof roles / sizeof *roles; r++) {
        char *t = xasprintf("%s%s:\n  - {file: %s, index: %d}\n", text, roles[r], face, index);
        free(text);
        text = t;
    }
    return text;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    env *e = xcalloc(1, sizeof *e);
    e->sink = fuzz_sink();
    diag_list d = {0};
    fuzz_require(file_read("/usr/share/color/icc/sRGB.icc", 1 << 20, &e->icc, &e->icc_len, &d), &d, "sRGB.icc");
    snprintf(e->dir, sizeof e->dir, "%s", "/tmp/gongwen-fuzz-font-XXXXXX");
    if (!mkdtemp(e->dir)) {
        perror("fuzz: mkdtemp");
        abort();
    }
    e->face = xasprintf("%s/face", e->dir);
    e->map = xasprintf("%s/map.yaml", e->dir);
    e->out = xasprintf("%s/out.pdf", e->dir);
    e->map_text[0] = map_for(e->face, 0);
    e->map_text[1] = map_for(e->face, 1);
    the_env = e;
    atexit(remove_files);
    return 0;
}

static void write_face(const env *e, const uint8_t *data, size_t size)
{
    FILE *f = fopen(e->face, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        perror(e->face);
        abort();
    }
}

/* The facts the typesetter asks of a face. */
static void query(const fontset *fs, FILE *sink)
{
    for (size_t f = 0; f < fontset_face_count(fs); f++) {
        int face = (int)f;
        fprintf(sink, "face %d: %s %g %g\n", face, fontset_face_family(fs, face), fontset_ascender(fs, face),
                fontset_descender(fs, face));
        for (size_t k = 0; k < NSAMPLE; k++) {
            double lo = 0, hi = 0;
            bool ink = fontset_ink_height(fs, face, SAMPLE[k], &lo, &hi);
            fprintf(sink, "  U+%04X %d %g %d %g %g\n", (unsigned)SAMPLE[k], fontset_face_covers(fs, face, SAMPLE[k]),
                    fontset_advance(fs, face, SAMPLE[k]), ink, lo, hi);
        }
    }
}

/* One page: each sample character the face has, in a line of its own size. */
static void draw(const fontset *fs, page_list *pages)
{
    page *p = page_list_add(pages);
    double y = 800;
    for (size_t k = 0; k < NSAMPLE; k++) {
        int face = fontset_face_for(fs, ROLE_FANGSONG, SAMPLE[k]);
        if (face < 0)
            continue;
        page_add_text(p, face, 16, 72, y, k % 2 ? 0.5 : 0, k % 3 == 0, (rgb){0, 0, 0}, &SAMPLE[k], 1);
        y -= 20;
    }
}

static void embed(const env *e, const fontset *fs, bool with_shared, diag_list *d)
{
    page_list pages = {0};
    draw(fs, &pages);
    font_program **shared = with_shared ? fuzz_shared_programs(&pages, fs, d) : NULL;
    pdf_info info = {.title = "字体", .epoch = 1356048000, .icc = (const unsigned char *)e->icc, .icc_len = e->icc_len};
    int rc = pdf_write(&pages, fs, (const font_program *const *)shared, &info, e->out, d);
    fprintf(e->sink, "%s\n", rc == 0 ? "written" : "refused");
    fuzz_free_programs(shared, fs);
    page_list_free(&pages);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const env *e = the_env;
    write_face(e, data, size);
    int second = size >= 4 && memcmp(data, "ttcf", 4) == 0 && size % 2 == 1;
    const char *map = e->map_text[second];
    diag_list d = {0};
    fontset *fs = NULL;
    if (fontset_load_text(e->map, map, strlen(map), &fs, &d) == 0) {
        query(fs, e->sink);
        embed(e, fs, size % 4 >= 2, &d);
        fontset_free(fs);
    }
    fuzz_report(&d, e->sink);
    return 0;
}
