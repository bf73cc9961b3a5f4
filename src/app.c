#include "app.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "layout.h"
#include "model.h"
#include "parse.h"
#include "text.h"

#ifndef GONGWEN_DATADIR
#define GONGWEN_DATADIR "/usr/local/share/gongwen"
#endif

/* The layout named in the front matter: --layouts DIR, ./layouts, the
 * rubric's ../layouts, then the installed ones. */
static layout *load_layout(const app_options *opt, const document *doc, diag_list *d)
{
    const field *f = field_find(&doc->meta, META_LAYOUT);
    if (!f)
        return NULL; /* check reports the missing key */
    char *copy = xstrdup(doc->path);
    char *beside = xasprintf("%s/../layouts", dirname(copy));
    const char *dirs[] = {opt->layouts_dir ? opt->layouts_dir : "layouts", "layouts", beside,
                          GONGWEN_DATADIR "/layouts", NULL};
    char *path = layout_find(f->value, dirs);
    layout *lay = NULL;
    if (!path)
        diag_error(d, doc->path, f->line, "unknown layout '%s': no layouts/%s.yaml", f->value, f->value);
    else
        layout_load(path, &lay, d);
    free(path);
    free(beside);
    free(copy);
    return lay;
}

static int check_one(const app_options *opt, const char *path, diag_list *d, FILE *out)
{
    document *doc = NULL;
    if (rubric_parse_file(path, &doc, d) < 0)
        return -1;
    layout *lay = load_layout(opt, doc, d);
    check_summary s;
    int rc = check_document(doc, lay, &s, d);
    if (rc == 0 && field_find(&doc->meta, META_LAYOUT) && !lay)
        rc = -1;
    char total[32];
    fprintf(out, "%s: %zu attachment%s, %zu unit%s, %zu categories, %zu items, total %s分\n", path,
            s.attachments, s.attachments == 1 ? "" : "s", s.units, s.units == 1 ? "" : "s",
            s.categories, s.items, points_format(s.declared_total, total));
    layout_free(lay);
    document_free(doc);
    return rc;
}

int app_check(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    int rc = 0;
    for (int i = 0; i < argc; i++)
        if (check_one(opt, argv[i], d, out) < 0)
            rc = -1;
    return rc;
}
