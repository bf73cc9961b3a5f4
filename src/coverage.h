/* coverage: does every character of a document have a glyph in its role? */
#ifndef GONGWEN_COVERAGE_H
#define GONGWEN_COVERAGE_H

#include "diag.h"
#include "fonts.h"
#include "layout.h"
#include "model.h"
#include "scores.h"

/* Each character of the notice, the tables and the layout's own words,
 * against the role that draws it; errors at the line the text came from. */
int coverage_check_document(const document *doc, const layout *lay, const fontset *fs, diag_list *d);
/* What a scores file adds: the unit's name and the remarks. */
int coverage_check_scores(const scoresheet *sheet, const layout *lay, const fontset *fs, diag_list *d);

#endif
