/* SPDX-License-Identifier: MIT */
/* fuzz_fontmap: a font map (fonts/fontmap.yaml), as bytes, loaded and its
 * faces queried as the typesetter queries them.
 *
 * Loading opens the files the map names.  An input may name any path, and
 * some (/proc/kmsg) block a reader forever, which is no finding about the
 * map's parser; so an input is run only if every path in it stays in
 * tests/fixtures/fonts (relative, no "..") or under /usr/share/fonts, where
 * the Debian faces the real map names live. */
#include "fonts.h"
#include "fuzz.h"
#include "ytree.h"

#define FONT_DIR "/usr/share/fonts/"

typedef struct env {
    char *map_path;   /* not read: its folder resolves relative candidates */
    FILE *sink;
} env;

static env *the_env; /* set once by LLVMFuzzerInitialize, read-only after */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    env *e = xcalloc(1, sizeof *e);
    e->map_path = fuzz_path("tests/fixtures/fonts/fuzz-map.yaml");
    e->sink = fuzz_sink();
    the_env = e;
    return 0;
}

static int path_allowed(const char *s)
{
    if (strstr(s, ".."))
        return 0;
    return s[0] != '/' || strncmp(s, FONT_DIR, strlen(FONT_DIR)) == 0;
}

/* Whether every scalar of the tree (any of them may end up a path) is allowed. */
static int tree_allowed(const ynode *n)
{
    if (n->kind == Y_SCALAR)
        return path_allowed(n->text);
    for (size_t i = 0; i < n->len; i++)
        if (!tree_allowed(n->kids[i]))
            return 0;
    return 1;
}

static int input_allowed(const char *text, size_t len)
{
    diag_list d = {0};
    ynode *root = NULL;
    int ok = ytree_parse(text, len, "fuzz.yaml", 1, &root, &d) < 0 || tree_allowed(root);
    ytree_free(root);
    diag_list_free(&d);
    return ok;
}

static void query(const fontset *fs, diag_list *d, FILE *sink)
{
    static const char sample[] = "中文〇字Ａa1―\xF0\xA0\x80\x80";
    for (int role = 0; role < ROLE_COUNT; role++) {
        const int *faces;
        size_t n = fontset_role_faces(fs, (font_role)role, &faces);
        for (size_t k = 0; k < n; k++)
            fprintf(sink, "%s %d: %s %s %d %g %g %g\n", font_role_name((font_role)role), faces[k],
                    fontset_face_family(fs, faces[k]), fontset_face_path(fs, faces[k]),
                    fontset_face_index(fs, faces[k]), fontset_ascender(fs, faces[k]),
                    fontset_descender(fs, faces[k]), fontset_advance(fs, faces[k], 0x4E2D));
        fprintf(sink, "face for 中: %d\n", fontset_face_for(fs, (font_role)role, 0x4E2D));
        fontset_check_text(fs, (font_role)role, sample, "fuzz.md", 1, d);
    }
    fprintf(sink, "%zu faces\n", fontset_face_count(fs));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const env *e = the_env;
    if (!input_allowed((const char *)data, size))
        return -1; /* kept out of the corpus */
    diag_list d = {0};
    fontset *fs = NULL;
    if (fontset_load_text(e->map_path, (const char *)data, size, &fs, &d) == 0) {
        query(fs, &d, e->sink);
        fontset_free(fs);
    }
    fuzz_report(&d, e->sink);
    return 0;
}
