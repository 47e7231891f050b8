#ifndef EMULATOR_SEED_STATE_FILE_H_
#define EMULATOR_SEED_STATE_FILE_H_

// Keeps a world across restarts by writing it in the seed format to a state
// file. Writes are atomic: a temporary file in the same directory is flushed
// to disk, then renamed over the old one. A crash therefore leaves either the
// old file or the new one, never a torn mix.

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "domain/store.h"

namespace emulator::seed {

// Writes `content` to `path` atomically. Returns false with `error` set
// (naming the file and the system error) on failure.
bool WriteFileAtomically(const std::string& path, const std::string& content, std::string& error);

// Saves the store's world to a state file every `interval_seconds` when it
// changed since the last save, and once more on Stop().
//
// Thread safety: Start and Stop are called from one thread; SaveIfChanged may
// be called from any thread.
class StatePersister {
 public:
  StatePersister(const domain::Store& store, std::string path, int interval_seconds);
  ~StatePersister();
  StatePersister(const StatePersister&) = delete;
  StatePersister& operator=(const StatePersister&) = delete;

  void Start();
  // Stops the periodic saves and saves a last time.
  void Stop();
  // Returns false when writing failed (the error is logged).
  bool SaveIfChanged();

 private:
  void Run();

  const domain::Store& store_;
  const std::string path_;
  const int interval_seconds_;

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;       // guarded by mutex_
  std::string last_saved_;      // guarded by save_mutex_
  std::mutex save_mutex_;
  std::thread thread_;
};

}  // namespace emulator::seed

#endif  // EMULATOR_SEED_STATE_FILE_H_
