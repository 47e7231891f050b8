#ifndef EMULATOR_UTIL_URL_H_
#define EMULATOR_UTIL_URL_H_

#include <string>
#include <utility>
#include <vector>

namespace emulator::util {

// Decodes %XX escapes; with `plus_as_space`, also '+' as in query strings.
// Invalid escapes are kept as they are.
std::string PercentDecode(const std::string& text, bool plus_as_space);

// Splits a raw query string into decoded (key, value) pairs in order.
std::vector<std::pair<std::string, std::string>> ParseQuery(const std::string& raw_query);

}  // namespace emulator::util

#endif  // EMULATOR_UTIL_URL_H_
