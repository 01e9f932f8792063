/* A program written against 0.1.0: an exhaustive switch over clickup_result without default.
   Under -Wswitch -Werror it must still compile with every later release (new result codes are
   constants outside the enum). */
#include "../../clickup.h"

int exit_code(clickup_result rc);
int exit_code(clickup_result rc) {
    switch (rc) {
    case CLICKUP_OK: return 0;
    case CLICKUP_ERR_INVALID_ARG: case CLICKUP_ERR_NOMEM: case CLICKUP_ERR_NETWORK: case CLICKUP_ERR_TIMEOUT:
    case CLICKUP_ERR_AUTH: case CLICKUP_ERR_NO_ACCESS: case CLICKUP_ERR_NOT_FOUND: case CLICKUP_ERR_VALIDATION:
    case CLICKUP_ERR_RATE_LIMITED: case CLICKUP_ERR_SERVER: case CLICKUP_ERR_OUTCOME_UNKNOWN:
    case CLICKUP_ERR_BAD_RESPONSE: case CLICKUP_ERR_TOO_LARGE: case CLICKUP_ERR_HTTP: case CLICKUP_ERR_JSON:
    case CLICKUP_ERR_CONFIG:
        return 1;
    }
    return 2;
}
