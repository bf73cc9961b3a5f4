/* SPDX-License-Identifier: MIT */
/* summary: the 汇总表 of a batch as a rubric document of its own, so that
 * the table typesetter prints it in the same official style: one row per
 * unit (rank, name, each part's subtotal, total, a remark), with a layout
 * derived from the rubric's own (its fonts, its categories, or its items
 * when it has one category, as columns).
 *
 * A veto category's column says 是 or 否, not points.  A unit that could
 * not be scored is listed too, without a rank, its total 未评分 and its
 * remark saying why, so the table is complete.  A table too wide for a
 * portrait page is set on a landscape sheet (GB/T 9704 allows it for
 * tables), its columns never narrower than a number needs. */
#ifndef GONGWEN_SUMMARY_H
#define GONGWEN_SUMMARY_H

#include <stddef.h>

#include "job.h"

typedef struct ranked_unit {
    const unit_result *res;
    size_t rank;              /* 0: not scored */
    const char *not_scored;   /* why not, or NULL */
} ranked_unit;

#define SUMMARY_NOT_SCORED "未评分"

/* What part k of res shows in its column: points, 是/否 for a veto
 * category, nothing for a part the unit lacks; into buf (32 bytes). */
const char *summary_part_text(const unit *shape, const unit_result *res, size_t k, char *buf);

/* units in rank order; shape is the rubric table whose parts (unit_part_name)
 * head the columns. */
document *summary_document(const document *rubric, const unit *shape, const ranked_unit *units, size_t n);
layout *summary_layout(const layout *rubric, const unit *shape, const ranked_unit *units, size_t n);

#endif
