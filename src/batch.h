/* SPDX-License-Identifier: MIT */
/* batch: every scores file of a folder against one rubric (batch.c): one
 * scored PDF per unit, and the 汇总表 ranking them, as CSV and PDF. */
#ifndef GONGWEN_BATCH_H
#define GONGWEN_BATCH_H

#include <stdio.h>

#include "app.h"
#include "diag.h"

int app_batch(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);

#endif
