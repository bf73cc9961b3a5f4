/* SPDX-License-Identifier: MIT */
/* fuzz_table: a spreadsheet of scores, as bytes: XLSX when it starts as a
 * ZIP does, CSV otherwise.  Read against each of the real rubrics (numbered
 * as their layouts number them): the encoding found, the cells, the header,
 * each row as a scores file, graded, and the batch held against the units
 * each rubric expects. */
#include <unistd.h>

#include "fuzz.h"
#include "roster.h"
#include "scoretable.h"

typedef struct env {
    document *docs[FUZZ_NRUBRICS];
    roster expected[FUZZ_NRUBRICS];
    char *dir, *csv, *xlsx; /* the readers take a file: the input is written there */
    FILE *sink;
} env;

static env *the_env; /* set once by LLVMFuzzerInitialize, read-only after */

static void remove_files(void)
{
    unlink(the_env->csv);
    unlink(the_env->xlsx);
    rmdir(the_env->dir);
}

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
        layout *l = NULL;
        fuzz_require(layout_load(lay_path, &l, &d), &d, lay_path);
        e->docs[i]->numbering = layout_item_numbering(&l->table);
        roster_expected(e->docs[i], &e->expected[i]);
        layout_free(l);
        diag_list_free(&d);
        free(lay_path);
        free(lay);
    }
    const char *tmp = getenv("TMPDIR");
    e->dir = xasprintf("%s/gongwen-fuzz-table-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(e->dir)) {
        perror(e->dir);
        abort();
    }
    e->csv = xasprintf("%s/t.csv", e->dir);
    e->xlsx = xasprintf("%s/t.xlsx", e->dir);
    e->sink = fuzz_sink();
    the_env = e;
    atexit(remove_files);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const env *e = the_env;
    const char *path = size >= 4 && memcmp(data, "PK\x03\x04", 4) == 0 ? e->xlsx : e->csv;
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        perror(path);
        abort();
    }
    diag_list d = {0};
    for (size_t i = 0; i < FUZZ_NRUBRICS; i++) {
        scoresheet **sheets = NULL;
        size_t n = 0;
        scoresheets_from_table(path, e->docs[i], &sheets, &n, NULL, NULL, &d);
        for (size_t k = 0; k < n; k++) {
            grades g = {0};
            if (grades_compute(e->docs[i], sheets[k], &g, &d) == 0)
                fprintf(e->sink, "%s: %lld\n", g.unit_name, (long long)g.total);
            grades_free(&g);
        }
        bool *reported = xcalloc(e->expected[i].len + 1, sizeof *reported);
        roster_check_sheets(&e->expected[i], (const scoresheet *const *)sheets, n, DIAG_WARNING, reported, &d);
        free(reported);
        scoresheets_free(sheets, n);
    }
    fuzz_report(&d, e->sink);
    return 0;
}
