/* SPDX-License-Identifier: MIT */
/* scores: one unit's scores file, as written; and the grades they give.
 *
 * A scores file is YAML:
 *
 *   单位: 乐山市第一中学工会        the unit scored (for a rubric with 单位
 *                                  tables: which table)
 *   评分人: 张三                    optional
 *   评分日期: 2012年12月20日        optional
 *   缺项: 零分                      optional: an item not scored counts 0
 *                                  (default: it is an error)
 *   得分:
 *     "1.1": 3                     points, half-width digits, ≤ 2 decimals
 *     "1.2": 基本完成               a completion level of the item's 评分档次
 *     "1.3": [基本完成, 资料不全]    levels add up: 70% − 20%
 *     "1.4": {分: 1.5, 说明: 资料不全}   with a remark
 *     "6.1": 否                     a veto item: 是 (happened) or 否
 *
 * A score left empty ("1.1":) is not given: the item is not scored.
 *
 * The same structure comes from a spreadsheet row (scoretable.h), whose cells
 * stand where lines stand here.
 *
 * A completion level is defined by the rubric's **评分档次** field (item, unit
 * or attachment): "全面完成 100%；基本完成 70%；资料不全 -20%".  A level of N%
 * gives N% of the item's points; a negative one takes that share away.
 *
 * Grades are exact: hundredths of a point; a level that would need finer
 * steps is an error, never rounded.
 */
#ifndef GONGWEN_SCORES_H
#define GONGWEN_SCORES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "ytree.h"

typedef struct score_entry {
    char *id;            /* the item's number or id as written: "2.3", "7" */
    int line;            /* in a spreadsheet: the cell's row and column */
    int column;          /* 0 in a scores file */
    char *value;         /* the points as written, or NULL when given by levels */
    char **levels;       /* completion levels named, or veto 是/否 */
    size_t nlevels;
    char *remark;
} score_entry;

typedef struct scoresheet {
    char *path;
    char *source;        /* the file's bytes as read: a scored PDF embeds these */
    size_t source_len;
    /* The name the source is embedded under; NULL: the file's own.  A sheet
     * read from a spreadsheet row or a form has the scores file it stands
     * for as its source (scoresheet_from_tree), named after where it was. */
    char *source_name;
    char *unit;
    int unit_line, unit_column;
    /* Where a finding about the whole sheet ("not scored: …") is reported: 0,
     * 0 (the file) for a scores file; for a spreadsheet row, its 单位 cell. */
    int line, column;
    char *scorer;
    char *date;          /* 评分日期 as written */
    long long date_epoch; /* the same day at 00:00 UTC, or -1 when not given */
    bool missing_is_zero;
    score_entry *items;
    size_t len, cap;
} scoresheet;

/* Whether text (len bytes) reads as a scores file: a line begins with 单位
 * or 得分 and a colon of either width.  The rubric's reader asks, to tell a
 * clerk who gave the files the wrong way round. */
bool scores_recognised(const char *text, size_t len);
/* Whether a score as written is meant as points (it starts like a number,
 * full-width digits included, so that they are reported), not as levels. */
bool score_text_is_number(const char *s);

/* A 评分日期 "2012年12月20日" or "2012-12-20" (also with / or .) as seconds
 * since 1970, or -1 if it is not such a date. */
long long scores_date_epoch(const char *s);

int scoresheet_load(const char *path, scoresheet **out, diag_list *d);
/* The same from text in memory (len bytes; NULL: read path); path names it
 * in diagnostics. */
int scoresheet_load_text(const char *path, const char *text, size_t len, scoresheet **out, diag_list *d);
/* The same from a tree standing for a scores file (ytree.h), which it takes
 * and frees: a spreadsheet row or a filled form is read through here.  The
 * source is that file, written out (ytree_write) after the remark about,
 * and named source_name. */
int scoresheet_from_tree(const char *path, ynode *root, const char *source_name, const char *about,
                         scoresheet **out, diag_list *d);
void scoresheet_free(scoresheet *s);

#endif
