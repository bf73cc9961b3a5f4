/* job: a rubric parsed, checked, with its layout and fonts loaded (job.c). */
#ifndef GONGWEN_JOB_H
#define GONGWEN_JOB_H

#include <stdbool.h>

#include "app.h"
#include "check.h"
#include "pdffontprog.h"
#include "fonts.h"
#include "layout.h"
#include "model.h"
#include "scores.h"

typedef struct job {
    const app_env *env;
    document *doc;
    layout *lay;
    fontset *fs;
    char *icc;           /* the sRGB profile for the PDF/A output intent */
    font_program **form_fonts; /* per face: the blank form's characters, or NULL */
    size_t icc_len;
} job;

/* What a batch keeps of each unit it scored, for the summary. */
typedef struct unit_result {
    char *unit;
    points *parts;       /* per part of the unit's table (unit_part_count) */
    size_t nparts;
    points total, bonus;
    bool vetoed;
} unit_result;

/* Parse, load the layout, check: the steps every command that reads a rubric
 * begins with.  *doc is NULL when the file could not be parsed at all. */
int read_rubric(const app_options *opt, const char *path, document **doc, layout **lay,
                check_summary *s, diag_list *d);

int job_open(const app_options *opt, const char *rubric, job *j, diag_list *d);
void job_close(job *j);
/* The blank form. */
int job_write_form(const job *j, const char *output, diag_list *d);
/* One unit's scores file checked and typeset; res (may be NULL) gets its sums. */
int job_write_scored(const job *j, const char *scores_path, const char *output, unit_result *res,
                     diag_list *d);
void unit_result_free(unit_result *res);
/* Any rubric-shaped document (the 汇总表) typeset with the job's fonts. */
int job_write_document(const job *j, const document *doc, const layout *lay, const char *output, diag_list *d);

#endif
