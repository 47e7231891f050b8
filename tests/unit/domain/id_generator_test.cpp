// ObjectId-shaped ids: their shape, order and determinism.
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "domain/id_generator.h"

namespace emulator::domain {
namespace {

std::vector<std::string> FirstIds(std::uint64_t seed, int count) {
  IdGenerator generator(seed);
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) ids.push_back(generator.Next());
  return ids;
}

TEST_CASE("generated ids are 24 lowercase hex digits", "[domain]") {
  for (const std::string& id : FirstIds(1, 300)) {
    INFO(id);
    CHECK(id.size() == 24);
    CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(IsObjectId(id));
  }
}

TEST_CASE("generated ids increase in generation order", "[domain]") {
  // 300 ids cross the carry from ...ff to ...100 in the counter digits.
  const std::vector<std::string> ids = FirstIds(42, 300);

  for (size_t i = 1; i < ids.size(); ++i) {
    INFO(ids[i - 1] << " then " << ids[i]);
    CHECK(ids[i - 1] < ids[i]);
  }
}

TEST_CASE("the same seed gives the same ids", "[domain]") {
  const std::vector<std::string> first = FirstIds(7, 50);
  const std::vector<std::string> second = FirstIds(7, 50);

  CHECK(first == second);
}

TEST_CASE("different seeds give different ids", "[domain]") {
  std::set<std::string> first_ids;
  std::set<std::string> prefixes;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const std::string id = FirstIds(seed, 1)[0];
    first_ids.insert(id);
    prefixes.insert(id.substr(0, 10));
  }

  CHECK(first_ids.size() == 200);
  CHECK(prefixes.size() == 200);
}

TEST_CASE("the default seed is 1", "[domain]") {
  IdGenerator by_default;
  IdGenerator seeded(1);

  CHECK(by_default.seed() == 1);
  CHECK(by_default.Next() == seeded.Next());
}

TEST_CASE("a generator counts the ids it handed out", "[domain]") {
  IdGenerator generator(3);

  generator.Next();
  generator.Next();

  CHECK(generator.generated() == 2);
  CHECK(generator.seed() == 3);
}

TEST_CASE("a restored count continues the sequence", "[domain]") {
  const std::vector<std::string> original = FirstIds(9, 6);
  IdGenerator restored(9);

  restored.set_generated(4);

  CHECK(restored.Next() == original[4]);
  CHECK(restored.Next() == original[5]);
}

TEST_CASE("an ObjectId is exactly 24 lowercase hex digits", "[domain]") {
  CHECK(IsObjectId("0123456789abcdef01234567"));
  CHECK(IsObjectId("000000000000000000000000"));
  CHECK_FALSE(IsObjectId(""));
  CHECK_FALSE(IsObjectId("0123456789abcdef0123456"));    // 23 digits
  CHECK_FALSE(IsObjectId("0123456789abcdef012345678"));  // 25 digits
  CHECK_FALSE(IsObjectId("0123456789ABCDEF01234567"));
  CHECK_FALSE(IsObjectId("0123456789abcdef0123456g"));
  CHECK_FALSE(IsObjectId("art-1"));
  CHECK_FALSE(IsObjectId(" 123456789abcdef01234567"));
}

}  // namespace
}  // namespace emulator::domain
