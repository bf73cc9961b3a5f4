/* SPDX-License-Identifier: MIT */
/* collect: filled forms as scoresheets, scored as a batch (see collect.h). */
#include "collect.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "fileio.h"
#include "intl.h"
#include "job.h"
#include "pdfread.h"
#include "scoretable.h"
#include "text.h"

/* The header labels a form's blanks are named by, and the keys of the
 * scores file their values go under. */
static const struct {
    const char *label, *key;
} header_keys[] = {
    {"单位", "单位"},
    {FIELD_FILLED_BY, "评分人"},
    {FIELD_FILLED_ON, "评分日期"},
};
#define NHEADER_KEYS (sizeof header_keys / sizeof *header_keys)

/* One table of the rubric as the form has it: its fields' names begin with
 * prefix (its unit's name and a dot; "" for the rubric's unnamed table). */
typedef struct form_table {
    const unit *u;
    char *prefix;
    const char **scores;   /* per item (seq - 1): the value typed, or NULL */
    bool *has_field;       /* per item: the form has its field */
    const char *header[NHEADER_KEYS];
    bool any;              /* some field of it holds a value */
} form_table;

typedef struct form {
    const char *path;
    const job *j;
    form_table *tables;
    size_t len;
    diag_list *d;
} form;

static size_t item_count(const unit *u)
{
    size_t n = 0;
    for (size_t c = 0; c < u->len; c++)
        n += u->cats[c].len;
    return n;
}

/* A unit's name as the first part of a field's name (pdfform.h: a dot in
 * it is '．'), and the dot after it. */
static char *group_prefix(const char *name)
{
    strbuf sb = {0};
    for (const char *s = name; *s; s++) {
        if (*s == '.')
            sb_puts(&sb, "．");
        else
            sb_putc(&sb, *s);
    }
    sb_putc(&sb, '.');
    return sb_take(&sb);
}

static void form_init(form *f, const job *j, const char *path, diag_list *d)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    f->j = j;
    f->d = d;
    const document *doc = j->doc;
    size_t n = 0;
    for (size_t a = 0; a < doc->len; a++)
        n += doc->atts[a].len;
    f->tables = xcalloc(n + 1, sizeof *f->tables);
    bool unnamed = false;
    for (size_t a = 0; a < doc->len; a++)
        for (size_t k = 0; k < doc->atts[a].len; k++) {
            const unit *u = &doc->atts[a].units[k];
            if (!u->name && unnamed)
                continue; /* as grading does: the first unnamed table is the one scored */
            unnamed |= !u->name;
            form_table *t = &f->tables[f->len++];
            t->u = u;
            t->prefix = u->name ? group_prefix(u->name) : xstrdup("");
            t->scores = xcalloc(item_count(u) + 1, sizeof *t->scores);
            t->has_field = xcalloc(item_count(u) + 1, sizeof *t->has_field);
        }
}

static void form_free(form *f)
{
    for (size_t i = 0; i < f->len; i++) {
        free(f->tables[i].prefix);
        free(f->tables[i].scores);
        free(f->tables[i].has_field);
    }
    free(f->tables);
}

/* ---- what the form is a form of ------------------------------------------- */

/* The form's /GongwenForm against the rubric's: the same bytes and the same
 * numbering, or a refusal saying which differs. */
static int check_identity(const form *f, const char *form_id)
{
    const document *doc = f->j->doc;
    if (!form_id)
        return diag_error(f->d, f->path, 0, "not a form gongwen made (it does not say what it is a form of): "
                          "fill in the form 'gongwen build --fillable %s' makes", doc->path);
    char *ours = document_form_id(doc, "");
    const char *file = strstr(form_id, " file="), *numbering = strstr(form_id, " numbering=");
    size_t hash_len = strlen("rubric=0123456789abcdef");
    int rc = 0;
    if (strncmp(form_id, ours, hash_len) != 0)
        rc = diag_error(f->d, f->path, 0, "a form of another rubric, or of another version of it: it was made "
                        "from '%s', whose bytes are not those of %s; fill in the form of this rubric",
                        file ? file + strlen(" file=") : "?", doc->path);
    else if (!numbering || strncmp(numbering, strstr(ours, " numbering="), strlen(" numbering=seq")) != 0)
        rc = diag_error(f->d, f->path, 0, "the form numbers its items otherwise than the layout of %s does now "
                        "(%s): build the form again", doc->path,
                        doc->numbering == NUMBER_BY_SEQ ? _("by 序号") : _("by id"));
    free(ours);
    return rc;
}

/* ---- the fields ------------------------------------------------------------- */

/* The table a field's name belongs to, and the rest of the name. */
static form_table *table_of(const form *f, const char *name, const char **rest)
{
    form_table *unnamed = NULL;
    for (size_t i = 0; i < f->len; i++) {
        form_table *t = &f->tables[i];
        if (!*t->prefix)
            unnamed = t;
        else if (starts_with(name, t->prefix)) {
            *rest = name + strlen(t->prefix);
            return t;
        }
    }
    *rest = name;
    return unnamed;
}

static int header_index(const form *f, const char *label)
{
    const table_layout *tl = &f->j->lay->table;
    bool on_form = false;
    for (size_t i = 0; i < tl->nheader_labels && !on_form; i++)
        on_form = strcmp(tl->header_labels[i], label) == 0;
    for (size_t k = 0; on_form && k < NHEADER_KEYS; k++)
        if (strcmp(header_keys[k].label, label) == 0)
            return (int)k;
    return on_form ? (int)NHEADER_KEYS : -1; /* a label of the layout whose value is not scored */
}

/* One field into its table: a blank of the header line or an item's score. */
static int take_field(form *f, const pdf_field *fl)
{
    const char *key;
    form_table *t = table_of(f, fl->name, &key);
    int h = t ? header_index(f, key) : -1;
    size_t index;
    const item *it = t && h < 0 ? unit_item_by_number(t->u, f->j->doc->numbering, key, &index) : NULL;
    if (!t || (h < 0 && !it))
        return diag_error(f->d, f->path, 0, "field '%s' is not one of the form of %s: the form was edited, or "
                          "is of another rubric", fl->name, f->j->doc->path);
    if (!fl->text)
        return diag_error(f->d, f->path, 0, "field '%s' is not a text field: the form was edited", fl->name);
    t->any |= fl->value != NULL;
    if (h == (int)NHEADER_KEYS) {
        if (fl->value)
            diag_warning(f->d, f->path, 0, "field '%s' is not read: only 单位, %s and %s go into the scores",
                         fl->name, FIELD_FILLED_BY, FIELD_FILLED_ON);
    } else if (h >= 0) {
        t->header[h] = fl->value;
    } else if (t->has_field[index]) {
        return diag_error(f->d, f->path, 0, "field '%s' is there twice: the form was edited", fl->name);
    } else {
        t->has_field[index] = true;
        t->scores[index] = fl->value;
    }
    return 0;
}

/* Every item of every table has its field, or the form was edited. */
static int check_whole(const form *f)
{
    int rc = 0;
    char buf[ITEM_NUMBER_SIZE];
    for (size_t i = 0; i < f->len; i++) {
        const unit *u = f->tables[i].u;
        for (size_t c = 0, k = 0; c < u->len; c++)
            for (size_t m = 0; m < u->cats[c].len; m++, k++)
                if (!f->tables[i].has_field[k] && u->name)
                    rc = diag_error(f->d, f->path, 0, "the form has no field for item %s of %s: it was edited",
                                    item_number(&u->cats[c].items[m], f->j->doc->numbering, buf), u->name);
                else if (!f->tables[i].has_field[k])
                    rc = diag_error(f->d, f->path, 0, "the form has no field for item %s: it was edited",
                                    item_number(&u->cats[c].items[m], f->j->doc->numbering, buf));
    }
    return rc;
}

/* The one table filled in, or NULL (reported) when none or several are. */
static const form_table *filled_table(const form *f)
{
    const form_table *filled = NULL;
    for (size_t i = 0; i < f->len; i++) {
        if (!f->tables[i].any)
            continue;
        if (filled) {
            diag_error(f->d, f->path, 0, "values in the tables of both %s and %s: a form is one unit's",
                       filled->u->name ? filled->u->name : "?", f->tables[i].u->name ? f->tables[i].u->name : "?");
            return NULL;
        }
        filled = &f->tables[i];
    }
    if (!filled)
        diag_error(f->d, f->path, 0, "nothing is filled in");
    return filled;
}

/* The header values are checked here, where the field can be named; the
 * scores file they make is then checked as any. */
static int check_header(const form *f, const form_table *t)
{
    const char *unit_name = t->u->name ? t->u->name : t->header[0];
    int rc = 0;
    if (!unit_name)
        rc = diag_error(f->d, f->path, 0, "field 单位 is empty: whose form is it?");
    for (size_t k = 0; k < NHEADER_KEYS; k++) {
        const char *v = k == 0 ? unit_name : t->header[k];
        if (v && utf8_length(v) > SHORT_TEXT_MAX)
            rc = diag_error(f->d, f->path, 0, "field %s holds %zu characters; at most %d", header_keys[k].label,
                            utf8_length(v), SHORT_TEXT_MAX);
    }
    const char *date = t->header[2];
    if (date && scores_date_epoch(date) < 0)
        rc = diag_error(f->d, f->path, 0, "field %s: '%s' is not a date such as 2012年12月20日 or 2012-12-20",
                        FIELD_FILLED_ON, date);
    return rc;
}

/* The scores file table t of the form stands for. */
static ynode *form_tree(const form *f, const form_table *t, bool *scored)
{
    ynode *root = ynode_new(Y_MAP, 0, 0), *scores = ynode_new(Y_MAP, 0, 0);
    ymap_put(root, "单位", 0, ynode_scalar(t->u->name ? t->u->name : t->header[0], 0, 0));
    for (size_t k = 1; k < NHEADER_KEYS; k++)
        if (t->header[k])
            ymap_put(root, header_keys[k].key, 0, ynode_scalar(t->header[k], 0, 0));
    char buf[ITEM_NUMBER_SIZE];
    *scored = false;
    for (size_t c = 0, k = 0; c < t->u->len; c++)
        for (size_t m = 0; m < t->u->cats[c].len; m++, k++)
            if (t->scores[k]) {
                const item *it = &t->u->cats[c].items[m];
                ymap_put(scores, item_number(it, f->j->doc->numbering, buf), 0, score_cell_value(t->scores[k], 0, 0));
                *scored = true;
            }
    ymap_put(root, "得分", 0, scores);
    return root;
}

/* The form at path as a scoresheet; NULL when it is refused or not filled
 * in (both reported; *refused tells which). */
static scoresheet *read_form(const job *j, const char *path, bool *refused, diag_list *d)
{
    pdf_fields fields;
    *refused = true;
    if (pdf_read_fields(path, &fields, d) != 0)
        return NULL;
    form f;
    form_init(&f, j, path, d);
    int rc = check_identity(&f, fields.form_id);
    for (size_t i = 0; i < fields.len && rc == 0; i++)
        rc = take_field(&f, &fields.items[i]);
    if (rc == 0)
        rc = check_whole(&f);
    const form_table *t = rc == 0 ? filled_table(&f) : NULL;
    scoresheet *sheet = NULL;
    bool scored = false;
    if (t && check_header(&f, t) == 0) {
        ynode *tree = form_tree(&f, t, &scored);
        const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        char *name = xasprintf("%s.yaml", base), *about = xasprintf("%s, a filled form, as the scores file it "
                                                                    "stands for", base);
        if (!scored)
            ytree_free(tree);
        else if (scoresheet_from_tree(path, tree, name, about, &sheet, d) != 0)
            sheet = NULL;
        free(name);
        free(about);
        *refused = scored && !sheet;
        if (!scored)
            diag_warning(d, path, 0, "单位 '%s' has no scores in this form: not reported",
                         t->u->name ? t->u->name : t->header[0]);
    }
    form_free(&f);
    pdf_fields_free(&fields);
    return sheet;
}

int app_collect(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    const char *rubric = argv[0];
    char *outdir = batch_outdir(opt, rubric, d);
    batch_list l = {0};
    job j = {0};
    int rc = outdir ? job_open(opt, rubric, &j, d) : -1;
    for (int i = 1; rc == 0 && i < argc; i++) {
        bool refused;
        scoresheet *sheet = read_form(&j, argv[i], &refused, d);
        const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        char *stem = path_stem(base);
        if (sheet || refused) {
            batch_add(&l, base, argv[i], stem, outdir, sheet);
            l.items[l.len - 1].refused = !sheet;
        }
        free(stem);
    }
    if (rc == 0 && l.len == 0)
        rc = diag_error(d, NULL, 0, "no form holds any scores: nothing to collect");
    if (rc == 0)
        rc = batch_check_names(&l, d);
    if (rc == 0)
        rc = batch_run(opt, &j, &l, outdir, d, out);
    batch_list_free(&l);
    job_close(&j);
    free(outdir);
    return rc;
}
