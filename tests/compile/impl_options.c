/* Every compile-time option at once: logging compiled out, the allocator macros replaced (all
   three, with their context argument), a custom assert, a smaller JSON depth limit. */
#include <stdlib.h>
static size_t options_allocs;
static void *opt_malloc(size_t n) { options_allocs++; return malloc(n); }
#define CLICKUP_MALLOC(ctx, sz) ((void)(ctx), opt_malloc(sz))
#define CLICKUP_REALLOC(ctx, p, oldsz, newsz) ((void)(ctx), (void)(oldsz), realloc((p), (newsz)))
#define CLICKUP_FREE(ctx, p) ((void)(ctx), free(p))
#define CLICKUP_ASSERT(x) ((void)(x))
#define CLICKUP_NO_LOG
#define CLICKUP_JSON_MAX_DEPTH 32
#define CLICKUP_IMPLEMENTATION
#include "../../clickup.h"
int main(void) {
    clickup_json_doc *doc = NULL;
    int ok = clickup_json_parse("[[1]]", 5, NULL, &doc, NULL) == CLICKUP_OK && options_allocs > 0;
    clickup_json_doc_free(doc);
    return ok ? 0 : 1;
}
