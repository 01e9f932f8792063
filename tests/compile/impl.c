/* The whole implementation as C99. */
#include <stdio.h>
#define CLICKUP_IMPLEMENTATION
#include "../../clickup.h"
#include "../../clickup.h" /* a second include is harmless */
