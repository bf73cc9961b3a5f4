/* SPDX-License-Identifier: MIT */
#include "app.h"

#include <errno.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "fileio.h"
#include "fonts.h"
#include "gb2312.h"
#include "input.h"
#include "intl.h"
#include "job.h"
#include "layout.h"
#include "model.h"
#include "searchpath.h"
#include "text.h"

/* ---- the environment -------------------------------------------------- */

#ifndef GONGWEN_DATADIR
#define GONGWEN_DATADIR "/usr/local/share/gongwen"
#endif

/* The colour profile of every PDF's output intent (PDF/A). */
#ifndef SRGB_PROFILE
#define SRGB_PROFILE "/usr/share/color/icc/sRGB.icc"
#endif

#ifndef GONGWEN_LOCALEDIR
#define GONGWEN_LOCALEDIR "/usr/local/share/locale"
#endif

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder of the running binary, or NULL. */
static char *exe_dir(void)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    return xstrdup(dirname(exe));
}

/* PATH under PREFIX, for a binary in PREFIX/bin, when it is a folder there. */
static char *beside_binary(const char *bin, const char *path)
{
    if (!bin)
        return NULL;
    char *copy = xstrdup(bin), *dir = xasprintf("%s/%s", dirname(copy), path);
    free(copy);
    if (is_dir(dir))
        return dir;
    free(dir);
    return NULL;
}

/* The installed data: PREFIX/share/gongwen beside PREFIX/bin/gongwen, found
 * from the running binary so that an install under any PREFIX or DESTDIR
 * finds its own layouts; the compiled-in folder otherwise. */
static char *data_dir(const char *bin)
{
    char *dir = beside_binary(bin, "share/gongwen");
    return dir ? dir : xstrdup(GONGWEN_DATADIR);
}

/* The message catalogues, found as the data is: PREFIX/share/locale beside
 * the binary; then the build folder's locale/, which make fills, so that
 * build/gongwen run from the project folder speaks the reader's language
 * too; the compiled-in folder otherwise. */
static char *locale_dir(const char *bin)
{
    char *dir = beside_binary(bin, "share/locale");
    if (dir)
        return dir;
    if (bin) {
        dir = xasprintf("%s/locale", bin);
        if (is_dir(dir))
            return dir;
        free(dir);
    }
    return xstrdup(GONGWEN_LOCALEDIR);
}

/* The last second a PDF date can name: 9999-12-31T23:59:59Z (its year has
 * four digits). */
#define EPOCH_MAX 253402300799LL

/* SOURCE_DATE_EPOCH, when set and valid, dates the PDF: the same inputs then
 * give the same bytes. */
static epoch_state source_date_epoch(const char *s, long long *epoch)
{
    *epoch = -1;
    if (!s || !*s)
        return EPOCH_UNSET;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (*end || end == s || v < 0)
        return EPOCH_NOT_A_NUMBER;
    if (errno == ERANGE || v > EPOCH_MAX)
        return EPOCH_PAST_9999;
    *epoch = v;
    return EPOCH_SET;
}

/* The user's settings, where the XDG Base Directory specification puts
 * them; it ignores a relative $XDG_CONFIG_HOME, and so does this. */
static char *config_dir(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        return xasprintf("%s/gongwen", xdg);
    if (home && home[0] == '/')
        return xasprintf("%s/.config/gongwen", home);
    return NULL;
}

void app_env_read(app_env *env, FILE *out)
{
    memset(env, 0, sizeof *env);
    env->epoch_text = getenv("SOURCE_DATE_EPOCH");
    env->epoch = source_date_epoch(env->epoch_text, &env->source_date_epoch);
    char *bin = exe_dir();
    env->data_dir = data_dir(bin);
    env->locale_dir = locale_dir(bin);
    free(bin);
    env->config_dir = config_dir();
    env->srgb_profile = SRGB_PROFILE;
    env->progress = isatty(fileno(out));
}

void app_env_findings(const app_env *env, diag_list *d)
{
    if (env->epoch == EPOCH_NOT_A_NUMBER)
        diag_warning(d, NULL, 0, "SOURCE_DATE_EPOCH='%s' is not a number of seconds; ignored", env->epoch_text);
    else if (env->epoch == EPOCH_PAST_9999)
        diag_warning(d, NULL, 0, "SOURCE_DATE_EPOCH='%s' is past 9999-12-31, the last date a PDF can carry "
                     "(%lld); ignored", env->epoch_text, EPOCH_MAX);
}

void app_env_free(app_env *env)
{
    free(env->data_dir);
    free(env->locale_dir);
    free(env->config_dir);
    free(env->stdin_text);
    memset(env, 0, sizeof *env);
}

/* ---- check --------------------------------------------------------------- */

static int check_one(const app_options *opt, const char *path, diag_list *d, FILE *out)
{
    document *doc = NULL;
    layout *lay;
    check_summary s;
    int rc = read_rubric(opt, path, &doc, &lay, &s, d);
    if (!doc)
        return -1;
    char total[32];
    /* TRANSLATORS: the summary line of check is these four counts, then the
     * total: "FILE: 1 attachment, 1 unit, 5 categories, 29 items, total 100分". */
    fprintf(out, "%s: ", doc->path);
    fprintf(out, ngettext("%zu attachment, ", "%zu attachments, ", s.attachments), s.attachments);
    fprintf(out, ngettext("%zu unit, ", "%zu units, ", s.units), s.units);
    fprintf(out, ngettext("%zu category, ", "%zu categories, ", s.categories), s.categories);
    fprintf(out, ngettext("%zu item, ", "%zu items, ", s.items), s.items);
    fprintf(out, _("total %s分\n"), points_format(s.declared_total, total));
    layout_free(lay);
    document_free(doc);
    return rc;
}

int app_check(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    int rc = 0;
    for (int i = 0; i < argc; i++)
        if (check_one(opt, argv[i], d, out) < 0)
            rc = -1;
    return rc;
}

/* ---- build --------------------------------------------------------------- */

static char *default_output(const char *rubric)
{
    char *stem = path_stem(rubric), *out = xasprintf("out/%s.pdf", stem);
    free(stem);
    return out;
}

/* build and score: rubric (and scores) to PDF.  Nothing is written unless
 * every check passed. */
static int produce(const app_options *opt, const char *path, const char *scores_path, diag_list *d, FILE *out)
{
    job j = {0};
    char *output = opt->output ? xstrdup(opt->output) : default_output(scores_path ? scores_path : path);
    bool to_stdout = input_is_stdin(output);
    int rc = job_open(opt, path, &j, d);
    /* The default folder is made when it is missing, as batch makes its own,
     * and removed again if the PDF could not be written into it.  One
     * already there (another run may just have made it) is fine; any other
     * failure is reported when the PDF cannot be written into it. */
    bool made = rc == 0 && !opt->output && mkdir("out", 0777) == 0;
    if (rc == 0) {
        if (!to_stdout)
            file_sweep_leftovers_of(output);
        rc = scores_path ? job_write_scored(&j, scores_path, output, NULL, d)
                         : job_write_form(&j, output, opt->fillable, d);
    }
    if (rc != 0 && made)
        (void)rmdir("out");
    if (rc == 0 && !to_stdout)
        fprintf(out, "%s\n", output);
    job_close(&j);
    free(output);
    return rc;
}

int app_build(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    (void)argc;
    return produce(opt, argv[0], NULL, d, out);
}

int app_score(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    (void)argc;
    return produce(opt, argv[0], argv[1], d, out);
}

/* ---- where things are looked for ------------------------------------------- */

/* One place of a lookup: its path, what it is, and what is there. */
static void where_line(const place *p, const char *found, FILE *out)
{
    /* TRANSLATORS: a place where layouts or the font map are looked for,
     * "    PATH (WHAT PLACE IT IS)", then ": WHAT IS THERE" for most. */
    fprintf(out, _("    %s (%s)"), p->path, _(place_kind_name(p->kind)));
    if (p->kind == PLACE_RUBRIC)
        fputc('\n', out);
    else
        fprintf(out, _(": %s\n"), found ? found : access(p->path, R_OK) == 0 ? _("found") : _("none"));
}

void app_where(const app_options *opt, FILE *out)
{
    /* With no rubric at hand, a placeholder shows where "beside it" is. */
    const char *rubric = _("RUBRIC_DIR/RUBRIC.md");
    searchpath sp;
    fputs(_("Layouts and the font map are looked for in this order (--layouts DIR and\n"
            "--fontmap FILE come first); the first found is used:\n  layouts:\n"), out);
    searchpath_layouts(&sp, opt, rubric);
    for (size_t i = 0; i < sp.len; i++) {
        char **names = layout_names_in(sp.at[i].path);
        strbuf list = {0};
        for (size_t k = 0; names[k]; k++)
            sb_printf(&list, "%s%s", k ? ", " : "", names[k]);
        where_line(&sp.at[i], list.data ? list.data : _("none"), out);
        sb_free(&list);
        names_free(names);
    }
    searchpath_free(&sp);
    fputs(_("  font map:\n"), out);
    searchpath_fontmaps(&sp, opt, rubric);
    const place *used = NULL;
    char *fontmap = searchpath_find_fontmap(&sp, &used);
    for (size_t i = 0; i < sp.len; i++)
        where_line(&sp.at[i], &sp.at[i] == used ? _("found, used") : NULL, out);
    free(fontmap);
    searchpath_free(&sp);
}

/* ---- fonts ----------------------------------------------------------------- */
/* The font map `fonts` lists (no rubric: the current folder's, the user's or
 * the installed one), where it was found, and the places tried, as a list. */
static char *fontmap_for_fonts(const app_options *opt, place_kind *kind, char **tried)
{
    searchpath sp;
    searchpath_fontmaps(&sp, opt, NULL);
    strbuf list = {0};
    for (size_t i = 0; i < sp.len; i++)
        sb_printf(&list, "%s%s", i ? ", " : "", sp.at[i].path);
    const place *where = NULL;
    char *found = searchpath_find_fontmap(&sp, &where);
    if (found)
        *kind = where->kind;
    *tried = sb_take(&list);
    searchpath_free(&sp);
    return found;
}

static size_t gb2312_covered(const fontset *fs, int face, const uint32_t *hanzi, size_t nhanzi)
{
    size_t covered = 0;
    for (size_t i = 0; i < nhanzi; i++)
        covered += fontset_face_covers(fs, face, hanzi[i]);
    return covered;
}

/* One candidate of a role, numbered k: "K. [FAMILY: ]FILE, face N: what became of it". */
static void print_candidate(FILE *out, const fontset *fs, size_t k, const font_candidate *c, const uint32_t *hanzi,
                            size_t nhanzi)
{
    fprintf(out, "  %zu. ", k);
    if (c->family && c->style)
        fprintf(out, _("%s (%s): "), c->name, c->style);
    else if (c->family)
        fprintf(out, _("%s: "), c->name);
    if (c->status == FONT_CANDIDATE_ABSENT) {
        if (c->family)
            fputs(_("not installed\n"), out);
        else
            fprintf(out, _("%s: no such file\n"), c->path);
        return;
    }
    fprintf(out, _("%s, face %d: "), c->path, c->index);
    switch (c->status) {
    case FONT_CANDIDATE_UNUSABLE:
        fprintf(out, _("skipped, %s\n"), c->why);
        break;
    case FONT_CANDIDATE_INCOMPLETE:
        fprintf(out, _("passed over, it lacks %zu of the %zu hanzi of GB2312\n"), c->missing, nhanzi);
        break;
    case FONT_CANDIDATE_REPEATED:
        fputs(_("the face of a candidate above\n"), out);
        break;
    default:
        fprintf(out, c->status == FONT_CANDIDATE_CHOSEN ? _("used, GB2312 %zu/%zu\n") : _("fallback, GB2312 %zu/%zu\n"),
                gb2312_covered(fs, c->face, hanzi, nhanzi), nhanzi);
    }
}

int app_fonts(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    (void)argc;
    (void)argv;
    place_kind where;
    char *tried = NULL, *fontmap = fontmap_for_fonts(opt, &where, &tried);
    if (!fontmap) {
        diag_error(d, NULL, 0, "no font map: none of %s exists; name one with --fontmap", tried);
        free(tried);
        return -1;
    }
    fontset *fs = NULL;
    if (fontset_load(fontmap, &fs, d) < 0) {
        free(fontmap);
        free(tried);
        return -1;
    }
    uint32_t *hanzi;
    size_t nhanzi = gb2312_hanzi(&hanzi);
    fprintf(out, _("font map: %s (%s)\n  looked for, in order: %s\n"), fontmap, _(place_kind_name(where)), tried);
    for (int role = 0; role < ROLE_COUNT; role++) {
        const int *faces;
        fontset_role_faces(fs, (font_role)role, &faces);
        fprintf(out, _("\n%s: %s (%s, face %d)\n"), font_role_name((font_role)role), fontset_face_family(fs, faces[0]),
                fontset_face_path(fs, faces[0]), fontset_face_index(fs, faces[0]));
        const font_candidate *cands;
        size_t n = fontset_candidates(fs, (font_role)role, &cands), role_covered = 0;
        for (size_t k = 0; k < n; k++)
            print_candidate(out, fs, k + 1, &cands[k], hanzi, nhanzi);
        for (size_t i = 0; i < nhanzi; i++)
            role_covered += fontset_face_for(fs, (font_role)role, hanzi[i]) >= 0;
        fprintf(out, _("  with fallback: GB2312 %zu/%zu\n"), role_covered, nhanzi);
    }
    free(hanzi);
    fontset_free(fs);
    free(fontmap);
    free(tried);
    return 0;
}
