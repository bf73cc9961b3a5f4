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

static pdf_attachment source(const app_env *env, const char *path, const char *stdin_name, const char *mime,
                             const char *relationship)
{
    pdf_attachment a = {.path = path, .mime = mime, .relationship = relationship};
    if (path && env->stdin_text && strcmp(path, INPUT_STDIN_NAME) == 0) {
        a.name = stdin_name;
        a.data = env->stdin_text;
        a.len = env->stdin_len;
    }
    return a;
}

pdf_attachment input_rubric_source(const app_env *env, const document *doc)
{
    return source(env, doc->path, "stdin.md", "text/markdown", "Source");
}

pdf_attachment input_scores_source(const app_env *env, const scoresheet *sheet)
{
    return source(env, sheet ? sheet->path : NULL, "stdin.yaml", "application/yaml", "Data");
}
