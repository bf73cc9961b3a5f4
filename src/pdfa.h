/* SPDX-License-Identifier: MIT */
/* pdfa: what makes a written PDF an archive file, beyond what libharu 2.3.0
 * writes by itself (its own PDF/A call leaves values unescaped, misspells
 * /Subtype, names /DestOutputProfile with a trailing space and dates /ID by
 * the clock, so none of it is used).
 *
 * Identification: PDF/A-1b when the file carries no attachments; PDF/A-3b
 * when it does, because PDF/A-1 forbids embedded files and PDF/A-3 allows
 * them when the catalog's /AF lists them with their relationship.  Both need:
 *   - an XMP packet, unfiltered, whose values repeat the Info dictionary;
 *   - an OutputIntent with an ICC profile (sRGB, for the DeviceRGB we draw);
 *   - every font embedded, and a CIDSet for each subset CID font (pdffont.h);
 *   - a trailer /ID, here the MD5 of the file itself so the same input gives
 *     the same bytes.
 * Part of pdfwrite; knows libharu, nothing of the rubric.
 */
#ifndef GONGWEN_PDFA_H
#define GONGWEN_PDFA_H

#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

#include "pdfwrite.h"

/* The XMP packet for info (caller frees): UTF-8, XML-escaped, dated from
 * info->epoch when it is >= 0.  part is 1 or 3. */
char *pdfa_xmp(const pdf_info *info, const char *creator, const char *producer, int part);

/* "D:20120505083000Z" for Info and file parameters; buf holds 24 bytes. */
void pdfa_pdf_date(long long epoch, char buf[24]);

HPDF_STATUS pdfa_add_metadata(HPDF_Doc pdf, const char *xmp);
HPDF_STATUS pdfa_add_output_intent(HPDF_Doc pdf, const unsigned char *icc, size_t len);

/* A trailer /ID of zeros, filled by pdfa_fill_id once the file is rendered. */
HPDF_STATUS pdfa_reserve_id(HPDF_Doc pdf);
/* Writes the MD5 of the rendered file into the reserved /ID; -1 if the
 * placeholder is not found. */
int pdfa_fill_id(unsigned char *pdf, size_t len);

#endif
