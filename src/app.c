#include "app.h"

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
#include "job.h"
#include "layout.h"
#include "model.h"
#include "text.h"

/* ---- the environment -------------------------------------------------- */

#ifndef GONGWEN_DATADIR
#define GONGWEN_DATADIR "/usr/local/share/gongwen"
#endif

/* The colour profile of every PDF's output intent (PDF/A). */
#ifndef SRGB_PROFILE
#define SRGB_PROFILE "/usr/share/color/icc/sRGB.icc"
#endif

/* The installed data: PREFIX/share/gongwen beside PREFIX/bin/gongwen, found
 * from the running binary so that an install under any PREFIX or DESTDIR
 * finds its own layouts; the compiled-in folder otherwise. */
static char *data_dir(void)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *dir = xasprintf("%s/../share/gongwen", dirname(exe));
        if (access(dir, R_OK) == 0)
            return dir;
        free(dir);
    }
    return xstrdup(GONGWEN_DATADIR);
}

/* SOURCE_DATE_EPOCH, when set and valid, dates the PDF: the same inputs then
 * give the same bytes. */
static long long source_date_epoch(diag_list *d)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s)
        return -1;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*end || v < 0) {
        diag_warning(d, NULL, 0, "SOURCE_DATE_EPOCH='%s' is not a number of seconds; ignored", s);
        return -1;
    }
    return v;
}

void app_env_read(app_env *env, FILE *out, diag_list *d)
{
    env->source_date_epoch = source_date_epoch(d);
    env->data_dir = data_dir();
    env->srgb_profile = SRGB_PROFILE;
    env->progress = isatty(fileno(out));
}

void app_env_free(app_env *env)
{
    free(env->data_dir);
    env->data_dir = NULL;
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
    fprintf(out, "%s: %zu attachment%s, %zu unit%s, %zu categories, %zu items, total %s分\n", path,
            s.attachments, s.attachments == 1 ? "" : "s", s.units, s.units == 1 ? "" : "s",
            s.categories, s.items, points_format(s.declared_total, total));
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

/* Whether a and b name one existing file. */
static bool same_file(const char *a, const char *b)
{
    struct stat x, y;
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* build and score: rubric (and scores) to PDF.  Nothing is written unless
 * every check passed. */
static int produce(const app_options *opt, const char *path, const char *scores_path, diag_list *d, FILE *out)
{
    job j = {0};
    char *output = opt->output ? xstrdup(opt->output) : default_output(scores_path ? scores_path : path);
    /* -o repeating an input's name would replace the clerk's source with the PDF. */
    int rc = same_file(output, path) || (scores_path && same_file(output, scores_path))
                 ? diag_error(d, output, 0, "cannot write PDF: it is the input; name another file with -o")
                 : job_open(opt, path, &j, d);
    /* The default folder is made when it is missing, as batch makes its own,
     * and removed again if the PDF could not be written into it.  One
     * already there (another run may just have made it) is fine; any other
     * failure is reported when the PDF cannot be written into it. */
    bool made = rc == 0 && !opt->output && mkdir("out", 0777) == 0;
    if (rc == 0)
        rc = scores_path ? job_write_scored(&j, scores_path, output, NULL, d) : job_write_form(&j, output, d);
    if (rc != 0 && made)
        (void)rmdir("out");
    if (rc == 0)
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

/* ---- fonts ----------------------------------------------------------------- */

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
    if (c->family)
        fprintf(out, "%s%s%s%s: ", c->name, c->style ? " (" : "", c->style ? c->style : "", c->style ? ")" : "");
    if (c->status == FONT_CANDIDATE_ABSENT) {
        fprintf(out, c->family ? "not installed\n" : "%s: no such file\n", c->path);
        return;
    }
    fprintf(out, "%s, face %d: ", c->path, c->index);
    switch (c->status) {
    case FONT_CANDIDATE_UNUSABLE:
        fprintf(out, "skipped, %s\n", c->why);
        break;
    case FONT_CANDIDATE_INCOMPLETE:
        fprintf(out, "passed over, it lacks %zu of the %zu hanzi of GB2312\n", c->missing, nhanzi);
        break;
    case FONT_CANDIDATE_REPEATED:
        fprintf(out, "the face of a candidate above\n");
        break;
    default:
        fprintf(out, "%s, GB2312 %zu/%zu\n", c->status == FONT_CANDIDATE_CHOSEN ? "used" : "fallback",
                gb2312_covered(fs, c->face, hanzi, nhanzi), nhanzi);
    }
}

int app_fonts(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out)
{
    (void)argc;
    (void)argv;
    char *fontmap = find_fontmap(opt, ".");
    if (!fontmap)
        return diag_error(d, NULL, 0, "no font map: fonts/fontmap.yaml is neither here nor installed; name one with --fontmap");
    fontset *fs = NULL;
    if (fontset_load(fontmap, &fs, d) < 0) {
        free(fontmap);
        return -1;
    }
    uint32_t *hanzi;
    size_t nhanzi = gb2312_hanzi(&hanzi);
    fprintf(out, "font map: %s\n", fontmap);
    for (int role = 0; role < ROLE_COUNT; role++) {
        const int *faces;
        fontset_role_faces(fs, (font_role)role, &faces);
        fprintf(out, "\n%s: %s (%s, face %d)\n", font_role_name((font_role)role), fontset_face_family(fs, faces[0]),
                fontset_face_path(fs, faces[0]), fontset_face_index(fs, faces[0]));
        const font_candidate *cands;
        size_t n = fontset_candidates(fs, (font_role)role, &cands), role_covered = 0;
        for (size_t k = 0; k < n; k++)
            print_candidate(out, fs, k + 1, &cands[k], hanzi, nhanzi);
        for (size_t i = 0; i < nhanzi; i++)
            role_covered += fontset_face_for(fs, (font_role)role, hanzi[i]) >= 0;
        fprintf(out, "  with fallback: GB2312 %zu/%zu\n", role_covered, nhanzi);
    }
    free(hanzi);
    fontset_free(fs);
    free(fontmap);
    return 0;
}
