/* SPDX-License-Identifier: MIT */
/* scored: a unit's scored copy as a document of its own (scored.c).
 *
 * The copy is the rubric's table of the unit, as the form shows it (its
 * attachment's label and notes only if the unit's table comes first in the
 * attachment, as on the form), each item carrying its 自评分 (是/否 for a
 * veto item) and 说明 as fields, the unit its total row's 自评分 and, under
 * the table, the sums: "自评得分合计：95分。其中(一)服务科学发展16.5分…".
 * The 单位 is the one the scores file names, at its line there.  The copy
 * has no notice text: the notice is the rubric's own, typeset once (job.h).
 * Typesetting needs no notion of scores: the score and remark columns read
 * fields like any other column.
 */
#ifndef GONGWEN_SCORED_H
#define GONGWEN_SCORED_H

#include "grade.h"
#include "model.h"
#include "scores.h"

/* label opens the sums under the table: "自评得分" (a self-assessment) or
 * "考核得分" (the federation's own), from the layout. */
document *scored_document(const document *rubric, const grades *g, const scoresheet *sheet, const char *label);

/* Every character a scored copy adds to the form besides the unit's own
 * words (its name, remarks): the digits and the sums' fixed words, so that
 * a batch can put them into the form's font subsets once. */
extern const char SCORED_COMMON_TEXT[];

#endif
