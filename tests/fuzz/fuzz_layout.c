/* SPDX-License-Identifier: MIT */
/* fuzz_layout: a layout file (layouts/NAME.yaml), as bytes, read into a layout; a layout
 * that loads is then used the way `check` uses one, against each real rubric
 * (parsed once): its columns decide which fields every item must have.  Where
 * a rubric passes with it, the rubric is typeset with it, as `build` would:
 * every size and length of the layout is geometry the typesetter must survive. */
#include "check.h"
#include "fonts.h"
#include "fuzz.h"
#include "layout.h"
#include "model.h"
#include "parse.h"


typedef struct env {
    document *docs[FUZZ_NRUBRICS];
    fontset *fs;
    FILE *sink;
} env;

static env *the_env; /* set once by LLVMFuzzerInitialize, read-only after */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    env *e = xcalloc(1, sizeof *e);
    for (size_t i = 0; i < FUZZ_NRUBRICS; i++)
        e->docs[i] = fuzz_rubric(FUZZ_RUBRICS[i]);
    e->fs = fuzz_fonts();
    e->sink = fuzz_sink();
    the_env = e;
    return 0;
}

/* The invariant layout.h promises of every loaded layout. */
static void assert_invariant(const layout *l)
{
    int seen[SHOW_COUNT] = {0};
    if (l->table.ncolumns == 0)
        abort();
    for (size_t i = 0; i < l->table.ncolumns; i++) {
        const column *c = &l->table.columns[i];
        if (!(c->width_mm > 0) || c->header_span < 1 || i + (size_t)c->header_span > l->table.ncolumns ||
            (unsigned)c->show >= SHOW_COUNT)
            abort();
        if (c->show != SHOW_FIELD && c->show != SHOW_BLANK && seen[c->show]++)
            abort();
    }
}

static void describe(const layout *l, FILE *sink)
{
    fprintf(sink, "%zu columns, %zu header cells\n", l->table.ncolumns, layout_header_cells(&l->table));
    for (size_t i = 0; i < l->table.ncolumns; i++) {
        const column *c = &l->table.columns[i];
        fprintf(sink, "  %s %s %g %s\n", c->header, column_show_name(c->show), c->width_mm,
                c->field ? c->field : "");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const env *e = the_env;
    diag_list d = {0};
    layout *lay = NULL;
    if (layout_load_text("fuzz.yaml", (const char *)data, size, &lay, &d) == 0) {
        assert_invariant(lay);
        describe(lay, e->sink);
        for (size_t i = 0; i < FUZZ_NRUBRICS; i++) {
            check_summary s;
            if (check_document(e->docs[i], lay, &s, &d) == 0)
                fuzz_typeset(e->docs[i], lay, e->fs, &d, e->sink);
        }
        layout_free(lay);
    }
    fuzz_report(&d, e->sink);
    return 0;
}
