#include "seed/state_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "seed/seed_writer.h"
#include "util/log.h"

namespace emulator::seed {

bool WriteFileAtomically(const std::string& path, const std::string& content, std::string& error) {
  const std::string temporary = path + ".tmp." + std::to_string(getpid());
  const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = "cannot create '" + temporary + "': " + std::strerror(errno);
    return false;
  }
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t result = write(fd, content.data() + written, content.size() - written);
    if (result < 0 && errno == EINTR) continue;
    if (result <= 0) {
      error = "cannot write '" + temporary + "': " + std::strerror(errno);
      close(fd);
      unlink(temporary.c_str());
      return false;
    }
    written += static_cast<size_t>(result);
  }
  // The data must be on disk before the rename makes it the state file.
  if (fsync(fd) != 0 || close(fd) != 0) {
    error = "cannot flush '" + temporary + "': " + std::strerror(errno);
    unlink(temporary.c_str());
    return false;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    error = "cannot rename '" + temporary + "' to '" + path + "': " + std::strerror(errno);
    unlink(temporary.c_str());
    return false;
  }
  return true;
}

StatePersister::StatePersister(const domain::Store& store, std::string path, int interval_seconds)
    : store_(store), path_(std::move(path)), interval_seconds_(interval_seconds) {}

StatePersister::~StatePersister() { Stop(); }

void StatePersister::Start() {
  {
    std::lock_guard<std::mutex> lock(save_mutex_);
    last_saved_ = WorldToSeed(store_.Snapshot()).dump(2);
  }
  if (interval_seconds_ > 0) thread_ = std::thread([this] { Run(); });
}

void StatePersister::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  SaveIfChanged();
}

bool StatePersister::SaveIfChanged() {
  std::lock_guard<std::mutex> lock(save_mutex_);
  std::string content = WorldToSeed(store_.Snapshot()).dump(2);
  if (content == last_saved_) return true;
  std::string error;
  if (!WriteFileAtomically(path_, content + "\n", error)) {
    util::Log(util::LogLevel::kError, "Could not save the world to the state file: " + error +
                                          "; the previous state file is unchanged");
    return false;
  }
  last_saved_ = std::move(content);
  util::Log(util::LogLevel::kDebug, "Saved the world to " + path_);
  return true;
}

void StatePersister::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, std::chrono::seconds(interval_seconds_), [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    SaveIfChanged();
    lock.lock();
  }
}

}  // namespace emulator::seed
