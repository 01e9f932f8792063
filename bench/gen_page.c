/* gen_page - write a deterministic ClickUp-like task page (see gen_page.h).

   usage: gen_page [--tasks N] [--seed S] [--page P] [--last] [-o FILE]

   Defaults: 100 tasks, seed GEN_PAGE_DEFAULT_SEED, page 0, "last_page":false, stdout.
   100 tasks with the default seed come to about 709 KB. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_page.h"

static int parse_num(const char *s, unsigned long max, unsigned long *out)
{
    char *end;
    unsigned long v;
    if (!s || !*s || *s == '-') return -1;
    errno = 0;
    v = strtoul(s, &end, 0);
    if (errno || *end || v > max) return -1;
    *out = v;
    return 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: gen_page [--tasks N] [--seed S] [--page P] [--last] [-o FILE]\n");
    return 2;
}

int main(int argc, char **argv)
{
    unsigned long ntasks = 100, seed = GEN_PAGE_DEFAULT_SEED, page = 0, v;
    int last = 0, i;
    const char *outpath = NULL;
    char *text;
    size_t len;
    FILE *f;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--last")) { last = 1; continue; }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(); return 0; }
        if (i + 1 >= argc) return usage();
        if (!strcmp(a, "-o")) { outpath = argv[++i]; continue; }
        if (parse_num(argv[i + 1], !strcmp(a, "--seed") ? 0xFFFFFFFFul : 10000000ul, &v) < 0)
            return usage();
        if (!strcmp(a, "--tasks")) ntasks = v;
        else if (!strcmp(a, "--seed")) seed = v;
        else if (!strcmp(a, "--page")) page = v;
        else return usage();
        i++;
    }

    text = gen_page_ex((unsigned)seed, (int)ntasks, (int)page, last, &len);
    if (!text) { fprintf(stderr, "gen_page: out of memory\n"); return 1; }
    f = outpath ? fopen(outpath, "wb") : stdout;
    if (!f) { fprintf(stderr, "gen_page: %s: %s\n", outpath, strerror(errno)); free(text); return 1; }
    if (fwrite(text, 1, len, f) != len || (outpath ? fclose(f) : fflush(f)) != 0) {
        fprintf(stderr, "gen_page: write failed: %s\n", strerror(errno));
        free(text);
        return 1;
    }
    free(text);
    return 0;
}
