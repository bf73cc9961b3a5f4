/* SPDX-License-Identifier: MIT */
/* gb2312: the 6,763 hanzi of GB 2312, the set every official-document font
 * must cover.  Enumerated through the C library's converter, not a table. */
#ifndef GONGWEN_GB2312_H
#define GONGWEN_GB2312_H

#include <stddef.h>
#include <stdint.h>

/* Fills a new array with the hanzi of GB 2312 (rows 16-87) in code order;
 * returns their number, 0 if the converter is unavailable. */
size_t gb2312_hanzi(uint32_t **out);

#endif
