/* SPDX-License-Identifier: MIT */
/* yhint: a YAML file that does not read as meant, told as what the clerk
 * did wrong and on which line.
 *
 * libyaml says where its parser stopped and in a parser's words ("did not
 * find expected key while parsing a block mapping"), often a line or two
 * after the mistake.  The mistakes are few and plain to see in the text: a
 * key with no space after its colon (得分:5), a full-width colon typed by a
 * Chinese input method (单位：某区总工会, on the first key too), a tab in the
 * indent, a line indented unlike its neighbours or under a key that already
 * has its value, a value holding ": ", an unclosed quotation mark or
 * bracket.  The text is read back from the stop towards the start for them;
 * what is none of these is still said with libyaml's words and its line.
 *
 * Every function adds exactly one error and returns -1, or says nothing and
 * returns 0; text is the parsed text, its line 0 being line first_line of
 * file.
 */
#ifndef GONGWEN_YHINT_H
#define GONGWEN_YHINT_H

#include <stddef.h>
#include <yaml.h>

#include "diag.h"
#include "ytree.h"

/* The error the parser stopped at: always said (-1). */
int yhint_syntax(const yaml_parser_t *parser, const char *text, size_t len, const char *file, int first_line,
                 diag_list *d);

/* A scalar standing where a map of 名称: 值 lines belongs (a whole document,
 * 得分): says so when it reads as a key with a wrong colon ('单位:某区总工会',
 * '单位：某区总工会'), which YAML takes for one text. */
int yhint_scalar_for_map(const ynode *n, const char *file, diag_list *d);

#endif
