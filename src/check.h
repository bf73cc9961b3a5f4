/* SPDX-License-Identifier: MIT */
/* check: completeness and arithmetic of a parsed document (see check.c). */
#ifndef GONGWEN_CHECK_H
#define GONGWEN_CHECK_H

#include <stddef.h>

#include "diag.h"
#include "layout.h"
#include "model.h"

typedef struct check_summary {
    size_t attachments, units, categories, items;
    points total;          /* the last unit's item sum (all units, when they agree) */
    points declared_total; /* 总分 */
} check_summary;

/* Errors for what cannot be printed, warnings for arithmetic that does not add
 * up.  lay may be NULL when the layout could not be loaded (its error is
 * already reported); column-dependent checks are then skipped. */
int check_document(const document *doc, const layout *lay, check_summary *s, diag_list *d);

#endif
