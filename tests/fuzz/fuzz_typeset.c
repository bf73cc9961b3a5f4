/* SPDX-License-Identifier: MIT */
/* fuzz_typeset: rubric bytes as far as `gongwen build` goes short of the PDF
 * writer: what passes the checks is typeset,
 * notice and blank tables, into pages.  Line breaking, page breaking and
 * the table's cell geometry are where earlier inputs hung or read out of
 * bounds (tests/fixtures/regress/).
 *
 * The layouts of layouts/ and the fonts of fonts/fontmap.yaml are loaded
 * once; an input names a layout by 版式. */
#include "fonts.h"
#include "fuzz.h"
#include "layout.h"
#include "model.h"

typedef struct env {
    fuzz_layouts layouts;
    fontset *fs;
    FILE *sink;
} env;

static env *the_env; /* set once by LLVMFuzzerInitialize, read-only after */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    env *e = xcalloc(1, sizeof *e);
    fuzz_load_layouts(&e->layouts);
    e->fs = fuzz_fonts();
    e->sink = fuzz_sink();
    the_env = e;
    return 0;
}


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const env *e = the_env;
    char *text = fuzz_text(data, size);
    diag_list d = {0};
    const layout *lay;
    document *doc = fuzz_buildable(text, size, &e->layouts, &lay, &d);
    if (doc)
        fuzz_typeset(doc, lay, e->fs, &d, e->sink);
    document_free(doc);
    fuzz_report(&d, e->sink);
    free(text);
    return 0;
}
