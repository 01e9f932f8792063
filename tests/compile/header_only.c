/* The public section alone: no curl headers, strict C99. */
#include "../../clickup.h"
int header_only_version_major(void);
int header_only_version_major(void) { return CLICKUP_VERSION_MAJOR; }
