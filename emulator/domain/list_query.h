#ifndef EMULATOR_DOMAIN_LIST_QUERY_H_
#define EMULATOR_DOMAIN_LIST_QUERY_H_

#include <optional>
#include <string>
#include <vector>

namespace emulator::domain {

// Page size rules shared by the four list operations.
inline constexpr int kDefaultPageLimit = 10;
inline constexpr int kMaxPageLimit = 100;

// A validated list request: paging, sort order and filters. An empty filter
// vector means "no filter"; several values in one vector match any of them.
struct ListQuery {
  // Python ints are unbounded, so any offset that fits 64 bits is valid;
  // larger ones are clamped to the maximum (an empty page either way).
  long long offset = 0;
  int limit = kDefaultPageLimit;
  // One of name, createdAt, updatedAt, status (artifacts only), each with an
  // optional leading '-' for descending order.
  std::string order_by = "-createdAt";
  std::vector<std::string> created_by;
  std::vector<std::string> ids;
  std::optional<std::string> search;
  std::vector<std::string> tag_keys;
  std::vector<std::string> tag_values;
  std::vector<std::string> types;
  std::vector<std::string> statuses;
  std::vector<std::string> repository_ids;
};

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_LIST_QUERY_H_
