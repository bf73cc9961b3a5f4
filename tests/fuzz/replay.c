/* SPDX-License-Identifier: MIT */
/* replay: runs saved inputs through a fuzz target without libFuzzer, so that
 * every input that once crashed, leaked or hung stays a test of the normal
 * build (and of the sanitizer build, which sees what plain runs miss).
 *
 *   replay_TARGET FILE|DIR...     each file, and each file of each folder
 *
 * A crash ends the run as it would any program; a hang is the caller's
 * timeout's to catch. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "fuzz.h"

static int run_file(const char *path)
{
    diag_list d = {0};
    char *data;
    size_t len;
    if (file_read(path, 0, &data, &len, &d) < 0) {
        diag_print(&d, stderr);
        diag_list_free(&d);
        return -1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    free(data);
    return 0;
}

/* Runs path, a file or a folder of them; returns the number run, -1 on error. */
static long run_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return run_file(path) < 0 ? -1 : 1;
    DIR *dp = opendir(path);
    if (!dp) {
        perror(path);
        return -1;
    }
    long n = 0;
    for (struct dirent *de; n >= 0 && (de = readdir(dp)) != NULL;) {
        if (de->d_name[0] == '.')
            continue;
        char *file = xasprintf("%s/%s", path, de->d_name);
        long k = run_path(file);
        n = k < 0 ? -1 : n + k;
        free(file);
    }
    closedir(dp);
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
        return 2;
    }
    LLVMFuzzerInitialize(&argc, &argv);
    long total = 0;
    for (int i = 1; i < argc; i++) {
        long n = run_path(argv[i]);
        if (n < 0)
            return 1;
        total += n;
    }
    printf("%s: %ld inputs replayed\n", argv[0], total);
    return 0;
}
