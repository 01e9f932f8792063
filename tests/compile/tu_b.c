/* Translation unit B: declarations only; links against A. */
#include <stdio.h>
#include <string.h>
#include "../../clickup.h"
int main(void) {
    clickup_json_doc *doc = NULL;
    if (clickup_json_parse("[1,2]", 5, NULL, &doc, NULL) != CLICKUP_OK) return 1;
    if (clickup_json_len(clickup_json_root(doc)) != 2) return 1;
    clickup_json_doc_free(doc);
    if (strcmp(clickup_version(), CLICKUP_VERSION_STRING) != 0) return 1;
    puts("two-TU link: ok");
    return 0;
}
