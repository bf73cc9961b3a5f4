/* SPDX-License-Identifier: MIT */
/* batch: many units' scores against one rubric: one scored PDF per unit,
 * and the 汇总表 ranking them, as CSV and PDF.
 *
 *   gongwen batch RUBRIC.md DIR        every DIR/NAME.yaml or .yml (batchinput.c)
 *   gongwen batch RUBRIC.md 分数.xlsx   every row of a spreadsheet (.xlsx, .csv)
 *   gongwen collect RUBRIC.md A.pdf…   every filled form (collect.c)
 *
 * Whatever the units' scores came in, each is a scoresheet (scores.h) and
 * goes through one run (batch.c): every input is read, the units held
 * against the rubric's 单位名单 (roster.h: a unit missing, not on it, or given
 * twice is a warning, an error under --strict), each scored into its PDF,
 * and the 汇总表 written, the units that sent nothing listed as 未报.  A bad
 * input is reported and the others are still produced; the run then fails.
 */
#ifndef GONGWEN_BATCH_H
#define GONGWEN_BATCH_H

#include <stdbool.h>
#include <stdio.h>

#include "app.h"
#include "diag.h"
#include "job.h"
#include "scores.h"

/* The summary's name in the output folder, as .csv and .pdf; no unit's PDF
 * may take it. */
#define SUMMARY_STEM "汇总表"

/* One unit's scores as given, and where its PDF goes. */
typedef struct batch_input {
    char *name;        /* the source as the 汇总表 names it: "yizhong.yaml", "分数.xlsx 第7行", "一中.pdf" */
    char *path;        /* the file read: folder/name, the spreadsheet, the form */
    char *stem;        /* its PDF is outdir/stem.pdf */
    char *pdf;
    scoresheet *sheet; /* NULL: path is a scores file, read in its turn */
    bool refused;      /* already reported as bad (a spreadsheet's row, a form): only its old PDF goes */
    int line;          /* a refused row's, where its findings are; 0: the file's */
} batch_input;

typedef struct batch_list {
    batch_input *items;
    size_t len, cap;
} batch_list;

/* Adds an input (sheet, owned from then on, may be NULL) whose PDF is
 * outdir/stem.pdf. */
void batch_add(batch_list *l, const char *name, const char *path, const char *stem, const char *outdir,
               scoresheet *sheet);
void batch_list_free(batch_list *l);

/* -o, or out/NAME for rubric NAME.md; NULL (with an error) when the rubric's
 * name is no folder's. */
char *batch_outdir(const app_options *opt, const char *rubric, diag_list *d);
/* Two inputs whose PDFs would be one file (also where only letter case
 * differs: one file on a Windows disk), or one whose PDF would be the
 * summary's: reported, naming both, before anything is written. */
int batch_check_names(const batch_list *l, diag_list *d);
/* Scores every input of l with the job into outdir (made if missing), and
 * writes the 汇总表; prints what it wrote to out. */
int batch_run(const app_options *opt, job *j, batch_list *l, const char *outdir, diag_list *d, FILE *out);

int app_batch(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);

#endif
