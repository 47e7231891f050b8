#ifndef EMULATOR_DOMAIN_CLOCK_H_
#define EMULATOR_DOMAIN_CLOCK_H_

#include <mutex>

#include "domain/timestamp.h"

namespace emulator::domain {

// The one source of "now" for timestamps, build progress and time windows.
// In real mode it follows the system clock (shifted, so that leaving virtual
// mode resumes from the virtual time instead of jumping); in virtual mode it
// is frozen until SetVirtual or Advance moves it.
//
// Thread safety: all methods may be called concurrently.
class Clock {
 public:
  enum class Mode { kReal, kVirtual };

  Clock() = default;
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;

  Timestamp Now() const;
  Mode mode() const;

  // Freezes time at `time`.
  void SetVirtual(Timestamp time);
  // Moves virtual time forward by `micros` (>= 0). In real mode, shifts the
  // real clock by the same amount.
  void Advance(Timestamp micros);
  // Resumes real time from the current reading.
  void SetReal();
  // Back to the plain system clock with no shift.
  void ResetToSystem();

 private:
  static Timestamp SystemNow();

  mutable std::mutex mutex_;
  Mode mode_ = Mode::kReal;             // guarded by mutex_
  Timestamp virtual_now_ = 0;           // guarded by mutex_, meaningful in kVirtual
  Timestamp real_offset_ = 0;           // guarded by mutex_, added to the system clock
};

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_CLOCK_H_
