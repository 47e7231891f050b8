#include "control/control_plane.h"

namespace emulator::control {

ControlPlane::ControlPlane(domain::Store& store, domain::Clock& clock, journal::RequestJournal& journal,
                           journal::Metrics& metrics, scenario::ScenarioEngine& scenarios,
                           ClockStart clock_start, std::string admin_token)
    : store_(store), clock_(clock), journal_(journal), metrics_(metrics), scenarios_(scenarios),
      clock_start_(clock_start), admin_token_(std::move(admin_token)) {}

void ControlPlane::Reset() {
  if (clock_start_.virtual_mode) {
    clock_.SetVirtual(clock_start_.start);
  } else {
    clock_.ResetToSystem();
  }
  store_.Reset();
  journal_.Clear();
  request_number_ = 0;
  scenarios_.Reset(clock_.Now());
}

SnapshotInfo ControlPlane::SaveSnapshot(const std::string& name) {
  Snapshot snapshot{store_.Snapshot(), clock_.Now()};
  std::lock_guard<std::mutex> lock(mutex_);
  snapshots_[name] = std::move(snapshot);
  return {name, snapshots_[name].created_at};
}

bool ControlPlane::RestoreSnapshot(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = snapshots_.find(name);
  if (found == snapshots_.end()) return false;
  store_.Replace(found->second.world);
  return true;
}

bool ControlPlane::DropSnapshot(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  return snapshots_.erase(name) > 0;
}

std::vector<SnapshotInfo> ControlPlane::ListSnapshots() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<SnapshotInfo> list;
  for (const auto& [name, snapshot] : snapshots_) list.push_back({name, snapshot.created_at});
  return list;
}

void ControlPlane::SetReady(bool ready, std::string reason) {
  std::lock_guard<std::mutex> lock(mutex_);
  not_ready_reason_ = std::move(reason);
  ready_ = ready;
}

std::string ControlPlane::not_ready_reason() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return not_ready_reason_;
}

}  // namespace emulator::control
