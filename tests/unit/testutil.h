/* SPDX-License-Identifier: MIT */
/* Shared by the unit tests: cmocka, plus paths to the repository's data. */
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
