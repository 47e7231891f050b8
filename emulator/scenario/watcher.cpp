#include "scenario/watcher.h"

#include <algorithm>

#include "scenario/scenario.h"
#include "util/log.h"

namespace emulator::scenario {
namespace {

namespace fs = std::filesystem;
using util::Log;
using util::LogLevel;

}  // namespace

ScenarioWatcher::ScenarioWatcher(std::vector<std::string> paths, std::chrono::milliseconds interval,
                                 OnChange on_change, OnRemove on_remove, OnFailure on_failure)
    : paths_(std::move(paths)),
      interval_(interval),
      on_change_(std::move(on_change)),
      on_remove_(std::move(on_remove)),
      on_failure_(std::move(on_failure)) {}

ScenarioWatcher::~ScenarioWatcher() { Stop(); }

void ScenarioWatcher::Start() {
  TakeBaseline();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { Run(); });
}

void ScenarioWatcher::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ScenarioWatcher::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    PollOnce();
    lock.lock();
  }
}

std::vector<std::string> ScenarioWatcher::ListFiles() const {
  std::vector<std::string> files;
  for (const auto& path : paths_) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      for (const auto& entry : fs::directory_iterator(path, error)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path().string());
      }
    } else if (fs::exists(path, error)) {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

void ScenarioWatcher::TakeBaseline() {
  files_.clear();
  for (const auto& file : ListFiles()) {
    std::error_code error;
    FileState state;
    state.modified = fs::last_write_time(file, error);
    state.size = fs::file_size(file, error);
    // The name is needed to report a later deletion.
    for (const auto& result : LoadScenarioPath(file)) {
      if (result.scenario) state.scenario_name = result.scenario->name;
    }
    files_[file] = state;
  }
}

void ScenarioWatcher::PollOnce() {
  const std::vector<std::string> current = ListFiles();

  for (auto it = files_.begin(); it != files_.end();) {
    if (std::binary_search(current.begin(), current.end(), it->first)) {
      ++it;
      continue;
    }
    if (!it->second.scenario_name.empty()) {
      if (util::LogEnabled(LogLevel::kDebug)) {
        Log(LogLevel::kDebug, it->first + ": file removed; unloading scenario " + it->second.scenario_name);
      }
      if (on_remove_) on_remove_(it->first, it->second.scenario_name);
    }
    it = files_.erase(it);
  }

  for (const auto& file : current) {
    std::error_code error;
    const auto modified = fs::last_write_time(file, error);
    if (error) continue;  // deleted after the listing; the next poll handles it
    const auto size = fs::file_size(file, error);
    if (error) continue;

    const auto known = files_.find(file);
    if (known != files_.end() && known->second.modified == modified && known->second.size == size) {
      continue;
    }
    FileState& state = files_[file];
    state.modified = modified;
    state.size = size;

    const std::vector<ParseResult> results = LoadScenarioPath(file);
    if (results.empty() || !results.front().scenario) {
      const char* kept = state.scenario_name.empty() ? "; not loaded" : "; keeping the previous version";
      std::string first_problem;
      for (const auto& result : results) {
        for (const auto& problem : result.problems) {
          Log(LogLevel::kWarn, problem + kept);
          if (first_problem.empty()) first_problem = problem;
        }
      }
      if (on_failure_) on_failure_(file, first_problem.empty() ? file + ": no scenario in the file" : first_problem);
      continue;
    }

    const std::shared_ptr<const Scenario>& scenario = results.front().scenario;
    const std::string previous_name = state.scenario_name;
    state.scenario_name = scenario->name;
    // The callback owner logs the reload at info level, with what it did.
    const size_t rules = scenario->rules.size();
    if (util::LogEnabled(LogLevel::kDebug)) {
      Log(LogLevel::kDebug, file + ": parsed scenario " + scenario->name + " with " +
                                std::to_string(rules) + (rules == 1 ? " rule" : " rules"));
    }
    if (on_change_) on_change_(file, scenario);
    if (!previous_name.empty() && previous_name != scenario->name && on_remove_) {
      on_remove_(file, previous_name);
    }
  }
}

}  // namespace emulator::scenario
