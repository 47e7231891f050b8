#ifndef EMULATOR_SCENARIO_RULE_PARSER_H_
#define EMULATOR_SCENARIO_RULE_PARSER_H_

// Parsing of one rule's "match", "when" and "then" sections. Every mistake
// is recorded in the reader; a rule is returned only when it has none.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "scenario/json_reader.h"
#include "scenario/scenario.h"

namespace emulator::scenario {

// Parses rules[index] of scenario `scenario_name`, found at `pointer`.
std::optional<Rule> ParseRule(JsonReader& reader, const nlohmann::json& value,
                              const std::string& pointer, const std::string& scenario_name,
                              size_t index);

// Parses a "then" section. A build action requires `match` to select only
// build triggers. `match` is null when the match was invalid, and then that
// check is skipped.
std::optional<Action> ParseAction(JsonReader& reader, const nlohmann::json& value,
                                  const std::string& pointer, const Match* match);

// Parses "+30s", "+500ms", "+2m", "+1h" (a decimal count is allowed, as in
// "+1.5s") into microseconds; nullopt when malformed.
std::optional<domain::Timestamp> ParseOffset(const std::string& text);

}  // namespace emulator::scenario

#endif  // EMULATOR_SCENARIO_RULE_PARSER_H_
