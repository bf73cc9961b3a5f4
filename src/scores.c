/* SPDX-License-Identifier: MIT */
/* scores: reading a unit's scores file (see scores.h for its form). */
#include "scores.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "intl.h"
#include "source.h"
#include "text.h"
#include "yhint.h"
#include "ytree.h"

#define KEY_UNIT    "单位"
#define KEY_SCORER  "评分人"
#define KEY_DATE    "评分日期"
#define KEY_MISSING "缺项"
#define KEY_SCORES  "得分"
#define KEY_POINTS  "分"
#define KEY_LEVELS  "档次"
#define KEY_REMARK  "说明"

static int add_levels(score_entry *e, const ynode *v, const char *file, diag_list *d)
{
    if (v->kind == Y_SCALAR) {
        e->levels = xrealloc(e->levels, (e->nlevels + 1) * sizeof *e->levels);
        e->levels[e->nlevels++] = xstrdup(v->text);
        return 0;
    }
    if (v->kind != Y_LIST || v->len == 0)
        return diag_error_at(d, file, v->line, v->column, "item %s: give completion levels as a name or a list of names",
                             e->id);
    for (size_t i = 0; i < v->len; i++) {
        if (v->kids[i]->kind != Y_SCALAR)
            return diag_error_at(d, file, v->kids[i]->line, v->kids[i]->column, "item %s: a completion level is a name",
                                 e->id);
        if (add_levels(e, v->kids[i], file, d) < 0)
            return -1;
    }
    return 0;
}

bool score_text_is_number(const char *s)
{
    return (*s >= '0' && *s <= '9') || *s == '-' || starts_with(s, "\xEF\xBC"); /* ０-９, －: reported later */
}

/* "3", "基本完成", [基本完成, 资料不全] or {分: 3, 档次: …, 说明: …}. */
static int read_entry(score_entry *e, const ynode *v, const char *file, diag_list *d)
{
    static const char *const known[] = {KEY_POINTS, KEY_LEVELS, KEY_REMARK, NULL};
    if (v->kind == Y_SCALAR) {
        if (!score_text_is_number(v->text))
            return add_levels(e, v, file, d);
        e->value = xstrdup(v->text);
        return 0;
    }
    if (v->kind == Y_LIST)
        return add_levels(e, v, file, d);
    if (ymap_check_keys(v, known, file, N_("score setting"), d) < 0)
        return -1;
    const ynode *pts = ymap_get(v, KEY_POINTS), *lv = ymap_get(v, KEY_LEVELS), *rm = ymap_get(v, KEY_REMARK);
    if (rm && rm->kind != Y_SCALAR)
        return diag_error(d, file, rm->line, "item %s: %s is one text, not a list or a map", e->id, KEY_REMARK);
    const char *remark = rm ? rm->text : NULL;
    if ((pts != NULL) == (lv != NULL))
        return diag_error_at(d, file, v->line, v->column, "item %s: give either %s or %s", e->id, KEY_POINTS,
                             KEY_LEVELS);
    if (pts && pts->kind != Y_SCALAR)
        return diag_error_at(d, file, pts->line, pts->column, "item %s: %s is one number", e->id, KEY_POINTS);
    if (pts)
        e->value = xstrdup(pts->text);
    else if (add_levels(e, lv, file, d) < 0)
        return -1;
    if (remark)
        e->remark = xstrdup(remark);
    return 0;
}

static int read_scores(scoresheet *s, const ynode *map, diag_list *d)
{
    if (map && yhint_scalar_for_map(map, s->path, d) < 0)
        return -1;
    if (!map || map->kind != Y_MAP)
        return diag_error(d, s->path, map ? map->line : 1, "'%s' must list the scores: \"1.1\": 3", KEY_SCORES);
    int rc = 0;
    for (size_t i = 0; i < map->len; i++) {
        if (map->kids[i]->kind == Y_SCALAR && map->kids[i]->text[0] == '\0')
            continue; /* a skeleton's empty score: the item is not scored, as grading reports */
        GROW(s->items, s->len, s->cap);
        score_entry *e = memset(&s->items[s->len++], 0, sizeof(score_entry));
        e->id = xstrdup(map->keys[i]);
        e->line = map->key_lines[i];
        e->column = map->kids[i]->column;
        if (read_entry(e, map->kids[i], s->path, d) < 0)
            rc = -1;
    }
    return rc;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static long long days_from_civil(long long y, int m, int dd)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long long scores_date_epoch(const char *s)
{
    int y, m, dd, n = 0;
    char sep1[8] = "", sep2[8] = "";
    if (sscanf(s, "%4d年%2d月%2d日%n", &y, &m, &dd, &n) != 3 || s[n] != '\0') {
        n = 0;
        if (sscanf(s, "%4d%1[-/.]%2d%1[-/.]%2d%n", &y, sep1, &m, sep2, &dd, &n) != 5 || s[n] != '\0' ||
            sep1[0] != sep2[0])
            return -1;
    }
    static const int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1970 || m < 1 || m > 12 || dd < 1 || dd > month_days[m - 1] || (m == 2 && dd == 29 && !leap))
        return -1;
    return days_from_civil(y, m, dd) * 86400;
}

/* A name longer than any title is a paste gone wrong, and the PDF's document
 * info could not hold it (model.h SHORT_TEXT_MAX). */
static int check_length(const scoresheet *s, const ynode *root, const char *key, diag_list *d)
{
    const char *v = ymap_str(root, key);
    size_t n = v ? utf8_length(v) : 0;
    if (n <= SHORT_TEXT_MAX)
        return 0;
    const ynode *at = ymap_get(root, key);
    return diag_error_at(d, s->path, at->line, at->column, "'%s' is %zu characters long; at most %d", key, n,
                         SHORT_TEXT_MAX);
}

/* Scores written at the left edge below an empty 得分 are keys of the file
 * itself to YAML: said once, at the first of them. */
static int scores_not_indented(const scoresheet *s, const ynode *root, diag_list *d)
{
    size_t i = 0;
    while (i < root->len && strcmp(root->keys[i], KEY_SCORES) != 0)
        i++;
    if (i == root->len || root->kids[i]->kind != Y_SCALAR || root->kids[i]->text[0] != '\0')
        return 0;
    for (i++; i < root->len; i++)
        if (root->keys[i][0] >= '0' && root->keys[i][0] <= '9')
            return diag_error(d, s->path, root->key_lines[i], "the scores are not indented under '%s': put two "
                              "spaces before each, as in   \"%s\": …", KEY_SCORES, root->keys[i]);
    return 0;
}

static int read_sheet(scoresheet *s, const ynode *root, diag_list *d)
{
    static const char *const known[] = {KEY_UNIT, KEY_SCORER, KEY_DATE, KEY_MISSING, KEY_SCORES, NULL};
    if (root->kind != Y_MAP)
        return diag_error(d, s->path, root->line, "a scores file is lines of the form 名称: 值");
    if (scores_not_indented(s, root, d) < 0)
        return -1;
    int rc = ymap_check_keys(root, known, s->path, N_("key"), d);
    const char *unit_name = ymap_str(root, KEY_UNIT);
    if (!unit_name || !*unit_name)
        rc = diag_error(d, s->path, 1, "the scores file needs '%s: NAME'", KEY_UNIT);
    else {
        s->unit = xstrdup(unit_name);
        s->unit_line = ymap_get(root, KEY_UNIT)->line;
        s->unit_column = ymap_get(root, KEY_UNIT)->column;
    }
    if (check_length(s, root, KEY_UNIT, d) < 0 || check_length(s, root, KEY_SCORER, d) < 0)
        rc = -1;
    const char *scorer = ymap_str(root, KEY_SCORER), *date = ymap_str(root, KEY_DATE);
    s->scorer = scorer && *scorer ? xstrdup(scorer) : NULL;
    s->date = date && *date ? xstrdup(date) : NULL;
    s->date_epoch = s->date ? scores_date_epoch(s->date) : -1;
    const ynode *date_at = ymap_get(root, KEY_DATE), *missing_at = ymap_get(root, KEY_MISSING);
    if (s->date && s->date_epoch < 0)
        rc = diag_error_at(d, s->path, date_at->line, date_at->column,
                           "%s '%s' is not a date such as 2012年12月20日 or 2012-12-20", KEY_DATE, s->date);
    const char *missing = ymap_str(root, KEY_MISSING);
    if (missing && strcmp(missing, "零分") != 0 && strcmp(missing, "报错") != 0)
        rc = diag_error_at(d, s->path, missing_at->line, missing_at->column, "'%s' is 零分 or 报错, not '%s'",
                           KEY_MISSING, missing);
    s->missing_is_zero = missing && strcmp(missing, "零分") == 0;
    if (read_scores(s, ymap_get(root, KEY_SCORES), d) < 0)
        rc = -1;
    return rc;
}

bool scores_recognised(const char *text, size_t len)
{
    static const char *const starts[] = {KEY_UNIT ":", KEY_UNIT "：", KEY_SCORES ":", KEY_SCORES "："};
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
        if (some_line_starts_with(text, len, starts[i]))
            return true;
    return false;
}

int scoresheet_from_tree(const char *path, ynode *root, const char *source_name, const char *about,
                         scoresheet **out, diag_list *d)
{
    scoresheet *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    strbuf yaml = {0};
    sb_puts(&yaml, "# ");
    sb_put_printable(&yaml, about); /* a comment of one line, whatever a file name holds */
    sb_putc(&yaml, '\n');
    ytree_write(&yaml, root);
    s->source_len = yaml.len;
    s->source = sb_take(&yaml);
    s->source_name = xstrdup(source_name);
    int rc = read_sheet(s, root, d);
    ytree_free(root);
    if (rc < 0) {
        scoresheet_free(s);
        return -1;
    }
    *out = s;
    return 0;
}

int scoresheet_load(const char *path, scoresheet **out, diag_list *d)
{
    return scoresheet_load_text(path, NULL, 0, out, d);
}

int scoresheet_load_text(const char *path, const char *text, size_t len, scoresheet **out, diag_list *d)
{
    *out = NULL;
    scoresheet *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    /* The bytes read are what a scored PDF embeds: never the file read again. */
    if (text)
        s->source = xstrndup(text, len);
    int rc = text ? 0 : file_read(path, YTREE_MAX_BYTES, &s->source, &len, d);
    s->source_len = len;
    if (rc == 0 && source_rubric_recognised(s->source, len))
        rc = diag_error(d, path, 1, "this is a rubric, not a scores file; usage: gongwen score RUBRIC.md SCORES.yaml");
    ynode *root = NULL;
    if (rc == 0)
        rc = ytree_read(path, s->source, len, &root, d);
    if (rc == 0)
        rc = read_sheet(s, root, d);
    ytree_free(root);
    if (rc < 0) {
        scoresheet_free(s);
        return -1;
    }
    *out = s;
    return 0;
}

void scoresheet_free(scoresheet *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->len; i++) {
        score_entry *e = &s->items[i];
        free(e->id);
        free(e->value);
        for (size_t k = 0; k < e->nlevels; k++)
            free(e->levels[k]);
        free(e->levels);
        free(e->remark);
    }
    free(s->items);
    free(s->path);
    free(s->source);
    free(s->source_name);
    free(s->unit);
    free(s->scorer);
    free(s->date);
    free(s);
}
