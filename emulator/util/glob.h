#ifndef EMULATOR_UTIL_GLOB_H_
#define EMULATOR_UTIL_GLOB_H_

#include <string>

namespace emulator::util {

// True when `text` matches `pattern` as a whole, where `*` matches any run of
// characters (including none) and `?` any one character. Linear in practice
// and never recursive, so hostile patterns cannot exhaust the stack.
bool GlobMatches(const std::string& pattern, const std::string& text);

}  // namespace emulator::util

#endif  // EMULATOR_UTIL_GLOB_H_
