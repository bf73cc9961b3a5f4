/* SPDX-License-Identifier: MIT */
#include "searchpath.h"

#include <dirent.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "intl.h"
#include "layout.h"
#include "text.h"

static void add(searchpath *sp, place_kind kind, char *path)
{
    sp->at[sp->len].kind = kind;
    sp->at[sp->len].path = path;
    sp->len++;
}

/* The rubric's folder's parent, where a project keeps layouts/ and fonts/;
 * NULL when there is no rubric or it came from standard input. */
static char *project_of(const char *rubric)
{
    if (!rubric || strcmp(rubric, INPUT_STDIN_NAME) == 0)
        return NULL;
    char *copy = xstrdup(rubric), *dir = xasprintf("%s/..", dirname(copy));
    free(copy);
    return dir;
}

/* The places after the option's: here, beside the rubric, the user's
 * settings, the installed data; sub is "layouts" or "fonts/fontmap.yaml". */
static void add_defaults(searchpath *sp, const app_options *opt, const char *rubric, const char *sub)
{
    add(sp, PLACE_HERE, xstrdup(sub));
    char *project = project_of(rubric);
    if (project)
        add(sp, PLACE_RUBRIC, xasprintf("%s/%s", project, sub));
    free(project);
    if (opt->env->config_dir)
        add(sp, PLACE_USER, xasprintf("%s/%s", opt->env->config_dir, sub));
    add(sp, PLACE_INSTALLED, xasprintf("%s/%s", opt->env->data_dir, sub));
}

void searchpath_layouts(searchpath *sp, const app_options *opt, const char *rubric)
{
    sp->len = 0;
    if (opt->layouts_dir)
        add(sp, PLACE_OPTION, xstrdup(opt->layouts_dir));
    add_defaults(sp, opt, rubric, "layouts");
}

void searchpath_fontmaps(searchpath *sp, const app_options *opt, const char *rubric)
{
    sp->len = 0;
    if (opt->fontmap)
        add(sp, PLACE_OPTION, xstrdup(opt->fontmap));
    else
        add_defaults(sp, opt, rubric, "fonts/fontmap.yaml");
}

void searchpath_free(searchpath *sp)
{
    for (size_t i = 0; i < sp->len; i++)
        free(sp->at[i].path);
    sp->len = 0;
}

const char *place_kind_name(place_kind kind)
{
    static const char *const names[PLACE_COUNT] = {
        [PLACE_OPTION] = N_("named on the command line"),
        [PLACE_HERE] = N_("current folder"),
        [PLACE_RUBRIC] = N_("beside the rubric"),
        [PLACE_USER] = N_("your settings"),
        [PLACE_INSTALLED] = N_("installed"),
    };
    return names[kind];
}

char *searchpath_find_layout(const searchpath *sp, const char *name, const place **where)
{
    for (size_t i = 0; i < sp->len; i++) {
        const char *dir[] = {sp->at[i].path, NULL};
        char *path = layout_find(name, dir);
        if (path) {
            if (where)
                *where = &sp->at[i];
            return path;
        }
    }
    return NULL;
}

int searchpath_no_layout(const searchpath *sp, const char *name, const char *file, int line, diag_list *d)
{
    char **names = layout_names(sp);
    strbuf list = {0};
    for (size_t i = 0; names[i]; i++)
        sb_printf(&list, "%s%s", i ? ", " : "", names[i]);
    const char *near = nearest_name(name, (const char *const *)names);
    int rc = near       ? diag_error(d, file, line, "unknown layout '%s': did you mean '%s'? The layouts there are: %s",
                                     name, near, list.data)
             : names[0] ? diag_error(d, file, line, "unknown layout '%s': the layouts there are: %s", name, list.data)
                        : diag_error(d, file, line, "unknown layout '%s': no layouts are installed or found here "
                                                    "(gongwen --help says where they are looked for)", name);
    sb_free(&list);
    names_free(names);
    return rc;
}

char *searchpath_find_fontmap(const searchpath *sp, const place **where)
{
    for (size_t i = 0; i < sp->len; i++)
        if (sp->at[i].kind == PLACE_OPTION || access(sp->at[i].path, R_OK) == 0) {
            if (where)
                *where = &sp->at[i];
            return xstrdup(sp->at[i].path);
        }
    return NULL;
}

char *find_fontmap(const app_options *opt, const char *rubric)
{
    searchpath sp;
    searchpath_fontmaps(&sp, opt, rubric);
    char *found = searchpath_find_fontmap(&sp, NULL);
    searchpath_free(&sp);
    return found;
}

/* ---- listing ------------------------------------------------------------ */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds dir's layout names to (names, len, cap), skipping those already in. */
static void collect(const char *dir, char ***names, size_t *len, size_t *cap)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n <= 5 || strcmp(e->d_name + n - 5, ".yaml") != 0)
            continue;
        char *name = xstrndup(e->d_name, n - 5);
        bool seen = false;
        for (size_t i = 0; i < *len && !seen; i++)
            seen = strcmp((*names)[i], name) == 0;
        if (seen) {
            free(name);
            continue;
        }
        GROW(*names, *len, *cap);
        (*names)[(*len)++] = name;
    }
    closedir(d);
}

static char **finish(char **names, size_t len)
{
    names = xrealloc(names, (len + 1) * sizeof *names);
    qsort(names, len, sizeof *names, by_name);
    names[len] = NULL;
    return names;
}

char **layout_names_in(const char *dir)
{
    char **names = NULL;
    size_t len = 0, cap = 0;
    collect(dir, &names, &len, &cap);
    return finish(names, len);
}

char **layout_names(const searchpath *sp)
{
    char **names = NULL;
    size_t len = 0, cap = 0;
    for (size_t i = 0; i < sp->len; i++)
        collect(sp->at[i].path, &names, &len, &cap);
    return finish(names, len);
}

void names_free(char **names)
{
    for (size_t i = 0; names && names[i]; i++)
        free(names[i]);
    free(names);
}
