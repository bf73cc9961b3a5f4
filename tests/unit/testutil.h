/* SPDX-License-Identifier: MIT */
/* Shared by the unit tests: cmocka, plus paths to the repository's data.
 * No test calls setlocale, so every message compared is the English format
 * (src/intl.h), whatever the locale of the shell that runs the tests. */
#ifndef GONGWEN_TESTUTIL_H
#define GONGWEN_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Tests run from the repository root (the Makefile's directory). */
#define FIXTURES "tests/fixtures/"

#endif
