#ifndef EMULATOR_DOMAIN_FILTERS_H_
#define EMULATOR_DOMAIN_FILTERS_H_

#include <string>
#include <vector>

#include "domain/model.h"

namespace emulator::domain {

// True when `values` is empty (no filter) or contains `value`.
bool MatchesAny(const std::vector<std::string>& values, const std::string& value);

// Case-insensitive substring test; an empty needle matches everything.
bool ContainsIgnoringCase(const std::string& haystack, const std::string& needle);

// The tagKeys/tagValues filters: each non-empty list must match one tag.
bool MatchesTags(const std::vector<Tag>& tags, const std::vector<std::string>& keys,
                 const std::vector<std::string>& values);

}  // namespace emulator::domain

#endif  // EMULATOR_DOMAIN_FILTERS_H_
