// Slicing, sort order parsing and the stable sort shared by every list.
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "domain/pagination.h"

namespace emulator::domain {
namespace {

std::string Joined(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) joined += joined.empty() ? item : "," + item;
  return joined;
}

const std::vector<std::string> kFive = {"a", "b", "c", "d", "e"};

TEST_CASE("a slice returns the items from offset up to limit", "[domain]") {
  const Page<std::string> first = Slice(kFive, 0, 2);
  const Page<std::string> middle = Slice(kFive, 2, 2);
  const Page<std::string> last = Slice(kFive, 4, 2);

  CHECK(Joined(first.items) == "a,b");
  CHECK(Joined(middle.items) == "c,d");
  CHECK(Joined(last.items) == "e");
  CHECK(first.total == 5);
  CHECK(middle.total == 5);
  CHECK(last.total == 5);
}

TEST_CASE("a slice past the end is empty", "[domain]") {
  const Page<std::string> at_end = Slice(kFive, 5, 10);
  const Page<std::string> past_end = Slice(kFive, 1000, 10);

  CHECK(at_end.items.empty());
  CHECK(at_end.total == 5);
  CHECK(past_end.items.empty());
  CHECK(past_end.total == 5);
}

TEST_CASE("a slice with a huge offset is empty", "[domain]") {
  const Page<std::string> page = Slice(kFive, 9'223'372'036'854'775'807LL, 100);

  CHECK(page.items.empty());
  CHECK(page.total == 5);
}

TEST_CASE("a slice larger than the list returns the whole list", "[domain]") {
  const Page<std::string> page = Slice(kFive, 0, 100);

  CHECK(Joined(page.items) == "a,b,c,d,e");
}

TEST_CASE("a slice of an empty list is empty", "[domain]") {
  const Page<std::string> page = Slice(std::vector<std::string>{}, 0, 10);

  CHECK(page.items.empty());
  CHECK(page.total == 0);
}

TEST_CASE("a slice with limit zero counts but returns nothing", "[domain]") {
  const Page<std::string> page = Slice(kFive, 1, 0);

  CHECK(page.items.empty());
  CHECK(page.total == 5);
}

TEST_CASE("a leading minus sorts descending", "[domain]") {
  const SortOrder descending = SortOrder::Parse("-createdAt");
  const SortOrder ascending = SortOrder::Parse("name");

  CHECK(descending.field == "createdAt");
  CHECK(descending.descending);
  CHECK(ascending.field == "name");
  CHECK_FALSE(ascending.descending);
}

TEST_CASE("an empty orderBy parses to an empty ascending field", "[domain]") {
  const SortOrder empty = SortOrder::Parse("");
  const SortOrder minus_only = SortOrder::Parse("-");

  CHECK(empty.field == "");
  CHECK_FALSE(empty.descending);
  CHECK(minus_only.field == "");
  CHECK(minus_only.descending);
}

// Items are "key/id" pairs, so the tie-break is visible in the output.
using Item = std::pair<int, std::string>;

std::string Rendered(const std::vector<Item>& items) {
  std::string rendered;
  for (const auto& [key, id] : items) {
    if (!rendered.empty()) rendered += ",";
    rendered += std::to_string(key) + "/" + id;
  }
  return rendered;
}

std::vector<Item> SortedItems(bool descending) {
  std::vector<Item> items = {{2, "b"}, {1, "z"}, {2, "a"}, {3, "m"}, {1, "y"}, {2, "c"}};
  SortStable(items, descending, [](const Item& item) { return item.first; },
             [](const Item& item) { return item.second; });
  return items;
}

TEST_CASE("an ascending sort breaks ties by ascending id", "[domain]") {
  const std::vector<Item> items = SortedItems(false);

  CHECK(Rendered(items) == "1/y,1/z,2/a,2/b,2/c,3/m");
}

TEST_CASE("a descending sort breaks ties by descending id", "[domain]") {
  const std::vector<Item> items = SortedItems(true);

  CHECK(Rendered(items) == "3/m,2/c,2/b,2/a,1/z,1/y");
}

TEST_CASE("sorted pages never repeat or skip items", "[domain]") {
  std::vector<Item> items;
  for (int i = 0; i < 23; ++i) items.push_back({i % 3, std::string(1, static_cast<char>('a' + i))});
  SortStable(items, true, [](const Item& item) { return item.first; },
             [](const Item& item) { return item.second; });

  std::vector<Item> paged;
  for (long long offset = 0; offset < 23; offset += 5) {
    const Page<Item> page = Slice(items, offset, 5);
    paged.insert(paged.end(), page.items.begin(), page.items.end());
  }

  CHECK(Rendered(paged) == Rendered(items));
}

}  // namespace
}  // namespace emulator::domain
