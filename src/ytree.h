/* SPDX-License-Identifier: MIT */
/* ytree: a YAML document as a small tree of maps, lists and strings, each
 * node knowing its source line.  Front matter, layouts and score files are
 * read through it, so each of them validates shapes, not parser events.
 *
 * Invariants: a map's keys are strings, unique (a repeated key is an error);
 * scalars are kept as the text written (no type guessing: "20" stays "20",
 * "no" stays "no"); a null value is a scalar with text "".  No key or scalar
 * holds a NUL or a control character (text.h cp_is_control), however it was
 * escaped.  The root owns the whole tree.
 *
 * A tree may also be made in code, standing for a YAML file that was never
 * written: a spreadsheet row read as a scores file, each node placed at its
 * cell (line = the row, column > 0), so that it is checked by the very code
 * that checks the file, and reported where the clerk sees the value.
 */
#ifndef GONGWEN_YTREE_H
#define GONGWEN_YTREE_H

#include <stddef.h>

#include "diag.h"
#include "text.h"

/* Scores files, layouts, font maps: a few KB; /dev/zero is none. */
#define YTREE_MAX_BYTES (1u << 20)

typedef enum { Y_SCALAR, Y_MAP, Y_LIST } ykind;

typedef struct ynode ynode;
struct ynode {
    ykind kind;
    int line;          /* 1-based, in the file the text came from */
    int column;        /* 0, or the spreadsheet column of a tree made in code */
    char *text;        /* Y_SCALAR */
    char **keys;       /* Y_MAP: keys[i] names kids[i] */
    int *key_lines;
    ynode **kids;      /* Y_MAP values, Y_LIST entries */
    size_t len, cap;
};

/* Parses text (len bytes) that starts at line first_line of file.  An empty
 * document gives an empty map.  Anchors and aliases are refused. */
int ytree_parse(const char *text, size_t len, const char *file, int first_line,
                ynode **out, diag_list *d);
/* The YAML file at path, read whole, or, when text is not NULL, the len
 * bytes of text standing for it (path then only names it in diagnostics):
 * its line ends made LF, its UTF-8 checked, with the line of a bad byte,
 * then parsed. */
int ytree_read(const char *path, const char *text, size_t len, ynode **out, diag_list *d);
void ytree_free(ynode *n);

/* A tree made in code: a new node at line, column; a scalar holding text. */
ynode *ynode_new(ykind kind, int line, int column);
ynode *ynode_scalar(const char *text, int line, int column);
/* Appends value (which the map or list then owns) under key, written at
 * key_line; keys are not checked for repeats. */
void ymap_put(ynode *map, const char *key, int key_line, ynode *value);
void ylist_push(ynode *list, ynode *value);

/* Appends the tree as YAML that ytree_parse reads back as the same tree
 * (lines apart): every scalar double-quoted, a list of scalars in brackets,
 * maps as indented blocks.  The file a tree made in code stands for. */
void ytree_write(strbuf *sb, const ynode *root);

/* The value under key in a map, or NULL (also when n is not a map). */
const ynode *ymap_get(const ynode *n, const char *key);
/* Scalar text under key, or NULL when absent or not a scalar. */
const char *ymap_str(const ynode *n, const char *key);

/* Reports each key of map n not in the NULL-terminated list known, with
 * the nearest known one when it is a misspelling; what names a key of this
 * map in English words, N_() (intl.h): "key", "setting". */
int ymap_check_keys(const ynode *n, const char *const *known, const char *file,
                    const char *what, diag_list *d);

#endif
