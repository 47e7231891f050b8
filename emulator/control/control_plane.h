#ifndef EMULATOR_CONTROL_CONTROL_PLANE_H_
#define EMULATOR_CONTROL_CONTROL_PLANE_H_

// Everything the /_emulator/ routes steer, in one place: the store, the
// clock, the request journal, the metrics, the scenario engine and the
// in-memory snapshots. main() builds one ControlPlane and hands it to the
// HTTP server.
//
// Thread safety: every method may be called concurrently.

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.h"
#include "domain/store.h"
#include "journal/metrics.h"
#include "journal/request_journal.h"
#include "scenario/engine.h"

namespace emulator::control {

// The clock's start setting, which a reset also returns to.
struct ClockStart {
  bool virtual_mode = false;
  domain::Timestamp start = 0;  // used in virtual mode
};

struct SnapshotInfo {
  std::string name;
  domain::Timestamp created_at = 0;
};

class ControlPlane {
 public:
  ControlPlane(domain::Store& store, domain::Clock& clock, journal::RequestJournal& journal,
               journal::Metrics& metrics, scenario::ScenarioEngine& scenarios, ClockStart clock_start,
               std::string admin_token);
  ControlPlane(const ControlPlane&) = delete;
  ControlPlane& operator=(const ControlPlane&) = delete;

  domain::Store& store() { return store_; }
  domain::Clock& clock() { return clock_; }
  journal::RequestJournal& journal() { return journal_; }
  journal::Metrics& metrics() { return metrics_; }
  scenario::ScenarioEngine& scenarios() { return scenarios_; }
  // Empty when the control routes need no token.
  const std::string& admin_token() const { return admin_token_; }

  // Back to the start: the seed's world (data and id sequence), the start
  // clock, an empty journal and the loaded scenarios with zeroed counters.
  void Reset();

  // Snapshots of the world (data and id sequence, not the clock).
  SnapshotInfo SaveSnapshot(const std::string& name);
  // Returns false when no snapshot has that name.
  bool RestoreSnapshot(const std::string& name);
  bool DropSnapshot(const std::string& name);
  std::vector<SnapshotInfo> ListSnapshots() const;

  // The number for the next generated X-Request-ID: 1, 2, 3... restarting
  // at a reset, so that a test's ids do not depend on the tests before it.
  unsigned long long NextRequestNumber() { return ++request_number_; }

  // Readiness for /_emulator/ready: false with a reason while loading or
  // after a failed reload.
  void SetReady(bool ready, std::string reason = "");
  bool ready() const { return ready_; }
  std::string not_ready_reason() const;

 private:
  struct Snapshot {
    domain::World world;
    domain::Timestamp created_at;
  };

  domain::Store& store_;
  domain::Clock& clock_;
  journal::RequestJournal& journal_;
  journal::Metrics& metrics_;
  scenario::ScenarioEngine& scenarios_;
  const ClockStart clock_start_;
  const std::string admin_token_;

  std::atomic<bool> ready_{false};
  std::atomic<unsigned long long> request_number_{0};
  mutable std::mutex mutex_;
  std::map<std::string, Snapshot> snapshots_;  // guarded by mutex_
  std::string not_ready_reason_;               // guarded by mutex_
};

}  // namespace emulator::control

#endif  // EMULATOR_CONTROL_CONTROL_PLANE_H_
