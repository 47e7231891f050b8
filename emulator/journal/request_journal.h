#ifndef EMULATOR_JOURNAL_REQUEST_JOURNAL_H_
#define EMULATOR_JOURNAL_REQUEST_JOURNAL_H_

// A bounded, in-memory record of the API requests the emulator served, so
// that a test can check what its client sent. The oldest entries are dropped
// beyond the configured size and request bodies are cut to a configured
// length, so memory stays flat under any load.
//
// Thread safety: every method may be called concurrently.

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/timestamp.h"
#include "util/glob.h"

namespace emulator::journal {

struct JournalEntry {
  std::uint64_t id = 0;  // 1, 2, 3... in arrival order; restarts after Clear
  std::string request_id;
  domain::Timestamp time = 0;
  std::string method;
  std::string path;
  std::string query;  // raw query string
  std::vector<std::pair<std::string, std::string>> headers;  // Authorization redacted
  std::string body;
  bool body_truncated = false;
  int status = 0;
  std::size_t response_bytes = 0;
  std::int64_t duration_micros = 0;
  std::optional<std::string> user;
  std::optional<std::string> scenario_rule;
  std::optional<std::string> route;  // the route template, e.g. /artifacts/{artifact_id}

  nlohmann::json ToJson() const;
};

// Selects entries; unset fields match everything.
struct JournalFilter {
  std::optional<std::string> method;
  std::optional<std::string> path_prefix;
  std::optional<std::string> path_glob;  // `*` any run, `?` one character
  std::optional<std::string> route;
  std::optional<int> status;
  std::optional<std::string> user;
  std::optional<std::uint64_t> since;  // entries with a greater id

  bool Matches(const JournalEntry& entry) const;
};

class RequestJournal {
 public:
  RequestJournal(std::size_t max_entries, std::size_t max_body_bytes);

  // Stores `entry`, assigning its id; drops the oldest entry when full.
  // Cuts the body to the configured length.
  void Record(JournalEntry entry);

  // Matching entries, oldest first. With `since`, the first `limit` after
  // it (for polling); without, the newest `limit`.
  std::vector<JournalEntry> Query(const JournalFilter& filter, std::size_t limit) const;
  std::size_t Count(const JournalFilter& filter) const;
  std::size_t size() const;
  void Clear();

 private:
  const std::size_t max_entries_;
  const std::size_t max_body_bytes_;

  mutable std::mutex mutex_;
  std::deque<JournalEntry> entries_;  // guarded by mutex_
  std::uint64_t next_id_ = 1;         // guarded by mutex_
};

using util::GlobMatches;

}  // namespace emulator::journal

#endif  // EMULATOR_JOURNAL_REQUEST_JOURNAL_H_
