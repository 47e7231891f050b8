// Adding, replacing, removing and resetting scenarios, and what Describe()
// and FiredCounts() report.

#include <string>

#include <catch2/catch.hpp>

#include "scenario/engine.h"
#include "scenario_test_support.h"

namespace emulator::scenario {
namespace {

using testing::DecideMany;
using testing::kLoadTime;
using testing::kSecond;
using testing::ListArtifacts;
using testing::MustParse;
using testing::Render;
using Strings = std::vector<std::string>;

constexpr const char* kFirstTwo =
    R"({"name": "flaky", "rules": [{"id": "flaky-list", "when": {"first": 2}, "then": {"status": 503}}]})";
constexpr const char* kAlways500 =
    R"({"name": "broken", "rules": [{"then": {"status": 500}}]})";

TEST_CASE("engine without scenarios decides nothing", "[scenario]") {
  ScenarioEngine engine;

  CHECK(Render(engine.Decide(ListArtifacts(), kLoadTime)) == "none");
  CHECK(engine.Describe() == nlohmann::json::array());
  CHECK(engine.FiredCounts().empty());
}

TEST_CASE("add refuses a taken name unless replacing", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({MustParse(kFirstTwo)}, kLoadTime);
  DecideMany(engine, ListArtifacts(), 2);
  const auto replacement = MustParse(
      R"({"name": "flaky", "rules": [{"id": "flaky-list", "when": {"first": 1}, "then": {"status": 502}}]})");

  CHECK_FALSE(engine.Add(replacement, kLoadTime, false));
  CHECK(Render(engine.Decide(ListArtifacts(), kLoadTime)) == "none");
  CHECK(engine.Add(replacement, kLoadTime, true));
  CHECK(DecideMany(engine, ListArtifacts(), 2) == Strings{"respond 502", "none"});
}

TEST_CASE("replaced scenario keeps its place in load order", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({MustParse(kAlways500), MustParse(kFirstTwo)}, kLoadTime);

  engine.Add(MustParse(R"({"name": "broken", "rules": [{"then": {"status": 504}}]})"), kLoadTime, true);

  CHECK(engine.Describe()[0]["name"] == "broken");
  CHECK(Render(engine.Decide(ListArtifacts(), kLoadTime)) == "respond 504");
}

TEST_CASE("added scenario is tried after the loaded ones", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({MustParse(kFirstTwo)}, kLoadTime);

  CHECK(engine.Add(MustParse(kAlways500), kLoadTime, false));

  CHECK(DecideMany(engine, ListArtifacts(), 3) == Strings{"respond 503", "respond 503", "respond 500"});
}

TEST_CASE("remove unloads a scenario by name", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({MustParse(kAlways500)}, kLoadTime);

  CHECK(engine.Remove("broken"));
  CHECK_FALSE(engine.Remove("broken"));
  CHECK(Render(engine.Decide(ListArtifacts(), kLoadTime)) == "none");
}

TEST_CASE("reset counters restarts one scenario", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({MustParse(kFirstTwo)}, kLoadTime);
  DecideMany(engine, ListArtifacts(), 3);

  CHECK(engine.ResetCounters("flaky", kLoadTime));
  CHECK_FALSE(engine.ResetCounters("missing", kLoadTime));
  CHECK(engine.Describe()[0]["rules"][0]["calls"] == 0);
  CHECK(DecideMany(engine, ListArtifacts(), 3) == Strings{"respond 503", "respond 503", "none"});
}

TEST_CASE("reset counters restarts offsets and random draws", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial(
      {MustParse(R"({"name": "p", "seed": 5, "rules": [{"when": {"probability": 0.5, "until": "+10s"},
                                                         "then": {"status": 503}}]})")},
      kLoadTime);
  const Strings before = DecideMany(engine, ListArtifacts(), 20);
  const domain::Timestamp later = kLoadTime + 60 * kSecond;

  CHECK(DecideMany(engine, ListArtifacts(), 5, later) == Strings(5, "none"));
  engine.ResetCounters("p", later);
  CHECK(DecideMany(engine, ListArtifacts(), 20, later) == before);
}

TEST_CASE("reset returns to the initial scenarios", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({MustParse(kFirstTwo)}, kLoadTime);
  engine.Add(MustParse(kAlways500), kLoadTime, false);
  engine.Remove("flaky");
  DecideMany(engine, ListArtifacts(), 2);

  engine.Reset(kLoadTime);

  const auto described = engine.Describe();
  REQUIRE(described.size() == 1);
  CHECK(described[0]["name"] == "flaky");
  CHECK(DecideMany(engine, ListArtifacts(), 3) == Strings{"respond 503", "respond 503", "none"});
}

TEST_CASE("a reloaded file is what reset returns to", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({MustParse(kFirstTwo)}, kLoadTime);
  DecideMany(engine, ListArtifacts(), 2);

  engine.ReloadLoaded(
      MustParse(R"({"name": "flaky", "rules": [{"when": {"first": 1}, "then": {"status": 502}}]})"), kLoadTime);
  const Strings after_reload = DecideMany(engine, ListArtifacts(), 2);
  engine.Reset(kLoadTime);
  const Strings after_reset = DecideMany(engine, ListArtifacts(), 2);

  CHECK(after_reload == Strings{"respond 502", "none"});
  CHECK(after_reset == Strings{"respond 502", "none"});
}

TEST_CASE("an unloaded file stays gone after reset", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({MustParse(kFirstTwo)}, kLoadTime);

  engine.UnloadLoaded("flaky");
  engine.Reset(kLoadTime);

  CHECK(engine.Describe().empty());
  CHECK(DecideMany(engine, ListArtifacts(), 1) == Strings{"none"});
}

TEST_CASE("describe lists rules with sections and counters", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({MustParse(R"({"name": "flaky", "seed": 3, "description": "503 twice",
      "rules": [{"id": "flaky-list", "match": {"route": "/artifacts"}, "when": {"first": 2},
                 "then": {"status": 503}},
                {"then": {"passThrough": true}}]})")},
                    kLoadTime);
  DecideMany(engine, ListArtifacts(), 3);

  const nlohmann::json expected = nlohmann::json::parse(R"([{
      "name": "flaky", "source": "test.json", "description": "503 twice", "seed": 3,
      "loadedAt": "2026-05-28T20:26:40.000000Z",
      "rules": [
        {"index": 0, "id": "flaky-list", "match": {"route": "/artifacts"}, "when": {"first": 2},
         "then": {"status": 503}, "calls": 3, "fired": 2},
        {"index": 1, "id": "flaky#1", "match": {}, "when": {}, "then": {"passThrough": true},
         "calls": 1, "fired": 1}]}])");
  CHECK(engine.Describe() == expected);
}

TEST_CASE("fired counts include rules that never fired", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({MustParse(kFirstTwo), MustParse(kAlways500)}, kLoadTime);
  DecideMany(engine, ListArtifacts(), 1);

  const std::map<std::string, std::uint64_t> expected = {{"flaky-list", 1}, {"broken#0", 0}};
  CHECK(engine.FiredCounts() == expected);
}

TEST_CASE("duplicate initial names keep the later scenario", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({MustParse(kAlways500),
                     MustParse(R"({"name": "broken", "rules": [{"then": {"status": 502}}]})")},
                    kLoadTime);

  CHECK(engine.Describe().size() == 1);
  CHECK(Render(engine.Decide(ListArtifacts(), kLoadTime)) == "respond 502");
}

}  // namespace
}  // namespace emulator::scenario
