#include "scenario/rule_matcher.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>

namespace emulator::scenario {
namespace {

using util::EqualsIgnoringCase;

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool OptionalEquals(const std::optional<std::string>& wanted, const std::string& actual) {
  return !wanted || *wanted == actual;
}

// Every wanted header must be present with that exact value; repeated
// headers match when any occurrence does.
bool HeadersMatch(const Headers& wanted, const Headers& actual) {
  for (const auto& [name, value] : wanted) {
    const bool found = std::any_of(actual.begin(), actual.end(), [&](const auto& header) {
      return EqualsIgnoringCase(header.first, name) && header.second == value;
    });
    if (!found) return false;
  }
  return true;
}

bool QueryMatches(const Headers& wanted, const Headers& actual) {
  for (const auto& entry : wanted) {
    if (std::find(actual.begin(), actual.end(), entry) == actual.end()) return false;
  }
  return true;
}

}  // namespace

bool RuleMatches(const Match& match, const RequestFacts& request) {
  if (!match.methods.empty() && !Contains(match.methods, request.method)) return false;
  if (!match.routes.empty() && !Contains(match.routes, request.route)) return false;
  if (!match.path_glob.empty() && !GlobMatches(match.path_glob, request.path)) return false;
  if (!OptionalEquals(match.artifact_id, request.artifact_id)) return false;
  if (!OptionalEquals(match.repository_id, request.repository_id)) return false;
  if (!OptionalEquals(match.build_id, request.build_id)) return false;
  if (!OptionalEquals(match.token, request.token)) return false;
  if (!OptionalEquals(match.username, request.username)) return false;
  if (!OptionalEquals(match.client_ip, request.client_ip)) return false;
  return HeadersMatch(match.headers, request.headers) && QueryMatches(match.query, request.query);
}

}  // namespace emulator::scenario
