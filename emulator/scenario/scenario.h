#ifndef EMULATOR_SCENARIO_SCENARIO_H_
#define EMULATOR_SCENARIO_SCENARIO_H_

// The parsed form of a scenario file, shared by the parser, the matcher and
// the engine. A Scenario is immutable once parsed. Everything that changes
// while requests arrive (counters, rate windows, random state) lives in the
// engine, so one Scenario may be shared by several engines.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/model.h"
#include "domain/timestamp.h"
#include "scenario/engine.h"

namespace emulator::scenario {

// Request conditions of a rule. Empty members match anything.
struct Match {
  std::vector<std::string> methods;  // upper case
  std::vector<std::string> routes;   // canonical templates without the API prefix
  std::string path_glob;             // `*` and `?` wildcards
  std::optional<std::string> artifact_id;
  std::optional<std::string> repository_id;
  std::optional<std::string> build_id;
  std::optional<std::string> token;
  std::optional<std::string> username;
  std::optional<std::string> client_ip;
  Headers headers;  // names lower case
  Headers query;
};

// A point in time, either absolute or counted from the scenario's load time.
struct TimePoint {
  bool relative = false;
  domain::Timestamp value = 0;  // microseconds since the epoch, or since load

  domain::Timestamp Resolve(domain::Timestamp loaded_at) const {
    return relative ? loaded_at + value : value;
  }
};

// When a matching request makes the rule fire. All present conditions must
// hold; call numbers are 1-based and count the matching requests that reached
// the rule.
struct When {
  std::vector<std::uint64_t> nth;  // sorted
  std::optional<std::uint64_t> first;
  std::optional<std::uint64_t> after;
  std::optional<std::uint64_t> every;
  std::optional<double> probability;
  std::optional<TimePoint> from;   // inclusive
  std::optional<TimePoint> until;  // exclusive
  std::optional<std::uint64_t> times;
};

enum class RateLimitKey { kToken, kUser, kIp, kGlobal };

struct RateLimit {
  std::int64_t requests = 1;
  domain::Timestamp period = domain::kMicrosPerSecond;
  RateLimitKey key = RateLimitKey::kToken;
};

// The effect of a firing rule, from which its Decision is built.
struct Action {
  Decision::Kind kind = Decision::Kind::kPassThrough;

  // kRespond
  int status = 0;
  Headers headers;
  std::optional<nlohmann::json> body;
  std::optional<std::string> raw_body;

  // kDelay: a fixed delay has delay_min_ms == delay_max_ms.
  std::int64_t delay_min_ms = 0;
  std::int64_t delay_max_ms = 0;

  // kFault
  NetworkFault fault = NetworkFault::kClose;
  Dribble dribble;

  // kBuild
  domain::BuildOutcome build_outcome;

  // A rate limit produces kRespond (429) beyond its budget and nothing
  // within it.
  std::optional<RateLimit> rate_limit;
};

struct Rule {
  std::string id;  // the rule's "id", or "<scenario>#<index>"
  Match match;
  When when;
  Action action;
  // The sections as written, for Describe().
  nlohmann::json match_json = nlohmann::json::object();
  nlohmann::json when_json = nlohmann::json::object();
  nlohmann::json then_json = nlohmann::json::object();
};

struct Scenario {
  std::string name;
  std::string source;
  std::string description;
  std::uint64_t seed = 0;
  std::vector<Rule> rules;
};

}  // namespace emulator::scenario

#endif  // EMULATOR_SCENARIO_SCENARIO_H_
