#include "domain/clock.h"

#include <chrono>

namespace emulator::domain {

Timestamp Clock::SystemNow() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Timestamp Clock::Now() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return mode_ == Mode::kVirtual ? virtual_now_ : SystemNow() + real_offset_;
}

Clock::Mode Clock::mode() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return mode_;
}

void Clock::SetVirtual(Timestamp time) {
  std::lock_guard<std::mutex> lock(mutex_);
  mode_ = Mode::kVirtual;
  virtual_now_ = time;
}

void Clock::Advance(Timestamp micros) {
  if (micros < 0) micros = 0;
  std::lock_guard<std::mutex> lock(mutex_);
  if (mode_ == Mode::kVirtual) {
    virtual_now_ += micros;
  } else {
    real_offset_ += micros;
  }
}

void Clock::SetReal() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (mode_ == Mode::kVirtual) real_offset_ = virtual_now_ - SystemNow();
  mode_ = Mode::kReal;
}

void Clock::ResetToSystem() {
  std::lock_guard<std::mutex> lock(mutex_);
  mode_ = Mode::kReal;
  real_offset_ = 0;
  virtual_now_ = 0;
}

}  // namespace emulator::domain
