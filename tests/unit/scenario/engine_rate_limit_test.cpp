// Rate limit rules: budgets per key, fixed windows and the 429 they send.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "scenario/engine.h"
#include "scenario_test_support.h"

namespace emulator::scenario {
namespace {

using testing::EngineWithRules;
using testing::HeaderValue;
using testing::kLoadTime;
using testing::kSecond;
using testing::ListArtifacts;
using testing::Render;

constexpr const char* kThreePerTenSeconds =
    R"([{"id": "throttle", "then": {"rateLimit": {"requests": 3, "perSeconds": 10, "key": "token"}}}])";

TEST_CASE("requests within budget carry rate headers only", "[scenario]") {
  auto engine = EngineWithRules(kThreePerTenSeconds);

  const Decision first = engine->Decide(ListArtifacts("alice"), kLoadTime);
  const Decision second = engine->Decide(ListArtifacts("alice"), kLoadTime + 2 * kSecond);

  CHECK(first.kind == Decision::Kind::kNone);
  CHECK_FALSE(first.fired.has_value());
  CHECK(HeaderValue(first.extra_headers, "X-RateLimit-Limit") == "3");
  CHECK(HeaderValue(first.extra_headers, "X-RateLimit-Remaining") == "2");
  CHECK(HeaderValue(first.extra_headers, "X-RateLimit-Reset") == "10");
  CHECK(HeaderValue(second.extra_headers, "X-RateLimit-Remaining") == "1");
  CHECK(HeaderValue(second.extra_headers, "X-RateLimit-Reset") == "8");
}

TEST_CASE("request beyond budget gets 429 with retry after", "[scenario]") {
  auto engine = EngineWithRules(kThreePerTenSeconds);
  for (int i = 0; i < 3; ++i) engine->Decide(ListArtifacts("alice"), kLoadTime);

  const Decision limited = engine->Decide(ListArtifacts("alice"), kLoadTime + 2'500'000);

  CHECK(Render(limited) == "respond 429");
  REQUIRE(limited.fired.has_value());
  CHECK(limited.fired->description == "throttle");
  CHECK(HeaderValue(limited.headers, "Retry-After") == "8");
  CHECK(HeaderValue(limited.headers, "X-RateLimit-Limit") == "3");
  CHECK(HeaderValue(limited.headers, "X-RateLimit-Remaining") == "0");
  CHECK(HeaderValue(limited.headers, "X-RateLimit-Reset") == "8");
  REQUIRE(limited.body.has_value());
  CHECK(limited.body->dump() == R"({"detail":"Too Many Requests"})");
}

TEST_CASE("two tokens have separate budgets", "[scenario]") {
  auto engine = EngineWithRules(kThreePerTenSeconds);
  for (int i = 0; i < 3; ++i) engine->Decide(ListArtifacts("alice"), kLoadTime);

  const Decision bob = engine->Decide(ListArtifacts("bob"), kLoadTime);
  const Decision alice = engine->Decide(ListArtifacts("alice"), kLoadTime);

  CHECK(Render(bob) == "none");
  CHECK(HeaderValue(bob.extra_headers, "X-RateLimit-Remaining") == "2");
  CHECK(Render(alice) == "respond 429");
  CHECK(engine->FiredCounts().at("throttle") == 1);
}

TEST_CASE("window rolls over after the period", "[scenario]") {
  auto engine = EngineWithRules(kThreePerTenSeconds);
  for (int i = 0; i < 4; ++i) engine->Decide(ListArtifacts("alice"), kLoadTime + i * kSecond);

  const Decision last_in_window = engine->Decide(ListArtifacts("alice"), kLoadTime + 10 * kSecond - 1);
  const Decision next_window = engine->Decide(ListArtifacts("alice"), kLoadTime + 10 * kSecond);

  CHECK(Render(last_in_window) == "respond 429");
  CHECK(HeaderValue(last_in_window.headers, "Retry-After") == "1");
  CHECK(Render(next_window) == "none");
  CHECK(HeaderValue(next_window.extra_headers, "X-RateLimit-Remaining") == "2");
  CHECK(HeaderValue(next_window.extra_headers, "X-RateLimit-Reset") == "10");
}

TEST_CASE("window opens at the first request of its key", "[scenario]") {
  auto engine = EngineWithRules(kThreePerTenSeconds);
  engine->Decide(ListArtifacts("alice"), kLoadTime);

  const Decision bob = engine->Decide(ListArtifacts("bob"), kLoadTime + 7 * kSecond);

  CHECK(HeaderValue(bob.extra_headers, "X-RateLimit-Reset") == "10");
}

TEST_CASE("global key shares one budget", "[scenario]") {
  auto engine = EngineWithRules(
      R"([{"then": {"rateLimit": {"requests": 2, "perSeconds": 1, "key": "global"}}}])");

  CHECK(Render(engine->Decide(ListArtifacts("alice"), kLoadTime)) == "none");
  CHECK(Render(engine->Decide(ListArtifacts("bob"), kLoadTime)) == "none");
  CHECK(Render(engine->Decide(ListArtifacts("carol"), kLoadTime)) == "respond 429");
}

TEST_CASE("ip key separates client addresses", "[scenario]") {
  auto engine = EngineWithRules(R"([{"then": {"rateLimit": {"requests": 1, "perSeconds": 1, "key": "ip"}}}])");
  RequestFacts first = ListArtifacts("alice");
  first.client_ip = "10.0.0.1";
  RequestFacts second = ListArtifacts("alice");
  second.client_ip = "10.0.0.2";

  CHECK(Render(engine->Decide(first, kLoadTime)) == "none");
  CHECK(Render(engine->Decide(second, kLoadTime)) == "none");
  CHECK(Render(engine->Decide(first, kLoadTime)) == "respond 429");
}

TEST_CASE("request within budget continues to later rules", "[scenario]") {
  auto engine = EngineWithRules(R"([
      {"then": {"rateLimit": {"requests": 5, "perSeconds": 60}}},
      {"when": {"nth": [2]}, "then": {"status": 503}}])");

  engine->Decide(ListArtifacts(), kLoadTime);
  const Decision second = engine->Decide(ListArtifacts(), kLoadTime);

  CHECK(Render(second) == "respond 503");
  CHECK(HeaderValue(second.extra_headers, "X-RateLimit-Remaining") == "3");
}

TEST_CASE("earlier rate limit headers win over later ones", "[scenario]") {
  auto engine = EngineWithRules(R"([
      {"then": {"rateLimit": {"requests": 5, "perSeconds": 60}}},
      {"then": {"rateLimit": {"requests": 100, "perSeconds": 60}}}])");

  const Decision decision = engine->Decide(ListArtifacts(), kLoadTime);

  CHECK(decision.extra_headers.size() == 3);
  CHECK(HeaderValue(decision.extra_headers, "X-RateLimit-Limit") == "5");
}

}  // namespace
}  // namespace emulator::scenario
