/* SPDX-License-Identifier: MIT */
/* job: a rubric parsed, checked, with its layout and fonts loaded (job.c). */
#ifndef GONGWEN_JOB_H
#define GONGWEN_JOB_H

#include <stdbool.h>

#include "app.h"
#include "check.h"
#include "fileio.h"
#include "fonts.h"
#include "layout.h"
#include "model.h"
#include "page.h"
#include "pdffontprog.h"
#include "scores.h"
#include "typeset.h"

typedef struct job {
    const app_env *env;
    document *doc;
    layout *lay;
    char *fontmap;       /* the font map's path */
    fontset *fs;
    shaper sh;           /* every document of the job is shaped in it */
    bool shaping;        /* sh is initialised */
    page_list notice;    /* the notice's pages, typeset once: the form's and every scored copy's */
    page_list form;      /* the blank form, typeset once */
    char *icc;           /* the sRGB profile for the PDF/A output intent */
    size_t icc_len;
    font_program **form_fonts; /* per face: the form's characters and the scored copies' common ones, or NULL */
} job;

/* What a batch keeps of each unit it scored, for the summary. */
typedef struct unit_result {
    char *unit;
    const unit *table;   /* the rubric's table scored (the job's) */
    points *parts;       /* per part of table (unit_part_count); POINTS_NONE: none */
    bool *part_vetoed;   /* per part: a veto item of it happened */
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
/* Refuses an output that would replace a file the job reads (the rubric, its
 * layout, the font map, a font, the colour profile) or scores_path (may be
 * NULL); what names the output, N_(): "cannot write PDF: it is the input …". */
int job_check_output(const job *j, const char *output, const char *scores_path, const char *what, diag_list *d);
/* The blank form; fillable: with a form field in every 自评分 cell and every
 * blank of the header line (pdfform.h), and what it is a form of. */
int job_write_form(const job *j, const char *output, bool fillable, diag_list *d);
/* One unit's scores file checked and typeset; res (may be NULL) gets its sums. */
int job_write_scored(job *j, const char *scores_path, const char *output, unit_result *res, diag_list *d);
/* The same for a scoresheet already read: a spreadsheet's row, a filled
 * form.  The PDF embeds the sheet's source under its source_name. */
int job_write_sheet(job *j, const scoresheet *sheet, const char *output, unit_result *res, diag_list *d);
void unit_result_free(unit_result *res);
/* Any rubric-shaped document (the 汇总表) typeset with the job's fonts and
 * added to set, to be written with the set's other files. */
int job_stage_document(job *j, const document *doc, const layout *lay, const char *output, file_set *set,
                       diag_list *d);

#endif
