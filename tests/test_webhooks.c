/* Webhooks: SHA-256 and HMAC-SHA256 against FIPS 180-4, RFC 4231 and the openssl command line;
   the signature check (raw bytes, hex rules, constant-time comparison over every secret); the
   event decoder; the de-duplication set; cache drops by event over the fake world of
   fake_world.h; the four webhook calls over an injected transport, and where the secret may
   and may not go (log lines at DEBUG, clickup_last_error, freed memory).

   The openssl comparison runs `openssl dgst -sha256 -hmac KEY FILE` through popen on 20
   random bodies (0 bytes to several MB; at most 1 MB each under valgrind) and is skipped with
   a message when openssl is not installed.

   Run one test:  build/asan/test_webhooks test_verify_rotation  (a cmocka filter; * and ?). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L     /* mkstemp, popen */
#endif
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include <cmocka.h>

#include "fake_world.h"

/* ---- helpers ------------------------------------------------------------------------------ */
static void to_hex(const unsigned char *d, size_t n, char *out) {
    static const char hex[] = "0123456789abcdef";
    size_t i;
    for (i = 0; i < n; i++) { out[2 * i] = hex[d[i] >> 4]; out[2 * i + 1] = hex[d[i] & 15]; }
    out[2 * n] = '\0';
}

static void sha_hex(const void *data, size_t len, char out[65]) {
    clickup_sha256 s;
    unsigned char d[32];
    clickup_sha256_init(&s);
    clickup_sha256_update(&s, data, len);
    assert_int_equal(clickup_sha256_final(&s, d), CLICKUP_OK);
    to_hex(d, 32, out);
}

static void hmac_hex(const void *key, size_t key_len, const void *msg, size_t msg_len, char out[65]) {
    unsigned char d[32];
    assert_int_equal(clickup_hmac_sha256(key, key_len, msg, msg_len, d), CLICKUP_OK);
    to_hex(d, 32, out);
}

static uint64_t g_rng = 0x9E3779B97F4A7C15ULL;   /* fixed seed: every run sees the same data */
static uint64_t rnd(void) {
    g_rng ^= g_rng << 13; g_rng ^= g_rng >> 7; g_rng ^= g_rng << 17;
    return g_rng;
}

static int under_valgrind(void) { return getenv("CLICKUP_UNDER_VALGRIND") != NULL; }

/* Does hay (n bytes) contain needle? */
static int contains(const void *hay, size_t n, const char *needle) {
    const unsigned char *h = (const unsigned char *)hay;
    size_t k = strlen(needle), i;
    if (!k || n < k) return 0;
    for (i = 0; i + k <= n; i++)
        if (h[i] == (unsigned char)needle[0] && memcmp(h + i, needle, k) == 0) return 1;
    return 0;
}

/* ---- SHA-256: FIPS 180-4 vectors --------------------------------------------------------- */
static const char MSG_448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char MSG_896[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
#define SHA_EMPTY   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define SHA_ABC     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define SHA_448     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
#define SHA_896     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
#define SHA_MILLION "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"

static void test_sha256_fips_vectors(void **state) {
    char hex[65];
    char *million = (char *)malloc(1000000);
    (void)state;
    assert_non_null(million);
    memset(million, 'a', 1000000);
    sha_hex("", 0, hex);                       assert_string_equal(hex, SHA_EMPTY);
    sha_hex(NULL, 0, hex);                     assert_string_equal(hex, SHA_EMPTY);
    sha_hex("abc", 3, hex);                    assert_string_equal(hex, SHA_ABC);
    sha_hex(MSG_448, strlen(MSG_448), hex);    assert_string_equal(hex, SHA_448);
    sha_hex(MSG_896, strlen(MSG_896), hex);    assert_string_equal(hex, SHA_896);
    sha_hex(million, 1000000, hex);            assert_string_equal(hex, SHA_MILLION);
    free(million);
}

/* Any split of a message gives the digest of the whole: chunks of odd sizes across block
   boundaries, one byte at a time, and the padding edge cases (55, 56, 63, 64 bytes). */
static void test_sha256_streaming_odd_chunks(void **state) {
    static const size_t chunks[] = { 1, 3, 7, 13, 31, 55, 56, 63, 64, 65, 127, 1000, 4099 };
    size_t n = 200003, i, at, k;
    unsigned char *msg = (unsigned char *)malloc(n);
    char whole[65], parts[65];
    (void)state;
    assert_non_null(msg);
    for (i = 0; i < n; i++) msg[i] = (unsigned char)rnd();
    for (k = 0; k < sizeof chunks / sizeof chunks[0]; k++) {
        size_t len = k < 8 ? chunks[k] * 37 + k : n;   /* several message lengths too */
        clickup_sha256 s;
        unsigned char d[32];
        sha_hex(msg, len, whole);
        clickup_sha256_init(&s);
        for (at = 0; at < len; at += chunks[k]) {
            size_t take = len - at < chunks[k] ? len - at : chunks[k];
            clickup_sha256_update(&s, msg + at, take);
            clickup_sha256_update(&s, msg + at, 0);         /* empty updates change nothing */
        }
        assert_int_equal(clickup_sha256_final(&s, d), CLICKUP_OK);
        to_hex(d, 32, parts);
        assert_string_equal(parts, whole);
    }
    /* the million a's in chunks of 1, 2, 3, ... bytes */
    {
        clickup_sha256 s;
        unsigned char d[32];
        size_t stride = 1;
        char *a = (char *)malloc(1000000);
        assert_non_null(a);
        memset(a, 'a', 1000000);
        clickup_sha256_init(&s);
        for (at = 0; at < 1000000; at += stride, stride = stride % 200 + 1)
            clickup_sha256_update(&s, a + at, 1000000 - at < stride ? 1000000 - at : stride);
        assert_int_equal(clickup_sha256_final(&s, d), CLICKUP_OK);
        to_hex(d, 32, parts);
        assert_string_equal(parts, SHA_MILLION);
        free(a);
    }
    /* padding edges, one byte at a time vs all at once */
    for (n = 50; n <= 130; n++) {
        clickup_sha256 s;
        unsigned char d[32];
        sha_hex(msg, n, whole);
        clickup_sha256_init(&s);
        for (i = 0; i < n; i++) clickup_sha256_update(&s, msg + i, 1);
        assert_int_equal(clickup_sha256_final(&s, d), CLICKUP_OK);
        to_hex(d, 32, parts);
        assert_string_equal(parts, whole);
    }
    free(msg);
}

/* Misuse is an error, not a crash; the length counter cannot overflow. */
static void test_sha256_misuse_and_length_limit(void **state) {
    clickup_sha256 s;
    unsigned char d[32];
    (void)state;
    clickup_sha256_init(NULL);                 /* ignored */
    clickup_sha256_update(NULL, "x", 1);       /* ignored */
    assert_int_equal(clickup_sha256_final(NULL, d), CLICKUP_ERR_INVALID_ARG);
    clickup_sha256_init(&s);
    assert_int_equal(clickup_sha256_final(&s, NULL), CLICKUP_ERR_INVALID_ARG);
    clickup_sha256_init(&s);
    clickup_sha256_update(&s, NULL, 5);        /* NULL with a length: sticky */
    clickup_sha256_update(&s, "abc", 3);
    memset(d, 0xee, sizeof d);
    assert_int_equal(clickup_sha256_final(&s, d), CLICKUP_ERR_INVALID_ARG);
    { int i; for (i = 0; i < 32; i++) assert_int_equal(d[i], 0); }
    /* 2^61 - 1 bytes is the most SHA-256 allows: one byte more fails, exactly at it works */
    clickup_sha256_init(&s);
    s.bytes = CLICKUP__SHA256_MAX_BYTES - 10;
    clickup_sha256_update(&s, "0123456789", 10);
    assert_int_equal(clickup_sha256_final(&s, d), CLICKUP_OK);
    clickup_sha256_init(&s);
    s.bytes = CLICKUP__SHA256_MAX_BYTES - 10;
    clickup_sha256_update(&s, "0123456789A", 11);
    assert_int_equal(clickup_sha256_final(&s, d), CLICKUP_ERR_INVALID_ARG);
    clickup_sha256_init(&s);
    s.bytes = UINT64_MAX - 3;                  /* a counter that would wrap */
    clickup_sha256_update(&s, "0123456789", 10);
    assert_int_equal(clickup_sha256_final(&s, d), CLICKUP_ERR_INVALID_ARG);
    /* final wipes the context */
    clickup_sha256_init(&s);
    clickup_sha256_update(&s, "abc", 3);
    assert_int_equal(clickup_sha256_final(&s, d), CLICKUP_OK);
    { size_t i; const unsigned char *p = (const unsigned char *)&s; for (i = 0; i < sizeof s; i++) assert_int_equal(p[i], 0); }
}

/* ---- HMAC-SHA256: RFC 4231 --------------------------------------------------------------- */
static void test_hmac_rfc4231(void **state) {
    unsigned char key[131], data[200], d[32];
    char hex[65];
    size_t i;
    (void)state;
    /* 1 */
    memset(key, 0x0b, 20);
    hmac_hex(key, 20, "Hi There", 8, hex);
    assert_string_equal(hex, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    /* 2: a key shorter than the output */
    hmac_hex("Jefe", 4, "what do ya want for nothing?", 28, hex);
    assert_string_equal(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    /* 3 */
    memset(key, 0xaa, 20); memset(data, 0xdd, 50);
    hmac_hex(key, 20, data, 50, hex);
    assert_string_equal(hex, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    /* 4 */
    for (i = 0; i < 25; i++) key[i] = (unsigned char)(i + 1);
    memset(data, 0xcd, 50);
    hmac_hex(key, 25, data, 50, hex);
    assert_string_equal(hex, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    /* 5: truncated to 128 bits; compared on the first 16 bytes */
    memset(key, 0x0c, 20);
    assert_int_equal(clickup_hmac_sha256(key, 20, "Test With Truncation", 20, d), CLICKUP_OK);
    to_hex(d, 16, hex);
    assert_string_equal(hex, "a3b6167473100ee06e0c796c2955552b");
    /* 6: a 131-byte key (hashed first) */
    memset(key, 0xaa, 131);
    hmac_hex(key, 131, "Test Using Larger Than Block-Size Key - Hash Key First", 54, hex);
    assert_string_equal(hex, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    /* 7: a 131-byte key and a message longer than a block */
    {
        const char *m = "This is a test using a larger than block-size key and a larger than block-size data. "
                        "The key needs to be hashed before being used by the HMAC algorithm.";
        hmac_hex(key, 131, m, strlen(m), hex);
        assert_string_equal(hex, "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }
    /* misuse */
    assert_int_equal(clickup_hmac_sha256(key, 1, "x", 1, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_hmac_sha256(NULL, 1, "x", 1, d), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_hmac_sha256(key, 1, NULL, 1, d), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_hmac_sha256(NULL, 0, NULL, 0, d), CLICKUP_OK);   /* empty key, empty message */
    to_hex(d, 32, hex);
    assert_string_equal(hex, "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

/* ---- HMAC-SHA256 against openssl on random bodies ---------------------------------------- */
static int openssl_hmac(const char *key, const char *path, char out[65]) {
    char cmd[512], line[1024];
    FILE *p;
    char *eq;
    size_t n;
    snprintf(cmd, sizeof cmd, "openssl dgst -sha256 -hmac '%s' '%s' 2>/dev/null", key, path);
    if (!(p = popen(cmd, "r"))) return 0;
    if (!fgets(line, sizeof line, p)) { pclose(p); return 0; }
    pclose(p);
    /* "HMAC-SHA2-256(file)= 5d..." (OpenSSL 3) or "HMAC-SHA256(file)= 5d..." */
    if (!(eq = strrchr(line, '='))) return 0;
    eq++;
    while (*eq == ' ') eq++;
    n = strspn(eq, "0123456789abcdef");
    if (n != 64) return 0;
    memcpy(out, eq, 64);
    out[64] = '\0';
    return 1;
}

static void test_hmac_matches_openssl(void **state) {
    size_t max = under_valgrind() ? ((size_t)1 << 20) : ((size_t)6 << 20);
    static const size_t edges[] = { 0, 1, 55, 64, 65, 4099 };
    char path[] = "/tmp/clickup_hmac_XXXXXX";
    unsigned char *body;
    int fd, i, compared = 0;
    size_t biggest = 0;
    (void)state;
    if (system("command -v openssl >/dev/null 2>&1") != 0) {
        print_message("openssl is not installed: HMAC comparison with openssl skipped\n");
        skip();
    }
    body = (unsigned char *)malloc(max);
    assert_non_null(body);
    fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    for (i = 0; i < 20; i++) {
        static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        char key[160], mine[65], theirs[65];
        size_t len, k, key_len = 1 + (size_t)(rnd() % 150), j;   /* keys longer than a block too */
        const char *secrets[1];
        size_t matched = 99;
        FILE *f;
        if (i < 6) len = edges[i];
        else if (i >= 17) len = max - 1 - (size_t)(rnd() % (max / 4));   /* the biggest bodies */
        else len = (size_t)(rnd() % max);
        for (k = 0; k < len; k++) body[k] = (unsigned char)(rnd() >> 24);
        for (j = 0; j < key_len; j++) key[j] = alnum[rnd() % (sizeof alnum - 1)];
        key[key_len] = '\0';
        assert_non_null(f = fopen(path, "wb"));
        assert_int_equal(len ? fwrite(body, 1, len, f) : 0, len);
        fclose(f);
        if (!openssl_hmac(key, path, theirs)) { remove(path); free(body); fail_msg("openssl dgst -hmac gave no digest"); }
        hmac_hex(key, key_len, body, len, mine);
        if (strcmp(mine, theirs) != 0)
            fail_msg("body %d (%lu bytes, key of %lu bytes): clickup %s, openssl %s", i, (unsigned long)len,
                     (unsigned long)key_len, mine, theirs);
        /* and openssl's hex, as X-Signature, verifies */
        secrets[0] = key;
        assert_int_equal(clickup_webhook_verify((const char *)body, len, theirs, secrets, 1, &matched), CLICKUP_OK);
        assert_int_equal(matched, 0);
        if (len > biggest) biggest = len;
        compared++;
    }
    remove(path);
    free(body);
    assert_int_equal(compared, 20);
    assert_true(biggest >= max / 2);
}

/* ---- verification ------------------------------------------------------------------------ */
#define V_BODY "{\"event\":\"taskCreated\",\"task_id\":\"1vj37mc\",\"webhook_id\":\"7fa3ec74-69a8-4530-a251-8a13730bd204\"}"
#define V_SECRET "O94IM25S7PXBPYTMNXLLET230SRP0S89COR7B1YOJ2ZIE8WQNK5UUKEF26W0Z5GA"
#define V_SECRET2 "SECOND_SECRET_f00d"
/* computed independently (Python's hmac module) */
#define V_SIG  "f4afaf3720d4d2fa1b538330822673d80b93913a37de4f5650daf2e9615152f5"
#define V_SIG2 "9ba78335df4f4e09e64e50a102cfd44908e3f16eba3e35b0b831cb773c9e9728"

static void test_verify_accepts_the_right_signature(void **state) {
    const char *one[1] = { V_SECRET };
    char upper[65];
    size_t matched = 7, i;
    (void)state;
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), V_SIG, one, 1, &matched), CLICKUP_OK);
    assert_int_equal(matched, 0);
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), V_SIG, one, 1, NULL), CLICKUP_OK);
    for (i = 0; i < 64; i++) upper[i] = (char)(V_SIG[i] >= 'a' && V_SIG[i] <= 'f' ? V_SIG[i] - 32 : V_SIG[i]);
    upper[64] = '\0';
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), upper, one, 1, &matched), CLICKUP_OK);
    upper[3] = (char)(upper[3] + 32 * (upper[3] >= 'A'));   /* mixed case */
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), upper, one, 1, &matched), CLICKUP_OK);
}

static void test_verify_malformed_signatures(void **state) {
    const char *one[1] = { V_SECRET };
    char sig[80];
    size_t matched = 7;
    (void)state;
    strcpy(sig, V_SIG); sig[63] = '\0';                             /* 63 digits */
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), sig, one, 1, &matched), CLICKUP_ERR_INVALID_ARG);
    assert_true(matched == (size_t)-1);
    strcpy(sig, V_SIG); strcat(sig, "0");                           /* 65 digits */
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), sig, one, 1, &matched), CLICKUP_ERR_INVALID_ARG);
    strcpy(sig, V_SIG); sig[10] = 'g';                              /* not hex */
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), sig, one, 1, &matched), CLICKUP_ERR_INVALID_ARG);
    strcpy(sig, V_SIG); sig[11] = ' ';
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), sig, one, 1, &matched), CLICKUP_ERR_INVALID_ARG);
    snprintf(sig, sizeof sig, " %s", V_SIG);                        /* white space is not trimmed */
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), sig, one, 1, &matched), CLICKUP_ERR_INVALID_ARG);
    snprintf(sig, sizeof sig, "%s\n", V_SIG);
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), sig, one, 1, &matched), CLICKUP_ERR_INVALID_ARG);
    snprintf(sig, sizeof sig, "sha256=%s", V_SIG);                  /* no scheme prefixes */
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), sig, one, 1, &matched), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), "", one, 1, &matched), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), NULL, one, 1, &matched), CLICKUP_ERR_INVALID_ARG);
    /* bad other arguments */
    assert_int_equal(clickup_webhook_verify(NULL, 5, V_SIG, one, 1, &matched), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), V_SIG, NULL, 1, &matched), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), V_SIG, one, 0, &matched), CLICKUP_ERR_INVALID_ARG);
    {
        const char *with_empty[2] = { V_SECRET, "" }, *with_null[2] = { V_SECRET, NULL };
        assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), V_SIG, with_empty, 2, &matched), CLICKUP_ERR_INVALID_ARG);
        assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), V_SIG, with_null, 2, &matched), CLICKUP_ERR_INVALID_ARG);
    }
    assert_true(matched == (size_t)-1);
}

static void test_verify_wrong_signature(void **state) {
    const char *one[1] = { V_SECRET }, *other[1] = { "not-the-secret" };
    char sig[65];
    size_t matched = 7, i;
    (void)state;
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), V_SIG, other, 1, &matched), CLICKUP_ERR_SIGNATURE);
    assert_true(matched == (size_t)-1);
    assert_true(CLICKUP_ERR_SIGNATURE < 0);
    assert_string_equal(clickup_strerror(CLICKUP_ERR_SIGNATURE), "webhook signature does not match");
    /* every single flipped bit of the signature, and every byte of the body, is caught */
    for (i = 0; i < 64; i++) {
        strcpy(sig, V_SIG);
        sig[i] = sig[i] == '0' ? '1' : '0';
        assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), sig, one, 1, &matched), CLICKUP_ERR_SIGNATURE);
    }
    {
        char body[sizeof V_BODY];
        for (i = 0; i < strlen(V_BODY); i++) {
            memcpy(body, V_BODY, sizeof body);
            body[i] ^= 1;
            assert_int_equal(clickup_webhook_verify(body, strlen(V_BODY), V_SIG, one, 1, &matched), CLICKUP_ERR_SIGNATURE);
        }
        /* the body is len bytes, not a C string: one byte less or more fails */
        assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY) - 1, V_SIG, one, 1, &matched), CLICKUP_ERR_SIGNATURE);
        assert_int_equal(clickup_webhook_verify(V_BODY "\n", strlen(V_BODY) + 1, V_SIG, one, 1, &matched), CLICKUP_ERR_SIGNATURE);
    }
    /* an empty body verifies against its own signature */
    {
        char hex[65];
        hmac_hex(V_SECRET, strlen(V_SECRET), "", 0, hex);
        assert_int_equal(clickup_webhook_verify(NULL, 0, hex, one, 1, &matched), CLICKUP_OK);
        assert_int_equal(clickup_webhook_verify(NULL, 0, V_SIG, one, 1, &matched), CLICKUP_ERR_SIGNATURE);
    }
}

/* A cut-over: the old and the new webhook's secrets are both accepted for a while. */
static void test_verify_rotation(void **state) {
    const char *both[2] = { V_SECRET, V_SECRET2 }, *three[3] = { "x", V_SECRET2, V_SECRET2 };
    size_t matched = 7;
    (void)state;
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), V_SIG2, both, 2, &matched), CLICKUP_OK);
    assert_int_equal(matched, 1);
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), V_SIG, both, 2, &matched), CLICKUP_OK);
    assert_int_equal(matched, 0);
    /* the first of several matching secrets is reported, though all are tried */
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), V_SIG2, three, 3, &matched), CLICKUP_OK);
    assert_int_equal(matched, 1);
    assert_int_equal(clickup_webhook_verify(V_BODY, strlen(V_BODY), V_SIG, three, 3, &matched), CLICKUP_ERR_SIGNATURE);
}

/* The signature is over the bytes ClickUp sent: the same JSON parsed and written again (here
   by the library's own writer, compactly, and with other white space) no longer verifies. */
static void test_verify_raw_bytes_not_reserialised(void **state) {
    static const char pretty[] = "{\n  \"event\": \"taskCreated\",\n  \"task_id\": \"1vj37mc\",\n"
                                 "  \"webhook_id\": \"7fa3ec74-69a8-4530-a251-8a13730bd204\"\n}";
    char sig[65];
    const char *one[1] = { V_SECRET };
    clickup_json_doc *doc = NULL;
    clickup_json_writer w;
    const char *text;
    size_t len;
    (void)state;
    hmac_hex(V_SECRET, strlen(V_SECRET), pretty, strlen(pretty), sig);
    assert_int_equal(clickup_webhook_verify(pretty, strlen(pretty), sig, one, 1, NULL), CLICKUP_OK);
    assert_int_equal(clickup_json_parse(pretty, strlen(pretty), NULL, &doc, NULL), CLICKUP_OK);
    clickup_json_writer_init(&w, NULL);
    clickup_jw_value(&w, clickup_json_root(doc));
    assert_int_equal(clickup_json_writer_finish(&w, &text, &len), CLICKUP_OK);
    assert_string_equal(text, V_BODY);                /* the same JSON, other bytes */
    assert_int_equal(clickup_webhook_verify(text, len, sig, one, 1, NULL), CLICKUP_ERR_SIGNATURE);
    clickup_json_writer_free(&w);
    clickup_json_doc_free(doc);
}

/* ---- event decoding ----------------------------------------------------------------------- */
#define WH_ID "7fa3ec74-69a8-4530-a251-8a13730bd204"
static const char STATUS_EVENT[] =
    "{\n"
    "  \"event\": \"taskStatusUpdated\",\n"
    "  \"history_items\": [\n"
    "    {\n"
    "      \"id\": \"2800787326823854125\",\n"
    "      \"type\": 1,\n"
    "      \"date\": \"1642736526736\",\n"
    "      \"field\": \"status\",\n"
    "      \"parent_id\": \"162641062\",\n"
    "      \"data\": { \"status_type\": \"custom\" },\n"
    "      \"source\": null,\n"
    "      \"user\": { \"id\": 183, \"username\": \"John\", \"email\": \"john@company.com\", \"color\": \"#7b68ee\",\n"
    "                \"initials\": \"J\", \"profilePicture\": null },\n"
    "      \"before\": { \"status\": \"to do\", \"color\": \"#f9d900\", \"orderindex\": 0, \"type\": \"open\" },\n"
    "      \"after\": { \"status\": \"in progress\", \"color\": \"#7C4DFF\", \"orderindex\": 1, \"type\": \"custom\" }\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"2800787326823854126\", \"type\": 1, \"date\": 1642736526737, \"field\": \"task_creation\",\n"
    "      \"user\": { \"id\": \"184\", \"username\": \"Jane\" }, \"before\": null, \"after\": null\n"
    "    }\n"
    "  ],\n"
    "  \"task_id\": \"1vj37mc\",\n"
    "  \"webhook_id\": \"" WH_ID "\"\n"
    "}";

static void test_event_task_status_updated(void **state) {
    clickup_webhook_event *e = NULL;
    const clickup_webhook_history_item *h;
    (void)state;
    assert_int_equal(clickup_webhook_event_parse(STATUS_EVENT, strlen(STATUS_EVENT), NULL, &e), CLICKUP_OK);
    assert_non_null(e);
    assert_int_equal(e->type, CLICKUP_EVENT_TASK_STATUS_UPDATED);
    assert_int_equal(e->kind, CLICKUP_EVENT_KIND_TASK);
    assert_string_equal(e->event, "taskStatusUpdated");
    assert_string_equal(e->webhook_id, WH_ID);
    assert_string_equal(e->task_id, "1vj37mc");
    assert_null(e->list_id); assert_null(e->folder_id); assert_null(e->space_id);
    assert_null(e->goal_id); assert_null(e->key_result_id);
    assert_int_equal(e->history_item_count, 2);
    h = &e->history_items[0];
    assert_string_equal(h->id, "2800787326823854125");
    assert_int_equal(h->type, 1);
    assert_string_equal(h->field, "status");
    assert_true(h->date.present);
    assert_true(h->date.value == 1642736526736LL);
    assert_int_equal(h->user.id, 183);
    assert_string_equal(h->user.username, "John");
    assert_string_equal(h->user.email, "john@company.com");
    assert_string_equal(h->user.initials, "J");
    assert_string_equal(h->user.profile_picture, "");
    assert_string_equal(h->parent_id, "162641062");
    assert_true(clickup_json_is(h->before, CLICKUP_JSON_OBJECT));
    assert_string_equal(clickup_json_as_string(clickup_json_get(h->before, "status"), "", NULL), "to do");
    assert_string_equal(clickup_json_as_string(clickup_json_get(h->after, "status"), "", NULL), "in progress");
    assert_int_equal(clickup_json_as_int64(clickup_json_get(h->after, "orderindex"), -1), 1);
    assert_string_equal(clickup_json_as_string(clickup_json_get(clickup_json_get(h->raw, "data"), "status_type"), "", NULL),
                        "custom");
    assert_true(clickup_json_is(clickup_json_get(h->raw, "source"), CLICKUP_JSON_NULL));
    h = &e->history_items[1];
    assert_string_equal(h->field, "task_creation");
    assert_true(h->date.present && h->date.value == 1642736526737LL);   /* a number works too */
    assert_int_equal(h->user.id, 184);                                  /* and a string id */
    assert_null(h->parent_id);
    assert_non_null(h->before);                       /* null is a value: present, of type NULL */
    assert_true(clickup_json_is(h->before, CLICKUP_JSON_NULL));
    assert_true(clickup_json_is(e->raw, CLICKUP_JSON_OBJECT));
    assert_non_null(clickup_json_get(e->raw, "history_items"));
    clickup_webhook_event_free(e);
    clickup_webhook_event_free(NULL);
}

static void test_event_list_created(void **state) {
    static const char body[] = "{\"event\":\"listCreated\",\"list_id\":\"162641234\",\"webhook_id\":\"" WH_ID "\"}";
    clickup_webhook_event *e = NULL;
    (void)state;
    assert_int_equal(clickup_webhook_event_parse(body, strlen(body), NULL, &e), CLICKUP_OK);
    assert_int_equal(e->type, CLICKUP_EVENT_LIST_CREATED);
    assert_int_equal(e->kind, CLICKUP_EVENT_KIND_LIST);
    assert_string_equal(e->list_id, "162641234");
    assert_null(e->task_id);
    assert_int_equal(e->history_item_count, 0);       /* absent: fine */
    assert_null(e->history_items);
    clickup_webhook_event_free(e);
}

/* New names, new fields, numbers for ids, odd shapes: decoding goes on. */
static void test_event_unknown_and_lenient(void **state) {
    static const char unknown[] = "{\"event\":\"docPageCreated\",\"doc_id\":\"abc\",\"webhook_id\":\"w1\",\"whatever\":[1,{\"x\":2}]}";
    static const char numbers[] = "{\"event\":\"keyResultUpdated\",\"goal_id\":12345,\"key_result_id\":67890,"
                                  "\"webhook_id\":\"w1\",\"space_id\":null,\"folder_id\":{\"odd\":1},"
                                  "\"history_items\":[{\"id\":987654321,\"type\":\"7\",\"date\":\"bad\"},17,null]}";
    static const char nonarray[] = "{\"event\":\"taskUpdated\",\"task_id\":\"t\",\"history_items\":{\"id\":\"1\"}}";
    static const char nul_name[] = "{\"event\":\"taskCreated\\u0000x\"}";
    clickup_webhook_event *e = NULL;
    (void)state;
    assert_int_equal(clickup_webhook_event_parse(unknown, strlen(unknown), NULL, &e), CLICKUP_OK);
    assert_int_equal(e->type, CLICKUP_EVENT_UNKNOWN);
    assert_int_equal(e->kind, CLICKUP_EVENT_KIND_UNKNOWN);
    assert_string_equal(e->event, "docPageCreated");    /* the name is kept */
    assert_string_equal(clickup_json_as_string(clickup_json_get(e->raw, "doc_id"), "", NULL), "abc");
    clickup_webhook_event_free(e);

    assert_int_equal(clickup_webhook_event_parse(numbers, strlen(numbers), NULL, &e), CLICKUP_OK);
    assert_int_equal(e->type, CLICKUP_EVENT_KEY_RESULT_UPDATED);
    assert_int_equal(e->kind, CLICKUP_EVENT_KIND_KEY_RESULT);
    assert_string_equal(e->goal_id, "12345");           /* numbers -> their text */
    assert_string_equal(e->key_result_id, "67890");
    assert_null(e->space_id);                           /* null -> NULL */
    assert_null(e->folder_id);                          /* an object where an id belongs: NULL */
    assert_int_equal(e->history_item_count, 3);
    assert_string_equal(e->history_items[0].id, "987654321");
    assert_int_equal(e->history_items[0].type, 7);
    assert_false(e->history_items[0].date.present);
    assert_null(e->history_items[0].field);
    assert_null(e->history_items[0].before);            /* absent -> NULL */
    assert_null(e->history_items[1].id);                /* items that are not objects */
    assert_null(e->history_items[2].id);
    assert_int_equal(e->history_items[1].user.id, 0);
    clickup_webhook_event_free(e);

    assert_int_equal(clickup_webhook_event_parse(nonarray, strlen(nonarray), NULL, &e), CLICKUP_OK);
    assert_int_equal(e->history_item_count, 0);
    clickup_webhook_event_free(e);

    assert_int_equal(clickup_webhook_event_parse(nul_name, strlen(nul_name), NULL, &e), CLICKUP_OK);
    assert_int_equal(e->type, CLICKUP_EVENT_UNKNOWN);   /* the whole name counts, not its C prefix */
    clickup_webhook_event_free(e);
}

static void test_event_errors(void **state) {
    clickup_webhook_event *e = (clickup_webhook_event *)(uintptr_t)1;
    (void)state;
    assert_int_equal(clickup_webhook_event_parse("{\"event\":", 9, NULL, &e), CLICKUP_ERR_JSON);
    assert_null(e);
    assert_int_equal(clickup_webhook_event_parse("", 0, NULL, &e), CLICKUP_ERR_JSON);
    assert_int_equal(clickup_webhook_event_parse(NULL, 0, NULL, &e), CLICKUP_ERR_JSON);
    assert_int_equal(clickup_webhook_event_parse("{\"event\":\"taskCreated\"} x", 25, NULL, &e), CLICKUP_ERR_JSON);
    assert_int_equal(clickup_webhook_event_parse("[\"taskCreated\"]", 15, NULL, &e), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(clickup_webhook_event_parse("\"taskCreated\"", 13, NULL, &e), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(clickup_webhook_event_parse("{\"task_id\":\"x\"}", 15, NULL, &e), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(clickup_webhook_event_parse("{\"event\":7}", 11, NULL, &e), CLICKUP_ERR_BAD_RESPONSE);
    assert_null(e);
    assert_int_equal(clickup_webhook_event_parse(NULL, 3, NULL, &e), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_webhook_event_parse("{}", 2, NULL, NULL), CLICKUP_ERR_INVALID_ARG);
}

/* The allocator given is used for everything, and all of it comes back. */
static void test_event_allocator(void **state) {
    count_alloc ca;
    clickup_allocator al;
    clickup_webhook_event *e = NULL;
    (void)state;
    memset(&ca, 0, sizeof ca);
    al = ca_allocator(&ca);
    assert_int_equal(clickup_webhook_event_parse(STATUS_EVENT, strlen(STATUS_EVENT), &al, &e), CLICKUP_OK);
    assert_true(ca.calls > 0);
    clickup_webhook_event_free(e);
    assert_int_equal(ca.blocks, 0);
    assert_int_equal(clickup_webhook_event_parse("[1]", 3, &al, &e), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(ca.blocks, 0);
}

/* One table: every name maps to its type and back, with the right kind. */
static void test_event_names(void **state) {
    static const char *const names[] = {
        "taskCreated", "taskUpdated", "taskDeleted", "taskPriorityUpdated", "taskStatusUpdated",
        "taskAssigneeUpdated", "taskDueDateUpdated", "taskTagUpdated", "taskMoved", "taskCommentPosted",
        "taskCommentUpdated", "taskTimeEstimateUpdated", "taskTimeTrackedUpdated", "listCreated", "listUpdated",
        "listDeleted", "folderCreated", "folderUpdated", "folderDeleted", "spaceCreated", "spaceUpdated",
        "spaceDeleted", "goalCreated", "goalUpdated", "goalDeleted", "keyResultCreated", "keyResultUpdated",
        "keyResultDeleted"
    };
    int i;
    (void)state;
    assert_int_equal(sizeof names / sizeof names[0], 28);
    for (i = 0; i < 28; i++) {
        clickup_webhook_event_type t = (clickup_webhook_event_type)(i + 1);
        clickup_webhook_event_kind k = i < 13 ? CLICKUP_EVENT_KIND_TASK : i < 16 ? CLICKUP_EVENT_KIND_LIST
                                     : i < 19 ? CLICKUP_EVENT_KIND_FOLDER : i < 22 ? CLICKUP_EVENT_KIND_SPACE
                                     : i < 25 ? CLICKUP_EVENT_KIND_GOAL : CLICKUP_EVENT_KIND_KEY_RESULT;
        assert_string_equal(clickup_webhook_event_name(t), names[i]);
        assert_int_equal(clickup_webhook_event_type_of(names[i]), t);
        assert_int_equal(clickup_webhook_event_kind_of(t), k);
    }
    assert_int_equal(CLICKUP_EVENT_KEY_RESULT_DELETED, 28);
    assert_int_equal(CLICKUP_EVENT_TASK_MOVED, 9);
    assert_null(clickup_webhook_event_name(CLICKUP_EVENT_UNKNOWN));
    assert_null(clickup_webhook_event_name((clickup_webhook_event_type)29));
    assert_null(clickup_webhook_event_name((clickup_webhook_event_type)-1));
    assert_int_equal(clickup_webhook_event_type_of("TaskCreated"), CLICKUP_EVENT_UNKNOWN);
    assert_int_equal(clickup_webhook_event_type_of("taskCreatedX"), CLICKUP_EVENT_UNKNOWN);
    assert_int_equal(clickup_webhook_event_type_of(""), CLICKUP_EVENT_UNKNOWN);
    assert_int_equal(clickup_webhook_event_type_of(NULL), CLICKUP_EVENT_UNKNOWN);
    assert_int_equal(clickup_webhook_event_type_of("*"), CLICKUP_EVENT_UNKNOWN);
    assert_int_equal(clickup_webhook_event_kind_of(CLICKUP_EVENT_UNKNOWN), CLICKUP_EVENT_KIND_UNKNOWN);
    assert_int_equal(clickup_webhook_event_kind_of((clickup_webhook_event_type)1000), CLICKUP_EVENT_KIND_UNKNOWN);
}

/* ---- de-duplication ----------------------------------------------------------------------- */
static clickup_webhook_event *make_event(const char *webhook_id, const char *const *item_ids, size_t n) {
    char body[4096];
    size_t used, i;
    clickup_webhook_event *e = NULL;
    used = (size_t)snprintf(body, sizeof body, "{\"event\":\"taskUpdated\",\"task_id\":\"t1\",\"webhook_id\":\"%s\","
                            "\"history_items\":[", webhook_id);
    for (i = 0; i < n; i++)
        used += (size_t)snprintf(body + used, sizeof body - used, "%s{\"id\":\"%s\",\"type\":1}", i ? "," : "", item_ids[i]);
    snprintf(body + used, sizeof body - used, "]}");
    assert_int_equal(clickup_webhook_event_parse(body, strlen(body), NULL, &e), CLICKUP_OK);
    return e;
}

static void test_dedup_redelivery(void **state) {
    clickup_webhook_dedup *d = NULL;
    clickup_webhook_event *e, *again, *other_hook, *partly;
    const char *ids[2] = { "2800787326823854125", "2800787326823854126" };
    const char *more[3] = { "2800787326823854125", "2800787326823854126", "2800787326823854127" };
    (void)state;
    assert_int_equal(clickup_webhook_dedup_create(100, NULL, &d), CLICKUP_OK);
    assert_int_equal(clickup_webhook_event_parse(STATUS_EVENT, strlen(STATUS_EVENT), NULL, &e), CLICKUP_OK);
    assert_int_equal(clickup_webhook_event_parse(STATUS_EVENT, strlen(STATUS_EVENT), NULL, &again), CLICKUP_OK);
    assert_int_equal(clickup_webhook_dedup_seen(d, e), 0);        /* first delivery */
    assert_int_equal(clickup_webhook_dedup_seen(d, again), 1);    /* the same delivery again */
    assert_int_equal(clickup_webhook_dedup_seen(d, e), 1);
    other_hook = make_event("another-webhook", ids, 2);           /* the same change, another webhook */
    assert_int_equal(clickup_webhook_dedup_seen(d, other_hook), 0);
    assert_int_equal(clickup_webhook_dedup_seen(d, other_hook), 1);
    partly = make_event(WH_ID, more, 3);                          /* one new item: not a redelivery */
    assert_int_equal(clickup_webhook_dedup_seen(d, partly), 0);
    assert_int_equal(clickup_webhook_dedup_seen(d, partly), 1);
    /* NULLs: 0 (process it) */
    assert_int_equal(clickup_webhook_dedup_seen(NULL, e), 0);
    assert_int_equal(clickup_webhook_dedup_seen(d, NULL), 0);
    clickup_webhook_event_free(e);
    clickup_webhook_event_free(again);
    clickup_webhook_event_free(other_hook);
    clickup_webhook_event_free(partly);
    clickup_webhook_dedup_destroy(d);
    clickup_webhook_dedup_destroy(NULL);
    assert_int_equal(clickup_webhook_dedup_create(0, NULL, &d), CLICKUP_ERR_INVALID_ARG);
    assert_null(d);
    assert_int_equal(clickup_webhook_dedup_create(10, NULL, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_webhook_dedup_create(SIZE_MAX, NULL, &d), CLICKUP_ERR_NOMEM);
    assert_null(d);
}

/* Events that carry no item ids are never called redeliveries: nothing tells them apart. */
static void test_dedup_events_without_items(void **state) {
    static const char space[] = "{\"event\":\"spaceUpdated\",\"space_id\":\"7002367\",\"webhook_id\":\"" WH_ID "\"}";
    static const char no_id[] = "{\"event\":\"taskUpdated\",\"webhook_id\":\"w\",\"history_items\":[{\"type\":1}]}";
    clickup_webhook_dedup *d = NULL;
    clickup_webhook_event *e = NULL, *f = NULL;
    (void)state;
    assert_int_equal(clickup_webhook_dedup_create(4, NULL, &d), CLICKUP_OK);
    assert_int_equal(clickup_webhook_event_parse(space, strlen(space), NULL, &e), CLICKUP_OK);
    assert_int_equal(clickup_webhook_event_parse(no_id, strlen(no_id), NULL, &f), CLICKUP_OK);
    assert_int_equal(clickup_webhook_dedup_seen(d, e), 0);
    assert_int_equal(clickup_webhook_dedup_seen(d, e), 0);
    assert_int_equal(clickup_webhook_dedup_seen(d, f), 0);
    assert_int_equal(clickup_webhook_dedup_seen(d, f), 0);
    assert_int_equal(d->count, 0);                                /* nothing recorded */
    clickup_webhook_event_free(e);
    clickup_webhook_event_free(f);
    clickup_webhook_dedup_destroy(d);
}

/* Bounded: after capacity + 1 new pairs the first is forgotten, the others are not. */
static void test_dedup_capacity_bound(void **state) {
    clickup_webhook_dedup *d = NULL;
    clickup_webhook_event *ev[6];
    char ids[6][40];
    int i;
    (void)state;
    assert_int_equal(clickup_webhook_dedup_create(5, NULL, &d), CLICKUP_OK);
    for (i = 0; i < 6; i++) {
        const char *one[1];
        snprintf(ids[i], sizeof ids[i], "10000000000000000%02d", i);
        one[0] = ids[i];
        ev[i] = make_event(WH_ID, one, 1);
    }
    for (i = 0; i < 5; i++) assert_int_equal(clickup_webhook_dedup_seen(d, ev[i]), 0);
    for (i = 0; i < 5; i++) assert_int_equal(clickup_webhook_dedup_seen(d, ev[i]), 1);   /* all 5 remembered */
    assert_int_equal(clickup_webhook_dedup_seen(d, ev[5]), 0);                            /* the 6th: the 1st goes */
    assert_int_equal(d->count, 5);
    for (i = 1; i < 6; i++) assert_int_equal(clickup_webhook_dedup_seen(d, ev[i]), 1);
    assert_int_equal(clickup_webhook_dedup_seen(d, ev[0]), 0);                            /* forgotten: looks new */
    assert_int_equal(clickup_webhook_dedup_seen(d, ev[1]), 0);                            /* ... which pushed out the 2nd */
    for (i = 0; i < 6; i++) clickup_webhook_event_free(ev[i]);
    clickup_webhook_dedup_destroy(d);
}

/* Many keys through a small set: what the ring holds is exactly what the set finds (the
   backward-shift deletion keeps every probe chain whole). */
static void test_dedup_churn(void **state) {
    clickup_webhook_dedup *d = NULL;
    count_alloc ca;
    clickup_allocator al;
    size_t cap = 97, i, n = under_valgrind() ? 20000 : 100000, j;
    (void)state;
    memset(&ca, 0, sizeof ca);
    al = ca_allocator(&ca);
    assert_int_equal(clickup_webhook_dedup_create(cap, &al, &d), CLICKUP_OK);
    assert_true(ca.outstanding <= sizeof *d + cap * 8 + 256 * 8);   /* fixed at creation */
    for (i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "%lu", (unsigned long)(i * 7919u));
        clickup__dedup_add(d, clickup__dedup_key("w", "taskUpdated", id));
        if (i % 997 == 0 || i + 1 == n) {
            size_t live = 0;
            for (j = 0; j <= d->mask; j++) live += d->set[j] != 0;
            assert_int_equal(live, d->count);
            for (j = 0; j < d->count; j++) assert_true(clickup__dedup_has(d, d->ring[j]));
            for (j = i + 1 > cap ? i + 1 - cap : 0; j <= i; j++) {   /* the last cap ids are found */
                snprintf(id, sizeof id, "%lu", (unsigned long)(j * 7919u));
                assert_true(clickup__dedup_has(d, clickup__dedup_key("w", "taskUpdated", id)));
            }
            if (i >= cap) {                                           /* the one before them is not */
                snprintf(id, sizeof id, "%lu", (unsigned long)((i - cap) * 7919u));
                assert_false(clickup__dedup_has(d, clickup__dedup_key("w", "taskUpdated", id)));
            }
        }
    }
    clickup_webhook_dedup_destroy(d);
    assert_int_equal(ca.blocks, 0);
    /* (webhook, event, item) is a triple: "ab"+"c" and "a"+"bc" are different keys, and the
       same item in two events (taskCreated and its taskStatusUpdated) is two keys */
    assert_true(clickup__dedup_key("ab", "e", "c") != clickup__dedup_key("a", "e", "bc"));
    assert_true(clickup__dedup_key("w", "taskCreated", "1") != clickup__dedup_key("w", "taskStatusUpdated", "1"));
}

/* ---- cache drops by event ----------------------------------------------------------------- */
#define TASK_BODY(id, list) \
    "{\"id\":\"" id "\",\"name\":\"T\",\"status\":{\"status\":\"to do\",\"orderindex\":0,\"type\":\"open\"}," \
    "\"list\":{\"id\":\"" list "\"},\"url\":\"https://app.clickup.com/t/" id "\"}"
static const char PAGE_2100[] = "{\"tasks\":[" TASK_BODY("86abc123", "2100") "],\"last_page\":true}";
static const char PAGE_2200[] = "{\"tasks\":[" TASK_BODY("86abc999", "2200") "],\"last_page\":true}";
static const char LISTS_300[] = "{\"lists\":[{\"id\":\"2100\",\"name\":\"L\",\"task_count\":1}]}";
static const char SPACES[] = "{\"spaces\":[{\"id\":\"790\",\"name\":\"S\"}]}";
static const char GOAL[] = "{\"goal\":{\"id\":\"g1\"}}";

/* Answers by URL (the world records every exchange as usual). */
static clickup_transport_status routed(void *u, const clickup_http_request *rq, clickup_http_response *r) {
    clickup_transport_status ts = w_transport(u, rq, r);
    const char *b = NULL;
    if (strstr(rq->url, "/list/2100/task")) b = PAGE_2100;
    else if (strstr(rq->url, "/list/2200/task")) b = PAGE_2200;
    else if (strstr(rq->url, "/folder/300/list")) b = LISTS_300;
    else if (strstr(rq->url, "/team/9001/space")) b = SPACES;
    else if (strstr(rq->url, "/goal/g1")) b = GOAL;
    if (b) { r->body = b; r->body_len = strlen(b); }
    return ts;
}

static clickup_client *routed_client(world *w) {
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_config_init(&cfg);
    cfg.token = TOKEN; cfg.team_id = "9001";
    cfg.transport = routed; cfg.transport_user = w;
    cfg.hooks.now_ms = w_now; cfg.hooks.wall_ms = w_wall; cfg.hooks.sleep_ms = w_sleep; cfg.hooks.random_u64 = w_rand;
    cfg.hooks.user = w;
    cfg.log = capture_log; cfg.log_level = CLICKUP_LOG_DEBUG;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    return c;
}

/* How many exchanges so far went to a URL containing `part`. */
static int sent_to(const world *w, const char *part) {
    int i, n = 0;
    for (i = 0; i < w->seen && i < MAX_SEEN; i++) n += strstr(w->url[i], part) != NULL;
    return n;
}

/* Read everything once; each read that reached the transport counts in w->url. */
static void read_all(clickup_client *c) {
    clickup_task_query q;
    clickup_tasks *t = NULL;
    clickup_lists *l = NULL;
    clickup_spaces *s = NULL;
    clickup_response *r = NULL;
    clickup_request rq;
    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    assert_int_equal(clickup_tasks_get(c, &q, &t), CLICKUP_OK);
    assert_int_equal(t->count, 1);
    clickup_tasks_free(t);
    q.list_id = "2200";
    assert_int_equal(clickup_tasks_get(c, &q, &t), CLICKUP_OK);
    clickup_tasks_free(t);
    assert_int_equal(clickup_lists_get(c, "300", NULL, NULL, &l), CLICKUP_OK);
    assert_int_equal(l->count, 1);
    clickup_lists_free(l);
    assert_int_equal(clickup_spaces_get(c, NULL, &s), CLICKUP_OK);
    assert_int_equal(s->count, 1);
    clickup_spaces_free(s);
    memset(&rq, 0, sizeof rq);
    rq.method = "GET"; rq.path = "/goal/g1"; rq.flags = CLICKUP_CACHE;    /* cached at the caller's request */
    assert_int_equal(clickup_call(c, &rq, &r), CLICKUP_OK);
    clickup_response_free(r);
}

static void apply(clickup_client *c, const char *body) {
    clickup_webhook_event *e = NULL;
    assert_int_equal(clickup_webhook_event_parse(body, strlen(body), NULL, &e), CLICKUP_OK);
    assert_int_equal(clickup_cache_apply_event(c, e), CLICKUP_OK);
    clickup_webhook_event_free(e);
}

typedef struct counts { int t2100, t2200, lists, spaces, goal; } counts;
static counts count_all(const world *w) {
    counts k;
    k.t2100 = sent_to(w, "/list/2100/task"); k.t2200 = sent_to(w, "/list/2200/task");
    k.lists = sent_to(w, "/folder/300/list"); k.spaces = sent_to(w, "/team/9001/space"); k.goal = sent_to(w, "/goal/g1");
    return k;
}
#define assert_counts(w, a, b, l, s, g) do { counts k_ = count_all(w); \
    if (k_.t2100 != (a) || k_.t2200 != (b) || k_.lists != (l) || k_.spaces != (s) || k_.goal != (g)) \
        fail_msg("fetches: list 2100 tasks %d (want %d), list 2200 tasks %d (%d), lists %d (%d), spaces %d (%d), goal %d (%d)", \
                 k_.t2100, (a), k_.t2200, (b), k_.lists, (l), k_.spaces, (s), k_.goal, (g)); } while (0)

static void test_cache_task_event(void **state) {
    world *w = (world *)*state;
    clickup_client *c = routed_client(w);
    read_all(c);
    assert_counts(w, 1, 1, 1, 1, 1);
    read_all(c);                                         /* everything from the cache */
    assert_counts(w, 1, 1, 1, 1, 1);
    /* taskUpdated, as ClickUp sends it (task_id only): every task page, the hierarchy (task
       counts), what the caller cached; the spaces stay */
    apply(c, "{\"event\":\"taskUpdated\",\"task_id\":\"86abc123\",\"webhook_id\":\"" WH_ID "\","
             "\"history_items\":[{\"id\":\"1\",\"field\":\"name\"}]}");
    read_all(c);
    assert_counts(w, 2, 2, 2, 1, 2);
    /* a priority change: task pages only, the hierarchy stays */
    apply(c, "{\"event\":\"taskPriorityUpdated\",\"task_id\":\"86abc123\",\"webhook_id\":\"w\"}");
    read_all(c);
    assert_counts(w, 3, 3, 2, 1, 3);
    /* a task event naming its list: only that list's pages among the list pages */
    apply(c, "{\"event\":\"taskTagUpdated\",\"task_id\":\"86abc123\",\"list_id\":\"2100\",\"webhook_id\":\"w\"}");
    read_all(c);
    assert_counts(w, 4, 3, 2, 1, 4);
    /* ... but not for taskMoved, which leaves one list for another */
    apply(c, "{\"event\":\"taskMoved\",\"task_id\":\"86abc123\",\"list_id\":\"2100\",\"webhook_id\":\"w\"}");
    read_all(c);
    assert_counts(w, 5, 4, 3, 1, 5);
    /* a list_id that is not an id narrows nothing */
    apply(c, "{\"event\":\"taskTagUpdated\",\"task_id\":\"x\",\"list_id\":\"2100/task?page=0\",\"webhook_id\":\"w\"}");
    read_all(c);
    assert_counts(w, 6, 5, 3, 1, 6);
    assert_non_null(strstr(logbuf, "cache: a taskTagUpdated event dropped"));
    clickup_client_destroy(c);
}

static void test_cache_hierarchy_and_space_events(void **state) {
    world *w = (world *)*state;
    clickup_client *c = routed_client(w);
    read_all(c);
    assert_counts(w, 1, 1, 1, 1, 1);
    /* spaceUpdated: the spaces and the hierarchy; task pages stay */
    apply(c, "{\"event\":\"spaceUpdated\",\"space_id\":\"790\",\"webhook_id\":\"" WH_ID "\"}");
    read_all(c);
    assert_counts(w, 1, 1, 2, 2, 2);
    /* spaceCreated: the spaces only */
    apply(c, "{\"event\":\"spaceCreated\",\"space_id\":\"791\",\"webhook_id\":\"w\"}");
    read_all(c);
    assert_counts(w, 1, 1, 2, 3, 3);
    /* listCreated: the hierarchy */
    apply(c, "{\"event\":\"listCreated\",\"list_id\":\"2300\",\"webhook_id\":\"w\"}");
    read_all(c);
    assert_counts(w, 1, 1, 3, 3, 4);
    /* listUpdated: the hierarchy and that list's pages */
    apply(c, "{\"event\":\"listUpdated\",\"list_id\":\"2200\",\"webhook_id\":\"w\"}");
    read_all(c);
    assert_counts(w, 1, 2, 4, 3, 5);
    /* folderDeleted: the hierarchy and every task page */
    apply(c, "{\"event\":\"folderDeleted\",\"folder_id\":\"300\",\"webhook_id\":\"w\"}");
    read_all(c);
    assert_counts(w, 2, 3, 5, 3, 6);
    /* a goal: only what the caller cached */
    apply(c, "{\"event\":\"goalUpdated\",\"goal_id\":\"g1\",\"webhook_id\":\"w\"}");
    read_all(c);
    assert_counts(w, 2, 3, 5, 3, 7);
    /* spaceDeleted: everything */
    apply(c, "{\"event\":\"spaceDeleted\",\"space_id\":\"790\",\"webhook_id\":\"w\"}");
    read_all(c);
    assert_counts(w, 3, 4, 6, 4, 8);
    /* an event clickup.h does not know: everything */
    apply(c, "{\"event\":\"somethingNew\",\"webhook_id\":\"w\"}");
    read_all(c);
    assert_counts(w, 4, 5, 7, 5, 9);
    assert_int_equal(clickup_cache_apply_event(NULL, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_cache_apply_event(c, NULL), CLICKUP_ERR_INVALID_ARG);
    clickup_client_destroy(c);
}

/* ---- managing webhooks -------------------------------------------------------------------- */
#define HOOK_SECRET "O94IM25S7PXBPYTMNXLLET230SRP0S89COR7B1YOJ2ZIE8WQNK5UUKEF26W0Z5GA"
#define HOOK_OBJ(secret_member) \
    "{\"id\":\"4b67ac88-e506-4a29-9d42-26e504e3435e\",\"userid\":183,\"team_id\":108," \
    "\"endpoint\":\"https://example.com/hook\",\"client_id\":\"QVOQP06ZXC6CMGVFKB0ZT7J9Y7APOYGO\"," \
    "\"events\":[\"taskCreated\",\"taskUpdated\"],\"task_id\":null,\"list_id\":\"901\",\"folder_id\":null," \
    "\"space_id\":null,\"health\":{\"status\":\"active\",\"fail_count\":0}" secret_member "}"
static const char CREATED[] = "{\"id\":\"4b67ac88-e506-4a29-9d42-26e504e3435e\",\"webhook\":"
                              HOOK_OBJ(",\"secret\":\"" HOOK_SECRET "\"") "}";
#define API "https://api.clickup.com/api/v2"

/* The secret appears nowhere the library writes: log lines (captured at DEBUG) and every
   text field of the last error. */
static void assert_secret_unsaid(clickup_client *c) {
    const clickup_error *e = clickup_last_error(c);
    assert_null(strstr(logbuf, HOOK_SECRET));
    assert_null(strstr(logbuf, "O94IM25S7PXB"));
    assert_null(strstr(e->message, "O94IM25S7PXB"));
    assert_null(strstr(e->api_message, "O94IM25S7PXB"));
    assert_null(strstr(e->curl_error, "O94IM25S7PXB"));
    assert_null(strstr(e->path, "O94IM25S7PXB"));
    assert_null(strstr(e->ecode, "O94IM25S7PXB"));
    /* and the client's copy of the answer is overwritten */
    if (c->body) assert_false(contains(c->body, c->body_cap, "O94IM25S7PXB"));
}

static void test_webhook_create(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    const char *events[2] = { "taskCreated", "taskUpdated" };
    clickup_webhook_new nw;
    clickup_webhook *h = NULL;
    memset(&nw, 0, sizeof nw);
    nw.endpoint = "https://example.com/hook";
    nw.events = events; nw.event_count = 2;
    nw.list_id = "901";
    push(w, CLICKUP_TRANSPORT_OK, 200, CREATED);
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_OK);
    assert_int_equal(w->seen, 1);
    assert_string_equal(w->method[0], "POST");
    assert_string_equal(w->url[0], API "/team/9001/webhook");
    assert_string_equal(w->body[0], "{\"endpoint\":\"https://example.com/hook\",\"events\":[\"taskCreated\",\"taskUpdated\"],"
                                    "\"list_id\":901}");
    assert_string_equal(h->id, "4b67ac88-e506-4a29-9d42-26e504e3435e");
    assert_int_equal(h->userid, 183);
    assert_string_equal(h->team_id, "108");
    assert_string_equal(h->endpoint, "https://example.com/hook");
    assert_string_equal(h->client_id, "QVOQP06ZXC6CMGVFKB0ZT7J9Y7APOYGO");
    assert_int_equal(h->event_count, 2);
    assert_string_equal(h->events[0], "taskCreated");
    assert_string_equal(h->events[1], "taskUpdated");
    assert_string_equal(h->list_id, "901");
    assert_null(h->task_id); assert_null(h->folder_id); assert_null(h->space_id);
    assert_string_equal(h->health.status, "active");
    assert_int_equal(h->health.fail_count, 0);
    assert_string_equal(h->secret, HOOK_SECRET);
    assert_secret_unsaid(c);
    clickup_webhook_free(h);
    clickup_webhook_free(NULL);
    clickup_client_destroy(c);
}

/* The body: ids as numbers when they are plain digits, as strings otherwise; task ids always
   strings; "*"; no location with whole_workspace. */
static void test_webhook_create_bodies(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    const char *all[1] = { "*" }, *odd[2] = { "taskCreated", "brandNewEvent" };
    clickup_webhook_new nw;
    clickup_webhook *h = NULL;
    int i;
    for (i = 0; i < 6; i++) push(w, CLICKUP_TRANSPORT_OK, 200, CREATED);
    memset(&nw, 0, sizeof nw);
    nw.endpoint = "https://example.com/hook"; nw.events = all; nw.event_count = 1;
    nw.space_id = "7002367";
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_OK); clickup_webhook_free(h);
    nw.space_id = NULL; nw.folder_id = "007";
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_OK); clickup_webhook_free(h);
    nw.folder_id = NULL; nw.list_id = "abc-1";
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_OK); clickup_webhook_free(h);
    nw.list_id = NULL; nw.task_id = "123";
    nw.events = odd; nw.event_count = 2;
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_OK); clickup_webhook_free(h);
    nw.task_id = NULL; nw.whole_workspace = 1;
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_OK); clickup_webhook_free(h);
    nw.list_id = "99999999999999999999";                /* beyond int64: a string */
    nw.whole_workspace = 0;
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_OK); clickup_webhook_free(h);
    assert_int_equal(w->seen, 6);
    assert_string_equal(w->body[0], "{\"endpoint\":\"https://example.com/hook\",\"events\":[\"*\"],\"space_id\":7002367}");
    assert_string_equal(w->body[1], "{\"endpoint\":\"https://example.com/hook\",\"events\":[\"*\"],\"folder_id\":\"007\"}");
    assert_string_equal(w->body[2], "{\"endpoint\":\"https://example.com/hook\",\"events\":[\"*\"],\"list_id\":\"abc-1\"}");
    assert_string_equal(w->body[3], "{\"endpoint\":\"https://example.com/hook\",\"events\":[\"taskCreated\",\"brandNewEvent\"],"
                                    "\"task_id\":\"123\"}");
    assert_string_equal(w->body[4], "{\"endpoint\":\"https://example.com/hook\",\"events\":[\"taskCreated\",\"brandNewEvent\"]}");
    assert_string_equal(w->body[5], "{\"endpoint\":\"https://example.com/hook\",\"events\":[\"taskCreated\",\"brandNewEvent\"],"
                                    "\"list_id\":\"99999999999999999999\"}");
    clickup_client_destroy(c);
}

/* A POST that creates goes once: a 500 after sending is OUTCOME_UNKNOWN, not a retry. */
static void test_webhook_create_500_once(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    const char *events[1] = { "*" };
    clickup_webhook_new nw;
    clickup_webhook *h = (clickup_webhook *)(uintptr_t)1;
    memset(&nw, 0, sizeof nw);
    nw.endpoint = "https://example.com/hook"; nw.events = events; nw.event_count = 1; nw.list_id = "901";
    push(w, CLICKUP_TRANSPORT_OK, 500, "{\"err\":\"Internal error\",\"ECODE\":\"WH_500\"}");
    push(w, CLICKUP_TRANSPORT_OK, 200, CREATED);        /* a retry would get this */
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_null(h);
    assert_int_equal(w->seen, 1);
    assert_string_equal(w->method[0], "POST");
    assert_int_equal(clickup_last_error(c)->attempts, 1);
    /* a lost answer: the same */
    w->nscript = w->next = 0; w->seen = 0;
    push(w, CLICKUP_TRANSPORT_RECV_FAILED, 0, NULL);
    push(w, CLICKUP_TRANSPORT_OK, 200, CREATED);
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(w->seen, 1);
    /* refused before acting (429): sent again, as for every route */
    w->nscript = w->next = 0; w->seen = 0;
    push(w, CLICKUP_TRANSPORT_OK, 429, "{\"err\":\"Rate limit\",\"ECODE\":\"APP_002\"}")->retry_after = "1";
    push(w, CLICKUP_TRANSPORT_OK, 200, CREATED);
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_OK);
    assert_int_equal(w->seen, 2);
    clickup_webhook_free(h);
    assert_secret_unsaid(c);
    clickup_client_destroy(c);
}

/* An answer that cannot be read after a 2xx: the webhook exists, so OUTCOME_UNKNOWN; and the
   secret it holds does not reach the message or the log. */
static void test_webhook_create_unreadable_answer(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    const char *events[1] = { "*" };
    clickup_webhook_new nw;
    clickup_webhook *h = NULL;
    memset(&nw, 0, sizeof nw);
    nw.endpoint = "https://example.com/hook"; nw.events = events; nw.event_count = 1; nw.list_id = "901";
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"webhook\":{\"secret\":\"" HOOK_SECRET "\"");     /* cut short */
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"webhook\":{\"secret\":\"" HOOK_SECRET "\"}}");   /* no id */
    push(w, CLICKUP_TRANSPORT_OK, 200, "[\"" HOOK_SECRET "\"]");                            /* not an object */
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_secret_unsaid(c);
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_non_null(strstr(clickup_last_error(c)->message, "webhook.id"));
    assert_secret_unsaid(c);
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_secret_unsaid(c);
    assert_null(h);
    assert_int_equal(w->seen, 3);
    clickup_client_destroy(c);
}

/* Every block the library frees is searched for the secret first: none may hold it.
   Blocks are filled when handed out, so the search reads defined bytes only (valgrind). */
typedef struct scan_alloc { count_alloc ca; int leaked; } scan_alloc;
static void *sa_malloc(void *u, size_t n) {
    void *p = ca_malloc(&((scan_alloc *)u)->ca, n);
    if (p) memset(p, 0xa5, n);
    return p;
}
static void *sa_realloc(void *u, void *p, size_t o, size_t n) {
    scan_alloc *sa = (scan_alloc *)u;
    size_t real = 0;
    unsigned char *np;
    if (p) {   /* realloc may move the block and free the old one without wiping: check it too */
        memcpy(&real, (unsigned char *)p - FW_ALLOC_HDR, sizeof real);
        if (contains(p, real, "O94IM25S7PXB")) sa->leaked++;
    }
    np = (unsigned char *)ca_realloc(&sa->ca, p, o, n);
    if (np && n > real) memset(np + real, 0xa5, n - real);
    return np;
}
static void sa_free(void *u, void *p) {
    scan_alloc *sa = (scan_alloc *)u;
    if (p) {
        size_t real;
        memcpy(&real, (unsigned char *)p - FW_ALLOC_HDR, sizeof real);
        if (contains(p, real, "O94IM25S7PXB")) sa->leaked++;
    }
    ca_free(&sa->ca, p);
}

static void test_webhook_secret_memory_is_wiped(void **state) {
    world *w = (world *)*state;
    scan_alloc sa;
    clickup_allocator al;
    clickup_config cfg;
    clickup_client *c;
    const char *events[1] = { "*" };
    clickup_webhook_new nw;
    clickup_webhook *h = NULL;
    clickup_webhooks *all = NULL;
    static const char LISTED[] = "{\"webhooks\":[" HOOK_OBJ(",\"secret\":\"" HOOK_SECRET "\"") "]}";
    memset(&sa, 0, sizeof sa);
    al.malloc_fn = sa_malloc; al.realloc_fn = sa_realloc; al.free_fn = sa_free; al.user = &sa;
    clickup_config_init(&cfg);
    cfg.allocator = &al;
    c = make_client(w, &cfg);
    memset(&nw, 0, sizeof nw);
    nw.endpoint = "https://example.com/hook"; nw.events = events; nw.event_count = 1; nw.list_id = "901";
    push(w, CLICKUP_TRANSPORT_OK, 200, CREATED);
    push(w, CLICKUP_TRANSPORT_OK, 200, LISTED);
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"webhook\":{\"secret\":\"" HOOK_SECRET "\"}}");   /* fails to decode */
    push(w, CLICKUP_TRANSPORT_OK, 200, CREATED);                                            /* update, out NULL */
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_OK);
    assert_string_equal(h->secret, HOOK_SECRET);
    clickup_webhook_free(h);
    assert_int_equal(clickup_webhooks_get(c, &all), CLICKUP_OK);
    assert_string_equal(all->items[0].secret, HOOK_SECRET);
    assert_int_equal(clickup_webhook_create(c, &nw, &h), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_null(h);
    {
        clickup_webhook_changes ch;
        memset(&ch, 0, sizeof ch);
        ch.status = "active";
        assert_int_equal(clickup_webhook_update(c, "4b67ac88-e506-4a29-9d42-26e504e3435e", &ch, NULL), CLICKUP_OK);
    }
    clickup_webhooks_free(all);
    clickup_client_destroy(c);
    assert_int_equal(sa.ca.blocks, 0);
    assert_int_equal(sa.leaked, 0);
}

static void test_webhooks_get(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_webhooks *all = NULL;
    static const char LISTED[] =
        "{\"webhooks\":[" HOOK_OBJ("") ",{\"id\":\"w2\",\"userid\":\"184\",\"team_id\":\"108\",\"endpoint\":\"https://b\","
        "\"events\":\"*\",\"space_id\":7002367,\"health\":{\"status\":\"suspended\",\"fail_count\":\"100\"},\"extra\":1}]}";
    push(w, CLICKUP_TRANSPORT_OK, 200, LISTED);
    assert_int_equal(clickup_webhooks_get(c, &all), CLICKUP_OK);
    assert_int_equal(w->seen, 1);
    assert_string_equal(w->method[0], "GET");
    assert_string_equal(w->url[0], API "/team/9001/webhook");
    assert_int_equal(all->count, 2);
    assert_string_equal(all->items[0].id, "4b67ac88-e506-4a29-9d42-26e504e3435e");
    assert_null(all->items[0].secret);                  /* not in this answer: NULL */
    assert_int_equal(all->items[0].event_count, 2);
    assert_string_equal(all->items[1].id, "w2");
    assert_int_equal(all->items[1].userid, 184);
    assert_int_equal(all->items[1].event_count, 1);      /* "*" as a string */
    assert_string_equal(all->items[1].events[0], "*");
    assert_string_equal(all->items[1].space_id, "7002367");
    assert_string_equal(all->items[1].health.status, "suspended");
    assert_int_equal(all->items[1].health.fail_count, 100);
    assert_string_equal(all->items[1].client_id, "");
    assert_true(clickup_json_is(all->raw, CLICKUP_JSON_OBJECT));
    clickup_webhooks_free(all);
    /* never cached: a second read goes out */
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"webhooks\":[]}");
    assert_int_equal(clickup_webhooks_get(c, &all), CLICKUP_OK);
    assert_int_equal(w->seen, 2);
    assert_int_equal(all->count, 0);
    clickup_webhooks_free(all);
    /* a body without "webhooks": a bad response (a read: no outcome doubt) */
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"hooks\":[]}");
    assert_int_equal(clickup_webhooks_get(c, &all), CLICKUP_ERR_BAD_RESPONSE);
    assert_null(all);
    assert_int_equal(clickup_webhooks_get(c, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_webhooks_get(NULL, &all), CLICKUP_ERR_INVALID_ARG);
    clickup_client_destroy(c);
}

static void test_webhook_update_and_delete(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    const char *all[1] = { "*" }, *two[2] = { "taskCreated", "listCreated" };
    clickup_webhook_changes ch;
    clickup_webhook *h = NULL;
    memset(&ch, 0, sizeof ch);
    ch.endpoint = "https://example.com/new"; ch.events = all; ch.event_count = 1; ch.status = "active";
    push(w, CLICKUP_TRANSPORT_OK, 200, CREATED);
    assert_int_equal(clickup_webhook_update(c, "4b67ac88-e506-4a29-9d42-26e504e3435e", &ch, &h), CLICKUP_OK);
    assert_string_equal(w->method[0], "PUT");
    assert_string_equal(w->url[0], API "/webhook/4b67ac88-e506-4a29-9d42-26e504e3435e");
    assert_string_equal(w->body[0], "{\"endpoint\":\"https://example.com/new\",\"events\":\"*\",\"status\":\"active\"}");
    assert_string_equal(h->id, "4b67ac88-e506-4a29-9d42-26e504e3435e");
    clickup_webhook_free(h);
    /* names as an array; only what is set; out may be NULL; a PUT is retried on a 500 */
    memset(&ch, 0, sizeof ch);
    ch.events = two; ch.event_count = 2;
    push(w, CLICKUP_TRANSPORT_OK, 500, "{\"err\":\"oops\"}");
    push(w, CLICKUP_TRANSPORT_OK, 200, CREATED);
    assert_int_equal(clickup_webhook_update(c, "wh1", &ch, NULL), CLICKUP_OK);
    assert_int_equal(w->seen, 3);
    assert_string_equal(w->body[1], "{\"events\":[\"taskCreated\",\"listCreated\"]}");
    assert_string_equal(w->body[2], w->body[1]);
    /* delete */
    push(w, CLICKUP_TRANSPORT_OK, 200, "{}");
    assert_int_equal(clickup_webhook_delete(c, "4b67ac88-e506-4a29-9d42-26e504e3435e"), CLICKUP_OK);
    assert_int_equal(w->seen, 4);
    assert_string_equal(w->method[3], "DELETE");
    assert_string_equal(w->url[3], API "/webhook/4b67ac88-e506-4a29-9d42-26e504e3435e");
    assert_string_equal(w->body[3], "");
    /* delete of an unknown webhook */
    push(w, CLICKUP_TRANSPORT_OK, 404, "{\"err\":\"Webhook not found\",\"ECODE\":\"WH_404\"}");
    assert_int_equal(clickup_webhook_delete(c, "gone"), CLICKUP_ERR_NOT_FOUND);
    /* an empty answer to a delete is fine too */
    push(w, CLICKUP_TRANSPORT_OK, 200, "");
    assert_int_equal(clickup_webhook_delete(c, "wh2"), CLICKUP_OK);
    clickup_client_destroy(c);
}

/* Bad input is refused before anything is sent. */
static void test_webhook_bad_input(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    const char *events[1] = { "taskCreated" }, *empty_name[2] = { "taskCreated", "" }, *ctl[1] = { "task\nCreated" };
    const char *null_name[1] = { NULL };
    clickup_webhook_new nw, base;
    clickup_webhook_changes ch;
    clickup_webhook *h = (clickup_webhook *)(uintptr_t)1;
    memset(&base, 0, sizeof base);
    base.endpoint = "https://example.com/hook"; base.events = events; base.event_count = 1; base.list_id = "901";
#define REFUSED(call) do { assert_int_equal((call), CLICKUP_ERR_INVALID_ARG); \
        assert_int_equal(clickup_last_error(c)->code, CLICKUP_ERR_INVALID_ARG); \
        assert_non_null(strstr(clickup_last_error(c)->message, "nothing was sent")); } while (0)
    nw = base; nw.list_id = NULL;                                   /* no location */
    REFUSED(clickup_webhook_create(c, &nw, &h));
    assert_null(h);
    assert_non_null(strstr(clickup_last_error(c)->message, "location is required"));
    nw = base; nw.space_id = "7002367";                             /* two locations */
    REFUSED(clickup_webhook_create(c, &nw, &h));
    assert_non_null(strstr(clickup_last_error(c)->message, "one location only"));
    nw = base; nw.whole_workspace = 1;                              /* a location and the workspace */
    REFUSED(clickup_webhook_create(c, &nw, &h));
    nw = base; nw.endpoint = "";                                    /* empty endpoint */
    REFUSED(clickup_webhook_create(c, &nw, &h));
    nw = base; nw.endpoint = NULL;
    REFUSED(clickup_webhook_create(c, &nw, &h));
    nw = base; nw.endpoint = "https://example.com/\r\nX-Evil: 1";
    REFUSED(clickup_webhook_create(c, &nw, &h));
    nw = base; nw.endpoint = "https://example.com/\xff";            /* not UTF-8 */
    REFUSED(clickup_webhook_create(c, &nw, &h));
    nw = base; nw.events = NULL; nw.event_count = 0;                /* no events */
    REFUSED(clickup_webhook_create(c, &nw, &h));
    nw = base; nw.events = NULL; nw.event_count = 1;
    REFUSED(clickup_webhook_create(c, &nw, &h));
    nw = base; nw.events = empty_name; nw.event_count = 2;          /* an empty name */
    REFUSED(clickup_webhook_create(c, &nw, &h));
    nw = base; nw.events = null_name; nw.event_count = 1;
    REFUSED(clickup_webhook_create(c, &nw, &h));
    nw = base; nw.events = ctl; nw.event_count = 1;
    REFUSED(clickup_webhook_create(c, &nw, &h));
    nw = base; nw.list_id = "9/../1";                               /* not an id */
    REFUSED(clickup_webhook_create(c, &nw, &h));
    nw = base; nw.list_id = "";
    REFUSED(clickup_webhook_create(c, &nw, &h));
    REFUSED(clickup_webhook_create(c, NULL, &h));
    assert_int_equal(clickup_webhook_create(c, &base, NULL), CLICKUP_ERR_INVALID_ARG);   /* the secret needs a home */
    assert_int_equal(clickup_webhook_create(NULL, &base, &h), CLICKUP_ERR_INVALID_ARG);
    memset(&ch, 0, sizeof ch);
    REFUSED(clickup_webhook_update(c, "wh1", &ch, NULL));           /* nothing to change */
    REFUSED(clickup_webhook_update(c, "wh1", NULL, NULL));
    ch.status = "";
    REFUSED(clickup_webhook_update(c, "wh1", &ch, NULL));
    ch.status = NULL; ch.endpoint = "";
    REFUSED(clickup_webhook_update(c, "wh1", &ch, NULL));
    ch.endpoint = NULL; ch.events = empty_name; ch.event_count = 2;
    REFUSED(clickup_webhook_update(c, "wh1", &ch, NULL));
    ch.events = events; ch.event_count = 1;
    REFUSED(clickup_webhook_update(c, "wh/1", &ch, NULL));
    REFUSED(clickup_webhook_update(c, NULL, &ch, NULL));
    REFUSED(clickup_webhook_delete(c, ""));
    REFUSED(clickup_webhook_delete(c, "../team"));
    REFUSED(clickup_webhook_delete(c, NULL));
    assert_int_equal(clickup_webhook_delete(NULL, "wh1"), CLICKUP_ERR_INVALID_ARG);
#undef REFUSED
    assert_int_equal(w->seen, 0);
    clickup_client_destroy(c);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_fips_vectors),
        cmocka_unit_test(test_sha256_streaming_odd_chunks),
        cmocka_unit_test(test_sha256_misuse_and_length_limit),
        cmocka_unit_test(test_hmac_rfc4231),
        cmocka_unit_test(test_hmac_matches_openssl),
        cmocka_unit_test(test_verify_accepts_the_right_signature),
        cmocka_unit_test(test_verify_malformed_signatures),
        cmocka_unit_test(test_verify_wrong_signature),
        cmocka_unit_test(test_verify_rotation),
        cmocka_unit_test(test_verify_raw_bytes_not_reserialised),
        cmocka_unit_test(test_event_task_status_updated),
        cmocka_unit_test(test_event_list_created),
        cmocka_unit_test(test_event_unknown_and_lenient),
        cmocka_unit_test(test_event_errors),
        cmocka_unit_test(test_event_allocator),
        cmocka_unit_test(test_event_names),
        cmocka_unit_test(test_dedup_redelivery),
        cmocka_unit_test(test_dedup_events_without_items),
        cmocka_unit_test(test_dedup_capacity_bound),
        cmocka_unit_test(test_dedup_churn),
        cmocka_unit_test_setup_teardown(test_cache_task_event, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cache_hierarchy_and_space_events, setup, teardown),
        cmocka_unit_test_setup_teardown(test_webhook_create, setup, teardown),
        cmocka_unit_test_setup_teardown(test_webhook_create_bodies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_webhook_create_500_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_webhook_create_unreadable_answer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_webhook_secret_memory_is_wiped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_webhooks_get, setup, teardown),
        cmocka_unit_test_setup_teardown(test_webhook_update_and_delete, setup, teardown),
        cmocka_unit_test_setup_teardown(test_webhook_bad_input, setup, teardown),
    };
    if (argc > 1) cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests_name("webhooks", tests, NULL, NULL);
}
