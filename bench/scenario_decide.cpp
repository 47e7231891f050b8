// Measures ScenarioEngine::Decide with fifty rules, where forty-nine never
// match and so every call walks the whole list: the slow path of a realistic
// scenario file. Prints microseconds per call.
#include <chrono>
#include <iostream>
#include <string>

#include "scenario/engine.h"

int main() {
  using emulator::scenario::ParseScenarioText;
  std::string rules = "[";
  for (int i = 0; i < 49; ++i) {
    rules += R"({"match": {"method": "GET", "path": "/api/v2/artifacts/nope-)" + std::to_string(i) +
             R"(/*", "header": {"x-test": "1"}}, "then": {"status": 500}},)";
  }
  rules += R"({"when": {"every": 1000}, "then": {"status": 503}}])";
  const auto parsed = ParseScenarioText(R"({"name": "bench", "rules": )" + rules + "}", "bench");
  if (!parsed.scenario) {
    std::cerr << "the benchmark scenario does not parse\n";
    return 1;
  }
  emulator::scenario::ScenarioEngine engine;
  engine.SetInitial({parsed.scenario}, 0);

  emulator::scenario::RequestFacts request;
  request.method = "GET";
  request.route = "/artifacts";
  request.path = "/api/v2/artifacts";
  request.token = "alice-token";
  request.headers = {{"Accept", "application/json"}, {"User-Agent", "python-requests/2.31"}};
  constexpr int kCalls = 200'000;

  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kCalls; ++i) engine.Decide(request, 0);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  std::cout << "ScenarioEngine::Decide with 50 rules: "
            << std::chrono::duration<double, std::micro>(elapsed).count() / kCalls << " us per call\n";
  return 0;
}
