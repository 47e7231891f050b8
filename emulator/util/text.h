#ifndef EMULATOR_UTIL_TEXT_H_
#define EMULATOR_UTIL_TEXT_H_

// ASCII case helpers for protocol tokens (header names, schemes, methods).
// They leave bytes outside A-Z alone, so UTF-8 text passes through unchanged.

#include <string>

namespace emulator::util {

std::string ToLowerAscii(std::string text);
bool EqualsIgnoringCase(const std::string& left, const std::string& right);

// Appends `key` (escaped as RFC 6901 requires) or `index` to a JSON pointer.
std::string AppendToPointer(const std::string& pointer, const std::string& key);
std::string AppendToPointer(const std::string& pointer, size_t index);

}  // namespace emulator::util

#endif  // EMULATOR_UTIL_TEXT_H_
