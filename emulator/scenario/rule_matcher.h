#ifndef EMULATOR_SCENARIO_RULE_MATCHER_H_
#define EMULATOR_SCENARIO_RULE_MATCHER_H_

#include <string>

#include "scenario/engine.h"
#include "scenario/scenario.h"
#include "util/glob.h"

namespace emulator::scenario {

// Paths match globs where `*` stands for any run of characters (slashes
// included) and `?` for exactly one character.
using util::GlobMatches;

// True when every condition of `match` holds for `request`.
bool RuleMatches(const Match& match, const RequestFacts& request);

}  // namespace emulator::scenario

#endif  // EMULATOR_SCENARIO_RULE_MATCHER_H_
