// The "when" conditions of a rule, decided without sockets.

#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "scenario/engine.h"
#include "scenario_test_support.h"

namespace emulator::scenario {
namespace {

using testing::DecideMany;
using testing::EngineWithRules;
using testing::kLoadTime;
using testing::kSecond;
using testing::ListArtifacts;
using testing::Render;
using Strings = std::vector<std::string>;

constexpr const char* k503 = "respond 503";

std::string RuleWhen(const std::string& when) {
  return R"([{"match": {"route": "/artifacts"}, "when": )" + when + R"(, "then": {"status": 503}}])";
}

TEST_CASE("rule without when fires on every match", "[scenario]") {
  auto engine = EngineWithRules(R"([{"then": {"status": 503}}])");

  CHECK(DecideMany(*engine, ListArtifacts(), 3) == Strings{k503, k503, k503});
}

TEST_CASE("always fires on every match", "[scenario]") {
  auto engine = EngineWithRules(RuleWhen(R"({"always": true})"));

  CHECK(DecideMany(*engine, ListArtifacts(), 2) == Strings{k503, k503});
}

TEST_CASE("first n fires on the first n calls only", "[scenario]") {
  auto engine = EngineWithRules(RuleWhen(R"({"first": 2})"));

  CHECK(DecideMany(*engine, ListArtifacts(), 4) == Strings{k503, k503, "none", "none"});
}

TEST_CASE("after n fires from call n plus one", "[scenario]") {
  auto engine = EngineWithRules(RuleWhen(R"({"after": 2})"));

  CHECK(DecideMany(*engine, ListArtifacts(), 4) == Strings{"none", "none", k503, k503});
}

TEST_CASE("nth fires on the listed calls", "[scenario]") {
  auto engine = EngineWithRules(RuleWhen(R"({"nth": [4, 2]})"));

  CHECK(DecideMany(*engine, ListArtifacts(), 5) == Strings{"none", k503, "none", k503, "none"});
}

TEST_CASE("every k fires on each k-th call", "[scenario]") {
  auto engine = EngineWithRules(RuleWhen(R"({"every": 3})"));

  CHECK(DecideMany(*engine, ListArtifacts(), 7) ==
        Strings{"none", "none", k503, "none", "none", k503, "none"});
}

TEST_CASE("times caps the total number of firings", "[scenario]") {
  auto engine = EngineWithRules(RuleWhen(R"({"every": 2, "times": 2})"));

  CHECK(DecideMany(*engine, ListArtifacts(), 8) ==
        Strings{"none", k503, "none", k503, "none", "none", "none", "none"});
}

TEST_CASE("conditions combine with and", "[scenario]") {
  auto engine = EngineWithRules(RuleWhen(R"({"after": 2, "every": 2, "first": 6})"));

  CHECK(DecideMany(*engine, ListArtifacts(), 8) ==
        Strings{"none", "none", "none", k503, "none", k503, "none", "none"});
}

TEST_CASE("relative window fires between from and until", "[scenario]") {
  auto engine = EngineWithRules(RuleWhen(R"({"from": "+10s", "until": "+40s"})"));
  const auto request = ListArtifacts();

  CHECK(Render(engine->Decide(request, kLoadTime)) == "none");
  CHECK(Render(engine->Decide(request, kLoadTime + 10 * kSecond - 1)) == "none");
  CHECK(Render(engine->Decide(request, kLoadTime + 10 * kSecond)) == k503);
  CHECK(Render(engine->Decide(request, kLoadTime + 40 * kSecond - 1)) == k503);
  CHECK(Render(engine->Decide(request, kLoadTime + 40 * kSecond)) == "none");
}

TEST_CASE("offsets accept milliseconds minutes and hours", "[scenario]") {
  auto engine = EngineWithRules(RuleWhen(R"({"from": "+500ms", "until": "+2m"})"));
  auto later = EngineWithRules(RuleWhen(R"({"from": "+1.5s", "until": "+1h"})"));
  const auto request = ListArtifacts();

  CHECK(Render(engine->Decide(request, kLoadTime + 499'999)) == "none");
  CHECK(Render(engine->Decide(request, kLoadTime + 500'000)) == k503);
  CHECK(Render(engine->Decide(request, kLoadTime + 120 * kSecond)) == "none");
  CHECK(Render(later->Decide(request, kLoadTime + 1'499'999)) == "none");
  CHECK(Render(later->Decide(request, kLoadTime + 1'500'000)) == k503);
  CHECK(Render(later->Decide(request, kLoadTime + 3600 * kSecond - 1)) == k503);
  CHECK(Render(later->Decide(request, kLoadTime + 3600 * kSecond)) == "none");
}

TEST_CASE("absolute window uses RFC 3339 times", "[scenario]") {
  auto engine = EngineWithRules(
      RuleWhen(R"({"from": "2026-06-01T12:00:00Z", "until": "2026-06-01T12:00:30+00:00"})"));
  const auto request = ListArtifacts();
  const domain::Timestamp noon = *domain::ParseRfc3339("2026-06-01T12:00:00Z");

  CHECK(Render(engine->Decide(request, noon - 1)) == "none");
  CHECK(Render(engine->Decide(request, noon)) == k503);
  CHECK(Render(engine->Decide(request, noon + 30 * kSecond)) == "none");
}

TEST_CASE("requests outside the window still count as calls", "[scenario]") {
  auto engine = EngineWithRules(RuleWhen(R"({"from": "+10s", "first": 2})"));
  const auto request = ListArtifacts();

  engine->Decide(request, kLoadTime);
  CHECK(Render(engine->Decide(request, kLoadTime + 10 * kSecond)) == k503);
  CHECK(Render(engine->Decide(request, kLoadTime + 10 * kSecond)) == "none");
}

std::vector<bool> Firings(std::uint64_t seed, double probability, int calls) {
  auto engine = EngineWithRules(RuleWhen(R"({"probability": )" + std::to_string(probability) + "}"),
                                seed);
  std::vector<bool> fired;
  for (int i = 0; i < calls; ++i) {
    fired.push_back(engine->Decide(ListArtifacts(), kLoadTime).fired.has_value());
  }
  return fired;
}

TEST_CASE("probability repeats with the same seed", "[scenario]") {
  const auto first_run = Firings(42, 0.3, 500);
  const auto second_run = Firings(42, 0.3, 500);
  const auto other_seed = Firings(43, 0.3, 500);

  CHECK(first_run == second_run);
  CHECK(first_run != other_seed);
}

TEST_CASE("probability fires near the stated rate", "[scenario]") {
  const auto fired = Firings(7, 0.3, 10'000);
  const auto count = std::count(fired.begin(), fired.end(), true);

  // Binomial(10000, 0.3) has a standard deviation of about 46.
  CHECK(count > 2800);
  CHECK(count < 3200);
}

TEST_CASE("probability zero never fires and one always fires", "[scenario]") {
  const auto never = Firings(1, 0.0, 1000);
  const auto always = Firings(1, 1.0, 1000);

  CHECK(std::count(never.begin(), never.end(), true) == 0);
  CHECK(std::count(always.begin(), always.end(), true) == 1000);
}

TEST_CASE("seeded sequence is fixed across standard libraries", "[scenario]") {
  // Pinned so that a change to the generator, which would alter every
  // probabilistic scenario, fails here first. The pattern was computed
  // separately with a Python SplitMix64.
  const auto fired = Firings(42, 0.5, 16);
  std::string pattern;
  for (bool f : fired) pattern += f ? '1' : '0';

  CHECK(pattern == "1011011010011100");
}

}  // namespace
}  // namespace emulator::scenario
