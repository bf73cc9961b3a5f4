/* SPDX-License-Identifier: MIT */
/* fuzz_scores: a unit's scores file, as bytes, read and graded against each
 * of the real rubrics (parsed once, with their layouts and the fonts): one
 * table, tables per 单位, and completion levels with bonus and veto items.
 * A sheet that grades is typeset as `gongwen score` would, short of the PDF:
 * its unit name and remarks go into the pages. */
#include "fonts.h"
#include "fuzz.h"
#include "layout.h"
#include "model.h"
#include "parse.h"
#include "scores.h"


typedef struct env {
    document *docs[FUZZ_NRUBRICS];
    layout *lays[FUZZ_NRUBRICS];
    fontset *fs;
    FILE *sink;
} env;

static env *the_env; /* set once by LLVMFuzzerInitialize, read-only after */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    env *e = xcalloc(1, sizeof *e);
    for (size_t i = 0; i < FUZZ_NRUBRICS; i++) {
        e->docs[i] = fuzz_rubric(FUZZ_RUBRICS[i]);
        diag_list d = {0};
        char *lay = xasprintf("layouts/%s.yaml", field_value(&e->docs[i]->meta, META_LAYOUT));
        char *lay_path = fuzz_path(lay);
        fuzz_require(layout_load(lay_path, &e->lays[i], &d), &d, lay_path);
        diag_list_free(&d);
        free(lay_path);
        free(lay);
    }
    e->fs = fuzz_fonts();
    e->sink = fuzz_sink();
    the_env = e;
    return 0;
}

static void report_grades(const grades *g, FILE *sink)
{
    char a[32], b[32], c[32];
    fprintf(sink, "%s: %s + %s = %s%s\n", g->unit_name ? g->unit_name : "", points_format(g->base, a),
            points_format(g->bonus, b), points_format(g->total, c), g->vetoed ? " (vetoed)" : "");
    for (size_t i = 0; i < g->nitems; i++)
        fprintf(sink, "  %zu: %s %s\n", i + 1,
                g->items[i].score == POINTS_NONE ? "-" : points_format(g->items[i].score, a),
                g->items[i].remark ? g->items[i].remark : "");
    for (size_t k = 0; g->unit && k < g->unit->len; k++)
        fprintf(sink, "  category %zu: %s\n", k + 1, points_format(g->category[k], a));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const env *e = the_env;
    diag_list d = {0};
    scoresheet *sheet = NULL;
    if (scoresheet_load_text("fuzz.yaml", (const char *)data, size, &sheet, &d) == 0) {
        for (size_t i = 0; i < FUZZ_NRUBRICS; i++) {
            grades g = {0};
            if (grades_compute(e->docs[i], sheet, &g, &d) == 0) {
                report_grades(&g, e->sink);
                document *copy = scored_document(e->docs[i], &g, sheet, e->lays[i]->table.scored_label);
                fuzz_typeset(copy, e->lays[i], e->fs, &d, e->sink);
                document_free(copy);
            }
            grades_free(&g);
        }
        scoresheet_free(sheet);
    }
    fuzz_report(&d, e->sink);
    return 0;
}
