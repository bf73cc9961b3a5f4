/* SPDX-License-Identifier: MIT */
/* grade: a scoresheet checked against its rubric, and the sums it gives
 * (grade.c).
 *
 * Grades are exact: hundredths of a point; a completion level that would need
 * finer steps is an error, never rounded.  Every problem is reported at its
 * line of the scores file, or its cell of a spreadsheet.  An item is named
 * by its number or its id (model.h item_number).
 */
#ifndef GONGWEN_GRADE_H
#define GONGWEN_GRADE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "scores.h"

typedef struct item_grade {
    points score;        /* POINTS_NONE: not scored (missing counted as 0) */
    const char *remark;  /* borrowed from the scoresheet */
    bool vetoed;         /* a veto item that happened */
    bool given;          /* the scores file names the item (rightly or not) */
} item_grade;

typedef struct grades {
    const attachment *att;
    const unit *unit;    /* the table scored */
    const char *unit_name;
    item_grade *items;   /* one per item of unit, in order (seq - 1) */
    size_t nitems;
    points *category;    /* per category of unit: sum of its items */
    points base;         /* sum of normal items */
    points bonus;        /* sum of bonus items */
    points total;        /* base + bonus, or 0 when vetoed */
    bool vetoed;
} grades;

/* One completion level of a 评分档次 text ("全面完成 100%；基本完成 70%；资料不全
 * -20%"): its name and share in percent, whole when the share is a whole
 * percentage a score may use. */
typedef struct grade_level {
    char *name;
    long pct;
    bool whole;
} grade_level;

/* The levels of a 评分档次 text, in order; *n gets their number. */
grade_level *levels_parse(const char *text, size_t *n);
void levels_free(grade_level *levels, size_t n);

/* Checks every score against the rubric and computes the grades of the unit
 * the scoresheet names.  Reports each problem at its line of the scores file. */
int grades_compute(const document *doc, const scoresheet *s, grades *g, diag_list *d);
void grades_free(grades *g);

#endif
