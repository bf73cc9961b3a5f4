/* SPDX-License-Identifier: MIT */
/* fuzz_pdf: rubric bytes all the way to a PDF file, as `gongwen build`
 * writes it: what passes the checks and has a font for every character is typeset,
 * each face's characters are made into font programs (pdffontprog.c), embedded
 * (pdffont.c) and drawn (pdfwrite.c), with the PDF/A parts, into a file.
 * For every other input the first half of each face's characters comes
 * from programs made beforehand, as a batch's blank form's do, and only the
 * rest from the document's own.
 *
 * Slow for a fuzzer (a font subset per face per input), so its inputs are
 * kept short; the geometry is fuzzed faster by the typeset target. */
#include <unistd.h>

#include "fileio.h"
#include "pdffontprog.h"
#include "fonts.h"
#include "fuzz.h"
#include "layout.h"
#include "model.h"
#include "pdfwrite.h"

typedef struct env {
    fuzz_layouts layouts;
    fontset *fs;
    FILE *sink;
    char *icc;
    size_t icc_len;
    char dir[64], *out;
} env;

static env *the_env; /* set once by LLVMFuzzerInitialize, read-only after */

static void remove_output(void)
{
    unlink(the_env->out);
    rmdir(the_env->dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    env *e = xcalloc(1, sizeof *e);
    fuzz_load_layouts(&e->layouts);
    e->fs = fuzz_fonts();
    e->sink = fuzz_sink();
    diag_list d = {0};
    fuzz_require(file_read("/usr/share/color/icc/sRGB.icc", 1 << 20, &e->icc, &e->icc_len, &d), &d, "sRGB.icc");
    snprintf(e->dir, sizeof e->dir, "%s", "/tmp/gongwen-fuzz-pdf-XXXXXX");
    if (!mkdtemp(e->dir)) {
        perror("fuzz: mkdtemp");
        abort();
    }
    e->out = xasprintf("%s/out.pdf", e->dir);
    the_env = e;
    atexit(remove_output);
    return 0;
}

static void write_pdf(const env *e, const document *doc, const layout *lay, bool with_shared, diag_list *d)
{
    page_list pages = {0};
    if (fuzz_pages(doc, lay, e->fs, d, &pages) != 0) {
        page_list_free(&pages);
        return; /* a character without a font: no PDF */
    }
    font_program **shared = with_shared ? fuzz_shared_programs(&pages, e->fs, d) : NULL;
    pdf_info info = {.title = field_value(&doc->meta, META_TITLE),
                     .author = field_value(&doc->meta, META_ISSUER),
                     .epoch = 1356048000,
                     .icc = (const unsigned char *)e->icc,
                     .icc_len = e->icc_len};
    int rc = pages.len > 0 ? pdf_write(&pages, e->fs, (const font_program *const *)shared, &info, e->out, d) : 0;
    fprintf(e->sink, "%zu pages: %s\n", pages.len, rc == 0 ? "written" : "refused");
    fuzz_free_programs(shared, e->fs);
    page_list_free(&pages);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const env *e = the_env;
    char *text = fuzz_text(data, size);
    diag_list d = {0};
    const layout *lay;
    document *doc = fuzz_buildable(text, size, &e->layouts, &lay, &d);
    if (doc)
        write_pdf(e, doc, lay, size % 2 == 1, &d);
    document_free(doc);
    fuzz_report(&d, e->sink);
    free(text);
    return 0;
}
