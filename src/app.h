/* SPDX-License-Identifier: MIT */
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

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

#define GONGWEN_VERSION "0.1.0"

/* What the environment says, read once by main and passed down, so that no
 * module below main looks at the environment or the file system's idea of
 * where the program lives. */
typedef enum { EPOCH_UNSET, EPOCH_SET, EPOCH_NOT_A_NUMBER, EPOCH_PAST_9999 } epoch_state;

typedef struct app_env {
    long long source_date_epoch; /* SOURCE_DATE_EPOCH: dates every PDF; -1 when unset or no date */
    epoch_state epoch;           /* what SOURCE_DATE_EPOCH held (app_env_findings tells a bad one) */
    const char *epoch_text;      /* its text, NULL when unset */
    char *data_dir;              /* the installed layouts and font map: PREFIX/share/gongwen */
    char *locale_dir;            /* the message catalogues: LOCALEDIR, or the build folder's locale/ */
    char *config_dir;            /* the user's: $XDG_CONFIG_HOME/gongwen (~/.config/gongwen); NULL: none */
    const char *srgb_profile;    /* the ICC profile of every PDF/A output intent */
    bool progress;               /* standard output is a terminal: a batch shows its progress */
    /* Standard input, read whole by main when an input is "-" (input.h);
     * NULL otherwise. */
    char *stdin_text;
    size_t stdin_len;
} app_env;

/* Reads the environment, before anything is said: main binds the message
 * catalogue from it first.  app_env_findings then adds what is wrong with it
 * (a SOURCE_DATE_EPOCH that is no date) to d; app_env_free releases what it
 * holds. */
void app_env_read(app_env *env, FILE *out);
void app_env_findings(const app_env *env, diag_list *d);
void app_env_free(app_env *env);

typedef struct app_options {
    const app_env *env;
    int strict;               /* warnings count as errors */
    int quiet;                /* no warnings (unless strict) and no progress: errors only */
    const char *layouts_dir;  /* searched before the default folders */
    const char *fontmap;      /* instead of the default font map */
    const char *output;       /* build, score: the PDF to write ("-": standard output); batch: the folder */
    int fillable;             /* build: a form with fields to fill in (--fillable) */
    unsigned jobs;            /* batch: the processes that score units (-j); 0 or 1: this one */
} app_options;

int app_check(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);
int app_build(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);
int app_score(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);
int app_fonts(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);
/* Where layouts and the font map are looked for, and what is found (--help). */
void app_where(const app_options *opt, FILE *out);

#endif
