/* SPDX-License-Identifier: MIT */
/* pdfstring: PDF text strings (pdfstring.c), for document info, file names
 * and form fields alike.
 *
 * A text string is UTF-16BE with a byte-order mark, written as a hex string:
 * libharu 2.3.0 would write UTF-8 bytes, which readers take as PDFDocEncoding
 * (mojibake), and its own UTF-16 path stops at the first NUL byte.  A
 * control character other than tab and line ends becomes a space, as the
 * XMP packet has it (pdfa.c): Info and XMP must agree.
 */
#ifndef GONGWEN_PDFSTRING_H
#define GONGWEN_PDFSTRING_H

#include <hpdf.h>

#include "text.h"

/* The bytes of utf8 as a text string, appended to b. */
void pdf_text_bytes(const char *utf8, strbuf *b);
/* utf8 as a text string object. */
HPDF_Binary pdf_text_string(HPDF_MMgr mm, const char *utf8);

#endif
