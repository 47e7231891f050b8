#ifndef EMULATOR_DOMAIN_PAGINATION_H_
#define EMULATOR_DOMAIN_PAGINATION_H_

#include <algorithm>
#include <string>
#include <vector>

namespace emulator::domain {

template <typename T>
struct Page {
  std::vector<T> items;
  long long total = 0;  // matches before slicing
};

// Returns the slice [offset, offset + limit) of `items`, and their count.
template <typename T>
Page<T> Slice(std::vector<T> items, long long offset, long long limit) {
  Page<T> page;
  page.total = static_cast<long long>(items.size());
  if (offset < page.total) {
    const auto first = items.begin() + offset;
    const auto last = items.begin() + std::min(page.total, offset + limit);
    page.items.assign(std::make_move_iterator(first), std::make_move_iterator(last));
  }
  return page;
}

// A sort order parsed from an `orderBy` value such as "-createdAt".
struct SortOrder {
  std::string field;
  bool descending = false;

  static SortOrder Parse(const std::string& order_by) {
    if (!order_by.empty() && order_by[0] == '-') return {order_by.substr(1), true};
    return {order_by, false};
  }
};

// Sorts by `key(item)` and breaks ties by `id(item)`, both in the order's
// direction, so that pages never repeat or skip an item. Only the first
// `needed` items end up in order (all of them when `needed` is larger), which
// is all a page needs and keeps large lists cheap: O(n log needed).
template <typename T, typename KeyFn, typename IdFn>
void SortStable(std::vector<T>& items, bool descending, KeyFn key, IdFn id,
                long long needed = -1) {
  const auto before = [&](const T& left, const T& right) {
    // Keys and ids are compared in place: copying strings per comparison
    // dominated the cost of sorting large lists.
    const auto& left_key = key(left);
    const auto& right_key = key(right);
    if (left_key != right_key) return descending ? right_key < left_key : left_key < right_key;
    const auto& left_id = id(left);
    const auto& right_id = id(right);
    return descending ? right_id < left_id : left_id < right_id;
  };
  if (needed >= 0 && needed < static_cast<long long>(items.size())) {
    std::partial_sort(items.begin(), items.begin() + needed, items.end(), before);
  } else {
    std::sort(items.begin(), items.end(), before);
  }
}

// The number of leading items a page at `offset` of `limit` items needs in
// order, without overflowing for huge offsets.
inline long long ItemsNeeded(long long offset, long long limit) {
  return offset > (1LL << 62) - limit ? (1LL << 62) : offset + limit;
}

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_PAGINATION_H_
