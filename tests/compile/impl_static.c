/* CLICKUP_STATIC: every function static. Unused statics must not warn. */
#define CLICKUP_STATIC
#define CLICKUP_IMPLEMENTATION
#include "../../clickup.h"
int impl_static_probe(void);
int impl_static_probe(void) { return clickup_strerror(CLICKUP_OK)[0] != 0; }
