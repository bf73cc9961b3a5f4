/* SPDX-License-Identifier: MIT */
/* input: the rubric and the scores file named on the command line, where "-"
 * stands for standard input.
 *
 * Standard input can be read only once, and its text is needed again after
 * parsing: a scored PDF embeds its sources, and a batch embeds the rubric in
 * every unit's PDF.  So main reads it whole, once, into app_env (at most one
 * input of a run is "-"); from there it is parsed and embedded like a file,
 * and named INPUT_STDIN_NAME in every diagnostic.
 */
#ifndef GONGWEN_INPUT_H
#define GONGWEN_INPUT_H

#include <stdbool.h>

#include "app.h"
#include "diag.h"
#include "model.h"
#include "scores.h"

#define INPUT_STDIN "-"
#define INPUT_STDIN_NAME "<stdin>"

bool input_is_stdin(const char *arg);
/* Standard input, whole, into env->stdin_text. */
int input_read_stdin(app_env *env, diag_list *d);

/* The rubric or scores file arg names, parsed (rubric_parse_file,
 * scoresheet_load). */
int input_rubric(const app_env *env, const char *arg, document **doc, diag_list *d);
int input_scores(const app_env *env, const char *arg, scoresheet **sheet, diag_list *d);

/* The name a scored PDF stores an input under: its file's bare name, or
 * stdin_name (stdin.md, stdin.yaml) for standard input. */
const char *input_stored_name(const char *path, const char *stdin_name);

#endif
