/* libFuzzer: the event decoder, dedup and cache drops on arbitrary bodies; verify on arbitrary
   signatures. */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "clickup.h"
static clickup_webhook_dedup *g_d;
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    clickup_webhook_event *e = NULL;
    const char *secrets[2] = { "k1", "another key" };
    char sig[80];
    size_t m, n = size < 79 ? size : 79;
    if (!g_d && clickup_webhook_dedup_create(64, NULL, &g_d) != CLICKUP_OK) return 0;
    memcpy(sig, data, n); sig[n] = '\0';
    (void)clickup_webhook_verify((const char *)data, size, sig, secrets, 2, &m);
    if (clickup_webhook_event_parse((const char *)data, size, NULL, &e) == CLICKUP_OK) {
        size_t i;
        (void)clickup_webhook_dedup_seen(g_d, e);
        (void)clickup_webhook_dedup_seen(g_d, e);
        for (i = 0; i < e->history_item_count; i++) {
            const clickup_webhook_history_item *h = &e->history_items[i];
            if (h->id) (void)strlen(h->id);
            if (h->field) (void)strlen(h->field);
            (void)strlen(h->user.username);
        }
        if (e->webhook_id) (void)strlen(e->webhook_id);
        (void)strlen(e->event);
        (void)clickup_webhook_event_kind_of(e->type);
    }
    clickup_webhook_event_free(e);
    return 0;
}
