// The whole implementation as C++.
#include <cstdio>
#define CLICKUP_IMPLEMENTATION
#include "../../clickup.h"
