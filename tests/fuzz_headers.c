/* libFuzzer target: the rate-limit and retry header parsers and the limiter's update.

   Input: 8 bytes of parameters (wall clock, window, limit, status), then up to five header
   values separated by '\n': X-RateLimit-Limit, -Remaining, -Reset, Retry-After, and one raw
   header line for the libcurl header callback's parser. Every result must be inside the
   clamps clickup.h documents:
     clickup__hdr_i64        1 with a value >= 0, or 0
     clickup__reset_in_ms    -1, or 0 ... window + 5 s
     clickup__retry_after_ms -1, or 0 ... cap
     clickup__limiter_update limit 1 ... 100000 (CLICKUP__LIMIT_MAX), remaining -1 ... INT_MAX,
                             reset no later than window + 5 s + margin (<= 1 s) from now,
                             and the limiter's wait never longer than that either
     clickup__take_header    a NUL-terminated value shorter than the destination
   Build: make build/fuzz/fuzz_headers     Run: build/fuzz/fuzz_headers tests/corpus/fuzz_headers */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "clickup.h"

/* The Makefile builds fuzz targets with recoverable UBSan: make every report a finding. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

#define CHECK(x) do { if (!(x)) { fprintf(stderr, "check failed: %s (line %d)\n", #x, __LINE__); __builtin_trap(); } } while (0)

static uint64_t rd(const uint8_t *p, size_t n) {
    uint64_t v = 0;
    size_t i;
    for (i = 0; i < n; i++) v = v << 8 | p[i];
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text, *field[5] = { NULL, NULL, NULL, NULL, NULL }, *p;
    int64_t wall, v, d;
    int window, nf = 0, lim0;
    uint64_t now = 5000000, margin;
    clickup_limiter *lim = NULL;
    clickup__ring *l;
    clickup_http_response r;
    if (size < 8) return 0;
    /* wall: 0 ... ~2^42 ms (year 2109); window 1 ms ... ~18 h; limit 1 ... 65536 */
    wall = (int64_t)(rd(data, 3) << 18);
    window = (int)(rd(data + 3, 2) * 1000 + 1);
    lim0 = (int)rd(data + 5, 2) + 1;
    text = (char *)malloc(size - 8 + 1);
    if (!text) return 0;
    memcpy(text, data + 8, size - 8);
    text[size - 8] = '\0';
    for (p = text; nf < 5;) {                /* split at '\n' into up to five values */
        char *nl = strchr(p, '\n');
        field[nf++] = p;
        if (!nl) break;
        *nl = '\0';
        p = nl + 1;
    }

    /* 1. the integer parser */
    {
        int i;
        for (i = 0; i < nf; i++)
            if (clickup__hdr_i64(field[i], &v)) CHECK(v >= 0);
        CHECK(clickup__hdr_i64(NULL, &v) == 0);
    }
    /* 2. X-RateLimit-Reset */
    d = clickup__reset_in_ms(field[2] ? field[2] : field[0], wall, window);
    CHECK(d == -1 || (d >= 0 && d <= (int64_t)window + 5000));
    /* 3. Retry-After, with the engine's cap and a few others */
    {
        int64_t caps[3];
        int i;
        caps[0] = (int64_t)window + 5000; caps[1] = 0; caps[2] = INT64_MAX / 4;
        for (i = 0; i < 3; i++) {
            d = clickup__retry_after_ms(field[3] ? field[3] : field[0], wall, caps[i]);
            CHECK(d == -1 || (d >= 0 && d <= caps[i]));
        }
    }
    /* 4. the limiter adopting the headers (with and without a 429) */
    if (clickup_limiter_create(lim0, window, NULL, &lim) == CLICKUP_OK) {
        clickup_rate_state st;
        int k;
        l = clickup__ring_of(lim);
        margin = clickup__reset_margin(l->window_ms);
        CHECK(margin >= 50 && margin <= 1000);
        for (k = 0; k < 2; k++) {
            memset(&r, 0, sizeof r);
            r.status = k ? 429 : (int)(200 + data[7] % 4 * 100);
            r.rate_limit = field[0];
            r.rate_remaining = nf > 1 ? field[1] : NULL;
            r.rate_reset = nf > 2 ? field[2] : NULL;
            r.retry_after = nf > 3 ? field[3] : NULL;
            (void)clickup__limiter_try(l, now);             /* take a token when one is free */
            clickup__limiter_update(l, now, wall, &r, 1);
            CHECK(l->limit >= 1 && l->limit <= CLICKUP__LIMIT_MAX);
            CHECK(l->ring_cap >= 1 && l->ring_cap <= (size_t)CLICKUP__LIMIT_MAX);   /* grows with sends only */
            CHECK(l->count <= l->ring_cap);
            CHECK(l->server_remaining >= -1);
            CHECK(l->server_reset == 0 || l->server_reset <= now + (uint64_t)window + 5000 + margin);
            CHECK(l->inflight >= 0);
            clickup__limiter_state(l, now, &st);
            CHECK(st.limit == l->limit);
            CHECK(st.available >= 0 && st.available <= st.limit);
            CHECK(st.next_free_in_ms <= (uint64_t)window + 5000 + margin);
            CHECK(st.reset_in_ms <= (uint64_t)window + 5000 + margin);
            /* after a 429: with a usable Reset nothing goes until it (Remaining 0); with only a
               Retry-After the hold does the waiting */
            if (k == 1 && clickup__reset_in_ms(r.rate_reset, wall, window) >= 0) CHECK(st.server_remaining == 0);
            if (k == 1 && clickup__retry_after_ms(r.retry_after, wall, (int64_t)window + 5000) > 0) CHECK(st.next_free_in_ms > 0);
            now += 1;
        }
        clickup_limiter_destroy(lim);
    }
    /* 5. the libcurl header callback's line parser */
    if (nf > 4) {
        static const char *const names[] = { "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after" };
        char dst[32];
        size_t i, n = strlen(field[4]);
        for (i = 0; i < 4; i++) {
            memset(dst, 'Z', sizeof dst);
            dst[0] = '\0';
            clickup__take_header(field[4], n, names[i], dst, sizeof dst);
            CHECK(memchr(dst, '\0', sizeof dst) != NULL);
        }
    }
    free(text);
    return 0;
}
