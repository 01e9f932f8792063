/* A program written against 0.2.0: a limiter of its own as a version-1 table, initialized by
   position. Under -Wextra -Werror (-Wmissing-field-initializers) it must still compile with
   every later release: a later version of the table will be a larger struct that starts with
   this one, never new members of clickup_limiter_methods. */
#include "../../clickup.h"

static clickup_result my_acquire(void *self, uint64_t now_ms, uint64_t *wait_ms) {
    (void)self; (void)now_ms;
    *wait_ms = 0;
    return CLICKUP_OK;
}
static void my_observe(void *self, const clickup_rate_observation *obs) { (void)self; (void)obs; }
static void my_state(void *self, uint64_t now_ms, clickup_rate_state *out) {
    (void)self; (void)now_ms;
    out->window_ms = 60000;
}
static void my_destroy(void *self) { (void)self; }

static const clickup_limiter_methods table = {
    CLICKUP_LIMITER_METHODS_VERSION, my_acquire, my_observe, my_state, my_destroy
};

clickup_result make_limiter(void *budget, clickup_limiter **out);
clickup_result make_limiter(void *budget, clickup_limiter **out) {
    return clickup_limiter_create_custom(&table, budget, NULL, out);
}
