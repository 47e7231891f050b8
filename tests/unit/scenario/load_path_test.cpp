// Loading scenario files and directories, the shipped examples included.

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "scenario/engine.h"
#include "scenario_test_support.h"

namespace emulator::scenario {
namespace {

namespace fs = std::filesystem;
using testing::kLoadTime;
using testing::kSecond;
using testing::ListArtifacts;
using testing::Render;
using testing::TriggerBuild;

const std::string kExamplesDir = std::string(TEST_DATA_DIR) + "/../../scenarios";

// A fresh directory under the system temporary directory, removed on scope
// exit.
class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::random_device device;
    path_ = fs::temp_directory_path() / ("scenario-test-" + std::to_string(device()));
    fs::create_directories(path_);
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

  std::string Write(const std::string& name, const std::string& text) const {
    const fs::path file = path_ / name;
    std::ofstream(file) << text;
    return file.string();
  }

 private:
  fs::path path_;
};

std::shared_ptr<const Scenario> LoadExample(const std::string& name) {
  const auto results = LoadScenarioPath(kExamplesDir + "/" + name);
  REQUIRE(results.size() == 1);
  INFO((results.front().problems.empty() ? "" : results.front().problems.front()));
  REQUIRE(results.front().scenario != nullptr);
  return results.front().scenario;
}

TEST_CASE("shipped example files all parse", "[scenario]") {
  const auto results = LoadScenarioPath(kExamplesDir);

  REQUIRE(results.size() >= 6);
  for (const auto& result : results) {
    INFO((result.problems.empty() ? "" : result.problems.front()));
    CHECK(result.problems.empty());
    CHECK(result.scenario != nullptr);
  }
}

TEST_CASE("flaky list example fails the first two listings", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({LoadExample("flaky-list.json")}, kLoadTime);

  const Decision first = engine.Decide(ListArtifacts(), kLoadTime);
  engine.Decide(ListArtifacts(), kLoadTime);
  const Decision third = engine.Decide(ListArtifacts(), kLoadTime);

  CHECK(Render(first) == "respond 503");
  CHECK(testing::HeaderValue(first.headers, "Retry-After") == "1");
  CHECK(Render(third) == "none");
}

TEST_CASE("outage window example fails only inside its window", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({LoadExample("outage-window.json")}, kLoadTime);

  CHECK(Render(engine.Decide(ListArtifacts(), kLoadTime + 9 * kSecond)) == "none");
  CHECK(Render(engine.Decide(ListArtifacts(), kLoadTime + 10 * kSecond)) == "respond 503");
  CHECK(Render(engine.Decide(ListArtifacts(), kLoadTime + 40 * kSecond)) == "none");
}

TEST_CASE("failing build example fails one artifact", "[scenario]") {
  ScenarioEngine engine;
  engine.SetInitial({LoadExample("failing-build.json")}, kLoadTime);

  const Decision decision = engine.Decide(TriggerBuild("695f3c10a4e2b7d8c9f10204"), kLoadTime);

  CHECK(Render(decision) == "build");
  CHECK(decision.build_outcome.final_status == domain::BuildStatus::kFailed);
  CHECK(decision.build_outcome.stop_after == 2 * kSecond);
  CHECK(Render(engine.Decide(TriggerBuild("695f3c10a4e2b7d8c9f10206"), kLoadTime)) == "none");
}

TEST_CASE("directory loads json files in name order", "[scenario]") {
  TemporaryDirectory directory;
  directory.Write("b.json", R"({"name": "second", "rules": []})");
  directory.Write("a.json", R"({"name": "first", "rules": []})");
  directory.Write("notes.txt", "not a scenario");

  const auto results = LoadScenarioPath(directory.path().string());

  REQUIRE(results.size() == 2);
  CHECK(ScenarioName(*results[0].scenario) == "first");
  CHECK(ScenarioName(*results[1].scenario) == "second");
}

TEST_CASE("problems in a directory name their file", "[scenario]") {
  TemporaryDirectory directory;
  const std::string good = directory.Write("a.json", R"({"name": "same", "rules": []})");
  const std::string again = directory.Write("b.json", R"({"name": "same", "rules": []})");
  const std::string broken = directory.Write("c.json", R"({"name": "c", "rules": [{}]})");

  const auto results = LoadScenarioPath(directory.path().string());

  REQUIRE(results.size() == 3);
  CHECK(results[0].problems.empty());
  CHECK(results[1].problems ==
        std::vector<std::string>{again + ": /name: scenario \"same\" is already defined in " + good});
  CHECK(results[2].problems ==
        std::vector<std::string>{broken + ": /rules/0/then: missing; every rule needs a \"then\" with one action"});
}

TEST_CASE("missing path is reported", "[scenario]") {
  const auto results = LoadScenarioPath("/nonexistent/scenarios.json");

  REQUIRE(results.size() == 1);
  CHECK(results[0].problems ==
        std::vector<std::string>{"/nonexistent/scenarios.json: /: cannot read: no such file or directory"});
}

}  // namespace
}  // namespace emulator::scenario
