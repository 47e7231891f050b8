#include "domain/filters.h"

#include <algorithm>
#include <cctype>

namespace emulator::domain {

bool MatchesAny(const std::vector<std::string>& values, const std::string& value) {
  return values.empty() || std::find(values.begin(), values.end(), value) != values.end();
}

bool ContainsIgnoringCase(const std::string& haystack, const std::string& needle) {
  const auto lower = [](unsigned char c) { return std::tolower(c); };
  const auto found = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                                 [&](char left, char right) { return lower(left) == lower(right); });
  return found != haystack.end() || needle.empty();
}

bool MatchesTags(const std::vector<Tag>& tags, const std::vector<std::string>& keys,
                 const std::vector<std::string>& values) {
  const auto any_tag = [&](auto&& predicate) {
    return std::any_of(tags.begin(), tags.end(), predicate);
  };
  if (!keys.empty() && !any_tag([&](const Tag& tag) { return MatchesAny(keys, tag.name); })) {
    return false;
  }
  if (!values.empty() && !any_tag([&](const Tag& tag) { return MatchesAny(values, tag.value); })) {
    return false;
  }
  return true;
}

}  // namespace emulator::domain
