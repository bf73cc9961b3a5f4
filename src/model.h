/* SPDX-License-Identifier: MIT */
/* model: a rubric document as the clerk wrote it, knowing nothing of PDF.
 *
 *   document ── front matter (meta), notice body paragraphs
 *      └─ attachment (附件)   ── fields shared by every row, notes
 *           └─ unit (单位, a whole table; one unit with no name in most rubrics)
 *                └─ category (项目 / 考核指标 level 1)
 *                     └─ item (one scored row)
 *
 * Points are exact: hundredths of a point in an int64, so 0.5-point steps and
 * percentages of them never drift.  POINTS_NONE marks "not stated".
 * Every node keeps the 1-based source line it came from, for diagnostics,
 * and, where the text may come from another file than the rubric (a scored
 * copy's 自评分 and 单位 come from the scores file), that file.
 * The document owns everything below it; document_free releases it all.
 *
 * An item is known to the units that fill in the form by its number
 * (item_number): the 序号 printed in its row when the table has a 序号
 * column, else its id "2.3".  Templates, spreadsheets, scores files and form
 * fields all key items by it; an id is accepted everywhere as well.
 *
 * The roster (单位名单) lists the units expected to report, each at the place
 * it was written: a line of the rubric's front matter or of a roster file, or
 * a cell of a roster spreadsheet.
 *
 * A scored copy is a document like any other (scored.h): the rubric's table
 * of the unit, each item carrying its 自评分 and 说明 as fields, the unit its
 * total row and the summary under its table.  Nothing that typesets a table
 * knows about scores.
 */
#ifndef GONGWEN_MODEL_H
#define GONGWEN_MODEL_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

typedef int64_t points;
#define POINTS_NONE INT64_MIN
#define POINTS_ONE 100 /* one point, in hundredths */

/* The longest title, name or other one-line value, in characters: a PDF's
 * document info holds at most 65,535 bytes a string, and a value that long
 * is a paste gone wrong, not a title. */
#define SHORT_TEXT_MAX 1000

/* A labelled value: a front-matter entry, or a `**名称**：值` paragraph. */
typedef struct field {
    char *name;
    char *value;
    char *file;          /* where it was written; NULL: the document's own file */
    int line;
} field;

typedef struct field_list {
    field *items;
    size_t len, cap;
} field_list;

typedef enum { KIND_NORMAL, KIND_BONUS, KIND_VETO } item_kind;

/* Points written inside running text, such as "（5分）". */
typedef struct subpoint_list {
    points *items;
    size_t len, cap;
} subpoint_list;

typedef struct item {
    char *id;            /* stable id "category.item" within its unit: "2.3" */
    int seq;             /* 1-based position within its unit (序号) */
    char *name;          /* heading form only: "组织建设（25分）"; NULL for list form */
    char *text;          /* the content; paragraphs separated by "\n" */
    points pts;          /* declared points (满分 / 权重) */
    points name_pts;     /* points stated inside name, POINTS_NONE if none */
    subpoint_list sub;   /* inline points found in text */
    field_list fields;   /* `**扣分方法**：…` paragraphs inside the item */
    item_kind kind;
    int line;
} item;

typedef struct category {
    char *heading;       /* as written, less the bold points: "(一)服务科学发展" */
    char *label;         /* "(一)", "（四）", "一、" or "" */
    char *name;          /* heading less label: "服务科学发展" */
    points pts;          /* declared, or POINTS_NONE */
    item_kind kind;      /* bonus and veto categories hold bonus and veto items */
    item *items;
    size_t len, cap;
    int line;
} category;

typedef struct unit {
    char *name;          /* "株洲市公安系统工会", or NULL for a rubric with no units */
    char *name_file;     /* where the name was written; NULL: the document's file, at line */
    field_list fields;   /* per-unit overrides such as 表头, and FIELD_AFTER_TABLE */
    field_list totals;   /* the total row's cells, by the field their column shows */
    category *cats;
    size_t len, cap;
    int line;
} unit;

typedef struct attachment {
    char *label;         /* "附件", "附件3" */
    char *title;         /* "2011年度系统工会工作考核细则" */
    field_list fields;   /* shared by every row: `**扣分方法、标准**：…` */
    char **notes;        /* plain paragraphs before the first unit or category */
    size_t nnotes;
    unit *units;
    size_t len, cap;
    int line;
} attachment;

/* One unit of the roster, where it was written (column > 0: a spreadsheet cell). */
typedef struct roster_entry {
    char *name;
    int line, column;
} roster_entry;

typedef struct roster {
    char *path;          /* where the names were written: the rubric or a file beside it; NULL if none */
    roster_entry *items;
    size_t len, cap;
} roster;

/* How the form numbers its items (see item_number). */
typedef enum { NUMBER_BY_ID, NUMBER_BY_SEQ } item_numbering;

typedef struct paragraph {
    char *text;
    int line;
} paragraph;

typedef struct document {
    char *path;          /* as given on the command line, for diagnostics */
    char *source;        /* the file's bytes as read: a scored PDF embeds these */
    size_t source_len;
    field_list meta;     /* front matter, in order */
    int meta_end_line;   /* line of the closing '---', 0 without front matter */
    paragraph *body;     /* the notice body */
    size_t nbody;
    attachment *atts;
    size_t len, cap;
    roster roster;       /* 单位名单; len 0 when the rubric names none */
    /* From the layout (layout_item_numbering) once it is known; NUMBER_BY_ID
     * until then. */
    item_numbering numbering;
} document;

/* Front-matter keys the model knows.  Unknown keys are reported. */
#define META_LAYOUT      "版式"
#define META_ISSUER      "发文机关"
#define META_MASTHEAD    "发文机关标志"
#define META_NUMBER      "发文字号"
#define META_TITLE       "标题"
#define META_RECIPIENTS  "主送机关"
#define META_SIGNATURE   "署名"
#define META_DATE        "成文日期"
#define META_ATTACH_NOTE "附件说明"
#define META_CC          "抄送"
#define META_PRINTER     "印发机关"
#define META_PRINT_DATE  "印发日期"
#define META_TOTAL       "总分"
#define META_ROSTER      "单位名单"

/* Fields the table's filled-in columns show: a unit's 自评分 and remark on
 * an item, and the unit's total in its totals.  Blank on a form. */
#define FIELD_SCORE       "自评分"
#define FIELD_REMARK      "说明"
/* A unit's paragraph printed under its table: a scored copy's sums. */
#define FIELD_AFTER_TABLE "表后说明"
/* Who filled the unit's form and when: a scored copy's 评分人 and 评分日期,
 * for a layout's header line. */
#define FIELD_FILLED_BY   "填表人"
#define FIELD_FILLED_ON   "填表日期"
/* An item's completion levels, "全面完成 100%；基本完成 70%" (scores.h), its
 * own or its unit's or attachment's. */
#define FIELD_LEVELS      "评分档次"

/* Front-matter keys that take a list (one field per entry, in order). */
bool meta_key_takes_list(const char *key);

const field *field_find(const field_list *fl, const char *name);
const char *field_value(const field_list *fl, const char *name); /* NULL if absent */
void field_add(field_list *fl, const char *name, const char *value, int line);
/* The same, written in file (NULL: the document's). */
void field_add_from(field_list *fl, const char *name, const char *value, const char *file, int line);
void field_list_copy(field_list *dst, const field_list *src);
void field_list_free(field_list *fl);

/* A field looked up on the item, then its unit, then its attachment. */
const char *item_field(const item *it, const unit *u, const attachment *a, const char *name);
const field *item_field_find(const item *it, const unit *u, const attachment *a, const char *name);

/* What a summary breaks a unit's total into: its categories, or, when it has
 * only one (a Zhuzhou table: one category of four items), that category's
 * items.  A part's name heads its column in the 汇总表. */
bool unit_parts_are_items(const unit *u);
size_t unit_part_count(const unit *u);
const char *unit_part_name(const unit *u, size_t k);

/* The number the form shows for it: "7" (its 序号) under NUMBER_BY_SEQ, else
 * its id "2.3"; into buf (>= ITEM_NUMBER_SIZE bytes), or the id itself. */
#define ITEM_NUMBER_SIZE 24
const char *item_number(const item *it, item_numbering how, char *buf);
/* text after the number it begins with, as the clerk wrote it ("1．", "1、",
 * "1. "), or text itself when it begins with none. */
const char *item_text_after_ordinal(const char *text);
/* "2.3 加强…": text of the item (its text or name) begun with its id in place
 * of its own number, for a form that shows ids beside the items (layout.h
 * numbered); caller frees. */
char *item_numbered(const item *it, const char *text);
/* The item of u that key names: its number under how, or its id; NULL if
 * none.  *index gets its position in the unit (seq - 1). */
const item *unit_item_by_number(const unit *u, item_numbering how, const char *key, size_t *index);

void roster_add(roster *r, const char *name, int line, int column);
void roster_free(roster *r);

/* How many characters an item's 自评分 can take written as points, 24.75 of
 * 25 (1: 是 or 否 of a veto item), or 0 when it may be written as its
 * 评分档次's levels: a form field's length. */
int item_score_max_chars(const item *it, const unit *u, const attachment *a);

/* Deep copies, for documents derived from a rubric (scored copies, 汇总表). */
void item_copy(item *dst, const item *src);
void category_copy(category *dst, const category *src);
void unit_copy(unit *dst, const unit *src);

/* What a fillable form made of doc is a form of, as it stores it (caller
 * frees): "rubric=HASH numbering=id|seq file=NAME", HASH the FNV-1a of the
 * rubric's bytes in 16 hex digits, so that a form of another rubric, or of
 * another version of this one, is told apart (collect.h). */
char *document_form_id(const document *doc, const char *file);

/* True when the notice part exists: a title or body text before the attachments. */
int document_has_notice(const document *doc);
void document_free(document *doc);

/* "3", "2.5", "0.75": the shortest exact decimal form, into buf (>= 32 bytes). */
const char *points_format(points p, char *buf);

#endif
