/* Translation unit A: holds the implementation. */
#define CLICKUP_IMPLEMENTATION
#include "../../clickup.h"
