#ifndef EMULATOR_SCENARIO_ENGINE_H_
#define EMULATOR_SCENARIO_ENGINE_H_

// The scenario engine decides, for each request, whether a scripted fault
// applies and which. It is a pure decision function plus counters: it never
// touches a socket, sleeps or reads the clock itself, so it can be tested
// without a server. The HTTP adapter carries out its decisions.
//
// Thread safety: every method may be called concurrently. Decide() is
// atomic per call: counters are exact under any concurrency, so a rule that
// fires "first 2" fires exactly twice however many clients race.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/model.h"
#include "domain/timestamp.h"

namespace emulator::scenario {

using Headers = std::vector<std::pair<std::string, std::string>>;

// The request facts a rule can match on, filled by the HTTP adapter.
struct RequestFacts {
  std::string method;  // "GET", "POST", ...
  // The matched route's template without the /api/v2 prefix, e.g.
  // "/artifacts/{artifact_id}/builds"; empty when no API route matched.
  std::string route;
  std::string path;  // the path as received, e.g. "/api/v2/artifacts/abc"
  std::string artifact_id;    // decoded path parameters, empty when absent
  std::string repository_id;
  std::string build_id;
  std::string token;     // bearer token as sent, empty when none
  std::string username;  // authenticated user, empty when none
  Headers headers;       // request headers as received (names compare case-insensitively)
  Headers query;         // decoded query parameters in order
  std::string client_ip;
};

// Network-level misbehaviour; each kind is what the client observes.
enum class NetworkFault {
  kReset,          // TCP reset: the client sees ECONNRESET
  kClose,          // connection closed with no response
  kTruncate,       // headers promise more bytes than are sent, then close
  kMalformedJson,  // 200 with a body that is not JSON
  kHang,           // no answer until the client gives up (bounded)
  kDribble,        // the real answer, sent in chunks with pauses
};

struct Dribble {
  int chunks = 4;
  int interval_ms = 250;
};

// Identifies the rule that fired, for the journal and metrics.
struct FiredRule {
  std::string scenario;
  size_t rule_index = 0;       // 0-based position in the scenario's rules
  std::string description;     // "<scenario>#<index>" or the rule's "id" when given
};

struct Decision {
  enum class Kind {
    kNone,         // no rule fired: serve normally
    kRespond,      // answer with status/headers/body instead of the handler
    kDelay,        // sleep delay_ms, then serve normally
    kFault,        // carry out `fault`
    kBuild,        // (build triggers) serve normally, but the build gets `build_outcome`
    kPassThrough,  // serve normally; the rule only counts
  };

  Kind kind = Kind::kNone;
  std::optional<FiredRule> fired;

  // kRespond (also a rate limit beyond its budget: 429)
  int status = 0;
  Headers headers;                    // response headers to add
  std::optional<nlohmann::json> body;       // JSON body
  std::optional<std::string> raw_body;      // body sent verbatim (wins over body)

  // kDelay
  std::int64_t delay_ms = 0;

  // kFault
  NetworkFault fault = NetworkFault::kClose;
  Dribble dribble;

  // kBuild
  domain::BuildOutcome build_outcome;

  // Headers to add to whatever answer is sent, e.g. X-RateLimit-* of a rate
  // limit rule that did not fire because the request was within budget.
  Headers extra_headers;
};

// One parsed scenario file. Opaque outside the engine.
struct Scenario;

struct ParseResult {
  std::shared_ptr<const Scenario> scenario;  // set only when problems is empty
  std::vector<std::string> problems;         // "<source>: <JSON pointer>: <what is wrong>"
};

// Parses and checks one scenario document. `source` names it in messages
// (a file path, "<seed>/scenarios/0", "<request body>").
ParseResult ParseScenario(const nlohmann::json& document, const std::string& source);
ParseResult ParseScenarioText(const std::string& text, const std::string& source);

// Reads a scenario file, or every *.json file of a directory in name order.
// Problems name the file. A directory without *.json files gives an empty
// vector; a second file defining a name already used fails with a problem.
std::vector<ParseResult> LoadScenarioPath(const std::string& path);

std::string ScenarioName(const Scenario& scenario);

class ScenarioEngine {
 public:
  ScenarioEngine();
  ~ScenarioEngine();
  ScenarioEngine(const ScenarioEngine&) = delete;
  ScenarioEngine& operator=(const ScenarioEngine&) = delete;

  // Sets the scenarios loaded at start; Reset() returns to them. `now` is
  // the load time that "+30s" offsets count from. A later scenario with a
  // name already in the list replaces the earlier one in its place.
  void SetInitial(std::vector<std::shared_ptr<const Scenario>> scenarios, domain::Timestamp now);

  // Adds a scenario at run time, or replaces the one with the same name
  // (its counters restart). Returns false when `replace` is false and the
  // name is taken.
  bool Add(std::shared_ptr<const Scenario> scenario, domain::Timestamp now, bool replace);
  // Replaces (or adds) a scenario of the start set, as --watch does when a
  // file changes: it is active at once with fresh counters, and Reset()
  // returns to this version rather than the one loaded at start.
  void ReloadLoaded(std::shared_ptr<const Scenario> scenario, domain::Timestamp now);
  // Drops a scenario from the start set and from the active ones, as --watch
  // does when its file is deleted.
  void UnloadLoaded(const std::string& name);

  // Returns false when no scenario has that name.
  bool Remove(const std::string& name);
  // Zeroes one scenario's counters (and rate windows, and its seeded random
  // generator); false when no scenario has that name.
  bool ResetCounters(const std::string& name, domain::Timestamp now);
  // Back to the initial scenarios with zeroed counters.
  void Reset(domain::Timestamp now);

  // Decides what happens to one request at `now`. Rules are tried in order,
  // scenario by scenario in load order; the first rule that fires wins.
  Decision Decide(const RequestFacts& request, domain::Timestamp now);

  // The active scenarios with their rules and per-rule counters:
  // [{"name", "source", "loadedAt", "rules": [{"index", "id", "match", "when", "then",
  //   "calls", "fired"}]}]
  nlohmann::json Describe() const;

  // Total firings per rule description, for metrics.
  std::map<std::string, std::uint64_t> FiredCounts() const;

 private:
  struct State;
  mutable std::mutex mutex_;
  std::unique_ptr<State> state_;  // guarded by mutex_
};

}  // namespace emulator::scenario

#endif  // EMULATOR_SCENARIO_ENGINE_H_
