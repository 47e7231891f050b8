// The clock: real time, frozen virtual time, and the switch between them.
#include <chrono>

#include <catch2/catch.hpp>

#include "domain/clock.h"

namespace emulator::domain {
namespace {

constexpr Timestamp kSecond = kMicrosPerSecond;
constexpr Timestamp kHour = 3600 * kSecond;
// 2030-01-01T00:00:00Z, years away from any system clock the tests run on.
constexpr Timestamp kFuture = 1'893'456'000LL * kMicrosPerSecond;

Timestamp SystemNow() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Generous, because the machine may be busy, and the readings compared with
// it differ by hours or years when the clock is wrong.
constexpr Timestamp kTolerance = 5 * kSecond;

TEST_CASE("a new clock follows the system clock", "[domain]") {
  const Clock clock;

  const Timestamp before = SystemNow();
  const Timestamp now = clock.Now();
  const Timestamp after = SystemNow();

  CHECK(clock.mode() == Clock::Mode::kReal);
  CHECK(now >= before);
  CHECK(now <= after);
}

TEST_CASE("a virtual clock is frozen", "[domain]") {
  Clock clock;

  clock.SetVirtual(kFuture);

  CHECK(clock.mode() == Clock::Mode::kVirtual);
  CHECK(clock.Now() == kFuture);
  CHECK(clock.Now() == kFuture);
}

TEST_CASE("advancing a virtual clock moves it by exactly that much", "[domain]") {
  Clock clock;
  clock.SetVirtual(kFuture);

  clock.Advance(1);
  clock.Advance(2 * kSecond);

  CHECK(clock.Now() == kFuture + 2 * kSecond + 1);
}

TEST_CASE("advancing by a negative amount changes nothing", "[domain]") {
  Clock clock;
  clock.SetVirtual(kFuture);

  clock.Advance(-kHour);

  CHECK(clock.Now() == kFuture);
}

TEST_CASE("setting virtual time may move it backwards", "[domain]") {
  Clock clock;
  clock.SetVirtual(kFuture);

  clock.SetVirtual(kSecond);

  CHECK(clock.Now() == kSecond);
}

TEST_CASE("switching back to real time resumes from the virtual time", "[domain]") {
  Clock clock;
  clock.SetVirtual(kFuture);

  clock.SetReal();
  const Timestamp now = clock.Now();

  CHECK(clock.mode() == Clock::Mode::kReal);
  CHECK(now >= kFuture);
  CHECK(now < kFuture + kTolerance);
}

TEST_CASE("a resumed real clock keeps running", "[domain]") {
  Clock clock;
  clock.SetVirtual(kFuture);
  clock.SetReal();
  const Timestamp first = clock.Now();

  // Spin until the system clock ticks, so that no sleep is needed.
  const Timestamp system_start = SystemNow();
  while (SystemNow() == system_start) {
  }
  const Timestamp second = clock.Now();

  CHECK(second > first);
  CHECK(second < kFuture + kTolerance);
}

TEST_CASE("advancing a real clock shifts it", "[domain]") {
  Clock clock;

  const Timestamp before = SystemNow();
  clock.Advance(kHour);
  const Timestamp now = clock.Now();

  CHECK(now >= before + kHour);
  CHECK(now < before + kHour + kTolerance);
  CHECK(clock.mode() == Clock::Mode::kReal);
}

TEST_CASE("resetting to the system clock drops every shift", "[domain]") {
  Clock clock;
  clock.SetVirtual(kFuture);
  clock.SetReal();
  clock.Advance(kHour);

  clock.ResetToSystem();
  const Timestamp now = clock.Now();

  CHECK(clock.mode() == Clock::Mode::kReal);
  CHECK(now <= SystemNow());
  CHECK(now > SystemNow() - kTolerance);
}

TEST_CASE("freezing a shifted real clock uses the given time", "[domain]") {
  Clock clock;
  clock.Advance(kHour);

  clock.SetVirtual(kFuture);

  CHECK(clock.Now() == kFuture);
}

}  // namespace
}  // namespace emulator::domain
