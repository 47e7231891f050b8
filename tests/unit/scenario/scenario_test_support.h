#ifndef TESTS_UNIT_SCENARIO_SCENARIO_TEST_SUPPORT_H_
#define TESTS_UNIT_SCENARIO_SCENARIO_TEST_SUPPORT_H_

// Helpers shared by the scenario engine tests: scenarios from inline JSON,
// requests as plain facts, and decisions rendered as short strings.

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/timestamp.h"
#include "scenario/engine.h"

namespace emulator::scenario::testing {

inline constexpr domain::Timestamp kLoadTime = 1'780'000'000LL * domain::kMicrosPerSecond;
inline constexpr domain::Timestamp kSecond = domain::kMicrosPerSecond;

// Parses `text`, throwing with every problem when it does not parse.
inline std::shared_ptr<const Scenario> MustParse(const std::string& text) {
  ParseResult result = ParseScenarioText(text, "test.json");
  if (!result.scenario) {
    std::string joined;
    for (const auto& problem : result.problems) joined += problem + "\n";
    throw std::runtime_error("scenario does not parse:\n" + joined);
  }
  return result.scenario;
}

// An engine holding one scenario made of `rules` (a JSON array), loaded at
// kLoadTime.
inline std::unique_ptr<ScenarioEngine> EngineWithRules(const std::string& rules,
                                                       std::uint64_t seed = 0) {
  auto engine = std::make_unique<ScenarioEngine>();
  engine->SetInitial({MustParse(R"({"name": "test", "seed": )" + std::to_string(seed) +
                                R"(, "rules": )" + rules + "}")},
                     kLoadTime);
  return engine;
}

inline RequestFacts Get(const std::string& route, const std::string& path) {
  RequestFacts request;
  request.method = "GET";
  request.route = route;
  request.path = path;
  return request;
}

inline RequestFacts ListArtifacts(const std::string& token = "alice-token") {
  RequestFacts request = Get("/artifacts", "/api/v2/artifacts");
  request.token = token;
  return request;
}

inline RequestFacts TriggerBuild(const std::string& artifact_id) {
  RequestFacts request;
  request.method = "POST";
  request.route = "/artifacts/{artifact_id}/builds";
  request.path = "/api/v2/artifacts/" + artifact_id + "/builds";
  request.artifact_id = artifact_id;
  return request;
}

// "none", "respond 503", "delay 120", "fault", "build", "pass".
inline std::string Render(const Decision& decision) {
  switch (decision.kind) {
    case Decision::Kind::kNone: return "none";
    case Decision::Kind::kRespond: return "respond " + std::to_string(decision.status);
    case Decision::Kind::kDelay: return "delay " + std::to_string(decision.delay_ms);
    case Decision::Kind::kFault: return "fault";
    case Decision::Kind::kBuild: return "build";
    case Decision::Kind::kPassThrough: return "pass";
  }
  return "?";
}

// The decisions for `count` identical requests at `now`, one string each.
inline std::vector<std::string> DecideMany(ScenarioEngine& engine, const RequestFacts& request,
                                           int count, domain::Timestamp now = kLoadTime) {
  std::vector<std::string> rendered;
  for (int i = 0; i < count; ++i) rendered.push_back(Render(engine.Decide(request, now)));
  return rendered;
}

inline std::string HeaderValue(const Headers& headers, const std::string& name) {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return "<absent>";
}

}  // namespace emulator::scenario::testing

#endif  // TESTS_UNIT_SCENARIO_SCENARIO_TEST_SUPPORT_H_
