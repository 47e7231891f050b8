#ifndef EMULATOR_SCENARIO_WATCHER_H_
#define EMULATOR_SCENARIO_WATCHER_H_

// Reloads scenario files when they change on disk, for --watch. It polls the
// modification time and size, which is portable and cheap for a few files.
// A file that no longer parses is logged and the previous version stays active.
//
// Thread safety: Start() and Stop() are called from one thread. Callbacks run
// on the watcher's own thread (or the caller's, for PollOnce()), one at a time.

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "scenario/engine.h"

namespace emulator::scenario {

class ScenarioWatcher {
 public:
  // Receives the new version of a changed or added file.
  using OnChange = std::function<void(const std::string& file, std::shared_ptr<const Scenario>)>;
  // Receives the name of a scenario whose file was deleted, or whose file now
  // defines a scenario under another name.
  using OnRemove = std::function<void(const std::string& file, const std::string& scenario_name)>;

  // Receives a file whose new version does not parse, with its first problem.
  using OnFailure = std::function<void(const std::string& file, const std::string& problem)>;

  // `paths` are files or directories (whose *.json files are watched, new
  // ones included), as given to LoadScenarioPath().
  ScenarioWatcher(std::vector<std::string> paths, std::chrono::milliseconds interval,
                  OnChange on_change, OnRemove on_remove = nullptr, OnFailure on_failure = nullptr);
  ~ScenarioWatcher();  // stops the thread
  ScenarioWatcher(const ScenarioWatcher&) = delete;
  ScenarioWatcher& operator=(const ScenarioWatcher&) = delete;

  // Records the files as they are now, as already loaded, and starts polling.
  void Start();
  // Wakes the thread and joins it; safe to call twice.
  void Stop();

  // Records the current files without calling back. Start() calls it.
  void TakeBaseline();
  // Checks every file once and calls back for each change.
  void PollOnce();

 private:
  struct FileState {
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
    std::string scenario_name;  // of the last version that parsed
  };

  std::vector<std::string> ListFiles() const;
  void Run();

  const std::vector<std::string> paths_;
  const std::chrono::milliseconds interval_;
  const OnChange on_change_;
  const OnRemove on_remove_;
  const OnFailure on_failure_;

  std::map<std::string, FileState> files_;  // used only by the polling thread

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace emulator::scenario

#endif  // EMULATOR_SCENARIO_WATCHER_H_
