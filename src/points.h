/* SPDX-License-Identifier: MIT */
/* points: reading points written by people: "3分", "2.5", "（5分）" (points.c).
 *
 * Points are exact hundredths (model.h); anything that cannot be read
 * exactly, such as full-width digits or a third decimal, is refused with a
 * reason, never rounded.
 */
#ifndef GONGWEN_POINTS_H
#define GONGWEN_POINTS_H

#include "model.h"

/* Reads "3", "2.5分", "20分" into hundredths.  Fails with a message in *why
 * (static text in the reader's language, intl.h) for anything else, e.g.
 * full-width digits or three decimals. */
int points_parse(const char *s, points *out, const char **why);

/* Appends to sub every "（5分）" / "(2分)" found in text. */
void points_scan_inline(const char *text, subpoint_list *sub);

#endif
