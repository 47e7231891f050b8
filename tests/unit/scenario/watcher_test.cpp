// Reloading changed scenario files, driven by PollOnce() so that no test
// waits on a timer, plus one run of the real polling thread.

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "scenario/watcher.h"

namespace emulator::scenario {
namespace {

namespace fs = std::filesystem;

struct Recorded {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::string> events;  // "change <name>" or "remove <name>"
};

class WatchedDirectory {
 public:
  WatchedDirectory() {
    std::random_device device;
    path_ = fs::temp_directory_path() / ("scenario-watch-" + std::to_string(device()));
    fs::create_directories(path_);
  }
  ~WatchedDirectory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }

  // Writes the file and moves its modification time forward, so a rewrite
  // within the file system's timestamp resolution is still seen.
  void Write(const std::string& name, const std::string& text) {
    const fs::path file = path_ / name;
    std::ofstream(file) << text;
    fs::last_write_time(file, fs::file_time_type::clock::now() + std::chrono::seconds(++writes_));
  }
  void Remove(const std::string& name) { fs::remove(path_ / name); }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
  int writes_ = 0;
};

std::string Scenario503(const std::string& name) {
  return R"({"name": ")" + name + R"(", "rules": [{"then": {"status": 503}}]})";
}

ScenarioWatcher MakeWatcher(const std::string& path, Recorded& recorded) {
  return ScenarioWatcher(
      {path}, std::chrono::milliseconds(10),
      [&recorded](const std::string&, std::shared_ptr<const Scenario> scenario) {
        std::lock_guard<std::mutex> lock(recorded.mutex);
        recorded.events.push_back("change " + ScenarioName(*scenario));
        recorded.changed.notify_all();
      },
      [&recorded](const std::string&, const std::string& name) {
        std::lock_guard<std::mutex> lock(recorded.mutex);
        recorded.events.push_back("remove " + name);
        recorded.changed.notify_all();
      });
}

using Strings = std::vector<std::string>;

TEST_CASE("watcher ignores files present at start", "[scenario]") {
  WatchedDirectory directory;
  directory.Write("a.json", Scenario503("a"));
  Recorded recorded;
  ScenarioWatcher watcher = MakeWatcher(directory.path(), recorded);

  watcher.TakeBaseline();
  watcher.PollOnce();

  CHECK(recorded.events.empty());
}

TEST_CASE("watcher reports changed and added files", "[scenario]") {
  WatchedDirectory directory;
  directory.Write("a.json", Scenario503("a"));
  Recorded recorded;
  ScenarioWatcher watcher = MakeWatcher(directory.path(), recorded);
  watcher.TakeBaseline();

  directory.Write("a.json", Scenario503("a") + "\n");
  directory.Write("b.json", Scenario503("b"));
  watcher.PollOnce();
  watcher.PollOnce();

  CHECK(recorded.events == Strings{"change a", "change b"});
}

TEST_CASE("watcher keeps the previous version of a broken file", "[scenario]") {
  WatchedDirectory directory;
  directory.Write("a.json", Scenario503("a"));
  Recorded recorded;
  ScenarioWatcher watcher = MakeWatcher(directory.path(), recorded);
  watcher.TakeBaseline();

  directory.Write("a.json", R"({"name": "a", "rules": [{"then": {"fault": "boom"}}]})");
  watcher.PollOnce();
  directory.Write("a.json", Scenario503("a"));
  watcher.PollOnce();

  CHECK(recorded.events == Strings{"change a"});
}

TEST_CASE("watcher reports removed files and renamed scenarios", "[scenario]") {
  WatchedDirectory directory;
  directory.Write("a.json", Scenario503("a"));
  directory.Write("b.json", Scenario503("b"));
  Recorded recorded;
  ScenarioWatcher watcher = MakeWatcher(directory.path(), recorded);
  watcher.TakeBaseline();

  directory.Remove("a.json");
  directory.Write("b.json", Scenario503("b2"));
  watcher.PollOnce();

  CHECK(recorded.events == Strings{"remove a", "change b2", "remove b"});
}

TEST_CASE("watcher thread picks up a change and stops", "[scenario]") {
  WatchedDirectory directory;
  directory.Write("a.json", Scenario503("a"));
  Recorded recorded;
  ScenarioWatcher watcher = MakeWatcher(directory.path(), recorded);
  watcher.Start();

  directory.Write("a.json", Scenario503("a") + " ");
  {
    std::unique_lock<std::mutex> lock(recorded.mutex);
    recorded.changed.wait_for(lock, std::chrono::seconds(5), [&] { return !recorded.events.empty(); });
  }
  watcher.Stop();
  watcher.Stop();

  std::lock_guard<std::mutex> lock(recorded.mutex);
  CHECK(recorded.events == Strings{"change a"});
}

}  // namespace
}  // namespace emulator::scenario
