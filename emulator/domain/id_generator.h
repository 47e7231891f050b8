#ifndef EMULATOR_DOMAIN_ID_GENERATOR_H_
#define EMULATOR_DOMAIN_ID_GENERATOR_H_

#include <cstdint>
#include <string>

namespace emulator::domain {

// Generates ObjectId-shaped ids (24 lowercase hex digits) that depend only on
// the seed and on how many ids were generated before: two runs with the same
// seed and the same request sequence produce the same ids. Ids increase in
// generation order, so sorting by id is sorting by creation.
//
// Not thread-safe: it lives inside the world that the store's lock guards.
class IdGenerator {
 public:
  explicit IdGenerator(std::uint64_t seed = 1);

  std::string Next();

  std::uint64_t seed() const { return seed_; }
  std::uint64_t generated() const { return counter_; }
  // Continues a sequence saved with generated(), e.g. from a state file.
  void set_generated(std::uint64_t count) { counter_ = count; }

 private:
  std::uint64_t seed_;
  std::string prefix_;          // 10 hex digits derived from the seed
  std::uint64_t counter_ = 0;   // ids handed out so far
};

// True for a string of exactly 24 lowercase hex digits.
bool IsObjectId(const std::string& text);

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_ID_GENERATOR_H_
