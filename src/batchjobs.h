/* SPDX-License-Identifier: MIT */
/* batchjobs: a batch's units scored over several processes.
 *
 * The units are dealt round the workers (unit i to worker i mod N), each a
 * child forked once the job is open and the inputs read, so that it shares
 * the parsed rubric, the fonts and the form's font programs with no copy.
 * A worker sends back what each unit came to; this process takes the
 * outcomes in the order of the units, so its findings, the PDFs and the
 * 汇总表 are what a serial run gives.
 */
#ifndef GONGWEN_BATCHJOBS_H
#define GONGWEN_BATCHJOBS_H

#include <stddef.h>

#include "diag.h"
#include "job.h"

/* What scoring one unit came to: rc 0 and res when it was scored; else
 * res.unit may still name it.  d holds its findings. */
typedef struct unit_outcome {
    int rc;
    unit_result res;
    diag_list d;
} unit_outcome;

/* score(ctx, i, o) fills o for unit i; take(ctx, i, o) receives it, and owns
 * it thereafter.  Every unit i < n is scored and taken, taken in order of i. */
typedef void (*unit_score_fn)(void *ctx, size_t i, unit_outcome *o);
typedef void (*unit_take_fn)(void *ctx, size_t i, unit_outcome *o);

/* The number of workers when none is asked for: the cores online. */
unsigned batch_default_jobs(void);
/* jobs <= 1 or n <= 1: every unit in this process, scored then taken in
 * turn.  Otherwise min(jobs, n) workers; a worker that cannot be started
 * or stops early leaves its units not scored, each with an error. */
void batch_score_units(size_t n, unsigned jobs, unit_score_fn score, unit_take_fn take, void *ctx);

#endif
