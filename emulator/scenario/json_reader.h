#ifndef EMULATOR_SCENARIO_JSON_READER_H_
#define EMULATOR_SCENARIO_JSON_READER_H_

// Typed reads from a scenario document that record a problem, with the JSON
// pointer of the offending value, instead of throwing, so that one load
// reports every mistake in the file at once.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace emulator::scenario {

class JsonReader {
 public:
  explicit JsonReader(std::string source) : source_(std::move(source)) {}

  // Records "<source>: <pointer>: <what>"; the document root prints as "/".
  void Problem(const std::string& pointer, const std::string& what);
  const std::vector<std::string>& problems() const { return problems_; }
  std::vector<std::string> TakeProblems() { return std::move(problems_); }

  // Records every key of `object` outside `allowed`: a misspelt key must not
  // be silently ignored, or the rule would apply more widely than written.
  void RejectUnknownKeys(const nlohmann::json& object, const std::string& pointer,
                         const std::vector<std::string>& allowed);

  bool ExpectObject(const nlohmann::json& value, const std::string& pointer);
  std::optional<std::string> String(const nlohmann::json& value, const std::string& pointer);
  // A non-negative integer no smaller than `minimum`.
  std::optional<std::uint64_t> Count(const nlohmann::json& value, const std::string& pointer,
                                     std::uint64_t minimum);
  std::optional<double> Number(const nlohmann::json& value, const std::string& pointer);
  // A string, or an array of strings; nullopt (with a problem) otherwise.
  std::optional<std::vector<std::string>> StringOrList(const nlohmann::json& value,
                                                       const std::string& pointer);
  // An object whose values are all strings, in document order.
  std::optional<std::vector<std::pair<std::string, std::string>>> StringMap(
      const nlohmann::json& value, const std::string& pointer);

  static std::string Child(const std::string& pointer, const std::string& key);
  static std::string Child(const std::string& pointer, size_t index);
  // "a string", "an integer", ... for messages.
  static std::string Describe(const nlohmann::json& value);

 private:
  std::string source_;
  std::vector<std::string> problems_;
};

}  // namespace emulator::scenario

#endif  // EMULATOR_SCENARIO_JSON_READER_H_
