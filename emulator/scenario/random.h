#ifndef EMULATOR_SCENARIO_RANDOM_H_
#define EMULATOR_SCENARIO_RANDOM_H_

// A small seeded generator (SplitMix64, Steele, Lea and Flood, 2014) written
// out here instead of taken from <random>: the distributions of <random> are
// implementation-defined, and a scenario must fire the same way whichever
// standard library the emulator was built with.

#include <cstdint>

namespace emulator::scenario {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed = 0) : state_(seed) {}

  std::uint64_t Next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, 1) with 53 random bits, so `NextUnit() < 1.0` is always
  // true and `NextUnit() < 0.0` never is.
  double NextUnit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  // Uniform integer in [low, high]; the modulo bias is below 2^-40 for any
  // range a delay can have.
  std::int64_t NextInRange(std::int64_t low, std::int64_t high) {
    const std::uint64_t span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<std::int64_t>(Next() % span);
  }

 private:
  std::uint64_t state_;
};

// The seed of rule `index` in a scenario seeded with `seed`. Each rule draws
// from a stream of its own, so one rule's draws never shift another's.
inline std::uint64_t RuleSeed(std::uint64_t seed, std::uint64_t index) {
  SplitMix64 mixer(seed ^ (index * 0xD1B54A32D192ED03ULL));
  return mixer.Next();
}

}  // namespace emulator::scenario

#endif  // EMULATOR_SCENARIO_RANDOM_H_
