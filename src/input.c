/* SPDX-License-Identifier: MIT */
#include "input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "parse.h"
#include "source.h"
#include "text.h"

bool input_is_stdin(const char *arg)
{
    return strcmp(arg, INPUT_STDIN) == 0;
}

int input_read_stdin(app_env *env, diag_list *d)
{
    return file_read_stream(stdin, INPUT_STDIN_NAME, SOURCE_MAX_BYTES, &env->stdin_text, &env->stdin_len, d);
}

int input_rubric(const app_env *env, const char *arg, document **doc, diag_list *d)
{
    if (!input_is_stdin(arg))
        return rubric_parse_file(arg, doc, d);
    *doc = NULL;
    /* Parsing works on the text in place; standard input's stays as read. */
    size_t len = env->stdin_len;
    char *text = xmalloc(len + 1);
    memcpy(text, env->stdin_text, len + 1);
    int rc = source_accept(INPUT_STDIN_NAME, text, &len, d);
    if (rc == 0)
        rc = rubric_parse_text(INPUT_STDIN_NAME, text, len, doc, d);
    free(text);
    return rc;
}

int input_scores(const app_env *env, const char *arg, scoresheet **sheet, diag_list *d)
{
    return input_is_stdin(arg) ? scoresheet_load_text(INPUT_STDIN_NAME, env->stdin_text, env->stdin_len, sheet, d)
                               : scoresheet_load(arg, sheet, d);
}

const char *input_stored_name(const char *path, const char *stdin_name)
{
    if (strcmp(path, INPUT_STDIN_NAME) == 0)
        return stdin_name;
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}
