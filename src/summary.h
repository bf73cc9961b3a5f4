/* SPDX-License-Identifier: MIT */
/* summary: the 汇总表 of a batch as a rubric document of its own, so that
 * the table typesetter prints it in the same official style: one row per
 * unit (rank, name, each part's subtotal, total), with a layout derived from
 * the rubric's own (its fonts, its categories, or its items when it has one
 * category, as columns). */
#ifndef GONGWEN_SUMMARY_H
#define GONGWEN_SUMMARY_H

#include <stddef.h>

#include "job.h"

typedef struct ranked_unit {
    const unit_result *res;
    size_t rank;         /* 0: a unit of the 单位名单 that sent nothing (未报), res its name alone */
} ranked_unit;

/* units in rank order; shape is the rubric table whose parts (unit_part_name)
 * head the columns. */
document *summary_document(const document *rubric, const unit *shape, const ranked_unit *units, size_t n);
layout *summary_layout(const layout *rubric, const unit *shape);

#endif
