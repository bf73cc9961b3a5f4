/* SPDX-License-Identifier: MIT */
/* fuzz_rubric: rubric source bytes through what `gongwen check` does with a
 * file: the UTF-8 and NUL checks, front matter, Markdown into the model, the
 * layout named by 版式, and the completeness and arithmetic checks; then
 * grading, which reads the rubric's completion levels.
 *
 * The layouts of layouts/ are loaded once; an input names one by 版式 as a
 * rubric does, and an unknown name checks with no layout, as `check` does
 * after reporting it. */
#include "check.h"
#include "fuzz.h"
#include "layout.h"
#include "model.h"
#include "parse.h"
#include "grade.h"
#include "scores.h"
#include "source.h"

typedef struct env {
    fuzz_layouts layouts;
    FILE *sink;
} env;

static env *the_env; /* set once by LLVMFuzzerInitialize, read-only after */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    env *e = xcalloc(1, sizeof *e);
    fuzz_load_layouts(&e->layouts);
    e->sink = fuzz_sink();
    the_env = e;
    return 0;
}


/* One scoresheet for a table of doc naming each of its items, by points or
 * by completion levels in turn, so that grading reads the rubric's own
 * 评分档次 texts, which only grading parses. */
static void grade_unit(const document *doc, const unit *u, diag_list *d, FILE *sink)
{
    static char *some[] = {"全面完成", "资料不全"}, *basic[] = {"基本完成"}, *yes[] = {"是"};
    size_t n = 0;
    for (size_t c = 0; c < u->len; c++)
        n += u->cats[c].len;
    scoresheet sheet = {.path = "fuzz.yaml", .unit = u->name ? u->name : "", .missing_is_zero = true};
    sheet.items = xcalloc(n + 1, sizeof *sheet.items);
    for (size_t c = 0; c < u->len; c++) {
        for (size_t i = 0; i < u->cats[c].len; i++) {
            const item *it = &u->cats[c].items[i];
            score_entry *e = &sheet.items[sheet.len];
            e->id = it->id;
            e->line = (int)++sheet.len;
            if (it->kind == KIND_VETO)
                e->levels = yes, e->nlevels = 1;
            else if (sheet.len % 3 == 0)
                e->value = "1";
            else if (sheet.len % 3 == 1)
                e->levels = some, e->nlevels = 2;
            else
                e->levels = basic, e->nlevels = 1;
        }
    }
    grades g;
    if (grades_compute(doc, &sheet, &g, d) == 0) {
        char total[32];
        fprintf(sink, "%s: %s%s\n", sheet.unit, points_format(g.total, total), g.vetoed ? " (vetoed)" : "");
    }
    grades_free(&g);
    free(sheet.items);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const env *e = the_env;
    char *text = fuzz_text(data, size);
    size_t len = size;
    diag_list d = {0};
    document *doc = NULL;
    if (source_accept("fuzz.md", text, &len, &d) == 0 && rubric_parse_text("fuzz.md", text, len, &doc, &d) == 0) {
        const layout *lay = fuzz_layout_named(&e->layouts, field_value(&doc->meta, META_LAYOUT));
        check_summary s;
        check_document(doc, lay, &s, &d);
        char total[32], sum[32];
        fprintf(e->sink, "%zu attachments, %zu units, %zu categories, %zu items, total %s分 (items %s), notice %d\n",
                s.attachments, s.units, s.categories, s.items, points_format(s.declared_total, total),
                points_format(s.total, sum), document_has_notice(doc));
        for (size_t a = 0; a < doc->len; a++)
            for (size_t u = 0; u < doc->atts[a].len; u++)
                grade_unit(doc, &doc->atts[a].units[u], &d, e->sink);
        document_free(doc);
    }
    fuzz_report(&d, e->sink);
    free(text);
    return 0;
}
