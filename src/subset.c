#include "subset.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hb-subset.h>
#include <hb.h>

#include "fileio.h"
#include "text.h"

/* Tables libharu never embeds (it writes a fixed set of 13); dropping them
 * here saves HarfBuzz the layout closure, which for CJK fonts would also pull
 * in vertical forms and other glyphs nobody draws. */
static const hb_tag_t DROPPED[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('v', 'h', 'e', 'a'),
    HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'), HB_TAG('k', 'e', 'r', 'n'),
    HB_TAG('D', 'S', 'I', 'G'), HB_TAG('g', 'a', 's', 'p'),
};

/* The subset font as a blob, or NULL. */
static hb_blob_t *make_subset(const char *path, int index, const uint32_t *cps, size_t n)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob)
        return NULL;
    hb_face_t *face = hb_face_create(blob, (unsigned)index);
    hb_blob_destroy(blob);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) {
        hb_face_destroy(face);
        return NULL;
    }
    hb_set_t *unicodes = hb_subset_input_unicode_set(in);
    for (size_t i = 0; i < n; i++)
        hb_set_add(unicodes, cps[i]);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof DROPPED / sizeof *DROPPED; i++)
        hb_set_add(drop, DROPPED[i]);
    /* Hinting (fpgm, prep, cvt, glyph instructions) is for screens at small
     * pixel sizes; PDF viewers do not need it.  Glyph ids are renumbered:
     * libharu maps code → glyph through the subset's own cmap. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    hb_face_t *sub = hb_subset_or_fail(face, in);
    hb_subset_input_destroy(in);
    hb_face_destroy(face);
    if (!sub)
        return NULL;
    hb_blob_t *out = hb_face_reference_blob(sub);
    hb_face_destroy(sub);
    if (hb_blob_get_length(out) == 0) {
        hb_blob_destroy(out);
        return NULL;
    }
    return out;
}

int subset_to_tempfile(const char *path, int index, const uint32_t *cps, size_t n,
                       char **tmp_path, size_t *size, diag_list *d)
{
    *tmp_path = NULL;
    *size = 0;
    hb_blob_t *blob = make_subset(path, index, cps, n);
    if (!blob)
        return diag_error(d, path, 0, "cannot subset face %d with HarfBuzz", index);
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    char *tmp = xasprintf("%s/gongwen-font-XXXXXX", dir);
    unsigned len = 0;
    const char *data = hb_blob_get_data(blob, &len);
    int fd = mkstemp(tmp);
    int rc = 0;
    if (fd < 0) {
        rc = diag_error(d, path, 0, "cannot create a temporary font file in %s: %s", dir,
                        strerror(errno));
    } else {
        int failed = write_all(fd, data, len) != 0;
        int err = errno;
        if (close(fd) != 0 && !failed) {
            failed = 1;
            err = errno;
        }
        if (failed) {
            rc = diag_error(d, path, 0, "cannot write the temporary font file %s: %s", tmp,
                            strerror(err));
            unlink(tmp);
        }
    }
    hb_blob_destroy(blob);
    if (rc != 0) {
        free(tmp);
        return -1;
    }
    *tmp_path = tmp;
    *size = len;
    return 0;
}
