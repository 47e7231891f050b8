#ifndef EMULATOR_VALIDATION_SCALAR_RULES_H_
#define EMULATOR_VALIDATION_SCALAR_RULES_H_

// pydantic's lax-mode rules for scalar types on Python values from
// json.loads: which inputs coerce, to what, and the error raised otherwise.

#include "validation/schema_engine.h"

namespace emulator::validation {

bool ValidateString(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                    nlohmann::json* out);
bool ValidateInteger(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                     nlohmann::json* out);
bool ValidateNumber(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                    nlohmann::json* out);
bool ValidateBoolean(const OrderedJson& input, IssueSink& sink, nlohmann::json* out);
// Literal values and enum members (kLiteral, kEnum).
bool ValidateChoice(const SchemaNode& node, const OrderedJson& input, IssueSink& sink,
                    nlohmann::json* out);

}  // namespace emulator::validation

#endif  // EMULATOR_VALIDATION_SCALAR_RULES_H_
