// The functions of CLanes are inline, in include/CLanes.h; SwiftPM needs a source file per C target.
#include "CLanes.h"
