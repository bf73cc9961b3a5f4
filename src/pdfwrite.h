/* SPDX-License-Identifier: MIT */
/* pdfwrite: a laid-out document (page.h) to a PDF file, through libharu.
 *
 * Each face is subset to exactly the code points the pages draw with it
 * (pdffontprog.h), embedded, and given a valid ToUnicode CMap so text extracts
 * (pdffont.h).  A caller that writes many documents drawing mostly the same
 * characters (a batch) may pass font programs made once: the characters they
 * hold are drawn from them, and only the rest is subset for the document.
 * Output is deterministic: the same pages and info give the same bytes.  The
 * PDF is made whole in memory and written through fileio.h, so a failed run
 * never leaves a truncated PDF or clobbers a good one.  It is a PDF/A file
 * (pdfa.h says which part and what that takes).  Knows nothing of cmark or
 * the rubric model.
 */
#ifndef GONGWEN_PDFWRITE_H
#define GONGWEN_PDFWRITE_H

#include <stdbool.h>

#include "diag.h"
#include "fileio.h"
#include "pdffontprog.h"
#include "fonts.h"
#include "page.h"

/* A file carried inside the PDF: the bytes given, never a file read again
 * (what was parsed is what is embedded). */
typedef struct pdf_attachment {
    const char *name;         /* the file's bare name, as a reader lists it */
    const char *data;
    size_t len;
    const char *mime;         /* its media type, e.g. "text/markdown" */
    const char *relationship; /* to the document (PDF/A-3 /AFRelationship): Source, Data… */
} pdf_attachment;

typedef struct pdf_info {
    const char *title;
    const char *author;
    const char *subject;
    const char *keywords;
    long long epoch;     /* creation date, seconds since 1970 (SOURCE_DATE_EPOCH); < 0: none */
    const pdf_attachment *attachments;
    size_t nattachments;
    const unsigned char *icc; /* the sRGB profile of the PDF/A output intent */
    size_t icc_len;
    /* A fillable form: the pages' field ops become form fields (pdfform.h);
     * otherwise they draw nothing.  form_id, in the Info dictionary as
     * /GongwenForm, tells what the form was made of. */
    bool fillable;
    const char *form_id;
} pdf_info;

/* shared: NULL, or per face of fs a program (or NULL) to draw from. */
int pdf_write(const page_list *doc, const fontset *fs, const font_program *const *shared,
              const pdf_info *info, const char *out_path, diag_list *d);
/* The same PDF added to set, to be written to out_path with the set's other
 * files (fileio.h). */
int pdf_stage(const page_list *doc, const fontset *fs, const font_program *const *shared,
              const pdf_info *info, const char *out_path, file_set *set, diag_list *d);

#endif
