#include "journal/request_journal.h"

#include <algorithm>

namespace emulator::journal {
namespace {

nlohmann::json OptionalString(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json JournalEntry::ToJson() const {
  nlohmann::json header_list = nlohmann::json::array();
  for (const auto& [name, value] : headers) header_list.push_back({name, value});
  return {{"id", id},
          {"requestId", request_id},
          {"time", domain::FormatRfc3339(time)},
          {"method", method},
          {"path", path},
          {"query", query},
          {"headers", header_list},
          {"body", body},
          {"bodyTruncated", body_truncated},
          {"status", status},
          {"responseBytes", response_bytes},
          {"durationMicros", duration_micros},
          {"user", OptionalString(user)},
          {"scenarioRule", OptionalString(scenario_rule)},
          {"route", OptionalString(route)}};
}

bool JournalFilter::Matches(const JournalEntry& entry) const {
  if (since && entry.id <= *since) return false;
  if (method && entry.method != *method) return false;
  if (path_prefix && entry.path.compare(0, path_prefix->size(), *path_prefix) != 0) return false;
  if (path_glob && !GlobMatches(*path_glob, entry.path)) return false;
  if (route && entry.route != route) return false;
  if (status && entry.status != *status) return false;
  if (user && entry.user != user) return false;
  return true;
}

RequestJournal::RequestJournal(std::size_t max_entries, std::size_t max_body_bytes)
    : max_entries_(max_entries), max_body_bytes_(max_body_bytes) {}

void RequestJournal::Record(JournalEntry entry) {
  if (entry.body.size() > max_body_bytes_) {
    entry.body.resize(max_body_bytes_);
    entry.body_truncated = true;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  entry.id = next_id_++;
  if (max_entries_ == 0) return;
  if (entries_.size() >= max_entries_) entries_.pop_front();
  entries_.push_back(std::move(entry));
}

std::vector<JournalEntry> RequestJournal::Query(const JournalFilter& filter, std::size_t limit) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<JournalEntry> matches;
  if (filter.since) {
    for (const auto& entry : entries_) {
      if (matches.size() >= limit) break;
      if (filter.Matches(entry)) matches.push_back(entry);
    }
    return matches;
  }
  for (auto entry = entries_.rbegin(); entry != entries_.rend() && matches.size() < limit; ++entry) {
    if (filter.Matches(*entry)) matches.push_back(*entry);
  }
  std::reverse(matches.begin(), matches.end());
  return matches;
}

std::size_t RequestJournal::Count(const JournalFilter& filter) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<std::size_t>(
      std::count_if(entries_.begin(), entries_.end(),
                    [&](const JournalEntry& entry) { return filter.Matches(entry); }));
}

std::size_t RequestJournal::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

void RequestJournal::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
  next_id_ = 1;
}

}  // namespace emulator::journal
