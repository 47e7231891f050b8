// The actions of a rule and the order in which rules are tried.

#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "scenario/engine.h"
#include "scenario_test_support.h"

namespace emulator::scenario {
namespace {

using domain::BuildStatus;
using testing::DecideMany;
using testing::EngineWithRules;
using testing::kLoadTime;
using testing::ListArtifacts;
using testing::MustParse;
using testing::Render;
using testing::TriggerBuild;
using Strings = std::vector<std::string>;

Decision DecideOnce(const std::string& then, const RequestFacts& request = ListArtifacts()) {
  auto engine = EngineWithRules(R"([{"then": )" + then + "}]");
  return engine->Decide(request, kLoadTime);
}

TEST_CASE("status answers with headers and a JSON body", "[scenario]") {
  const Decision decision = DecideOnce(
      R"({"status": 503, "headers": {"Retry-After": "1"}, "body": {"detail": "Service Unavailable"}})");

  CHECK(decision.kind == Decision::Kind::kRespond);
  CHECK(decision.status == 503);
  CHECK(decision.headers == Headers{{"Retry-After", "1"}});
  REQUIRE(decision.body.has_value());
  CHECK(decision.body->dump() == R"({"detail":"Service Unavailable"})");
  CHECK_FALSE(decision.raw_body.has_value());
}

TEST_CASE("status with raw body sends it verbatim", "[scenario]") {
  const Decision decision = DecideOnce(R"({"status": 500, "rawBody": "<html>oops</html>"})");

  CHECK(decision.status == 500);
  CHECK(decision.raw_body == std::optional<std::string>("<html>oops</html>"));
  CHECK_FALSE(decision.body.has_value());
}

TEST_CASE("status without body sends no body", "[scenario]") {
  const Decision decision = DecideOnce(R"({"status": 204})");

  CHECK(decision.status == 204);
  CHECK_FALSE(decision.body.has_value());
  CHECK_FALSE(decision.raw_body.has_value());
}

TEST_CASE("fixed delay returns its milliseconds", "[scenario]") {
  const Decision decision = DecideOnce(R"({"delayMs": 250})");

  CHECK(decision.kind == Decision::Kind::kDelay);
  CHECK(decision.delay_ms == 250);
}

TEST_CASE("delay range draws within bounds repeatably", "[scenario]") {
  const std::string rules = R"([{"then": {"delayMs": {"min": 100, "max": 200}}}])";
  auto engine = EngineWithRules(rules, 9);
  auto again = EngineWithRules(rules, 9);

  const Strings delays = DecideMany(*engine, ListArtifacts(), 200);
  const std::set<std::string> distinct(delays.begin(), delays.end());
  std::int64_t low = 1'000'000;
  std::int64_t high = -1;
  for (const auto& delay : delays) {
    const std::int64_t ms = std::stoll(delay.substr(std::string("delay ").size()));
    low = std::min(low, ms);
    high = std::max(high, ms);
  }

  CHECK(low >= 100);
  CHECK(high <= 200);
  CHECK(distinct.size() > 50);
  CHECK(DecideMany(*again, ListArtifacts(), 200) == delays);
}

TEST_CASE("each fault name maps to its kind", "[scenario]") {
  const std::vector<std::pair<std::string, NetworkFault>> cases = {
      {"reset", NetworkFault::kReset},
      {"close", NetworkFault::kClose},
      {"truncate", NetworkFault::kTruncate},
      {"malformedJson", NetworkFault::kMalformedJson},
      {"hang", NetworkFault::kHang},
      {"dribble", NetworkFault::kDribble},
  };
  for (const auto& [name, fault] : cases) {
    INFO("fault " << name);
    const Decision decision = DecideOnce(R"({"fault": ")" + name + R"("})");

    CHECK(decision.kind == Decision::Kind::kFault);
    CHECK(decision.fault == fault);
  }
}

TEST_CASE("dribble object sets chunks and interval", "[scenario]") {
  const Decision decision = DecideOnce(R"({"fault": {"dribble": {"chunks": 8, "intervalMs": 100}}})");

  CHECK(decision.fault == NetworkFault::kDribble);
  CHECK(decision.dribble.chunks == 8);
  CHECK(decision.dribble.interval_ms == 100);
}

TEST_CASE("build outcome fails during a status", "[scenario]") {
  auto engine = EngineWithRules(R"([{
      "match": {"method": "POST", "route": "/artifacts/{artifact_id}/builds", "artifactId": "a1"},
      "then": {"build": {"outcome": "FAILED", "atStatus": "IN_PROGRESS", "afterSeconds": 2,
                         "log": "pip install failed"}}}])");

  const Decision other = engine->Decide(TriggerBuild("a2"), kLoadTime);
  const Decision decision = engine->Decide(TriggerBuild("a1"), kLoadTime);

  CHECK(other.kind == Decision::Kind::kNone);
  CHECK(decision.kind == Decision::Kind::kBuild);
  CHECK(decision.build_outcome.final_status == BuildStatus::kFailed);
  CHECK(decision.build_outcome.stop_during == BuildStatus::kInProgress);
  CHECK(decision.build_outcome.stop_after == 2 * testing::kSecond);
  CHECK_FALSE(decision.build_outcome.stall);
  CHECK(decision.build_outcome.log_message == "pip install failed");
}

TEST_CASE("build outcome can cancel or stall", "[scenario]") {
  const std::string match =
      R"("match": {"method": "POST", "route": "/api/v2/artifacts/{artifact_id}/builds"})";
  auto cancel = EngineWithRules(
      "[{" + match + R"(, "then": {"build": {"outcome": "CANCELLED", "atStatus": "PENDING"}}}])");
  auto stall = EngineWithRules(
      "[{" + match + R"(, "then": {"build": {"outcome": "STALL", "atStatus": "BUILT"}}}])");

  const Decision cancelled = cancel->Decide(TriggerBuild("a1"), kLoadTime);
  const Decision stalled = stall->Decide(TriggerBuild("a1"), kLoadTime);

  CHECK(cancelled.build_outcome.final_status == BuildStatus::kCancelled);
  CHECK(cancelled.build_outcome.stop_during == BuildStatus::kPending);
  CHECK(cancelled.build_outcome.stop_after == 0);
  CHECK(stalled.build_outcome.stall);
  CHECK(stalled.build_outcome.stop_during == BuildStatus::kBuilt);
}

TEST_CASE("pass through counts without changing the answer", "[scenario]") {
  auto engine = EngineWithRules(R"([{"then": {"passThrough": true}}, {"then": {"status": 500}}])");

  const Decision decision = engine->Decide(ListArtifacts(), kLoadTime);

  CHECK(decision.kind == Decision::Kind::kPassThrough);
  REQUIRE(decision.fired.has_value());
  CHECK(decision.fired->description == "test#0");
}

TEST_CASE("first rule that fires wins", "[scenario]") {
  auto engine = EngineWithRules(R"([
      {"id": "first-two", "when": {"first": 2}, "then": {"status": 503}},
      {"id": "every-second", "when": {"every": 2}, "then": {"status": 500}}])");

  CHECK(DecideMany(*engine, ListArtifacts(), 6) ==
        Strings{"respond 503", "respond 503", "none", "respond 500", "none", "respond 500"});
  const auto counts = engine->FiredCounts();
  CHECK(counts.at("first-two") == 2);
  CHECK(counts.at("every-second") == 2);
}

TEST_CASE("later rules do not count requests won earlier", "[scenario]") {
  auto engine = EngineWithRules(R"([
      {"when": {"first": 3}, "then": {"status": 503}},
      {"then": {"passThrough": true}}])");

  DecideMany(*engine, ListArtifacts(), 5);

  const auto rules = engine->Describe()[0]["rules"];
  CHECK(rules[0]["calls"] == 5);
  CHECK(rules[0]["fired"] == 3);
  CHECK(rules[1]["calls"] == 2);
  CHECK(rules[1]["fired"] == 2);
}

TEST_CASE("scenarios are tried in load order", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({MustParse(R"({"name": "a", "rules": [{"when": {"first": 1}, "then": {"status": 500}}]})"),
                     MustParse(R"({"name": "b", "rules": [{"then": {"status": 502}}]})")},
                    kLoadTime);

  const Decision first = engine.Decide(ListArtifacts(), kLoadTime);
  const Decision second = engine.Decide(ListArtifacts(), kLoadTime);

  CHECK(first.status == 500);
  REQUIRE(first.fired.has_value());
  CHECK(first.fired->scenario == "a");
  CHECK(first.fired->rule_index == 0);
  CHECK(second.status == 502);
  CHECK(second.fired->scenario == "b");
  CHECK(second.fired->description == "b#0");
}

TEST_CASE("no matching rule leaves the decision empty", "[scenario]") {
  auto engine = EngineWithRules(R"([{"match": {"route": "/artifactRepositories"}, "then": {"status": 500}}])");

  const Decision decision = engine->Decide(ListArtifacts(), kLoadTime);

  CHECK(decision.kind == Decision::Kind::kNone);
  CHECK_FALSE(decision.fired.has_value());
  CHECK(decision.extra_headers.empty());
}

}  // namespace
}  // namespace emulator::scenario
