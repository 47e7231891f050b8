// Counters under concurrent Decide() calls, and the cost of one call.

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "scenario/engine.h"
#include "scenario_test_support.h"

namespace emulator::scenario {
namespace {

using testing::EngineWithRules;
using testing::kLoadTime;
using testing::ListArtifacts;

constexpr int kThreads = 16;
constexpr int kCallsPerThread = 100;

// Races kThreads threads through kCallsPerThread decisions each and returns
// how many of them fired.
int RaceDecide(ScenarioEngine& engine) {
  std::atomic<bool> go{false};
  std::atomic<int> fired{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      while (!go.load()) std::this_thread::yield();
      for (int i = 0; i < kCallsPerThread; ++i) {
        if (engine.Decide(ListArtifacts(), kLoadTime).fired) fired.fetch_add(1);
      }
    });
  }
  go.store(true);
  for (auto& thread : threads) thread.join();
  return fired.load();
}

TEST_CASE("first 2 fires twice across 16 threads", "[scenario]") {
  auto engine = EngineWithRules(R"([{"id": "r", "when": {"first": 2}, "then": {"status": 503}}])");

  CHECK(RaceDecide(*engine) == 2);
  CHECK(engine->FiredCounts().at("r") == 2);
  CHECK(engine->Describe()[0]["rules"][0]["calls"] == kThreads * kCallsPerThread);
}

TEST_CASE("every 10 fires 160 times across 16 threads", "[scenario]") {
  auto engine = EngineWithRules(R"([{"id": "r", "when": {"every": 10}, "then": {"fault": "reset"}}])");

  CHECK(RaceDecide(*engine) == 160);
  CHECK(engine->FiredCounts().at("r") == 160);
}

TEST_CASE("times 5 fires five times across 16 threads", "[scenario]") {
  auto engine = EngineWithRules(R"([{"id": "r", "when": {"times": 5}, "then": {"delayMs": 1}}])");

  CHECK(RaceDecide(*engine) == 5);
  CHECK(engine->FiredCounts().at("r") == 5);
}

TEST_CASE("later rule counts exactly the requests passed on", "[scenario]") {
  auto engine = EngineWithRules(R"([
      {"id": "a", "when": {"every": 4}, "then": {"status": 500}},
      {"id": "b", "then": {"passThrough": true}}])");

  CHECK(RaceDecide(*engine) == kThreads * kCallsPerThread);
  const auto rules = engine->Describe()[0]["rules"];
  CHECK(rules[0]["fired"] == 400);
  CHECK(rules[1]["calls"] == 1200);
  CHECK(rules[1]["fired"] == 1200);
}

}  // namespace
}  // namespace emulator::scenario
