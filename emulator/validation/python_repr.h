#ifndef EMULATOR_VALIDATION_PYTHON_REPR_H_
#define EMULATOR_VALIDATION_PYTHON_REPR_H_

// Python's repr() and str() of JSON values, as pydantic embeds them in error
// messages and contexts (tags, expected literals).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace emulator::validation {

// repr(): strings quoted, None/True/False spelled as Python does.
std::string PythonRepr(const nlohmann::ordered_json& value);

// str(): like PythonRepr, but a string is returned unquoted.
std::string PythonStr(const nlohmann::ordered_json& value);

// Joins reprs as pydantic lists expected values: "'a', 'b' or 'c'".
std::string JoinExpected(const std::vector<nlohmann::ordered_json>& values);

}  // namespace emulator::validation

#endif  // EMULATOR_VALIDATION_PYTHON_REPR_H_
