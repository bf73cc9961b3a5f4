/* main: the command line.  The only place that prints findings and exits.
 *
 * Exit status: 0 ok, 1 the input has errors (or warnings under --strict),
 * 2 the command line itself is wrong.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "batch.h"
#include "template.h"
#include "text.h"

#define EXIT_DATA 1
#define EXIT_USAGE 2

static const char usage_text[] =
    "usage: gongwen [--help] [--version] COMMAND [ARGS]\n"
    "\n"
    "Turns assessment rubrics written in Markdown into GB/T 9704-2012 notices\n"
    "with their rubric tables, as PDF.\n"
    "\n"
    "commands:\n"
    "  check FILE.md...         check structure and arithmetic; print a summary\n"
    "  build FILE.md [-o PDF]   typeset the notice and its rubric tables\n"
    "  score FILE.md SCORES.yaml [-o PDF]\n"
    "                           the same with one unit's 自评分 filled and totalled\n"
    "  batch FILE.md DIR [-o OUTDIR]\n"
    "                           score every DIR/*.yaml; one PDF each and 汇总表.csv\n"
    "  template FILE.md [-o OUT.xlsx|OUT.csv|DIR]\n"
    "                           the form the units' 自评分 comes back in\n"
    "  fonts                    list font roles, the files that serve them, coverage\n"
    "\n"
    "Run 'gongwen COMMAND --help' for a command's options.\n";

static const char check_help[] =
    "usage: gongwen check [--strict] [--layouts DIR] FILE.md...\n"
    "\n"
    "Checks each rubric: front matter, structure, and that categories, items,\n"
    "inline sub-points and the total add up.  Prints one summary line per file\n"
    "and each finding as FILE:LINE: warning|error: MESSAGE.\n"
    "\n"
    "  --strict        treat warnings as errors\n"
    "  --layouts DIR   look for layouts in DIR first\n";

static const char build_help[] =
    "usage: gongwen build [--layouts DIR] [--fontmap FILE] [-o OUT.pdf] FILE.md\n"
    "\n"
    "Typesets the notice and its attachments.  Without -o, writes\n"
    "out/NAME.pdf for rubric NAME.md.  Honours SOURCE_DATE_EPOCH.\n";

static const char score_help[] =
    "usage: gongwen score [--layouts DIR] [--fontmap FILE] [-o OUT.pdf] FILE.md SCORES.yaml\n"
    "\n"
    "Checks one unit's scores against the rubric (every item scored, none above\n"
    "its points, completion levels from the rubric's 评分档次) and typesets the\n"
    "document with 自评分 filled and the total computed.  The rubric and the\n"
    "scores file are embedded in the PDF.  Without -o, writes out/SCORES.pdf.\n";

static const char batch_help[] =
    "usage: gongwen batch [--layouts DIR] [--fontmap FILE] [-o OUTDIR] FILE.md SCORES_DIR\n"
    "\n"
    "Scores every SCORES_DIR/*.yaml against the rubric: one PDF per scores file,\n"
    "named after it, in OUTDIR (default out/NAME for rubric NAME.md), and\n"
    "OUTDIR/汇总表.csv ranking the units.  A bad scores file is reported and the\n"
    "others are still produced; the exit status is then 1.\n";

static const char template_help[] =
    "usage: gongwen template [--layouts DIR] [-o OUT.xlsx|OUT.csv|DIR] FILE.md\n"
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
    "overwritten.\n";

static const char fonts_help[] =
    "usage: gongwen fonts [--fontmap FILE]\n"
    "\n"
    "Lists each font role, the files that serve it and their GB2312 coverage.\n";

typedef struct command {
    const char *name;
    const char *help;
    int (*run)(const app_options *opt, int argc, char **argv, diag_list *d, FILE *out);
    int min_args, max_args;
} command;

static const command commands[] = {
    {"check", check_help, app_check, 1, 1 << 20},
    {"build", build_help, app_build, 1, 1},
    {"score", score_help, app_score, 2, 2},
    {"batch", batch_help, app_batch, 2, 2},
    {"template", template_help, app_template, 1, 1},
    {"fonts", fonts_help, app_fonts, 0, 0},
};

static int usage_error(const char *fmt, const char *arg, const char *help)
{
    fprintf(stderr, "gongwen: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n\n%s", help);
    return EXIT_USAGE;
}

static int run_command(const command *cmd, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"strict", no_argument, NULL, 's'},
        {"layouts", required_argument, NULL, 'L'},
        {"fontmap", required_argument, NULL, 'F'},
        {"output", required_argument, NULL, 'o'},
        {NULL, 0, NULL, 0},
    };
    app_options opt = {0};
    int c;
    optind = 1;
    opterr = 0;
    /* The leading ':' tells a missing value (':') from an unknown option ('?'). */
    while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            fputs(cmd->help, stdout);
            return 0;
        case 's': opt.strict = 1; break;
        case 'L': opt.layouts_dir = optarg; break;
        case 'F': opt.fontmap = optarg; break;
        case 'o': opt.output = optarg; break;
        case ':':
            return usage_error("option '%s' needs a value", argv[optind - 1], cmd->help);
        default:
            return usage_error("unknown option '%s'", argv[optind - 1], cmd->help);
        }
    }
    int nargs = argc - optind;
    if (nargs < cmd->min_args || nargs > cmd->max_args)
        return usage_error("%s: wrong number of arguments", cmd->name, cmd->help);
    diag_list d = {0};
    app_env env;
    app_env_read(&env, stdout, &d);
    opt.env = &env;
    int rc = cmd->run(&opt, nargs, argv + optind, &d, stdout);
    diag_print(&d, stderr);
    if (diag_count(&d, DIAG_ERROR) > 0 || (opt.strict && diag_count(&d, DIAG_WARNING) > 0))
        rc = -1;
    diag_list_free(&d);
    app_env_free(&env);
    return rc < 0 ? EXIT_DATA : 0;
}

int main(int argc, char **argv)
{
    /* Past RLIMIT_FSIZE a write must fail with EFBIG, to be reported like any
     * full disk, instead of SIGXFSZ killing the run silently mid-file. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2)
        return usage_error("%s", "no command given", usage_text);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("gongwen %s\n", GONGWEN_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return run_command(&commands[i], argc - 1, argv + 1);
    return usage_error("unknown command '%s'", argv[1], usage_text);
}
