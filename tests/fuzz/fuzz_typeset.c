/* fuzz_typeset: rubric bytes as far as `gongwen build` goes short of the PDF
 * writer: what passes the checks and the font coverage check is typeset,
 * notice and blank tables, into pages.  Line breaking, page breaking and
 * the table's cell geometry are where earlier inputs hung or read out of
 * bounds (tests/fixtures/regress/).
 *
 * The layouts of layouts/ and the fonts of fonts/fontmap.yaml are loaded
 * once; an input names a layout by 版式. */
#include <dirent.h>

#include "check.h"
#include "coverage.h"
#include "fonts.h"
#include "fuzz.h"
#include "layout.h"
#include "model.h"
#include "parse.h"
#include "source.h"

#define MAX_LAYOUTS 32

typedef struct env {
    char *names[MAX_LAYOUTS];
    layout *lays[MAX_LAYOUTS];
    size_t n;
    fontset *fs;
    FILE *sink;
} env;

static env *the_env; /* set once by LLVMFuzzerInitialize, read-only after */

static void load_layouts(env *e)
{
    char *dir = fuzz_path("layouts");
    DIR *dp = opendir(dir);
    if (!dp) {
        perror(dir);
        abort();
    }
    for (struct dirent *de; (de = readdir(dp)) != NULL && e->n < MAX_LAYOUTS;) {
        size_t len = strlen(de->d_name);
        if (len <= 5 || strcmp(de->d_name + len - 5, ".yaml") != 0)
            continue;
        char *path = xasprintf("%s/%s", dir, de->d_name);
        diag_list d = {0};
        fuzz_require(layout_load(path, &e->lays[e->n], &d), &d, path);
        diag_list_free(&d);
        e->names[e->n++] = xstrndup(de->d_name, len - 5);
        free(path);
    }
    closedir(dp);
    free(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    env *e = xcalloc(1, sizeof *e);
    load_layouts(e);
    char *map = fuzz_path("fonts/fontmap.yaml");
    diag_list d = {0};
    fuzz_require(fontset_load(map, &e->fs, &d), &d, map);
    diag_list_free(&d);
    free(map);
    e->sink = fuzz_sink();
    the_env = e;
    return 0;
}

static const layout *layout_named(const env *e, const char *name)
{
    for (size_t i = 0; name && i < e->n; i++)
        if (strcmp(e->names[i], name) == 0)
            return e->lays[i];
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const env *e = the_env;
    char *text = fuzz_text(data, size);
    size_t len = size;
    diag_list d = {0};
    document *doc = NULL;
    if (source_accept("fuzz.md", text, &len, &d) == 0 && rubric_parse_text("fuzz.md", text, len, &doc, &d) == 0) {
        const layout *lay = layout_named(e, field_value(&doc->meta, META_LAYOUT));
        check_summary s;
        if (lay && check_document(doc, lay, &s, &d) == 0 && coverage_check_document(doc, lay, e->fs, &d) == 0) {
            fuzz_typeset(doc, lay, e->fs, NULL, &d, e->sink);
        }
        document_free(doc);
    }
    fuzz_report(&d, e->sink);
    free(text);
    return 0;
}
