#ifndef EMULATOR_VALIDATION_PYTHON_JSON_H_
#define EMULATOR_VALIDATION_PYTHON_JSON_H_

// A JSON reader that accepts and rejects exactly what Python 3.11's
// `json.loads` does on a request body, and reports a rejection with the same
// message and character position as its `JSONDecodeError`.

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace emulator::validation {

struct PythonJsonResult {
  enum class Status {
    kOk,
    kDecodeError,  // json.JSONDecodeError: `message` and `position` are set
    kUnreadable,   // UnicodeDecodeError or RecursionError in Python
  };
  Status status = Status::kOk;
  // Objects keep their members in document order, because pydantic reports
  // extra fields in the order they arrived.
  nlohmann::ordered_json value;
  std::string message;
  std::size_t position = 0;  // in characters (code points), as Python counts
};

// Nesting deeper than this is rejected as unreadable.
// NOTE: Python's decoder raises RecursionError near its recursion limit of
// 1000, at a depth that depends on the stack already in use.
inline constexpr int kMaxJsonDepth = 1000;

// Parses `text` (bytes as received) the way `json.loads(bytes)` does.
PythonJsonResult ParsePythonJson(std::string_view text);

}  // namespace emulator::validation

#endif  // EMULATOR_VALIDATION_PYTHON_JSON_H_
