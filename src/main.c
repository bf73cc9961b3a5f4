/* SPDX-License-Identifier: MIT */
/* main: the command line.  The only place that prints findings and exits.
 *
 * Exit status: 0 ok, 1 the input has errors (or warnings under --strict),
 * 2 the command line itself is wrong.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "batch.h"
#include "batchjobs.h"
#include "collect.h"
#include "input.h"
#include "intl.h"
#include "template.h"
#include "text.h"

#define EXIT_DATA 1
#define EXIT_USAGE 2

static const char usage_text[] = N_(
    "usage: gongwen [-h|--help] [-V|--version] COMMAND [ARGS]\n"
    "\n"
    "Turns assessment rubrics written in Markdown into GB/T 9704-2012 notices\n"
    "with their rubric tables, as PDF.\n"
    "\n"
    "commands:\n"
    "  check FILE.md...         check structure and arithmetic; print a summary\n"
    "  build FILE.md [-o PDF]   typeset the notice and its rubric tables\n"
    "  score FILE.md SCORES.yaml [-o PDF]\n"
    "                           the same with one unit's 自评分 filled and totalled\n"
    "  batch FILE.md DIR|SCORES.xlsx|SCORES.csv [-o OUTDIR]\n"
    "                           score every DIR/*.yaml, *.yml, or every row; one PDF\n"
    "                           each, 汇总表\n"
    "  collect FILE.md FORM.pdf... [-o OUTDIR]\n"
    "                           the same for forms filled in on screen (build --fillable)\n"
    "  template FILE.md [-o OUT.xlsx|OUT.csv|DIR]\n"
    "                           the sheet the units' 自评分 comes back in\n"
    "  fonts                    list font roles, the fonts that serve them, and why\n"
    "  help COMMAND             a command's options\n"
    "\n"
    "A FILE.md or SCORES.yaml of '-' is read from standard input; '-o -' writes\n"
    "the PDF to standard output.  Every command takes -q (--quiet): errors only,\n"
    "no warnings or progress.\n"
    "\n");

/* The options several commands share, listed after a command's own help. */
enum { SHARES_LAYOUTS = 1, SHARES_FONTMAP = 2, SHARES_QUIET = 4 };
static const char *const shared_help[] = {
    N_("  --layouts DIR   look for layouts in DIR first\n"),
    N_("  --fontmap FILE  use this font map (the only one then tried)\n"),
    N_("  -q, --quiet     print errors only: no warnings (unless --strict), no progress\n"),
};

static const char check_help[] = N_(
    "usage: gongwen check [--strict] [--layouts DIR] [-q] FILE.md...\n"
    "\n"
    "Checks each rubric: front matter, structure, and that categories, items,\n"
    "inline sub-points and the total add up.  Prints one summary line per file\n"
    "and each finding as FILE:LINE: warning|error: MESSAGE.  A FILE.md of '-'\n"
    "is read from standard input.\n"
    "\n"
    "  --strict        treat warnings as errors\n");

static const char build_help[] = N_(
    "usage: gongwen build [--fillable] [--layouts DIR] [--fontmap FILE] [-o OUT.pdf] [-q] FILE.md\n"
    "\n"
    "Typesets the notice and its attachments.  Without -o, writes\n"
    "out/NAME.pdf for rubric NAME.md.  Honours SOURCE_DATE_EPOCH.\n"
    "FILE.md '-' is read from standard input (then -o is needed); '-o -'\n"
    "writes the PDF to standard output.\n"
    "\n"
    "  --fillable      a form to fill in on screen: a field in every 自评分 cell\n"
    "                  and every blank of the line above the table, read back\n"
    "                  by 'gongwen collect'; printed, it looks as without\n");

static const char score_help[] = N_(
    "usage: gongwen score [--layouts DIR] [--fontmap FILE] [-o OUT.pdf] [-q] FILE.md SCORES.yaml\n"
    "\n"
    "Checks one unit's scores against the rubric (every item scored, none above\n"
    "its points, completion levels from the rubric's 评分档次) and typesets the\n"
    "document with 自评分 filled and the total computed.  The rubric and the\n"
    "scores file are embedded in the PDF.  Without -o, writes out/SCORES.pdf.\n"
    "Either file may be '-', read from standard input (for SCORES.yaml, -o is\n"
    "then needed); '-o -' writes the PDF to standard output.\n"
    "\n");

static const char batch_help[] = N_(
    "usage: gongwen batch [--strict] [--layouts DIR] [--fontmap FILE] [-o OUTDIR] [-j N] [-q] FILE.md\n"
    "                     SCORES_DIR|SCORES.xlsx|SCORES.csv\n"
    "\n"
    "Scores every SCORES_DIR/*.yaml and *.yml (any letter case), or every row\n"
    "of a spreadsheet of scores (as 'gongwen template' writes it), against the\n"
    "rubric: one PDF per scores file, named after it (a row's after its 单位),\n"
    "in OUTDIR (default out/NAME for rubric NAME.md), and OUTDIR/汇总表.csv\n"
    "and .pdf ranking the units (those not scored listed unranked, 未评分, with\n"
    "why; those of the 单位名单 that sent nothing with 未报).  A bad scores file\n"
    "or row is reported and the others are still produced; the exit status is\n"
    "then 1.  A unit of the 单位名单 missing, not on it or given twice is a\n"
    "warning (an error with --strict).  FILE.md '-' is read from standard\n"
    "input (then -o is needed).\n"
    "\n"
    "  -j, --jobs N    score the units in N processes at once (default: one per\n"
    "                  core); the PDFs, the 汇总表 and the messages are the same\n"
    "                  as with -j 1, which scores them one after another\n"
    "\n");

static const char template_help[] = N_(
    "usage: gongwen template [--layouts DIR] [-o OUT.xlsx|OUT.csv|DIR] [-q] FILE.md\n"
    "\n"
    "Writes what each unit fills in with its 自评分, to be read back by batch:\n"
    "  OUT.xlsx  one sheet, a row per unit, a column per item headed by its\n"
    "            number, name and points, and a 说明 column beside it; each\n"
    "            cell checked as a number from 0 to the item's points, or one\n"
    "            of its 评分档次 levels\n"
    "  OUT.csv   the same, UTF-8 with a byte-order mark\n"
    "  DIR       one scores file (YAML) per unit, every item listed\n"
    "The rows are the units of the rubric's 单位名单, or of its 单位 tables.\n"
    "Without -o, writes out/NAME.xlsx.  A scores file already in DIR is never\n"
    "overwritten.  FILE.md '-' is read from standard input (then -o is needed).\n"
    "\n");

static const char collect_help[] = N_(
    "usage: gongwen collect [--strict] [--layouts DIR] [--fontmap FILE] [-o OUTDIR] [-q] FILE.md FORM.pdf...\n"
    "\n"
    "Reads back each form made by 'gongwen build --fillable FILE.md' and\n"
    "filled in by a unit: its 单位, 填表人, 填表日期 and 自评分 fields, checked\n"
    "exactly as a scores file; then, as batch does, one scored PDF per form,\n"
    "named after it, in OUTDIR (default out/NAME for rubric NAME.md), and\n"
    "OUTDIR/汇总表.csv and .pdf.  A form of another rubric (or of another\n"
    "version of it), or one whose fields were edited, is refused.  With\n"
    "--strict, a unit of the 单位名单 missing, not on it or given twice is an\n"
    "error.\n"
    "\n");

static const char fonts_help[] = N_(
    "usage: gongwen fonts [--fontmap FILE]\n"
    "\n"
    "Lists each font role with the face that serves it, and each candidate of\n"
    "the font map: the file fontconfig found for it, or why it was passed over\n"
    "(not installed, unusable, lacking hanzi of GB2312); the GB2312 coverage;\n"
    "and which font map was used and where it was looked for.\n"
    "\n");

typedef struct command {
    const char *name;
    const char *help;    /* N_(): its usage, what it does and its own options */
    unsigned shares;     /* SHARES_*: the shared options it takes */
    int (*run)(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);
    int min_args, max_args;
    int inputs;          /* how many leading arguments are inputs, which may be "-" */
    int output_from;     /* the argument the default output is named after; -1: none */
    bool output_file;    /* -o names a file, so "-o -" is standard output */
} command;

#define SHARES_ALL (SHARES_LAYOUTS | SHARES_FONTMAP | SHARES_QUIET)
static const command commands[] = {
    {"check", check_help, SHARES_LAYOUTS | SHARES_QUIET, app_check, 1, 1 << 20, 1 << 20, -1, false},
    {"build", build_help, SHARES_ALL, app_build, 1, 1, 1, 0, true},
    {"score", score_help, SHARES_ALL, app_score, 2, 2, 2, 1, true},
    {"batch", batch_help, SHARES_ALL, app_batch, 2, 2, 1, 0, false},
    {"template", template_help, SHARES_LAYOUTS | SHARES_QUIET, app_template, 1, 1, 1, 0, false},
    {"collect", collect_help, SHARES_ALL, app_collect, 2, 1 << 20, 1, 0, false},
    {"fonts", fonts_help, SHARES_FONTMAP, app_fonts, 0, 0, 0, -1, false},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* A command's help, in the reader's language; the whole usage for none. */
static void print_help(const command *cmd, FILE *out)
{
    fputs(_(cmd ? cmd->help : usage_text), out);
    for (size_t i = 0; cmd && i < sizeof shared_help / sizeof shared_help[0]; i++)
        if (cmd->shares & 1u << i)
            fputs(_(shared_help[i]), out);
}

/* fmt (looked up already) with its one argument, then the help of cmd. */
static int usage_error(const command *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "gongwen: ");
    fprintf(stderr, fmt, arg);
    fputs("\n\n", stderr);
    print_help(cmd, stderr);
    return EXIT_USAGE;
}

/* What is wrong with the command line's "-" (standard input or output), or
 * NULL: at most one input is "-", and then -o names the output when it
 * would be named after that input; "-o -" only where a file is written,
 * and not onto a terminal.  *reads_stdin says whether an input is "-". */
static const char *dash_misuse(const command *cmd, const app_options *opt, int nargs, char **args,
                               bool *reads_stdin)
{
    int dashes = 0;
    for (int i = 0; i < nargs && i < cmd->inputs; i++)
        dashes += input_is_stdin(args[i]);
    *reads_stdin = dashes > 0;
    if (dashes > 1)
        return N_("only one input can be '-' (standard input)");
    if (!opt->output && cmd->output_from >= 0 && input_is_stdin(args[cmd->output_from]))
        return N_("the output is named after its input, and '-' (standard input) has no name: give one with -o");
    if (opt->output && input_is_stdin(opt->output)) {
        if (!cmd->output_file)
            return N_("'-o -' (standard output) is for build and score, which write one PDF");
        if (isatty(STDOUT_FILENO))
            return N_("'-o -' would write the PDF onto the terminal: send standard output to a file or a program");
    }
    return NULL;
}

/* rc, unless what went to stdout could not be written (a full disk, a closed
 * pipe): then that is the error. */
static int stdout_written(int rc)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return rc;
    diag_list d = {0};
    diag_error(&d, NULL, 0, "cannot write the output: %s", strerror(errno));
    diag_print(&d, stderr);
    diag_list_free(&d);
    return EXIT_DATA;
}

/* More processes than this would only wait on one another. */
#define MAX_JOBS 1024

static int parse_jobs(const char *s, unsigned *jobs)
{
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (errno || end == s || *end || n < 1 || n > MAX_JOBS)
        return -1;
    *jobs = (unsigned)n;
    return 0;
}

static int run_command(const command *cmd, app_env *env, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"strict", no_argument, NULL, 's'},
        {"layouts", required_argument, NULL, 'L'},
        {"fontmap", required_argument, NULL, 'F'},
        {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"fillable", no_argument, NULL, 'f'},
        {"jobs", required_argument, NULL, 'j'},
        {NULL, 0, NULL, 0},
    };
    app_options opt = {0};
    int c;
    optind = 1;
    opterr = 0;
    /* The leading ':' tells a missing value (':') from an unknown option ('?'). */
    const char *jobs = NULL;
    while ((c = getopt_long(argc, argv, ":hqo:j:", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            print_help(cmd, stdout);
            return stdout_written(0);
        case 's': opt.strict = 1; break;
        case 'q': opt.quiet = 1; break;
        case 'f': opt.fillable = 1; break;
        case 'L': opt.layouts_dir = optarg; break;
        case 'F': opt.fontmap = optarg; break;
        case 'o': opt.output = optarg; break;
        case 'j': jobs = optarg; break;
        case ':':
            return usage_error(cmd, _("option '%s' needs a value"), argv[optind - 1]);
        default:
            return usage_error(cmd, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (opt.fillable && cmd->run != app_build)
        return usage_error(cmd, _("'--fillable' is for %s"), "build");
    if (jobs && cmd->run != app_batch)
        return usage_error(cmd, _("'-j' is for %s"), "batch");
    if (jobs && parse_jobs(jobs, &opt.jobs) != 0)
        return usage_error(cmd, _("'-j %s': the number of processes is a whole number from 1 to 1024"), jobs);
    if (!jobs && cmd->run == app_batch)
        opt.jobs = batch_default_jobs();
    int nargs = argc - optind;
    if (nargs < cmd->min_args || nargs > cmd->max_args)
        return usage_error(cmd, _("%s: wrong number of arguments"), cmd->name);
    bool reads_stdin;
    const char *misuse = dash_misuse(cmd, &opt, nargs, argv + optind, &reads_stdin);
    if (misuse)
        return usage_error(cmd, "%s", _(misuse));
    diag_list d = {0};
    app_env_findings(env, &d);
    opt.env = env;
    int rc = reads_stdin ? input_read_stdin(env, &d) : 0;
    if (rc == 0)
        rc = cmd->run(&opt, nargs, argv + optind, &d, stdout);
    if (diag_count(&d, DIAG_ERROR) > 0 || (opt.strict && diag_count(&d, DIAG_WARNING) > 0))
        rc = -1;
    if (opt.quiet && !opt.strict)
        diag_drop(&d, DIAG_WARNING);
    diag_print(&d, stderr);
    diag_list_free(&d);
    return stdout_written(rc < 0 ? EXIT_DATA : 0);
}

/* The whole help, with where layouts and the font map are looked for. */
static int help(const app_env *env)
{
    print_help(NULL, stdout);
    app_options opt = {.env = env}; /* a bad SOURCE_DATE_EPOCH is told when it matters */
    app_where(&opt, stdout);
    fputs(_("\nRun 'gongwen help COMMAND' for a command's options.\n"), stdout);
    return stdout_written(0);
}

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(name, commands[i].name) == 0)
            return &commands[i];
    return NULL;
}

/* A name that is no command, with the nearest one if it is a misspelling:
 * fmt or, for that, fmt_near. */
static int unknown_command(const char *fmt, const char *fmt_near, const char *name)
{
    const char *names[NCOMMANDS + 2];
    for (size_t i = 0; i < NCOMMANDS; i++)
        names[i] = commands[i].name;
    names[NCOMMANDS] = "help";
    names[NCOMMANDS + 1] = NULL;
    const char *near = nearest_name(name, names);
    fprintf(stderr, "gongwen: ");
    if (near)
        fprintf(stderr, fmt_near, name, near);
    else
        fprintf(stderr, fmt, name);
    fputs("\n\n", stderr);
    print_help(NULL, stderr);
    return EXIT_USAGE;
}

/* The command line, once the environment is read. */
static int dispatch(app_env *env, int argc, char **argv)
{
    if (argc < 2)
        return usage_error(NULL, "%s", _("no command given"));
    const char *first = argv[1];
    if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0 || (strcmp(first, "help") == 0 && argc == 2))
        return help(env);
    if (strcmp(first, "--version") == 0 || strcmp(first, "-V") == 0) {
        printf("gongwen %s\n", GONGWEN_VERSION);
        return stdout_written(0);
    }
    if (strcmp(first, "help") == 0) {
        if (argc > 3)
            return usage_error(NULL, "%s", _("help: one command at a time"));
        const command *cmd = find_command(argv[2]);
        if (!cmd)
            return unknown_command(_("help: unknown command '%s'"), _("help: unknown command '%s': did you mean '%s'?"),
                                   argv[2]);
        print_help(cmd, stdout);
        return stdout_written(0);
    }
    const command *cmd = find_command(first);
    if (!cmd)
        return unknown_command(_("unknown command '%s'"), _("unknown command '%s': did you mean '%s'?"), first);
    return run_command(cmd, env, argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
    /* Past RLIMIT_FSIZE a write must fail with EFBIG, to be reported like any
     * full disk, instead of SIGXFSZ killing the run silently mid-file. */
    signal(SIGXFSZ, SIG_IGN);
    /* Words in the reader's language; numbers always as C writes and reads
     * them (0.5, never 0,5), whatever LC_NUMERIC or LC_ALL say. */
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    app_env env;
    app_env_read(&env, stdout);
    bindtextdomain(GONGWEN_TEXTDOMAIN, env.locale_dir);
    bind_textdomain_codeset(GONGWEN_TEXTDOMAIN, "UTF-8");
    textdomain(GONGWEN_TEXTDOMAIN);
    int rc = dispatch(&env, argc, argv);
    app_env_free(&env);
    return rc;
}
