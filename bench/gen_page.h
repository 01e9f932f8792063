/* gen_page.h - deterministic generator of ClickUp-like task pages, for benches and tests.

   Writes one page of GET /list/{id}/task as the API sends it: compact
   {"tasks":[...],"last_page":false}, every task with the 39 top-level fields of a ClickUp v2
   task (clickup-api.md section 1.3). The payload follows reliability-and-performance.md section 1.2:
     - ids like "86a1b2c3d" (unique per page_index/task), dates as ms-epoch digit strings,
       status{} with an integer orderindex, the task orderindex as a string;
     - creator{}, assignees[], watchers[] with integer ids; checklists[] with items[];
       tags[]; priority{} or null; list/project/folder/space refs, url, sharing{};
     - 8 custom_fields of mixed value types (drop_down, short_text, currency, checkbox, date,
       users, labels, number); some have no "value" key at all (unset fields);
     - `description` is ASCII-escaped (\uXXXX, surrogate pairs, \n, \t, \", \\, \u0001),
       while names, text_content and field values carry raw UTF-8 (CJK, Hangul, Greek, emoji);
     - maximum container depth 8.
   100 tasks with the default seed come to about 709 KB.

   Everything is static inline (no unused-function warnings) and C++-clean, so any bench or
   test can include it:

       size_t len;
       char *page = gen_page(GEN_PAGE_DEFAULT_SEED, 100, 0, &len);   // malloc'd, NUL-terminated
       ...
       free(page);

   Same (seed, ntasks, page_index) -> same bytes, on every platform (own xorshift PRNG, no
   floating point formatting, no locale). Returns NULL on allocation failure or ntasks < 0. */
#ifndef GEN_PAGE_H
#define GEN_PAGE_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define GEN_PAGE_DEFAULT_SEED 20240611u

/* ---- PRNG: xorshift64*, seeded through splitmix64 ------------------------------------- */
typedef struct gen_page_rng { uint64_t s; } gen_page_rng;

static inline uint64_t gen_page_mix64(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

static inline uint64_t gen_page_next(gen_page_rng *r)
{
    uint64_t x = r->s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    r->s = x;
    return x * 0x2545F4914F6CDD1Dull;
}

/* uniform-ish in [0, n) (n small: the modulo bias is irrelevant here) */
static inline unsigned gen_page_below(gen_page_rng *r, unsigned n)
{
    return n ? (unsigned)((gen_page_next(r) >> 33) % n) : 0u;
}

/* 1 with probability pct/100 */
static inline int gen_page_chance(gen_page_rng *r, unsigned pct)
{
    return gen_page_below(r, 100) < pct;
}

/* ---- growable output buffer ------------------------------------------------------------ */
typedef struct gen_page_buf { char *p; size_t len, cap; int oom; } gen_page_buf;

static inline void gen_page_put(gen_page_buf *b, const char *s, size_t n)
{
    if (b->oom) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        char *np;
        while (cap < b->len + n + 1) cap *= 2;
        np = (char *)realloc(b->p, cap);
        if (!np) { b->oom = 1; return; }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static inline void gen_page_s(gen_page_buf *b, const char *s) { gen_page_put(b, s, strlen(s)); }

static inline void gen_page_u64(gen_page_buf *b, uint64_t v)
{
    char tmp[24];
    int i = (int)sizeof tmp;
    do { tmp[--i] = (char)('0' + (int)(v % 10)); v /= 10; } while (v);
    gen_page_put(b, tmp + i, sizeof tmp - (size_t)i);
}

static inline void gen_page_i64(gen_page_buf *b, int64_t v)
{
    if (v < 0) { gen_page_put(b, "-", 1); gen_page_u64(b, (uint64_t)0 - (uint64_t)v); }
    else gen_page_u64(b, (uint64_t)v);
}

/* "123" (digit string, as ClickUp sends dates and ids) */
static inline void gen_page_qu64(gen_page_buf *b, uint64_t v)
{
    gen_page_put(b, "\"", 1);
    gen_page_u64(b, v);
    gen_page_put(b, "\"", 1);
}

/* fixed-point decimal: v / 10^decimals, e.g. (125050, 2) -> 1250.50; no floating point */
static inline void gen_page_fixed(gen_page_buf *b, int64_t v, int decimals)
{
    uint64_t m = 1, a;
    char frac[20];
    int i;
    for (i = 0; i < decimals; i++) m *= 10;
    if (v < 0) { gen_page_put(b, "-", 1); a = (uint64_t)0 - (uint64_t)v; }
    else a = (uint64_t)v;
    gen_page_u64(b, a / m);
    if (decimals > 0) {
        uint64_t f = a % m;
        for (i = decimals - 1; i >= 0; i--) { frac[i] = (char)('0' + (int)(f % 10)); f /= 10; }
        gen_page_put(b, ".", 1);
        gen_page_put(b, frac, (size_t)decimals);
    }
}

static inline void gen_page_hex4(gen_page_buf *b, unsigned u)
{
    static const char hx[] = "0123456789abcdef";
    char e[6];
    e[0] = '\\'; e[1] = 'u';
    e[2] = hx[(u >> 12) & 15]; e[3] = hx[(u >> 8) & 15]; e[4] = hx[(u >> 4) & 15]; e[5] = hx[u & 15];
    gen_page_put(b, e, 6);
}

/* Append the JSON string content of UTF-8 text `s` (no quotes). Always escapes ", \ and
   control characters; with ascii != 0 also every non-ASCII code point, as \uXXXX or a
   surrogate pair (Python's json.dumps default). `s` is trusted, valid UTF-8. */
static inline void gen_page_esc(gen_page_buf *b, const char *s, int ascii)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *run = p;
    while (*p) {
        unsigned c = *p;
        if (c >= 0x20 && c != '"' && c != '\\' && (c < 0x80 || !ascii)) { p++; continue; }
        gen_page_put(b, (const char *)run, (size_t)(p - run));
        if (c < 0x80) {
            switch (c) {
            case '"':  gen_page_put(b, "\\\"", 2); break;
            case '\\': gen_page_put(b, "\\\\", 2); break;
            case '\n': gen_page_put(b, "\\n", 2); break;
            case '\t': gen_page_put(b, "\\t", 2); break;
            case '\r': gen_page_put(b, "\\r", 2); break;
            case '\b': gen_page_put(b, "\\b", 2); break;
            case '\f': gen_page_put(b, "\\f", 2); break;
            default:   gen_page_hex4(b, c); break;
            }
            p++;
        } else {
            unsigned cp; int n;
            if (c >= 0xF0)      { cp = c & 0x07; n = 3; }
            else if (c >= 0xE0) { cp = c & 0x0F; n = 2; }
            else                { cp = c & 0x1F; n = 1; }
            p++;
            while (n-- > 0 && *p) cp = (cp << 6) | (*p++ & 0x3Fu);
            if (cp >= 0x10000) {
                cp -= 0x10000;
                gen_page_hex4(b, 0xD800u + (cp >> 10));
                gen_page_hex4(b, 0xDC00u + (cp & 0x3FFu));
            } else {
                gen_page_hex4(b, cp);
            }
        }
        run = p;
    }
    gen_page_put(b, (const char *)run, (size_t)(p - run));
}

/* "text" with raw UTF-8 */
static inline void gen_page_str(gen_page_buf *b, const char *s)
{
    gen_page_put(b, "\"", 1);
    gen_page_esc(b, s, 0);
    gen_page_put(b, "\"", 1);
}

/* ,"key": */
static inline void gen_page_key(gen_page_buf *b, const char *k, int first)
{
    if (!first) gen_page_put(b, ",", 1);
    gen_page_put(b, "\"", 1);
    gen_page_s(b, k);
    gen_page_put(b, "\":", 2);
}

/* a UUID-shaped id, deterministic from (a, b) */
static inline void gen_page_uuid(gen_page_buf *b, uint64_t a, uint64_t c)
{
    static const char hx[] = "0123456789abcdef";
    char u[38];
    uint64_t h1 = gen_page_mix64(a * 0x100000001B3ull ^ c), h2 = gen_page_mix64(h1 ^ c ^ 0x5bd1e995u);
    int i, j = 1;
    u[0] = '"';
    for (i = 0; i < 32; i++) {
        uint64_t h = i < 16 ? h1 : h2;
        if (i == 8 || i == 12 || i == 16 || i == 20) u[j++] = '-';
        u[j++] = i == 12 ? '4' : hx[(h >> ((i & 15) * 4)) & 15];
    }
    u[j++] = '"';
    gen_page_put(b, u, (size_t)j);
}

/* ---- data pools ------------------------------------------------------------------------ */
typedef struct gen_page_user {
    uint64_t id; const char *username, *color, *initials, *email; int has_picture;
} gen_page_user;

static inline const gen_page_user *gen_page_users(void)
{
    static const gen_page_user u[12] = {
        { 81942673u, "Alice Martin", "#7b68ee", "AM", "alice.martin@example.com", 1 },
        { 81942674u, "Bob Okafor", "#e65100", "BO", "bob.okafor@example.com", 0 },
        { 81942675u, "田中 太郎", "#0ab1bf", "田太", "taro.tanaka@example.jp", 1 },
        { 81942676u, "김민준", "#ff7fab", "김", "minjun.kim@example.kr", 1 },
        { 81942677u, "Γιώργος Παπαδόπουλος", "#1b5e20", "ΓΠ", "giorgos.p@example.gr", 0 },
        { 81942678u, "Zoë Müller-Lüdenscheidt", "#795548", "ZM", "zoe.mueller@example.de", 1 },
        { 81942679u, "王芳", "#f9d900", "王芳", "wang.fang@example.cn", 1 },
        { 81942680u, "Priya Raghunathan", "#6a1b9a", "PR", "priya.r@example.in", 0 },
        { 81942681u, "José Álvarez", "#3397dd", "JÁ", "jose.alvarez@example.es", 1 },
        { 81942682u, "Chris \"CJ\" Jones", "#ee5e99", "CJ", "cj@example.com", 1 },
        { 81942683u, "Олег Смирнов", "#5f55ee", "ОС", "oleg.smirnov@example.ru", 0 },
        { 81942684u, "Sam 🦊 Fox", "#4194f6", "SF", "sam.fox@example.com", 1 }
    };
    return u;
}

static inline const char *gen_page_pick(gen_page_rng *r, const char *const *pool, unsigned n)
{
    return pool[gen_page_below(r, n)];
}

static inline void gen_page_user_obj(gen_page_buf *b, const gen_page_user *u, int full)
{
    gen_page_key(b, "id", 1);          gen_page_u64(b, u->id);
    gen_page_key(b, "username", 0);    gen_page_str(b, u->username);
    gen_page_key(b, "color", 0);       gen_page_str(b, u->color);
    if (full) { gen_page_key(b, "initials", 0); gen_page_str(b, u->initials); }
    gen_page_key(b, "email", 0);       gen_page_str(b, u->email);
    gen_page_key(b, "profilePicture", 0);
    if (u->has_picture) {
        gen_page_s(b, "\"https://attachments.clickup.com/profilePictures/");
        gen_page_u64(b, u->id);
        gen_page_s(b, "_Xq7.jpg\"");
    } else {
        gen_page_s(b, "null");
    }
}

/* array of distinct users; returns nothing, picks k of the 12 */
static inline void gen_page_user_array(gen_page_buf *b, gen_page_rng *r, unsigned k)
{
    const gen_page_user *u = gen_page_users();
    unsigned start = gen_page_below(r, 12), i;
    gen_page_put(b, "[", 1);
    for (i = 0; i < k && i < 12; i++) {
        if (i) gen_page_put(b, ",", 1);
        gen_page_put(b, "{", 1);
        gen_page_user_obj(b, &u[(start + i * 5) % 12], 1);
        gen_page_put(b, "}", 1);
    }
    gen_page_put(b, "]", 1);
}

/* Plain text of a task: sentences in several scripts, joined with newlines / tabs. */
static inline void gen_page_text(gen_page_buf *t, gen_page_rng *r, unsigned nsent, int ctrl)
{
    static const char *const sent[] = {
        "Reproduce the \"login\" redirect loop on Safari 17 and capture the HAR file.",
        "The build writes to C:\\build\\out on Windows runners; see logs\\ci-42.txt.",
        "ログイン画面のリダイレクトを修正し、セッションの有効期限を確認する。",
        "배포 전에 캐시를 비우고 마이그레이션 스크립트를 실행해야 합니다.",
        "Ελέγξτε τα δικαιώματα πρόσβασης πριν από την επόμενη έκδοση.",
        "Ship it 🚀 after QA signs off 🎉 — then update the changelog ✅.",
        "修复支付页面的超时问题，并为重试逻辑添加单元测试。",
        "Acceptance: p95 latency under 250 ms for GET /v2/task/{id} at 100 req/min.",
        "Customer quote: «the export button does nothing» (ticket #48213).",
        "Résumé of the café offsite: naïve caching caused stale rows in 3 reports.",
        "Steps: 1) open the list view 2) filter by tag \"backend\" 3) sort by due date.",
        "Owner is on leave until next sprint; reassign if blocked for more than 2 days.",
        "API response sample: {\"id\": \"86a1b2c3d\", \"status\": \"open\"} looks truncated.",
        "Needs design review 👀 with the mobile team before we touch the navigation.",
        "Регрессия в отчёте о времени: суммы не совпадают с экспортом CSV.",
        "Links: https://docs.example.com/runbook#rollback and https://status.example.com"
    };
    unsigned i;
    for (i = 0; i < nsent; i++) {
        if (i) gen_page_s(t, gen_page_chance(r, 25) ? "\n\n" : (gen_page_chance(r, 15) ? "\n\t- " : " "));
        gen_page_s(t, gen_page_pick(r, sent, (unsigned)(sizeof sent / sizeof sent[0])));
    }
    if (ctrl) gen_page_s(t, " \x01(pasted from a legacy tracker)");
}

/* ---- one task ---------------------------------------------------------------------------- */
typedef struct gen_page_ctx {
    gen_page_buf  *b;
    gen_page_rng  *r;
    uint64_t       seed;
    gen_page_buf   text;        /* scratch: plain text of the current task */
} gen_page_ctx;

/* 9-char ClickUp id "86xxxxxxx": base-36 of a bijection of the global index mod 36^7 */
static inline void gen_page_task_id(char out[10], uint64_t seed, uint64_t gidx)
{
    static const char b36[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    const uint64_t mod = 78364164096ull; /* 36^7 */
    uint64_t v = ((gidx * 2654435761ull) + (gen_page_mix64(seed) % mod)) % mod;
    int i;
    out[0] = '8'; out[1] = '6';
    for (i = 8; i >= 2; i--) { out[i] = b36[v % 36]; v /= 36; }
    out[9] = '\0';
}

static inline void gen_page_ref(gen_page_buf *b, const char *id)
{
    gen_page_put(b, "\"", 1); gen_page_s(b, id); gen_page_put(b, "\"", 1);
}

static inline void gen_page_custom_fields(gen_page_ctx *c, const char *task_id)
{
    static const char *const stages[] = { "Backlog", "Ready", "In review", "Blocked 🚧", "Done ✅" };
    static const char *const stage_colors[] = { "#7C4DFF", "#04A9F4", "#FF7800", "#e50000", "#2ecd6f" };
    static const char *const areas[] = { "Backend", "Frontend", "Infra / DevOps", "モバイル", "데이터" };
    static const char *const area_colors[] = { "#800000", "#0231E8", "#667684", "#AF7E2E", "#1bbc9c" };
    static const char *const notes[] = {
        "Waiting on vendor 回答", "Needs a \"go\" from legal", "Σημείωση: έλεγχος ασφαλείας",
        "검토 완료", "Split into two PRs", "Blocked by 86a0zz9x1 🔗"
    };
    gen_page_buf *b = c->b;
    gen_page_rng *r = c->r;
    uint64_t s = c->seed;
    const uint64_t created = 1690000000000ull;
    unsigned f, i;
    (void)task_id;
    gen_page_put(b, "[", 1);
    for (f = 0; f < 8; f++) {
        int has_value = !gen_page_chance(r, 20);
        if (f) gen_page_put(b, ",", 1);
        gen_page_put(b, "{", 1);
        gen_page_key(b, "id", 1); gen_page_uuid(b, s, 1000 + f);
        switch (f) {
        case 0: /* drop_down: value is the option orderindex (int) */
            gen_page_key(b, "name", 0); gen_page_str(b, "Stage");
            gen_page_key(b, "type", 0); gen_page_str(b, "drop_down");
            gen_page_key(b, "type_config", 0);
            gen_page_s(b, "{\"default\":0,\"placeholder\":null,\"new_drop_down\":true,\"options\":[");
            for (i = 0; i < 5; i++) {
                if (i) gen_page_put(b, ",", 1);
                gen_page_put(b, "{", 1);
                gen_page_key(b, "id", 1); gen_page_uuid(b, s, 2000 + i);
                gen_page_key(b, "name", 0); gen_page_str(b, stages[i]);
                gen_page_key(b, "color", 0); gen_page_str(b, stage_colors[i]);
                gen_page_key(b, "orderindex", 0); gen_page_u64(b, i);
                gen_page_put(b, "}", 1);
            }
            gen_page_s(b, "]}");
            break;
        case 1:
            gen_page_key(b, "name", 0); gen_page_str(b, "Notes");
            gen_page_key(b, "type", 0); gen_page_str(b, "short_text");
            gen_page_key(b, "type_config", 0); gen_page_s(b, "{}");
            break;
        case 2:
            gen_page_key(b, "name", 0); gen_page_str(b, "Budget (€)");
            gen_page_key(b, "type", 0); gen_page_str(b, "currency");
            gen_page_key(b, "type_config", 0);
            gen_page_s(b, "{\"precision\":2,\"currency_type\":\"EUR\",\"default\":null}");
            break;
        case 3:
            gen_page_key(b, "name", 0); gen_page_str(b, "Approved");
            gen_page_key(b, "type", 0); gen_page_str(b, "checkbox");
            gen_page_key(b, "type_config", 0); gen_page_s(b, "{}");
            break;
        case 4:
            gen_page_key(b, "name", 0); gen_page_str(b, "Review date");
            gen_page_key(b, "type", 0); gen_page_str(b, "date");
            gen_page_key(b, "type_config", 0); gen_page_s(b, "{}");
            break;
        case 5:
            gen_page_key(b, "name", 0); gen_page_str(b, "Reviewers");
            gen_page_key(b, "type", 0); gen_page_str(b, "users");
            gen_page_key(b, "type_config", 0);
            gen_page_s(b, "{\"single_user\":false,\"include_groups\":true,\"include_guests\":true,"
                          "\"include_team_members\":true}");
            break;
        case 6: /* labels */
            gen_page_key(b, "name", 0); gen_page_str(b, "Areas");
            gen_page_key(b, "type", 0); gen_page_str(b, "labels");
            gen_page_key(b, "type_config", 0); gen_page_s(b, "{\"options\":[");
            for (i = 0; i < 5; i++) {
                if (i) gen_page_put(b, ",", 1);
                gen_page_put(b, "{", 1);
                gen_page_key(b, "id", 1); gen_page_uuid(b, s, 3000 + i);
                gen_page_key(b, "label", 0); gen_page_str(b, areas[i]);
                gen_page_key(b, "color", 0); gen_page_str(b, area_colors[i]);
                gen_page_put(b, "}", 1);
            }
            gen_page_s(b, "]}");
            break;
        default:
            gen_page_key(b, "name", 0); gen_page_str(b, "Estimate (h)");
            gen_page_key(b, "type", 0); gen_page_str(b, "number");
            gen_page_key(b, "type_config", 0); gen_page_s(b, "{}");
            break;
        }
        gen_page_key(b, "date_created", 0); gen_page_qu64(b, created + f * 86400000ull);
        gen_page_key(b, "hide_from_guests", 0); gen_page_s(b, f == 2 ? "true" : "false");
        gen_page_key(b, "required", 0); gen_page_s(b, f == 0 ? "true" : "false");
        if (has_value) {
            gen_page_key(b, "value", 0);
            switch (f) {
            case 0: gen_page_u64(b, gen_page_below(r, 5)); break;
            case 1: gen_page_str(b, gen_page_pick(r, notes, 6)); break;
            case 2: gen_page_put(b, "\"", 1);
                    gen_page_fixed(b, (int64_t)gen_page_below(r, 5000000), 2);
                    gen_page_put(b, "\"", 1); break;
            case 3: gen_page_s(b, gen_page_chance(r, 50) ? "true" : "false"); break;
            case 4: if (gen_page_chance(r, 15)) gen_page_s(b, "null");
                    else gen_page_qu64(b, 1700000000000ull + (uint64_t)gen_page_below(r, 30000000) * 1000u);
                    break;
            case 5: gen_page_user_array(b, r, 1 + gen_page_below(r, 2)); break;
            case 6: {
                unsigned k = 1 + gen_page_below(r, 3), st = gen_page_below(r, 5);
                gen_page_put(b, "[", 1);
                for (i = 0; i < k; i++) {
                    if (i) gen_page_put(b, ",", 1);
                    gen_page_uuid(b, s, 3000 + (st + i) % 5);
                }
                gen_page_put(b, "]", 1);
                break;
            }
            default: {
                unsigned kind = gen_page_below(r, 4);
                if (kind == 0) gen_page_s(b, "null");
                else if (kind == 1) gen_page_u64(b, gen_page_below(r, 80));
                else if (kind == 2) gen_page_fixed(b, (int64_t)gen_page_below(r, 100000) - 2000, 3);
                else { gen_page_fixed(b, (int64_t)gen_page_below(r, 9999), 2); gen_page_s(b, "e1"); }
                break;
            }
            }
            if (f == 1) { gen_page_key(b, "value_richtext", 0); gen_page_s(b, "null"); }
        }
        gen_page_put(b, "}", 1);
    }
    gen_page_put(b, "]", 1);
}

static inline void gen_page_task(gen_page_ctx *c, uint64_t gidx, unsigned tix)
{
    static const char *const names[] = {
        "Fix OAuth token refresh", "ログインのリダイレクト修正", "배포 파이프라인 정리",
        "Αναβάθμιση βάσης δεδομένων", "Ship the new onboarding 🚀", "Rate limiter: honour Retry-After",
        "Export CSV with \"quoted\" fields", "优化搜索性能", "Write runbook for on-call",
        "Audit custom field usage", "Migrate webhooks to v2", "Dark mode polish 🌙"
    };
    static const char *const st_name[] = { "to do", "in progress", "review", "blocked", "complete" };
    static const char *const st_color[] = { "#d3d3d3", "#4194f6", "#a875ff", "#e50000", "#6bc950" };
    static const char *const st_type[] = { "open", "custom", "custom", "custom", "closed" };
    static const char *const pr_name[] = { "urgent", "high", "normal", "low" };
    static const char *const pr_color[] = { "#f50000", "#ffcc00", "#6fddff", "#d8d8d8" };
    static const char *const tags[] = { "backend", "frontend", "bug", "customer", "q3-okr", "tech-debt" };
    static const char *const tag_col[] = { "#800000", "#0231E8", "#e50000", "#7C4DFF", "#AF7E2E", "#667684" };
    static const char *const items[] = {
        "Write tests", "Update docs", "レビュー依頼", "QA 확인", "Deploy to staging 🧪",
        "Έλεγχος απόδοσης", "Notify \"#support\" channel"
    };
    gen_page_buf *b = c->b;
    gen_page_rng *r = c->r;
    const gen_page_user *users = gen_page_users();
    const gen_page_user *creator = &users[gen_page_below(r, 12)];
    char id[10], pid[10];
    uint64_t created = 1700000000000ull + gidx * 3600000ull + gen_page_below(r, 3600000);
    uint64_t updated = created + gen_page_below(r, 2000000000u);
    unsigned st = gen_page_below(r, 5), i, k;
    int closed = st == 4;
    const char *list_id = "901204567890", *folder_id = "90120987654", *space_id = "90120123456";

    gen_page_task_id(id, c->seed, gidx);
    gen_page_task_id(pid, c->seed, gidx + 7919);

    /* the task's plain text, once raw and once ASCII-escaped */
    c->text.len = 0;
    {   /* separate statements: argument evaluation order is unspecified */
        unsigned nsent = 3 + gen_page_below(r, 6);
        int ctrl = gen_page_chance(r, 30);
        gen_page_text(&c->text, r, nsent, ctrl);
    }
    if (c->text.oom) { b->oom = 1; return; }

    gen_page_put(b, "{", 1);
    gen_page_key(b, "id", 1);              gen_page_ref(b, id);
    gen_page_key(b, "custom_id", 0);       gen_page_s(b, "null");
    gen_page_key(b, "custom_item_id", 0);  gen_page_s(b, gen_page_chance(r, 10) ? "1" : "null");
    gen_page_key(b, "name", 0);            gen_page_str(b, names[(tix + gen_page_below(r, 12)) % 12]);
    gen_page_key(b, "text_content", 0);    gen_page_str(b, c->text.p ? c->text.p : "");
    gen_page_key(b, "description", 0);
    gen_page_put(b, "\"", 1); gen_page_esc(b, c->text.p ? c->text.p : "", 1); gen_page_put(b, "\"", 1);

    gen_page_key(b, "status", 0);
    gen_page_s(b, "{\"id\":\"sc901204567890_");
    gen_page_u64(b, 10000 + st * 1111); gen_page_s(b, "\",\"status\":");
    gen_page_str(b, st_name[st]);
    gen_page_s(b, ",\"color\":"); gen_page_str(b, st_color[st]);
    gen_page_s(b, ",\"orderindex\":"); gen_page_u64(b, st);
    gen_page_s(b, ",\"type\":"); gen_page_str(b, st_type[st]);
    gen_page_put(b, "}", 1);

    gen_page_key(b, "orderindex", 0);
    gen_page_put(b, "\"", 1); gen_page_u64(b, 1000 + gidx);
    gen_page_s(b, ".00000000000000000000000000000000\"");
    gen_page_key(b, "date_created", 0);    gen_page_qu64(b, created);
    gen_page_key(b, "date_updated", 0);    gen_page_qu64(b, updated);
    gen_page_key(b, "date_closed", 0);
    if (closed) gen_page_qu64(b, updated); else gen_page_s(b, "null");
    gen_page_key(b, "date_done", 0);
    if (closed) gen_page_qu64(b, updated); else gen_page_s(b, "null");
    gen_page_key(b, "archived", 0);        gen_page_s(b, "false");

    gen_page_key(b, "creator", 0);
    gen_page_put(b, "{", 1); gen_page_user_obj(b, creator, 0); gen_page_put(b, "}", 1);
    gen_page_key(b, "assignees", 0);       gen_page_user_array(b, r, gen_page_below(r, 3));
    gen_page_key(b, "group_assignees", 0); gen_page_s(b, "[]");
    gen_page_key(b, "watchers", 0);        gen_page_user_array(b, r, 1 + gen_page_below(r, 3));

    gen_page_key(b, "checklists", 0);
    gen_page_put(b, "[", 1);
    k = gen_page_below(r, 3);
    for (i = 0; i < k; i++) {
        unsigned n = 1 + gen_page_below(r, 2), j, resolved = 0;
        if (i) gen_page_put(b, ",", 1);
        gen_page_put(b, "{", 1);
        gen_page_key(b, "id", 1);          gen_page_uuid(b, gidx, 4000 + i);
        gen_page_key(b, "task_id", 0);     gen_page_ref(b, id);
        gen_page_key(b, "name", 0);        gen_page_str(b, i ? "Release" : "Checklist");
        gen_page_key(b, "date_created", 0); gen_page_qu64(b, created + 60000u * (i + 1));
        gen_page_key(b, "orderindex", 0);  gen_page_u64(b, i);
        gen_page_key(b, "creator", 0);     gen_page_u64(b, creator->id);
        gen_page_key(b, "items", 0);       gen_page_put(b, "[", 1);
        for (j = 0; j < n; j++) {
            int done = gen_page_chance(r, 40);
            resolved += (unsigned)done;
            if (j) gen_page_put(b, ",", 1);
            gen_page_put(b, "{", 1);
            gen_page_key(b, "id", 1);       gen_page_uuid(b, gidx, 5000 + i * 16 + j);
            gen_page_key(b, "name", 0);     gen_page_str(b, gen_page_pick(r, items, 7));
            gen_page_key(b, "orderindex", 0); gen_page_u64(b, j);
            gen_page_key(b, "assignee", 0);
            if (gen_page_chance(r, 35)) {
                gen_page_put(b, "{", 1);
                gen_page_user_obj(b, &users[gen_page_below(r, 12)], 1);
                gen_page_put(b, "}", 1);
            } else {
                gen_page_s(b, "null");
            }
            gen_page_key(b, "group_assignee", 0); gen_page_s(b, "null");
            gen_page_key(b, "resolved", 0); gen_page_s(b, done ? "true" : "false");
            gen_page_key(b, "parent", 0);   gen_page_s(b, "null");
            gen_page_key(b, "date_created", 0); gen_page_qu64(b, created + 120000u * (j + 1));
            gen_page_key(b, "start_date", 0); gen_page_s(b, "null");
            gen_page_key(b, "start_date_time", 0); gen_page_s(b, "false");
            gen_page_key(b, "due_date", 0); gen_page_s(b, "null");
            gen_page_key(b, "due_date_time", 0); gen_page_s(b, "false");
            gen_page_key(b, "sent_due_date_notif", 0); gen_page_s(b, "null");
            gen_page_key(b, "children", 0); gen_page_s(b, "[]");
            gen_page_put(b, "}", 1);
        }
        gen_page_put(b, "]", 1);
        gen_page_key(b, "resolved", 0);    gen_page_u64(b, resolved);
        gen_page_key(b, "unresolved", 0);  gen_page_u64(b, n - resolved);
        gen_page_put(b, "}", 1);
    }
    gen_page_put(b, "]", 1);

    gen_page_key(b, "tags", 0);
    gen_page_put(b, "[", 1);
    k = gen_page_below(r, 4);
    {
        unsigned t0 = gen_page_below(r, 6);
        for (i = 0; i < k; i++) {
            unsigned t = (t0 + i) % 6;
            if (i) gen_page_put(b, ",", 1);
            gen_page_put(b, "{", 1);
            gen_page_key(b, "name", 1);    gen_page_str(b, tags[t]);
            gen_page_key(b, "tag_fg", 0);  gen_page_str(b, tag_col[t]);
            gen_page_key(b, "tag_bg", 0);  gen_page_str(b, tag_col[t]);
            gen_page_key(b, "creator", 0); gen_page_u64(b, users[t].id);
            gen_page_put(b, "}", 1);
        }
    }
    gen_page_put(b, "]", 1);

    {
        int is_sub = gen_page_chance(r, 20);
        gen_page_key(b, "parent", 0);
        if (is_sub) gen_page_ref(b, pid); else gen_page_s(b, "null");
        gen_page_key(b, "top_level_parent", 0);
        if (is_sub) gen_page_ref(b, pid); else gen_page_s(b, "null");
    }
    gen_page_key(b, "priority", 0);
    if (gen_page_chance(r, 25)) {
        gen_page_s(b, "null");
    } else {
        unsigned p = gen_page_below(r, 4);
        gen_page_s(b, "{\"id\":\""); gen_page_u64(b, p + 1);
        gen_page_s(b, "\",\"priority\":"); gen_page_str(b, pr_name[p]);
        gen_page_s(b, ",\"color\":"); gen_page_str(b, pr_color[p]);
        gen_page_s(b, ",\"orderindex\":\""); gen_page_u64(b, p + 1);
        gen_page_s(b, "\"}");
    }
    gen_page_key(b, "due_date", 0);
    if (gen_page_chance(r, 60)) gen_page_qu64(b, created + 86400000ull * (1 + gen_page_below(r, 60)));
    else gen_page_s(b, "null");
    gen_page_key(b, "start_date", 0);
    if (gen_page_chance(r, 30)) gen_page_qu64(b, created + 3600000ull * gen_page_below(r, 48));
    else gen_page_s(b, "null");
    gen_page_key(b, "points", 0);
    switch (gen_page_below(r, 3)) {
    case 0: gen_page_s(b, "null"); break;
    case 1: gen_page_u64(b, 1 + gen_page_below(r, 13)); break;
    default: gen_page_fixed(b, 5 + 10 * (int64_t)gen_page_below(r, 8), 1); break;
    }
    gen_page_key(b, "time_estimate", 0);
    if (gen_page_chance(r, 50)) gen_page_s(b, "null");
    else gen_page_u64(b, 1800000ull * (1 + gen_page_below(r, 40)));
    gen_page_key(b, "time_spent", 0);
    if (gen_page_chance(r, 50)) gen_page_s(b, "0");
    else gen_page_u64(b, 60000ull * (1 + gen_page_below(r, 600)));

    gen_page_key(b, "custom_fields", 0);   gen_page_custom_fields(c, id);

    gen_page_key(b, "dependencies", 0);
    if (gen_page_chance(r, 25)) {
        gen_page_s(b, "[{\"task_id\":"); gen_page_ref(b, id);
        gen_page_s(b, ",\"depends_on\":"); gen_page_ref(b, pid);
        gen_page_s(b, ",\"type\":1,\"date_created\":"); gen_page_qu64(b, created + 5000);
        gen_page_s(b, ",\"userid\":"); gen_page_qu64(b, creator->id);
        gen_page_s(b, ",\"workspace_id\":\"9012345678\",\"chat_id\":null}]");
    } else {
        gen_page_s(b, "[]");
    }
    gen_page_key(b, "linked_tasks", 0);
    if (gen_page_chance(r, 15)) {
        gen_page_s(b, "[{\"task_id\":"); gen_page_ref(b, id);
        gen_page_s(b, ",\"link_id\":"); gen_page_ref(b, pid);
        gen_page_s(b, ",\"date_created\":"); gen_page_qu64(b, created + 9000);
        gen_page_s(b, ",\"userid\":"); gen_page_qu64(b, creator->id);
        gen_page_s(b, ",\"workspace_id\":\"9012345678\"}]");
    } else {
        gen_page_s(b, "[]");
    }
    gen_page_key(b, "locations", 0);
    if (gen_page_chance(r, 10)) gen_page_s(b, "[{\"id\":\"901204567999\",\"name\":\"Roadmap 2025 🗺️\"}]");
    else gen_page_s(b, "[]");
    gen_page_key(b, "team_id", 0);         gen_page_s(b, "\"9012345678\"");
    gen_page_key(b, "url", 0);
    gen_page_s(b, "\"https://app.clickup.com/t/"); gen_page_s(b, id); gen_page_put(b, "\"", 1);
    gen_page_key(b, "sharing", 0);
    gen_page_s(b, "{\"public\":false,\"public_share_expires_on\":null,\"public_fields\":[\"assignees\","
                  "\"priority\",\"due_date\",\"content\",\"comments\",\"attachments\",\"customFields\","
                  "\"subtasks\",\"tags\",\"checklists\",\"coverimage\"],\"token\":null,"
                  "\"seo_optimized\":false}");
    gen_page_key(b, "permission_level", 0); gen_page_s(b, "\"create\"");
    gen_page_key(b, "list", 0);
    gen_page_s(b, "{\"id\":\""); gen_page_s(b, list_id);
    gen_page_s(b, "\",\"name\":\"Sprint 42 — Платформа 🚀\",\"access\":true}");
    gen_page_key(b, "project", 0);
    gen_page_s(b, "{\"id\":\""); gen_page_s(b, folder_id);
    gen_page_s(b, "\",\"name\":\"Engineering 開発\",\"hidden\":false,\"access\":true}");
    gen_page_key(b, "folder", 0);
    gen_page_s(b, "{\"id\":\""); gen_page_s(b, folder_id);
    gen_page_s(b, "\",\"name\":\"Engineering 開発\",\"hidden\":false,\"access\":true}");
    gen_page_key(b, "space", 0);
    gen_page_s(b, "{\"id\":\""); gen_page_s(b, space_id); gen_page_s(b, "\"}");
    gen_page_put(b, "}", 1);
}

/* ---- public entry points ---------------------------------------------------------------- */

/* One page: tasks page_index*ntasks ... +ntasks-1 of the stream of `seed`, with the given
   last_page flag. Returns a malloc'd NUL-terminated buffer (free() it), *len its length. */
static inline char *gen_page_ex(unsigned seed, int ntasks, int page_index, int last_page, size_t *len)
{
    gen_page_buf b;
    gen_page_rng r;
    gen_page_ctx c;
    int i;
    if (len) *len = 0;
    if (ntasks < 0 || page_index < 0) return NULL;
    memset(&b, 0, sizeof b);
    memset(&c, 0, sizeof c);
    r.s = gen_page_mix64(((uint64_t)seed << 20) ^ (uint64_t)page_index) | 1u;
    c.b = &b;
    c.r = &r;
    c.seed = seed;
    gen_page_s(&b, "{\"tasks\":[");
    for (i = 0; i < ntasks && !b.oom; i++) {
        if (i) gen_page_put(&b, ",", 1);
        gen_page_task(&c, (uint64_t)page_index * (uint64_t)ntasks + (uint64_t)i, (unsigned)i);
    }
    gen_page_s(&b, last_page ? "],\"last_page\":true}" : "],\"last_page\":false}");
    free(c.text.p);
    if (b.oom) { free(b.p); return NULL; }
    if (len) *len = b.len;
    return b.p;
}

/* The bench page: {"tasks":[ntasks tasks],"last_page":false}. */
static inline char *gen_page(unsigned seed, int ntasks, int page_index, size_t *len)
{
    return gen_page_ex(seed, ntasks, page_index, 0, len);
}

#endif /* GEN_PAGE_H */
