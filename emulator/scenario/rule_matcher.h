#ifndef EMULATOR_SCENARIO_RULE_MATCHER_H_
#define EMULATOR_SCENARIO_RULE_MATCHER_H_

#include <string>

#include "scenario/engine.h"
#include "scenario/scenario.h"

namespace emulator::scenario {

// True when `text` matches `pattern` as a whole, where `*` stands for any
// run of characters (slashes included) and `?` for exactly one character.
bool GlobMatches(const std::string& pattern, const std::string& text);

// True when every condition of `match` holds for `request`.
bool RuleMatches(const Match& match, const RequestFacts& request);

}  // namespace emulator::scenario

#endif  // EMULATOR_SCENARIO_RULE_MATCHER_H_
