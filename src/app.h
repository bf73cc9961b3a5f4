/* app: the pipeline behind each command.
 *
 *   parse (source, ytree, parse) → model → check → typeset (fonts, linebreak,
 *   notice, table → page) → pdfwrite
 *
 * Each app_* runs one command: it writes its normal output (summaries,
 * listings) to out and its findings to d, and returns -1 on failure.  main
 * prints the findings and turns the result into an exit status.
 */
#ifndef GONGWEN_APP_H
#define GONGWEN_APP_H

#include <stdio.h>

#include "diag.h"

#define GONGWEN_VERSION "0.1.0"

typedef struct app_options {
    int strict;               /* warnings count as errors */
    const char *layouts_dir;  /* searched before the default folders */
    const char *fontmap;      /* instead of the default font map */
    const char *output;       /* build: the PDF to write */
} app_options;

int app_check(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);
int app_build(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);
int app_score(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);
int app_batch(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);
int app_fonts(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);

#endif
