/* SPDX-License-Identifier: MIT */
/* intl: what gongwen says, in the reader's language (GNU gettext).
 *
 * Every message, help text and listing is written in English in the source
 * and looked up, when it is said, in the catalogue of the locale main sets
 * up (po/LANG.po, compiled by make; main binds the folder app_env found).
 *
 *  - diag_add, diag_error, diag_warning and their _at forms look their
 *    format up themselves (diag.c): a literal format passed to them needs no
 *    _(), and xgettext finds it there (mk/install.mk names them as keywords,
 *    with the format's place among the arguments; xgettext counts a macro
 *    call as one argument, so none stands before the format).
 *  - any other text that is shown is written _("…"); one kept in a table or
 *    handed on to be shown later is marked N_("…") and looked up with _()
 *    where it is shown; ngettext where a count is said.
 *  - what a document prints is the rubric's and the scores' own words, never
 *    looked up; only a 汇总表's reason why a unit was not scored is a message,
 *    and so in the language of the clerk who ran the batch.
 *
 * The locale changes words only: main keeps LC_NUMERIC at "C", so 0.5分 is
 * read and written as 0.5 everywhere, and the catalogue is read as UTF-8,
 * the encoding of every other byte gongwen writes.
 */
#ifndef GONGWEN_INTL_H
#define GONGWEN_INTL_H

#include <libintl.h>

#define GONGWEN_TEXTDOMAIN "gongwen"

#define _(s) gettext(s)
#define N_(s) s

#endif
